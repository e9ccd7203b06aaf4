"""Fault injection: shares near their setting, token buckets on an injected clock,
latency through an injected sleep, real dropped connections, scripted answers."""

from __future__ import annotations

from collections import Counter
from typing import Any

import aiohttp
import orjson
import pytest

from cinebody_async.testing import S3_OBJECT_ROUTE, S3_PART_ROUTE, FakeCinebody, Reply
from cinebody_async.testing.faults import Faults, TokenBucket
from tests.fake.conftest import Api

CLIPS = "GET /projects/{projectId}/clips"


class Clock:
    """A clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


async def _statuses(api: Api, path: str, count: int) -> Counter[int]:
    seen: Counter[int] = Counter()
    for _ in range(count):
        seen[(await api.call("GET", path)).status] += 1
    return seen


async def test_error_share_is_near_its_setting(fake: FakeCinebody, api: Api) -> None:
    fake.faults.errors(share=0.25, statuses=(500, 503))
    seen = await _statuses(api, "/teams", 400)
    assert set(seen) <= {200, 500, 503}
    assert 0.19 <= (seen[500] + seen[503]) / 400 <= 0.31
    assert seen[500] > 0
    assert seen[503] > 0
    assert fake.counters.faults["GET /teams"] == seen[500] + seen[503]
    assert fake.counters.fault_kinds["error"] == seen[500] + seen[503]


async def test_fault_draws_repeat_with_the_seed(api: Api) -> None:
    runs = []
    for _ in range(2):
        faults = Faults(seed=5)
        faults.errors(share=0.5)
        runs.append([faults.plan("GET /teams", "/app/3.0/teams").kind for _ in range(50)])
    assert runs[0] == runs[1]
    assert "error" in runs[0]
    assert None in runs[0]


async def test_errors_on_one_route_leave_the_others_alone(
    fake: FakeCinebody, api: Api, project: dict[str, Any]
) -> None:
    fake.faults.errors(share=1.0, statuses=(502,), route=CLIPS)
    assert (await api.call("GET", f"/projects/{project['id']}/clips")).status == 502
    assert (await api.call("GET", f"/projects/{project['id']}")).status == 200
    error = await api.call("GET", f"/projects/{project['id']}/clips")
    assert error.body["status"] == "failure"
    assert error.body["code"] == "BAD_GATEWAY"


async def test_token_bucket_limits_and_refills_on_the_injected_clock(
    fake: FakeCinebody, api: Api
) -> None:
    clock = Clock()
    fake.faults.clock = clock
    fake.faults.rate_limit(rate=2, burst=3)
    assert [(await api.call("GET", "/teams")).status for _ in range(4)] == [200, 200, 200, 429]
    limited = await api.call("GET", "/teams")
    assert limited.status == 429
    assert limited.headers["Retry-After"] == "1"
    assert limited.body["code"] == "RATE_LIMITED"
    clock.now += 0.5
    assert (await api.call("GET", "/organizations")).status == 200
    assert (await api.call("GET", "/organizations")).status == 429
    clock.now += 10
    assert [(await api.call("GET", "/teams")).status for _ in range(4)] == [200, 200, 200, 429]
    assert fake.counters.fault_kinds["rate_limit"] == 4


async def test_rate_limit_can_answer_420_without_retry_after(fake: FakeCinebody, api: Api) -> None:
    fake.faults.clock = Clock()
    fake.faults.rate_limit(rate=1, burst=1, status=420, retry_after=False)
    assert (await api.call("GET", "/teams")).status == 200
    limited = await api.call("GET", "/teams")
    assert limited.status == 420
    assert "Retry-After" not in limited.headers


async def test_per_route_buckets(fake: FakeCinebody, api: Api) -> None:
    fake.faults.clock = Clock()
    fake.faults.rate_limit(rate=1, burst=1, per_route=True)
    assert (await api.call("GET", "/teams")).status == 200
    assert (await api.call("GET", "/organizations")).status == 200
    assert (await api.call("GET", "/teams")).status == 429


def test_token_bucket_waits() -> None:
    bucket = TokenBucket(rate=4, burst=2, now=0.0)
    assert bucket.take(0.0) == 0.0
    assert bucket.take(0.0) == 0.0
    assert bucket.take(0.0) == pytest.approx(0.25)
    assert bucket.take(0.125) == pytest.approx(0.125)
    assert bucket.take(0.25) == 0.0


async def test_latency_is_fixed_plus_jitter_through_the_injected_sleep(
    fake: FakeCinebody, api: Api
) -> None:
    delays: list[float] = []

    async def record(seconds: float) -> None:
        delays.append(seconds)

    fake.faults.sleep = record
    fake.faults.latency(fixed=0.02, jitter=0.005)
    for _ in range(30):
        assert (await api.call("GET", "/teams")).status == 200
    assert len(delays) == 30
    assert all(0.02 <= delay <= 0.025 for delay in delays)
    assert len(set(delays)) > 1
    assert fake.counters.faults["GET /teams"] == 0


async def test_drop_before_answers_nothing_and_changes_nothing(
    fake: FakeCinebody, api: Api, project: dict[str, Any]
) -> None:
    fake.faults.drop(share=1.0, when="before", route="PATCH /projects/{projectId}")
    with pytest.raises(aiohttp.ServerDisconnectedError):
        await api.call("PATCH", f"/projects/{project['id']}", json={"title": "Dropped"})
    assert fake.state.projects[project["id"]]["title"] != "Dropped"
    assert fake.counters.effects["PATCH /projects/{projectId}"] == 0
    assert fake.counters.requests["PATCH /projects/{projectId}"] == 1


async def test_drop_during_applies_the_change_then_cuts_the_body(
    fake: FakeCinebody, api: Api, project: dict[str, Any]
) -> None:
    fake.faults.drop(share=1.0, when="during", route="PATCH /projects/{projectId}")
    with pytest.raises(aiohttp.ClientPayloadError):
        await api.call("PATCH", f"/projects/{project['id']}", json={"title": "Applied"})
    assert fake.state.projects[project["id"]]["title"] == "Applied"
    assert fake.counters.effects["PATCH /projects/{projectId}"] == 1
    assert fake.counters.fault_kinds["drop_during"] == 1


async def test_truncated_json_is_a_complete_200_with_half_a_body(
    fake: FakeCinebody, api: Api
) -> None:
    fake.faults.truncate_json(share=1.0)
    answer = await api.call("GET", "/teams")
    assert answer.status == 200
    assert int(answer.headers["Content-Length"]) == len(answer.raw) > 0
    with pytest.raises(orjson.JSONDecodeError):
        orjson.loads(answer.raw)


async def test_html_error_page(fake: FakeCinebody, api: Api) -> None:
    fake.faults.html_error(share=1.0, status=504)
    answer = await api.call("GET", "/teams")
    assert answer.status == 504
    assert answer.headers["Content-Type"].startswith("text/html")
    assert b"<h1>504 Gateway Timeout</h1>" in answer.raw


async def test_script_answers_in_order_then_returns_to_normal(
    fake: FakeCinebody, api: Api, project: dict[str, Any]
) -> None:
    path = f"/projects/{project['id']}/clips"
    fake.faults.errors(share=1.0, route=CLIPS)
    fake.faults.script(
        CLIPS,
        [
            503,
            None,
            Reply(429, {"Retry-After": "2"}),
            "html",
            "truncate",
            Reply(200, body={"a": 1}),
        ],
    )
    assert (await api.call("GET", path)).status == 503
    assert (await api.call("GET", path)).status == 200
    limited = await api.call("GET", path)
    assert (limited.status, limited.headers["Retry-After"]) == (429, "2")
    assert (await api.call("GET", path)).headers["Content-Type"].startswith("text/html")
    truncated = await api.call("GET", path)
    with pytest.raises(orjson.JSONDecodeError):
        orjson.loads(truncated.raw)
    assert (await api.call("GET", path)).body == {"a": 1}
    assert fake.faults.pending_script(CLIPS) == 0
    assert (await api.call("GET", path)).status in (500, 502, 503)
    fake.faults.clear()
    assert (await api.call("GET", path)).status == 200
    assert fake.counters.fault_kinds["script"] == 5


async def test_script_by_concrete_path_and_drops(
    fake: FakeCinebody, api: Api, project: dict[str, Any]
) -> None:
    other = next(p for p in fake.state.projects if p != project["id"])
    fake.faults.script(f"GET /app/3.0/projects/{project['id']}", ["drop", "drop", "drop_during"])
    assert (await api.call("GET", f"/projects/{other}")).status == 200
    # aiohttp sends an idempotent request once more by itself when the server closes the
    # connection without answering, so one call meets two drops.
    with pytest.raises(aiohttp.ServerDisconnectedError):
        await api.call("GET", f"/projects/{project['id']}")
    with pytest.raises(aiohttp.ClientPayloadError):
        await api.call("GET", f"/projects/{project['id']}")
    assert (await api.call("GET", f"/projects/{project['id']}")).status == 200
    assert fake.counters.requests["GET /projects/{projectId}"] == 5


def test_bad_settings_are_refused() -> None:
    faults = Faults()
    with pytest.raises(ValueError, match="share"):
        faults.errors(share=1.5)
    with pytest.raises(ValueError, match="rate"):
        faults.rate_limit(rate=0)
    with pytest.raises(ValueError, match="when"):
        faults.drop(share=0.1, when="after")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="scripted"):
        faults.script("GET /teams", ["explode"])
    with pytest.raises(ValueError, match="negative"):
        faults.latency(fixed=-1)


async def test_s3_faults_need_their_route(
    fake: FakeCinebody, api: Api, project: dict[str, Any]
) -> None:
    clip = fake.state.project_media_files(project["id"])[0]
    link = (await api.ok("GET", f"/mediaFiles/{clip['id']}/download"))["url"]
    fake.faults.errors(share=1.0)
    fake.faults.clear()
    fake.faults.errors(share=1.0, route="GET /mediaFiles/{mediaFileId}/download")
    async with aiohttp.ClientSession() as s3:
        async with s3.get(link) as response:
            assert response.status == 200
        fake.faults.script(S3_OBJECT_ROUTE, [503, "drop_during"])
        async with s3.get(link) as response:
            assert response.status == 503
            assert "<Error>" in await response.text()
        with pytest.raises(aiohttp.ClientPayloadError):
            async with s3.get(link) as response:
                await response.read()
        async with s3.get(link) as response:
            assert len(await response.read()) == int(clip["fileSize"])
    assert fake.counters.faults[S3_OBJECT_ROUTE] == 2


async def test_s3_part_script(fake: FakeCinebody, api: Api, project: dict[str, Any]) -> None:
    params = {"contentType": "video/mp4", "ext": "mp4", "type": "clip", "sizeBytes": 4}
    started = await api.ok("GET", f"/projects/{project['id']}/upload", params)
    fake.faults.script(S3_PART_ROUTE, [500])
    async with aiohttp.ClientSession(skip_auto_headers=["Content-Type"]) as s3:
        async with s3.put(started["signedUrls"][0], data=b"abcd") as response:
            assert response.status == 500
        async with s3.put(started["signedUrls"][0], data=b"abcd") as response:
            assert response.status == 200
    assert fake.counters.requests[S3_PART_ROUTE] == 2
    assert fake.counters.effects[S3_PART_ROUTE] == 1


async def test_constructor_fault_options() -> None:
    async with (
        FakeCinebody(seed=1, clips_per_project=1, error_share=1.0) as fake,
        aiohttp.ClientSession() as session,
        session.get(f"{fake.api_url}/teams", headers={"x-api-key": fake.api_key}) as response,
    ):
        assert response.status in (500, 502, 503)
    limited = FakeCinebody(seed=1, clips_per_project=1, rate_limit=5, burst=2, latency=0.01)
    limited.faults.clock = Clock()
    delays: list[float] = []

    async def record(seconds: float) -> None:
        delays.append(seconds)

    limited.faults.sleep = record
    kinds = [limited.faults.plan("GET /teams", "/app/3.0/teams").kind for _ in range(3)]
    assert kinds == [None, None, "rate_limit"]
