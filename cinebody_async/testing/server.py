"""FakeCinebody: the in-memory Cinebody API and its fake S3, served on loopback."""

from __future__ import annotations

import hashlib
import socket
from dataclasses import fields as dataclass_fields
from types import TracebackType
from typing import TYPE_CHECKING, Any

from aiohttp import web

from cinebody_async.testing.app import create_api_app
from cinebody_async.testing.faults import Faults
from cinebody_async.testing.observe import Counters, RecordedRequest
from cinebody_async.testing.routing import route_key
from cinebody_async.testing.s3 import FakeS3
from cinebody_async.testing.seed import SeedOptions, populate
from cinebody_async.testing.state import FakeState

if TYPE_CHECKING:
    from cinebody_async.testing.thread import FakeCinebodyThread

__all__ = ["DEFAULT_API_VERSION", "DEFAULT_PART_SIZE", "FakeCinebody"]

DEFAULT_API_VERSION = "3.26.1"
DEFAULT_PART_SIZE = 10_000_000
_SEED_FIELDS = frozenset(f.name for f in dataclass_fields(SeedOptions))


class FakeCinebody:
    """An in-memory Cinebody API (all 50 operations) and a fake S3 on 127.0.0.1.

    Use it as ``async with FakeCinebody(seed=42) as fake:`` and point a client at
    ``fake.url`` with ``fake.api_key``. The API and S3 listen on two free ports
    (two origins, as in production) unless ``port`` / ``s3_port`` are given.

    Args:
        seed: makes the data, the ids drawn later and the fault draws repeat.
        seed_options: how much data to start with (:class:`SeedOptions`); its fields
            may also be passed as keywords (``clips_per_project=10_000``).
        api_key: the key the API accepts (default: one derived from ``seed``).
        part_size: the upload part size the API answers (``chunkSizeBytes``).
        url_ttl: lifetime of signed S3 URLs in seconds.
        api_version: the ``apiVersion`` in every body.
        max_limit: the largest ``limit`` served (a larger one is cut down silently);
            ``None`` serves any.
        latency, jitter: seconds added to every API answer (see :meth:`Faults.latency`).
        rate_limit, burst: a token bucket for the API (see :meth:`Faults.rate_limit`).
        error_share: share of API answers replaced by a 500, 502 or 503.
        log_requests: keep every request in ``requests`` (turn off for long benchmark
            runs; the counters still count).

    Raise ``TypeError`` for an unknown keyword.
    """

    def __init__(
        self,
        seed: int = 0,
        *,
        seed_options: SeedOptions | None = None,
        api_key: str | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        s3_port: int = 0,
        part_size: int = DEFAULT_PART_SIZE,
        url_ttl: int = 3600,
        api_version: str = DEFAULT_API_VERSION,
        max_limit: int | None = None,
        latency: float = 0.0,
        jitter: float = 0.0,
        rate_limit: float | None = None,
        burst: float = 10,
        error_share: float = 0.0,
        log_requests: bool = True,
        **sizes: Any,
    ) -> None:
        unknown = set(sizes) - _SEED_FIELDS
        if unknown:
            msg = f"FakeCinebody got unknown options: {', '.join(sorted(unknown))}"
            raise TypeError(msg)
        options = seed_options or SeedOptions()
        if sizes:
            values = {name: getattr(options, name) for name in _SEED_FIELDS}
            values.update(sizes)
            options = SeedOptions(**values)
        self.seed = seed
        self.seed_options = options
        self.host = host
        self.port = port
        self.s3_port = s3_port
        self.api_version = api_version
        self.max_limit = max_limit
        self.api_key = (
            api_key or "cbk_fake_" + hashlib.sha256(f"key-{seed}".encode()).hexdigest()[:32]
        )
        self.state = FakeState(seed)
        populate(self.state, seed, options)
        self.faults = Faults(seed)
        if latency or jitter:
            self.faults.latency(latency, jitter)
        if rate_limit is not None:
            self.faults.rate_limit(rate_limit, burst)
        if error_share:
            self.faults.errors(error_share)
        self.counters = Counters()
        self.log_requests = log_requests
        self.requests: list[RecordedRequest] = []
        secret = hashlib.sha256(f"s3-{seed}".encode()).digest()
        self.s3 = FakeS3(self, part_size, url_ttl, secret)
        self.url = ""
        self._runners: list[web.AppRunner] = []

    # Lifecycle ----------------------------------------------------------------------

    def create_app(self) -> web.Application:
        """Return the aiohttp application of the API.

        The fake S3 is :meth:`FakeS3.create_app`; upload and download URLs point at
        ``s3.url``, which :meth:`start` sets.
        """
        return create_api_app(self)

    async def start(self) -> None:
        """Start serving the API and the fake S3; set ``url`` and ``s3.url``."""
        if self._runners:
            return
        api_port = await self._serve(self.create_app(), self.port)
        s3_port = await self._serve(self.s3.create_app(), self.s3_port)
        self.url = f"http://{self.host}:{api_port}"
        self.s3.url = f"http://{self.host}:{s3_port}"

    async def close(self) -> None:
        """Stop serving; the state stays readable."""
        runners, self._runners = self._runners, []
        for runner in runners:
            await runner.cleanup()

    async def __aenter__(self) -> FakeCinebody:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    def run_in_thread(self) -> FakeCinebodyThread:
        """Return a context manager that serves this fake from a background thread,
        for synchronous callers: ``with FakeCinebody(seed=1).run_in_thread() as fake:``."""
        from cinebody_async.testing.thread import FakeCinebodyThread

        return FakeCinebodyThread(self)

    async def _serve(self, app: web.Application, port: int) -> int:
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await runner.setup()
        self._runners.append(runner)
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, port))
        site = web.SockSite(runner, sock)
        await site.start()
        bound: int = sock.getsockname()[1]
        return bound

    # Observation --------------------------------------------------------------------

    @property
    def api_url(self) -> str:
        """The URL of the API's root, ``url`` + ``/app/3.0``."""
        return f"{self.url}/app/3.0"

    def requests_to(self, route: str) -> list[RecordedRequest]:
        """Return the logged requests whose route is ``route`` (``"GET /projects"``, or
        ``"GET /app/3.0/projects"``)."""
        method, _, template = route.partition(" ")
        wanted = route_key(method, template)
        return [request for request in self.requests if request.route == wanted]

    def reset_observations(self) -> None:
        """Forget the request log and set every counter to zero."""
        self.requests.clear()
        self.counters.reset()

    def __repr__(self) -> str:
        where = self.url or "not started"
        return f"<FakeCinebody seed={self.seed} {where}>"
