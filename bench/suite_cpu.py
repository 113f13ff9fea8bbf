"""Where a command's CPU goes, by kind of process: Chromium's renderers, Streamlit servers, pytest workers, ….

    python bench/suite_cpu.py [--every 0.5] -- .venv/bin/python -m pytest -n 2 --dist loadfile tests/e2e

`time` and `/usr/bin/time` count only the children a process waits for: Chromium, started by Playwright's
driver, mostly escapes them (in one run of the suite `time` said 406 s of CPU, this 648 s). This samples
/proc while the command runs, keeps each descendant's last CPU time, and prints the totals per kind and the
command's wall time. A process that lives less than one sample interval can be missed; the figures are a
floor. Not part of `make bench`: it measures the test suite (README "Tests"), not the product.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")
KINDS = (  # (kind, a byte string its command line holds), first match wins
    ("chromium renderer", b"--type=renderer"),
    ("chromium gpu", b"--type=gpu-process"),
    ("chromium utility", b"--type=utility"),
    ("chromium zygote", b"--type=zygote"),
    ("chromium browser", b"chrom"),
    ("streamlit server", b"streamlit"),
    ("playwright driver", b"playwright"),
    ("libreoffice", b"soffice"),
    ("nginx", b"nginx"),
    ("pytest worker", b"exec(eval(sys.stdin.readline()))"),  # pytest-xdist's execnet workers
    # pytest itself, run as a module or a script; not a command whose arguments name a file under its tmp_path
    ("pytest", b"-m\0pytest\0"),
    ("pytest", b"bin/pytest\0"),
)
MAX_PROCESSES = 100_000  # /proc entries looked at per sample


def kind(command: bytes) -> str:
    return next((name for name, mark in KINDS if mark in command), command.split(b"\0")[0].decode(errors="replace"))


def sample(root: int, seen: dict[int, tuple[str, float]]) -> None:
    """Add each live descendant of root (and root itself) with its CPU seconds so far."""
    parent: dict[int, int] = {}
    cpu: dict[int, float] = {}
    for entry in list(os.scandir("/proc"))[:MAX_PROCESSES]:
        if not entry.name.isdigit():
            continue
        try:
            fields = Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        parent[pid], cpu[pid] = int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK
    for pid, seconds in cpu.items():
        ancestor, depth = pid, 0
        while ancestor != root and ancestor in parent and depth < 64:
            ancestor, depth = parent[ancestor], depth + 1
        if ancestor != root:
            continue
        try:  # read each time: a process that execs another program changes its command line
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        before = seen.get(pid, ("", 0.0))
        # An exited process not yet reaped (a zombie) has an empty command line: it keeps the kind it had.
        seen[pid] = (kind(command) if command else before[0], max(seconds, before[1]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/suite_cpu.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--every", type=float, default=0.5, help="seconds between samples (default 0.5)")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="the command, after --")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command or not 0.05 <= args.every <= 10:
        parser.error("give a command after --, and --every between 0.05 and 10 seconds")
    started = time.perf_counter()
    process = subprocess.Popen(command)  # the operator's own command, as typed
    seen: dict[int, tuple[str, float]] = {}
    while process.poll() is None:
        sample(process.pid, seen)
        time.sleep(args.every)
    wall = time.perf_counter() - started
    totals: Counter[str] = Counter()
    for name, seconds in seen.values():
        totals[name] += seconds
    print(f"\n{'CPU s':>8}  kind of process (sampled every {args.every} s)")
    for name, seconds in totals.most_common(12):
        print(f"{seconds:8.1f}  {name}")
    print(f"{sum(totals.values()):8.1f}  all, in {wall:.1f} s of wall time (exit {process.returncode})")
    return process.returncode


if __name__ == "__main__":
    sys.exit(main())
