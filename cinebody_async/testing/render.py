"""Turn stored records into response objects: derived fields, then ``attributes`` trimming.

Stored records hold what a resource owns; the API also answers fields computed from
other records (a team's user counts, a project's moderation counts, the team and user
names on a clip). Each ``render_*`` function adds those and keeps only the requested
``attributes`` when the request named any.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cinebody_async.testing.records import ASSET_HOST
from cinebody_async.testing.state import FakeState

__all__ = [
    "pick",
    "render_media_file",
    "render_project",
    "render_team",
    "render_user",
]

_THUMBNAILS_PER_CLIP = 3


def pick(record: dict[str, Any], attributes: Sequence[str] | None) -> dict[str, Any]:
    """Return ``record`` itself, or a copy with only ``attributes`` when given."""
    if not attributes:
        return record
    return {name: record[name] for name in attributes if name in record}


def _wants(attributes: Sequence[str] | None, name: str) -> bool:
    return not attributes or name in attributes


def render_team(
    state: FakeState, team: dict[str, Any], attributes: Sequence[str] | None = None
) -> dict[str, Any]:
    """Return the team with ``userCounts``, ``teamClipCount`` and ``hasAnIncentive``."""
    body = dict(team)
    if _wants(attributes, "userCounts"):
        members = state.team_users.get(team["id"], {})
        org_admins = state.organization_users.get(team["OrganizationId"], {})
        admins = sum(1 for kind in members.values() if kind == "admin")
        body["userCounts"] = {
            "regular": len(members) - admins,
            "admin": admins,
            "orgAdmin": sum(1 for kind in org_admins.values() if kind == "admin"),
        }
    if _wants(attributes, "teamClipCount") or _wants(attributes, "hasAnIncentive"):
        projects = state.team_projects(team["id"])
        body["teamClipCount"] = sum(
            state.project_media_file_count(project["id"]) for project in projects
        )
        body["hasAnIncentive"] = any(
            project.get("incentive") and project.get("newStatus", "active") == "active"
            for project in projects
        )
    return pick(body, attributes)


def render_project(
    state: FakeState, project: dict[str, Any], attributes: Sequence[str] | None = None
) -> dict[str, Any]:
    """Return the project with ``mediaCounts``, ``userCounts`` and ``newStatus``."""
    body = dict(project)
    body.setdefault("newStatus", project["status"])
    if project["id"] in state.projects:
        if _wants(attributes, "mediaCounts"):
            body["mediaCounts"] = state.media_counts(project["id"])
        if _wants(attributes, "userCounts"):
            members = state.project_users.get(project["id"], {})
            body["userCounts"] = {"users": len(members)}
    return pick(body, attributes)


def render_user(
    user: dict[str, Any],
    attributes: Sequence[str] | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Return the user, with ``extra`` fields (``teamUserType``, ...) added after trimming."""
    body = pick(user, attributes)
    if extra:
        body = {**body, **extra}
    return body


def render_media_file(
    state: FakeState, media_file: dict[str, Any], attributes: Sequence[str] | None = None
) -> dict[str, Any]:
    """Return the media file with its thumbnails and its team's and user's names."""
    body = dict(media_file)
    team = state.teams.get(media_file["TeamId"] or "")
    user = state.users.get(media_file["UserId"] or "")
    if _wants(attributes, "thumbnails"):
        folder = f"{ASSET_HOST}/teams/team-{media_file['TeamId']}/mediaThumbs"
        stem = media_file["thumbnailUUID"]
        body["thumbnails"] = (
            [f"{folder}/{stem}-{n:05d}.jpg" for n in range(1, _THUMBNAILS_PER_CLIP + 1)]
            if stem and media_file["transcoded"]
            else []
        )
    body["teamName"] = team["name"] if team else ""
    body["teamProfileImages"] = team["profileImages"] if team else {}
    body["userName"] = user["name"] if user else "Filmer"
    body["userProfileImages"] = user["profileImages"] if user else {}
    return pick(body, attributes)
