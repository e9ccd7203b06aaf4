"""Fixtures of the operation tests: a running fake, a client on it, and a check that
every request the test sent fits the spec (when the spec is beside the project)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from cinebody_async import CinebodyClient, no_retry_waits
from cinebody_async.testing import FakeCinebody, SeedOptions
from tests.operations.spec_requests import RequestChecker, load_corrected_spec

SPEC = Path(__file__).resolve().parents[3] / "shared" / "cinebody" / "openapi.validators.yaml"


@pytest.fixture(scope="session")
def request_checker() -> RequestChecker | None:
    """A checker of requests against the spec, or ``None`` when the spec is absent."""
    if not SPEC.is_file():
        return None
    return RequestChecker(load_corrected_spec(SPEC))


@pytest.fixture
async def fake(request_checker: RequestChecker | None) -> AsyncIterator[FakeCinebody]:
    """A small fake; after the test, every request it received must fit the spec."""
    options = SeedOptions(clips_per_project=12, filmers_per_team=4, filmers_per_project=3)
    async with FakeCinebody(seed=5, seed_options=options, part_size=64) as running:
        yield running
        if request_checker is not None:
            assert request_checker.problems(running.requests) == []


@pytest.fixture
async def cb(fake: FakeCinebody) -> AsyncIterator[CinebodyClient]:
    """A client of the fake, without a client-side rate limit."""
    async with CinebodyClient(fake.api_key, base_url=fake.url, rate_limit=False) as client:
        yield client


@pytest.fixture(autouse=True)
def _no_waits() -> Iterator[None]:
    with no_retry_waits():
        yield
