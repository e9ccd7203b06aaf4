"""The fake API's route handlers, one module per API area; :data:`ROUTES` lists all 50."""

from __future__ import annotations

from cinebody_async.testing.handlers import (
    catalog,
    media_files,
    notifications,
    organizations,
    projects,
    shots,
    teams,
    uploads,
    users,
)
from cinebody_async.testing.routing import Route

__all__ = ["ROUTES"]

ROUTES: tuple[Route, ...] = (
    *catalog.ROUTES,
    *organizations.ROUTES,
    *users.ROUTES,
    *teams.ROUTES,
    *projects.ROUTES,
    *shots.ROUTES,
    *uploads.ROUTES,
    *media_files.ROUTES,
    *notifications.ROUTES,
)
