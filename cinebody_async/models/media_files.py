"""Media files: the videos of a project, clips from filmers and final videos."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

import attrs

from cinebody_async.models._base import Model, wire
from cinebody_async.models.enums import (
    MediaFileFps,
    MediaFileOrientation,
    MediaFileQuality,
    MediaFileStatus,
)
from cinebody_async.models.images import TeamProfileImages, UserProfileImages

__all__ = ["MediaFile"]


@attrs.frozen(kw_only=True, repr=False)
class MediaFile(Model):
    """One video: a clip a filmer uploaded, or a final video (``is_edit``).

    ``file_uuid`` and ``file_uuid_sd`` name the original and the transcoded file (as
    the multi-file download wants them); sizes are whole bytes whether they arrive as
    numbers or strings; ``quality`` reads the numbers 720 and 1080 as well as strings,
    and ``fps`` keeps rates it does not declare, such as 29.97.
    """

    _repr_fields: ClassVar[tuple[str, ...] | None] = (
        "id",
        "original_file_name",
        "status",
    )

    id: str | None = None
    file_uuid: str | None = None
    file_uuid_sd: str | None = None
    thumbnail_uuid: str | None = None
    content_type: str | None = None
    file_size: int | None = None
    file_size_sd: int | None = None
    thumb_size: int | None = None
    length_seconds: float | None = None
    description: str | None = None
    is_edit: bool | None = None
    transcoded: bool | None = None
    transcoding_error: bool | None = None
    shot_in_case_mode: bool | None = None
    fps: MediaFileFps | None = None
    quality: MediaFileQuality | None = None
    shot_at: datetime | None = None
    favorite: bool | None = None
    thumbnails: tuple[str, ...] | None = None
    orientation: MediaFileOrientation | None = None
    team_id: str | None = wire("TeamId")
    user_id: str | None = wire("UserId")
    project_id: str | None = wire("ProjectId")
    shot_id: str | None = wire("ShotId")
    created_at: datetime | None = None
    status: MediaFileStatus | None = None
    name: str | None = None
    display_name: str | None = None
    display_name_with_extension: str | None = None
    moderated_at: datetime | None = None
    edit_description: str | None = None
    original_file_name: str | None = None
    team_name: str | None = None
    team_profile_images: TeamProfileImages | None = None
    user_name: str | None = None
    user_profile_images: UserProfileImages | None = None
