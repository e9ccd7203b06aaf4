"""The records of the Cinebody API as immutable Python objects.

Every model is a frozen, slotted attrs class with snake_case attributes, built from the
JSON the API answers with :meth:`Model.from_dict` and written back with
:meth:`Model.to_dict` (``Model.from_dict(m.to_dict()) == m``)::

    clip = MediaFile.from_dict(body["mediaFile"])
    clip.file_size          # 539667, an int even when the API sent "539667"
    clip.shot_at            # datetime(2021, 7, 29, 1, 42, 13, 456000, tzinfo=UTC)
    clip.status             # MediaFileStatus.APPROVED

**Absent and null.** Every field may be ``None``: a listing limited with
``attributes=`` leaves fields out, and many fields are nullable. Absent and ``null``
read the same; the model remembers which keys came, so ``to_dict()`` writes back
exactly those (``null`` where ``null`` came), in their order.

**Unknown fields** are kept as they came and written back by ``to_dict()``, so a model
read and written loses nothing. They take no part in ``==``.

**Unknown enum values.** The API's value lists (statuses, types, orientations, quality,
frame rates, ...) are open enums, :class:`OpenStrEnum` and :class:`OpenNumberEnum`. A
value the SDK does not declare does not fail the read: it becomes an *unknown member*,
an instance of the field's own enum class, so a field annotated
``MediaFileStatus | None`` holds a ``MediaFileStatus`` or ``None``, always::

    clip = MediaFile.from_dict({"status": "archived", "fps": 29.97})
    clip.status.value       # 'archived', exactly as sent
    clip.status.is_known    # False (True for MediaFileStatus.APPROVED and the others)
    clip.status == "archived"   # True: string enums equal their value
    clip.fps == 29.97       # True: number enums equal their number

Unknown members are not listed by iterating the enum, and calling the enum class
(``MediaFileStatus("archived")``) still raises :class:`ValueError`, so values a caller
passes in are checked strictly; only :meth:`OpenStrEnum.from_wire` (which reading a
model uses) creates them. A ``match`` on an open enum therefore wants a ``case _:``
branch for values the SDK does not know yet.

**Loose wire types.** Byte sizes and counts are ``int`` whether they come as numbers or
as strings of digits; timestamps are timezone-aware ``datetime`` (UTC when the string
has no offset); ``quality`` accepts the numbers 720 and 1080; booleans accept
``"true"``/``"false"``; lists become tuples.

**Errors.** A value of the wrong kind (a list where a string belongs, a size that is not
a number) raises :class:`~cinebody_async.errors.ModelValidationError` whose ``model`` is
the class read and whose ``path`` is the field's wire path: ``fileSize``,
``profileImages.profile80``, ``userClipCounts[2].numClips``.

Models compare by their fields and are hashable, except those holding a plain mapping
(``TeamStats.project_counts``, ``ScheduledNotification.data``,
``OrganizationStorage.team_storage``), whose mapping fields are left out of the hash.
"""

from cinebody_async.models._base import Model
from cinebody_async.models.attributes import (
    MediaFileAttribute,
    OrganizationAttribute,
    ProjectAttribute,
    ScheduledNotificationAttribute,
    ShotAttribute,
    ShotTypeAttribute,
    TeamAttribute,
    UserAttribute,
)
from cinebody_async.models.enums import (
    FilterUserType,
    MediaFileFps,
    MediaFileOrientation,
    MediaFileQuality,
    MediaFileStatus,
    MediaFileVideoType,
    NotificationStatus,
    NotificationType,
    OpenNumberEnum,
    OpenStrEnum,
    OrganizationStatus,
    OrganizationStorageStatus,
    ProjectImageOrientation,
    ProjectOrientation,
    ProjectPublishStatus,
    ProjectsSortBy,
    ProjectStatus,
    ProjectType,
    ProjectUploadType,
    SortOrder,
    TeamsSortBy,
    TeamStatus,
    UserOnlineStatus,
    UserProjectStatus,
    UsersSortBy,
    UserStatus,
    UserType,
)
from cinebody_async.models.error_body import ErrorBody
from cinebody_async.models.images import (
    HeroImages,
    OrganizationProfileImages,
    ProjectProfileImages,
    TeamProfileImages,
    UserProfileImages,
)
from cinebody_async.models.media_files import MediaFile
from cinebody_async.models.notifications import ScheduledNotification
from cinebody_async.models.organizations import Address, Organization, OrganizationFeatures
from cinebody_async.models.projects import Project, ProjectUserCounts
from cinebody_async.models.shots import Shot, ShotType
from cinebody_async.models.stats import (
    ModerationCounts,
    OrganizationStats,
    OrganizationStorage,
    ProjectMediaCounts,
    ProjectStats,
    ProjectUserClipCount,
    ScheduledNotificationCounts,
    TeamStats,
    TeamStorageUsage,
)
from cinebody_async.models.teams import Team, TeamUserCounts
from cinebody_async.models.transfers import DownloadLink, UploadTarget
from cinebody_async.models.users import TeamUser, User

__all__ = [
    "Address",
    "DownloadLink",
    "ErrorBody",
    "FilterUserType",
    "HeroImages",
    "MediaFile",
    "MediaFileAttribute",
    "MediaFileFps",
    "MediaFileOrientation",
    "MediaFileQuality",
    "MediaFileStatus",
    "MediaFileVideoType",
    "Model",
    "ModerationCounts",
    "NotificationStatus",
    "NotificationType",
    "OpenNumberEnum",
    "OpenStrEnum",
    "Organization",
    "OrganizationAttribute",
    "OrganizationFeatures",
    "OrganizationProfileImages",
    "OrganizationStats",
    "OrganizationStatus",
    "OrganizationStorage",
    "OrganizationStorageStatus",
    "Project",
    "ProjectAttribute",
    "ProjectImageOrientation",
    "ProjectMediaCounts",
    "ProjectOrientation",
    "ProjectProfileImages",
    "ProjectPublishStatus",
    "ProjectStats",
    "ProjectStatus",
    "ProjectType",
    "ProjectUploadType",
    "ProjectUserClipCount",
    "ProjectUserCounts",
    "ProjectsSortBy",
    "ScheduledNotification",
    "ScheduledNotificationAttribute",
    "ScheduledNotificationCounts",
    "Shot",
    "ShotAttribute",
    "ShotType",
    "ShotTypeAttribute",
    "SortOrder",
    "Team",
    "TeamAttribute",
    "TeamProfileImages",
    "TeamStats",
    "TeamStatus",
    "TeamStorageUsage",
    "TeamUser",
    "TeamUserCounts",
    "TeamsSortBy",
    "UploadTarget",
    "User",
    "UserAttribute",
    "UserOnlineStatus",
    "UserProfileImages",
    "UserProjectStatus",
    "UserStatus",
    "UserType",
    "UsersSortBy",
]
