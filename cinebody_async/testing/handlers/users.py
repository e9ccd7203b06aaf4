"""Users of organizations, teams and projects: list, add, remove, block and unblock.

Filters shared by the organization and team lists: ``q`` matches the name or email;
``type`` keeps admins only: ``admin`` organization admins, ``teamAdmin`` team admins,
``all`` both. Without ``sortBy`` users come in the order they were added.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from cinebody_async.testing.errors import FakeAPIError, missing_parameter, not_found
from cinebody_async.testing.handlers.common import SUCCESS, page_of, sort_records, text_matches
from cinebody_async.testing.render import render_user
from cinebody_async.testing.routing import ApiCall, Route
from cinebody_async.testing.vocabulary import (
    SORT_ORDERS,
    USER_ATTRIBUTES,
    USER_FILTER_TYPES,
    USER_PROJECT_STATUSES,
    USER_TYPES,
)

__all__ = ["ROUTES"]


def _filter_and_sort(
    call: ApiCall,
    candidates: Iterable[dict[str, Any]],
    is_org_admin: set[str],
    is_team_admin: set[str],
) -> list[dict[str, Any]]:
    query = call.text("q")
    kind = call.choice("type", USER_FILTER_TYPES)
    sort_by = call.choice("sortBy", ("firstName", "lastName"))
    order = call.choice("sortOrder", SORT_ORDERS)
    chosen = []
    for user in candidates:
        if not text_matches(query, user["name"], user["email"]):
            continue
        if kind == "admin" and user["id"] not in is_org_admin:
            continue
        if kind == "teamAdmin" and user["id"] not in is_team_admin:
            continue
        if kind == "all" and user["id"] not in is_org_admin | is_team_admin:
            continue
        chosen.append(user)
    return sort_records(chosen, sort_by, order)


def _user_from_body(call: ApiCall) -> dict[str, Any]:
    """Return the user the body names by ``userId``, or by ``email`` (invited if new)."""
    user_id = call.field("userId", str)
    email = call.field("email", str)
    if user_id:
        return call.state.user(user_id)
    if not email:
        raise missing_parameter("userId")
    user = call.state.user_by_email(email)
    if user is None:
        user = call.state.add_user(email=email, status="pending")
    return user


def list_organization_users(call: ApiCall) -> dict[str, Any]:
    """GET /organizations/{organizationId}/users: its users and the users of its teams."""
    state = call.state
    organization_id = call.path("organizationId")
    state.organization(organization_id)
    attributes = call.attributes(USER_ATTRIBUTES)
    members = dict(state.organization_users[organization_id])
    team_admins: set[str] = set()
    for team in state.organization_teams(organization_id):
        for user_id, kind in state.team_users[team["id"]].items():
            members.setdefault(user_id, "regular")
            if kind == "admin":
                team_admins.add(user_id)
    org_admins = {user_id for user_id, kind in members.items() if kind == "admin"}
    users = _filter_and_sort(
        call, (state.users[user_id] for user_id in members), org_admins, team_admins
    )
    return {
        "count": len(users),
        "users": page_of(call, users, lambda user: render_user(user, attributes)),
    }


def add_organization_user(call: ApiCall) -> dict[str, Any]:
    """POST /organizations/{organizationId}/users: add by ``userId`` or ``email``."""
    organization_id = call.path("organizationId")
    call.state.organization(organization_id)
    attributes = call.attributes(USER_ATTRIBUTES)
    kind = call.field_choice("type", USER_TYPES) or "regular"
    user = _user_from_body(call)
    call.state.add_organization_user(organization_id, user["id"], kind)
    return {"user": render_user(user, attributes)}


def remove_organization_user(call: ApiCall) -> dict[str, Any]:
    """DELETE /organizations/{organizationId}/users/{userId}: also from its teams."""
    call.state.remove_organization_user(call.path("organizationId"), call.path("userId"))
    return SUCCESS


def list_team_users(call: ApiCall) -> dict[str, Any]:
    """GET /teams/{teamId}/users: the team's users, or a project's with ``projectId``.

    With ``projectId`` each user carries ``userProjectStatus``; otherwise
    ``inProjectIds``, ``notInProjectIds`` and ``userIds`` narrow the list.
    """
    state = call.state
    team = state.team(call.path("teamId"))
    attributes = call.attributes(USER_ATTRIBUTES)
    members = state.team_users[team["id"]]
    org_admins = {
        user_id
        for user_id, kind in state.organization_users[team["OrganizationId"]].items()
        if kind == "admin"
    }
    team_admins = {user_id for user_id, kind in members.items() if kind == "admin"}
    project_id = call.text("projectId")
    project_members: dict[str, str] | None = None
    if project_id is not None:
        project = state.project(project_id)
        if project["TeamId"] != team["id"]:
            raise not_found("project", project_id)
        project_members = state.project_users[project_id]
        candidates = [user_id for user_id in members if user_id in project_members]
    else:
        candidates = list(members)
        for wanted in call.strings("inProjectIds"):
            inside = state.project_users.get(wanted, {})
            candidates = [user_id for user_id in candidates if user_id in inside]
        for unwanted in call.strings("notInProjectIds"):
            inside = state.project_users.get(unwanted, {})
            candidates = [user_id for user_id in candidates if user_id not in inside]
    ids = call.strings("userIds")
    if ids:
        candidates = [user_id for user_id in candidates if user_id in ids]
    users = _filter_and_sort(
        call, (state.users[user_id] for user_id in candidates), org_admins, team_admins
    )

    def render(user: dict[str, Any]) -> dict[str, Any]:
        extra: dict[str, Any] = {"teamUserType": members[user["id"]]}
        if project_members is not None:
            extra["userProjectStatus"] = project_members[user["id"]]
        return render_user(user, attributes, extra)

    return {"count": len(users), "users": page_of(call, users, render)}


def add_team_user(call: ApiCall) -> dict[str, Any]:
    """POST /teams/{teamId}/users: answers ``count`` and ``users`` (the one added)."""
    team = call.state.team(call.path("teamId"))
    attributes = call.attributes(USER_ATTRIBUTES)
    kind = call.field_choice("type", USER_TYPES) or "regular"
    user = _user_from_body(call)
    call.state.add_team_user(team["id"], user["id"], kind)
    return {"count": 1, "users": [render_user(user, attributes, {"teamUserType": kind})]}


def remove_team_user(call: ApiCall) -> dict[str, Any]:
    """DELETE /teams/{teamId}/users/{userId}: also removes the user from its projects."""
    call.state.remove_team_user(call.path("teamId"), call.path("userId"))
    return SUCCESS


def add_project_user(call: ApiCall) -> dict[str, Any]:
    """POST /projects/{projectId}/users: answers the ``user`` added."""
    project = call.state.project(call.path("projectId"))
    attributes = call.attributes(USER_ATTRIBUTES)
    user = _user_from_body(call)
    call.state.add_project_user(project["id"], user["id"])
    return {"user": render_user(user, attributes)}


def update_project_user(call: ApiCall) -> dict[str, Any]:
    """PATCH /projects/{projectId}/users/{userId}: ``status`` inactive blocks the user."""
    project = call.state.project(call.path("projectId"))
    user_id = call.path("userId")
    members = call.state.project_users[project["id"]]
    if user_id not in members:
        call.state.user(user_id)
        raise FakeAPIError(
            404, "USER_NOT_FOUND", f"The user {user_id!r} is not on project {project['id']!r}"
        )
    members[user_id] = call.field_choice("status", USER_PROJECT_STATUSES, required=True)
    return SUCCESS


ROUTES = (
    Route("DELETE", "/organizations/{organizationId}/users/{userId}", remove_organization_user),
    Route("GET", "/organizations/{organizationId}/users", list_organization_users),
    Route("POST", "/organizations/{organizationId}/users", add_organization_user),
    Route("POST", "/projects/{projectId}/users", add_project_user),
    Route("PATCH", "/projects/{projectId}/users/{userId}", update_project_user),
    Route("DELETE", "/teams/{teamId}/users/{userId}", remove_team_user),
    Route("GET", "/teams/{teamId}/users", list_team_users),
    Route("POST", "/teams/{teamId}/users", add_team_user),
)
