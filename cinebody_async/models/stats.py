"""Counts and storage figures of organizations, teams and projects."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from cinebody_async.models._base import Model

__all__ = [
    "ModerationCounts",
    "OrganizationStats",
    "OrganizationStorage",
    "ProjectMediaCounts",
    "ProjectStats",
    "ProjectUserClipCount",
    "ScheduledNotificationCounts",
    "TeamStats",
    "TeamStorageUsage",
]


@attrs.frozen(kw_only=True, repr=False)
class ModerationCounts(Model):
    """How many videos are in each moderation state."""

    approved: int | None = None
    rejected: int | None = None
    pending: int | None = None


@attrs.frozen(kw_only=True, repr=False)
class ProjectMediaCounts(Model):
    """The moderation counts of a project's final videos (``edits``) and clips (``videos``)."""

    edits: ModerationCounts | None = None
    videos: ModerationCounts | None = None


@attrs.frozen(kw_only=True, repr=False)
class ProjectUserClipCount(Model):
    """How many clips one user contributed to a project."""

    user_id: str | None = None
    num_clips: int | None = None


@attrs.frozen(kw_only=True, repr=False)
class ScheduledNotificationCounts(Model):
    """How many of a project's notifications are in each sending state."""

    sent: int | None = None
    pending: int | None = None
    processing: int | None = None
    error: int | None = None
    blocked: int | None = None


@attrs.frozen(kw_only=True, repr=False)
class OrganizationStats(Model):
    """An organization's totals over all its teams and projects."""

    id: str | None = None
    num_teams: int | None = None
    num_projects: int | None = None
    num_clips: int | None = None
    total_length_seconds: float | None = None
    num_filmers: int | None = None


@attrs.frozen(kw_only=True, repr=False)
class TeamStats(Model):
    """A team's totals; ``project_counts`` maps project ids to their counts as sent."""

    num_projects: int | None = None
    num_users: int | None = None
    team_counts: ProjectMediaCounts | None = None
    project_counts: Mapping[str, Any] | None = attrs.field(default=None, hash=False)


@attrs.frozen(kw_only=True, repr=False)
class ProjectStats(Model):
    """A project's totals.

    ``user_clip_counts`` is a list on the wire (the spec declares one object; a lone
    object reads as a one-item tuple).
    """

    total_length_seconds: float | None = None
    counts: ProjectMediaCounts | None = None
    scheduled_notification_counts: ScheduledNotificationCounts | None = None
    num_users: int | None = None
    user_clip_counts: tuple[ProjectUserClipCount, ...] | None = None


@attrs.frozen(kw_only=True, repr=False)
class TeamStorageUsage(Model):
    """The bytes a team stores: originals, transcoded videos, thumbnails and the total."""

    num_files: int | None = None
    file_size: int | None = None
    file_size_sd: int | None = None
    thumb_size: int | None = None
    total: int | None = None


@attrs.frozen(kw_only=True, repr=False)
class OrganizationStorage(Model):
    """An organization's storage answer: its total bytes and each team's usage by id."""

    api_version: str | None = None
    total_bytes: int | None = None
    team_storage: Mapping[str, TeamStorageUsage] | None = attrs.field(default=None, hash=False)
