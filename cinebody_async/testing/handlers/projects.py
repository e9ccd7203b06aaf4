"""Projects: list, create, read, update, delete, image, join codes, templates and stats.

``newStatus`` is derived from the dates when a project is created or updated:
``upcoming`` before ``startAt``, ``inactive`` after ``endAt``, else ``active``; a
project set ``archived`` or ``inactive`` keeps that status. The ``status`` filter of
the list matches ``newStatus``. Without ``sortBy`` projects come oldest first.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from cinebody_async.testing.errors import bad_value, missing_parameter
from cinebody_async.testing.handlers.common import SUCCESS, page_of, sort_records, text_matches
from cinebody_async.testing.records import ASSET_HOST, iso
from cinebody_async.testing.render import pick, render_project
from cinebody_async.testing.routing import ApiCall, Route
from cinebody_async.testing.vocabulary import (
    NOTIFICATION_STATUSES,
    PROJECT_ATTRIBUTES,
    PROJECT_ORIENTATIONS,
    PROJECT_PUBLISH_STATUSES,
    PROJECT_STATUSES,
    PROJECT_TYPES,
    SHOT_ATTRIBUTES,
    SORT_ORDERS,
)

__all__ = ["ROUTES", "derived_status"]

_REQUIRED_ON_CREATE = ("teamId", "title", "description", "orientation", "shootType", "type")


def derived_status(project: dict[str, Any], now: datetime) -> str:
    """Return a project's ``newStatus`` from its ``status`` and its dates at ``now``."""
    if project["status"] in ("archived", "inactive"):
        return str(project["status"])
    stamp = iso(now)
    if project.get("startAt") and stamp < project["startAt"]:
        return "upcoming"
    if project.get("endAt") and stamp > project["endAt"]:
        return "inactive"
    return "active"


def list_projects(call: ApiCall) -> dict[str, Any]:
    """GET /projects: filters by title, orientation, type, statuses, organizations, teams."""
    state = call.state
    attributes = call.attributes(PROJECT_ATTRIBUTES)
    query = call.text("q")
    sort_by = call.choice("sortBy", ("title", "orientation", "startAt", "endAt"))
    order = call.choice("sortOrder", SORT_ORDERS)
    wanted = {
        "orientation": call.choice("orientation", PROJECT_ORIENTATIONS),
        "type": call.choice("type", PROJECT_TYPES),
        "publishStatus": call.choice("publishStatus", PROJECT_PUBLISH_STATUSES),
        "newStatus": call.choice("status", PROJECT_STATUSES),
    }
    organizations = set(call.strings("organizationIds"))
    teams = set(call.strings("teamIds"))
    projects = [
        project
        for project in state.projects.values()
        if text_matches(query, project["title"])
        and (not organizations or project["OrganizationId"] in organizations)
        and (not teams or project["TeamId"] in teams)
        and all(
            value is None or project.get(name, project["status"]) == value
            for name, value in wanted.items()
        )
    ]
    projects = sort_records(projects, sort_by, order)
    return {
        "count": len(projects),
        "projects": page_of(call, projects, lambda p: render_project(state, p, attributes)),
    }


def _changes(call: ApiCall) -> dict[str, Any]:
    body = call.fields()
    changes: dict[str, Any] = {}
    for name in ("title", "description", "shootType"):
        if name in body:
            changes[name] = call.field(name, str, nullable=name == "description")
    for name in ("joinCode", "startAt", "endAt", "incentive"):
        if name in body:
            changes[name] = call.field(name, str, nullable=True)
    for name in ("startAt", "endAt"):
        value = changes.get(name)
        if value is not None:
            try:
                moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                raise bad_value(name, f"{value!r} is not an ISO 8601 date") from None
            changes[name] = iso(moment) if moment.tzinfo else value
    choices = {
        "orientation": PROJECT_ORIENTATIONS,
        "type": PROJECT_TYPES,
        "status": PROJECT_STATUSES,
        "publishStatus": PROJECT_PUBLISH_STATUSES,
    }
    for name, allowed in choices.items():
        value = call.field_choice(name, allowed)
        if value is not None:
            changes[name] = value
    geo = call.field("isGeoVisible", bool)
    if geo is not None:
        changes["isGeoVisible"] = geo
    return changes


def create_project(call: ApiCall) -> dict[str, Any]:
    """POST /projects: needs teamId, title, description, orientation, shootType and type."""
    state = call.state
    attributes = call.attributes(PROJECT_ATTRIBUTES)
    for name in _REQUIRED_ON_CREATE:
        if call.fields().get(name) in (None, ""):
            raise missing_parameter(name)
    team = state.team(call.field("teamId", str, required=True))
    project = state.add_project(team["id"], **_changes(call))
    project["newStatus"] = derived_status(project, state.now())
    return {"project": render_project(state, project, attributes)}


def get_project(call: ApiCall) -> dict[str, Any]:
    """GET /projects/{projectId}."""
    attributes = call.attributes(PROJECT_ATTRIBUTES)
    project = call.state.project(call.path("projectId"))
    return {"project": render_project(call.state, project, attributes)}


def update_project(call: ApiCall) -> dict[str, Any]:
    """PATCH /projects/{projectId}: any field of the create call but ``teamId``."""
    state = call.state
    attributes = call.attributes(PROJECT_ATTRIBUTES)
    project_id = call.path("projectId")
    state.project(project_id)
    project = state.update_project(project_id, **_changes(call))
    project["newStatus"] = derived_status(project, state.now())
    return {"project": render_project(state, project, attributes)}


def delete_project(call: ApiCall) -> dict[str, Any]:
    """DELETE /projects/{projectId}: with its clips, shots and notifications."""
    call.attributes(PROJECT_ATTRIBUTES)
    call.state.delete_project(call.path("projectId"))
    return SUCCESS


def update_project_image(call: ApiCall) -> dict[str, Any]:
    """PUT /projects/{projectId}/image: multipart form data with the image in ``fileName``."""
    project_id = call.path("projectId")
    call.state.project(project_id)
    if not call.form.get("fileName"):
        raise missing_parameter("fileName")
    image_id = call.state.new_id()
    base = f"{ASSET_HOST}/projectImages/{image_id}"
    call.state.update_project(
        project_id,
        profileImageUUID=image_id,
        profileImages={"profile80": f"{base}--X460.png", "profile80@2x": f"{base}--X460@2x.png"},
    )
    return SUCCESS


def get_project_code(call: ApiCall) -> dict[str, Any]:
    """GET /getProjectCode: a join code no project uses."""
    return {"joinCode": call.state.new_join_code()}


def check_project_code(call: ApiCall) -> dict[str, Any]:
    """GET /checkProjectCode?joinCode=: whether the code is free."""
    code = call.required_text("joinCode")
    return {"joinCode": code, "isAvailable": not call.state.join_code_taken(code)}


def find_project(call: ApiCall) -> dict[str, Any]:
    """GET /project?joinCode=: the project with that join code, else a 404."""
    project = call.state.project_by_join_code(call.required_text("joinCode"))
    return {"project": render_project(call.state, project)}


def project_templates(call: ApiCall) -> dict[str, Any]:
    """GET /projectTemplates: starting points for new projects."""
    attributes = call.attributes(PROJECT_ATTRIBUTES)
    return {"projectTemplates": [pick(t, attributes) for t in call.state.project_templates]}


def project_stats(call: ApiCall) -> dict[str, Any]:
    """GET /projects/{projectId}/stats: clip length, moderation, notification and user counts.

    ``userClipCounts`` is a list of ``{userId, numClips}`` (the spec shows one object).
    """
    state = call.state
    call.attributes(SHOT_ATTRIBUTES)
    project_id = call.path("projectId")
    state.project(project_id)
    seconds = 0
    per_user: dict[str, int] = {}
    for record in state.iter_project_media_files(project_id):
        if record["isEdit"]:
            continue
        seconds += record["lengthSeconds"] or 0
        if record["UserId"]:
            per_user[record["UserId"]] = per_user.get(record["UserId"], 0) + 1
    notifications = dict.fromkeys(NOTIFICATION_STATUSES, 0)
    for notification in state.notifications.values():
        if notification["ProjectId"] == project_id and notification["status"] in notifications:
            notifications[notification["status"]] += 1
    return {
        "stats": {
            "totalLengthSeconds": seconds,
            "counts": state.media_counts(project_id),
            "scheduledNotificationCounts": notifications,
            "numUsers": len(state.project_users[project_id]),
            "userClipCounts": [
                {"userId": user_id, "numClips": count} for user_id, count in per_user.items()
            ],
        }
    }


ROUTES = (
    Route("GET", "/projects", list_projects),
    Route("POST", "/projects", create_project),
    Route("GET", "/projects/{projectId}", get_project),
    Route("PATCH", "/projects/{projectId}", update_project),
    Route("DELETE", "/projects/{projectId}", delete_project),
    Route("PUT", "/projects/{projectId}/image", update_project_image, multipart=True),
    Route("GET", "/getProjectCode", get_project_code),
    Route("GET", "/checkProjectCode", check_project_code),
    Route("GET", "/project", find_project),
    Route("GET", "/projectTemplates", project_templates),
    Route("GET", "/projects/{projectId}/stats", project_stats),
)
