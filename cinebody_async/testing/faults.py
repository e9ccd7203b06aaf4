"""Fault injection: rate limits, error statuses, latency, dropped connections, bad bodies.

Every setting applies to every API route (``route=None``) or to the routes a selector
names. A selector is a route name (``"GET /projects/{projectId}/clips"``), a template
without method (``"/projects/{projectId}/clips"``: any method), or a concrete path
with or without method and ``/app/3.0`` prefix (``"/app/3.0/projects/p1/clips"``).
The fake S3's routes are ``"PUT /s3/uploads/{filename}"`` (part uploads) and
``"GET /s3/files/{filename}"`` (downloads); settings without a route leave them alone.

For each request :meth:`Faults.plan` decides, in this order: the latency to add; the
next scripted answer, if a script for the route has one left (a scripted ``None``
answers normally and skips every random fault); the token buckets; the error
shares; the HTML error share; dropping the connection before answering; then, after
the handler ran, dropping the connection in the middle of the body or truncating
the JSON. Random draws come from one ``random.Random`` seeded by the fake's seed, so
a run repeats; the buckets read ``clock`` and the latency awaits ``sleep``, both
replaceable for tests that must not depend on time.
"""

from __future__ import annotations

import asyncio
import math
import random
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

from cinebody_async.testing.routing import API_PREFIX

__all__ = [
    "S3_OBJECT_ROUTE",
    "S3_PART_ROUTE",
    "Faults",
    "Plan",
    "Reply",
    "ScriptItem",
    "TokenBucket",
]

S3_PART_ROUTE = "PUT /s3/uploads/{filename}"
S3_OBJECT_ROUTE = "GET /s3/files/{filename}"

_SCRIPT_WORDS = ("drop", "drop_during", "truncate", "html")


@dataclass(frozen=True)
class Reply:
    """A complete answer to send instead of the handler's: status, headers and body.

    ``body`` is bytes or text as is, a dict or list as JSON, or ``None`` for the
    route's usual error body of that status.
    """

    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes | str | dict[str, Any] | list[Any] | None = None


ScriptItem: TypeAlias = Reply | int | str | None
"""One scripted answer: ``None`` (answer normally), an HTTP status (an error answer of
that status), ``"drop"``, ``"drop_during"``, ``"truncate"``, ``"html"``, or a
:class:`Reply`."""


@dataclass
class Plan:
    """What to do with one request, as :meth:`Faults.plan` decided."""

    delay: float = 0.0
    reply: Reply | None = None
    html_status: int | None = None
    drop_before: bool = False
    drop_during: bool = False
    truncate: bool = False
    kind: str | None = None

    @property
    def faulty(self) -> bool:
        """Whether the request gets anything but its normal answer (latency aside)."""
        return self.kind is not None


class TokenBucket:
    """``rate`` tokens a second, at most ``burst`` stored; a request takes one."""

    def __init__(self, rate: float, burst: float, now: float) -> None:
        self.rate = rate
        self.burst = burst
        self.tokens = burst
        self.updated = now

    def take(self, now: float) -> float:
        """Take a token at time ``now``: return 0.0, or the seconds until one is free."""
        self.tokens = min(self.burst, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return 0.0
        return (1.0 - self.tokens) / self.rate


@dataclass
class _Selector:
    method: str | None
    path: str | None

    @classmethod
    def parse(cls, text: str | None) -> _Selector:
        """Return the selector ``text`` spells (``None``: every API route)."""
        if text is None:
            return cls(None, None)
        method, _, rest = text.strip().partition(" ")
        if not rest:
            method, rest = "", method
        path = rest.strip()
        if path.startswith(API_PREFIX + "/"):
            path = path[len(API_PREFIX) :]
        return cls(method.upper() or None, path)

    def matches(self, route_key: str, path: str) -> bool:
        """Return whether a request to ``route_key`` at ``path`` is selected."""
        method, _, template = route_key.partition(" ")
        if self.path is None:
            return not template.startswith("/s3/")
        if self.method is not None and self.method != method:
            return False
        concrete = path[len(API_PREFIX) :] if path.startswith(API_PREFIX + "/") else path
        return self.path in (template, concrete)


@dataclass
class _RateLimit:
    where: _Selector
    rate: float
    burst: float
    status: int
    retry_after: bool
    buckets: dict[str, TokenBucket] = field(default_factory=dict)
    per_route: bool = False


@dataclass
class _Share:
    where: _Selector
    share: float
    statuses: tuple[int, ...] = ()


@dataclass
class _Latency:
    where: _Selector
    fixed: float
    jitter: float


class Faults:
    """The fault settings of one fake; change them at any time, even mid-run."""

    def __init__(self, seed: int = 0) -> None:
        self.rng = random.Random(f"faults-{seed}")
        self.clock: Callable[[], float] = time.monotonic
        self.sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
        self._limits: list[_RateLimit] = []
        self._errors: list[_Share] = []
        self._html: list[_Share] = []
        self._drops: list[tuple[_Share, Literal["before", "during"]]] = []
        self._truncations: list[_Share] = []
        self._latencies: list[_Latency] = []
        self._scripts: list[tuple[_Selector, deque[ScriptItem]]] = []

    def clear(self) -> None:
        """Remove every setting and script; the fake answers normally again."""
        self._limits.clear()
        self._errors.clear()
        self._html.clear()
        self._drops.clear()
        self._truncations.clear()
        self._latencies.clear()
        self._scripts.clear()

    def rate_limit(
        self,
        rate: float,
        burst: float = 1,
        status: int = 429,
        retry_after: bool = True,
        route: str | None = None,
        per_route: bool = False,
    ) -> None:
        """Answer ``status`` (429 or 420) once a token bucket of ``rate`` requests a
        second and ``burst`` requests is empty.

        ``Retry-After`` (whole seconds until a token is free, at least 1) is sent when
        ``retry_after``. One bucket serves every matching route, as the API limits per
        key, unless ``per_route`` gives each route its own. Raise ``ValueError`` for a
        rate or burst that is not positive.
        """
        if rate <= 0 or burst < 1:
            msg = "rate must be positive and burst at least 1"
            raise ValueError(msg)
        self._limits.append(
            _RateLimit(
                _Selector.parse(route), rate, burst, status, retry_after, per_route=per_route
            )
        )

    def errors(
        self,
        share: float,
        statuses: Sequence[int] = (500, 502, 503),
        route: str | None = None,
    ) -> None:
        """Answer a share of requests (0.0 to 1.0) with one of ``statuses``, drawn at random."""
        self._errors.append(_Share(_Selector.parse(route), _share(share), tuple(statuses)))

    def html_error(self, share: float, status: int = 502, route: str | None = None) -> None:
        """Answer a share of requests with a proxy's HTML error page of ``status``."""
        self._html.append(_Share(_Selector.parse(route), _share(share), (status,)))

    def latency(self, fixed: float = 0.0, jitter: float = 0.0, route: str | None = None) -> None:
        """Delay every answer by ``fixed`` seconds plus a uniform draw from 0 to ``jitter``."""
        if fixed < 0 or jitter < 0:
            msg = "latency and jitter must not be negative"
            raise ValueError(msg)
        self._latencies.append(_Latency(_Selector.parse(route), fixed, jitter))

    def drop(
        self,
        share: float,
        when: Literal["before", "during"] = "before",
        route: str | None = None,
    ) -> None:
        """Close the connection for a share of requests, without answering
        (``"before"``: the handler does not run) or halfway through the body
        (``"during"``: the handler ran, its changes are kept)."""
        if when not in ("before", "during"):
            msg = f"when must be 'before' or 'during', not {when!r}"
            raise ValueError(msg)
        self._drops.append((_Share(_Selector.parse(route), _share(share)), when))

    def truncate_json(self, share: float, route: str | None = None) -> None:
        """Answer a share of requests with a 200 whose JSON body is cut in half (the
        handler ran; ``Content-Length`` matches the cut body)."""
        self._truncations.append(_Share(_Selector.parse(route), _share(share)))

    def script(self, route: str, answers: Iterable[ScriptItem]) -> None:
        """Queue the next answers of the routes ``route`` selects, in order.

        Each item is ``None`` (a normal answer), an HTTP status (that status's error
        body; add headers such as ``Retry-After`` with a :class:`Reply`), ``"drop"``,
        ``"drop_during"``, ``"truncate"``, ``"html"`` or a :class:`Reply`. After the
        last item the random settings apply again. Raise ``ValueError`` for an
        unknown item.
        """
        items: deque[ScriptItem] = deque()
        for item in answers:
            if isinstance(item, str) and item not in _SCRIPT_WORDS:
                msg = f"unknown scripted answer {item!r}; use one of {_SCRIPT_WORDS}"
                raise ValueError(msg)
            items.append(item)
        self._scripts.append((_Selector.parse(route), items))

    def pending_script(self, route: str) -> int:
        """Return how many scripted answers are still queued for the selector ``route``."""
        wanted = _Selector.parse(route)
        return sum(len(items) for where, items in self._scripts if where == wanted)

    def plan(self, route_key: str, path: str) -> Plan:
        """Decide the fate of one request to ``route_key`` at ``path``."""
        plan = Plan()
        for latency in self._latencies:
            if latency.where.matches(route_key, path):
                plan.delay += latency.fixed
                if latency.jitter:
                    plan.delay += self.rng.uniform(0.0, latency.jitter)
        for where, items in self._scripts:
            if items and where.matches(route_key, path):
                return self._scripted(plan, items.popleft())
        for limit in self._limits:
            if limit.where.matches(route_key, path):
                self._limited(plan, limit, route_key)
                if plan.reply is not None:
                    return plan
        for setting in self._errors:
            if setting.where.matches(route_key, path) and self.rng.random() < setting.share:
                plan.reply = Reply(self.rng.choice(setting.statuses))
                plan.kind = "error"
                return plan
        for setting in self._html:
            if setting.where.matches(route_key, path) and self.rng.random() < setting.share:
                plan.html_status = setting.statuses[0]
                plan.kind = "html"
                return plan
        for setting, when in self._drops:
            if setting.where.matches(route_key, path) and self.rng.random() < setting.share:
                plan.drop_before = when == "before"
                plan.drop_during = when == "during"
                plan.kind = f"drop_{when}"
                return plan
        for setting in self._truncations:
            if setting.where.matches(route_key, path) and self.rng.random() < setting.share:
                plan.truncate = True
                plan.kind = "truncate"
                return plan
        return plan

    def _limited(self, plan: Plan, limit: _RateLimit, route_key: str) -> None:
        bucket_key = route_key if limit.per_route else ""
        now = self.clock()
        bucket = limit.buckets.get(bucket_key)
        if bucket is None:
            bucket = limit.buckets[bucket_key] = TokenBucket(limit.rate, limit.burst, now)
        wait = bucket.take(now)
        if wait:
            headers = {"Retry-After": str(max(1, math.ceil(wait)))} if limit.retry_after else {}
            plan.reply = Reply(limit.status, headers)
            plan.kind = "rate_limit"

    @staticmethod
    def _scripted(plan: Plan, item: ScriptItem) -> Plan:
        if item is None:
            return plan
        plan.kind = "script"
        if isinstance(item, Reply):
            plan.reply = item
        elif isinstance(item, int):
            plan.reply = Reply(item)
        elif item == "drop":
            plan.drop_before = True
        elif item == "drop_during":
            plan.drop_during = True
        elif item == "truncate":
            plan.truncate = True
        else:
            plan.html_status = 502
        return plan


def _share(share: float) -> float:
    if not 0.0 <= share <= 1.0:
        msg = f"share must be between 0 and 1, not {share}"
        raise ValueError(msg)
    return share
