"""Users: filmers and admins, on their own or as members of a team."""

from __future__ import annotations

from typing import ClassVar

import attrs

from cinebody_async.models._base import Model
from cinebody_async.models.enums import UserOnlineStatus, UserProjectStatus, UserStatus, UserType
from cinebody_async.models.images import UserProfileImages

__all__ = ["TeamUser", "User"]


@attrs.frozen(kw_only=True, repr=False)
class User(Model):
    """A Cinebody user. ``name`` is always set by the API (``Filmer`` by default)."""

    _repr_fields: ClassVar[tuple[str, ...] | None] = ("id", "name", "email", "status")

    id: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    name: str | None = None
    email: str | None = None
    status: UserStatus | None = None
    online_status: UserOnlineStatus | None = None
    profile_images: UserProfileImages | None = None
    user_bio: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class TeamUser(User):
    """A user as a member of a team: their role there and, when a project was named in
    the request, whether they may contribute to it."""

    _repr_fields: ClassVar[tuple[str, ...] | None] = ("id", "name", "email", "team_user_type")

    team_user_type: UserType | None = None
    user_project_status: UserProjectStatus | None = None
