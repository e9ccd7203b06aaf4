"""The client-side token bucket, and how it finds the API's undisclosed rate limit.

Cinebody limits requests per key without publishing the numbers and answers 420 or 429
past the limit. Every API request of a client draws from one bucket here (requests to
presigned S3 URLs do not). The bucket adapts:

- **Slow start.** Until the first rejection the rate doubles after each second spent
  sending as fast as the bucket allows, so a client that starts at 10 requests a
  second finds a limit of 100 in four seconds. A client that is not using its whole
  rate does not grow it: a rate nobody uses proves nothing.
- **Cut once per burst.** A 420/429 cuts the rate and pauses the whole bucket, so that
  every task stops, not just the one rejected: for the ``Retry-After`` the API asked
  for, or else for the time five requests would take at the new rate (between 50 ms
  and 2 s). Requests already under way when the cut happened come back rejected too;
  they belong to the same burst and do not cut again. The pause replaces the retry's
  own backoff.
- **Measure the limit.** Between two cuts the server lets through exactly what its
  limit allows, so the successes counted since the previous cut's pause ended, over the
  time since then, measure the limit. A cut sets the rate to 0.9 of that measure (or of
  the rate, if lower), and remembers the measure (or the rate that was rejected) as the
  estimate of the limit. Without a measure (the first cut, or one within a second of
  the last) the rate is halved the first time and cut to 0.7 after that.
- **Recover, then probe.** Below 0.9 of the estimate the rate recovers by 10 % per
  busy second; from there on it probes by only 1 % of the estimate per busy second.

Why these constants: a plain halve-and-add sawtooth spends its time between half the
limit and the limit, and so averages about three quarters of it. Resuming at 0.9 of the
measured limit and probing slowly from there keeps the average above 0.9 of it, and
makes rejections rare: a server's own burst absorbs a slightly too high rate for many
seconds before it rejects anything.

aiolimiter's :class:`~aiolimiter.AsyncLimiter` cannot change its rate or pause, and it
belongs to one event loop. So the rate lives in a :class:`RateController` (plain state
behind a lock, shareable by clients on several loops and threads), and each loop keeps
its own AsyncLimiter whose tokens are *seconds of sending*: it refills one token per
second, and a request costs ``1 / rate`` tokens, so changing the rate changes the cost
of the next request without replacing the bucket or losing its level.
"""

from __future__ import annotations

import asyncio
import hashlib
import threading
import time
import weakref
from collections.abc import Callable
from typing import NamedTuple

import attrs
from aiolimiter import AsyncLimiter

from cinebody_async import _retry
from cinebody_async._config import RateLimit
from cinebody_async._logging import logger

__all__ = [
    "RateController",
    "RateLimitStats",
    "RequestLimiter",
    "SharedLimiter",
    "Ticket",
    "limiter_for",
]

SLOW_START_FACTOR = 2.0
FIRST_CUT_FACTOR = 0.5
CUT_FACTOR = 0.7
MEASURED_SHARE = 0.9
MEASURE_MIN_SECONDS = 1.0
RECOVERY_FACTOR = 1.1
RECOVERY_TARGET = 0.9
PROBE_STEP = 0.01
BUSY_INTERVAL = 1.0
PAUSE_REQUESTS = 5
PAUSE_BOUNDS = (0.05, 2.0)


@attrs.frozen
class RateLimitStats:
    """A snapshot of a client's rate limiting.

    Attributes:
        rate: the current rate, in requests per second.
        limit_estimate: the rate at the last cut, the best guess of the API's limit,
            or ``None`` before any rejection.
        rejections: 420/429 answers seen.
        cuts: times the rate was lowered (once per burst of rejections).
        waited: seconds requests spent waiting for the bucket or a pause, summed.
        paused_for: seconds left in the current pause (0 when not paused).
        adaptive: whether the rate adapts.
    """

    rate: float
    limit_estimate: float | None
    rejections: int
    cuts: int
    waited: float
    paused_for: float
    adaptive: bool


class Ticket(NamedTuple):
    """What a request took from the bucket: the rate epoch it was admitted in, and
    whether it had to wait for its token (the client was using its whole rate).

    A named tuple: one is made for every request, and a tuple is the cheapest record.
    """

    epoch: int
    waited: bool


class RateController:
    """The adaptive rate of one bucket: pure state, the time passed in by the caller.

    Thread-safe; several :class:`RequestLimiter` objects on different loops may share
    one controller. ``clock`` gives the time for :meth:`stats` and the limiter.
    """

    def __init__(self, settings: RateLimit, clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self.clock = clock
        self._lock = threading.Lock()
        self._rate = min(max(settings.rate, settings.floor), settings.ceiling)
        self._estimate: float | None = None
        self._epoch = 0
        self._paused_until = 0.0
        self._busy_since: float | None = None
        self._last_busy: float | None = None
        self._rejections = 0
        self._cuts = 0
        self._waited = 0.0
        self._last_cut_at: float | None = None
        self._successes_since_cut = 0

    @property
    def rate(self) -> float:
        """The current rate in requests per second."""
        return self._rate

    @property
    def epoch(self) -> int:
        """The number of cuts so far; a rejection of an older epoch does not cut again."""
        return self._epoch

    @property
    def paused_until(self) -> float:
        """The clock time at which the current pause ends (in the past when not paused)."""
        return self._paused_until

    def paused_for(self, now: float) -> float:
        """Return the seconds left in the current pause at time ``now``."""
        return max(0.0, self._paused_until - now)

    def record_wait(self, seconds: float) -> None:
        """Add ``seconds`` to the time requests spent waiting."""
        with self._lock:
            self._waited += seconds

    def on_success(self, ticket: Ticket, now: float) -> None:
        """Note an answer that was not rate limited, and grow the rate if it is due.

        Only requests that had to wait for their token count towards growth; once such
        requests have kept coming for :data:`BUSY_INTERVAL`, with no gap longer than
        that between two of them, the rate grows one step.
        """
        if not self.settings.adaptive:
            return
        with self._lock:
            self._successes_since_cut += 1
            if not ticket.waited:
                return
            last, self._last_busy = self._last_busy, now
            if self._busy_since is None or last is None or now - last > BUSY_INTERVAL:
                # Busy again after a quiet spell: a new busy second starts counting.
                self._busy_since = now
                return
            if now - self._busy_since < BUSY_INTERVAL:
                return
            self._busy_since = now
            old = self._rate
            self._rate = min(self._grown(old), self.settings.ceiling)
        if self._rate != old:
            logger.info("rate limit raised from %.2f to %.2f requests/s", old, self._rate)

    def _grown(self, rate: float) -> float:
        estimate = self._estimate
        if estimate is None:
            return rate * SLOW_START_FACTOR
        if rate < RECOVERY_TARGET * estimate:
            return min(rate * RECOVERY_FACTOR, RECOVERY_TARGET * estimate)
        return rate + PROBE_STEP * estimate

    def on_rejection(self, ticket: Ticket, now: float, retry_after: float | None) -> None:
        """Note a 420/429: pause the bucket and, once per burst, cut the rate.

        The pause lasts ``retry_after`` when the API gave one, else the time
        :data:`PAUSE_REQUESTS` requests take at the new rate, within
        :data:`PAUSE_BOUNDS`.
        """
        with self._lock:
            self._rejections += 1
            old = self._rate
            cut = self.settings.adaptive and ticket.epoch == self._epoch
            if cut:
                measured = self._measured(now)
                self._epoch += 1
                self._cuts += 1
                self._estimate = old if measured is None else min(old, measured)
                if measured is None:
                    new = old * (FIRST_CUT_FACTOR if self._cuts == 1 else CUT_FACTOR)
                else:
                    new = MEASURED_SHARE * min(old, measured)
                self._rate = max(new, self.settings.floor)
                self._busy_since = None
                self._successes_since_cut = 0
            if retry_after is not None:
                pause = retry_after
            else:
                low, high = PAUSE_BOUNDS
                pause = min(max(PAUSE_REQUESTS / self._rate, low), high)
            self._paused_until = max(self._paused_until, now + pause)
            if cut:
                # Throughput is measured from the end of the pause, when sending resumes.
                self._last_cut_at = self._paused_until
        if cut:
            logger.info(
                "rate limited: rate lowered from %.2f to %.2f requests/s, pausing %.2f s",
                old,
                self._rate,
                pause,
            )

    def _measured(self, now: float) -> float | None:
        """The rate the server let through since the pause of the previous cut ended,
        if that was long enough ago to tell."""
        since = self._last_cut_at
        if since is None or now - since < MEASURE_MIN_SECONDS:
            return None
        return self._successes_since_cut / (now - since)

    def stats(self) -> RateLimitStats:
        """Return a snapshot of the rate and the counters."""
        with self._lock:
            return RateLimitStats(
                rate=self._rate,
                limit_estimate=self._estimate,
                rejections=self._rejections,
                cuts=self._cuts,
                waited=self._waited,
                paused_for=self.paused_for(self.clock()),
                adaptive=self.settings.adaptive,
            )


class RequestLimiter:
    """The bucket of one controller on one event loop.

    Its :class:`~aiolimiter.AsyncLimiter` holds ``burst / rate`` seconds of sending
    and refills one per second; a request costs ``1 / rate`` of them (see the module
    notes). Created on first use, inside the loop.
    """

    def __init__(self, controller: RateController) -> None:
        self.controller = controller
        settings = controller.settings
        self._window = settings.burst / settings.rate
        self._bucket: AsyncLimiter | None = None

    async def acquire(self) -> Ticket:
        """Wait out any pause, then for a token; return the request's :class:`Ticket`."""
        controller = self.controller
        bucket = self._bucket
        if bucket is None:
            bucket = self._bucket = AsyncLimiter(self._window, self._window)

        clock = controller.clock
        started = clock()
        slept_until: float | None = None
        while True:
            if controller.paused_until > clock():
                slept_until = await self._wait_out_pause(slept_until)
            epoch = controller.epoch
            cost = 1.0 / controller.rate
            while cost > self._window:
                await bucket.acquire(self._window)
                cost -= self._window
            waited = not bucket.has_capacity(cost)
            await bucket.acquire(cost)
            until = controller.paused_until
            if until <= clock() or until == slept_until:
                break
            # A rejection paused the bucket while this request waited for its token. Had
            # it kept that token, every such request would go out together when the
            # pause ends; it waits out the pause and queues again at the new rate.
        paused = slept_until is not None

        if waited or paused:
            controller.record_wait(clock() - started)
        return Ticket(epoch=epoch, waited=waited)

    async def _wait_out_pause(self, slept_until: float | None) -> float | None:
        """Sleep until the current pause ends, unless it is the one that ended at
        ``slept_until`` already; return the end of the last pause slept through."""
        controller = self.controller
        clock = controller.clock
        while (until := controller.paused_until) > clock() and until != slept_until:
            # Go round again only if a later rejection extended the pause (so that with
            # retry waits turned off this returns at once).
            slept_until = until
            await _retry.sleep(until - clock())
        return slept_until

    def on_success(self, ticket: Ticket) -> None:
        """Report an answer that was not rate limited."""
        self.controller.on_success(ticket, self.controller.clock())

    def on_rejection(self, ticket: Ticket, retry_after: float | None) -> None:
        """Report a 420/429 answer."""
        self.controller.on_rejection(ticket, self.controller.clock(), retry_after)


_shared_lock = threading.Lock()
_shared_controllers: dict[tuple[str, str, RateLimit], RateController] = {}
_shared_limiters: weakref.WeakKeyDictionary[
    asyncio.AbstractEventLoop, dict[int, RequestLimiter]
] = weakref.WeakKeyDictionary()


def limiter_for(settings: RateLimit, api_key: str, base_url: str) -> RequestLimiter:
    """Return the limiter a new client should use.

    With ``settings.shared`` false, a limiter of its own. With it true, clients with the
    same key, base URL and settings share one :class:`RateController` across loops and
    threads, and one bucket per event loop.
    """
    if not settings.shared:
        return RequestLimiter(RateController(settings))
    return SharedLimiter(_shared_controller(settings, api_key, base_url))


def _shared_controller(settings: RateLimit, api_key: str, base_url: str) -> RateController:
    fingerprint = hashlib.sha256(api_key.encode()).hexdigest()
    key = (fingerprint, base_url, settings)
    with _shared_lock:
        controller = _shared_controllers.get(key)
        if controller is None:
            controller = _shared_controllers[key] = RateController(settings)
        return controller


class SharedLimiter(RequestLimiter):
    """A limiter whose bucket is the one its controller has on the running loop.

    Clients sharing a key on one loop so draw from one AsyncLimiter; on another loop
    they share the rate and pauses but each loop has its own bucket. The loop's bucket
    is looked up once per loop, not on every request.
    """

    def __init__(self, controller: RateController) -> None:
        super().__init__(controller)
        self._local: tuple[asyncio.AbstractEventLoop, RequestLimiter] | None = None

    async def acquire(self) -> Ticket:
        """Acquire from the running loop's bucket of the shared controller."""
        loop = asyncio.get_running_loop()
        local = self._local
        if local is None or local[0] is not loop:
            local = self._local = (loop, self._for_loop(loop))
        return await local[1].acquire()

    def _for_loop(self, loop: asyncio.AbstractEventLoop) -> RequestLimiter:
        with _shared_lock:
            per_loop = _shared_limiters.setdefault(loop, {})
            limiter = per_loop.get(id(self.controller))
            if limiter is None:
                limiter = per_loop[id(self.controller)] = RequestLimiter(self.controller)
            return limiter
