"""Teams: list, create, read, update, delete, profile image and statistics."""

from __future__ import annotations

from typing import Any

from cinebody_async.testing.errors import missing_parameter
from cinebody_async.testing.handlers.common import SUCCESS, page_of, sort_records
from cinebody_async.testing.records import ASSET_HOST
from cinebody_async.testing.render import render_team
from cinebody_async.testing.routing import ApiCall, Route
from cinebody_async.testing.vocabulary import SORT_ORDERS, TEAM_ATTRIBUTES, TEAM_STATUSES

__all__ = ["ROUTES"]

_ADDRESS_FIELDS = (
    "addressName",
    "addressLine1",
    "addressLine2",
    "addressCity",
    "addressState",
    "addressZip",
    "addressCountry",
)


def list_teams(call: ApiCall) -> dict[str, Any]:
    """GET /teams: filters ``organizationIds`` and ``status``; sorts by name or status."""
    state = call.state
    attributes = call.attributes(TEAM_ATTRIBUTES)
    organizations = set(call.strings("organizationIds"))
    status = call.choice("status", TEAM_STATUSES)
    sort_by = call.choice("sortBy", ("name", "status"))
    order = call.choice("sortOrder", SORT_ORDERS)
    teams = [
        team
        for team in state.teams.values()
        if (not organizations or team["OrganizationId"] in organizations)
        and (status is None or team["status"] == status)
    ]
    teams = sort_records(teams, sort_by, order)
    return {
        "count": len(teams),
        "teams": page_of(call, teams, lambda team: render_team(state, team, attributes)),
    }


def _changes(call: ApiCall) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    body = call.fields()
    for name in (*_ADDRESS_FIELDS, "description"):
        if name in body:
            changes[name] = call.field(name, str, nullable=True)
    for name in ("name", "slug"):
        if name in body:
            changes[name] = call.field(name, str, nullable=name == "slug")
    return changes


def create_team(call: ApiCall) -> dict[str, Any]:
    """POST /organizations/{organizationId}/teams: answers the new ``team``."""
    organization_id = call.path("organizationId")
    call.state.organization(organization_id)
    attributes = call.attributes(TEAM_ATTRIBUTES)
    name = call.field("name", str, required=True)
    call.field("profileImage", str, nullable=True)
    changes = _changes(call)
    changes.pop("name", None)
    team = call.state.add_team(organization_id, name, **changes)
    return {"team": render_team(call.state, team, attributes)}


def get_team(call: ApiCall) -> dict[str, Any]:
    """GET /teams/{teamId}."""
    attributes = call.attributes(TEAM_ATTRIBUTES)
    return {"team": render_team(call.state, call.state.team(call.path("teamId")), attributes)}


def update_team(call: ApiCall) -> dict[str, Any]:
    """PATCH /teams/{teamId}: answers the changed ``team`` (the spec's ``organization``
    is one of its copy mistakes)."""
    team_id = call.path("teamId")
    call.state.team(team_id)
    attributes = call.attributes(TEAM_ATTRIBUTES)
    changes = _changes(call)
    published = call.field("pagePublished", bool)
    if published is not None:
        changes["pagePublished"] = published
    status = call.field_choice("status", TEAM_STATUSES)
    if status is not None:
        changes["status"] = status
    team = call.state.update_record("team", team_id, **changes)
    return {"team": render_team(call.state, team, attributes)}


def delete_team(call: ApiCall) -> dict[str, Any]:
    """DELETE /teams/{teamId}: with its projects and their clips."""
    call.state.delete_team(call.path("teamId"))
    return SUCCESS


def update_team_image(call: ApiCall) -> dict[str, Any]:
    """PUT /teams/{teamId}/image: multipart form data with the image in ``fileName``."""
    team_id = call.path("teamId")
    call.state.team(team_id)
    if not call.form.get("fileName"):
        raise missing_parameter("fileName")
    image_id = call.state.new_id()
    base = f"{ASSET_HOST}/teams/team-{team_id}/profileImages/{image_id}"
    call.state.update_record(
        "team",
        team_id,
        profileImages={
            "profile80": f"{base}--X80.jpg",
            "profile80@2x": f"{base}--X80@2x.jpg",
            "profile150": f"{base}--X150.jpg",
            "profile150@2x": f"{base}--X150@2x.jpg",
        },
    )
    return SUCCESS


def team_stats(call: ApiCall) -> dict[str, Any]:
    """GET /teams/{teamId}/stats: project and user counts, moderation counts per project."""
    state = call.state
    team_id = call.path("teamId")
    state.team(team_id)
    projects = state.team_projects(team_id)
    per_project = {project["id"]: state.media_counts(project["id"]) for project in projects}
    totals: dict[str, dict[str, int]] = {
        "edits": {"approved": 0, "rejected": 0, "pending": 0},
        "videos": {"approved": 0, "rejected": 0, "pending": 0},
    }
    for counts in per_project.values():
        for kind, by_status in counts.items():
            for status, number in by_status.items():
                totals[kind][status] += number
    return {
        "stats": {
            "numProjects": len(projects),
            "numUsers": len(state.team_users[team_id]),
            "teamCounts": totals,
            "projectCounts": per_project,
        }
    }


ROUTES = (
    Route("POST", "/organizations/{organizationId}/teams", create_team),
    Route("GET", "/teams", list_teams),
    Route("GET", "/teams/{teamId}/stats", team_stats),
    Route("GET", "/teams/{teamId}", get_team),
    Route("DELETE", "/teams/{teamId}", delete_team),
    Route("PATCH", "/teams/{teamId}", update_team),
    Route("PUT", "/teams/{teamId}/image", update_team_image, multipart=True),
)
