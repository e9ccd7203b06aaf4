"""Projects: filming campaigns, their join codes, images and stats."""

from __future__ import annotations

from cinebody_async.resources._base import Resource

__all__ = ["Projects"]


class Projects(Resource):
    """Projects: filming campaigns, their join codes, images and stats (``cb.projects``)."""

    __slots__ = ()
