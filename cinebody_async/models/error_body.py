"""The body of an API error answer."""

from __future__ import annotations

from typing import ClassVar

import attrs

from cinebody_async.models._base import Model

__all__ = ["ErrorBody"]


@attrs.frozen(kw_only=True, repr=False)
class ErrorBody(Model):
    """What the API says when it refuses a request.

    ``status`` is ``"failure"``; ``code`` is stable UPPER_SNAKE_CASE meant for programs
    (``NO_USER_SLOTS``); ``reason`` explains it to developers and ``friendly_reason``
    in words safe to show to end users.
    """

    _repr_fields: ClassVar[tuple[str, ...] | None] = ("code", "reason")

    status: str | None = None
    code: str | None = None
    reason: str | None = None
    friendly_reason: str | None = None
