"""The async client: configuration, lifetime, and the low-level request call."""

from __future__ import annotations

import ssl as ssl_module
from collections.abc import Mapping
from types import TracebackType
from typing import Any, Self

import aiohttp

from cinebody_async._config import ClientConfig, RateLimit, Retry, Timeout, mask_key
from cinebody_async._ratelimit import RateLimitStats
from cinebody_async._transport import RequestBody, Response, Transport
from cinebody_async.resources.media_files import MediaFiles
from cinebody_async.resources.notifications import Notifications
from cinebody_async.resources.organizations import Organizations
from cinebody_async.resources.projects import Projects
from cinebody_async.resources.shots import Shots
from cinebody_async.resources.teams import Teams
from cinebody_async.resources.types import Types
from cinebody_async.resources.uploads import Uploads
from cinebody_async.resources.users import Users

__all__ = ["CinebodyClient"]


class CinebodyClient:
    """An asynchronous client of the Cinebody API.

    Use it as ``async with CinebodyClient() as cb: ...`` or close it with
    :meth:`aclose`. One client is meant to live as long as the application and be
    shared by all its tasks: it holds one connection pool and one rate-limit bucket.
    Building a client does no I/O and needs no running event loop; the HTTP session is
    opened on the first request, and the client then belongs to that event loop.

    Args:
        api_key: the API key; defaults to the ``CINEBODY_API_KEY`` environment variable.
        base_url: the API's address; defaults to ``CINEBODY_BASE_URL``, then to
            :data:`~cinebody_async.PRODUCTION_URL`. Plain ``http://`` is accepted for
            loopback hosts only.
        timeout: a :class:`Timeout`, or seconds for both connect and read.
        retry: a :class:`Retry`, a number of retries, or ``False`` for none.
        rate_limit: a :class:`RateLimit`, a rate in requests per second, or ``False``
            for no client-side limit.
        session: an :class:`aiohttp.ClientSession` to send through; the client uses it
            as it is (its own timeouts, proxies and TLS settings apply) and never
            closes it.
        user_agent: a product token put before the SDK's own in ``User-Agent``.
        trust_env: take proxies (``HTTPS_PROXY``, ...) from the environment.
        ssl: an :class:`ssl.SSLContext` for custom certificate authorities.
        connection_limit: connections open at once (0 for no limit).
        connection_limit_per_host: connections open at once to one host (0 for none).

    Raises:
        ConfigurationError: when no API key is given or set, or a setting is invalid.
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: Timeout | float | None = None,
        retry: Retry | int | bool | None = None,
        rate_limit: RateLimit | float | bool | None = None,
        session: aiohttp.ClientSession | None = None,
        user_agent: str | None = None,
        trust_env: bool = True,
        ssl: ssl_module.SSLContext | None = None,
        connection_limit: int = 100,
        connection_limit_per_host: int = 0,
    ) -> None:
        self.config = ClientConfig.create(
            api_key,
            base_url=base_url,
            timeout=timeout,
            retry=retry,
            rate_limit=rate_limit,
            user_agent=user_agent,
            trust_env=trust_env,
            ssl=ssl,
            connection_limit=connection_limit,
            connection_limit_per_host=connection_limit_per_host,
        )
        self._transport = Transport(self.config, session)

        self.organizations = Organizations(self)
        """Organizations, their stats and storage."""
        self.teams = Teams(self)
        """Teams, their stats, images and settings."""
        self.projects = Projects(self)
        """Projects, join codes, templates, images and stats."""
        self.shots = Shots(self)
        """A project's shot list, and the global shot types."""
        self.media_files = MediaFiles(self)
        """Clips and final videos: listing, moderation, deletion, download links."""
        self.users = Users(self)
        """Users in organizations, teams and projects; blocking filmers."""
        self.notifications = Notifications(self)
        """Notifications to filmers, now or scheduled."""
        self.uploads = Uploads(self)
        """The API calls of a multipart upload."""
        self.types = Types(self)
        """The API's TypeScript type definitions."""

    def __repr__(self) -> str:
        return f"<CinebodyClient {self.config.base_url} key={mask_key(self.config.api_key)}>"

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the client's HTTP session (not one passed in). Closing twice is harmless.

        A closed client raises :class:`~cinebody_async.ClientStateError` on use.
        """
        await self._transport.aclose()

    @property
    def closed(self) -> bool:
        """Whether the client was closed."""
        return self._transport.closed

    def rate_limit_stats(self) -> RateLimitStats | None:
        """Return a snapshot of the client's rate limiting, or ``None`` when it is off.

        The snapshot holds the current rate, the estimate of the API's limit, the
        420/429 answers seen, the cuts made, and the seconds requests spent waiting.
        """
        return self._transport.rate_limit_stats()

    def __del__(self) -> None:
        transport = getattr(self, "_transport", None)
        if transport is not None:
            transport.warn_if_unclosed(self)

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, object] | None = None,
        json: object = None,
        data: RequestBody = None,
        timeout: Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> Any:
        """Send a request to the API and return its decoded JSON body.

        This is the call every resource method makes, and the way to reach anything the
        SDK does not model yet, with the same key, rate limit, retries, errors and
        logging. Use :meth:`send` to see the status and headers too.

        Args:
            method: the HTTP method, such as ``"GET"``.
            path: the API path, such as ``"/app/3.0/projects"``. Quote ids that go into
                it (the resource methods do).
            params: query parameters. Sequences become repeated keys, booleans
                ``true``/``false``, enums their value, aware datetimes ISO 8601 in UTC;
                ``None`` values are left out.
            json: a body to send as JSON.
            data: a raw body or form instead of ``json``; give a zero-argument callable
                returning it for bodies that can be read only once, such as an
                :class:`aiohttp.FormData`, so that a retry can send it again.
            timeout: this call's :class:`Timeout` (or seconds), instead of the client's.
            max_retries: this call's retry count, instead of the client's.

        Returns:
            The decoded JSON body, or ``None`` for an empty one.

        Raises:
            APIError: a subclass per status when the API answers with an error; it
                carries the status, code, reasons, body and headers.
            TransportError: when no answer came (:class:`ConnectError`,
                :class:`RequestTimeoutError`) or a success answer was not JSON
                (:class:`InvalidResponseError`), after the allowed retries.
            ParameterError: for a path that is not an API path or a query value that
                cannot be encoded; nothing was sent.
            ClientStateError: when the client is closed or used on another event loop.
        """
        response = await self.send(
            method,
            path,
            params=params,
            json=json,
            data=data,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.body

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
        """Send a request like :meth:`request`, and return the whole :class:`Response`.

        The response holds the status, headers, decoded body, ``api_version`` and the
        number of attempts it took. Raises what :meth:`request` raises.
        """
        return await self._transport.send(
            method,
            path,
            params=params,
            json=json,
            data=data,
            timeout=timeout,
            max_retries=max_retries,
        )
