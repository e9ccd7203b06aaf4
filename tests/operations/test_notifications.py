"""Notifications, sent now or scheduled, end to end against FakeCinebody."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from cinebody_async import CLEAR, CinebodyClient, NotFoundError, ParameterError
from cinebody_async.models import (
    NotificationStatus,
    NotificationType,
    ScheduledNotification,
    ScheduledNotificationAttribute,
)
from cinebody_async.testing import FakeCinebody

LATER = dt.datetime(2099, 5, 1, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
LATER_ON_THE_WIRE = b'"sendAt":"2099-05-01T12:30:00.000Z"'


def a_project(fake: FakeCinebody) -> dict[str, Any]:
    return next(iter(fake.state.projects.values()))


def a_pending_notification(fake: FakeCinebody) -> str:
    pending: str = next(
        n["id"] for n in fake.state.notifications.values() if n["status"] == "pending"
    )
    return pending


# Sending ------------------------------------------------------------------------------


async def test_send_now_to_a_whole_team(fake: FakeCinebody, cb: CinebodyClient) -> None:
    team_id = next(iter(fake.state.teams))

    note = await cb.notifications.send(message="Film the sunrise", type="message", team_id=team_id)

    assert isinstance(note, ScheduledNotification)
    assert note.status is NotificationStatus.SENT
    assert (note.push_message, note.team_id, note.project_id) == (
        "Film the sunrise",
        team_id,
        None,
    )
    assert note.id is not None
    stored = fake.state.notification(note.id)
    assert (stored["TeamId"], stored["type"], stored["sendAt"]) == (team_id, "message", None)
    assert b"sendAt" not in fake.requests[-1].body


async def test_send_later_to_a_project_is_pending(fake: FakeCinebody, cb: CinebodyClient) -> None:
    project = a_project(fake)

    note = await cb.notifications.send(
        message="Last call",
        type=NotificationType.MESSAGE,
        team_id=project["TeamId"],
        project_id=project["id"],
        send_at=LATER,
    )

    assert note.status is NotificationStatus.PENDING
    assert note.send_at == LATER
    assert note.project_id == project["id"]
    assert note.id is not None
    assert fake.state.notification(note.id)["status"] == "pending"
    assert LATER_ON_THE_WIRE in fake.requests[-1].body


async def test_send_an_individual_message_about_a_video(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    project = a_project(fake)
    filmer = next(iter(fake.state.project_users[project["id"]]))
    video = fake.state.project_media_files(project["id"])[0]["id"]

    note = await cb.notifications.send(
        message="Great shot!",
        type="individualMessage",
        team_id=project["TeamId"],
        user_id=filmer,
        media_file_id=video,
        attributes=[ScheduledNotificationAttribute.ID, "ToUserId", "MediaFileId"],
    )

    assert (note.to_user_id, note.media_file_id, note.push_message) == (filmer, video, None)
    assert note.id is not None
    assert fake.state.notification(note.id)["type"] == "individualMessage"


async def test_send_refuses_bad_arguments_before_sending(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    team_id = next(iter(fake.state.teams))
    good: dict[str, Any] = {"message": "Hi", "type": "message", "team_id": team_id}
    bad: list[tuple[dict[str, Any], str]] = [
        ({"send_at": dt.datetime(2099, 1, 1)}, "send_at"),
        ({"send_at": "2099-01-01T00:00:00Z"}, "send_at"),
        ({"type": "individualMessage"}, "user_id"),
        ({"user_id": "someone"}, "user_id"),
        ({"type": "shout"}, "type"),
        ({"type": None}, "type"),
        ({"message": " "}, "message"),
        ({"message": None}, "message"),
        ({"team_id": ""}, "team_id"),
        ({"project_id": ""}, "project_id"),
        ({"attributes": ["body"]}, "attributes"),
    ]
    for change, parameter in bad:
        with pytest.raises(ParameterError) as caught:
            await cb.notifications.send(**{**good, **change})
        assert caught.value.parameter == parameter

    assert fake.requests == []


# Listing ------------------------------------------------------------------------------


async def test_list_scheduled_walks_them_newest_first(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    pager = cb.notifications.list_scheduled(limit=4)

    notes = await pager.all()

    assert await pager.count() == len(fake.state.notifications)
    assert {note.id for note in notes} == set(fake.state.notifications)
    created = [note.created_at for note in notes]
    assert created == sorted(created, reverse=True)  # type: ignore[type-var]


async def test_list_scheduled_filters(fake: FakeCinebody, cb: CinebodyClient) -> None:
    project = a_project(fake)
    expected = {
        n["id"]
        for n in fake.state.notifications.values()
        if n["ProjectId"] == project["id"]
        and n["status"] == "pending"
        and n["type"] == "individualMessage"
    }

    notes = await cb.notifications.list_scheduled(
        team_id=project["TeamId"],
        project_id=project["id"],
        status="pending",
        type=NotificationType.INDIVIDUAL_MESSAGE,
        is_from_team=True,
        sort_order="asc",
    ).all()

    assert expected
    assert {note.id for note in notes} == expected
    assert all(note.status is NotificationStatus.PENDING for note in notes)
    sent = fake.requests[-1]
    assert sent.query_values("isFromTeam") == ["true"]
    assert sent.query_values("status") == ["pending"]
    assert sent.query_values("type") == ["individualMessage"]
    assert sent.query_values("sortOrder") == ["asc"]


async def test_list_scheduled_refuses_bad_filters(fake: FakeCinebody, cb: CinebodyClient) -> None:
    bad: list[tuple[dict[str, Any], str]] = [
        ({"is_from_team": "yes"}, "is_from_team"),
        ({"status": "lost"}, "status"),
        ({"type": "shout"}, "type"),
        ({"team_id": " "}, "team_id"),
        ({"sort_order": "random"}, "sort_order"),
        ({"attributes": "id"}, "attributes"),
    ]
    for kwargs, parameter in bad:
        with pytest.raises(ParameterError) as caught:
            cb.notifications.list_scheduled(**kwargs)
        assert caught.value.parameter == parameter

    assert fake.requests == []


# Changing -----------------------------------------------------------------------------


async def test_update_changes_text_and_time(fake: FakeCinebody, cb: CinebodyClient) -> None:
    note_id = a_pending_notification(fake)

    note = await cb.notifications.update(note_id, message="New text", send_at=LATER)

    assert (note.id, note.push_message, note.send_at) == (note_id, "New text", LATER)
    assert note.status is NotificationStatus.PENDING
    assert fake.state.notification(note_id)["pushMessage"] == "New text"
    assert LATER_ON_THE_WIRE in fake.requests[-1].body


async def test_update_clearing_the_time_sends_at_once(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    note_id = a_pending_notification(fake)
    text = fake.state.notification(note_id)["pushMessage"]

    note = await cb.notifications.update(note_id, send_at=CLEAR, attributes=["status"])

    assert note.status is NotificationStatus.SENT
    assert note.id is None
    assert fake.state.notification(note_id)["status"] == "sent"
    assert fake.state.notification(note_id)["pushMessage"] == text
    assert fake.requests[-1].body == b'{"sendAt":null}'


async def test_update_refuses_bad_arguments_before_sending(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    note_id = a_pending_notification(fake)

    with pytest.raises(ParameterError, match="at least one field"):
        await cb.notifications.update(note_id)
    with pytest.raises(ParameterError) as caught:
        await cb.notifications.update(note_id, send_at=dt.datetime(2099, 1, 1))
    assert caught.value.parameter == "send_at"
    with pytest.raises(ParameterError) as caught:
        await cb.notifications.update(note_id, message="")
    assert caught.value.parameter == "message"
    with pytest.raises(ParameterError) as caught:
        await cb.notifications.update("..", message="Hi")
    assert caught.value.parameter == "notification_id"

    assert fake.requests == []


async def test_delete_removes_the_notification(fake: FakeCinebody, cb: CinebodyClient) -> None:
    note_id = a_pending_notification(fake)

    await cb.notifications.delete(note_id)

    assert note_id not in fake.state.notifications
    with pytest.raises(NotFoundError):
        await cb.notifications.delete(note_id)
    with pytest.raises(NotFoundError):
        await cb.notifications.update(note_id, message="Too late")
