"""Projects: filming campaigns of a team, with a start, an end and a teaser video."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

import attrs

from cinebody_async.models._base import Model, wire
from cinebody_async.models.enums import (
    ProjectImageOrientation,
    ProjectOrientation,
    ProjectPublishStatus,
    ProjectStatus,
    ProjectType,
)
from cinebody_async.models.images import ProjectProfileImages
from cinebody_async.models.stats import ProjectMediaCounts

__all__ = ["Project", "ProjectUserCounts"]


@attrs.frozen(kw_only=True, repr=False)
class ProjectUserCounts(Model):
    """How many users have joined a project."""

    users: int | None = None


@attrs.frozen(kw_only=True, repr=False)
class Project(Model):
    """A project of a team.

    ``status`` is deprecated by the API in favour of ``new_status``, which follows the
    start and end dates. The teaser fields describe the project's teaser video; its
    sizes are whole bytes whether the API sends them as numbers or as strings.
    """

    _repr_fields: ClassVar[tuple[str, ...] | None] = ("id", "title", "new_status")

    id: str | None = None
    title: str | None = None
    description: str | None = None
    orientation: ProjectOrientation | None = None
    shoot_type: str | None = None
    default_image_url: str | None = None
    profile_image_uuid: str | None = None
    profile_images: ProjectProfileImages | None = None
    default_image_orientation: ProjectImageOrientation | None = None
    default_image_icon: str | None = None
    publish_status: ProjectPublishStatus | None = None
    type: ProjectType | None = None
    join_code: str | None = None
    team_id: str | None = wire("TeamId")
    organization_id: str | None = wire("OrganizationId")
    created_at: datetime | None = None
    updated_at: datetime | None = None
    teaser_file_size: int | None = None
    teaser_file_size_sd: int | None = None
    teaser_thumb_size: int | None = None
    teaser_transcoded: bool | None = None
    teaser_transcoding_error: bool | None = None
    teaser_file_uuid: str | None = None
    teaser_file_uuid_sd: str | None = None
    teaser_length_seconds: float | None = None
    teaser_url: str | None = None
    teaser_thumbnails: tuple[str, ...] | None = None
    incentive: str | None = None
    user_counts: ProjectUserCounts | None = None
    media_counts: ProjectMediaCounts | None = None
    start_at: datetime | None = None
    end_at: datetime | None = None
    status: ProjectStatus | None = None
    new_status: ProjectStatus | None = None
    is_geo_visible: bool | None = None
