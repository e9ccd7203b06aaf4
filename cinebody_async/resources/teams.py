"""Teams, their stats, images and settings."""

from __future__ import annotations

from cinebody_async.resources._base import Resource

__all__ = ["Teams"]


class Teams(Resource):
    """Teams, their stats, images and settings (``cb.teams``)."""

    __slots__ = ()
