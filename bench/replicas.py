"""Replicas behind nginx on one store: 40 sessions at once with 1 replica and with 2, and what one machine holds.

    python bench/replicas.py [--rows 10000000] [--sessions 40] [--dir /tmp/rrp-bench]

nginx is Debian's package (/usr/sbin/nginx; `make bench` and .ci/run install it as root) running the
deploy site (deploy/nginx_site.py, as in deploy/rrp-dashboard.nginx.conf) with this run's ports, on
127.0.0.1 only. Both replicas are `streamlit run app.py` on the same DASHBOARD_DB. Sessions speak
Streamlit's websocket protocol through the proxy (bench/sessions.py), so no browser competes with the
replicas for this machine's cores. The same proxy fronts 1 replica and then 2, so the proxy's own cost
is in both. Also here: the helpers that tests/e2e/test_replicas.py starts its replicas and proxy with.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import page, query, sessions  # noqa: E402
from deploy import nginx_site, warm_up  # noqa: E402

NGINX = os.environ.get("NGINX", "/usr/sbin/nginx")
SWEEP = (2, 3, 4, 6, 8, 10, 20, 30, 40)  # sessions at once, for "what one machine holds"
# Run as root, nginx's workers would be `nobody`, who cannot reach a private temporary directory.
USER = "user root;\n" if os.getuid() == 0 else ""
HELD = 3.0  # a count is held while its p95 is at most this many times one session alone (issue 16)
MAIN_CONF = """daemon off;
{user}worker_processes auto;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    log_format replicas '$upstream_addr $status $cookie_rrp_replica $request_uri';
    access_log {dir}/access.log replicas;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    include {dir}/site.conf;
}}
"""


def site_config(listen: int, replicas: list[int]) -> str:
    """The deploy site (deploy/nginx_site.py, which wrote deploy/rrp-dashboard.nginx.conf) for this run's ports."""
    return nginx_site.site(replicas, listen)


@contextmanager
def nginx(replicas: list[int], workdir: Path) -> Iterator[tuple[str, Path]]:
    """Debian's nginx running the deploy config in front of `replicas`; yields its URL and access log."""
    if not Path(NGINX).is_file():
        raise RuntimeError(f"nginx is missing at {NGINX}: install Debian's package as root (apt-get install nginx)")
    workdir.mkdir(parents=True, exist_ok=True)
    port = page.free_port()
    (workdir / "site.conf").write_text(site_config(port, replicas), encoding="utf-8")
    (workdir / "nginx.conf").write_text(MAIN_CONF.format(dir=workdir, user=USER), encoding="utf-8")
    command = [NGINX, "-p", str(workdir), "-e", str(workdir / "error.log"), "-c", str(workdir / "nginx.conf")]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        warm_up.wait_healthy(url, 60, process)  # TimeoutError naming the address (and nginx's exit code)
        yield url, workdir / "access.log"
    finally:
        process.terminate()  # SIGTERM: nginx's fast shutdown
        process.wait(timeout=20)


@contextmanager
def replicas(count: int, db: Path, **env: str) -> Iterator[list[tuple[str, subprocess.Popen]]]:
    """`count` dashboard replicas on free loopback ports, all on the store at `db`."""
    started: list[tuple[str, subprocess.Popen]] = []
    try:
        for _ in range(count):
            started.append(page.serve(ROOT / "app.py", {"DASHBOARD_DB": str(db), **env}))
        yield started
    finally:
        for _, process in started:
            process.terminate()
        for _, process in started:
            process.wait(timeout=30)


def port_of(url: str) -> int:
    return int(url.rsplit(":", 1)[1])


async def together(url: str, count: int, charts: int) -> float:
    return page.p95(await asyncio.gather(*(sessions.protocol_session(url, charts) for _ in range(count))))


async def sweep(one: str, two: str, counts: tuple[int, ...], charts: int) -> dict[str, object]:
    alone = statistics.median([await sessions.protocol_session(one, charts) for _ in range(5)])
    p95s: dict[int, dict[int, float]] = {1: {}, 2: {}}
    for count in counts:  # interleaved, so both sides see the same machine state
        p95s[1][count] = await together(one, count, charts)
        p95s[2][count] = await together(two, count, charts)
    return {"alone": alone, "p95": p95s}


def measure(db: Path, count: int, workdir: Path) -> dict[str, dict]:
    charts = page.PAGES[""]
    counts = tuple(sorted({*(c for c in SWEEP if c < count), count}))
    with replicas(2, db) as served:
        ports = [port_of(url) for url, _ in served]
        for url, _ in served:  # each replica's first run fills its caches
            asyncio.run(sessions.protocol_session(url, charts))
        with nginx(ports[:1], workdir / "one") as (one, _), nginx(ports, workdir / "two") as (two, log):
            result = asyncio.run(asyncio.wait_for(sweep(one, two, counts, charts), timeout=1200))
        streams = [line.split()[0] for line in log.read_text().splitlines() if "/_stcore/stream" in line]
    # A websocket is logged when it closes; the last `count` are the sessions of the last, largest sweep.
    split = "/".join(str(n) for n in sorted(Counter(streams[-count:]).values(), reverse=True))
    alone, p95s = result["alone"], result["p95"]
    held = {n: max((c for c in counts if p95s[n][c] <= HELD * alone), default=0) for n in (1, 2)}
    sweep_note = "; ".join(f"{c}: {p95s[1][c]:.2f} s / {p95s[2][c]:.2f} s" for c in counts)
    return {
        "replicas_server_p95_s": {
            "value": p95s[2][count], "floor": p95s[1][count], "ratio": p95s[2][count] / p95s[1][count], "unit": "s",
            "note": f"{count} protocol sessions at once on Yleiskuva through nginx: p95 with 2 replicas vs with 1;"
            f" sessions per replica {split}. p95 with 1 / 2 replicas by sessions at once: {sweep_note}",
        },
        "replicas_alone_s": {
            "value": alone, "floor": None, "ratio": None, "unit": "s",
            "note": "one session alone through nginx, 1 replica (median of 5): the 'alone' of the held counts",
        },
        "replicas_sessions_held_1": {
            "value": held[1], "floor": None, "ratio": None, "unit": "sessions",
            "note": f"most sessions at once (of {counts}) with p95 ≤ {HELD:g}× alone, 1 replica",
        },
        "replicas_sessions_held_2": {
            "value": held[2], "floor": None, "ratio": None, "unit": "sessions",
            "note": "the same with 2 replicas behind nginx on one store",
        },
    }  # fmt: skip


def main(argv: list[str] | None = None) -> dict[str, dict]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--sessions", type=int, default=40)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "rrp-bench")
    args = parser.parse_args(argv)
    if not 2 <= args.sessions <= 100:
        raise SystemExit("--sessions: 2 to 100 (one machine, loopback only)")
    db = query.store(args.rows, args.dir)
    with tempfile.TemporaryDirectory() as tmp:
        results = measure(db, args.sessions, Path(tmp))
    for name, r in results.items():
        floor = "" if r["floor"] is None else f"  floor {r['floor']:5.2f}  ratio {r['ratio']:5.2f}"
        print(f"{name:28} {r['value']:6.2f} {r['unit']}{floor}  {r['note']}")
    return results


if __name__ == "__main__":
    main()
