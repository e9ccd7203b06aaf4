"""Notifications to filmers: send or schedule, list the scheduled ones, edit, delete.

A notification whose ``sendAt`` is in the future stays ``pending``; one without
``sendAt`` (or with a past one) is ``sent`` at once. The list is ordered by
``createdAt``, newest first unless ``sortOrder=asc``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from cinebody_async.testing.errors import FakeAPIError, bad_value
from cinebody_async.testing.handlers.common import SUCCESS, page_of, sort_records
from cinebody_async.testing.records import iso
from cinebody_async.testing.render import pick
from cinebody_async.testing.routing import ApiCall, Route
from cinebody_async.testing.vocabulary import (
    NOTIFICATION_ATTRIBUTES,
    NOTIFICATION_STATUSES,
    NOTIFICATION_TYPES,
    SORT_ORDERS,
)

__all__ = ["ROUTES"]


def _send_at(call: ApiCall) -> str | None:
    value = call.field("sendAt", str, nullable=True)
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise bad_value("sendAt", f"{value!r} is not an ISO 8601 date") from None
    return iso(moment) if moment.tzinfo else value


def _status_at(call: ApiCall, send_at: str | None) -> str:
    return "pending" if send_at is not None and send_at > iso(call.state.now()) else "sent"


def create_notification(call: ApiCall) -> dict[str, Any]:
    """POST /notifications: needs ``message``, ``type`` and ``teamId``."""
    state = call.state
    attributes = call.attributes(NOTIFICATION_ATTRIBUTES)
    message = call.field("message", str, required=True)
    kind = call.field_choice("type", NOTIFICATION_TYPES, required=True)
    team = state.team(call.field("teamId", str, required=True))
    links: dict[str, Any] = {}
    project_id = call.field("projectId", str, nullable=True)
    if project_id is not None:
        if state.project(project_id)["TeamId"] != team["id"]:
            raise bad_value("projectId", "names a project of another team")
        links["ProjectId"] = project_id
    user_id = call.field("userId", str, nullable=True)
    if user_id is not None:
        links["ToUserId"] = state.user(user_id)["id"]
    elif kind == "individualMessage":
        raise FakeAPIError(
            406, "MISSING_PARAMETERS", "An individualMessage needs the userId to send it to"
        )
    media_file_id = call.field("mediaFileId", str, nullable=True)
    if media_file_id is not None:
        links["MediaFileId"] = state.media_file(media_file_id)["id"]
    call.field("isFromTeam", bool, nullable=True)
    send_at = _send_at(call)
    record = state.add_notification(
        team["id"], message, kind, sendAt=send_at, status=_status_at(call, send_at), **links
    )
    return {"scheduledNotification": pick(record, attributes)}


def list_notifications(call: ApiCall) -> dict[str, Any]:
    """GET /scheduledNotifications: answers ``count`` and ``scheduledNotifications``."""
    attributes = call.attributes(NOTIFICATION_ATTRIBUTES)
    wanted: dict[str, Any] = {
        "TeamId": call.text("teamId"),
        "ProjectId": call.text("projectId"),
        "FromUserId": call.text("fromUserId"),
        "MediaFileId": call.text("mediaFileId"),
        "isFromTeam": call.boolean("isFromTeam"),
        "type": call.choice("type", NOTIFICATION_TYPES),
        "status": call.choice("status", NOTIFICATION_STATUSES),
    }
    order = call.choice("sortOrder", SORT_ORDERS)
    records = [
        record
        for record in call.state.notifications.values()
        if all(value is None or record[name] == value for name, value in wanted.items())
    ]
    records = sort_records(records, "createdAt", "asc" if order == "asc" else "desc")
    return {
        "count": len(records),
        "scheduledNotifications": page_of(call, records, lambda r: pick(r, attributes)),
    }


def update_notification(call: ApiCall) -> dict[str, Any]:
    """PATCH /scheduledNotifications/{id}: a new ``message`` or ``sendAt``."""
    attributes = call.attributes(NOTIFICATION_ATTRIBUTES)
    notification_id = call.path("scheduledNotificationId")
    record = call.state.notification(notification_id)
    changes: dict[str, Any] = {}
    message = call.field("message", str)
    if message is not None:
        changes["pushMessage"] = message
    if "sendAt" in call.fields():
        changes["sendAt"] = _send_at(call)
        if record["status"] == "pending":
            changes["status"] = _status_at(call, changes["sendAt"])
    record = call.state.update_record("notification", notification_id, **changes)
    return {"scheduledNotification": pick(record, attributes)}


def delete_notification(call: ApiCall) -> dict[str, Any]:
    """DELETE /scheduledNotifications/{id}."""
    call.state.delete_notification(call.path("scheduledNotificationId"))
    return SUCCESS


ROUTES = (
    Route("POST", "/notifications", create_notification),
    Route("GET", "/scheduledNotifications", list_notifications),
    Route("PATCH", "/scheduledNotifications/{scheduledNotificationId}", update_notification),
    Route("DELETE", "/scheduledNotifications/{scheduledNotificationId}", delete_notification),
)
