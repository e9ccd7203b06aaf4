"""The API's own TypeScript type definitions."""

from __future__ import annotations

from cinebody_async.resources._base import Resource

__all__ = ["Types"]


class Types(Resource):
    """The API's own TypeScript type definitions (``cb.types``)."""

    __slots__ = ()
