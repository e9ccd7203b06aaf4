"""Every DELETE operation reads its answer the same way, end to end against FakeCinebody:
``status: "success"`` or no body (a 404 after an attempt that may have deleted already)
is done, any other status is an invalid answer, and a first-attempt 404 is not found."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from cinebody_async import CinebodyClient, InvalidResponseError, NotFoundError
from cinebody_async.resources._base import API
from cinebody_async.testing import FakeCinebody, Reply
from tests.operations.test_coverage import marked_operations

Delete = Callable[[CinebodyClient, FakeCinebody], Awaitable[None]]


def first(table: dict[str, Any]) -> str:
    key: str = next(iter(table))
    return key


def remove_from_organization(cb: CinebodyClient, fake: FakeCinebody) -> Awaitable[None]:
    org_id = first(fake.state.organization_users)
    return cb.users.remove_from_organization(org_id, first(fake.state.organization_users[org_id]))


def remove_from_team(cb: CinebodyClient, fake: FakeCinebody) -> Awaitable[None]:
    team_id = first(fake.state.team_users)
    return cb.users.remove_from_team(team_id, first(fake.state.team_users[team_id]))


DELETES: dict[str, tuple[str, Delete]] = {
    "DELETE /mediaFiles/{mediaFileId}": (
        "DELETE mediaFiles/{id}",
        lambda cb, fake: cb.media_files.delete(first(fake.state.media_files)),
    ),
    "DELETE /projects/{projectId}": (
        "DELETE projects/{id}",
        lambda cb, fake: cb.projects.delete(first(fake.state.projects)),
    ),
    "DELETE /shots/{shotId}": (
        "DELETE shots/{id}",
        lambda cb, fake: cb.shots.delete(first(fake.state.shots)),
    ),
    "DELETE /teams/{teamId}": (
        "DELETE teams/{id}",
        lambda cb, fake: cb.teams.delete(first(fake.state.teams)),
    ),
    "DELETE /scheduledNotifications/{scheduledNotificationId}": (
        "DELETE scheduledNotifications/{id}",
        lambda cb, fake: cb.notifications.delete(first(fake.state.notifications)),
    ),
    "DELETE /organizations/{organizationId}/users/{userId}": (
        "DELETE organizations/{id}/users/{id}",
        remove_from_organization,
    ),
    "DELETE /teams/{teamId}/users/{userId}": (
        "DELETE teams/{id}/users/{id}",
        remove_from_team,
    ),
}

ROUTES = sorted(DELETES)


def test_every_delete_operation_is_covered() -> None:
    deletes = {
        f"{method} {path.removeprefix(API)}"
        for method, path in marked_operations()
        if method == "DELETE"
    }

    assert deletes == set(DELETES)


@pytest.mark.parametrize("route", ROUTES)
async def test_a_404_after_a_503_is_done(
    fake: FakeCinebody, cb: CinebodyClient, route: str
) -> None:
    fake.faults.script(route, [503, 404])
    _, delete = DELETES[route]

    assert await delete(cb, fake) is None  # type: ignore[func-returns-value]

    assert [request.method for request in fake.requests] == ["DELETE", "DELETE"]
    assert fake.faults.pending_script(route) == 0


@pytest.mark.parametrize("route", ROUTES)
async def test_a_404_at_the_first_attempt_is_not_found(
    fake: FakeCinebody, cb: CinebodyClient, route: str
) -> None:
    fake.faults.script(route, [404])
    _, delete = DELETES[route]

    with pytest.raises(NotFoundError):
        await delete(cb, fake)

    assert len(fake.requests) == 1


@pytest.mark.parametrize("route", ROUTES)
async def test_a_status_other_than_success_is_an_invalid_answer(
    fake: FakeCinebody, cb: CinebodyClient, route: str
) -> None:
    fake.faults.script(route, [Reply(200, body={"apiVersion": "3.26.1", "status": "failure"})])
    operation, delete = DELETES[route]

    with pytest.raises(InvalidResponseError) as caught:
        await delete(cb, fake)

    assert str(caught.value) == f"{operation}: the answer's status is not 'success'"


async def test_a_delete_whose_answer_was_lost_is_done_once_the_retry_finds_nothing(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    project_id = first(fake.state.projects)
    fake.faults.script("DELETE /projects/{projectId}", ["drop_during"])

    await cb.projects.delete(project_id)

    assert project_id not in fake.state.projects
    assert [request.route for request in fake.requests] == ["DELETE /projects/{projectId}"] * 2
