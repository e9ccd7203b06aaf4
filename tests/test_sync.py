"""The blocking client: parity with the async one, threads, running loops, interrupts."""

from __future__ import annotations

import asyncio
import gc
import importlib.util
import inspect
import os
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import cinebody_async
import cinebody_sync
from cinebody_async._pagination import ListOperation, Pager
from cinebody_async.resources._base import Resource
from cinebody_async.testing import FakeCinebody, FakeCinebodyThread, SeedOptions
from cinebody_sync import CinebodyClient, SyncPager

ROOT = Path(__file__).resolve().parents[1]
LOOP_BOUND = {"session"}
HANDLED_BY_BASE = {"aclose": "close", "closed": "closed", "config": "config"}


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "generate_sync", ROOT / "scripts" / "generate_sync.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeCinebody]:
    options = SeedOptions.single_project(clips=300, edits_per_project=0)
    with FakeCinebodyThread(FakeCinebody(seed=21, seed_options=options)) as running:
        yield running


@pytest.fixture
def client(fake: FakeCinebody) -> Iterator[CinebodyClient]:
    with CinebodyClient(fake.api_key, base_url=fake.url, rate_limit=False) as cb:
        yield cb


def project_id(fake: FakeCinebody) -> str:
    (only,) = fake.state.projects
    return only


def clips_pager(fake: FakeCinebody, cb: CinebodyClient, **options: Any) -> SyncPager[Any]:
    async def request(path: str, params: Any) -> Any:
        return await cb._async.request("GET", path, params=params)

    operation: ListOperation[dict[str, Any]] = ListOperation(
        path=f"/app/3.0/projects/{project_id(fake)}/clips", item_keys=("mediaFiles",), parse=list
    )
    return SyncPager(cb._portal, Pager(request, operation, **options))


def portal_tasks(cb: CinebodyClient) -> int:
    """How many tasks run on the client's loop, besides the one asking."""

    async def count() -> int:
        return len(asyncio.all_tasks() - {asyncio.current_task()})

    return cb._portal.call(count())


def settled_tasks(cb: CinebodyClient) -> int:
    """Let the tasks on the client's loop finish (a release handed over by garbage
    collection still runs); fail if one does not, else count what is left."""

    async def settle() -> int:
        others = asyncio.all_tasks() - {asyncio.current_task()}
        if others:
            await asyncio.wait_for(asyncio.gather(*others, return_exceptions=True), 30)
        return len(asyncio.all_tasks() - {asyncio.current_task()})

    return cb._portal.call(settle())


# Parity -----------------------------------------------------------------------------------


def test_generated_facade_is_up_to_date() -> None:
    generator = load_generator()

    assert (ROOT / "cinebody_sync" / "_client.py").read_text() == generator.render(), (
        "cinebody_sync/_client.py is stale: run python scripts/generate_sync.py"
    )


def public_members(cls: type) -> dict[str, Any]:
    return {name: value for name, value in vars(cls).items() if not name.startswith("_")}


def sync_annotation(annotation: Any) -> Any:
    if isinstance(annotation, str):
        for kind in ("Pager", "FanOut"):
            if annotation.startswith(kind + "["):
                return "Sync" + annotation
    return annotation


def assert_same_surface(async_cls: type, sync_cls: type) -> None:
    """Every public async member has a blocking twin with the same signature and doc."""
    for name, member in public_members(async_cls).items():
        twin_name = (
            HANDLED_BY_BASE.get(name, name) if async_cls is cinebody_async.CinebodyClient else name
        )
        twin = inspect.getattr_static(sync_cls, twin_name, None)
        assert twin is not None, f"{sync_cls.__name__} lacks {twin_name}"
        if name in HANDLED_BY_BASE and async_cls is cinebody_async.CinebodyClient:
            continue
        if isinstance(member, property):
            assert isinstance(twin, property), name
            assert inspect.getdoc(twin.fget) == inspect.getdoc(member.fget), name
            continue

        theirs = inspect.signature(member)
        ours = inspect.signature(twin)
        assert list(ours.parameters) == list(theirs.parameters), name
        for param in theirs.parameters.values():
            mine = ours.parameters[param.name]
            assert (mine.kind, mine.default, mine.annotation) == (
                param.kind,
                param.default,
                param.annotation,
            ), f"{async_cls.__name__}.{name}({param.name})"
        assert ours.return_annotation == sync_annotation(theirs.return_annotation), name
        assert inspect.getdoc(twin) == inspect.getdoc(member), name


def test_client_has_every_async_method_with_the_same_signature() -> None:
    assert_same_surface(cinebody_async.CinebodyClient, CinebodyClient)

    async_init = inspect.signature(cinebody_async.CinebodyClient.__init__).parameters
    sync_init = inspect.signature(CinebodyClient.__init__).parameters
    assert list(sync_init) == [name for name in async_init if name not in LOOP_BOUND]


def test_every_resource_namespace_has_a_blocking_twin() -> None:
    probe_async = cinebody_async.CinebodyClient("parity-probe")
    with CinebodyClient("parity-probe") as probe_sync:
        for name, value in vars(probe_async).items():
            if isinstance(value, Resource):
                twin = getattr(probe_sync, name)
                assert type(twin).__name__ == type(value).__name__
                assert_same_surface(type(value), type(twin))


def test_exceptions_are_the_same_classes() -> None:
    for name in cinebody_async.errors.__all__:
        if name[0].isupper():
            assert getattr(cinebody_sync, name) is getattr(cinebody_async, name)


# Calls end to end -------------------------------------------------------------------------


def test_blocking_request_against_the_fake(fake: FakeCinebody, client: CinebodyClient) -> None:
    body = client.request("GET", f"/app/3.0/projects/{project_id(fake)}")
    response = client.send("GET", "/app/3.0/organizations")

    assert body["project"]["id"] == project_id(fake)
    assert response.status == 200
    assert response.api_version == fake.api_version


def test_errors_raise_the_async_classes(client: CinebodyClient) -> None:
    with pytest.raises(cinebody_async.NotFoundError) as caught:
        client.request("GET", "/app/3.0/projects/no-such-project")

    assert caught.value.status == 404


def test_pager_as_plain_iterators(fake: FakeCinebody, client: CinebodyClient) -> None:
    pager = clips_pager(fake, client, limit=70)

    walked = [item["id"] for item in pager]
    collected = [item["id"] for item in clips_pager(fake, client, limit=70).all()]
    pages = list(clips_pager(fake, client, limit=70).pages())

    assert walked == collected
    assert len(walked) == 300
    assert [page.number for page in pages] == [0, 1, 2, 3, 4]
    assert clips_pager(fake, client).count() == 300


def test_eight_threads_share_one_client(fake: FakeCinebody, client: CinebodyClient) -> None:
    results: dict[int, list[str]] = {}
    errors: list[BaseException] = []

    def work(number: int) -> None:
        try:
            pager = clips_pager(fake, client, limit=50, max_items=120)
            results[number] = [item["id"] for item in pager]
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len({tuple(ids) for ids in results.values()}) == 1
    assert len(results[0]) == 120


async def test_works_while_an_event_loop_runs_in_the_calling_thread(fake: FakeCinebody) -> None:
    assert asyncio.get_running_loop().is_running()

    with CinebodyClient(fake.api_key, base_url=fake.url, rate_limit=False) as cb:
        body = cb.request("GET", "/app/3.0/organizations")

    assert body["organizations"]


def test_calling_from_the_clients_own_loop_thread_is_refused(client: CinebodyClient) -> None:
    async def call_back_into_the_client() -> None:
        client.request("GET", "/app/3.0/organizations")

    with pytest.raises(cinebody_async.ClientStateError, match="would wait for itself"):
        client._portal.call(call_back_into_the_client())


# Interrupts, early exits and cleanup ------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX signals")
def test_ctrl_c_cancels_the_call_on_the_loop(fake: FakeCinebody, client: CinebodyClient) -> None:
    assert threading.current_thread() is threading.main_thread()
    arrived = threading.Event()
    held: list[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = []

    async def hold(seconds: float) -> None:
        release = asyncio.Event()
        held.append((asyncio.get_running_loop(), release))
        arrived.set()
        await release.wait()

    fake.faults.sleep = hold
    fake.faults.latency(fixed=1.0, route="GET /organizations")

    def interrupt_when_the_request_is_held() -> None:
        arrived.wait()
        os.kill(os.getpid(), signal.SIGINT)

    helper = threading.Thread(target=interrupt_when_the_request_is_held)
    helper.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            client.request("GET", "/app/3.0/organizations")
    finally:
        helper.join()
        fake.faults.clear()
        fake.faults.sleep = asyncio.sleep
        for loop, release in held:
            loop.call_soon_threadsafe(release.set)

    # aiohttp's own writer task of the cancelled request may need one more loop turn.
    assert settled_tasks(client) == 0


def test_an_abandoned_iterator_releases_its_pages(
    fake: FakeCinebody, client: CinebodyClient
) -> None:
    items = iter(clips_pager(fake, client, limit=20, read_ahead=4))
    next(items)

    items.close()  # type: ignore[attr-defined]

    assert portal_tasks(client) == 0


def test_a_dropped_iterator_releases_its_pages(fake: FakeCinebody, client: CinebodyClient) -> None:
    items = iter(clips_pager(fake, client, limit=20, read_ahead=4))
    next(items)

    del items
    gc.collect()

    assert settled_tasks(client) == 0


def loop_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "cinebody-sync"]


def test_close_is_idempotent_and_leaves_no_thread(fake: FakeCinebody) -> None:
    before = len(loop_threads())
    cb = CinebodyClient(fake.api_key, base_url=fake.url, rate_limit=False)
    cb.request("GET", "/app/3.0/organizations")
    assert len(loop_threads()) == before + 1

    cb.close()
    cb.close()

    assert cb.closed
    assert len(loop_threads()) == before
    with pytest.raises(cinebody_async.ClientStateError, match="closed"):
        cb.request("GET", "/app/3.0/organizations")


def test_an_unclosed_client_warns_and_is_cleaned_up(fake: FakeCinebody) -> None:
    before = len(loop_threads())
    cb = CinebodyClient(fake.api_key, base_url=fake.url, rate_limit=False)
    cb.request("GET", "/app/3.0/organizations")

    with pytest.warns(ResourceWarning, match="never closed"):  # noqa: PT031
        del cb
        gc.collect()

    assert len(loop_threads()) == before


def test_the_package_exports_what_the_async_one_does_as_the_same_objects() -> None:
    for name in cinebody_async.__all__:
        if name == "CinebodyClient" or name in {"FanOut", "ItemIterator", "PageIterator", "Pager"}:
            continue
        assert getattr(cinebody_sync, name) is getattr(cinebody_async, name), name
        assert name in cinebody_sync.__all__, name
