"""Teams: groups of an organization that run projects."""

from __future__ import annotations

from typing import ClassVar

import attrs

from cinebody_async.models._base import Model, wire
from cinebody_async.models.enums import TeamStatus
from cinebody_async.models.images import HeroImages, TeamProfileImages

__all__ = ["Team", "TeamUserCounts"]


@attrs.frozen(kw_only=True, repr=False)
class TeamUserCounts(Model):
    """How many users of each kind a team has (``admin`` leaves out organization admins)."""

    regular: int | None = None
    admin: int | None = None
    org_admin: int | None = None


@attrs.frozen(kw_only=True, repr=False)
class Team(Model):
    """A team of an organization.

    ``aws_folder_name`` is the team's folder in the file store, used in asset URLs;
    ``team_clip_count`` counts the videos of all its projects.
    """

    _repr_fields: ClassVar[tuple[str, ...] | None] = ("id", "name", "status")

    id: str | None = None
    name: str | None = None
    profile_images: TeamProfileImages | None = None
    status: TeamStatus | None = None
    aws_folder_name: str | None = None
    hero_image_uuid: str | None = None
    hero_images: HeroImages | None = None
    slug: str | None = None
    page_published: bool | None = None
    organization_id: str | None = wire("OrganizationId")
    description: str | None = None
    user_counts: TeamUserCounts | None = None
    team_clip_count: int | None = None
    has_an_incentive: bool | None = None
