"""The API's value lists, as enums open to values this SDK does not know yet.

The API may add a status, a type or a frame rate at any time. A value read from the
wire that no member stands for becomes an *unknown member*: an instance of the same
enum class, equal to its raw value, whose ``value`` is exactly what the server sent
and whose ``is_known`` is ``False``. It is never a member of the class (iteration and
``MediaFileStatus["..."]`` see only the known ones), and calling the class itself,
``MediaFileStatus("archived")``, still refuses unknown values, so arguments a caller
passes are checked strictly; only :meth:`OpenStrEnum.from_wire` creates unknown
members.
"""

from __future__ import annotations

from enum import Enum, StrEnum
from typing import Any, Self, cast

from cinebody_async import _convert

__all__ = [
    "FilterUserType",
    "MediaFileFps",
    "MediaFileOrientation",
    "MediaFileQuality",
    "MediaFileStatus",
    "MediaFileVideoType",
    "NotificationStatus",
    "NotificationType",
    "OpenNumberEnum",
    "OpenStrEnum",
    "OrganizationStatus",
    "OrganizationStorageStatus",
    "ProjectImageOrientation",
    "ProjectOrientation",
    "ProjectPublishStatus",
    "ProjectStatus",
    "ProjectType",
    "ProjectUploadType",
    "ProjectsSortBy",
    "SortOrder",
    "TeamStatus",
    "TeamsSortBy",
    "UserOnlineStatus",
    "UserProjectStatus",
    "UserStatus",
    "UserType",
    "UsersSortBy",
]

# Unknown members are kept so that a value seen on every item of a page is one object,
# not one per item. The bound keeps a server that invents values from growing it.
_UNKNOWN_MEMBERS: dict[tuple[type[Enum], object], Any] = {}
_UNKNOWN_MEMBERS_MAX = 1024


class _OpenValues:
    """The behaviour shared by the open enums: reading wire values, unknown members."""

    # Provided by Enum once this class is mixed into one.
    _value_: Any
    _name_: str
    _value2member_map_: dict[object, Any]
    _member_type_: Any

    @classmethod
    def from_wire(cls, value: object) -> Self:
        """Return the member for a value read from the API, creating an unknown one.

        Raises:
            TypeError: ``value`` is not of the enum's wire kind (a string for
                :class:`OpenStrEnum`, a number for :class:`OpenNumberEnum`).
        """
        members = cls._value2member_map_
        try:
            member = members.get(value)
        except TypeError:
            member = None
        if member is None:
            value = cls._wire_value(value)
            member = members.get(value)
        if member is None:
            member = cls._unknown_member(value)
        return cast(Self, member)

    @classmethod
    def _wire_value(cls, value: object) -> object:
        """Return ``value`` in the enum's own value type, or raise :class:`TypeError`."""
        raise NotImplementedError

    @classmethod
    def _unknown_member(cls, value: object) -> Self:
        key = (cast(type[Enum], cls), value)
        member = _UNKNOWN_MEMBERS.get(key)
        if member is None:
            member = cls._member_type_.__new__(cls, value)
            member._value_ = value
            member._name_ = str(value)
            if len(_UNKNOWN_MEMBERS) < _UNKNOWN_MEMBERS_MAX:
                _UNKNOWN_MEMBERS[key] = member
        return cast(Self, member)

    @property
    def is_known(self) -> bool:
        """Whether this is one of the enum's declared members (not an unknown value)."""
        return type(self)._value2member_map_.get(self._value_) is self

    def __repr__(self) -> str:
        if self.is_known:
            return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"
        return f"<{type(self).__name__} unknown: {self._value_!r}>"

    def __reduce_ex__(self, protocol: Any) -> tuple[Any, tuple[Any]]:
        # Enum pickles by calling the class, which refuses unknown values.
        return type(self).from_wire, (self._value_,)


class OpenStrEnum(_OpenValues, StrEnum):
    """A string enum that keeps values it does not declare (see the module docstring).

    Members compare equal to their string value and format as it.
    """

    @classmethod
    def _wire_value(cls, value: object) -> object:
        if isinstance(value, str):
            return str(value)
        msg = f"expected one of the strings of {cls.__name__}, got {type(value).__name__}"
        raise TypeError(msg)


class OpenNumberEnum(_OpenValues, float, Enum):
    """A numeric enum that keeps values it does not declare (see the module docstring).

    Members compare equal to their number; ``value`` is the number as declared or as
    the server sent it (``30`` stays an int, ``29.97`` a float).
    """

    def __new__(cls, value: float) -> Self:
        """Create a member whose ``value`` is ``value`` itself, not its float copy."""
        member = float.__new__(cls, value)
        member._value_ = value
        return member

    def __str__(self) -> str:
        return str(self._value_)

    @classmethod
    def _wire_value(cls, value: object) -> object:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return value
        msg = f"expected a number of {cls.__name__}, got {type(value).__name__}"
        raise TypeError(msg)


# cattrs picks a hook by the class's MRO, where str and float come before Enum: without
# these, the converter would call the class and refuse unknown values.
_convert.converter.register_structure_hook(OpenStrEnum, _convert.structure_open_enum)
_convert.converter.register_structure_hook(OpenNumberEnum, _convert.structure_open_enum)


class OrganizationStatus(OpenStrEnum):
    """An organization's subscription standing."""

    ACTIVE = "active"
    FREE_TRIAL_EXPIRED = "freeTrialExpired"
    DELINQUENT = "delinquent"
    INACTIVE = "inactive"


class OrganizationStorageStatus(OpenStrEnum):
    """Whether an organization keeps within its storage limits (``locked``: no uploads)."""

    COMPLIANT = "compliant"
    GRACE = "grace"
    LOCKED = "locked"


class TeamStatus(OpenStrEnum):
    """A team's state: active, paused, or about to be paused or deleted."""

    PAUSED = "paused"
    ACTIVE = "active"
    WILL_PAUSE = "will-pause"
    WILL_DELETE = "will-delete"


class UserType(OpenStrEnum):
    """A user's role on a team."""

    REGULAR = "regular"
    ADMIN = "admin"


class UserStatus(OpenStrEnum):
    """Whether a user is active or only invited (``pending``)."""

    ACTIVE = "active"
    PENDING = "pending"


class UserOnlineStatus(OpenStrEnum):
    """Whether a user is using the Cinebody app right now."""

    ONLINE = "online"
    OFFLINE = "offline"


class UserProjectStatus(OpenStrEnum):
    """Whether a user may contribute to a project (``inactive``: blocked)."""

    ACTIVE = "active"
    INACTIVE = "inactive"


class FilterUserType(OpenStrEnum):
    """Which admins an organization's user listing returns."""

    ALL = "all"
    ADMIN = "admin"
    TEAM_ADMIN = "teamAdmin"


class ProjectType(OpenStrEnum):
    """Whether anyone may join a project (``public``) or only users admins add."""

    PRIVATE = "private"
    PUBLIC = "public"


class ProjectStatus(OpenStrEnum):
    """Where a project stands between its start and end dates."""

    INACTIVE = "inactive"
    ACTIVE = "active"
    ARCHIVED = "archived"
    UPCOMING = "upcoming"


class ProjectPublishStatus(OpenStrEnum):
    """Which clips a project's filmers may see: none, approved ones, or all not rejected."""

    UNPUBLISHED = "unpublished"
    PUBLISHED = "published"
    PUBLISH_ALL = "publishAll"


class ProjectOrientation(OpenStrEnum):
    """The orientation a project is to be filmed in."""

    LANDSCAPE = "landscape"
    PORTRAIT = "portrait"


class ProjectImageOrientation(OpenStrEnum):
    """The direction of a project's image."""

    LANDSCAPE_LEFT = "landscapeLeft"
    LANDSCAPE_RIGHT = "landscapeRight"
    PORTRAIT = "portrait"
    UPSIDE_DOWN = "upsideDown"
    LANDSCAPE = "landscape"
    PORTRAIT_NO_ROTATE = "portraitNoRotate"


class MediaFileOrientation(OpenStrEnum):
    """The direction a video was filmed in."""

    LANDSCAPE_LEFT = "landscapeLeft"
    LANDSCAPE_RIGHT = "landscapeRight"
    PORTRAIT = "portrait"
    UPSIDE_DOWN = "upsideDown"
    LANDSCAPE = "landscape"
    PORTRAIT_NO_ROTATE = "portraitNoRotate"


class MediaFileFps(OpenNumberEnum):
    """A video's frame rate in frames per second; other rates (29.97) read as unknown."""

    FPS_18 = 18
    FPS_24 = 24
    FPS_25 = 25
    FPS_30 = 30
    FPS_60 = 60
    FPS_120 = 120
    FPS_240 = 240


class MediaFileQuality(OpenStrEnum):
    """A video's resolution. The wire value is a string; the numbers 720 and 1080 read too."""

    QUALITY_720 = "720"
    QUALITY_1080 = "1080"
    QUALITY_4K = "4k"

    @classmethod
    def _wire_value(cls, value: object) -> object:
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return super()._wire_value(value)


class MediaFileVideoType(OpenStrEnum):
    """Which rendition of a video: the original (``full``) or the transcoded ``sd`` one."""

    FULL = "full"
    SD = "sd"


class MediaFileStatus(OpenStrEnum):
    """A clip's moderation state."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class ProjectsSortBy(OpenStrEnum):
    """The keys a project listing can be sorted by."""

    TITLE = "title"
    ORIENTATION = "orientation"
    START_AT = "startAt"
    END_AT = "endAt"


class TeamsSortBy(OpenStrEnum):
    """The keys a team listing can be sorted by."""

    NAME = "name"
    STATUS = "status"


class UsersSortBy(OpenStrEnum):
    """The keys a user listing can be sorted by."""

    FIRST_NAME = "firstName"
    LAST_NAME = "lastName"


class SortOrder(OpenStrEnum):
    """Ascending or descending order of a listing."""

    ASC = "asc"
    DESC = "desc"


class NotificationType(OpenStrEnum):
    """What a notification is about and whom it addresses."""

    INDIVIDUAL_MESSAGE = "individualMessage"
    MESSAGE = "message"
    FINAL_EDIT = "finalEdit"
    PROJECT_ACTIVE = "projectActive"
    PROJECT_CREATED = "projectCreated"


class NotificationStatus(OpenStrEnum):
    """Where a notification is in its sending (``blocked``: the user's settings refused)."""

    PENDING = "pending"
    PROCESSING = "processing"
    SENT = "sent"
    BLOCKED = "blocked"
    ERROR = "error"


class ProjectUploadType(OpenStrEnum):
    """What an upload to a project is: a clip, a final video (edit), a shot example, a teaser."""

    CLIP = "clip"
    EDIT = "edit"
    SHOT = "shot"
    TEASER = "teaser"
