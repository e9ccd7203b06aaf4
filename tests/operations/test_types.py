"""The API's TypeScript types, end to end against FakeCinebody."""

from __future__ import annotations

from typing import Any

import pytest

from cinebody_async import CinebodyClient, InvalidResponseError
from cinebody_async.testing import FakeCinebody, Reply


async def test_typescript_returns_the_namespace_source(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    source = await cb.types.typescript()

    assert source.startswith("export namespace CinebodyAPI {")
    assert "export interface Project" in source
    (sent,) = fake.requests
    assert (sent.method, sent.path, sent.query) == ("GET", "/app/3.0/apiAppTypes", ())


async def test_typescript_ignores_an_api_version_if_one_comes(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    answer = {"apiVersion": "3.26.1", "types": "export type A = string;\n"}
    fake.faults.script("GET /apiAppTypes", [Reply(200, body=answer)])

    assert await cb.types.typescript() == "export type A = string;\n"


@pytest.mark.parametrize("body", [{"apiVersion": "3.26.1"}, {"types": ["a"]}, ["types"]])
async def test_typescript_without_text_raises_invalid_response(
    fake: FakeCinebody, cb: CinebodyClient, body: Any
) -> None:
    fake.faults.script("GET /apiAppTypes", [Reply(200, body=body)])

    with pytest.raises(InvalidResponseError, match="types") as caught:
        await cb.types.typescript()

    assert caught.value.status == 200
