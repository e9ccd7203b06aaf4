"""A pytest plugin that gives tests a running FakeCinebody.

Enable it in a ``conftest.py`` with
``pytest_plugins = ["cinebody_async.testing.pytest_plugin"]`` (pytest-asyncio must be
installed). Fixtures:

- ``cinebody_fake``: an async fixture, a started :class:`FakeCinebody`, stopped after
  the test. Its options come from the ``cinebody_fake_options`` fixture (override it
  in a conftest) updated by a ``@pytest.mark.cinebody_fake(...)`` marker on the test,
  e.g. ``@pytest.mark.cinebody_fake(seed=3, clips_per_project=2_000)``. The default
  data is small (50 clips per project) so that each test starts fast.
- ``cinebody_fake_thread``: the same fake served from a background thread, for
  synchronous tests.
- ``cinebody_fake_options``: the options above, a plain dict.
- ``cinebody_client``: an async :class:`cinebody_async.CinebodyClient` pointed at
  ``cinebody_fake``, without a client-side rate limit and with retry waits skipped.
- ``cinebody_sync_client``: a blocking :class:`cinebody_sync.CinebodyClient` pointed at
  ``cinebody_fake_thread``, likewise.

This module imports the client for its client fixtures; the fake itself never does.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
import pytest_asyncio

from cinebody_async import CinebodyClient, no_retry_waits
from cinebody_async.testing.server import FakeCinebody
from cinebody_sync import CinebodyClient as SyncCinebodyClient

__all__ = [
    "cinebody_client",
    "cinebody_fake",
    "cinebody_fake_options",
    "cinebody_fake_thread",
    "cinebody_sync_client",
    "pytest_configure",
]

DEFAULT_OPTIONS: dict[str, Any] = {"seed": 0, "clips_per_project": 50}


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``cinebody_fake`` marker."""
    config.addinivalue_line(
        "markers", "cinebody_fake(**options): options for the cinebody_fake fixture"
    )


@pytest.fixture
def cinebody_fake_options(request: pytest.FixtureRequest) -> dict[str, Any]:
    """Return the FakeCinebody options: the defaults updated by the test's marker."""
    options = dict(DEFAULT_OPTIONS)
    marker = request.node.get_closest_marker("cinebody_fake")
    if marker is not None:
        options.update(marker.kwargs)
    return options


@pytest_asyncio.fixture
async def cinebody_fake(cinebody_fake_options: dict[str, Any]) -> AsyncIterator[FakeCinebody]:
    """Yield a running FakeCinebody built from ``cinebody_fake_options``."""
    async with FakeCinebody(**cinebody_fake_options) as fake:
        yield fake


@pytest.fixture
def cinebody_fake_thread(cinebody_fake_options: dict[str, Any]) -> Iterator[FakeCinebody]:
    """Yield a FakeCinebody running in a background thread (for synchronous tests)."""
    with FakeCinebody(**cinebody_fake_options).run_in_thread() as fake:
        yield fake


@pytest_asyncio.fixture
async def cinebody_client(cinebody_fake: FakeCinebody) -> AsyncIterator[CinebodyClient]:
    """Yield an async client of ``cinebody_fake``: no rate limit, no retry waits."""
    with no_retry_waits():
        async with CinebodyClient(
            cinebody_fake.api_key, base_url=cinebody_fake.url, rate_limit=False
        ) as client:
            yield client


@pytest.fixture
def cinebody_sync_client(cinebody_fake_thread: FakeCinebody) -> Iterator[SyncCinebodyClient]:
    """Yield a blocking client of ``cinebody_fake_thread``: no rate limit, no retry waits."""
    with (
        no_retry_waits(),
        SyncCinebodyClient(
            cinebody_fake_thread.api_key, base_url=cinebody_fake_thread.url, rate_limit=False
        ) as client,
    ):
        yield client
