"""Membership of users in organizations, teams and projects."""

from __future__ import annotations

from cinebody_async.resources._base import Resource

__all__ = ["Users"]


class Users(Resource):
    """Membership of users in organizations, teams and projects (``cb.users``)."""

    __slots__ = ()
