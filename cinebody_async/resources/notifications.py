"""Notifications to filmers, sent now or scheduled."""

from __future__ import annotations

from cinebody_async.resources._base import Resource

__all__ = ["Notifications"]


class Notifications(Resource):
    """Notifications to filmers, sent now or scheduled (``cb.notifications``)."""

    __slots__ = ()
