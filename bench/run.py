#!/usr/bin/env python3
"""Benchmark of ctg against two floors, measured in one run.

    python3 bench/run.py [--rounds 7] [--generator ../shared/bench/gen_corpus.py] [--keep DIR]

Builds ctg and the two baselines in release mode, generates corpora of 250,
500 and 1,000 synthetic plans with the shared generator, then runs, in
alternation and several times each:
  - ctg portfolio on each corpus;
  - the parse floor: read and parse every file into toml::Table on all cores;
  - ctg check on one plan, ctg status on the bundled plan;
  - a hello-world process (the start floor).
It prints the median wall time and peak memory of each, and the ratios the
project's targets are stated in. Machines are noisy: compare ratios, not seconds.
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TODAY = "2026-06-30"  # the generated plans are valid on this day


ENV = dict(os.environ, CTG_TODAY=TODAY, NO_COLOR="1")
ENV.pop("CTG_PLAN", None)


def run_once(argv):
    """Wall time of one process, in seconds."""
    start = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV, close_fds=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{' '.join(argv)} exited with {proc.returncode}:\n{proc.stderr.decode(errors='replace')}")
    return elapsed


def peak_memory(argv):
    """Peak resident memory in MB, by GNU time (a child forked from this
    interpreter would count the interpreter's own pages); None without it."""
    if not os.path.exists("/usr/bin/time"):
        return None
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", *argv], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, env=ENV)
    return int(proc.stderr.decode().strip().splitlines()[-1]) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--generator", default=os.path.join(REPO, "..", "shared", "bench", "gen_corpus.py"))
    parser.add_argument("--keep", help="generate the corpora here and keep them")
    args = parser.parse_args()

    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "ctg",
                    "--example", "parse-floor", "--example", "hello"], cwd=REPO, check=True)
    target = os.path.join(REPO, "target", "release")
    ctg = os.path.join(target, "ctg")
    floor = os.path.join(target, "examples", "parse-floor")
    hello = os.path.join(target, "examples", "hello")

    work = args.keep or tempfile.mkdtemp(prefix="ctg-bench-")
    sizes = [250, 500, 1000]
    corpora = {}
    for size in sizes:
        corpora[size] = os.path.join(work, f"corpus-{size}")
        if not os.path.isdir(corpora[size]):
            subprocess.run([sys.executable, args.generator, "--plans", str(size), "--out", corpora[size]],
                           check=True, stdout=subprocess.DEVNULL)
    one_plan = os.path.join(corpora[1000], sorted(os.listdir(corpora[1000]))[0])

    commands = {}
    for size in sizes:
        commands[f"ctg portfolio ({size} plans)"] = [ctg, "portfolio", corpora[size], "--format", "json"]
        commands[f"parse floor ({size} plans)"] = [floor, corpora[size]]
    commands["ctg check (one plan)"] = [ctg, "--plan", one_plan, "check"]
    commands["ctg status (bundled plan)"] = [ctg, "--plan", os.path.join(REPO, "plan"), "status"]
    commands["hello world"] = [hello]

    times = {name: [] for name in commands}
    memory = {name: peak_memory(argv) for name, argv in commands.items()}  # also warms the cache
    for _ in range(args.rounds):
        for name, argv in commands.items():
            times[name].append(run_once(argv))

    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"cores: {os.cpu_count()}, rounds: {args.rounds}, corpus of 1000 plans: "
          f"{sum(len(f) for _, _, f in os.walk(corpora[1000]))} files, "
          f"{sum(os.path.getsize(os.path.join(d, x)) for d, _, f in os.walk(corpora[1000]) for x in f) / 1e6:.0f} MB")
    print(f"{'command':34} {'median':>10} {'min':>10} {'peak MB':>8}")
    for name in commands:
        peak = "n/a" if memory[name] is None else f"{memory[name]:.1f}"
        print(f"{name:34} {median[name] * 1000:8.1f} ms {min(times[name]) * 1000:7.1f} ms {peak:>8}")
    print()
    print("ratios (targets in brackets):")
    ratio = median["ctg portfolio (1000 plans)"] / median["parse floor (1000 plans)"]
    print(f"  portfolio / parse floor, 1000 plans: {ratio:5.2f}  [<= 1.3]")
    ratio = median["ctg status (bundled plan)"] / median["hello world"]
    print(f"  status / hello world:                {ratio:5.2f}  [<= 2]")
    ratio = median["ctg check (one plan)"] / median["hello world"]
    print(f"  check one plan / hello world:        {ratio:5.2f}")
    peak = memory["ctg portfolio (1000 plans)"]
    print(f"  portfolio peak memory, 1000 plans:   {'n/a' if peak is None else f'{peak:5.1f}'} MB  [< 100]")
    per_plan = [median[f"ctg portfolio ({n} plans)"] / n * 1e3 for n in sizes]
    print("  portfolio time per plan (ms), 250 / 500 / 1000 plans: "
          + " / ".join(f"{value:.3f}" for value in per_plan) + "  [flat: linear growth]")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
