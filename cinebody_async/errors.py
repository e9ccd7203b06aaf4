"""The exceptions the SDK raises.

Everything the SDK raises on purpose derives from :class:`CinebodyError`::

    CinebodyError
    ├── ConfigurationError         bad client settings (missing key, plain http, ...)
    ├── ParameterError             a method argument is wrong; nothing was sent
    ├── ClientStateError           the client is closed or used from another event loop
    ├── ModelValidationError       a body does not fit the model it should structure into
    ├── TransportError             no usable HTTP answer
    │   ├── ConnectError           the connection could not be opened
    │   │   └── TLSError           the TLS handshake failed (not retried)
    │   ├── RequestTimeoutError    a connect or read timeout expired
    │   └── InvalidResponseError   a success answer whose body is not the JSON promised
    └── APIError                   the API answered with an error status
        ├── BadRequestError        400
        ├── PermissionDeniedError  403: the key is missing, wrong, or has no access
        ├── NotFoundError          404
        ├── InvalidParametersError 406: missing or invalid parameters
        ├── GoneError              410: the endpoint is deprecated
        ├── RateLimitError         420 or 429
        └── ServerError            5xx

The parameter and configuration errors also derive from :class:`ValueError`, and the
client-state error from :class:`RuntimeError`, so code that catches those keeps working.
No exception carries the API key: URLs are stored with their signatures redacted.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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
    "TLSError",
    "TransportError",
    "error_class_for_status",
]


class CinebodyError(Exception):
    """The base of every exception the SDK raises on purpose.

    ``page`` is set (from 0) when the error happened while a pager fetched that page of
    a listing; it is ``None`` otherwise.
    """

    page: int | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        # The subclasses take keyword arguments, which the default pickling (calling the
        # class with ``args``) cannot replay: rebuild from ``args`` and the attributes,
        # so errors can cross process pools.
        return (_rebuild, (type(self), self.args, self.__dict__.copy()))


def _rebuild(cls: type[CinebodyError], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class ConfigurationError(CinebodyError, ValueError):
    """The client's settings cannot work: a missing key, a refused base URL, ..."""


class ParameterError(CinebodyError, ValueError):
    """An argument of a method is wrong; the request was not sent.

    ``parameter`` names the argument, and the message says what is wrong with it.
    """

    def __init__(self, parameter: str, problem: str) -> None:
        self.parameter = parameter
        self.problem = problem
        super().__init__(f"{parameter}: {problem}")


class ClientStateError(CinebodyError, RuntimeError):
    """The client cannot be used in its current state (closed, or on another loop)."""


class ModelValidationError(CinebodyError, ValueError):
    """A value in a body has the wrong kind for the model field it belongs to.

    ``model`` is the model's class name and ``path`` the field path inside the body,
    such as ``mediaFiles[3].fileSize``.
    """

    def __init__(self, model: str, path: str, problem: str) -> None:
        self.model = model
        self.path = path
        self.problem = problem
        where = f"{model}.{path}" if path else model
        super().__init__(f"{where}: {problem}")


class TransportError(CinebodyError):
    """The request got no usable HTTP answer.

    ``method`` and ``url`` (redacted) name the request. ``request_sent`` is ``False``
    only when the request certainly never reached the server (the connection could not
    be opened), so that repeating it cannot do anything twice.
    """

    def __init__(self, message: str, *, method: str, url: str, request_sent: bool = True) -> None:
        self.method = method
        self.url = url
        self.request_sent = request_sent
        super().__init__(message)


class ConnectError(TransportError):
    """The connection to the host failed or was dropped before an answer was read."""


class TLSError(ConnectError):
    """The TLS handshake failed: a certificate that does not verify, or no common
    protocol. Trying again cannot help, so it is never retried."""


class RequestTimeoutError(TransportError):
    """A connect, pool or read timeout expired."""


class InvalidResponseError(TransportError):
    """A success status came with a body that is not the JSON the API promises.

    ``status`` is the HTTP status and ``body`` the start of the raw body as text.
    """

    def __init__(self, message: str, *, method: str, url: str, status: int, body: str) -> None:
        self.status = status
        self.body = body
        super().__init__(message, method=method, url=url)


class APIError(CinebodyError):
    """The API answered with an error status.

    Attributes:
        status: the HTTP status.
        code: the API's stable UPPER_SNAKE_CASE code, or ``None`` when the body had none
            (a proxy's HTML page, an empty body).
        reason: the explanation meant for developers, or a summary of the raw body.
        friendly_reason: the explanation that is safe to show to end users, if given.
        method: the HTTP method of the request.
        url: the request URL with secrets in its query redacted.
        body: the decoded JSON body, or the raw text when it was not JSON.
        headers: the response headers.
    """

    def __init__(
        self,
        *,
        status: int,
        method: str,
        url: str,
        path: str,
        code: str | None = None,
        reason: str | None = None,
        friendly_reason: str | None = None,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.status = status
        self.code = code
        self.reason = reason
        self.friendly_reason = friendly_reason
        self.method = method
        self.url = url
        self.path = path
        self.body = body
        self.headers: Mapping[str, str] = headers if headers is not None else {}
        super().__init__(self._message())

    def _message(self) -> str:
        text = f"{self.method} {self.path}: {self.status}"
        if self.code:
            text += f" {self.code}"
        if self.reason:
            text += f": {self.reason}"
        return text


class BadRequestError(APIError):
    """400: the API could not accept the data sent."""


class PermissionDeniedError(APIError):
    """403: the API key is missing or invalid, or has no access to the resource."""


class NotFoundError(APIError):
    """404: the resource (or the route) does not exist."""


class InvalidParametersError(APIError):
    """406: parameters are missing or invalid."""


class GoneError(APIError):
    """410: the endpoint is deprecated and no longer served."""


class RateLimitError(APIError):
    """420 or 429: the key sent more requests than the API allows.

    ``retry_after`` is the wait in seconds the API asked for, or ``None`` when it did
    not say. The SDK raises this only when its retry patience has run out, or when the
    asked wait is longer than the retry settings allow.
    """

    def __init__(self, *, retry_after: float | None = None, **kwargs: Any) -> None:
        self.retry_after = retry_after
        super().__init__(**kwargs)


class ServerError(APIError):
    """5xx: the API or a proxy in front of it failed."""


_BY_STATUS: dict[int, type[APIError]] = {
    400: BadRequestError,
    403: PermissionDeniedError,
    404: NotFoundError,
    406: InvalidParametersError,
    410: GoneError,
    420: RateLimitError,
    429: RateLimitError,
}


def error_class_for_status(status: int) -> type[APIError]:
    """Return the :class:`APIError` subclass that stands for an HTTP ``status``.

    Statuses without a class of their own (401, 418, a 3xx that was not followed)
    map to :class:`APIError` itself; every 5xx maps to :class:`ServerError`.
    """
    if status >= 500:
        return ServerError
    return _BY_STATUS.get(status, APIError)
