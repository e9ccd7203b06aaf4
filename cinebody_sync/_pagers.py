"""Blocking views of the async pagers: plain iterators and calls that return lists.

Every method hands the matching async pager method to the client's portal; the paging
logic (read-ahead, de-duplication, concurrency) is the async pager's.
"""

from __future__ import annotations

import collections
from collections.abc import Hashable, Iterator
from typing import Generic, Self, TypeVar

from cinebody_async._pagination import (
    DEFAULT_CONCURRENCY,
    FanOut,
    ItemIterator,
    Page,
    PageIterator,
    Pager,
)
from cinebody_sync._portal import Portal

__all__ = ["SyncFanOut", "SyncItemIterator", "SyncPageIterator", "SyncPager"]

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


class SyncPager(Generic[T]):
    """A list operation's pager, blocking: ``for item in pager``, ``pager.all()``, ...

    The same methods as :class:`cinebody_async.Pager`, without ``await``; iteration
    hands over a page of items at a time and keeps the async pager's read-ahead.
    """

    def __init__(self, portal: Portal, pager: Pager[T]) -> None:
        self._portal = portal
        self.pager = pager

    def __repr__(self) -> str:
        return f"<SyncPager GET {self.pager.operation.path} limit={self.pager.limit}>"

    @property
    def shifted(self) -> bool:
        """Whether the listing changed while it was being read."""
        return self.pager.shifted

    @property
    def duplicates(self) -> int:
        """How many repeated items were dropped."""
        return self.pager.duplicates

    def first_page(self) -> Page[T]:
        """Return page 0, fetching it on the first call only."""
        return self._portal.call(self.pager.first_page())

    def count(self) -> int | None:
        """Return the total the API reports, or ``None`` where it gives none."""
        return self._portal.call(self.pager.count())

    def all(self, *, concurrency: int = DEFAULT_CONCURRENCY) -> list[T]:
        """Return every item, in API order, fetching pages concurrently (see the async
        pager's ``all``)."""
        return self._portal.call(self.pager.all(concurrency=concurrency))

    def pages(self) -> SyncPageIterator[T]:
        """Iterate over the pages, from page 0."""
        return SyncPageIterator(self._portal, self.pager.pages())

    def items(self) -> SyncItemIterator[T]:
        """Iterate over every item; the same as ``for item in pager``."""
        return SyncItemIterator(self._portal, self.pager.items())

    def __iter__(self) -> SyncItemIterator[T]:
        return self.items()


class _Closing:
    """Closing of an adapted async iterator: explicit, or when garbage collected."""

    _portal: Portal
    _closed: bool

    def _aclose(self) -> object:
        raise NotImplementedError

    def close(self) -> None:
        """Stop iterating and release the pages still in flight (nothing to do once the
        client itself is closed: its loop has cancelled everything)."""
        if not self._closed:
            self._closed = True
            if not self._portal.closed:
                self._portal.call(self._aclose())  # type: ignore[arg-type]

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __del__(self) -> None:
        if not getattr(self, "_closed", True):
            self._closed = True
            self._portal.call_soon(self._aclose())  # type: ignore[arg-type]


class SyncItemIterator(_Closing, Generic[T]):
    """A blocking iterator over a listing's items; ``close()`` releases its pages."""

    def __init__(self, portal: Portal, iterator: ItemIterator[T]) -> None:
        self._portal = portal
        self._iterator = iterator
        self._batch: collections.deque[T] = collections.deque()
        self._closed = False

    def __iter__(self) -> Iterator[T]:
        return self

    def __next__(self) -> T:
        if not self._batch:
            if self._closed:
                raise StopIteration
            self._batch.extend(self._portal.call(self._iterator.next_batch()))
            if not self._batch:
                self._closed = True
                raise StopIteration
        return self._batch.popleft()

    def _aclose(self) -> object:
        return self._iterator.aclose()


class SyncPageIterator(_Closing, Generic[T]):
    """A blocking iterator over a listing's pages; ``close()`` releases pages in flight."""

    def __init__(self, portal: Portal, iterator: PageIterator[T]) -> None:
        self._portal = portal
        self._iterator = iterator
        self._closed = False

    def __iter__(self) -> Iterator[Page[T]]:
        return self

    def __next__(self) -> Page[T]:
        if self._closed:
            raise StopIteration
        page = self._portal.call(_next_or_none(self._iterator))
        if page is None:
            self._closed = True
            raise StopIteration
        return page

    def _aclose(self) -> object:
        return self._iterator.aclose()


async def _next_or_none(iterator: PageIterator[T]) -> Page[T] | None:
    try:
        return await iterator.__anext__()
    except StopAsyncIteration:
        return None


class SyncFanOut(Generic[K, T]):
    """Several pagers read as one job, blocking (see :class:`cinebody_async.FanOut`)."""

    def __init__(self, portal: Portal, fan_out: FanOut[K, T]) -> None:
        self._portal = portal
        self.fan_out = fan_out

    def all(self, *, concurrency: int = DEFAULT_CONCURRENCY) -> dict[K, list[T]]:
        """Return every item of every pager, keyed by parent, each list in API order."""
        return self._portal.call(self.fan_out.all(concurrency=concurrency))

    def __iter__(self) -> Iterator[tuple[K, T]]:
        """Yield ``(parent key, item)`` for every item, parent after parent."""
        for key, pager in self.fan_out.pagers.items():
            with SyncPager(self._portal, pager).items() as items:
                for item in items:
                    yield key, item
