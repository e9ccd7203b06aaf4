"""The pager, end to end through the client's request() against FakeCinebody."""

from __future__ import annotations

import asyncio
import contextlib
import math
from collections.abc import AsyncIterator, Mapping
from typing import Any

import pytest

from cinebody_async import (
    CinebodyClient,
    NotFoundError,
    ParameterError,
    ServerError,
    no_retry_waits,
)
from cinebody_async._pagination import FanOut, ListOperation, Pager
from cinebody_async.testing import FakeCinebody, FakeCinebodyThread, SeedOptions

CLIPS = 250
CLIPS_ROUTE = "GET /projects/{projectId}/clips"


@pytest.fixture
async def fake() -> AsyncIterator[FakeCinebody]:
    options = SeedOptions.single_project(clips=CLIPS, edits_per_project=0)
    async with FakeCinebody(seed=7, seed_options=options) as running:
        yield running


@pytest.fixture
async def client(fake: FakeCinebody) -> AsyncIterator[CinebodyClient]:
    async with CinebodyClient(fake.api_key, base_url=fake.url, rate_limit=False) as cb:
        yield cb


def project_id(fake: FakeCinebody) -> str:
    (only,) = fake.state.projects
    return only


def clip_ids_in_api_order(fake: FakeCinebody) -> list[str]:
    """The ids the clips listing serves, newest first, read from the fake's state."""
    pid = project_id(fake)
    count = fake.state.project_media_file_count(pid)
    return [record["id"] for record in fake.state.media_file_slice(pid, 0, count, True)]


def requester(cb: CinebodyClient) -> Any:
    async def request(path: str, params: Mapping[str, object]) -> Any:
        return await cb.request("GET", path, params=params)

    return request


def clips_pager(fake: FakeCinebody, cb: CinebodyClient, **options: Any) -> Pager[dict[str, Any]]:
    operation: ListOperation[dict[str, Any]] = ListOperation(
        path=f"/app/3.0/projects/{project_id(fake)}/clips",
        item_keys=("mediaFiles", "clips"),
        parse=list,
    )
    return Pager(options.pop("request", None) or requester(cb), operation, **options)


def pages_requested(fake: FakeCinebody) -> list[tuple[int, int]]:
    """``(page, limit)`` of every clips request the fake received, in arrival order."""
    seen = []
    for request in fake.requests_to(CLIPS_ROUTE):
        query = dict(request.query)
        seen.append((int(query["page"]), int(query["limit"])))
    return seen


def ids(items: list[dict[str, Any]]) -> list[str]:
    return [item["id"] for item in items]


# Order, counts and the page walk ------------------------------------------------------------


async def test_all_returns_every_item_in_api_order(
    fake: FakeCinebody, client: CinebodyClient
) -> None:
    pager = clips_pager(fake, client, limit=40)

    items = await pager.all(concurrency=4)

    assert ids(items) == clip_ids_in_api_order(fake)
    assert sorted(pages_requested(fake)) == [(n, 40) for n in range(math.ceil(CLIPS / 40))]
    assert not pager.shifted
    assert pager.duplicates == 0


async def test_async_for_yields_the_same_items_lazily(
    fake: FakeCinebody, client: CinebodyClient
) -> None:
    pager = clips_pager(fake, client, limit=60, read_ahead=2)

    seen = [item["id"] async for item in pager]

    assert seen == clip_ids_in_api_order(fake)
    assert sorted(pages_requested(fake)) == [(n, 60) for n in range(5)]


async def test_pages_carry_number_count_and_items(
    fake: FakeCinebody, client: CinebodyClient
) -> None:
    pages = [page async for page in clips_pager(fake, client, limit=100).pages()]

    assert [page.number for page in pages] == [0, 1, 2]
    assert [len(page.items) for page in pages] == [100, 100, 50]
    assert {page.count for page in pages} == {CLIPS}
    assert pages[-1].is_last


async def test_first_page_and_count_fetch_page_zero_once(
    fake: FakeCinebody, client: CinebodyClient
) -> None:
    pager = clips_pager(fake, client, limit=100)

    assert await pager.count() == CLIPS
    first = await pager.first_page()
    items = await pager.all()

    assert first.number == 0
    assert len(items) == CLIPS
    assert pages_requested(fake).count((0, 100)) == 1


async def test_building_a_pager_sends_nothing(fake: FakeCinebody, client: CinebodyClient) -> None:
    clips_pager(fake, client)

    assert fake.requests_to(CLIPS_ROUTE) == []


async def test_default_page_size_is_the_bulk_size(
    fake: FakeCinebody, client: CinebodyClient
) -> None:
    await clips_pager(fake, client).all()

    assert {limit for _, limit in pages_requested(fake)} == {100}


@pytest.mark.parametrize("organizations", [23, 20])
async def test_listing_without_count_walks_to_a_short_or_empty_page(
    client: CinebodyClient, organizations: int
) -> None:
    options = SeedOptions(
        organizations=organizations,
        teams_per_organization=0,
        projects_per_team=0,
        admins_per_organization=0,
    )
    async with (
        FakeCinebody(seed=3, seed_options=options) as fake,
        CinebodyClient(fake.api_key, base_url=fake.url, rate_limit=False) as cb,
    ):
        operation: ListOperation[dict[str, Any]] = ListOperation(
            path="/app/3.0/organizations",
            item_keys=("organizations",),
            parse=list,
            has_count=False,
        )
        pager = Pager(requester(cb), operation, limit=5)

        assert await pager.count() is None
        everything = await pager.all()
        walked_pages = len(fake.requests_to("GET /organizations"))
        walked = [item async for item in Pager(requester(cb), operation, limit=5, read_ahead=0)]

        assert len(everything) == organizations
        assert ids(walked) == ids(everything)
        assert walked_pages == organizations // 5 + 1


async def test_max_items_stops_early(fake: FakeCinebody, client: CinebodyClient) -> None:
    collected = await clips_pager(fake, client, limit=10, max_items=25).all()
    assert len(pages_requested(fake)) == 3
    fake.reset_observations()

    walked = [item async for item in clips_pager(fake, client, limit=10, max_items=25)]

    assert ids(collected) == ids(walked) == clip_ids_in_api_order(fake)[:25]
    assert len(pages_requested(fake)) == 3


async def test_a_server_that_caps_the_page_size_loses_nothing(client: CinebodyClient) -> None:
    options = SeedOptions.single_project(clips=95, edits_per_project=0)
    async with (
        FakeCinebody(seed=5, seed_options=options, max_limit=20) as fake,
        CinebodyClient(fake.api_key, base_url=fake.url, rate_limit=False) as cb,
    ):
        items = await clips_pager(fake, cb, limit=50).all()
        walked = [item async for item in clips_pager(fake, cb, limit=50)]

        assert ids(items) == ids(walked) == clip_ids_in_api_order(fake)
        assert len(items) == 95


@pytest.mark.parametrize(
    "options", [{"limit": 0}, {"max_items": 0}, {"read_ahead": -1}, {"limit": True}]
)
def test_bad_options_are_refused_by_name(options: dict[str, Any]) -> None:
    operation: ListOperation[Any] = ListOperation(path="/x", item_keys=("x",), parse=list)
    (name,) = options

    with pytest.raises(ParameterError) as caught:
        Pager(requester(None), operation, **options)  # type: ignore[arg-type]

    assert caught.value.parameter == name


# Listings that change during a fetch ----------------------------------------------------------


async def test_all_drops_repeats_when_clips_are_added_mid_fetch(
    fake: FakeCinebody, client: CinebodyClient
) -> None:
    original = clip_ids_in_api_order(fake)
    pager = clips_pager(fake, client, limit=40)
    await pager.first_page()

    for _ in range(3):
        fake.state.add_media_file(project_id(fake))
    items = await pager.all()

    assert len(ids(items)) == len(set(ids(items)))
    assert set(original) <= set(ids(items))
    assert pager.shifted
    assert pager.duplicates >= 3


async def test_async_for_drops_repeats_across_neighbouring_pages(
    fake: FakeCinebody, client: CinebodyClient
) -> None:
    original = clip_ids_in_api_order(fake)
    plain = requester(client)

    async def request_then_add_a_clip(path: str, params: Mapping[str, object]) -> Any:
        body = await plain(path, params)
        if params["page"] == 1:
            fake.state.add_media_file(project_id(fake))
        return body

    pager = clips_pager(fake, client, limit=50, read_ahead=0, request=request_then_add_a_clip)
    seen = [item["id"] async for item in pager]

    assert len(seen) == len(set(seen))
    assert set(original) <= set(seen)
    assert pager.shifted
    assert pager.duplicates == 1


async def test_a_listing_that_grows_is_read_past_the_planned_pages(
    fake: FakeCinebody, client: CinebodyClient
) -> None:
    pager = clips_pager(fake, client, limit=50)
    await pager.first_page()
    for _ in range(60):
        fake.state.add_media_file(project_id(fake))

    items = await pager.all()

    assert set(clip_ids_in_api_order(fake)[60:]) <= set(ids(items))
    assert max(number for number, _ in pages_requested(fake)) >= 5


# Failures and cancellation --------------------------------------------------------------------


async def test_a_page_that_keeps_failing_raises_naming_the_page(
    fake: FakeCinebody, client: CinebodyClient
) -> None:
    fake.faults.script(CLIPS_ROUTE, [None, None, 500])
    pager = clips_pager(fake, client, limit=50)

    with pytest.raises(ServerError) as caught:
        await pager.all(concurrency=1)

    assert caught.value.page == 2
    assert any("page 2" in note for note in caught.value.__notes__)


async def test_a_failing_page_during_iteration_raises_after_the_earlier_items(
    fake: FakeCinebody, client: CinebodyClient
) -> None:
    fake.faults.script(CLIPS_ROUTE, [None, 404])
    seen: list[str] = []

    async def read_all() -> None:
        async for item in clips_pager(fake, client, limit=100, read_ahead=0):
            seen.append(item["id"])

    with pytest.raises(NotFoundError) as caught:
        await read_all()

    assert caught.value.page == 1
    assert seen == clip_ids_in_api_order(fake)[:100]


async def test_retried_pages_are_not_lost(fake: FakeCinebody, client: CinebodyClient) -> None:
    fake.faults.script(CLIPS_ROUTE, [None, 503, 503, "drop"])

    with no_retry_waits():
        items = await clips_pager(fake, client, limit=25).all(concurrency=2)

    assert ids(items) == clip_ids_in_api_order(fake)


def other_tasks() -> set[asyncio.Task[Any]]:
    return {task for task in asyncio.all_tasks() if task is not asyncio.current_task()}


async def test_leaving_async_for_early_cancels_pages_in_flight() -> None:
    options = SeedOptions.single_project(clips=400)
    with FakeCinebodyThread(FakeCinebody(seed=9, seed_options=options)) as fake:
        async with CinebodyClient(fake.api_key, base_url=fake.url, rate_limit=False) as cb:
            before = other_tasks()
            pager = clips_pager(fake, cb, limit=20, read_ahead=4)

            async with contextlib.aclosing(pager.items()) as items:
                async for _ in items:
                    break

            assert other_tasks() == before
            session = cb._transport._session
            assert session is not None
            assert not session.connector._acquired  # type: ignore[union-attr]


async def test_cancelling_all_leaves_no_task_behind() -> None:
    options = SeedOptions.single_project(clips=400)
    with FakeCinebodyThread(FakeCinebody(seed=9, seed_options=options)) as fake:
        fake.faults.latency(fixed=30.0, route="/projects/{projectId}/clips")
        async with CinebodyClient(fake.api_key, base_url=fake.url, rate_limit=False) as cb:
            before = other_tasks()
            started = asyncio.Event()
            plain = requester(cb)

            async def request(path: str, params: Mapping[str, object]) -> Any:
                started.set()
                return await plain(path, params)

            job = asyncio.ensure_future(clips_pager(fake, cb, limit=20, request=request).all())
            await started.wait()
            job.cancel()

            with pytest.raises(asyncio.CancelledError):
                await job
            assert other_tasks() == before


async def test_fan_out_reads_many_parents_under_one_cap() -> None:
    options = SeedOptions(
        organizations=1, teams_per_organization=1, projects_per_team=3, clips_per_project=70
    )
    async with (
        FakeCinebody(seed=11, seed_options=options) as fake,
        CinebodyClient(fake.api_key, base_url=fake.url, rate_limit=False) as cb,
    ):
        projects = list(fake.state.projects)

        def pager(pid: str) -> Pager[dict[str, Any]]:
            operation: ListOperation[dict[str, Any]] = ListOperation(
                path=f"/app/3.0/projects/{pid}/clips", item_keys=("mediaFiles",), parse=list
            )
            return Pager(requester(cb), operation, limit=30)

        fan_out = FanOut({pid: pager(pid) for pid in projects})
        result = await fan_out.all(concurrency=2)
        pairs = [pair async for pair in FanOut({pid: pager(pid) for pid in projects})]

        assert list(result) == projects
        for pid in projects:
            count = fake.state.project_media_file_count(pid)
            expected = [r["id"] for r in fake.state.media_file_slice(pid, 0, count, True)]
            assert ids(result[pid]) == expected
        assert [(pid, item["id"]) for pid, item in pairs] == [
            (pid, item["id"]) for pid in projects for item in result[pid]
        ]


@pytest.mark.parametrize("has_count", [False, True])
async def test_a_server_repeating_a_full_page_does_not_page_forever(has_count: bool) -> None:
    asked: list[object] = []
    same = [{"id": f"org-{n}"} for n in range(5)]

    async def always_the_same_page(path: str, params: Mapping[str, object]) -> Any:
        asked.append(params["page"])
        return (
            {"organizations": same, "count": 10 + len(asked) * 5}
            if has_count
            else {"organizations": same}
        )

    operation: ListOperation[dict[str, Any]] = ListOperation(
        path="/app/3.0/organizations",
        item_keys=("organizations",),
        parse=list,
        has_count=has_count,
    )
    collected = await Pager(always_the_same_page, operation, limit=5).all()
    iterator = Pager(always_the_same_page, operation, limit=5, read_ahead=0)
    walked = [item async for item in iterator]

    assert ids(collected) == ids(walked) == ids(same)
    assert iterator.shifted
    assert len(asked) < 10


async def test_a_capped_listing_without_count_loses_nothing() -> None:
    options = SeedOptions(
        organizations=25, teams_per_organization=0, projects_per_team=0, admins_per_organization=0
    )
    async with (
        FakeCinebody(seed=3, seed_options=options, max_limit=10) as fake,
        CinebodyClient(fake.api_key, base_url=fake.url, rate_limit=False) as cb,
    ):
        collected = await cb.organizations.list().all()
        walked = [org.id async for org in cb.organizations.list()]

    assert len(collected) == 25
    assert walked == [org.id for org in collected] == list(fake.state.organizations)


@pytest.mark.parametrize(("sent", "read"), [(36, 36), (36.0, 36), ("36", 36), ("3.5", None)])
async def test_count_is_read_from_numbers_and_digit_strings(sent: object, read: object) -> None:
    async def answer(path: str, params: Mapping[str, object]) -> Any:
        return {"organizations": [], "count": sent}

    operation: ListOperation[Any] = ListOperation(
        path="/x", item_keys=("organizations",), parse=list
    )

    assert await Pager(answer, operation).count() == read
