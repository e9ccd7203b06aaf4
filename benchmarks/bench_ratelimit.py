"""How close the adaptive bucket gets to a rate limit it is not told.

Each case is a FakeCinebody process limiting requests with a token bucket of R requests
a second (burst R), without ``Retry-After``, and one client sending bulk traffic at it
for 30 seconds from 8 tasks (each repeats a small GET as fast as its client allows). All
cases run side by side, each against its own fake. For every R the SDK's default
adaptive client is compared with fixed-rate clients set at 3R (too high) and R/3 (too
low). Figures: successful requests per second over R, the share of requests answered
429, and requests that failed after every retry.
"""

from __future__ import annotations

import asyncio
import contextlib
import time

import attrs

from benchmarks._fake import RunningFake, fake_process
from benchmarks._table import print_table
from cinebody_async import CinebodyClient, RateLimit, RateLimitError

LIMITS = (5, 20, 100)
SECONDS = 30.0
TASKS = 8


@attrs.define
class Outcome:
    """What one client achieved against one limit."""

    successes: int = 0
    failures: int = 0
    rejections: int = 0
    final_rate: float = 0.0


async def _drive(fake: RunningFake, settings: RateLimit) -> Outcome:
    outcome = Outcome()
    async with CinebodyClient(fake.api_key, base_url=fake.url, rate_limit=settings) as cb:
        (project,) = (await cb.request("GET", "/app/3.0/projects", params={"limit": 1}))[
            "projects"
        ]
        path = f"/app/3.0/projects/{project['id']}"
        deadline = time.monotonic() + SECONDS

        async def worker() -> None:
            while time.monotonic() < deadline:
                try:
                    await cb.request("GET", path, params={"attributes": ["id"]})
                    outcome.successes += 1
                except RateLimitError:
                    outcome.failures += 1

        await asyncio.gather(*(worker() for _ in range(TASKS)))
        stats = cb.rate_limit_stats()
        assert stats is not None
        outcome.rejections = stats.rejections
        outcome.final_rate = stats.rate
    # The GET that found the project counts as a success for the server's bucket too.
    outcome.successes += 1
    return outcome


def _clients(limit: int) -> list[tuple[str, RateLimit]]:
    return [
        ("adaptive (default)", RateLimit()),
        ("fixed at 3R", RateLimit.fixed(3 * limit, burst=limit)),
        ("fixed at R/3", RateLimit.fixed(limit / 3, burst=max(1.0, limit / 6))),
    ]


async def main() -> None:
    """Run every case at once and print one row per client and limit."""
    with contextlib.ExitStack() as stack:
        jobs = []
        labels = []
        for limit in LIMITS:
            for name, settings in _clients(limit):
                fake = stack.enter_context(
                    fake_process(
                        "--single-project",
                        "1",
                        "--rate-limit",
                        str(limit),
                        "--burst",
                        str(limit),
                        "--no-retry-after",
                    )
                )
                jobs.append(_drive(fake, settings))
                labels.append((limit, name))
        outcomes = await asyncio.gather(*jobs)

    rows = []
    for (limit, name), outcome in zip(labels, outcomes, strict=True):
        sent = outcome.successes + outcome.rejections
        rows.append(
            (
                limit,
                name,
                outcome.successes / SECONDS / limit,
                f"{100 * outcome.rejections / sent:.1f} %",
                outcome.failures,
                round(outcome.final_rate, 1),
            )
        )
    print_table(
        f"Rate limits: {SECONDS:.0f} s of bulk traffic from {TASKS} tasks per case, side by side",
        ["R/s", "client", "achieved / R", "answered 429", "failed", "final rate"],
        rows,
    )
