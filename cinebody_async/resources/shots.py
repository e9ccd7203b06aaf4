"""A project's shot list and the global shot types."""

from __future__ import annotations

from cinebody_async.resources._base import Resource

__all__ = ["Shots"]


class Shots(Resource):
    """A project's shot list and the global shot types (``cb.shots``)."""

    __slots__ = ()
