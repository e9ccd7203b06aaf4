"""The transport, unit by unit, with aioresponses standing in for the network."""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import gc
import logging
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

import aiohttp
import pytest
from aioresponses import aioresponses
from yarl import URL

import cinebody_async
from cinebody_async import (
    APIError,
    BadRequestError,
    CinebodyClient,
    ClientStateError,
    ConnectError,
    GoneError,
    InvalidParametersError,
    InvalidResponseError,
    NotFoundError,
    ParameterError,
    PermissionDeniedError,
    RateLimitError,
    RequestTimeoutError,
    Retry,
    ServerError,
    _retry,
)

KEY = "ck_live_0123456789abcdef"
BASE = "https://api.example.test"
PROJECTS = f"{BASE}/app/3.0/projects"
ANY_URL = re.compile(r"^https://api\.example\.test/.*$")


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record every retry wait instead of sleeping."""
    recorded: list[float] = []

    async def record(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(_retry, "sleep", record)
    return recorded


@pytest.fixture
def mocked() -> Iterator[aioresponses]:
    with aioresponses() as mock:
        yield mock


@pytest.fixture
async def client() -> AsyncIterator[CinebodyClient]:
    async with CinebodyClient(KEY, base_url=BASE, rate_limit=False) as cb:
        yield cb


def calls(mock: aioresponses, method: str = "GET") -> list[Any]:
    """Every request the mock received with ``method``, whatever its URL."""
    return [call for (verb, _), found in mock.requests.items() if verb == method for call in found]


def error_body(code: str, reason: str) -> dict[str, str]:
    return {
        "status": "failure",
        "code": code,
        "reason": reason,
        "friendlyReason": "Something went wrong",
    }


# Status mapping ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (406, InvalidParametersError),
        (410, GoneError),
        (418, APIError),
        (500, ServerError),
    ],
)
async def test_each_error_status_raises_its_class(
    client: CinebodyClient, mocked: aioresponses, status: int, cls: type[APIError]
) -> None:
    mocked.get(PROJECTS, status=status, payload=error_body("SOME_CODE", "Explained"))

    with pytest.raises(cls) as caught:
        await client.request("GET", "/app/3.0/projects")

    error = caught.value
    assert type(error) is cls
    assert error.status == status
    assert error.code == "SOME_CODE"
    assert error.reason == "Explained"
    assert error.friendly_reason == "Something went wrong"
    assert error.method == "GET"
    assert str(error) == f"GET /app/3.0/projects: {status} SOME_CODE: Explained"


async def test_html_error_page_still_gives_class_and_readable_message(
    client: CinebodyClient, mocked: aioresponses
) -> None:
    page = "<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>"
    mocked.post(PROJECTS, status=502, body=page, content_type="text/html")

    with pytest.raises(ServerError) as caught:
        await client.request("POST", "/app/3.0/projects", json={"name": "x"})

    assert caught.value.code is None
    assert "502 Bad Gateway" in str(caught.value)
    assert "<" not in str(caught.value)


@pytest.mark.parametrize("body", ["", '{"status": "fail', "[1, 2]"])
async def test_empty_truncated_or_odd_error_bodies_map_by_status(
    client: CinebodyClient, mocked: aioresponses, body: str
) -> None:
    mocked.get(PROJECTS, status=404, body=body)

    with pytest.raises(NotFoundError) as caught:
        await client.request("GET", "/app/3.0/projects")

    assert str(caught.value).startswith("GET /app/3.0/projects: 404")


async def test_success_returns_decoded_body_and_response_details(
    client: CinebodyClient, mocked: aioresponses
) -> None:
    mocked.get(
        PROJECTS,
        payload={"apiVersion": "3.26.1", "projects": [], "count": 0},
        headers={"X-Request-Id": "r1"},
    )

    response = await client.send("GET", "/app/3.0/projects")

    assert response.status == 200
    assert response.body == {"apiVersion": "3.26.1", "projects": [], "count": 0}
    assert response.api_version == "3.26.1"
    assert response.headers["X-Request-Id"] == "r1"
    assert response.attempts == 1


async def test_success_body_that_is_not_json_is_an_error(
    client: CinebodyClient, mocked: aioresponses
) -> None:
    mocked.post(PROJECTS, status=200, body="<html>maintenance</html>")

    with pytest.raises(InvalidResponseError) as caught:
        await client.request("POST", "/app/3.0/projects", json={})

    assert caught.value.status == 200
    assert "maintenance" in caught.value.body


async def test_empty_success_body_is_none(client: CinebodyClient, mocked: aioresponses) -> None:
    mocked.delete(f"{PROJECTS}/p1", status=204, body="")

    assert await client.request("DELETE", "/app/3.0/projects/p1") is None


# Headers, query and paths ------------------------------------------------------------------


async def test_every_request_carries_key_accept_and_user_agent(
    client: CinebodyClient, mocked: aioresponses
) -> None:
    mocked.get(PROJECTS, payload={})

    await client.request("GET", "/app/3.0/projects")

    headers = calls(mocked)[0].kwargs["headers"]
    assert headers["x-api-key"] == KEY
    assert headers["Accept"] == "application/json"
    agent = headers["User-Agent"]
    assert agent.startswith(f"cinebody-python/{cinebody_async.__version__} Python/")
    assert f"aiohttp/{aiohttp.__version__}" in agent


async def test_json_body_is_sent_with_content_type(
    client: CinebodyClient, mocked: aioresponses
) -> None:
    mocked.post(PROJECTS, payload={"project": {}})

    await client.request("POST", "/app/3.0/projects", json={"name": "Launch"})

    call = calls(mocked, "POST")[0]
    assert call.kwargs["data"] == b'{"name":"Launch"}'
    assert call.kwargs["headers"]["Content-Type"] == "application/json"


async def test_query_arrays_repeat_booleans_lowercase_none_dropped(
    client: CinebodyClient, mocked: aioresponses
) -> None:
    mocked.get(ANY_URL, payload={})
    when = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=2)))

    await client.request(
        "GET",
        "/app/3.0/projects",
        params={"teamIds": ["t1", "t2"], "isEdit": False, "status": None, "since": when},
    )

    assert calls(mocked)[0].kwargs["params"] == [
        ("teamIds", "t1"),
        ("teamIds", "t2"),
        ("isEdit", "false"),
        ("since", "2026-01-02T01:04:05.000Z"),
    ]


def test_naive_datetime_in_query_is_refused_naming_parameter() -> None:
    with pytest.raises(ParameterError) as caught:
        cinebody_async._urls.encode_query({"sendAt": dt.datetime(2026, 1, 1)})

    assert caught.value.parameter == "sendAt"
    assert "naive" in str(caught.value)


def test_query_value_of_unknown_type_is_refused() -> None:
    with pytest.raises(ParameterError, match="limit"):
        cinebody_async._urls.encode_query({"limit": object()})


@pytest.mark.parametrize(
    ("raw", "quoted"),
    [
        ("abc", "abc"),
        ("a/b", "a%2Fb"),
        ("a?x=1", "a%3Fx%3D1"),
        ("a#frag", "a%23frag"),
        ("../admin", "..%2Fadmin"),
        ("spa ce", "spa%20ce"),
    ],
)
def test_path_segments_are_quoted(raw: str, quoted: str) -> None:
    assert cinebody_async._urls.path_segment("project_id", raw) == quoted


@pytest.mark.parametrize("raw", ["", " ", ".", ".."])
def test_unsafe_ids_are_refused(raw: str) -> None:
    with pytest.raises(ParameterError) as caught:
        cinebody_async._urls.path_segment("project_id", raw)

    assert caught.value.parameter == "project_id"


async def test_hostile_id_stays_one_segment_on_the_wire(
    client: CinebodyClient, mocked: aioresponses
) -> None:
    mocked.get(ANY_URL, payload={})
    segment = cinebody_async._urls.path_segment("project_id", "x/../../teams?all=1#")

    await client.request("GET", f"/app/3.0/projects/{segment}")

    (_, url), *_ = mocked.requests
    assert url.raw_path.startswith("/app/3.0/projects/x%2F..%2F..%2Fteams%3Fall")
    assert url.parts == ("/", "app", "3.0", "projects", "x/../../teams?all=1#")
    assert url.query_string == ""


@pytest.mark.parametrize("path", ["app/3.0/projects", "https://evil.test/x", "//evil.test/x"])
async def test_request_refuses_anything_but_an_api_path(
    client: CinebodyClient, mocked: aioresponses, path: str
) -> None:
    with pytest.raises(ParameterError, match="path"):
        await client.request("GET", path)

    assert mocked.requests == {}


async def test_redirect_is_not_followed(client: CinebodyClient, mocked: aioresponses) -> None:
    mocked.get(PROJECTS, status=302, headers={"Location": "https://elsewhere.test/steal"})

    with pytest.raises(APIError) as caught:
        await client.request("GET", "/app/3.0/projects")

    assert caught.value.status == 302
    assert "not followed" in str(caught.value)
    assert all(url.host == "api.example.test" for _, url in mocked.requests)


# Retries -----------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("status", [502, 503, 504])
async def test_gateway_errors_are_retried_for_safe_methods(
    client: CinebodyClient, mocked: aioresponses, waits: list[float], method: str, status: int
) -> None:
    mocked.add(PROJECTS, method, status=status, body="")
    mocked.add(PROJECTS, method, payload={"ok": True})

    response = await client.send(method, "/app/3.0/projects")

    assert response.body == {"ok": True}
    assert response.attempts == 2
    assert len(waits) == 1


@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_post_is_not_repeated_after_a_server_error(
    client: CinebodyClient, mocked: aioresponses, waits: list[float], status: int
) -> None:
    mocked.post(PROJECTS, status=status, body="")
    mocked.post(PROJECTS, payload={"project": {}})

    with pytest.raises(ServerError):
        await client.request("POST", "/app/3.0/projects", json={"name": "x"})

    assert len(calls(mocked, "POST")) == 1
    assert waits == []


async def test_500_is_not_retried_even_for_get(
    client: CinebodyClient, mocked: aioresponses, waits: list[float]
) -> None:
    mocked.get(PROJECTS, status=500, payload=error_body("SERVER_ERROR", "Boom"))

    with pytest.raises(ServerError):
        await client.request("GET", "/app/3.0/projects")

    assert len(calls(mocked)) == 1


@pytest.mark.parametrize("status", [420, 429])
@pytest.mark.parametrize("method", ["GET", "POST"])
async def test_rate_limited_requests_are_retried_for_every_method(
    client: CinebodyClient, mocked: aioresponses, waits: list[float], status: int, method: str
) -> None:
    mocked.add(PROJECTS, method, status=status, headers={"Retry-After": "3"})
    mocked.add(PROJECTS, method, payload={"ok": True})

    assert await client.request(method, "/app/3.0/projects") == {"ok": True}
    assert waits == [3.0]


async def test_retry_after_as_http_date_is_honoured(
    client: CinebodyClient, mocked: aioresponses, waits: list[float]
) -> None:
    later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=30)
    mocked.get(PROJECTS, status=429, headers={"Retry-After": email.utils.format_datetime(later)})
    mocked.get(PROJECTS, payload={})

    await client.request("GET", "/app/3.0/projects")

    assert len(waits) == 1
    assert 25 <= waits[0] <= 30


async def test_retry_after_beyond_the_cap_raises_at_once(
    mocked: aioresponses, waits: list[float]
) -> None:
    async with CinebodyClient(
        KEY, base_url=BASE, rate_limit=False, retry=Retry(max_retry_after=10)
    ) as cb:
        mocked.get(PROJECTS, status=429, headers={"Retry-After": "3600"})

        with pytest.raises(RateLimitError) as caught:
            await cb.request("GET", "/app/3.0/projects")

    assert caught.value.retry_after == 3600
    assert waits == []


async def test_rate_limit_error_after_patience_runs_out(
    client: CinebodyClient, mocked: aioresponses, waits: list[float]
) -> None:
    for _ in range(3):
        mocked.get(PROJECTS, status=429, body="")

    with pytest.raises(RateLimitError) as caught:
        await client.request("GET", "/app/3.0/projects", max_retries=2)

    assert caught.value.retry_after is None
    assert len(calls(mocked)) == 3
    assert len(waits) == 2


async def test_per_call_max_retries_zero_disables_retries(
    client: CinebodyClient, mocked: aioresponses, waits: list[float]
) -> None:
    mocked.get(PROJECTS, status=503, body="")

    with pytest.raises(ServerError):
        await client.request("GET", "/app/3.0/projects", max_retries=0)

    assert waits == []


async def test_retry_false_disables_retries(mocked: aioresponses, waits: list[float]) -> None:
    async with CinebodyClient(KEY, base_url=BASE, rate_limit=False, retry=False) as cb:
        mocked.get(PROJECTS, status=503, body="")

        with pytest.raises(ServerError):
            await cb.request("GET", "/app/3.0/projects")

    assert waits == []


async def test_connection_refused_is_retried_even_for_post(
    client: CinebodyClient, mocked: aioresponses, waits: list[float]
) -> None:
    refused = aiohttp.ClientConnectorError(
        aiohttp.client_reqrep.ConnectionKey("api.example.test", 443, True, True, None, None, None),
        ConnectionRefusedError(111, "Connection refused"),
    )
    mocked.post(PROJECTS, exception=refused)
    mocked.post(PROJECTS, payload={"project": {"id": "p1"}})

    body = await client.request("POST", "/app/3.0/projects", json={"name": "x"})

    assert body == {"project": {"id": "p1"}}
    assert len(waits) == 1


async def test_connection_refused_raises_connect_error_when_retries_run_out(
    client: CinebodyClient, mocked: aioresponses, waits: list[float]
) -> None:
    refused = aiohttp.ClientConnectorError(
        aiohttp.client_reqrep.ConnectionKey("api.example.test", 443, True, True, None, None, None),
        ConnectionRefusedError(111, "Connection refused"),
    )
    mocked.get(PROJECTS, exception=refused)

    with pytest.raises(ConnectError) as caught:
        await client.request("GET", "/app/3.0/projects", max_retries=0)

    assert caught.value.request_sent is False
    assert "GET /app/3.0/projects" in str(caught.value)


@pytest.mark.parametrize("failure", [aiohttp.SocketTimeoutError("read"), TimeoutError()])
async def test_post_is_not_repeated_after_a_timeout(
    client: CinebodyClient, mocked: aioresponses, waits: list[float], failure: Exception
) -> None:
    mocked.post(PROJECTS, exception=failure)
    mocked.post(PROJECTS, payload={})

    with pytest.raises(RequestTimeoutError) as caught:
        await client.request("POST", "/app/3.0/projects", json={})

    assert "POST /app/3.0/projects" in str(caught.value)
    assert len(calls(mocked, "POST")) == 1
    assert waits == []


async def test_get_is_retried_after_a_timeout_and_a_dropped_connection(
    client: CinebodyClient, mocked: aioresponses, waits: list[float]
) -> None:
    mocked.get(PROJECTS, exception=aiohttp.SocketTimeoutError("read"))
    mocked.get(PROJECTS, exception=aiohttp.ServerDisconnectedError())
    mocked.get(PROJECTS, payload={"ok": 1})

    response = await client.send("GET", "/app/3.0/projects")

    assert response.attempts == 3
    assert len(waits) == 2


async def test_post_is_not_repeated_after_a_dropped_connection(
    client: CinebodyClient, mocked: aioresponses, waits: list[float]
) -> None:
    mocked.post(PROJECTS, exception=aiohttp.ServerDisconnectedError())

    with pytest.raises(ConnectError) as caught:
        await client.request("POST", "/app/3.0/projects", json={})

    assert caught.value.request_sent is True
    assert waits == []


async def test_unreadable_success_body_is_retried_for_get(
    client: CinebodyClient, mocked: aioresponses, waits: list[float]
) -> None:
    mocked.get(PROJECTS, status=200, body='{"projects": [')
    mocked.get(PROJECTS, payload={"projects": []})

    assert await client.request("GET", "/app/3.0/projects") == {"projects": []}


async def test_delete_answering_404_after_an_ambiguous_failure_succeeds(
    client: CinebodyClient,
    mocked: aioresponses,
    waits: list[float],
    caplog: pytest.LogCaptureFixture,
) -> None:
    url = f"{PROJECTS}/p1"
    mocked.delete(url, exception=aiohttp.SocketTimeoutError("read"))
    mocked.delete(url, status=404, payload=error_body("PROJECT_NOT_FOUND", "gone"))
    caplog.set_level(logging.INFO, logger="cinebody")

    response = await client.send("DELETE", "/app/3.0/projects/p1")

    assert response.status == 404
    assert response.body is None
    assert response.attempts == 2
    assert "taking the resource as deleted" in caplog.text


async def test_delete_answering_404_at_first_is_an_error(
    client: CinebodyClient, mocked: aioresponses
) -> None:
    mocked.delete(f"{PROJECTS}/p1", status=404, payload=error_body("PROJECT_NOT_FOUND", "no"))

    with pytest.raises(NotFoundError):
        await client.request("DELETE", "/app/3.0/projects/p1")


async def test_each_retry_decision_is_logged_at_info(
    client: CinebodyClient,
    mocked: aioresponses,
    waits: list[float],
    caplog: pytest.LogCaptureFixture,
) -> None:
    mocked.get(PROJECTS, status=503, body="")
    mocked.get(PROJECTS, payload={})
    caplog.set_level(logging.INFO, logger="cinebody")

    await client.request("GET", "/app/3.0/projects")

    (record,) = [r for r in caplog.records if r.levelno == logging.INFO]
    assert record.name == "cinebody"
    assert "retry 1 of 4" in record.getMessage()
    assert "503" in record.getMessage()


async def test_no_retry_waits_keeps_retries_but_skips_sleeping(mocked: aioresponses) -> None:
    slept: list[float] = []
    real_sleep = asyncio.sleep

    async def spy(seconds: float) -> None:
        slept.append(seconds)
        await real_sleep(0)

    mocked.get(PROJECTS, status=429, headers={"Retry-After": "50"})
    mocked.get(PROJECTS, payload={"ok": True})

    with cinebody_async.no_retry_waits(), pytest.MonkeyPatch.context() as patch:
        patch.setattr(asyncio, "sleep", spy)
        async with CinebodyClient(KEY, base_url=BASE, rate_limit=False) as cb:
            assert await cb.request("GET", "/app/3.0/projects") == {"ok": True}

    assert slept == [0]


# Backoff and Retry-After -------------------------------------------------------------------


@pytest.mark.parametrize("retry", range(12))
def test_backoff_window_doubles_up_to_the_cap(retry: int) -> None:
    highest = _retry.backoff_delay(retry, 0.5, 30.0, uniform=lambda low, high: high)
    lowest = _retry.backoff_delay(retry, 0.5, 30.0, uniform=lambda low, high: low)

    assert lowest == 0
    assert highest == min(30.0, 0.5 * 2**retry)


def test_backoff_draws_stay_within_the_window() -> None:
    draws = [_retry.backoff_delay(3, 0.5, 30.0) for _ in range(500)]

    assert all(0 <= d <= 4.0 for d in draws)
    assert max(draws) > 2.0


@pytest.mark.parametrize(
    ("header", "expected"),
    [("5", 5.0), ("0", 0.0), ("1.5", 1.5), ("-3", 0.0), ("soon", None), (None, None)],
)
def test_retry_after_seconds(header: str | None, expected: float | None) -> None:
    assert _retry.parse_retry_after(header) == expected


def test_retry_after_http_date() -> None:
    now = dt.datetime(2026, 12, 3, 12, 0, 0, tzinfo=dt.UTC)

    assert _retry.parse_retry_after("Thu, 03 Dec 2026 12:00:42 GMT", now=now) == 42
    assert _retry.parse_retry_after("Thu, 03 Dec 2026 11:00:00 GMT", now=now) == 0


# Secrets -----------------------------------------------------------------------------------


async def test_key_never_appears_in_logs_reprs_or_errors(
    mocked: aioresponses, waits: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="cinebody")
    mocked.get(PROJECTS, status=503, body="")
    mocked.get(PROJECTS, payload={})
    mocked.post(PROJECTS, status=403, payload=error_body("INVALID_API_KEY", "Bad key"))

    async with CinebodyClient(KEY, base_url=BASE, rate_limit=False) as cb:
        await cb.request("GET", "/app/3.0/projects")
        with pytest.raises(PermissionDeniedError) as caught:
            await cb.request("POST", "/app/3.0/projects", json={})
        texts = [repr(cb), repr(cb.config), str(caught.value), repr(caught.value)]

    assert caplog.records
    assert all(KEY not in record.getMessage() for record in caplog.records)
    assert all(KEY not in text for text in texts)
    assert "ck_l" in repr(cb)


def test_redact_url_hides_signatures() -> None:
    url = "https://s3.test/b/k?AWSAccessKeyId=AKIA&Signature=abc%2Fdef&Expires=1&partNumber=1"

    redacted = cinebody_async._logging.redact_url(url)

    assert "abc" not in redacted
    assert "AKIA" not in redacted
    assert "partNumber=1" in redacted
    assert "Expires=1" in redacted


# Lifetime ----------------------------------------------------------------------------------


def test_building_a_client_needs_no_event_loop() -> None:
    cb = CinebodyClient(KEY, base_url=BASE)

    assert cb._transport._session is None
    assert not cb.closed


async def test_session_is_created_on_first_request(mocked: aioresponses) -> None:
    mocked.get(PROJECTS, payload={})

    async with CinebodyClient(KEY, base_url=BASE, rate_limit=False) as cb:
        assert cb._transport._session is None
        await cb.request("GET", "/app/3.0/projects")
        session = cb._transport._session
        assert session is not None

    assert session.closed
    assert cb.closed


async def test_closed_client_refuses_requests_and_closing_twice_is_harmless() -> None:
    cb = CinebodyClient(KEY, base_url=BASE)
    await cb.aclose()
    await cb.aclose()

    with pytest.raises(ClientStateError, match="closed"):
        await cb.request("GET", "/app/3.0/projects")


async def test_a_callers_session_is_used_and_left_open(mocked: aioresponses) -> None:
    mocked.get(PROJECTS, payload={"ok": True})

    async with aiohttp.ClientSession() as session:
        async with CinebodyClient(KEY, base_url=BASE, session=session, rate_limit=False) as cb:
            assert await cb.request("GET", "/app/3.0/projects") == {"ok": True}

        assert not session.closed


async def test_unclosed_client_warns_without_scheduling_anything(mocked: aioresponses) -> None:
    mocked.get(PROJECTS, payload={})
    cb = CinebodyClient(KEY, base_url=BASE, rate_limit=False)
    await cb.request("GET", "/app/3.0/projects")
    session = cb._transport._session
    assert session is not None
    tasks_before = asyncio.all_tasks()

    # Dropping the last reference finalizes the client at once, so it happens inside.
    with pytest.warns(ResourceWarning, match="never closed"):  # noqa: PT031
        del cb
        gc.collect()

    assert asyncio.all_tasks() == tasks_before
    await session.close()


def test_using_a_client_from_a_second_event_loop_is_a_clear_error() -> None:
    cb = CinebodyClient(KEY, base_url=BASE, rate_limit=False)

    async def use() -> None:
        with aioresponses() as mock:
            mock.get(PROJECTS, payload={})
            await cb.request("GET", "/app/3.0/projects")

    first = asyncio.new_event_loop()
    try:
        first.run_until_complete(use())
        with pytest.raises(ClientStateError, match="event loop"):
            asyncio.run(use())
    finally:
        first.run_until_complete(cb.aclose())
        first.close()


# Timeouts ----------------------------------------------------------------------------------


def test_timeout_defaults_and_number_form() -> None:
    default = cinebody_async.Timeout()
    assert (default.connect, default.read, default.pool, default.total) == (10.0, 60.0, None, None)

    both = cinebody_async.Timeout.coerce(5)
    assert (both.connect, both.read) == (5, 5)

    native = default.to_aiohttp()
    assert (native.sock_connect, native.sock_read, native.total) == (10.0, 60.0, None)


async def test_per_call_timeout_reaches_aiohttp(
    client: CinebodyClient, mocked: aioresponses
) -> None:
    mocked.get(PROJECTS, payload={})

    await client.request("GET", "/app/3.0/projects", timeout=2.5)

    sent = calls(mocked)[0].kwargs["timeout"]
    assert (sent.sock_connect, sent.sock_read) == (2.5, 2.5)


async def test_connect_timeout_counts_as_not_sent(
    client: CinebodyClient, mocked: aioresponses, waits: list[float]
) -> None:
    mocked.post(PROJECTS, exception=aiohttp.ConnectionTimeoutError("connect"))
    mocked.post(PROJECTS, payload={"ok": 1})

    assert await client.request("POST", "/app/3.0/projects", json={}) == {"ok": 1}


def test_url_used_for_requests_keeps_base_path() -> None:
    cb = CinebodyClient(KEY, base_url="https://gw.example.test/cinebody/")

    assert cb._transport._url("/app/3.0/projects") == URL(
        "https://gw.example.test/cinebody/app/3.0/projects"
    )


async def test_rate_limited_retry_waits_in_the_bucket_pause_not_a_backoff(
    mocked: aioresponses, waits: list[float]
) -> None:
    mocked.get(PROJECTS, status=429, headers={"Retry-After": "3"})
    mocked.get(PROJECTS, payload={"ok": True})

    async with CinebodyClient(KEY, base_url=BASE) as cb:
        assert await cb.request("GET", "/app/3.0/projects") == {"ok": True}
        stats = cb.rate_limit_stats()

    assert waits[0] == 0
    assert waits[1] == pytest.approx(3.0, abs=0.1)
    assert len(waits) == 2
    assert stats is not None
    assert (stats.rejections, stats.cuts) == (1, 1)
    assert stats.rate == pytest.approx(5.0)


async def test_proxy_from_the_environment_is_used_for_the_api(
    mocked: aioresponses, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.internal:3128")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    mocked.get(PROJECTS, payload={})

    async with CinebodyClient(KEY, base_url=BASE, rate_limit=False) as cb:
        await cb.request("GET", "/app/3.0/projects")

    assert calls(mocked)[0].kwargs["proxy"] == "http://proxy.internal:3128"


@pytest.mark.parametrize(("no_proxy", "trust_env"), [("api.example.test", True), ("", False)])
async def test_no_proxy_or_trust_env_false_sends_directly(
    mocked: aioresponses, monkeypatch: pytest.MonkeyPatch, no_proxy: str, trust_env: bool
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.internal:3128")
    monkeypatch.setenv("NO_PROXY", no_proxy)
    mocked.get(PROJECTS, payload={})

    async with CinebodyClient(KEY, base_url=BASE, rate_limit=False, trust_env=trust_env) as cb:
        await cb.request("GET", "/app/3.0/projects")

    assert calls(mocked)[0].kwargs["proxy"] is None


async def test_a_retry_after_beyond_patience_does_not_pause_the_bucket(
    mocked: aioresponses, waits: list[float]
) -> None:
    mocked.get(PROJECTS, status=429, headers={"Retry-After": "3600"})

    async with CinebodyClient(KEY, base_url=BASE) as cb:
        with pytest.raises(RateLimitError):
            await cb.request("GET", "/app/3.0/projects")
        stats = cb.rate_limit_stats()

    assert stats is not None
    assert stats.paused_for < 5
    assert waits == []


async def test_closing_the_client_stops_its_retries(
    mocked: aioresponses, monkeypatch: pytest.MonkeyPatch
) -> None:
    mocked.get(PROJECTS, status=503, body="")
    mocked.get(PROJECTS, payload={})
    cb = CinebodyClient(KEY, base_url=BASE, rate_limit=False)

    async def close_instead_of_waiting(seconds: float) -> None:
        await cb.aclose()

    monkeypatch.setattr(_retry, "sleep", close_instead_of_waiting)

    with pytest.raises(ClientStateError, match="closed while retrying"):
        await cb.request("GET", "/app/3.0/projects")


async def test_the_key_stays_out_of_request_reprs_and_error_causes(
    client: CinebodyClient, mocked: aioresponses
) -> None:
    sent = {"x-api-key": KEY}
    info = aiohttp.RequestInfo(URL(PROJECTS), "GET", sent, URL(PROJECTS))  # type: ignore[arg-type]
    mocked.post(PROJECTS, exception=aiohttp.ClientResponseError(info, (), status=200))
    request = cinebody_async._transport._Request(
        method="GET", path="/p", url=URL(PROJECTS), query=None, headers=sent, body=None
    )

    with pytest.raises(ConnectError) as caught:
        await client.request("POST", "/app/3.0/projects", json={})

    assert KEY not in repr(caught.value.__cause__)
    assert KEY not in repr(caught.value)
    assert KEY not in repr(request)


async def test_a_callers_session_keeps_its_own_timeouts(mocked: aioresponses) -> None:
    mocked.get(PROJECTS, payload={})

    async with (
        aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=3)) as session,
        CinebodyClient(KEY, base_url=BASE, session=session, rate_limit=False) as cb,
    ):
        await cb.request("GET", "/app/3.0/projects")

    assert "timeout" not in calls(mocked)[0].kwargs


async def test_a_body_that_is_not_json_is_a_parameter_error(client: CinebodyClient) -> None:
    with pytest.raises(ParameterError) as caught:
        await client.request("POST", "/app/3.0/projects", json={"when": object()})

    assert caught.value.parameter == "json"


async def test_a_failed_tls_handshake_is_not_retried(
    client: CinebodyClient, mocked: aioresponses, waits: list[float]
) -> None:
    key = aiohttp.client_reqrep.ConnectionKey(
        "api.example.test", 443, True, True, None, None, None
    )
    failure = aiohttp.ClientConnectorCertificateError(key, Exception("certificate verify failed"))
    mocked.get(PROJECTS, exception=failure)

    with pytest.raises(cinebody_async.TLSError):
        await client.request("GET", "/app/3.0/projects")

    assert waits == []
