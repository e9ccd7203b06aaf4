"""Shots: a project's shot list, each based on a global shot type."""

from __future__ import annotations

from typing import ClassVar

import attrs

from cinebody_async.models._base import Model, wire
from cinebody_async.models.enums import MediaFileFps, MediaFileOrientation, MediaFileQuality

__all__ = ["Shot", "ShotType"]


@attrs.frozen(kw_only=True, repr=False)
class Shot(Model):
    """One shot of a project's shot list, with its settings and example video.

    The file fields (``file_uuid``, sizes, ``thumbnails``) describe the example video.
    """

    _repr_fields: ClassVar[tuple[str, ...] | None] = ("id", "title", "order")

    id: str | None = None
    title: str | None = None
    description: str | None = None
    orientation: MediaFileOrientation | None = None
    fps: MediaFileFps | None = None
    quality: MediaFileQuality | None = None
    order: int | None = None
    hidden: bool | None = None
    file_size: int | None = None
    file_size_sd: int | None = None
    thumb_size: int | None = None
    transcoded: bool | None = None
    transcoding_error: bool | None = None
    file_uuid: str | None = None
    file_uuid_sd: str | None = None
    length_seconds: float | None = None
    thumbnails: tuple[str, ...] | None = None
    tutorial_video_url: str | None = None
    shot_type_id: str | None = wire("ShotTypeId")
    team_id: str | None = wire("TeamId")
    project_id: str | None = wire("ProjectId")


@attrs.frozen(kw_only=True, repr=False)
class ShotType(Model):
    """A global category of shot, with defaults a project's shots can customise."""

    _repr_fields: ClassVar[tuple[str, ...] | None] = ("id", "name")

    id: str | None = None
    name: str | None = None
    description: str | None = None
    icon: str | None = None
    fps: MediaFileFps | None = None
    quality: MediaFileQuality | None = None
    default_image_url: str | None = None
    tutorial_video_url: str | None = None
