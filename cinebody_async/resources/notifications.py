"""Notifications to filmers, sent now or scheduled."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from cinebody_async._pagination import Pager
from cinebody_async.errors import ParameterError
from cinebody_async.models import (
    NotificationStatus,
    NotificationType,
    ScheduledNotification,
    ScheduledNotificationAttribute,
    SortOrder,
)
from cinebody_async.resources import _params as p
from cinebody_async.resources._base import API, Resource, operation

__all__ = ["Notifications"]


class Notifications(Resource):
    """Notifications to filmers, sent now or scheduled (``cb.notifications``).

    Every notification the key sends is kept as a scheduled notification, whether it
    went out at once or waits for its ``send_at``; :meth:`list_scheduled` finds them.
    """

    __slots__ = ()

    @operation("POST", "/app/3.0/notifications")
    async def send(
        self,
        *,
        message: str,
        type: NotificationType | str,
        team_id: str,
        project_id: str | None = None,
        user_id: str | None = None,
        media_file_id: str | None = None,
        send_at: dt.datetime | None = None,
        attributes: Sequence[ScheduledNotificationAttribute | str] | None = None,
    ) -> ScheduledNotification:
        """Send a notification to a team's filmers, a project's, or one user, now or later.

        The API always marks notifications sent with an API key as coming from the
        team, so the spec's ``isFromTeam`` is not offered.

        Args:
            message: the notification's text.
            type: what the notification is about; ``individualMessage`` exactly when
                ``user_id`` is given.
            team_id: the team whose filmers receive it.
            project_id: only the filmers of this project of the team (default: all of
                the team's projects).
            user_id: only this user (with ``type="individualMessage"``).
            media_file_id: the final video the notification is about.
            send_at: when to send it, an aware datetime (default: now; a past moment
                also sends at once).
            attributes: return only these fields of the notification.

        Returns:
            The :class:`ScheduledNotification`: ``sent``, or ``pending`` until
            ``send_at``.

        Raises:
            NotFoundError: when the team, project, user or video does not exist.
            ParameterError: for a missing or empty message, type or team, an unknown
                type or attribute, ``user_id`` without ``individualMessage`` or the
                reverse, or a naive ``send_at``; nothing is sent.
        """
        kind = p.required("type", p.enum_value("type", type, NotificationType))
        text = p.required("message", p.text("message", message))
        team = p.required("team_id", p.text("team_id", team_id))
        individual = kind is NotificationType.INDIVIDUAL_MESSAGE
        if individual != (user_id is not None):
            msg = "give user_id exactly when the type is 'individualMessage'"
            raise ParameterError("user_id", msg)
        body = p.compact(
            message=text,
            type=kind,
            teamId=team,
            projectId=p.text("project_id", project_id),
            userId=p.text("user_id", user_id),
            mediaFileId=p.text("media_file_id", media_file_id),
            sendAt=p.aware_datetime("send_at", send_at),
        )
        params = {"attributes": _attributes(attributes)}

        answer = await self._send("POST", f"{API}/notifications", params=params, json=body)

        return self._read(
            ScheduledNotification, answer, "POST notifications", "scheduledNotification"
        )

    @operation("GET", "/app/3.0/scheduledNotifications")
    def list_scheduled(
        self,
        *,
        team_id: str | None = None,
        project_id: str | None = None,
        from_user_id: str | None = None,
        media_file_id: str | None = None,
        is_from_team: bool | None = None,
        type: NotificationType | str | None = None,
        status: NotificationStatus | str | None = None,
        sort_order: SortOrder | str | None = None,
        attributes: Sequence[ScheduledNotificationAttribute | str] | None = None,
        limit: int | None = None,
        max_items: int | None = None,
    ) -> Pager[ScheduledNotification]:
        """List the notifications sent or scheduled, newest first by default.

        Args:
            team_id: only notifications to this team.
            project_id: only notifications to this project.
            from_user_id: only notifications sent by this user.
            media_file_id: only notifications about this video.
            is_from_team: only notifications that came (or did not come) from a team.
            type: only notifications of this type.
            status: only notifications in this sending state (``pending`` for those
                still waiting).
            sort_order: by creation time, ascending or descending.
            attributes: return only these fields of each notification.
            limit: notifications per page (default: the pager's bulk size).
            max_items: stop after this many notifications.

        Returns:
            A pager of :class:`ScheduledNotification`; nothing is sent until it is used.

        Raises:
            ParameterError: for an empty id, a flag that is not a bool, an unknown type,
                status, order or attribute, or a bad ``limit``/``max_items``.
        """
        params = {
            "teamId": p.text("team_id", team_id),
            "projectId": p.text("project_id", project_id),
            "fromUserId": p.text("from_user_id", from_user_id),
            "mediaFileId": p.text("media_file_id", media_file_id),
            "isFromTeam": p.flag("is_from_team", is_from_team),
            "type": p.enum_value("type", type, NotificationType),
            "status": p.enum_value("status", status, NotificationStatus),
            "sortOrder": p.enum_value("sort_order", sort_order, SortOrder),
            "attributes": _attributes(attributes),
        }
        # The spec answers one `scheduledNotification`; the API answers `count` and the
        # `scheduledNotifications` list.
        return self._pager(
            ScheduledNotification,
            f"{API}/scheduledNotifications",
            ["scheduledNotifications"],
            params,
            limit=limit,
            max_items=max_items,
        )

    @operation("PATCH", "/app/3.0/scheduledNotifications/{scheduledNotificationId}")
    async def update(
        self,
        notification_id: str,
        *,
        message: str | None = None,
        send_at: dt.datetime | p.Clear | None = None,
        attributes: Sequence[ScheduledNotificationAttribute | str] | None = None,
    ) -> ScheduledNotification:
        """Change a scheduled notification's text or sending time.

        Only the fields given are sent. :data:`~cinebody_async.CLEAR` as ``send_at``
        removes the sending time, which sends a pending notification at once.

        Args:
            notification_id: the scheduled notification's id.
            message: the new text.
            send_at: the new sending time, an aware datetime, or ``CLEAR``.
            attributes: return only these fields of the notification.

        Returns:
            The updated :class:`ScheduledNotification`.

        Raises:
            NotFoundError: when no scheduled notification has that id.
            ParameterError: when no field is given, for an empty message, a naive
                ``send_at`` or an unknown attribute; nothing is sent.
        """
        path = p.path(
            f"{API}/scheduledNotifications/{{notification_id}}", notification_id=notification_id
        )
        when = send_at if send_at is p.CLEAR else p.aware_datetime("send_at", send_at)
        body = p.require_changes(
            p.compact(message=p.text("message", message), sendAt=when), "update"
        )
        params = {"attributes": _attributes(attributes)}

        answer = await self._send("PATCH", path, params=params, json=body)

        return self._read(
            ScheduledNotification,
            answer,
            "PATCH scheduledNotifications/{id}",
            "scheduledNotification",
        )

    @operation("DELETE", "/app/3.0/scheduledNotifications/{scheduledNotificationId}")
    async def delete(self, notification_id: str) -> None:
        """Delete a scheduled notification (a pending one is then never sent).

        Args:
            notification_id: the scheduled notification's id.

        Raises:
            NotFoundError: when no scheduled notification has that id.
            InvalidResponseError: when the answer's ``status`` is not ``"success"``.
            ParameterError: for an empty id; nothing is sent.
        """
        path = p.path(
            f"{API}/scheduledNotifications/{{notification_id}}", notification_id=notification_id
        )
        await self._delete(path, "DELETE scheduledNotifications/{id}")


def _attributes(
    values: Sequence[ScheduledNotificationAttribute | str] | None,
) -> list[ScheduledNotificationAttribute] | None:
    return p.enum_values("attributes", values, ScheduledNotificationAttribute)
