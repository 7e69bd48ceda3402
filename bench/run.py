#!/usr/bin/env python3
"""Benchmark of ctg against two floors, measured in one run.

    python3 bench/run.py [--rounds 11] [--actions 9999] [--warnings 4000] [--keep DIR] [--compare CTG]

Builds ctg and the two baselines in release mode, generates with the
generators beside this script corpora of 250, 500 and 1,000 synthetic plans,
one large plan (9,999 actions of 8 modalities, 3 indicators and 10 journal
entries), a plan whose first action carries 4,000 warnings, and a git
repository of the large plan with 10 commits; then runs, in alternation and
several times each:
  - ctg portfolio on each corpus;
  - the parse floor: read and parse every file into toml::Table on all cores,
    on each corpus and on the large plan;
  - status, check, show, pilots, list --text and report on the large plan;
  - an edit (ctg set, alternating two due dates) on the large plan;
  - ctg diff HEAD~10 HEAD in the repository of the large plan;
  - check of the plan with many warnings, for people and in JSON;
  - ctg check on one plan, ctg status on the bundled plan;
  - a hello-world process (the start floor).
Each target's command runs right beside what it is measured against (the
parse floor, check, the JSON, hello world), in a new order each round, and
its ratio is taken pair by pair: the machine's slow spells, which last
seconds, then weigh on both sides of a ratio alike. The commands on a small
plan and hello world, which take a millisecond or two, run 40 times a round,
and the check of the plan with many warnings and its JSON 10 times.
It prints the median wall time and peak memory of each command, and the
median of each target's ratios with the middle half of them. Machines are
noisy: compare ratios, not seconds.
"""
import argparse, json, os, random, shutil, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
TODAY = "2026-06-30"  # the generated plans are valid on this day


ENV = dict(os.environ, CTG_TODAY=TODAY, NO_COLOR="1")
ENV.pop("CTG_PLAN", None)


def release_build(*targets):
    """Builds the targets cargo is given (`"--bin", "ctg"`, `"--example", …`)
    in release mode and returns their programs by name, where cargo says it
    put them: under target/<target>/release/, since every build names its
    target (.cargo/config.toml)."""
    proc = subprocess.run(["cargo", "build", "--release", "--quiet", "--message-format=json-render-diagnostics",
                           *targets], cwd=REPO, check=True, stdout=subprocess.PIPE)
    built = {}
    for line in proc.stdout.decode().splitlines():
        message = json.loads(line)
        if message.get("reason") == "compiler-artifact" and message.get("executable"):
            built[message["target"]["name"]] = message["executable"]
    return built


def hello_world():
    """The start floor: bench/hello.rs built as a Rust program is by default,
    linked to the C library dynamically, with the release profile's
    optimisations. rustc is called directly so that the static linking the
    project's own builds ask for (.cargo/config.toml) does not reach it."""
    program = os.path.join(REPO, "target", "hello-world", "hello")
    os.makedirs(os.path.dirname(program), exist_ok=True)
    subprocess.run(["rustc", "--edition", "2024", "-C", "opt-level=3", "-C", "lto=fat", "-C", "codegen-units=1",
                    "-C", "panic=abort", "-C", "strip=debuginfo", "-C", "target-feature=-crt-static",
                    "-o", program, os.path.join(HERE, "hello.rs")], check=True)
    return program


def staged(program, folder):
    """A fresh copy of `program` in `folder`. How a program's file sits in
    the page cache moves its start by a fifth: the same bytes written a
    minute ago or read back from the disk start at 1.50 and 1.75 x hello
    world. Every program timed is copied, so that all start from a file
    just written, as after a build or an install."""
    copy = os.path.join(folder, f"{len(os.listdir(folder))}-{os.path.basename(program)}")
    shutil.copy2(program, copy)
    return copy


def next_argv(argv):
    """The command line to run: a command given as a list of command lines
    runs the next one each time (an edit that alternates two values, so
    that every run changes the file)."""
    if isinstance(argv[0], list):
        argv.append(argv.pop(0))
        return argv[-1]
    return argv


def run_once(argv):
    """Wall time of one process, in seconds."""
    argv = next_argv(argv)
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
    argv = next_argv(argv)
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", *argv], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, env=ENV)
    # GNU time counts kibibytes; MB here are 10^6 bytes, as the plan's size.
    return int(proc.stderr.decode().strip().splitlines()[-1]) * 1024 / 1e6


# The commands that only start and read a small plan run this many times a
# round, in turn with each other.
QUICK = ("ctg check (one plan)", "ctg status (bundled plan)", "hello world")
QUICK_RUNS = 40

# The single-plan commands measured on the large plan against the parse floor;
# MIDDLE stands for the action in the middle of the plan, whatever its size.
LARGE_COMMANDS = {
    "ctg status (large plan)": ["status"],
    "ctg check (large plan)": ["check"],
    "ctg show (large plan)": ["show", "MIDDLE"],
    "ctg pilots (large plan)": ["pilots"],
    "ctg list --text (large plan)": ["list", "--text", "atelier"],
    "ctg report (large plan)": ["report"],
}


def folder_megabytes(folder):
    return sum(os.path.getsize(os.path.join(d, x)) for d, _, f in os.walk(folder) for x in f) / 1e6


def single_plans(work, args):
    """The large plan, the plan with many warnings (a 20-action plan whose
    first action has that many journal entries out of order) and a git
    repository holding the large plan with 10 commits after the first."""
    big = os.path.join(work, f"plan-{args.actions}")
    if not os.path.isdir(big):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_big_plan.py"), "--actions", str(args.actions),
                        "--out", big], check=True, stdout=subprocess.DEVNULL)
    warned = os.path.join(work, f"warnings-{args.warnings}")
    if not os.path.isdir(warned):
        small = os.path.join(work, "plan-20")
        subprocess.run([sys.executable, os.path.join(HERE, "gen_big_plan.py"), "--actions", "20", "--out", small],
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run([sys.executable, os.path.join(HERE, "gen_warnings.py"), small, str(args.warnings), warned],
                       check=True, stdout=subprocess.DEVNULL)
    repo = os.path.join(work, "repo")
    if not os.path.isdir(repo):
        shutil.copytree(big, os.path.join(repo, "plan"))
        git = ["git", "-C", repo, "-c", "user.name=bench", "-c", "user.email=bench@example.org"]
        subprocess.run([*git, "init", "--quiet"], check=True)
        subprocess.run([*git, "add", "."], check=True)
        subprocess.run([*git, "commit", "--quiet", "-m", "plan"], check=True)
        actions = os.path.join(repo, "plan", "actions")
        names = sorted(os.listdir(actions))
        for step in range(10):
            path = os.path.join(actions, names[step * len(names) // 10])
            text = open(path, encoding="utf-8").read()
            text += f'\n[[log]]\ndate = 2026-06-{step + 10}\nnote = "Point d\'étape {step}"\n'
            open(path, "w", encoding="utf-8").write(text)
            subprocess.run([*git, "commit", "--quiet", "-am", f"step {step}"], check=True)
    return big, warned, repo


# The check of the plan with many warnings takes some 30 ms: its pair runs
# this many times a round.
WARNINGS_RUNS = 10


def targets(compare):
    """The ratios of the targets: (label, command, what it is measured
    against, how many times, target). Each is taken run beside run."""
    floor = "parse floor (large plan)"
    check = "ctg check (large plan)"
    listed = [(name.replace("(large plan)", "/ parse floor"), name, floor, 1, "<= 1.3") for name in LARGE_COMMANDS]
    listed += [
        ("check, 4000 warnings: people / json", "ctg check (warnings)", "ctg check --format json (warnings)", 1, "<= 2"),
        ("edit (set) / check, large plan", "ctg set (large plan)", check, 1, "<= 1.2"),
        ("diff HEAD~10 HEAD / two checks", "ctg diff HEAD~10 HEAD", check, 2, "<= 1.2"),
        ("status, bundled plan / hello world", "ctg status (bundled plan)", "hello world", 1, "<= 1.5"),
        ("check one plan / hello world", "ctg check (one plan)", "hello world", 1, ""),
        ("portfolio / parse floor, 1000 plans", "ctg portfolio (1000 plans)", "parse floor (1000 plans)", 1, "<= 1.0"),
    ]
    if compare:
        listed += [(name, name, "earlier: " + name, 1, None) for name in (*LARGE_COMMANDS, "ctg set (large plan)",
                                                                           "ctg diff HEAD~10 HEAD")]
    return listed


def groups(commands, ratios):
    """The commands as they run together: each target's command with what
    it is measured against, the small plan's commands and hello world
    together, and each command no target pairs on its own."""
    quick = [name for name in commands if name in QUICK]
    together = [[command, against] for _, command, against, _, _ in ratios
                if command not in QUICK and against not in QUICK]
    paired = {name for group in together for name in group}
    alone = [[name] for name in commands if name not in paired and name not in QUICK]
    def runs(group):
        return WARNINGS_RUNS if "ctg check (warnings)" in group else 1

    return [(group, runs(group)) for group in together + alone] + [(quick, QUICK_RUNS)]


def print_ratios(ratios, paired, memory, sizes, median, plan_megabytes):
    """Each target's median ratio, the middle half of its ratios, its target."""
    def line(label, values, target=None):
        values = sorted(values)
        low, high = values[len(values) // 4], values[(3 * len(values)) // 4]
        aim = "" if target is None else f"  [{target}]"
        print(f"  {label:46} {statistics.median(values):6.2f}  ({low:.2f}–{high:.2f}){aim}")

    def peak(name):
        return memory[name] if memory[name] is not None else float("nan")

    print("ratios, run beside run: median (middle half) [target]:")
    for label, command, against, _, target in ratios:
        if target is not None:
            line(label, paired[(command, against)], target)
    print(f"  {'edit (set) / check, peak memory':46} "
          f"{peak('ctg set (large plan)') / peak('ctg check (large plan)'):6.2f}  [<= 1.2]")
    print(f"  {f'check peak memory / plan TOML ({plan_megabytes:.0f} MB)':46} "
          f"{peak('ctg check (large plan)') / plan_megabytes:6.2f}  [<= 2]")
    peak_portfolio = memory["ctg portfolio (1000 plans)"]
    print(f"  portfolio peak memory, 1000 plans:   {'n/a' if peak_portfolio is None else f'{peak_portfolio:5.1f}'} MB")
    per_plan = [median[f"ctg portfolio ({n} plans)"] / n * 1e3 for n in sizes]
    print("  portfolio time per plan (ms), 250 / 500 / 1000 plans: "
          + " / ".join(f"{value:.3f}" for value in per_plan) + "  [flat: linear growth]")
    earlier = [(label, command, against) for label, command, against, _, target in ratios if target is None]
    if earlier:
        print()
        print("this build / the other build, run beside run: median (middle half):")
        for label, command, against in earlier:
            line(label, paired[(command, against)])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=11,
                        help="rounds; each pair of a target runs once a round (the short ones more)")
    parser.add_argument("--actions", type=int, default=9999, help="actions of the large plan")
    parser.add_argument("--warnings", type=int, default=4000, help="warnings in one file")
    parser.add_argument("--compare", metavar="CTG", help="another ctg binary (an earlier build) to run "
                        "the large-plan commands with too, for ratios of this build to it")
    parser.add_argument("--keep", help="generate the corpora here and keep them")
    args = parser.parse_args()

    programs = tempfile.mkdtemp(prefix="ctg-bench-programs-")
    # Apart: an example brings the dev-dependencies, whose features change
    # the dependencies' builds and so every symbol's name, and the program
    # would not be the one users build, whose start startup.order lays out.
    ctg = staged(release_build("--bin", "ctg")["ctg"], programs)
    floor = staged(release_build("--example", "parse-floor")["parse-floor"], programs)
    hello = staged(hello_world(), programs)
    earlier = staged(args.compare, programs) if args.compare else None

    work = args.keep or tempfile.mkdtemp(prefix="ctg-bench-")
    sizes = [250, 500, 1000]
    corpora = {}
    for size in sizes:
        corpora[size] = os.path.join(work, f"corpus-{size}")
        if not os.path.isdir(corpora[size]):
            subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "--plans", str(size), "--out", corpora[size]],
                           check=True, stdout=subprocess.DEVNULL)
    one_plan = os.path.join(corpora[1000], sorted(os.listdir(corpora[1000]))[0])

    commands = {}
    for size in sizes:
        commands[f"ctg portfolio ({size} plans)"] = [ctg, "portfolio", corpora[size], "--format", "json"]
        commands[f"parse floor ({size} plans)"] = [floor, corpora[size]]
    big, warned, repo = single_plans(work, args)
    middle = str((args.actions + 1) // 2)
    large = {name: [middle if arg == "MIDDLE" else arg for arg in rest] for name, rest in LARGE_COMMANDS.items()}
    commands["parse floor (large plan)"] = [floor, big]
    for name, rest in large.items():
        commands[name] = [ctg, "--plan", big, *rest]
    commands["ctg set (large plan)"] = [[ctg, "--plan", big, "set", "2", "--due", due]
                                        for due in ("2026-11-30", "2026-12-31")]
    commands["ctg diff HEAD~10 HEAD"] = [ctg, "--plan", os.path.join(repo, "plan"), "diff", "HEAD~10", "HEAD"]
    if args.compare:
        for name, rest in large.items():
            commands["earlier: " + name] = [earlier, "--plan", big, *rest]
        commands["earlier: ctg set (large plan)"] = [[earlier, "--plan", big, "set", "3", "--due", due]
                                                     for due in ("2026-11-30", "2026-12-31")]
        commands["earlier: ctg diff HEAD~10 HEAD"] = [earlier, "--plan", os.path.join(repo, "plan"),
                                                      "diff", "HEAD~10", "HEAD"]
    commands["ctg check (warnings)"] = [ctg, "--plan", warned, "check"]
    commands["ctg check --format json (warnings)"] = [ctg, "--plan", warned, "check", "--format", "json"]
    commands["ctg check (one plan)"] = [ctg, "--plan", one_plan, "check"]
    commands["ctg status (bundled plan)"] = [ctg, "--plan", os.path.join(REPO, "plan"), "status"]
    commands["hello world"] = [hello]

    times = {name: [] for name in commands}
    for argv in commands.values():
        if isinstance(argv[0], list):
            # Sets the value the first run will change, whatever an earlier run left.
            subprocess.run(argv[-1], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    memory = {name: peak_memory(argv) for name, argv in commands.items()}  # also warms the cache
    ratios = targets(args.compare)
    paired = {(command, against): [] for _, command, against, _, _ in ratios}
    shuffle = random.Random(1).shuffle
    together = groups(commands, ratios)
    for _ in range(args.rounds):
        for group, runs in together:
            for _ in range(runs):
                # A new order each time: no command is always the first.
                shuffle(group)
                took = {name: run_once(commands[name]) for name in group}
                for name, seconds in took.items():
                    times[name].append(seconds)
                for _, command, against, count, _ in ratios:
                    if command in took and against in took:
                        paired[(command, against)].append(took[command] / (count * took[against]))

    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"cores: {os.cpu_count()}, rounds: {args.rounds}, corpus of 1000 plans: "
          f"{sum(len(f) for _, _, f in os.walk(corpora[1000]))} files, "
          f"{sum(os.path.getsize(os.path.join(d, x)) for d, _, f in os.walk(corpora[1000]) for x in f) / 1e6:.0f} MB")
    print(f"large plan: {args.actions} actions, {folder_megabytes(big):.0f} MB")
    print(f"{'command':38} {'median':>10} {'min':>10} {'peak MB':>8}")
    for name in commands:
        peak = "n/a" if memory[name] is None else f"{memory[name]:.1f}"
        print(f"{name:38} {median[name] * 1000:8.1f} ms {min(times[name]) * 1000:7.1f} ms {peak:>8}")
    print()
    print_ratios(ratios, paired, memory, sizes, median, folder_megabytes(big))
    shutil.rmtree(programs)
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
