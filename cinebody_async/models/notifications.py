"""Notifications to a team's or a project's filmers, sent now or at a set time."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, ClassVar

import attrs

from cinebody_async.models._base import Model, wire
from cinebody_async.models.enums import NotificationStatus, NotificationType

__all__ = ["ScheduledNotification"]


@attrs.frozen(kw_only=True, repr=False)
class ScheduledNotification(Model):
    """A notification, sent or waiting for ``send_at``.

    ``is_from_team`` is a boolean (the API may send it as ``"true"``/``"false"``);
    ``data`` is the push's custom data, kept as the plain mapping it came as.
    ``email_message`` is deprecated by the API in favour of ``push_message``.
    """

    _repr_fields: ClassVar[tuple[str, ...] | None] = ("id", "type", "status", "send_at")

    id: str | None = None
    email_message: str | None = None
    push_message: str | None = None
    read: bool | None = None
    is_from_team: bool | None = None
    type: NotificationType | None = None
    send_at: datetime | None = None
    status: NotificationStatus | None = None
    image_url: str | None = None
    data: Mapping[str, Any] | None = attrs.field(default=None, hash=False)
    project_id: str | None = wire("ProjectId")
    team_id: str | None = wire("TeamId")
    from_user_id: str | None = wire("FromUserId")
    to_user_id: str | None = wire("ToUserId")
    media_file_id: str | None = wire("MediaFileId")
    created_at: datetime | None = None
