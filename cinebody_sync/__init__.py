"""Cinebody SDK, blocking: the same client as ``cinebody_async`` for code that cannot await.

The exceptions, settings and models are the async package's own classes, so code can
catch and build the same types whichever client it uses.
"""

from cinebody_async import (
    CLEAR,
    PRODUCTION_URL,
    STAGING_URL,
    Clear,
    CompletedPart,
    Page,
    RateLimit,
    RateLimitStats,
    Response,
    Retry,
    ShotUpdate,
    Timeout,
    __version__,
    errors,
    models,
    no_retry_waits,
)
from cinebody_async.errors import *  # noqa: F403
from cinebody_async.models import *  # noqa: F403
from cinebody_sync._client import CinebodyClient
from cinebody_sync._pagers import SyncFanOut, SyncItemIterator, SyncPageIterator, SyncPager

__all__ = [
    "CLEAR",
    "PRODUCTION_URL",
    "STAGING_URL",
    "CinebodyClient",
    "Clear",
    "CompletedPart",
    "Page",
    "RateLimit",
    "RateLimitStats",
    "Response",
    "Retry",
    "ShotUpdate",
    "SyncFanOut",
    "SyncItemIterator",
    "SyncPageIterator",
    "SyncPager",
    "Timeout",
    "__version__",
    "no_retry_waits",
]
__all__ += errors.__all__
__all__ += models.__all__
