"""Bulk listing: the SDK's pager against raw aiohttp, and the memory each way takes.

A FakeCinebody process holds one project of 10,000 clips; every run lists them all at
100 per page with the client's rate limit off (this measures the pager, not the
bucket), at 0 ms and 20 ms of added server latency, in alternating rounds:

1. the SDK's ``.all()`` (16 pages in flight),
2. the SDK's ``async for`` (default read-ahead),
3. the SDK page by page, one request at a time,
4. raw aiohttp + orjson into plain dicts, 16 pages in flight (the floor: no models).

Then, each in a fresh process, the peak resident memory grown while reading 50,000
clips with ``async for`` and with ``.all()``.
"""

from __future__ import annotations

import asyncio
import gc
import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable

import aiohttp
import orjson

from benchmarks._fake import RunningFake, fake_process
from benchmarks._table import print_table
from cinebody_async import CinebodyClient

CLIPS = 10_000
MEMORY_CLIPS = 50_000
LIMIT = 100
IN_FLIGHT = 16
ROUNDS = 5


async def _project(fake: RunningFake) -> str:
    async with CinebodyClient(fake.api_key, base_url=fake.url, rate_limit=False) as cb:
        (project,) = await cb.projects.list(limit=1).all()
        assert project.id is not None
        return project.id


async def _sdk_all(cb: CinebodyClient, project: str) -> int:
    return len(await cb.media_files.list(project, limit=LIMIT).all(concurrency=IN_FLIGHT))


async def _sdk_iterate(cb: CinebodyClient, project: str) -> int:
    return sum([1 async for _ in cb.media_files.list(project, limit=LIMIT)])


async def _sdk_sequential(cb: CinebodyClient, project: str) -> int:
    pages = cb.media_files.list(project, limit=LIMIT, read_ahead=0).pages()
    return sum([len(page.items) async for page in pages])


async def _raw(session: aiohttp.ClientSession, fake: RunningFake, project: str) -> int:
    url = f"{fake.url}/app/3.0/projects/{project}/clips"
    headers = {"x-api-key": fake.api_key}
    gate = asyncio.Semaphore(IN_FLIGHT)

    async def page(number: int) -> dict[str, object]:
        async with (
            gate,
            session.get(url, params={"page": number, "limit": LIMIT}, headers=headers) as answer,
        ):
            body: dict[str, object] = orjson.loads(await answer.read())
            return body

    first = await page(0)
    count = first["count"]
    assert isinstance(count, int)
    rest = await asyncio.gather(*(page(n) for n in range(1, -(-count // LIMIT))))
    return sum(len(body["mediaFiles"]) for body in (first, *rest))  # type: ignore[arg-type]


async def _throughput(latency: float) -> list[object]:
    with fake_process(
        "--single-project", str(CLIPS), "--edits-per-project", "0", "--latency", str(latency)
    ) as fake:
        project = await _project(fake)
        async with (
            CinebodyClient(fake.api_key, base_url=fake.url, rate_limit=False) as cb,
            aiohttp.ClientSession() as session,
        ):
            ways: dict[str, Callable[[], Awaitable[int]]] = {
                "raw": lambda: _raw(session, fake, project),
                "all": lambda: _sdk_all(cb, project),
                "iterate": lambda: _sdk_iterate(cb, project),
                "sequential": lambda: _sdk_sequential(cb, project),
            }
            rates: dict[str, list[float]] = {name: [] for name in ways}
            for name, way in ways.items():
                assert await way() == CLIPS, name
            for _ in range(ROUNDS):
                for name, way in ways.items():
                    # The previous run's 10,000 objects are collected outside the timing.
                    gc.collect()
                    started = time.perf_counter()
                    await way()
                    rates[name].append(CLIPS / (time.perf_counter() - started))
    median = {name: statistics.median(values) for name, values in rates.items()}
    floor = median["raw"]
    return [
        f"{latency * 1000:.0f} ms",
        median["all"],
        median["iterate"],
        median["sequential"],
        floor,
        median["all"] / floor,
        median["iterate"] / floor,
    ]


def _peak_growth(how: str, fake: RunningFake, project: str) -> float:
    """Run ``how`` in a fresh process; return its peak memory growth in MB."""
    output = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.bench_pagination",
            how,
            fake.url,
            fake.api_key,
            project,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    grown: float = json.loads(output)["grown_mb"]
    return grown


async def _measure_memory(how: str, url: str, key: str, project: str) -> None:
    async with CinebodyClient(key, base_url=url, rate_limit=False) as cb:
        await cb.media_files.list(project, limit=LIMIT).first_page()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if how == "iterate":
            seen = sum([1 async for _ in cb.media_files.list(project, limit=LIMIT)])
        else:
            seen = len(await cb.media_files.list(project, limit=LIMIT).all())
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert seen == MEMORY_CLIPS
    print(json.dumps({"grown_mb": (after - before) / 1024}))


async def main() -> None:
    """Print the throughput table and the memory table."""
    rows = [await _throughput(latency) for latency in (0.0, 0.02)]
    print_table(
        f"Pagination: items/s listing {CLIPS:,} clips at {LIMIT} per page "
        f"(median of {ROUNDS} alternating rounds)",
        [
            "latency",
            "SDK .all()",
            "SDK async for",
            "SDK sequential",
            "raw aiohttp",
            ".all() / raw",
            "async for / raw",
        ],
        rows,
    )

    with fake_process("--single-project", str(MEMORY_CLIPS), "--edits-per-project", "0") as fake:
        project = await _project(fake)
        memory = [
            ("async for", _peak_growth("iterate", fake, project)),
            (".all()", _peak_growth("all", fake, project)),
        ]
    print_table(
        f"Pagination: peak memory grown reading {MEMORY_CLIPS:,} clips (fresh process each)",
        ["way", "MB"],
        memory,
    )


if __name__ == "__main__":
    asyncio.run(_measure_memory(*sys.argv[1:5]))
