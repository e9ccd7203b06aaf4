"""The adaptive rate controller and its bucket, against an injected clock."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Mapping
from typing import Any

import pytest

from cinebody_async import CinebodyClient, RateLimit, Retry, _ratelimit, _retry
from cinebody_async._pagination import ListOperation, Pager
from cinebody_async._ratelimit import RateController, RequestLimiter, Ticket
from cinebody_async.testing import FakeCinebody, Reply, SeedOptions


class Clock:
    """A clock that only moves when told to."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


def controller(clock: Clock, **settings: object) -> RateController:
    return RateController(RateLimit(**settings), clock=clock)  # type: ignore[arg-type]


def busy_seconds(control: RateController, clock: Clock, seconds: int) -> None:
    """Report requests that waited for their token, ten a second, for ``seconds``."""
    for _ in range(seconds * 10):
        clock.advance(0.1)
        control.on_success(Ticket(epoch=control.epoch, waited=True), clock())


def test_rejection_cuts_the_rate_and_pauses(clock: Clock) -> None:
    control = controller(clock, rate=10)

    control.on_rejection(Ticket(epoch=0, waited=True), clock(), retry_after=None)

    assert control.rate == pytest.approx(5.0)
    assert control.paused_for(clock()) == pytest.approx(5 / 5)
    stats = control.stats()
    assert (stats.rejections, stats.cuts, stats.limit_estimate) == (1, 1, 10.0)


def test_retry_after_sets_the_pause(clock: Clock) -> None:
    control = controller(clock, rate=10)

    control.on_rejection(Ticket(epoch=0, waited=False), clock(), retry_after=3.0)

    assert control.paused_for(clock()) == 3.0
    clock.advance(2.5)
    assert control.paused_for(clock()) == pytest.approx(0.5)
    clock.advance(1)
    assert control.paused_for(clock()) == 0


def test_a_burst_of_rejections_cuts_once(clock: Clock) -> None:
    control = controller(clock, rate=10)
    in_flight = [Ticket(epoch=control.epoch, waited=True) for _ in range(8)]

    for ticket in in_flight:
        control.on_rejection(ticket, clock(), retry_after=None)

    assert control.rate == pytest.approx(5.0)
    assert control.stats().cuts == 1
    assert control.stats().rejections == 8


def test_a_rejection_after_the_cut_cuts_again(clock: Clock) -> None:
    control = controller(clock, rate=10)
    control.on_rejection(Ticket(epoch=0, waited=True), clock(), retry_after=None)

    control.on_rejection(Ticket(epoch=control.epoch, waited=True), clock(), retry_after=None)

    assert control.rate == pytest.approx(3.5)
    assert control.stats().cuts == 2


def test_cuts_stop_at_the_floor(clock: Clock) -> None:
    control = controller(clock, rate=10, floor=2)

    for _ in range(20):
        control.on_rejection(Ticket(epoch=control.epoch, waited=True), clock(), None)

    assert control.rate == 2


def rates_after_busy_seconds(control: RateController, clock: Clock, seconds: int) -> list[float]:
    """Report one waiting request now, then one per second; return the rate after each."""
    control.on_success(Ticket(epoch=control.epoch, waited=True), clock())
    rates = []
    for _ in range(seconds):
        clock.advance(1.0)
        control.on_success(Ticket(epoch=control.epoch, waited=True), clock())
        rates.append(round(control.rate, 3))
    return rates


def test_slow_start_doubles_each_busy_second(clock: Clock) -> None:
    control = controller(clock, rate=10)

    assert rates_after_busy_seconds(control, clock, 3) == [20, 40, 80]


def test_a_later_cut_uses_the_throughput_measured_since_the_last(clock: Clock) -> None:
    control = controller(clock, rate=10)
    control.on_rejection(Ticket(epoch=0, waited=True), clock(), None)
    assert control.rate == pytest.approx(5.0)

    clock.advance(control.paused_for(clock()))
    for _ in range(16):
        clock.advance(0.25)
        control.on_success(Ticket(epoch=control.epoch, waited=False), clock())
    control.on_rejection(Ticket(epoch=control.epoch, waited=True), clock(), None)

    assert control.stats().limit_estimate == pytest.approx(4.0)
    assert control.rate == pytest.approx(3.6)


def test_a_cut_soon_after_another_has_no_measure(clock: Clock) -> None:
    control = controller(clock, rate=10)
    control.on_rejection(Ticket(epoch=0, waited=True), clock(), None)
    clock.advance(0.5)
    control.on_success(Ticket(epoch=control.epoch, waited=False), clock())

    control.on_rejection(Ticket(epoch=control.epoch, waited=True), clock(), None)

    assert control.rate == pytest.approx(3.5)


def test_an_idle_client_does_not_grow(clock: Clock) -> None:
    control = controller(clock, rate=10)

    for _ in range(100):
        clock.advance(0.5)
        control.on_success(Ticket(epoch=0, waited=False), clock())

    assert control.rate == 10


def test_growth_stops_at_the_ceiling(clock: Clock) -> None:
    control = controller(clock, rate=10, ceiling=40)

    busy_seconds(control, clock, 30)

    assert control.rate == 40


def test_recovery_is_quick_to_nine_tenths_then_slow(clock: Clock) -> None:
    control = controller(clock, rate=100)
    control.on_rejection(Ticket(epoch=0, waited=True), clock(), None)
    assert control.rate == pytest.approx(50)

    assert rates_after_busy_seconds(control, clock, 9) == [
        55,
        60.5,
        66.55,
        73.205,
        80.526,
        88.578,
        90,
        91,
        92,
    ]


def test_fixed_rate_never_changes(clock: Clock) -> None:
    control = controller(clock, rate=10, adaptive=False)

    control.on_rejection(Ticket(epoch=0, waited=True), clock(), None)
    busy_seconds(control, clock, 10)

    assert control.rate == 10
    assert control.stats().rejections == 1
    assert control.stats().cuts == 0


def test_rate_changes_are_logged_at_info(clock: Clock, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="cinebody")
    control = controller(clock, rate=10)

    control.on_rejection(Ticket(epoch=0, waited=True), clock(), None)
    busy_seconds(control, clock, 2)

    messages = [record.getMessage() for record in caplog.records]
    assert any("lowered from 10.00 to 5.00" in message for message in messages)
    assert any("raised from 5.00" in message for message in messages)


def test_settings_bounds_are_checked() -> None:
    with pytest.raises(ValueError, match="floor"):
        RateLimit(floor=10, ceiling=5)


async def test_bucket_waits_out_a_pause_before_admitting(
    clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)
        clock.advance(seconds)

    monkeypatch.setattr(_retry, "sleep", fake_sleep)
    control = controller(clock, rate=10)
    limiter = RequestLimiter(control)
    control.on_rejection(Ticket(epoch=0, waited=True), clock(), retry_after=2.0)

    ticket = await limiter.acquire()

    assert slept == [2.0]
    assert ticket.epoch == 1
    assert control.stats().waited == pytest.approx(2.0)


async def test_a_slow_rate_still_admits_requests(clock: Clock) -> None:
    control = controller(clock, rate=0.5, burst=1, floor=0.5)
    limiter = RequestLimiter(control)

    ticket = await limiter.acquire()

    assert ticket.epoch == 0


def test_shared_setting_shares_one_controller_per_key() -> None:
    shared = RateLimit(shared=True)
    first = CinebodyClient("key-a", rate_limit=shared)
    second = CinebodyClient("key-a", rate_limit=shared)
    other = CinebodyClient("key-b", rate_limit=shared)
    alone = CinebodyClient("key-a")

    def control(cb: CinebodyClient) -> RateController:
        limiter = cb._transport._limiter
        assert limiter is not None
        return limiter.controller

    assert control(first) is control(second)
    assert control(first) is not control(other)
    assert control(first) is not control(alone)


async def test_shared_clients_on_one_loop_draw_from_one_bucket() -> None:
    shared = RateLimit(shared=True, rate=3, burst=3)
    first = CinebodyClient("key-c", rate_limit=shared)._transport._limiter
    second = CinebodyClient("key-c", rate_limit=shared)._transport._limiter
    assert isinstance(first, _ratelimit.SharedLimiter)
    assert isinstance(second, _ratelimit.SharedLimiter)

    loop = asyncio.get_running_loop()
    assert first._for_loop(loop) is second._for_loop(loop)


def test_stats_are_none_without_a_limit() -> None:
    assert CinebodyClient("k", rate_limit=False).rate_limit_stats() is None
    stats = CinebodyClient("k").rate_limit_stats()
    assert stats is not None
    assert stats.rate == 10


# End to end against a server-side limit the client is not told about ------------------------


def clip_pager(cb: CinebodyClient, fake: FakeCinebody, limit: int) -> Pager[dict[str, Any]]:
    (project,) = fake.state.projects

    async def request(path: str, params: Mapping[str, object]) -> Any:
        return await cb.request("GET", path, params=params)

    operation: ListOperation[dict[str, Any]] = ListOperation(
        path=f"/app/3.0/projects/{project}/clips", item_keys=("mediaFiles",), parse=list
    )
    return Pager(request, operation, limit=limit)


@pytest.fixture
async def limited_fake() -> AsyncIterator[FakeCinebody]:
    options = SeedOptions.single_project(clips=300, edits_per_project=0)
    async with FakeCinebody(seed=13, seed_options=options) as fake:
        yield fake


async def test_bulk_fetch_under_an_unknown_limit_gets_every_item(
    limited_fake: FakeCinebody,
) -> None:
    fake = limited_fake
    fake.faults.rate_limit(rate=40, burst=5, retry_after=False)
    settings = RateLimit(rate=80, burst=10)

    async with CinebodyClient(
        fake.api_key, base_url=fake.url, rate_limit=settings, retry=Retry(max_retries=20)
    ) as cb:
        items = await clip_pager(cb, fake, limit=10).all(concurrency=6)
        stats = cb.rate_limit_stats()

    assert len({item["id"] for item in items}) == 300
    assert stats is not None
    assert stats.rejections > 0
    assert stats.cuts >= 1
    assert stats.rate < 80
    assert fake.counters.faults["GET /projects/{projectId}/clips"] == stats.rejections


async def test_retry_after_pauses_every_task(limited_fake: FakeCinebody) -> None:
    fake = limited_fake
    arrivals: list[float] = []

    async def note_arrival(seconds: float) -> None:
        arrivals.append(time.monotonic())

    fake.faults.sleep = note_arrival
    fake.faults.latency(fixed=0.001)
    fake.faults.script(
        "GET /projects/{projectId}/clips", [None, None, Reply(429, {"Retry-After": "1"})]
    )

    async with CinebodyClient(
        fake.api_key, base_url=fake.url, rate_limit=RateLimit(rate=1000, burst=1000)
    ) as cb:
        items = await clip_pager(cb, fake, limit=10).all(concurrency=4)

    assert len(items) == 300
    rejected_at = arrivals[2]
    concurrency = 4
    early = [moment for moment in arrivals[3:] if moment < rejected_at + 0.95]
    # Only requests already under way when the 429 came back may arrive during the pause.
    assert len(early) <= concurrency - 1
    assert len(arrivals) == 31


async def test_a_fixed_rate_does_not_adapt(limited_fake: FakeCinebody) -> None:
    fake = limited_fake
    fake.faults.rate_limit(rate=30, burst=3, retry_after=False)

    async with CinebodyClient(
        fake.api_key,
        base_url=fake.url,
        rate_limit=RateLimit.fixed(60, burst=6),
        retry=Retry(max_retries=30),
    ) as cb:
        items = await clip_pager(cb, fake, limit=20).all(concurrency=4)
        stats = cb.rate_limit_stats()

    assert len(items) == 300
    assert stats is not None
    assert stats.rejections > 0
    assert (stats.rate, stats.cuts, stats.adaptive) == (60, 0, False)


def test_occasional_waits_far_apart_do_not_grow_the_rate(clock: Clock) -> None:
    control = controller(clock, rate=10)

    for _ in range(10):
        clock.advance(60)
        control.on_success(Ticket(epoch=control.epoch, waited=True), clock())

    assert control.rate == 10
