"""Membership of users in organizations, teams and projects."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cinebody_async._pagination import Pager
from cinebody_async.errors import ParameterError
from cinebody_async.models import (
    FilterUserType,
    SortOrder,
    TeamUser,
    User,
    UserAttribute,
    UserProjectStatus,
    UsersSortBy,
    UserType,
)
from cinebody_async.resources import _params as p
from cinebody_async.resources._base import API, Resource, answer_error, operation

__all__ = ["Users"]


class Users(Resource):
    """Membership of users in organizations, teams and projects (``cb.users``).

    A user is named either by id or by email; adding an email no user has yet invites
    a new (``pending``) user.
    """

    __slots__ = ()

    @operation("GET", "/app/3.0/organizations/{organizationId}/users")
    def list_organization(
        self,
        organization_id: str,
        *,
        q: str | None = None,
        sort_by: UsersSortBy | str | None = None,
        sort_order: SortOrder | str | None = None,
        type: FilterUserType | str | None = None,
        attributes: Sequence[UserAttribute | str] | None = None,
        limit: int | None = None,
        max_items: int | None = None,
    ) -> Pager[User]:
        """List an organization's users, those of its teams included.

        Args:
            organization_id: the organization's id.
            q: only users whose name (or email) matches this text.
            sort_by: the field to sort by (without it, the API's own order).
            sort_order: ascending or descending.
            type: only admins: ``admin`` (of the organization), ``teamAdmin`` (of one
                of its teams) or ``all`` (either).
            attributes: return only these fields of each user.
            limit: users per page (default: the pager's bulk size).
            max_items: stop after this many users.

        Returns:
            A pager of :class:`User`; nothing is sent until it is used.

        Raises:
            ParameterError: for an empty id or ``q``, an unknown sort key, order, type
                or attribute, or a bad ``limit``/``max_items``.
        """
        path = p.path(
            f"{API}/organizations/{{organization_id}}/users", organization_id=organization_id
        )
        params = _listing_params(q, sort_by, sort_order, type, attributes)
        return self._pager(User, path, ["users"], params, limit=limit, max_items=max_items)

    @operation("POST", "/app/3.0/organizations/{organizationId}/users")
    async def add_to_organization(
        self,
        organization_id: str,
        *,
        user_id: str | None = None,
        email: str | None = None,
        type: UserType | str | None = None,
        attributes: Sequence[UserAttribute | str] | None = None,
    ) -> User:
        """Add a user to an organization, by id or by email.

        Args:
            organization_id: the organization's id.
            user_id: the user's id (give this or ``email``).
            email: the user's email (give this or ``user_id``); a new one is invited.
            type: the user's role, ``regular`` or ``admin`` (the API's default when
                left out is ``regular``).
            attributes: return only these fields of the user.

        Returns:
            The :class:`User` added.

        Raises:
            NotFoundError: when no organization (or no user) has that id.
            ParameterError: unless exactly one of ``user_id`` and ``email`` is given,
                for an empty string, an unknown type or attribute; nothing is sent.
        """
        path = p.path(
            f"{API}/organizations/{{organization_id}}/users", organization_id=organization_id
        )
        body = _member(user_id, email, type)
        params = {"attributes": p.enum_values("attributes", attributes, UserAttribute)}

        answer = await self._send("POST", path, params=params, json=body)

        return self._read(User, answer, "POST organizations/{id}/users", "user")

    @operation("DELETE", "/app/3.0/organizations/{organizationId}/users/{userId}")
    async def remove_from_organization(self, organization_id: str, user_id: str) -> None:
        """Remove a user from an organization and from all of its teams and projects.

        Args:
            organization_id: the organization's id.
            user_id: the user's id.

        Raises:
            NotFoundError: when the organization does not exist or the user is not one
                of its members.
            InvalidResponseError: when the answer's ``status`` is not ``"success"``.
            ParameterError: for an empty id; nothing is sent.
        """
        path = p.path(
            f"{API}/organizations/{{organization_id}}/users/{{user_id}}",
            organization_id=organization_id,
            user_id=user_id,
        )
        await self._delete(path, "DELETE organizations/{id}/users/{id}")

    @operation("GET", "/app/3.0/teams/{teamId}/users")
    def list_team(
        self,
        team_id: str,
        *,
        q: str | None = None,
        sort_by: UsersSortBy | str | None = None,
        sort_order: SortOrder | str | None = None,
        type: FilterUserType | str | None = None,
        project_id: str | None = None,
        in_project_ids: Sequence[str] | None = None,
        not_in_project_ids: Sequence[str] | None = None,
        user_ids: Sequence[str] | None = None,
        attributes: Sequence[UserAttribute | str] | None = None,
        limit: int | None = None,
        max_items: int | None = None,
    ) -> Pager[TeamUser]:
        """List a team's users with their role on the team.

        Args:
            team_id: the team's id.
            q: only users whose name (or email) matches this text.
            sort_by: the field to sort by (without it, the API's own order).
            sort_order: ascending or descending.
            type: only admins: ``admin`` (of the organization), ``teamAdmin`` (of the
                team) or ``all`` (either).
            project_id: only the users of this project of the team, each with
                ``user_project_status`` (whether they are blocked there).
            in_project_ids: only users who are in all of these projects.
            not_in_project_ids: only users who are in none of these projects.
            user_ids: only these users.
            attributes: return only these fields of each user.
            limit: users per page (default: the pager's bulk size).
            max_items: stop after this many users.

        Returns:
            A pager of :class:`TeamUser`; nothing is sent until it is used.

        Raises:
            ParameterError: for ``project_id`` together with ``in_project_ids`` or
                ``not_in_project_ids`` (the API would ignore those), an empty id, text
                or id list, an unknown sort key, order, type or attribute, or a bad
                ``limit``/``max_items``.
        """
        path = p.path(f"{API}/teams/{{team_id}}/users", team_id=team_id)
        params = {
            **_listing_params(q, sort_by, sort_order, type, attributes),
            "projectId": p.text("project_id", project_id),
            "inProjectIds": p.id_list("in_project_ids", in_project_ids),
            "notInProjectIds": p.id_list("not_in_project_ids", not_in_project_ids),
            "userIds": p.id_list("user_ids", user_ids),
        }
        if project_id is not None and (in_project_ids or not_in_project_ids):
            msg = "cannot be combined with in_project_ids or not_in_project_ids"
            raise ParameterError("project_id", msg)
        return self._pager(TeamUser, path, ["users"], params, limit=limit, max_items=max_items)

    @operation("POST", "/app/3.0/teams/{teamId}/users")
    async def add_to_team(
        self,
        team_id: str,
        *,
        user_id: str | None = None,
        email: str | None = None,
        type: UserType | str | None = None,
        attributes: Sequence[UserAttribute | str] | None = None,
    ) -> TeamUser:
        """Add a user to a team, by id or by email.

        Args:
            team_id: the team's id.
            user_id: the user's id (give this or ``email``).
            email: the user's email (give this or ``user_id``); a new one is invited.
            type: the user's role on the team, ``regular`` or ``admin`` (the API's
                default when left out is ``regular``).
            attributes: return only these fields of the user.

        Returns:
            The :class:`TeamUser` added.

        Raises:
            NotFoundError: when no team (or no user) has that id.
            ParameterError: unless exactly one of ``user_id`` and ``email`` is given,
                for an empty string, an unknown type or attribute; nothing is sent.
            InvalidResponseError: when the answer holds no user, or a list of several
                users none of which has the id (or the email) given.
        """
        path = p.path(f"{API}/teams/{{team_id}}/users", team_id=team_id)
        body = _member(user_id, email, type)
        wanted = p.enum_values("attributes", attributes, UserAttribute)
        if wanted is not None:
            # The added user is told apart by id or email: those must come back.
            wanted += [a for a in (UserAttribute.ID, UserAttribute.EMAIL) if a not in wanted]
        params = {"attributes": wanted}
        name = "POST teams/{id}/users"

        answer = await self._send("POST", path, params=params, json=body)

        # The spec answers `count` and a `users` list (the team's users); the API may
        # answer one `user`: take the `user`, else the one of `users` that was added.
        if isinstance(answer, dict) and answer.get("user") is not None:
            return self._read(TeamUser, answer, name, "user")
        users = self._read_list(TeamUser, answer, name, "users", "user")
        return _added(users, user_id, email, name, answer)

    @operation("DELETE", "/app/3.0/teams/{teamId}/users/{userId}")
    async def remove_from_team(self, team_id: str, user_id: str) -> None:
        """Remove a user from a team and from all of its projects.

        Args:
            team_id: the team's id.
            user_id: the user's id.

        Raises:
            NotFoundError: when the team does not exist or the user is not a member.
            InvalidResponseError: when the answer's ``status`` is not ``"success"``.
            ParameterError: for an empty id; nothing is sent.
        """
        path = p.path(
            f"{API}/teams/{{team_id}}/users/{{user_id}}", team_id=team_id, user_id=user_id
        )
        await self._delete(path, "DELETE teams/{id}/users/{id}")

    @operation("POST", "/app/3.0/projects/{projectId}/users")
    async def add_to_project(
        self,
        project_id: str,
        *,
        user_id: str | None = None,
        email: str | None = None,
        attributes: Sequence[UserAttribute | str] | None = None,
    ) -> User:
        """Add a user to a project (and to its team if needed), by id or by email.

        Args:
            project_id: the project's id.
            user_id: the user's id (give this or ``email``).
            email: the user's email (give this or ``user_id``); a new one is invited.
            attributes: return only these fields of the user.

        Returns:
            The :class:`User` added.

        Raises:
            NotFoundError: when no project (or no user) has that id.
            ParameterError: unless exactly one of ``user_id`` and ``email`` is given,
                for an empty string or an unknown attribute; nothing is sent.
        """
        path = p.path(f"{API}/projects/{{project_id}}/users", project_id=project_id)
        body = _member(user_id, email)
        params = {"attributes": p.enum_values("attributes", attributes, UserAttribute)}

        answer = await self._send("POST", path, params=params, json=body)

        # The spec adds a `count` beside the `user`; it means nothing here and is ignored.
        return self._read(User, answer, "POST projects/{id}/users", "user")

    @operation("PATCH", "/app/3.0/projects/{projectId}/users/{userId}")
    async def set_project_status(
        self, project_id: str, user_id: str, status: UserProjectStatus | str
    ) -> None:
        """Set whether a user may contribute to a project (``inactive`` blocks them).

        :meth:`block` and :meth:`unblock` say the same more plainly.

        Args:
            project_id: the project's id.
            user_id: the user's id.
            status: ``active`` or ``inactive``.

        Raises:
            NotFoundError: when the project does not exist or the user is not on it.
            ParameterError: for an empty id or an unknown or missing status; nothing
                is sent.
        """
        path = p.path(
            f"{API}/projects/{{project_id}}/users/{{user_id}}",
            project_id=project_id,
            user_id=user_id,
        )
        value = p.required("status", p.enum_value("status", status, UserProjectStatus))

        await self._send("PATCH", path, json={"status": value})

    async def block(self, project_id: str, user_id: str) -> None:
        """Stop a user from contributing to a project (their status becomes ``inactive``).

        Args:
            project_id: the project's id.
            user_id: the user's id.

        Raises:
            NotFoundError: when the project does not exist or the user is not on it.
            ParameterError: for an empty id; nothing is sent.
        """
        await self.set_project_status(project_id, user_id, UserProjectStatus.INACTIVE)

    async def unblock(self, project_id: str, user_id: str) -> None:
        """Let a blocked user contribute to a project again (status ``active``).

        Args:
            project_id: the project's id.
            user_id: the user's id.

        Raises:
            NotFoundError: when the project does not exist or the user is not on it.
            ParameterError: for an empty id; nothing is sent.
        """
        await self.set_project_status(project_id, user_id, UserProjectStatus.ACTIVE)


def _member(
    user_id: str | None, email: str | None, kind: UserType | str | None = None
) -> dict[str, Any]:
    """Return the body naming a user by exactly one of ``userId`` and ``email``, with
    the user's role ``type`` when ``kind`` is given.

    Raises:
        ParameterError: unless exactly one of ``user_id`` and ``email`` is given, for
            an empty string, or an unknown type.
    """
    p.either(("user_id", user_id), ("email", email))
    return p.compact(
        userId=p.text("user_id", user_id),
        email=p.text("email", email),
        type=p.enum_value("type", kind, UserType),
    )


def _added(
    users: Sequence[TeamUser],
    user_id: str | None,
    email: str | None,
    operation: str,
    answer: Any,
) -> TeamUser:
    """Return the user of ``users`` that adding ``user_id`` (or ``email``) added: the
    one with that id (the email compared without regard to case), else the only one.

    Raises:
        InvalidResponseError: when no user matches and the list holds none or several.
    """
    if user_id is not None:
        matches = [user for user in users if user.id == user_id]
    else:
        wanted = (email or "").casefold()
        matches = [user for user in users if user.email and user.email.casefold() == wanted]
    if matches:
        return matches[0]
    if len(users) == 1:
        return users[0]

    named = f"id {user_id!r}" if user_id is not None else f"email {email!r}"
    problem = (
        "the answer's 'users' list is empty"
        if not users
        else f"none of the {len(users)} users of the answer has the {named}"
    )
    raise answer_error(operation, problem, answer)


def _listing_params(
    q: str | None,
    sort_by: UsersSortBy | str | None,
    sort_order: SortOrder | str | None,
    kind: FilterUserType | str | None,
    attributes: Sequence[UserAttribute | str] | None,
) -> dict[str, object]:
    """Return the query filters the organization and team user listings share."""
    return {
        "q": p.text("q", q),
        "sortBy": p.enum_value("sort_by", sort_by, UsersSortBy),
        "sortOrder": p.enum_value("sort_order", sort_order, SortOrder),
        "type": p.enum_value("type", kind, FilterUserType),
        "attributes": p.enum_values("attributes", attributes, UserAttribute),
    }
