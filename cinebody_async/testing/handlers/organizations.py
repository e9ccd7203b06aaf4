"""Organizations: list, read, update, storage use and statistics."""

from __future__ import annotations

from typing import Any

from cinebody_async.testing.handlers.common import page_of
from cinebody_async.testing.render import pick
from cinebody_async.testing.routing import ApiCall, Route
from cinebody_async.testing.state import FakeState
from cinebody_async.testing.vocabulary import ORGANIZATION_ATTRIBUTES

__all__ = ["ROUTES", "team_storage"]

_TEXT_FIELDS = (
    "name",
    "email",
    "billingName",
    "addressName",
    "addressLine1",
    "addressLine2",
    "addressCity",
    "addressState",
    "addressZip",
    "addressCountry",
)


def list_organizations(call: ApiCall) -> dict[str, Any]:
    """GET /organizations: one page of organizations; no ``count``, as the API."""
    attributes = call.attributes(ORGANIZATION_ATTRIBUTES)
    items = list(call.state.organizations.values())
    return {"organizations": page_of(call, items, lambda org: pick(org, attributes))}


def get_organization(call: ApiCall) -> dict[str, Any]:
    """GET /organizations/{organizationId}."""
    attributes = call.attributes(ORGANIZATION_ATTRIBUTES)
    return {"organization": pick(call.state.organization(call.path("organizationId")), attributes)}


def update_organization(call: ApiCall) -> dict[str, Any]:
    """PATCH /organizations/{organizationId}: names, billing contact, address, auto-upgrade."""
    attributes = call.attributes(ORGANIZATION_ATTRIBUTES)
    organization_id = call.path("organizationId")
    call.state.organization(organization_id)
    changes: dict[str, Any] = {}
    for name in _TEXT_FIELDS:
        if name in call.fields():
            changes[name] = call.field(name, str, nullable=True)
    call.field("stripeToken", str)
    auto = call.field("shouldAutoUpgrade", bool)
    if auto is not None:
        changes["shouldAutoUpgrade"] = auto
    record = call.state.update_record("organization", organization_id, **changes)
    return {"organization": pick(record, attributes)}


def team_storage(state: FakeState, team_id: str) -> dict[str, int]:
    """Return the team's storage use: file count and byte totals of its media files."""
    usage = {"numFiles": 0, "fileSize": 0, "fileSizeSD": 0, "thumbSize": 0, "total": 0}
    for project in state.team_projects(team_id):
        for record in state.iter_project_media_files(project["id"]):
            usage["numFiles"] += 1
            usage["fileSize"] += int(record["fileSize"])
            usage["fileSizeSD"] += int(record["fileSizeSD"])
            usage["thumbSize"] += int(record["thumbSize"])
    usage["total"] = usage["fileSize"] + usage["fileSizeSD"] + usage["thumbSize"]
    return usage


def organization_storage(call: ApiCall) -> dict[str, Any]:
    """GET /organizations/{organizationId}/storage: bytes used, in total and per team."""
    organization_id = call.path("organizationId")
    call.state.organization(organization_id)
    teams = {
        team["id"]: team_storage(call.state, team["id"])
        for team in call.state.organization_teams(organization_id)
    }
    return {
        "totalBytes": sum(usage["total"] for usage in teams.values()),
        "teamStorage": teams,
    }


def organization_stats(call: ApiCall) -> dict[str, Any]:
    """GET /organizations/{organizationId}/stats: teams, projects, clips and filmers."""
    state = call.state
    organization_id = call.path("organizationId")
    state.organization(organization_id)
    teams = state.organization_teams(organization_id)
    projects = [project for team in teams for project in state.team_projects(team["id"])]
    clips = 0
    seconds = 0.0
    filmers: set[str] = set()
    for project in projects:
        for record in state.iter_project_media_files(project["id"]):
            if record["isEdit"]:
                continue
            clips += 1
            seconds += record["lengthSeconds"] or 0
            if record["UserId"]:
                filmers.add(record["UserId"])
    return {
        "stats": {
            "id": organization_id,
            "numTeams": len(teams),
            "numProjects": len(projects),
            "numClips": clips,
            "totalLengthSeconds": seconds,
            "numFilmers": len(filmers),
        }
    }


ROUTES = (
    Route("GET", "/organizations", list_organizations),
    Route("GET", "/organizations/{organizationId}/storage", organization_storage),
    Route("GET", "/organizations/{organizationId}/stats", organization_stats),
    Route("GET", "/organizations/{organizationId}", get_organization),
    Route("PATCH", "/organizations/{organizationId}", update_organization),
)
