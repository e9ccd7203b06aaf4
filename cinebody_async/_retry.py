"""Which failed attempts are tried again, and how long to wait before the next one.

The rules, by failure:

- the connection could not be opened (refused, DNS, connect timeout): always retried,
  whatever the method, because the request never left; a failed TLS handshake is not
  retried, since a certificate that does not verify will not verify the next time;
- 420 or 429: always retried, because the API refused the request without acting on it;
- a timeout or a dropped connection after the request went out, 502, 503 or 504, or a
  success answer whose body is not JSON: retried for GET, HEAD, OPTIONS, PUT, PATCH and
  DELETE only. A POST may have been carried out already, and repeating a create or a
  notification would do it twice;
- anything else (400, 403, 404, 500, ...) is not retried: trying again gives the same.

Waits use exponential backoff with full jitter (see :class:`~cinebody_async.Retry`);
a ``Retry-After`` header replaces the drawn wait.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import email.utils
import random
from collections.abc import Callable, Iterator

from cinebody_async.errors import (
    APIError,
    CinebodyError,
    InvalidResponseError,
    RateLimitError,
    TLSError,
    TransportError,
)

__all__ = [
    "IDEMPOTENT_METHODS",
    "backoff_delay",
    "no_retry_waits",
    "parse_retry_after",
    "retry_reason",
    "sleep",
]

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"})

_GATEWAY_STATUSES = frozenset({502, 503, 504})

_waits_disabled = 0


def retry_reason(method: str, error: CinebodyError) -> str | None:
    """Return why a request that failed with ``error`` should be tried again, or ``None``.

    ``method`` is the request's HTTP method; the module docstring gives the rules.
    """
    if isinstance(error, TLSError):
        return None
    if isinstance(error, RateLimitError):
        return f"rate limited ({error.status})"
    if isinstance(error, TransportError) and not error.request_sent:
        return f"{type(error).__name__} before the request was sent"
    if method not in IDEMPOTENT_METHODS:
        return None
    if isinstance(error, InvalidResponseError):
        return f"unreadable {error.status} body"
    if isinstance(error, TransportError):
        return type(error).__name__
    if isinstance(error, APIError) and error.status in _GATEWAY_STATUSES:
        return f"server answered {error.status}"
    return None


def backoff_delay(
    retry: int, base: float, cap: float, uniform: Callable[[float, float], float] = random.uniform
) -> float:
    """Return the wait before retry number ``retry`` (0 for the first retry).

    The wait is drawn from ``[0, min(cap, base * 2**retry)]``, full jitter: spreading
    every wait over the whole window keeps clients that failed together from coming
    back together, at the cost of sometimes retrying early. ``uniform`` draws the
    value and can be replaced for tests.
    """
    ceiling = min(cap, base * 2.0 ** min(retry, 62))
    return uniform(0.0, ceiling)


def parse_retry_after(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Return the wait a ``Retry-After`` header asks for, in seconds, or ``None``.

    The header is either a number of seconds or an HTTP date; a date in the past gives
    0. An absent or unreadable header gives ``None``. ``now`` defaults to the current
    time and can be given for tests.
    """
    if value is None:
        return None
    text = value.strip()

    try:
        seconds = float(text)
    except ValueError:
        pass
    else:
        return max(0.0, seconds) if seconds == seconds else None

    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    current = now if now is not None else dt.datetime.now(dt.UTC)
    return max(0.0, (when - current).total_seconds())


@contextlib.contextmanager
def no_retry_waits() -> Iterator[None]:
    """Make every retry wait of every client return at once while the block runs.

    Meant for test suites: failures are still retried the same number of times, in the
    same order, but without sleeping. Usable as a context manager, a decorator, or in a
    pytest fixture (``with no_retry_waits(): yield``). Nesting is allowed.
    """
    global _waits_disabled
    _waits_disabled += 1
    try:
        yield
    finally:
        _waits_disabled -= 1


async def sleep(seconds: float) -> None:
    """Wait ``seconds`` before a retry, or only yield to the loop under ``no_retry_waits``."""
    await asyncio.sleep(0 if _waits_disabled else seconds)
