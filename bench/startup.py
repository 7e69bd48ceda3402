#!/usr/bin/env python3
"""Start-up of ctg: `ctg status` on the bundled plan, run from the
repository's root as a user would (the plan found from there), against a
hello-world process, for the release build and any other builds given.

    python3 bench/startup.py [--rounds 150] [CTG…]

Builds the release binary (linked statically on Linux with glibc, see
.cargo/config.toml) and the hello-world baseline (linked dynamically, as a
Rust program is by default), then runs each command in alternation, in a
new order each round, and prints the median wall time, the ratios to hello
world and the median page faults of each process (minor faults, which cost
much of a start on a virtual machine), then how many of the functions
startup.order names the build has (build.rs). A build linked dynamically,
to compare with, is made by

    RUSTFLAGS="-C target-feature=-crt-static" cargo build --release \\
        --target-dir target/dynamic

and given as target/dynamic/x86_64-unknown-linux-gnu/release/ctg.
"""
import argparse, os, random, resource, shutil, statistics, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from run import ENV, REPO, hello_world, release_build, run_once, staged  # noqa: E402


def ordered_symbols(ctg):
    """How many of startup.order's functions the build `ctg` has, and how
    many the file names (build.rs): the file is made again when the first
    falls well below the second. None without the file or `nm`."""
    order = os.path.join(REPO, "startup.order")
    if not os.path.exists(order) or not shutil.which("nm"):
        return None
    listed = open(order).read().splitlines()
    symbols = set(subprocess.run(["nm", "--format=just-symbols", ctg], capture_output=True, text=True).stdout.split())
    return sum(symbol in symbols for symbol in listed), len(listed)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=150)
    parser.add_argument("others", nargs="*", metavar="CTG", help="other ctg binaries to time too")
    args = parser.parse_args()
    ctg = release_build("--bin", "ctg")["ctg"]
    folder = tempfile.mkdtemp(prefix="ctg-startup-")
    commands = {"hello world": [staged(hello_world(), folder)],
                "ctg status (release)": [staged(ctg, folder), "status"]}
    for other in args.others:
        commands[f"ctg status ({other})"] = [staged(other, folder), "status"]
    os.chdir(REPO)  # where `ctg status` finds plan/
    times = {name: [] for name in commands}
    faults = {name: [] for name in commands}
    # Each round in a new order, so that no program is always the first or
    # always after the same one: in one run, hello world run first measured
    # 6 % slower than the same program run after it.
    order = list(commands)
    shuffle = random.Random(1).shuffle
    for _ in range(args.rounds):
        shuffle(order)
        for name in order:
            argv = commands[name]
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_minflt
            times[name].append(run_once(argv))
            faults[name].append(resource.getrusage(resource.RUSAGE_CHILDREN).ru_minflt - before)
    median = {name: statistics.median(values) for name, values in times.items()}
    for name in commands:
        ratio = median[name] / median["hello world"]
        print(f"{name:60} {median[name] * 1000:7.2f} ms  {ratio:5.2f} x hello world"
              f"  {statistics.median(faults[name]):5.0f} page faults")
    shutil.rmtree(folder)
    found = ordered_symbols(ctg)
    if found:
        print(f"startup.order: {found[0]} of its {found[1]} functions in the release build")


if __name__ == "__main__":
    main()
