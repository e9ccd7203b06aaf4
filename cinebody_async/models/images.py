"""The sets of image URLs that organizations, teams, users and projects carry."""

from __future__ import annotations

import attrs

from cinebody_async.models._base import Model

__all__ = [
    "HeroImages",
    "OrganizationProfileImages",
    "ProjectProfileImages",
    "TeamProfileImages",
    "UserProfileImages",
]


@attrs.frozen(kw_only=True, repr=False)
class TeamProfileImages(Model):
    """A team's profile picture at 80 and 150 pixels, each also at double density."""

    profile80: str | None = None
    profile80_2x: str | None = None
    profile150: str | None = None
    profile150_2x: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class OrganizationProfileImages(TeamProfileImages):
    """An organization's profile picture: the same four sizes as a team's."""


@attrs.frozen(kw_only=True, repr=False)
class UserProfileImages(Model):
    """A user's profile picture at 60 and 150 pixels, each also at double density."""

    profile60: str | None = None
    profile60_2x: str | None = None
    profile150: str | None = None
    profile150_2x: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class HeroImages(Model):
    """A banner image of an organization or a team, 1200 pixels and double density."""

    profile1200: str | None = None
    profile1200_2x: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class ProjectProfileImages(Model):
    """A project's profile image, at its size and at double density."""

    profile80: str | None = None
    profile80_2x: str | None = None
