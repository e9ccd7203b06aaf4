"""A minimal JSON server on loopback, run in its own process so that a benchmark's
client-side CPU time is not mixed with the server's.

``python -m benchmarks._server`` prints ``port=N`` once it listens and serves until its
standard input closes.
"""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
import sys
from collections.abc import Iterator

from aiohttp import web

PROJECT = {
    "apiVersion": "3.26.1",
    "project": {
        "id": "8d2c6f1e-3a51-4b7e-9c3f-7e0d1f2a4b5c",
        "name": "Spring launch",
        "status": "active",
        "TeamId": "1f0e9d8c-7b6a-5948-3726-150493827160",
        "createdAt": "2026-03-01T10:00:00.000Z",
    },
}


async def _project(request: web.Request) -> web.Response:
    return web.json_response(PROJECT)


async def _serve() -> None:
    app = web.Application()
    app.router.add_get("/app/3.0/projects/{project_id}", _project)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    server = site._server
    assert server is not None
    port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    print(f"port={port}", flush=True)

    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    await runner.cleanup()


@contextlib.contextmanager
def running_server() -> Iterator[str]:
    """Start the server in a child process and yield its base URL; stop it afterwards."""
    child = subprocess.Popen(
        [sys.executable, "-m", "benchmarks._server"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdin is not None
    try:
        line = child.stdout.readline().strip()
        yield f"http://127.0.0.1:{line.removeprefix('port=')}"
    finally:
        child.stdin.close()
        child.wait(timeout=10)


if __name__ == "__main__":
    asyncio.run(_serve())
