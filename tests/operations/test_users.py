"""Membership of users in organizations, teams and projects, end to end against
FakeCinebody."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

import pytest

from cinebody_async import CinebodyClient, InvalidResponseError, NotFoundError, ParameterError
from cinebody_async.models import (
    FilterUserType,
    TeamUser,
    User,
    UserProjectStatus,
    UserStatus,
    UserType,
)
from cinebody_async.testing import FakeCinebody, Reply

MISSING = "00000000-0000-4000-8000-000000000000"


def the_organization(fake: FakeCinebody) -> str:
    return next(iter(fake.state.organizations))


def a_team(fake: FakeCinebody) -> str:
    return next(iter(fake.state.teams))


def a_project(fake: FakeCinebody) -> str:
    project_id: str = fake.state.team_projects(a_team(fake))[0]["id"]
    return project_id


def organization_members(fake: FakeCinebody, org_id: str) -> set[str]:
    members = set(fake.state.organization_users[org_id])
    for team in fake.state.organization_teams(org_id):
        members |= set(fake.state.team_users[team["id"]])
    return members


def outsider(fake: FakeCinebody) -> dict[str, Any]:
    return fake.state.add_user("Otto", "Outside", "otto@elsewhere.example")


# Organizations ------------------------------------------------------------------------


async def test_list_organization_walks_its_users_and_its_teams_users(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    org_id = the_organization(fake)
    pager = cb.users.list_organization(org_id, limit=3)

    users = await pager.all()

    assert {user.id for user in users} == organization_members(fake, org_id)
    assert len(users) == await pager.count()
    assert all(type(user) is User for user in users)


async def test_list_organization_filters_and_sorts(fake: FakeCinebody, cb: CinebodyClient) -> None:
    org_id = the_organization(fake)
    admins = {
        uid for uid, kind in fake.state.organization_users[org_id].items() if kind == "admin"
    }
    someone = fake.state.user(next(iter(admins)))

    chosen = await cb.users.list_organization(
        org_id, type=FilterUserType.ADMIN, sort_by="lastName", sort_order="desc"
    ).all()
    found = await cb.users.list_organization(org_id, q=someone["email"].upper()).all()

    assert {user.id for user in chosen} == admins
    names = [user.last_name or "" for user in chosen]
    assert names == sorted(names, key=str.lower, reverse=True)
    assert [user.id for user in found] == [someone["id"]]
    first = fake.requests[0]
    assert first.query_values("type") == ["admin"]
    assert first.query_values("sortBy") == ["lastName"]
    assert first.query_values("sortOrder") == ["desc"]


async def test_list_organization_refuses_bad_filters_before_sending(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    org_id = the_organization(fake)
    bad: list[tuple[str, dict[str, Any], str]] = [
        ("", {}, "organization_id"),
        (org_id, {"q": ""}, "q"),
        (org_id, {"type": "owner"}, "type"),
        (org_id, {"sort_by": "email"}, "sort_by"),
        (org_id, {"attributes": ["password"]}, "attributes"),
        (org_id, {"max_items": 0}, "max_items"),
    ]
    for organization_id, kwargs, parameter in bad:
        with pytest.raises(ParameterError) as caught:
            cb.users.list_organization(organization_id, **kwargs)
        assert caught.value.parameter == parameter

    assert fake.requests == []


async def test_add_to_organization_by_id_with_a_role(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    org_id = the_organization(fake)
    otto = outsider(fake)

    user = await cb.users.add_to_organization(
        org_id, user_id=otto["id"], type=UserType.ADMIN, attributes=["id", "email"]
    )

    assert (user.id, user.email, user.name) == (otto["id"], otto["email"], None)
    assert fake.state.organization_users[org_id][otto["id"]] == "admin"
    assert fake.requests[-1].body == f'{{"userId":"{otto["id"]}","type":"admin"}}'.encode()


async def test_add_to_organization_by_email_invites_a_new_user(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    org_id = the_organization(fake)

    user = await cb.users.add_to_organization(org_id, email="new.filmer@example.org")

    assert user.email == "new.filmer@example.org"
    assert user.status is UserStatus.PENDING
    assert user.id is not None
    assert fake.state.organization_users[org_id][user.id] == "regular"
    assert b"type" not in fake.requests[-1].body


async def test_naming_the_user_needs_exactly_one_of_id_and_email(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    org_id, team_id, project_id = the_organization(fake), a_team(fake), a_project(fake)
    adders: list[Callable[..., Awaitable[User]]] = [
        partial(cb.users.add_to_organization, org_id),
        partial(cb.users.add_to_team, team_id),
        partial(cb.users.add_to_project, project_id),
    ]
    for add in adders:
        with pytest.raises(ParameterError, match="neither") as caught:
            await add()
        assert caught.value.parameter == "user_id/email"
        with pytest.raises(ParameterError, match="both"):
            await add(user_id="u", email="e@example.org")
        with pytest.raises(ParameterError) as caught:
            await add(email=" ")
        assert caught.value.parameter == "email"

    with pytest.raises(ParameterError) as caught:
        await cb.users.add_to_organization(org_id, user_id="u", type="owner")
    assert caught.value.parameter == "type"
    assert fake.requests == []


async def test_remove_from_organization_also_leaves_its_teams(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    org_id, team_id = the_organization(fake), a_team(fake)
    filmer = next(uid for uid, kind in fake.state.team_users[team_id].items() if kind == "regular")

    await cb.users.remove_from_organization(org_id, filmer)

    assert filmer not in organization_members(fake, org_id)
    assert all(filmer not in members for members in fake.state.project_users.values())
    with pytest.raises(NotFoundError):
        await cb.users.remove_from_organization(org_id, filmer)
    with pytest.raises(ParameterError):
        await cb.users.remove_from_organization(org_id, "")


# Teams --------------------------------------------------------------------------------


async def test_list_team_gives_each_member_its_role(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    team_id = a_team(fake)
    members = fake.state.team_users[team_id]

    users = await cb.users.list_team(team_id, limit=2).all()

    assert [user.id for user in users] == list(members)
    assert all(isinstance(user, TeamUser) for user in users)
    assert {user.id: user.team_user_type for user in users} == {
        uid: UserType(kind) for uid, kind in members.items()
    }
    assert all(user.user_project_status is None for user in users)


async def test_list_team_of_one_project_gives_each_status(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    team_id, project_id = a_team(fake), a_project(fake)
    on_project = fake.state.project_users[project_id]
    fake.state.project_users[project_id][next(iter(on_project))] = "inactive"

    users = await cb.users.list_team(team_id, project_id=project_id).all()

    assert {user.id: user.user_project_status for user in users} == {
        uid: UserProjectStatus(status) for uid, status in on_project.items()
    }
    assert fake.requests[-1].query_values("projectId") == [project_id]


async def test_list_team_narrows_by_projects_and_ids(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    team_id, project_id = a_team(fake), a_project(fake)
    members = list(fake.state.team_users[team_id])
    on_project = set(fake.state.project_users[project_id])

    inside = await cb.users.list_team(team_id, in_project_ids=[project_id]).all()
    outside = await cb.users.list_team(team_id, not_in_project_ids=[project_id]).all()
    picked = await cb.users.list_team(team_id, user_ids=members[:2], type="teamAdmin").all()

    assert {user.id for user in inside} == on_project
    assert {user.id for user in outside} == set(members) - on_project
    admins = {uid for uid in members[:2] if fake.state.team_users[team_id][uid] == "admin"}
    assert {user.id for user in picked} == admins
    assert fake.requests[-1].query_values("userIds") == members[:2]


async def test_list_team_refuses_conflicting_and_bad_filters(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    team_id, project_id = a_team(fake), a_project(fake)
    bad: list[tuple[dict[str, Any], str]] = [
        ({"project_id": project_id, "in_project_ids": [project_id]}, "project_id"),
        ({"project_id": project_id, "not_in_project_ids": [project_id]}, "project_id"),
        ({"project_id": ""}, "project_id"),
        ({"user_ids": "one-id"}, "user_ids"),
        ({"in_project_ids": [""]}, "in_project_ids"),
        ({"type": "owner"}, "type"),
    ]
    for kwargs, parameter in bad:
        with pytest.raises(ParameterError) as caught:
            cb.users.list_team(team_id, **kwargs)
        assert caught.value.parameter == parameter

    assert fake.requests == []


async def test_add_to_team_reads_the_users_list_the_api_answers(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    team_id = a_team(fake)
    otto = outsider(fake)

    user = await cb.users.add_to_team(team_id, user_id=otto["id"], type="admin")

    assert isinstance(user, TeamUser)
    assert user.id == otto["id"]
    assert user.team_user_type is UserType.ADMIN
    assert fake.state.team_users[team_id][otto["id"]] == "admin"


async def test_add_to_team_also_reads_a_single_user(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    route = "POST /teams/{teamId}/users"
    single = {"apiVersion": "3.26.1", "user": {"id": "u1", "teamUserType": "regular"}}
    fake.faults.script(route, [Reply(200, body=single), Reply(200, body={"users": []})])

    user = await cb.users.add_to_team(a_team(fake), email="someone@example.org")

    assert (user.id, user.team_user_type) == ("u1", UserType.REGULAR)
    with pytest.raises(InvalidResponseError, match="empty"):
        await cb.users.add_to_team(a_team(fake), email="someone@example.org")


TEAM_USERS = [
    {"id": "u1", "email": "first@example.org", "teamUserType": "regular"},
    {"id": "u2", "email": "New.Member@Example.org", "teamUserType": "admin"},
    {"id": "u3", "email": "third@example.org", "teamUserType": "regular"},
]


async def test_add_to_team_picks_the_added_user_out_of_the_teams_list(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    route = "POST /teams/{teamId}/users"
    answer = {"apiVersion": "3.26.1", "count": 3, "users": TEAM_USERS}
    fake.faults.script(route, [Reply(200, body=answer), Reply(200, body=answer)])

    by_id = await cb.users.add_to_team(a_team(fake), user_id="u3")
    by_email = await cb.users.add_to_team(a_team(fake), email="new.member@EXAMPLE.org")

    assert (by_id.id, by_id.email) == ("u3", "third@example.org")
    assert (by_email.id, by_email.team_user_type) == ("u2", UserType.ADMIN)


async def test_add_to_team_takes_the_only_user_even_without_a_match(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    answer = {"count": 1, "users": [{"name": "Filmer", "teamUserType": "regular"}]}
    fake.faults.script("POST /teams/{teamId}/users", [Reply(200, body=answer)])

    user = await cb.users.add_to_team(a_team(fake), email="someone@example.org")

    assert (user.id, user.name) == (None, "Filmer")


async def test_add_to_team_refuses_a_list_without_the_added_user(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    answer = {"count": 3, "users": TEAM_USERS}
    fake.faults.script("POST /teams/{teamId}/users", [Reply(200, body=answer)] * 2)

    with pytest.raises(InvalidResponseError) as by_id:
        await cb.users.add_to_team(a_team(fake), user_id="u9")
    with pytest.raises(InvalidResponseError) as by_email:
        await cb.users.add_to_team(a_team(fake), email="first@example.net")

    prefix = "POST teams/{id}/users: none of the 3 users of the answer has the"
    assert str(by_id.value) == f"{prefix} id 'u9'"
    assert str(by_email.value) == f"{prefix} email 'first@example.net'"


async def test_remove_from_team_also_leaves_its_projects(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    team_id, project_id = a_team(fake), a_project(fake)
    filmer = next(iter(fake.state.project_users[project_id]))

    await cb.users.remove_from_team(team_id, filmer)

    assert filmer not in fake.state.team_users[team_id]
    assert filmer not in fake.state.project_users[project_id]
    with pytest.raises(NotFoundError):
        await cb.users.remove_from_team(team_id, filmer)


# Projects -----------------------------------------------------------------------------


async def test_add_to_project_by_id_and_by_email(fake: FakeCinebody, cb: CinebodyClient) -> None:
    project_id = a_project(fake)
    team_id = fake.state.project(project_id)["TeamId"]
    otto = outsider(fake)

    by_id = await cb.users.add_to_project(project_id, user_id=otto["id"])
    by_email = await cb.users.add_to_project(project_id, email="fresh@example.org")

    assert by_id.id == otto["id"]
    assert by_email.email == "fresh@example.org"
    assert by_email.status is UserStatus.PENDING
    for user in (by_id, by_email):
        assert user.id is not None
        assert fake.state.project_users[project_id][user.id] == "active"
        assert fake.state.team_users[team_id][user.id] == "regular"


async def test_add_to_project_ignores_a_stray_count(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    body = {"apiVersion": "3.26.1", "count": 36, "user": {"id": "u2", "name": "Filmer"}}
    fake.faults.script("POST /projects/{projectId}/users", [Reply(200, body=body)])

    user = await cb.users.add_to_project(a_project(fake), user_id="u2")

    assert (user.id, user.name) == ("u2", "Filmer")


async def test_block_and_unblock_set_the_project_status(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    project_id = a_project(fake)
    filmer = next(iter(fake.state.project_users[project_id]))

    await cb.users.block(project_id, filmer)
    blocked = fake.state.project_users[project_id][filmer]
    await cb.users.unblock(project_id, filmer)
    unblocked = fake.state.project_users[project_id][filmer]
    await cb.users.set_project_status(project_id, filmer, "inactive")

    assert (blocked, unblocked) == ("inactive", "active")
    assert fake.state.project_users[project_id][filmer] == "inactive"
    assert [request.body for request in fake.requests] == [
        b'{"status":"inactive"}',
        b'{"status":"active"}',
        b'{"status":"inactive"}',
    ]


async def test_set_project_status_refuses_bad_status_and_strangers(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    project_id = a_project(fake)
    filmer = next(iter(fake.state.project_users[project_id]))

    for status in ("blocked", None):
        with pytest.raises(ParameterError) as caught:
            await cb.users.set_project_status(project_id, filmer, status)  # type: ignore[arg-type]
        assert caught.value.parameter == "status"
    assert fake.requests == []

    with pytest.raises(NotFoundError):
        await cb.users.block(project_id, outsider(fake)["id"])
    with pytest.raises(NotFoundError):
        await cb.users.unblock(MISSING, filmer)


async def test_add_to_team_keeps_the_fields_it_needs_to_find_the_user(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    team_id = next(iter(fake.state.teams))

    added = await cb.users.add_to_team(
        team_id, email="new.member@example.com", attributes=["name"]
    )

    assert added.email == "new.member@example.com"
    assert fake.requests[-1].query_values("attributes") == ["name", "id", "email"]
