"""One pager for every list operation: lazy iteration, page walks and concurrent bulk fetch.

A list operation is described by a :class:`ListOperation` (path, query, the body's list
key, and how to turn the raw list into models). :class:`Pager` walks it:

- ``async for item in pager`` fetches lazily, keeping a few pages in flight ahead of the
  reader (``read_ahead``) so that iteration overlaps with the network while memory holds
  at most ``read_ahead + 1`` pages;
- ``pager.pages()`` yields :class:`Page` objects with the same read-ahead;
- ``await pager.first_page()`` and ``await pager.count()`` read page 0 only (once: the
  pager keeps it and the other methods start from it);
- ``await pager.all()`` reads page 0, then every remaining page at once under a
  concurrency cap, and returns the items in the API's order.

**Pages are numbered from 0**, as the API does. Where the body has no ``count`` (the
organizations list), pages are walked one after another until a short or empty one.

**Page size.** ``limit`` defaults to :data:`DEFAULT_PAGE_SIZE` (100), not to the API's
10: every page costs a request and a rate-limit token, so a bulk fetch of 10,000 clips
takes 100 requests instead of 1,000, while a page of 100 clips (about 250 kB) still
arrives quickly enough for a first screen. When the server sends page 0 shorter than
``limit`` although ``count`` says more exist, it has capped the page size; the pager
then continues with the size the server used, so no item falls between pages.

**Listings that change during a fetch.** The API pages by offset, so an item added or
removed while pages are being read shifts the others across page boundaries. The pager
notices when a later page reports another ``count`` than page 0 or repeats ids: it
drops repeated ids (``.all()`` over the whole listing, ``async for`` across neighbouring
pages so that memory stays bounded), keeps reading past the planned last page while
pages come back full, sets :attr:`Pager.shifted`, counts :attr:`Pager.duplicates`, and
logs a warning. Items removed during the fetch may make others move into a page that
was already read; such items can be missing from the result, which is what the warning
and ``shifted`` tell: read again if the listing must be exact.

**Failures.** A page that still fails after the client's retries raises its error (the
same class as any other request would) with :attr:`~cinebody_async.CinebodyError.page`
set and a note naming the page; there are no partial results. Breaking out of
``async for`` or cancelling ``.all()`` cancels the pages in flight; use
``contextlib.aclosing(pager.items())`` to have that happen at the end of a block rather
than when the iterator is garbage collected.
"""

from __future__ import annotations

import asyncio
import collections
import math
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable, Mapping, Sequence
from typing import Any, Generic, TypeVar

import attrs

from cinebody_async._logging import logger
from cinebody_async._tasks import gather_or_cancel
from cinebody_async.errors import CinebodyError, InvalidResponseError, ParameterError

__all__ = [
    "DEFAULT_CONCURRENCY",
    "DEFAULT_PAGE_SIZE",
    "DEFAULT_READ_AHEAD",
    "FanOut",
    "ListOperation",
    "Page",
    "Pager",
]

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)

DEFAULT_PAGE_SIZE = 100
"""Items per page when the caller gives no ``limit`` (see the module docstring)."""

DEFAULT_READ_AHEAD = 2
"""Pages requested ahead of the reader during ``async for``."""

DEFAULT_CONCURRENCY = 8
"""Page requests in flight at once during ``.all()``; the rate limit still applies."""

Requester = Callable[[str, Mapping[str, object]], Awaitable[Any]]
"""``(path, params) -> decoded body``: how the pager sends one GET."""


def _default_id(item: object) -> Hashable | None:
    value = item.get("id") if isinstance(item, dict) else getattr(item, "id", None)
    # Ids are strings (numbers at most); anything else cannot be told apart reliably.
    return value if isinstance(value, str | int) else None


@attrs.frozen
class ListOperation(Generic[T]):
    """What a pager needs to know about one list operation of the API.

    Attributes:
        path: the API path, ids already quoted.
        item_keys: the body keys that may hold the list, tried in order (the API is not
            always consistent, e.g. ``mediaFiles`` or ``clips``).
        parse: turns the raw list of one page into items (models).
        params: the query parameters other than ``page`` and ``limit``.
        has_count: whether the body carries the total ``count``.
        id_of: returns an item's id, used to drop repeated items; ``None`` for items
            without one.
    """

    path: str
    item_keys: tuple[str, ...]
    parse: Callable[[list[Any]], list[T]]
    params: Mapping[str, object] = attrs.field(factory=dict)
    has_count: bool = True
    id_of: Callable[[T], Hashable | None] = _default_id


@attrs.frozen
class Page(Generic[T]):
    """One page of a listing.

    Attributes:
        number: the page number, from 0.
        items: the items of the page, in the API's order.
        count: the total number of items the API reported with this page, or ``None``
            where the operation reports none.
        limit: the page size this page was requested with.
    """

    number: int
    items: list[T]
    count: int | None
    limit: int

    @property
    def is_last(self) -> bool:
        """Whether no page can follow this one (it is short, or ``count`` is reached)."""
        if len(self.items) < self.limit:
            return True
        return self.count is not None and (self.number + 1) * self.limit >= self.count


class Pager(Generic[T]):
    """Pages through one list operation; building it sends nothing.

    Args:
        request: sends one GET and returns the decoded body.
        operation: the list operation.
        limit: items per page (at least 1); default :data:`DEFAULT_PAGE_SIZE`.
        max_items: stop after this many items (at least 1); ``None`` reads everything.
        read_ahead: pages in flight ahead of an ``async for`` reader (at least 0).

    Raises:
        ParameterError: for a ``limit``, ``max_items`` or ``read_ahead`` out of range.
    """

    def __init__(
        self,
        request: Requester,
        operation: ListOperation[T],
        *,
        limit: int | None = None,
        max_items: int | None = None,
        read_ahead: int = DEFAULT_READ_AHEAD,
    ) -> None:
        self.operation = operation
        self.limit = _at_least("limit", DEFAULT_PAGE_SIZE if limit is None else limit, 1)
        self.max_items = None if max_items is None else _at_least("max_items", max_items, 1)
        self.read_ahead = _at_least("read_ahead", read_ahead, 0)
        self.shifted = False
        """Whether the listing changed while it was being read (see the module notes)."""
        self.duplicates = 0
        """How many repeated items were dropped."""
        self._request = request
        self._first: Page[T] | None = None
        self._first_lock = asyncio.Lock()

    def __repr__(self) -> str:
        return f"<Pager GET {self.operation.path} limit={self.limit}>"

    # Page 0 ------------------------------------------------------------------------------

    async def first_page(self) -> Page[T]:
        """Return page 0, fetching it on the first call only.

        Raises:
            CinebodyError: what the request raises, with ``page`` set to 0.
        """
        async with self._first_lock:
            if self._first is None:
                self._first = await self._fetch(0, self.limit)
            return self._first

    async def count(self) -> int | None:
        """Return the total number of items the API reports, or ``None`` where it gives none.

        Reads page 0 only (see :meth:`first_page`).
        """
        return (await self.first_page()).count

    # Bulk --------------------------------------------------------------------------------

    async def all(self, *, concurrency: int = DEFAULT_CONCURRENCY) -> list[T]:
        """Return every item (up to ``max_items``), in the API's order, without repeats.

        Page 0 comes first; when it carries a ``count``, every remaining page is then
        requested at once, at most ``concurrency`` in flight, within the client's rate
        limit. Without a ``count`` the pages are read one after another until a short
        or empty one.

        Raises:
            ParameterError: for a ``concurrency`` below 1.
            CinebodyError: the error of the first page that failed after retries, with
                ``page`` set; nothing partial is returned.
        """
        return await self._all(asyncio.Semaphore(_at_least("concurrency", concurrency, 1)))

    async def _all(self, semaphore: asyncio.Semaphore) -> list[T]:
        first = await self.first_page()
        pages = [first]

        if not first.is_last and self._wanted(first.limit, 1):
            if first.count is not None:
                numbers = range(1, self._planned_pages(first))
                pages += await gather_or_cancel(
                    [self._fetch(n, first.limit, semaphore) for n in numbers]
                )
                for page in pages:
                    self._check_count(first.count, page)
            if first.count is None or self._needs_more(pages):
                pages += [page async for page in self._walk(pages[-1], semaphore)]

        return self._collect(pages)

    def _planned_pages(self, first: Page[T]) -> int:
        """Return how many pages page 0's ``count`` (and ``max_items``) call for."""
        assert first.count is not None
        wanted = first.count if self.max_items is None else min(first.count, self.max_items)
        return max(1, math.ceil(wanted / first.limit))

    def _needs_more(self, pages: list[Page[T]]) -> bool:
        """Whether the listing grew past the planned pages and more must be read."""
        last = pages[-1]
        return not last.is_last and self._wanted(last.limit, last.number + 1)

    def _collect(self, pages: Sequence[Page[T]]) -> list[T]:
        seen: set[Hashable] = set()
        items: list[T] = []
        id_of = self.operation.id_of
        for page in pages:
            for item in page.items:
                key = id_of(item)
                if key is not None:
                    if key in seen:
                        self._note_duplicate(key)
                        continue
                    seen.add(key)
                items.append(item)
        return items if self.max_items is None else items[: self.max_items]

    # Lazy walks --------------------------------------------------------------------------

    def pages(self) -> PageIterator[T]:
        """Iterate over the pages, from page 0, with ``read_ahead`` pages in flight.

        Pages are yielded as the API sent them (repeats across pages are not dropped
        here; :attr:`shifted` still reports a changed listing).
        """
        return PageIterator(self)

    def items(self) -> ItemIterator[T]:
        """Iterate over every item (up to ``max_items``); the same as ``async for``.

        The iterator has ``aclose()``, so ``contextlib.aclosing`` cancels the pages in
        flight when a block ends early.
        """
        return ItemIterator(PageIterator(self), self.operation.id_of, self)

    def __aiter__(self) -> ItemIterator[T]:
        return self.items()

    async def _walk(self, after: Page[T], semaphore: asyncio.Semaphore) -> AsyncIterator[Page[T]]:
        """Yield the pages after ``after`` one after another, until the last one."""
        number, limit = after.number + 1, after.limit
        previous = after
        while self._wanted(limit, number):
            page = await self._fetch(number, limit, semaphore)
            if self._repeats(page, previous):
                return
            yield page
            if page.is_last or not page.items:
                return
            previous = page
            number += 1

    # One page ----------------------------------------------------------------------------

    def _wanted(self, limit: int, number: int) -> bool:
        """Whether page ``number`` holds items within ``max_items``."""
        return self.max_items is None or number * limit < self.max_items

    def _repeats(self, page: Page[T], previous: Page[T]) -> bool:
        """Whether a full page brought no id that ``previous`` did not have.

        A server that keeps answering the same full page would otherwise be read
        forever; the walk stops there and says the listing shifted.
        """
        if len(page.items) < page.limit:
            return False
        id_of = self.operation.id_of
        before = {id_of(item) for item in previous.items}
        before.discard(None)
        if any(id_of(item) not in before for item in page.items):
            return False
        self._note_shift(f"page {page.number} repeated page {previous.number}")
        return True

    async def _fetch(
        self, number: int, limit: int, semaphore: asyncio.Semaphore | None = None
    ) -> Page[T]:
        """Fetch and read one page. ``semaphore`` bounds the requests in flight, not the
        reading of their bodies, so the next request goes out while a page is parsed."""
        operation = self.operation
        params = {**operation.params, "page": number, "limit": limit}
        try:
            if semaphore is None:
                body = await self._request(operation.path, params)
            else:
                async with semaphore:
                    body = await self._request(operation.path, params)
            page = self._page(number, limit, body)
        except CinebodyError as error:
            error.page = number
            error.add_note(f"while fetching page {number} of GET {operation.path}")
            raise

        if number == 0:
            page = self._adopt_server_limit(page)
        return page

    def _page(self, number: int, limit: int, body: Any) -> Page[T]:
        operation = self.operation
        raw = None
        if isinstance(body, dict):
            for key in operation.item_keys:
                raw = body.get(key)
                if raw is not None:
                    break
        if not isinstance(raw, list):
            keys = " or ".join(repr(key) for key in operation.item_keys)
            msg = f"GET {operation.path} page {number}: the body has no list under {keys}"
            raise InvalidResponseError(
                msg, method="GET", url=operation.path, status=200, body=repr(body)[:200]
            )

        count = _whole_number(body.get("count")) if operation.has_count else None
        return Page(number=number, items=operation.parse(raw), count=count, limit=limit)

    def _adopt_server_limit(self, page: Page[T]) -> Page[T]:
        """Return page 0 with the page size the server really used.

        With a ``count`` a short page 0 below it shows a cap. Without one, a short page
        0 may be the whole listing or a capped page: the walk goes on at the size
        served, at the cost of one more request when it was the whole listing.
        """
        served = len(page.items)
        capped = page.count > served if page.count is not None else True
        if 0 < served < page.limit and capped:
            logger.info(
                "GET %s: the server capped pages at %d items (asked for %d); continuing with %d",
                self.operation.path,
                served,
                page.limit,
                served,
            )
            return attrs.evolve(page, limit=served)
        return page

    # Changes during a fetch --------------------------------------------------------------

    def _check_count(self, first_count: int | None, page: Page[T]) -> None:
        """Note a shift when ``page`` reports another total than page 0 did."""
        if page.count is not None and first_count is not None and page.count != first_count:
            self._note_shift(f"count went from {first_count} to {page.count}")

    def _note_shift(self, what: str) -> None:
        if not self.shifted:
            self.shifted = True
            logger.warning(
                "GET %s changed while it was being read (%s); repeated items are dropped, "
                "and items may have moved between pages: read again if it must be exact",
                self.operation.path,
                what,
            )

    def _note_duplicate(self, key: Hashable) -> None:
        self.duplicates += 1
        self._note_shift(f"id {key!r} came twice")


class PageIterator(Generic[T]):
    """The asynchronous iterator behind :meth:`Pager.pages`.

    Keeps up to ``read_ahead`` page requests in flight. ``aclose()`` (or garbage
    collection) cancels them.
    """

    def __init__(self, pager: Pager[T]) -> None:
        self._pager = pager
        self._started = False
        self._done = False
        self._in_flight: collections.deque[asyncio.Task[Page[T]]] = collections.deque()
        self._next_number = 1
        self._limit = pager.limit
        self._last_number: int | None = None
        self._previous: Page[T] | None = None
        self._first_count: int | None = None

    def __aiter__(self) -> PageIterator[T]:
        return self

    async def __anext__(self) -> Page[T]:
        if self._done:
            raise StopAsyncIteration
        try:
            page = await self._next_page()
        except BaseException:
            self._cancel()
            raise
        if page is None:
            self._done = True
            self._cancel()
            raise StopAsyncIteration
        return page

    async def _next_page(self) -> Page[T] | None:
        pager = self._pager
        if not self._started:
            self._started = True
            first = await pager.first_page()
            self._limit = first.limit
            self._first_count = first.count
            if first.count is not None:
                self._last_number = pager._planned_pages(first) - 1
            if first.is_last or not pager._wanted(first.limit, 1):
                self._last_number = 0
            self._schedule(pager.read_ahead)
            self._previous = first
            return first

        self._schedule(1)
        if not self._in_flight:
            return None
        page = await self._in_flight.popleft()
        previous, self._previous = self._previous, page
        if previous is not None and pager._repeats(page, previous):
            self._cancel()
            return None

        pager._check_count(self._first_count, page)
        if page.is_last or not page.items:
            self._last_number = page.number
            self._cancel()
        elif self._last_number is not None and page.number >= self._last_number:
            # The listing grew while it was read: go on while pages come back full.
            self._last_number = page.number + 1
        self._schedule(pager.read_ahead)
        return page

    def _schedule(self, window: int) -> None:
        """Start page requests until ``window`` are in flight or no page is left."""
        pager = self._pager
        while len(self._in_flight) < window:
            number = self._next_number
            if self._last_number is not None and number > self._last_number:
                return
            if not pager._wanted(self._limit, number):
                return
            self._in_flight.append(asyncio.ensure_future(pager._fetch(number, self._limit)))
            self._next_number += 1

    def _cancel(self) -> None:
        while self._in_flight:
            self._in_flight.pop().cancel()

    async def aclose(self) -> None:
        """Cancel the pages in flight and wait until they have stopped."""
        self._done = True
        tasks = list(self._in_flight)
        self._cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)

    def __del__(self) -> None:
        # Garbage collection may run in any thread: hand the cancellation to the loop.
        for task in getattr(self, "_in_flight", ()):
            loop = task.get_loop()
            if not loop.is_closed():
                loop.call_soon_threadsafe(task.cancel)


class ItemIterator(Generic[T]):
    """The asynchronous iterator of ``async for item in pager``.

    Drops an item whose id came in the page before (where a shifting listing repeats
    items), stops at ``max_items``, and cancels its pages in flight on ``aclose()``.
    """

    def __init__(
        self, pages: PageIterator[T], id_of: Callable[[T], Hashable | None], pager: Pager[T]
    ) -> None:
        self._pages = pages
        self._id_of = id_of
        self._pager = pager
        self._buffer: collections.deque[T] = collections.deque()
        self._previous_ids: set[Hashable] = set()
        self._current_ids: set[Hashable] = set()
        self._remaining = pager.max_items

    def __aiter__(self) -> ItemIterator[T]:
        return self

    async def __anext__(self) -> T:
        while not self._buffer:
            if self._remaining == 0:
                await self._pages.aclose()
                raise StopAsyncIteration
            page = await self._pages.__anext__()
            self._take(page)

        if self._remaining is not None:
            self._remaining -= 1
        return self._buffer.popleft()

    async def next_batch(self) -> list[T]:
        """Return the items fetched and not yet returned, fetching a page if none is.

        Returns an empty list once the listing is exhausted. Lets a caller on another
        thread take a page's worth of items per hand-over rather than one at a time.
        """
        try:
            batch = [await self.__anext__()]
        except StopAsyncIteration:
            return []
        buffer = self._buffer
        take = len(buffer) if self._remaining is None else min(len(buffer), self._remaining)
        batch.extend(buffer.popleft() for _ in range(take))
        if self._remaining is not None:
            self._remaining -= take
        return batch

    def _take(self, page: Page[T]) -> None:
        self._previous_ids, self._current_ids = self._current_ids, set()
        id_of, previous, current = self._id_of, self._previous_ids, self._current_ids
        for item in page.items:
            key = id_of(item)
            if key is not None:
                if key in previous or key in current:
                    self._pager._note_duplicate(key)
                    continue
                current.add(key)
            self._buffer.append(item)
        if self._remaining is not None:
            while len(self._buffer) > self._remaining:
                self._buffer.pop()

    async def aclose(self) -> None:
        """Stop iterating: cancel the pages in flight and wait until they have stopped."""
        self._buffer.clear()
        await self._pages.aclose()


class FanOut(Generic[K, T]):
    """Several pagers read as one job: one concurrency cap across all their pages.

    Made by the resource methods that list a child collection of many parents (all the
    clips of many projects, say). Every page request still goes through the client's
    one rate-limit bucket.

    Args:
        pagers: a pager per parent key, in the order results should come.
    """

    def __init__(self, pagers: Mapping[K, Pager[T]]) -> None:
        self.pagers = dict(pagers)

    async def all(self, *, concurrency: int = DEFAULT_CONCURRENCY) -> dict[K, list[T]]:
        """Return every item of every pager, keyed by parent, each list in API order.

        At most ``concurrency`` page requests are in flight at once across all pagers.

        Raises:
            ParameterError: for a ``concurrency`` below 1.
            CinebodyError: the first failure, with ``page`` set; the other fetches are
                cancelled and nothing partial is returned.
        """
        semaphore = asyncio.Semaphore(_at_least("concurrency", concurrency, 1))

        async def one(pager: Pager[T]) -> list[T]:
            async with semaphore:
                await pager.first_page()
            return await pager._all(semaphore)

        results = await gather_or_cancel([one(pager) for pager in self.pagers.values()])
        return dict(zip(self.pagers, results, strict=True))

    async def __aiter__(self) -> AsyncIterator[tuple[K, T]]:
        """Yield ``(parent key, item)`` for every item, parent after parent, lazily."""
        for key, pager in self.pagers.items():
            iterator = pager.items()
            try:
                async for item in iterator:
                    yield key, item
            finally:
                await iterator.aclose()


def _whole_number(value: object) -> int | None:
    """Read a ``count`` sent as an integer, a whole float or a string of digits."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.isdecimal() and value.isascii():
        return int(value)
    return None


def _at_least(name: str, value: int, lowest: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < lowest:
        msg = f"must be an integer of at least {lowest}, not {value!r}"
        raise ParameterError(name, msg)
    return value
