"""The blocking client's cost: sequential small calls, sync against async, in one run.

Both clients call the same FakeCinebody process (one request for one project, the
smallest useful call) one call after another, in alternating rounds, at 0 ms and 5 ms
of added server latency. The ratio is sync calls per second over async calls per second.
"""

from __future__ import annotations

import asyncio
import statistics
import time

from benchmarks._fake import RunningFake, fake_process
from benchmarks._table import print_table
from cinebody_async import CinebodyClient as AsyncClient
from cinebody_sync import CinebodyClient as SyncClient

CALLS = 1000
ROUNDS = 5


def _path(fake: RunningFake) -> str:
    with SyncClient(fake.api_key, base_url=fake.url, rate_limit=False) as cb:
        (project,) = cb.request("GET", "/app/3.0/projects", params={"limit": 1})["projects"]
    return f"/app/3.0/projects/{project['id']}"


def _async_rate(fake: RunningFake, path: str, calls: int) -> float:
    async def run() -> float:
        async with AsyncClient(fake.api_key, base_url=fake.url, rate_limit=False) as cb:
            await cb.request("GET", path)
            started = time.perf_counter()
            for _ in range(calls):
                await cb.request("GET", path)
            return calls / (time.perf_counter() - started)

    return asyncio.run(run())


def _sync_rate(fake: RunningFake, path: str, calls: int) -> float:
    with SyncClient(fake.api_key, base_url=fake.url, rate_limit=False) as cb:
        cb.request("GET", path)
        started = time.perf_counter()
        for _ in range(calls):
            cb.request("GET", path)
        return calls / (time.perf_counter() - started)


def main() -> None:
    """Print calls/s of each client and their ratio at 0 and 5 ms of latency."""
    rows = []
    for latency in (0.0, 0.005):
        with fake_process("--single-project", "10", "--latency", str(latency)) as fake:
            path = _path(fake)
            calls = CALLS
            async_rates, sync_rates = [], []
            for _ in range(ROUNDS):
                async_rates.append(_async_rate(fake, path, calls))
                sync_rates.append(_sync_rate(fake, path, calls))
            async_rate = statistics.median(async_rates)
            sync_rate = statistics.median(sync_rates)
            # Each round's two runs are neighbours in time: their ratio is what noise
            # between rounds leaves alone, so the median of those ratios is reported.
            paired = statistics.median(s / a for s, a in zip(sync_rates, async_rates, strict=True))
            rows.append((f"{latency * 1000:.0f} ms", calls, async_rate, sync_rate, paired))

    print_table(
        f"Blocking client: sequential calls per second (medians of {ROUNDS} alternating "
        "rounds; the ratio is the median of each round's ratio)",
        ["latency", "calls", "async calls/s", "sync calls/s", "sync / async"],
        rows,
    )
