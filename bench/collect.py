#!/usr/bin/env python3
"""Benchmark of the spreadsheet round trip, against ctg check on the same plan.

    python3 bench/collect.py [--rounds 7] [--actions 1000] [--keep DIR]

Builds ctg in release mode, generates a plan of 1,000 synthetic actions
(8 modalities, 3 indicators, 10 journal entries each) with gen_big_plan.py,
exports a workbook for every actor of it, and fills a status in every
fifth row of each Actions sheet, as a spreadsheet program saves a cell.
Then runs, in alternation:
  - ctg check on the plan (the baseline);
  - ctg collect export for every actor (--force, the same folder each time);
  - ctg collect import --dry-run of every filled workbook (which reads
    them all, plans the edits and checks the plan as it would be written).
It prints the median wall time and peak memory of each, and their ratios to
check. Machines are noisy: compare ratios, not seconds.
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from run import ENV, REPO, peak_memory, release_build, run_once  # noqa: E402


def fill_statuses(path, label):
    """Writes `label` in the new-status cell (column G) of every fifth row
    of the Actions sheet (the second), keeping the cell's style."""
    with zipfile.ZipFile(path) as source:
        entries = {name: source.read(name) for name in source.namelist()}
    sheet = "xl/worksheets/sheet2.xml"
    xml = entries[sheet].decode()
    row = 2
    while f'<c r="G{row}" ' in xml:
        start = xml.index(f'<c r="G{row}" ')
        end = xml.index("/>", start) + 2
        style = xml[start:end].split(' s="')[1].split('"')[0]
        cell = f'<c r="G{row}" s="{style}" t="inlineStr"><is><t>{label}</t></is></c>'
        xml = xml[:start] + cell + xml[end:]
        row += 5
    entries[sheet] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in entries.items():
            out.writestr(name, data)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--actions", type=int, default=1000)
    parser.add_argument("--keep", help="generate the plan here and keep it")
    args = parser.parse_args()

    ctg = release_build("--bin", "ctg")["ctg"]
    work = args.keep or tempfile.mkdtemp(prefix="ctg-bench-collect-")
    plan = os.path.join(work, f"plan-{args.actions}")
    if not os.path.isdir(plan):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_big_plan.py"), "--actions", str(args.actions),
                        "--out", plan], check=True, stdout=subprocess.DEVNULL)
    exported = os.path.join(work, "envois")
    filled = os.path.join(work, "retours")
    for folder in (exported, filled):
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
    base = [ctg, "--plan", plan, "--lang", "fr"]
    export = [*base, "-o", exported, "collect", "export", "--force"]
    subprocess.run(export, check=True, stdout=subprocess.DEVNULL, env=ENV)
    workbooks = sorted(os.listdir(exported))
    for name in workbooks:
        shutil.copy(os.path.join(exported, name), os.path.join(filled, name))
        fill_statuses(os.path.join(filled, name), "réalisée")

    commands = {
        "ctg check": [*base, "check"],
        "ctg collect export (every actor)": export,
        "ctg collect import --dry-run (every actor)": [*base, "collect", "import", "--dry-run",
                                                       *(os.path.join(filled, n) for n in workbooks)],
    }
    memory = {name: peak_memory(argv) for name, argv in commands.items()}  # also warms the cache
    times = {name: [] for name in commands}
    for _ in range(args.rounds):
        for name, argv in commands.items():
            times[name].append(run_once(argv))
    median = {name: statistics.median(values) for name, values in times.items()}

    print(f"cores: {os.cpu_count()}, rounds: {args.rounds}, plan: {args.actions} actions, "
          f"{len(workbooks)} workbooks")
    print(f"{'command':44} {'median':>10} {'min':>10} {'peak MB':>8}")
    for name in commands:
        peak = "n/a" if memory[name] is None else f"{memory[name]:.1f}"
        print(f"{name:44} {median[name] * 1000:8.1f} ms {min(times[name]) * 1000:7.1f} ms {peak:>8}")
    print()
    print("ratios to ctg check on the same plan:")
    for name in list(commands)[1:]:
        print(f"  {name:44} {median[name] / median['ctg check']:6.2f}")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
