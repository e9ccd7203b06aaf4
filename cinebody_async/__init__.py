"""Cinebody SDK: an async client for the Cinebody video-production API.

Everything public is importable from here: the client and its settings, the errors
(:mod:`cinebody_async.errors`), the models and enums (:mod:`cinebody_async.models`), the
pagers, and the small value types some methods take. The blocking client is
:mod:`cinebody_sync`; the fake API for tests is :mod:`cinebody_async.testing`.
"""

from cinebody_async import errors, models
from cinebody_async._client import CinebodyClient
from cinebody_async._config import PRODUCTION_URL, STAGING_URL, RateLimit, Retry, Timeout
from cinebody_async._pagination import FanOut, ItemIterator, Page, PageIterator, Pager
from cinebody_async._ratelimit import RateLimitStats
from cinebody_async._retry import no_retry_waits
from cinebody_async._transport import Response
from cinebody_async._version import __version__
from cinebody_async.errors import *  # noqa: F403
from cinebody_async.models import *  # noqa: F403
from cinebody_async.resources._params import CLEAR, Clear
from cinebody_async.resources.shots import ShotUpdate
from cinebody_async.resources.uploads import CompletedPart

__all__ = [
    "CLEAR",
    "PRODUCTION_URL",
    "STAGING_URL",
    "CinebodyClient",
    "Clear",
    "CompletedPart",
    "FanOut",
    "ItemIterator",
    "Page",
    "PageIterator",
    "Pager",
    "RateLimit",
    "RateLimitStats",
    "Response",
    "Retry",
    "ShotUpdate",
    "Timeout",
    "__version__",
    "no_retry_waits",
]
__all__ += errors.__all__
__all__ += models.__all__
