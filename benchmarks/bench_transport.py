"""Client CPU time per request: the SDK's ``request()`` against raw aiohttp.

Both run in the same process against the same loopback server (in another process), in
alternating rounds, at 1 and 10 requests in flight. The SDK keeps its rate-limit bucket
and retry loop, with the rate set far above what loopback reaches so that the bucket's
cost is counted but it never waits.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable

import aiohttp
import orjson

from benchmarks._server import running_server
from benchmarks._table import print_table
from cinebody_async import CinebodyClient, RateLimit

REQUESTS = 2000
ROUNDS = 5
PATH = "/app/3.0/projects/8d2c6f1e-3a51-4b7e-9c3f-7e0d1f2a4b5c"


async def _cpu_per_request(call: Callable[[], Awaitable[object]], in_flight: int) -> float:
    """Return client CPU seconds per request for ``REQUESTS`` calls, ``in_flight`` at once."""
    remaining = REQUESTS

    async def worker() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            await call()

    started = time.process_time()
    await asyncio.gather(*(worker() for _ in range(in_flight)))
    return (time.process_time() - started) / REQUESTS


async def main() -> None:
    """Print µs of client CPU per request for raw aiohttp and the SDK, and their ratio."""
    rows = []
    with running_server() as base_url:
        async with (
            aiohttp.ClientSession() as session,
            CinebodyClient(
                "bench-key", base_url=base_url, rate_limit=RateLimit.fixed(1e6, burst=1e6)
            ) as cb,
        ):
            headers = {"x-api-key": "bench-key", "Accept": "application/json"}

            async def raw() -> object:
                async with session.get(base_url + PATH, headers=headers) as answer:
                    return orjson.loads(await answer.read())

            async def sdk() -> object:
                return await cb.request("GET", PATH)

            for in_flight in (1, 10):
                await _cpu_per_request(raw, in_flight)
                await _cpu_per_request(sdk, in_flight)
                raw_times, sdk_times = [], []
                for _ in range(ROUNDS):
                    raw_times.append(await _cpu_per_request(raw, in_flight))
                    sdk_times.append(await _cpu_per_request(sdk, in_flight))
                raw_us = statistics.median(raw_times) * 1e6
                sdk_us = statistics.median(sdk_times) * 1e6
                rows.append((in_flight, raw_us, sdk_us, sdk_us / raw_us))

    print_table(
        "Transport: client CPU per request (median of 5 alternating rounds of 2,000)",
        ["in flight", "raw aiohttp µs", "SDK request() µs", "SDK / raw"],
        rows,
    )
