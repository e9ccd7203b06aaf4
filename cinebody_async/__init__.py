"""Cinebody SDK: an async client for the Cinebody video-production API."""

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
    "APIError",
    "BadRequestError",
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
    "RateLimitError",
    "RequestTimeoutError",
    "ServerError",
    "TransportError",
    "__version__",
]
