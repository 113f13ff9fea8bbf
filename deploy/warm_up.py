"""Run the dashboard's entry page once, right after a replica starts, before any user arrives.

    python deploy/warm_up.py --port 8501 [--host 127.0.0.1] [--timeout 90]

Why: Streamlit's first session after a start runs in its old pages-folder mode (this project has a
`pages/` directory), so a user whose first request is a deep link (a permalink to /talous) gets an
English "Page not found" dialog over the right page. One session that reaches `st.navigation`
switches the server to the page table for good (streamlit/streamlit#8860, #9992). The same run fills
the store caches, so the first user does not wait for them either.

Speaks Streamlit's own websocket protocol with `websockets` (a Streamlit dependency): no browser.
Exits 0 when the run finished, 1 with a reason otherwise; systemd's ExecStartPost and `make run` use it.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import time
import urllib.request

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_EARLY_FOR_RERUN}


def wait_healthy(base: str, timeout_s: float, process: subprocess.Popen | None = None) -> None:
    """Until `base` answers /_stcore/health with "ok"; TimeoutError after timeout_s or once `process` exits."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and (process is None or process.poll() is None):
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as answer:  # noqa: S310 - loopback
                if answer.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    ended = "" if process is None or process.poll() is None else f" (its process ended with {process.returncode})"
    raise TimeoutError(f"{base} did not answer /_stcore/health within {timeout_s:.0f} s{ended}")


async def run_once(base: str, timeout_s: float) -> None:
    """Ask for one run of the default page and wait until it has finished."""
    url = base.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(url, subprotocols=["streamlit"], origin=base, max_size=None) as connection:
        rerun = BackMsg()
        rerun.rerun_script.query_string = ""
        rerun.rerun_script.page_name = ""
        await connection.send(rerun.SerializeToString())
        async for raw in connection:
            message = ForwardMsg()
            message.ParseFromString(raw)
            if message.WhichOneof("type") == "script_finished" and message.script_finished in FINISHED:
                return
    raise ConnectionError("the server closed the session before the run finished")


def warm_up(base: str, timeout_s: float = 90) -> float:
    """Seconds the first run took; raises TimeoutError or ConnectionError with the reason."""
    wait_healthy(base, timeout_s)
    started = time.perf_counter()
    asyncio.run(asyncio.wait_for(run_once(base, timeout_s), timeout_s))
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="deploy/warm_up.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--timeout", type=float, default=90, help="seconds (default 90)")
    args = parser.parse_args(argv)
    if not 0 < args.port < 65536 or not 0 < args.timeout <= 600:
        parser.error("--port 1–65535, --timeout up to 600 s")
    base = f"http://{args.host}:{args.port}"
    try:
        seconds = warm_up(base, args.timeout)
    except (TimeoutError, ConnectionError, OSError) as error:
        print(f"warm-up of {base} failed: {error}", file=sys.stderr)
        return 1
    print(f"warm-up of {base}: first run finished in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
