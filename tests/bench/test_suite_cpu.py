"""bench/suite_cpu.py: each process is put under the kind a reader of the table would look for."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.suite_cpu import kind, sample


def test_chromium_processes_are_told_apart_by_their_type() -> None:
    renderer = b"/usr/lib/chromium/chromium\0--type=renderer\0--lang=fi"
    assert kind(renderer) == "chromium renderer"
    assert kind(b"/usr/lib/chromium/chromium\0--type=gpu-process") == "chromium gpu"
    assert kind(b"/usr/lib/chromium/chromium\0--headless\0--no-sandbox") == "chromium browser"
    assert kind(b"/work/main/.venv/bin/python\0-m\0streamlit\0run\0app.py") == "streamlit server"
    assert kind(b"python\0-u\0-c\0import sys;exec(eval(sys.stdin.readline()))") == "pytest worker"
    assert kind(b"/usr/bin/node\0cli.js") == "/usr/bin/node"  # anything else: its program


def test_a_command_naming_a_file_under_pytests_tmp_path_is_not_pytest() -> None:
    """Its CLI and LibreOffice runs named a file under /tmp/pytest-of-root/: 40 s of a suite's CPU fell under pytest."""
    assert kind(b"/work/main/.venv/bin/python\0-m\0pytest\0-n\02") == "pytest"
    assert kind(b"/work/main/.venv/bin/python\0/work/main/.venv/bin/pytest\0-q") == "pytest"
    cli = b"/work/main/.venv/bin/python\0-m\0loaders\0ingest\0/tmp/pytest-of-root/pytest-7/x0/a.csv"
    assert kind(cli) == "/work/main/.venv/bin/python"
    office = b"/usr/lib/libreoffice/program/soffice.bin\0--convert-to\0pdf\0/tmp/pytest-of-root/pytest-7/deck.pptx"
    assert kind(office) == "libreoffice"


def test_a_sample_finds_this_process_with_its_cpu_so_far() -> None:
    seen: dict[int, tuple[str, float]] = {}
    sample(os.getpid(), seen)
    [(name, seconds)] = [entry for pid, entry in seen.items() if pid == os.getpid()]
    assert name in ("pytest", "pytest worker")  # run by pytest, in one process or on an xdist worker
    assert seconds > 0  # this test process has run imports for a while


@pytest.mark.slow  # starts a process
def test_an_exited_child_not_yet_reaped_keeps_its_kind() -> None:
    """A zombie's command line reads empty: its CPU must stay under the kind it had, not under a blank one."""
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(0.5)"])
    seen: dict[int, tuple[str, float]] = {}
    sample(os.getpid(), seen)
    assert seen[child.pid][0] == sys.executable
    state = Path(f"/proc/{child.pid}/stat")
    for _ in range(200):  # bounded: the child sleeps 0.5 s
        if state.read_text().rsplit(")", 1)[1].split()[0] == "Z":
            break
        time.sleep(0.05)
    assert Path(f"/proc/{child.pid}/cmdline").read_bytes() == b""  # a zombie, not reaped: nothing to read
    sample(os.getpid(), seen)
    assert seen[child.pid][0] == sys.executable
    child.wait()
