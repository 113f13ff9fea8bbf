"""bench/suite_cpu.py: each process is put under the kind a reader of the table would look for."""

from __future__ import annotations

import os

from bench.suite_cpu import kind, sample


def test_chromium_processes_are_told_apart_by_their_type() -> None:
    renderer = b"/usr/lib/chromium/chromium\0--type=renderer\0--lang=fi"
    assert kind(renderer) == "chromium renderer"
    assert kind(b"/usr/lib/chromium/chromium\0--type=gpu-process") == "chromium gpu"
    assert kind(b"/usr/lib/chromium/chromium\0--headless\0--no-sandbox") == "chromium browser"
    assert kind(b"/work/main/.venv/bin/python\0-m\0streamlit\0run\0app.py") == "streamlit server"
    assert kind(b"python\0-u\0-c\0import sys;exec(eval(sys.stdin.readline()))") == "pytest worker"
    assert kind(b"/usr/bin/node\0cli.js") == "/usr/bin/node"  # anything else: its program


def test_a_sample_finds_this_process_with_its_cpu_so_far() -> None:
    seen: dict[int, tuple[str, float]] = {}
    sample(os.getpid(), seen)
    [(name, seconds)] = [entry for pid, entry in seen.items() if pid == os.getpid()]
    assert name in ("pytest", "pytest worker")  # run by pytest, in one process or on an xdist worker
    assert seconds > 0  # this test process has run imports for a while
