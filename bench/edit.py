#!/usr/bin/env python3
"""An edit against a check of the same large plan, for one or more builds.

    python3 bench/edit.py [--actions 9999] [--rounds 7] [--keep DIR] CTG [CTG ...]

Generates a plan with gen_big_plan.py, then runs, alternating builds and
commands in each round, `ctg check` and `ctg set 2 --due D` (D alternates
between two dates, so that every edit writes). Prints, for each build, the
median wall time and the peak memory of both, and the edit / check ratios
the target is stated in. Compare the ratios of builds measured in the same
run, not seconds.
"""
import argparse, os, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ENV = dict(os.environ, CTG_TODAY="2026-06-30", NO_COLOR="1")
ENV.pop("CTG_PLAN", None)
DATES = ["2026-11-30", "2026-12-31"]


def run(argv, memory):
    """Wall time in seconds, or peak memory in MB by GNU time."""
    if memory:
        argv = ["/usr/bin/time", "-f", "%M", *argv]
    start = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{' '.join(argv)} exited with {proc.returncode}:\n{proc.stderr.decode(errors='replace')}")
    return int(proc.stderr.decode().split()[-1]) / 1024 if memory else elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--actions", type=int, default=9999)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--keep", help="generate the plan here and keep it")
    parser.add_argument("ctg", nargs="+", help="ctg binaries to compare")
    args = parser.parse_args()
    work = args.keep or tempfile.mkdtemp(prefix="ctg-edit-bench-")
    plan = os.path.join(work, f"plan-{args.actions}")
    if not os.path.isdir(plan):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_big_plan.py"), "--actions", str(args.actions),
                        "--out", plan], check=True, stdout=subprocess.DEVNULL)
    commands = {}
    for ctg in args.ctg:
        commands[(ctg, "check")] = lambda n, ctg=ctg: [ctg, "--plan", plan, "check"]
        commands[(ctg, "set")] = lambda n, ctg=ctg: [ctg, "--plan", plan, "set", "2", "--due", DATES[n % 2]]
    times = {key: [] for key in commands}
    memory = {key: [] for key in commands}
    runs = 0
    for _ in range(args.rounds):
        for key, argv in commands.items():
            for measured, into in ((False, times), (True, memory)):
                into[key].append(run(argv(runs), measured))
                runs += 1
    print(f"{args.actions} actions, {args.rounds} rounds")
    for ctg in args.ctg:
        check, edit = (ctg, "check"), (ctg, "set")
        t_check, t_edit = statistics.median(times[check]), statistics.median(times[edit])
        m_check, m_edit = max(memory[check]), max(memory[edit])
        print(f"{ctg}\n  check {t_check * 1e3:8.1f} ms {m_check:6.1f} MB"
              f"\n  set   {t_edit * 1e3:8.1f} ms {m_edit:6.1f} MB"
              f"\n  set / check: time {t_edit / t_check:.2f}, peak memory {m_edit / m_check:.2f}")


if __name__ == "__main__":
    main()
