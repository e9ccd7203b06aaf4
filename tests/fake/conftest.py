"""Fixtures of the FakeCinebody tests: a small running fake and a plain HTTP caller."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Any

import aiohttp
import orjson
import pytest

from cinebody_async.testing import FakeCinebody

Params = Sequence[tuple[str, str | int]] | dict[str, str | int] | None


@dataclass
class Answer:
    """One HTTP answer: status, headers and the body decoded as JSON when it is JSON."""

    status: int
    headers: dict[str, str]
    raw: bytes

    @property
    def body(self) -> Any:
        return orjson.loads(self.raw)


@dataclass
class Exchange:
    """One call made through :class:`Api` and its answer."""

    method: str
    path: str
    query: list[tuple[str, str]]
    answer: Answer


class Api:
    """Calls the fake's API over HTTP with plain aiohttp and the fake's key; keeps every
    exchange in ``exchanges``."""

    def __init__(self, session: aiohttp.ClientSession, fake: FakeCinebody) -> None:
        self.session = session
        self.fake = fake
        self.exchanges: list[Exchange] = []

    async def call(
        self,
        method: str,
        path: str,
        params: Params = None,
        json: Any = None,
        data: Any = None,
        headers: dict[str, str] | None = None,
        key: str | None = "default",
    ) -> Answer:
        sent = dict(headers or {})
        if key == "default":
            sent["x-api-key"] = self.fake.api_key
        elif key is not None:
            sent["x-api-key"] = key
        url = self.fake.url + ("" if path.startswith("/app/") else "/app/3.0") + path
        async with self.session.request(
            method, url, params=params, json=json, data=data, headers=sent
        ) as response:
            raw = await response.read()
            answer = Answer(response.status, dict(response.headers), raw)
        query = [(key, value) for key, value in response.url.query.items()]
        self.exchanges.append(Exchange(method, response.url.path, query, answer))
        return answer

    async def get(self, path: str, params: Params = None) -> Answer:
        return await self.call("GET", path, params)

    async def ok(self, method: str, path: str, params: Params = None, json: Any = None) -> Any:
        """Call and return the JSON body, failing the test unless the status is 200."""
        answer = await self.call(method, path, params, json)
        assert answer.status == 200, (answer.status, answer.raw[:500])
        return answer.body


@pytest.fixture
async def fake() -> AsyncIterator[FakeCinebody]:
    async with FakeCinebody(seed=7, clips_per_project=40, projects_per_team=2) as running:
        yield running


@pytest.fixture
async def api(fake: FakeCinebody) -> AsyncIterator[Api]:
    async with aiohttp.ClientSession() as session:
        yield Api(session, fake)


@pytest.fixture
def project(fake: FakeCinebody) -> dict[str, Any]:
    """The first seeded project."""
    return next(iter(fake.state.projects.values()))


@pytest.fixture
def team(fake: FakeCinebody) -> dict[str, Any]:
    """The first seeded team."""
    return next(iter(fake.state.teams.values()))


@pytest.fixture
def organization(fake: FakeCinebody) -> dict[str, Any]:
    """The seeded organization."""
    return next(iter(fake.state.organizations.values()))
