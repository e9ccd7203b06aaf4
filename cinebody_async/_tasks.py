"""Running coroutines together so that none outlives a failure of the others."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Sequence
from typing import TypeVar

__all__ = ["gather_or_cancel"]

T = TypeVar("T")


async def gather_or_cancel(coroutines: Sequence[Awaitable[T]]) -> list[T]:
    """Run ``coroutines`` concurrently and return their results in order.

    On the first failure, or when the caller is cancelled, every other one is cancelled
    and awaited before the error propagates, so that no task outlives the call. The
    error is raised as it is, not wrapped in an exception group.

    Raises:
        BaseException: the first error one of ``coroutines`` raised, or the
            cancellation of the caller.
    """
    tasks = [asyncio.ensure_future(coroutine) for coroutine in coroutines]
    try:
        return list(await asyncio.gather(*tasks))
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
