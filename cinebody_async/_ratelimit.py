"""The client-side token bucket that every API request of a client draws from.

aiolimiter provides the bucket. An :class:`aiolimiter.AsyncLimiter` is bound to the
event loop it first runs on, so the limiter here creates it lazily, on first use.
"""

from __future__ import annotations

from aiolimiter import AsyncLimiter

from cinebody_async._config import RateLimit

__all__ = ["RequestLimiter"]


class RequestLimiter:
    """Admits requests at the configured rate, allowing the configured burst.

    The bucket holds ``burst`` tokens and refills at ``rate`` tokens per second; it is
    created as ``AsyncLimiter(burst, burst / rate)`` so that the sustained rate holds
    from the very first second.
    """

    __slots__ = ("_bucket", "settings")

    def __init__(self, settings: RateLimit) -> None:
        self.settings = settings
        self._bucket: AsyncLimiter | None = None

    async def acquire(self) -> None:
        """Wait until the bucket admits one more request."""
        bucket = self._bucket
        if bucket is None:
            burst = self.settings.burst
            bucket = self._bucket = AsyncLimiter(burst, burst / self.settings.rate)
        await bucket.acquire()
