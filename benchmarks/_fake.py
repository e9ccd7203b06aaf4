"""Start FakeCinebody in a child process for a benchmark, so that the server's CPU is not
counted as the client's and the two do not share one event loop."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator

import attrs


@attrs.frozen
class RunningFake:
    """Where a fake in a child process listens, and the key it accepts."""

    url: str
    api_key: str


@contextlib.contextmanager
def fake_process(*options: str) -> Iterator[RunningFake]:
    """Run ``python -m cinebody_async.testing --port 0 OPTIONS`` until the block ends."""
    child = subprocess.Popen(
        [sys.executable, "-m", "cinebody_async.testing", "--port", "0", *options],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    try:
        first = child.stdout.readline().split()
        fields = dict(word.split("=", 1) for word in first)
        yield RunningFake(url=fields["url"], api_key=fields["api_key"])
    finally:
        child.terminate()
        child.wait(timeout=30)
