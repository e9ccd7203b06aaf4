"""Client settings: one frozen :class:`ClientConfig` built from arguments and environment.

The small settings objects (:class:`Timeout`, :class:`Retry`, :class:`RateLimit`) are
frozen too. Every client argument accepts ``None`` for the documented default; turning a
feature off takes an explicit value (``retry=False``, ``rate_limit=False``).
"""

from __future__ import annotations

import ipaddress
import os
import platform
import ssl
from typing import Any, TypeAlias
from urllib.parse import urlsplit

import aiohttp
import attrs

from cinebody_async._version import __version__
from cinebody_async.errors import ConfigurationError

__all__ = [
    "PRODUCTION_URL",
    "STAGING_URL",
    "ClientConfig",
    "RateLimit",
    "Retry",
    "Timeout",
]

PRODUCTION_URL = "https://app-api.cinebody.com"
"""The production API, used when neither argument nor environment names another."""

STAGING_URL = "https://stage-app-api.cinebody.com"
"""Cinebody's staging API."""

API_KEY_VARIABLE = "CINEBODY_API_KEY"
BASE_URL_VARIABLE = "CINEBODY_BASE_URL"


def _positive_or_none(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int | float) or value <= 0
    ):
        msg = f"{attribute.name} must be a positive number of seconds or None, not {value!r}"
        raise ConfigurationError(msg)


@attrs.frozen
class Timeout:
    """How long one attempt of a request may take, phase by phase, in seconds.

    ``connect`` bounds opening a connection (TCP and TLS). ``read`` bounds the silence
    between two reads of the answer, not the whole answer, so a long download that keeps
    flowing is never cut. ``pool`` bounds the wait for a free connection when the
    connection limit is reached together with opening it (aiohttp counts both as one
    phase); ``None`` waits as long as needed, because that queue is the client's own
    doing, not the server's. ``total`` caps the whole attempt and
    is off by default. ``None`` in any field turns that bound off.

    Defaults: 10 s to connect (a healthy host answers in well under a second; ten
    absorbs a slow TLS handshake), 60 s between reads (the API may compute a large page
    or a stats answer for a while before the first byte).
    """

    connect: float | None = attrs.field(default=10.0, validator=_positive_or_none)
    read: float | None = attrs.field(default=60.0, validator=_positive_or_none)
    pool: float | None = attrs.field(default=None, validator=_positive_or_none)
    total: float | None = attrs.field(default=None, validator=_positive_or_none)

    @classmethod
    def coerce(cls, value: Timeout | float | None) -> Timeout:
        """Return ``value`` as a :class:`Timeout`.

        ``None`` gives the defaults; a number sets both ``connect`` and ``read``.

        Raises:
            ConfigurationError: for a negative number or a value of another type.
        """
        if value is None:
            return cls()
        if isinstance(value, Timeout):
            return value
        if isinstance(value, bool) or not isinstance(value, int | float):
            msg = f"timeout must be a Timeout, a number of seconds or None, not {value!r}"
            raise ConfigurationError(msg)
        return cls(connect=value, read=value)

    def to_aiohttp(self) -> aiohttp.ClientTimeout:
        """Return the equivalent :class:`aiohttp.ClientTimeout`."""
        return aiohttp.ClientTimeout(
            total=self.total,
            connect=self.pool,
            sock_connect=self.connect,
            sock_read=self.read,
        )


def _non_negative(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        msg = f"{attribute.name} must be a non-negative number, not {value!r}"
        raise ConfigurationError(msg)


@attrs.frozen
class Retry:
    """Which failures are tried again, and how long to wait in between.

    ``max_retries`` is the number of attempts after the first. The wait before retry
    *n* (counting from 0) is drawn uniformly from ``[0, min(backoff_cap,
    backoff_base * 2**n)]`` ("full jitter", so that many clients that failed together
    do not come back together). A ``Retry-After`` header replaces that draw; when it
    asks for more than ``max_retry_after`` seconds the SDK raises
    :class:`~cinebody_async.errors.RateLimitError` (or the error at hand) at once
    rather than block.

    Defaults: 4 retries, base 0.5 s, cap 30 s, ``Retry-After`` honoured up to 120 s.
    Four jittered retries span about 7.5 s on average before the cap comes into play,
    which rides out a proxy restart or a short rate-limit burst without making a
    caller wait minutes for a request that will not succeed.
    """

    max_retries: int = attrs.field(default=4, validator=_non_negative)
    backoff_base: float = attrs.field(default=0.5, validator=_non_negative)
    backoff_cap: float = attrs.field(default=30.0, validator=_non_negative)
    max_retry_after: float = attrs.field(default=120.0, validator=_non_negative)

    @classmethod
    def coerce(cls, value: Retry | int | bool | None) -> Retry:
        """Return ``value`` as a :class:`Retry`.

        ``None`` gives the defaults, ``False`` no retries at all, an integer the number
        of retries with the default waits.

        Raises:
            ConfigurationError: for a negative count or a value of another type.
        """
        if value is None or value is True:
            return cls()
        if value is False:
            return cls(max_retries=0)
        if isinstance(value, Retry):
            return value
        if not isinstance(value, int):
            msg = f"retry must be a Retry, a number of retries, False or None, not {value!r}"
            raise ConfigurationError(msg)
        return cls(max_retries=value)


def _positive(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        msg = f"{attribute.name} must be a positive number, not {value!r}"
        raise ConfigurationError(msg)


@attrs.frozen
class RateLimit:
    """The client-side token bucket every API request of a client draws from.

    ``rate`` is the starting rate in requests per second and ``burst`` the number of
    requests that may go out at once after a quiet spell at that rate; the bucket is
    sized so that the rate holds from the first second (a bucket whose burst equals its
    rate lets through about twice the rate in its first second). The bucket holds
    ``burst / rate`` seconds of sending, so when the rate adapts the burst follows it:
    twice the rate, twice the burst.

    With ``adaptive`` (the default) the rate then follows the API: it grows while
    requests are held back by it and nothing is rejected, is cut on 420/429, and stays
    within ``floor`` and ``ceiling`` (see :mod:`cinebody_async._ratelimit` for the
    rules). ``adaptive=False`` keeps the rate fixed. With ``shared``, every client of
    this process using the same key, base URL and settings shares one rate (and, on
    one event loop, one bucket).

    Defaults: start at 10 requests/s with a burst of 5, adapt between 0.5 and 200.
    Cinebody does not publish its limits; ten per second is a safe start for a shared
    key, and the adaptation finds the real limit within seconds.
    """

    rate: float = attrs.field(default=10.0, validator=_positive)
    burst: float = attrs.field(default=5.0, validator=_positive)
    adaptive: bool = True
    floor: float = attrs.field(default=0.5, validator=_positive)
    ceiling: float = attrs.field(default=200.0, validator=_positive)
    shared: bool = False

    def __attrs_post_init__(self) -> None:
        if self.floor > self.ceiling:
            msg = f"floor ({self.floor}) must not be above ceiling ({self.ceiling})"
            raise ConfigurationError(msg)

    @classmethod
    def fixed(cls, rate: float, burst: float | None = None) -> RateLimit:
        """Return settings for a rate that never adapts (burst: half the rate, at least 1)."""
        return cls(
            rate=rate,
            burst=burst if burst is not None else max(1.0, rate / 2),
            adaptive=False,
            floor=min(rate, 0.5),
            ceiling=max(rate, 200.0),
        )

    @classmethod
    def coerce(cls, value: RateLimit | float | bool | None) -> RateLimit | None:
        """Return ``value`` as a :class:`RateLimit`, or ``None`` for no client-side limit.

        ``None`` gives the defaults, ``False`` turns the limit off, a number sets the
        starting rate with a burst of half of it (at least 1).

        Raises:
            ConfigurationError: for a non-positive number or a value of another type.
        """
        if value is None or value is True:
            return cls()
        if value is False:
            return None
        if isinstance(value, RateLimit):
            return value
        if not isinstance(value, int | float):
            msg = f"rate_limit must be a RateLimit, a rate, False or None, not {value!r}"
            raise ConfigurationError(msg)
        return cls(rate=value, burst=max(1.0, value / 2))


def mask_key(key: str) -> str:
    """Return ``key`` as shown in reprs: its first four characters, if it is long enough
    for that to give nothing away, then an ellipsis."""
    return f"{key[:4]}…" if len(key) > 12 else "…"


SSLSetting: TypeAlias = ssl.SSLContext | None


@attrs.frozen
class ClientConfig:
    """Everything a client needs to talk to the API, fixed when the client is built.

    Build it with :meth:`create`, which reads the environment and applies defaults.
    ``repr`` shows only the first characters of the key.
    """

    api_key: str = attrs.field(repr=mask_key)
    base_url: str
    timeout: Timeout
    retry: Retry
    rate_limit: RateLimit | None
    user_agent: str
    trust_env: bool = True
    ssl: SSLSetting = None
    connection_limit: int = 100
    connection_limit_per_host: int = 0

    @classmethod
    def create(
        cls,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: Timeout | float | None = None,
        retry: Retry | int | bool | None = None,
        rate_limit: RateLimit | float | bool | None = None,
        user_agent: str | None = None,
        trust_env: bool = True,
        ssl: SSLSetting = None,
        connection_limit: int = 100,
        connection_limit_per_host: int = 0,
    ) -> ClientConfig:
        """Build a config from client arguments, the environment and the defaults.

        The key comes from ``api_key`` or ``CINEBODY_API_KEY``; the base URL from
        ``base_url``, ``CINEBODY_BASE_URL`` or :data:`PRODUCTION_URL`.

        Raises:
            ConfigurationError: when no key is given or it is blank, when the base URL
                is not an ``https://`` URL (plain ``http://`` is accepted for loopback
                hosts only), or when a setting is out of range.
        """
        if connection_limit < 0 or connection_limit_per_host < 0:
            msg = "connection limits must be 0 (no limit) or positive"
            raise ConfigurationError(msg)

        return cls(
            api_key=_resolve_api_key(api_key),
            base_url=_resolve_base_url(base_url),
            timeout=Timeout.coerce(timeout),
            retry=Retry.coerce(retry),
            rate_limit=RateLimit.coerce(rate_limit),
            user_agent=_user_agent(user_agent),
            trust_env=trust_env,
            ssl=ssl,
            connection_limit=connection_limit,
            connection_limit_per_host=connection_limit_per_host,
        )


def _resolve_api_key(api_key: str | None) -> str:
    key = api_key if api_key is not None else os.environ.get(API_KEY_VARIABLE)
    if key is None or not key.strip():
        what = "is blank" if key is not None else "is missing"
        msg = (
            f"the Cinebody API key {what}: pass api_key=... to the client or set the "
            f"{API_KEY_VARIABLE} environment variable"
        )
        raise ConfigurationError(msg)
    return key.strip()


def _resolve_base_url(base_url: str | None) -> str:
    url = base_url or os.environ.get(BASE_URL_VARIABLE) or PRODUCTION_URL
    parts = urlsplit(url.strip())
    if parts.scheme not in {"https", "http"} or not parts.hostname:
        msg = f"base_url must be an https:// URL with a host, not {url!r}"
        raise ConfigurationError(msg)
    if parts.query or parts.fragment:
        msg = f"base_url must not carry a query or a fragment: {url!r}"
        raise ConfigurationError(msg)
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        msg = (
            f"base_url {url!r} uses plain http: the API key would travel unencrypted; "
            "use https:// (plain http is accepted for loopback hosts only)"
        )
        raise ConfigurationError(msg)
    return url.strip().rstrip("/")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _user_agent(extra: str | None) -> str:
    ours = (
        f"cinebody-python/{__version__} Python/{platform.python_version()} "
        f"aiohttp/{aiohttp.__version__}"
    )
    return f"{extra.strip()} {ours}" if extra and extra.strip() else ours
