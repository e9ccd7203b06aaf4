"""Sending one API request: auth, rate limit, retries, error mapping and logging.

:class:`Transport` owns the aiohttp session (or borrows the caller's), draws every
attempt from the client's token bucket, and turns every answer into either a
:class:`Response` or a :class:`~cinebody_async.errors.CinebodyError`.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import re
import time
import urllib.request
import warnings
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import aiohttp
import attrs
import orjson
from multidict import CIMultiDictProxy
from yarl import URL

from cinebody_async import _retry
from cinebody_async._config import ClientConfig, Timeout
from cinebody_async._logging import logger, redact_url
from cinebody_async._ratelimit import RateLimitStats, RequestLimiter, limiter_for
from cinebody_async._urls import encode_query
from cinebody_async.errors import (
    APIError,
    CinebodyError,
    ClientStateError,
    ConnectError,
    InvalidResponseError,
    NotFoundError,
    ParameterError,
    RateLimitError,
    RequestTimeoutError,
    TLSError,
    TransportError,
    error_class_for_status,
)

__all__ = ["RequestBody", "Response", "Transport"]

RequestBody = Any
"""What ``data=`` accepts: bytes, str, an :class:`aiohttp.FormData`, or a zero-argument
callable returning one of those, called once per attempt (a form can be sent only once,
so a body that may be retried must be given as a callable)."""


@attrs.frozen(slots=True)
class Response:
    """One answer of the API, after retries.

    Attributes:
        method: the HTTP method.
        status: the HTTP status.
        headers: the response headers.
        body: the decoded JSON body (``None`` for an empty body).
        attempts: how many attempts it took.
        elapsed: seconds from the first attempt to the end of the last.
    """

    method: str
    status: int
    headers: Mapping[str, str]
    body: Any
    attempts: int
    elapsed: float
    requested: URL = attrs.field(repr=False)

    @property
    def url(self) -> str:
        """The URL that was requested, query included, with secrets redacted."""
        return redact_url(str(self.requested))

    @property
    def api_version(self) -> str | None:
        """The ``apiVersion`` the API reported in the body, or ``None``."""
        if isinstance(self.body, dict):
            version = self.body.get("apiVersion")
            return version if isinstance(version, str) else None
        return None


@attrs.frozen(slots=True)
class _Request:
    """One request as every attempt sends it."""

    method: str
    path: str
    url: URL
    query: list[tuple[str, str]] | None
    headers: Mapping[str, str] = attrs.field(repr=False)
    body: RequestBody = attrs.field(repr=False)
    options: Mapping[str, Any] = attrs.field(factory=dict)
    """Further arguments of ``session.request`` (a per-call ``timeout``)."""


class Transport:
    """Sends API requests for one client.

    The aiohttp session is created on the first request, inside the running event loop,
    and the transport stays bound to that loop. A session passed in is used as it is
    and never closed here.
    """

    def __init__(self, config: ClientConfig, session: aiohttp.ClientSession | None = None):
        self.config = config
        self._session = session
        self._owns_session = session is None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._closed = False
        self._limiter: RequestLimiter | None = None
        if config.rate_limit is not None:
            self._limiter = limiter_for(config.rate_limit, config.api_key, config.base_url)
        self._timeout = config.timeout.to_aiohttp()
        self._ssl = config.ssl if config.ssl is not None else True
        self._proxy: str | None = None
        self._headers = {
            "x-api-key": config.api_key,
            "Accept": "application/json",
            "User-Agent": config.user_agent,
        }
        self._json_headers = {**self._headers, "Content-Type": "application/json"}

    @property
    def closed(self) -> bool:
        """Whether :meth:`aclose` was called."""
        return self._closed

    async def aclose(self) -> None:
        """Close the session if the transport created it; calling again does nothing."""
        self._closed = True
        session, self._session = self._session, None
        if session is not None and self._owns_session and not session.closed:
            await session.close()

    def warn_if_unclosed(self, owner: object) -> None:
        """Issue a :class:`ResourceWarning` if a session this transport opened is open.

        Called from the owner's ``__del__``; schedules nothing on any loop.
        """
        session = self._session
        if self._owns_session and session is not None and not session.closed:
            warnings.warn(
                f"{owner!r} was never closed; use 'async with' or 'await client.aclose()'",
                ResourceWarning,
                stacklevel=2,
                source=owner,
            )

    def _session_for_running_loop(self) -> aiohttp.ClientSession:
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            if self._loop is not None:
                msg = (
                    "this client is bound to the event loop it was first used on; create "
                    "one client per event loop (or use cinebody_sync from other threads)"
                )
                raise ClientStateError(msg)
            self._loop = loop
        if self._closed:
            msg = "this client is closed; create a new one"
            raise ClientStateError(msg)

        session = self._session
        if session is None:
            config = self.config
            connector = aiohttp.TCPConnector(
                limit=config.connection_limit,
                limit_per_host=config.connection_limit_per_host,
                ssl=self._ssl,
            )
            # aiohttp's own trust_env looks the proxy up again on every request, which
            # costs more client CPU than the rest of a request; the API's host never
            # changes, so the proxy is looked up once, here.
            self._proxy = _environment_proxy(config.base_url) if config.trust_env else None
            session = self._session = aiohttp.ClientSession(
                connector=connector,
                timeout=self._timeout,
                cookie_jar=aiohttp.DummyCookieJar(),
            )
        return session

    async def send(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, object] | None = None,
        json: object = None,
        data: RequestBody = None,
        timeout: Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> Response:
        """Send one request, retrying under the client's policy, and return the answer.

        Raises:
            ParameterError: for a path that is not an API path, for both ``json`` and
                ``data``, or for a query value that cannot be encoded.
            APIError: (a subclass per status) when the API answers with an error.
            TransportError: when no usable answer came after the allowed retries.
            ClientStateError: when the client is closed or used on another loop.
        """
        if json is not None and data is not None:
            msg = "give either json= or data=, not both"
            raise ParameterError("data", msg)
        try:
            body = orjson.dumps(json) if json is not None else None
        except TypeError as failure:
            msg = f"cannot be sent as JSON: {failure}"
            raise ParameterError("json", msg) from None
        request = _Request(
            method=method.upper(),
            path=path,
            url=self._url(path),
            query=encode_query(params) or None,
            headers=self._json_headers if body is not None else self._headers,
            body=body if body is not None else data,
            # Without a per-call timeout the session's own applies: the client's for a
            # session it made, the caller's for a session passed in.
            options={} if timeout is None else {"timeout": Timeout.coerce(timeout).to_aiohttp()},
        )
        retries = self.config.retry.max_retries if max_retries is None else max_retries
        session = self._session_for_running_loop()

        started = time.monotonic()
        attempt = 0
        ambiguous = False
        while True:
            attempt += 1
            if self._closed:
                msg = f"{request.method} {path}: the client was closed while retrying"
                raise ClientStateError(msg)
            try:
                return await self._attempt(session, request, attempt, started)
            except CinebodyError as error:
                if ambiguous and request.method == "DELETE" and isinstance(error, NotFoundError):
                    logger.info(
                        "%s %s answered 404 after an earlier attempt may have succeeded; "
                        "taking the resource as deleted",
                        request.method,
                        path,
                    )
                    return self._response(request, error, attempt, started)
                wait = self._retry_wait(request, error, attempt, retries)
                ambiguous = ambiguous or _may_have_been_processed(error)
            await _retry.sleep(wait)

    def _beyond_patience(self, asked: float | None) -> bool:
        """Whether a ``Retry-After`` asks for more than the retry settings will wait."""
        return asked is not None and asked > self.config.retry.max_retry_after

    def rate_limit_stats(self) -> RateLimitStats | None:
        """Return a snapshot of the rate limiting, or ``None`` when it is off."""
        return self._limiter.controller.stats() if self._limiter is not None else None

    def _retry_wait(
        self, request: _Request, error: CinebodyError, attempt: int, retries: int
    ) -> float:
        """Return the wait before the next attempt, or raise ``error`` if there is none.

        A rate-limited request waits nothing here when the client has a bucket: the
        bucket's pause (which every task observes) replaces the backoff.
        """
        method, path = request.method, request.path
        reason = _retry.retry_reason(method, error)
        if reason is None or attempt > retries:
            raise error

        settings = self.config.retry
        if isinstance(error, RateLimitError):
            asked = error.retry_after
        elif isinstance(error, APIError):
            asked = _retry.parse_retry_after(error.headers.get("Retry-After"))
        else:
            asked = None
        if self._beyond_patience(asked):
            logger.info(
                "%s %s: not retrying: %s and the server asked to wait %.1f s, more than "
                "the %.1f s allowed",
                method,
                path,
                reason,
                asked,
                settings.max_retry_after,
            )
            raise error

        if isinstance(error, RateLimitError) and self._limiter is not None:
            logger.info(
                "%s %s: retry %d of %d after the rate-limit pause: %s",
                method,
                path,
                attempt,
                retries,
                reason,
            )
            return 0.0
        wait = (
            asked
            if asked is not None
            else _retry.backoff_delay(attempt - 1, settings.backoff_base, settings.backoff_cap)
        )
        logger.info(
            "%s %s: retry %d of %d in %.2f s: %s", method, path, attempt, retries, wait, reason
        )
        return wait

    async def _attempt(
        self, session: aiohttp.ClientSession, request: _Request, attempt: int, started: float
    ) -> Response:
        limiter = self._limiter
        ticket = await limiter.acquire() if limiter is not None else None

        method, path = request.method, request.path
        body = request.body
        sent_at = time.monotonic()
        try:
            async with session.request(
                method,
                request.url,
                params=request.query,
                data=body() if callable(body) else body,
                headers=request.headers,
                allow_redirects=False,
                ssl=self._ssl,
                proxy=self._proxy,
                **request.options,
            ) as answer:
                raw = await answer.read()
                status = answer.status
                response_headers = answer.headers
                reason = answer.reason
                requested = answer.url
        except (aiohttp.ClientError, TimeoutError) as failure:
            lost = _transport_error(failure, method, request.url)
            if logger.isEnabledFor(logging.DEBUG):
                elapsed_ms = (time.monotonic() - sent_at) * 1000
                logger.debug(
                    "%s %s %s %.1f ms attempt %d",
                    method,
                    path,
                    type(lost).__name__,
                    elapsed_ms,
                    attempt,
                )
            # aiohttp's response errors hold the request's headers, the key among them:
            # they are not chained (the message already says what failed).
            chained = None if isinstance(failure, aiohttp.ClientResponseError) else failure
            raise lost from chained

        if logger.isEnabledFor(logging.DEBUG):
            elapsed_ms = (time.monotonic() - sent_at) * 1000
            logger.debug("%s %s %d %.1f ms attempt %d", method, path, status, elapsed_ms, attempt)

        if status < 300:
            if limiter is not None and ticket is not None:
                limiter.on_success(ticket)
            return Response(
                method=method,
                status=status,
                headers=response_headers,
                body=_decode_success(raw, method, path, requested, status),
                attempts=attempt,
                elapsed=time.monotonic() - started,
                requested=requested,
            )

        redacted = redact_url(str(requested))
        error = _api_error(method, path, redacted, status, reason, response_headers, raw)
        if limiter is not None and ticket is not None:
            if isinstance(error, RateLimitError):
                # A wait beyond the retry settings' patience is not waited (the error is
                # raised): it must not pause the bucket for every other request either.
                asked = None if self._beyond_patience(error.retry_after) else error.retry_after
                limiter.on_rejection(ticket, asked)
            else:
                limiter.on_success(ticket)
        raise error

    def _url(self, path: str) -> URL:
        if not isinstance(path, str) or not path.startswith("/") or path.startswith("//"):
            msg = (
                f"must be an API path starting with '/', such as '/app/3.0/projects', not {path!r}"
            )
            raise ParameterError("path", msg)
        return _join(self.config.base_url, path)

    @staticmethod
    def _response(request: _Request, error: APIError, attempts: int, started: float) -> Response:
        """The answer of a DELETE taken as done: the 404's status and headers, no body."""
        return Response(
            method=request.method,
            status=error.status,
            headers=error.headers,
            body=None,
            attempts=attempts,
            elapsed=time.monotonic() - started,
            requested=request.url,
        )


@functools.lru_cache(maxsize=4096)
def _join(base_url: str, path: str) -> URL:
    """Return the URL of ``path`` under ``base_url``; cached, as list paths repeat."""
    return URL(base_url + path)


def _environment_proxy(base_url: str) -> str | None:
    """Return the proxy the environment names for ``base_url``, or ``None``.

    Reads ``HTTPS_PROXY``/``HTTP_PROXY``/``ALL_PROXY`` and honours ``NO_PROXY``, as
    :mod:`urllib.request` does.
    """
    parts = urlsplit(base_url)
    if parts.hostname is None or urllib.request.proxy_bypass(parts.hostname):
        return None
    proxies = urllib.request.getproxies()
    return proxies.get(parts.scheme) or proxies.get("all")


def _may_have_been_processed(error: CinebodyError) -> bool:
    if isinstance(error, TransportError):
        return error.request_sent
    return isinstance(error, APIError) and error.status >= 500


def _transport_error(
    failure: aiohttp.ClientError | TimeoutError, method: str, url: URL
) -> TransportError:
    where = f"{method} {url.path}"
    redacted = redact_url(str(url))
    if isinstance(failure, aiohttp.ClientSSLError):
        msg = f"{where}: TLS failed with {failure.host}:{failure.port}: {failure.os_error}"
        return TLSError(msg, method=method, url=redacted, request_sent=False)
    if isinstance(failure, aiohttp.ConnectionTimeoutError):
        msg = f"{where}: timed out opening a connection"
        return RequestTimeoutError(msg, method=method, url=redacted, request_sent=False)
    if isinstance(failure, aiohttp.ServerTimeoutError):
        msg = f"{where}: timed out waiting for the answer"
        return RequestTimeoutError(msg, method=method, url=redacted)
    if isinstance(failure, aiohttp.ClientConnectorError):
        msg = f"{where}: could not connect to {failure.host}:{failure.port}: {failure.os_error}"
        return ConnectError(msg, method=method, url=redacted, request_sent=False)
    if isinstance(failure, TimeoutError):
        msg = f"{where}: timed out"
        return RequestTimeoutError(msg, method=method, url=redacted)
    msg = f"{where}: connection failed: {type(failure).__name__}: {failure}"
    return ConnectError(msg, method=method, url=redacted)


def _decode_success(raw: bytes, method: str, path: str, url: URL, status: int) -> Any:
    if not raw:
        return None
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        text = raw[:200].decode("utf-8", "replace")
        msg = f"{method} {path}: {status} answer is not JSON: {text!r}"
        redacted = redact_url(str(url))
        raise InvalidResponseError(
            msg, method=method, url=redacted, status=status, body=text
        ) from None


_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(rb"<[^>]+>|\s+")


def _api_error(
    method: str,
    path: str,
    url: str,
    status: int,
    http_reason: str | None,
    headers: CIMultiDictProxy[str],
    raw: bytes,
) -> APIError:
    """Build the error for an answer with a status of 300 or more, whatever its body."""
    body: Any
    try:
        body = orjson.loads(raw) if raw else None
    except orjson.JSONDecodeError:
        body = raw.decode("utf-8", "replace")

    code = reason = friendly = None
    if isinstance(body, dict):
        code = _text(body.get("code"))
        reason = _text(body.get("reason")) or _text(body.get("message"))
        friendly = _text(body.get("friendlyReason"))
    if reason is None:
        reason = _summary(status, http_reason, headers, raw)

    cls = error_class_for_status(status)
    fields: dict[str, Any] = {
        "status": status,
        "method": method,
        "url": url,
        "path": path,
        "code": code,
        "reason": reason,
        "friendly_reason": friendly,
        "body": body,
        "headers": headers,
    }
    if cls is RateLimitError:
        return RateLimitError(
            retry_after=_retry.parse_retry_after(headers.get("Retry-After")), **fields
        )
    return cls(**fields)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _summary(status: int, http_reason: str | None, headers: Mapping[str, str], raw: bytes) -> str:
    """Say something readable about an error body that is not the API's JSON."""
    if 300 <= status < 400:
        location = redact_url(headers.get("Location", "elsewhere"))
        return (
            f"redirect to {location} not followed: the API key must not be sent to another address"
        )
    phrase = http_reason or "error"
    title = _TITLE.search(raw)
    snippet = title.group(1) if title else raw[:300]
    text = _TAGS.sub(b" ", snippet).decode("utf-8", "replace").strip()
    return f"{phrase} ({text[:160]})" if text and text != phrase else phrase
