"""What every blocking client shares: the portal, the async client on it, and closing."""

from __future__ import annotations

import warnings
import weakref
from types import TracebackType
from typing import Self

from cinebody_async import CinebodyClient as AsyncCinebodyClient
from cinebody_async._config import ClientConfig
from cinebody_sync._portal import Portal

__all__ = ["SyncClientBase", "SyncResource"]


def _shut_down(portal: Portal, client: AsyncCinebodyClient) -> None:
    """Close ``client`` on ``portal`` and stop the portal; safe to call more than once."""
    if portal.closed:
        return
    if portal.in_loop_thread:
        portal.call_soon(client.aclose())
        portal.stop()
        return
    try:
        portal.call(client.aclose())
    finally:
        portal.stop()


class SyncClientBase:
    """The lifetime of a blocking client: a portal thread and the async client on it.

    Closing (``close()``, ``with``) is idempotent. A client that is dropped unclosed
    gives a :class:`ResourceWarning` and is closed when collected, or at interpreter
    exit at the latest.
    """

    def __init__(self, client: AsyncCinebodyClient) -> None:
        self._async = client
        self._portal = Portal()
        self._finalizer = weakref.finalize(self, _shut_down, self._portal, client)

    @property
    def config(self) -> ClientConfig:
        """The client's settings."""
        return self._async.config

    @property
    def closed(self) -> bool:
        """Whether the client was closed."""
        return self._portal.closed

    def close(self) -> None:
        """Close the HTTP session and stop the client's loop thread. Safe to repeat."""
        self._finalizer()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return repr(self._async).replace("<CinebodyClient", "<cinebody_sync.CinebodyClient", 1)

    def __del__(self) -> None:
        finalizer = getattr(self, "_finalizer", None)
        if finalizer is not None and finalizer.alive:
            warnings.warn(
                f"{self!r} was never closed; use 'with' or call close()",
                ResourceWarning,
                stacklevel=2,
                source=self,
            )


class SyncResource:
    """The base of the blocking resource namespaces: the portal and the async resource."""

    __slots__ = ("_portal",)

    def __init__(self, portal: Portal) -> None:
        self._portal = portal
