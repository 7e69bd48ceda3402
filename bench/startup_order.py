#!/usr/bin/env python3
"""Writes startup.order: the functions `ctg` runs as it starts, for the
linker to lay side by side (build.rs, docs/speed.md **Start-up**).

    python3 bench/startup_order.py

Builds the release binary, runs each command below on the bundled plan
under valgrind's callgrind (which names every function that ran), and
writes the functions' symbols, the first command's first, each once, one
per line. Make it again after a change of compiler, of a dependency or of
Cargo.toml (the symbols' hashes follow them); `bench/startup.py` says how
many of its symbols the build still has. Needs valgrind.
"""
import os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from run import ENV, REPO, release_build  # noqa: E402

# `status` first: the start-up target is measured on it; in French too, the
# coordinator's language. Then the commands of every day, which share its
# start (the command line, the plan read and checked) and add their views.
COMMANDS = [["status"], ["--lang", "fr", "status"], ["check"], ["list"], ["show", "1"], ["pilots"], ["report"]]

# `fn=(id) name` opens the costs of a function that ran; a callee's line,
# `cfn=`, may be the first to name an id.
FUNCTION = re.compile(r"^(c?)fn=\((\d+)\)(?: (.*))?$")


def functions_run(ctg, args, out):
    """The symbols of the functions one run of `ctg args` executed."""
    subprocess.run(["valgrind", "--tool=callgrind", "--demangle=no", f"--callgrind-out-file={out}", ctg, *args],
                   cwd=REPO, env=ENV, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    names, symbols = {}, []
    with open(out) as profile:
        for line in profile:
            match = FUNCTION.match(line.strip())
            if not match:
                continue
            callee, number, name = match.groups()
            if name:
                names[number] = name
            if callee:
                continue
            # A recursive call is reported as name'2; code without a symbol as 0x…,
            # the C library's start as (below main).
            symbol = re.sub(r"'\d+$", "", names[number])
            if not symbol.startswith(("0x", "(")):
                symbols.append(symbol)
    return symbols


def main():
    ctg = release_build("--bin", "ctg")["ctg"]
    ordered, seen = [], set()
    with tempfile.TemporaryDirectory() as work:
        for index, args in enumerate(COMMANDS):
            # Sorted within a command: callgrind's order changes from run to
            # run, and the file is reviewed in git.
            new = set(functions_run(ctg, args, os.path.join(work, f"callgrind.{index}"))) - seen
            seen |= new
            ordered += sorted(new)
    with open(os.path.join(REPO, "startup.order"), "w") as order:
        order.write("".join(symbol + "\n" for symbol in ordered))
    print(f"startup.order: {len(ordered)} functions, from {len(COMMANDS)} commands")


if __name__ == "__main__":
    main()
