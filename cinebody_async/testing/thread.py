"""Serving a FakeCinebody from a background thread, for synchronous callers."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from cinebody_async.testing.server import FakeCinebody

__all__ = ["FakeCinebodyThread"]

_T = TypeVar("_T")


class FakeCinebodyThread:
    """Run ``fake`` on an event loop of its own in a daemon thread.

    ``with FakeCinebodyThread(fake) as running:`` starts it and returns the fake
    (``running.url`` is set); leaving the block stops it. Change the state from
    another thread with :meth:`call`, which runs a function on the fake's loop.
    Raise ``RuntimeError`` when the server cannot start.
    """

    def __init__(self, fake: FakeCinebody) -> None:
        self.fake = fake
        self.loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> FakeCinebody:
        """Start the thread and the server; return the running fake."""
        ready: Future[None] = Future()
        self._thread = threading.Thread(
            target=self._run, args=(ready,), name="FakeCinebody", daemon=True
        )
        self._thread.start()
        try:
            ready.result(timeout=60)
        except Exception as error:
            msg = f"FakeCinebody did not start: {error}"
            raise RuntimeError(msg) from error
        return self.fake

    def stop(self) -> None:
        """Stop the server and the thread; return when both are done."""
        loop, thread = self.loop, self._thread
        if loop is None or thread is None:
            return
        asyncio.run_coroutine_threadsafe(self.fake.close(), loop).result(timeout=60)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=60)
        self.loop = None
        self._thread = None

    def call(self, function: Callable[..., _T], *args: Any, **kwargs: Any) -> _T:
        """Run ``function(*args, **kwargs)`` on the fake's loop and return its result."""
        loop = self.loop
        if loop is None:
            msg = "the fake is not running"
            raise RuntimeError(msg)
        done: Future[_T] = Future()

        def run() -> None:
            try:
                done.set_result(function(*args, **kwargs))
            except BaseException as error:
                done.set_exception(error)

        loop.call_soon_threadsafe(run)
        return done.result(timeout=60)

    def _run(self, ready: Future[None]) -> None:
        loop = asyncio.new_event_loop()
        self.loop = loop
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self.fake.start())
        except BaseException as error:
            ready.set_exception(error)
            loop.close()
            return
        ready.set_result(None)
        try:
            loop.run_forever()
        finally:
            loop.close()

    def __enter__(self) -> FakeCinebody:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
