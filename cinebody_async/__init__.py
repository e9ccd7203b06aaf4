"""Cinebody SDK: an async client for the Cinebody video-production API."""

from cinebody_async._client import CinebodyClient
from cinebody_async._config import PRODUCTION_URL, STAGING_URL, RateLimit, Retry, Timeout
from cinebody_async._ratelimit import RateLimitStats
from cinebody_async._retry import no_retry_waits
from cinebody_async._transport import Response
from cinebody_async._version import __version__
from cinebody_async.errors import (
    APIError,
    BadRequestError,
    CinebodyError,
    ClientStateError,
    ConfigurationError,
    ConnectError,
    GoneError,
    InvalidParametersError,
    InvalidResponseError,
    ModelValidationError,
    NotFoundError,
    ParameterError,
    PermissionDeniedError,
    RateLimitError,
    RequestTimeoutError,
    ServerError,
    TransportError,
)

__all__ = [
    "PRODUCTION_URL",
    "STAGING_URL",
    "APIError",
    "BadRequestError",
    "CinebodyClient",
    "CinebodyError",
    "ClientStateError",
    "ConfigurationError",
    "ConnectError",
    "GoneError",
    "InvalidParametersError",
    "InvalidResponseError",
    "ModelValidationError",
    "NotFoundError",
    "ParameterError",
    "PermissionDeniedError",
    "RateLimit",
    "RateLimitError",
    "RateLimitStats",
    "RequestTimeoutError",
    "Response",
    "Retry",
    "ServerError",
    "Timeout",
    "TransportError",
    "__version__",
    "no_retry_waits",
]
