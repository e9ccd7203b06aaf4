"""A private event loop in a daemon thread, and the blocking call into it.

Each blocking client owns one :class:`Portal`. The async client and its aiohttp
session live on the portal's loop; a blocking call hands a coroutine to that loop and
waits for its result in the calling thread. That works the same from a plain script,
from many threads at once, and from a thread whose own event loop is running (a
notebook, an async framework calling legacy code), because the caller's loop is never
used.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import threading
from collections.abc import Coroutine
from typing import Any, Generic, TypeVar

from cinebody_async.errors import ClientStateError

__all__ = ["Portal"]

R = TypeVar("R")

_CANCEL_GRACE = 5.0
"""Seconds a Ctrl-C waits for the cancelled work to unwind on the loop."""


class _Handoff(Generic[R]):
    """One coroutine handed to the loop, and the future its caller waits on.

    Lighter than :func:`asyncio.run_coroutine_threadsafe`, and cancelling it leaves the
    future pending until the task has really finished unwinding.
    """

    __slots__ = ("_cancelled", "_coroutine", "_loop", "_task", "future")

    def __init__(self, loop: asyncio.AbstractEventLoop, coroutine: Coroutine[Any, Any, R]):
        self.future: concurrent.futures.Future[R] = concurrent.futures.Future()
        self._loop = loop
        self._coroutine = coroutine
        self._task: asyncio.Task[R] | None = None
        self._cancelled = False
        loop.call_soon_threadsafe(self._start)

    def _start(self) -> None:
        if self._cancelled:
            self._coroutine.close()
            self.future.cancel()
            return
        self._task = self._loop.create_task(self._coroutine)
        self._task.add_done_callback(self._finish)

    def _finish(self, task: asyncio.Task[R]) -> None:
        if task.cancelled():
            self.future.cancel()
        elif (error := task.exception()) is not None:
            self.future.set_exception(error)
        else:
            self.future.set_result(task.result())

    def cancel(self) -> None:
        """Ask the loop to cancel the work (before or after it started)."""
        self._loop.call_soon_threadsafe(self._cancel)

    def _cancel(self) -> None:
        self._cancelled = True
        if self._task is not None:
            self._task.cancel()


class Portal:
    """Runs coroutines on a private event loop in a daemon thread."""

    def __init__(self, name: str = "cinebody-sync") -> None:
        self._loop = asyncio.new_event_loop()
        self._closed = False
        # Held while checking ``_closed`` and handing work over, and while closing, so
        # that no work is handed to a loop that is being stopped.
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        """The portal's event loop."""
        return self._loop

    @property
    def closed(self) -> bool:
        """Whether :meth:`stop` was called."""
        return self._closed

    @property
    def in_loop_thread(self) -> bool:
        """Whether the calling thread is the portal's own."""
        return threading.current_thread() is self._thread

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_forever()

    def call(self, coroutine: Coroutine[Any, Any, R]) -> R:
        """Run ``coroutine`` on the portal's loop and return its result, blocking.

        Exceptions propagate as they are. A ``KeyboardInterrupt`` in the waiting thread
        cancels the coroutine on the loop, waits a moment for it to unwind, and is then
        raised again.

        Raises:
            ClientStateError: when called from the portal's own thread (a callback that
                calls the blocking client would wait for itself forever), or after
                :meth:`stop`.
        """
        if self.in_loop_thread:
            coroutine.close()
            msg = (
                "a blocking Cinebody call was made from the client's own event loop "
                "thread (from a callback?); it would wait for itself forever. Use the "
                "async client there, or hand the work to another thread."
            )
            raise ClientStateError(msg)
        with self._lock:
            if self._closed:
                coroutine.close()
                msg = "this client is closed; create a new one"
                raise ClientStateError(msg)
            handoff = _Handoff(self._loop, coroutine)
        try:
            return handoff.future.result()
        except KeyboardInterrupt:
            # Cancel the task and wait (briefly) until it has unwound, its connections
            # released, before giving control back.
            handoff.cancel()
            with contextlib.suppress(BaseException):
                handoff.future.result(timeout=_CANCEL_GRACE)
            raise

    def call_soon(self, coroutine: Coroutine[Any, Any, object]) -> None:
        """Start ``coroutine`` on the loop without waiting for it (ignored once stopped)."""
        with self._lock:
            if self._closed:
                coroutine.close()
                return
            asyncio.run_coroutine_threadsafe(coroutine, self._loop)

    def stop(self) -> None:
        """Cancel what still runs on the loop, stop it and join its thread.

        Calling it again does nothing. Called from the portal's own thread (a client
        dropped inside a callback), it only asks the loop to stop once it is idle.
        """
        with self._lock:
            if self._closed:
                return
            self._closed = True
        if self.in_loop_thread:
            self._loop.call_soon(self._loop.stop)
            return
        if self._thread.is_alive():
            asyncio.run_coroutine_threadsafe(self._cancel_all(), self._loop).result()
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join()
        self._loop.close()

    async def _cancel_all(self) -> None:
        current = asyncio.current_task()
        tasks = [task for task in asyncio.all_tasks() if task is not current]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await self._loop.shutdown_asyncgens()
