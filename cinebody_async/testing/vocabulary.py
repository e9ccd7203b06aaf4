"""The closed value lists of the API: enums and the ``attributes`` each resource accepts."""

from __future__ import annotations

__all__ = [
    "FPS_VALUES",
    "MEDIA_FILE_ATTRIBUTES",
    "MEDIA_FILE_ORIENTATIONS",
    "MEDIA_FILE_STATUSES",
    "NOTIFICATION_ATTRIBUTES",
    "NOTIFICATION_STATUSES",
    "NOTIFICATION_TYPES",
    "ORGANIZATION_ATTRIBUTES",
    "PROJECT_ATTRIBUTES",
    "PROJECT_ORIENTATIONS",
    "PROJECT_PUBLISH_STATUSES",
    "PROJECT_STATUSES",
    "PROJECT_TYPES",
    "QUALITY_VALUES",
    "SHOT_ATTRIBUTES",
    "SHOT_TYPE_ATTRIBUTES",
    "SORT_ORDERS",
    "TEAM_ATTRIBUTES",
    "TEAM_STATUSES",
    "UPLOAD_TYPES",
    "USER_ATTRIBUTES",
    "USER_FILTER_TYPES",
    "USER_PROJECT_STATUSES",
    "USER_TYPES",
]

SORT_ORDERS = ("asc", "desc")
TEAM_STATUSES = ("paused", "active", "will-pause", "will-delete")
USER_TYPES = ("regular", "admin")
USER_FILTER_TYPES = ("all", "admin", "teamAdmin")
USER_PROJECT_STATUSES = ("active", "inactive")
PROJECT_TYPES = ("private", "public")
PROJECT_STATUSES = ("inactive", "active", "archived", "upcoming")
PROJECT_PUBLISH_STATUSES = ("unpublished", "published", "publishAll")
PROJECT_ORIENTATIONS = ("landscape", "portrait")
MEDIA_FILE_ORIENTATIONS = (
    "landscapeLeft",
    "landscapeRight",
    "portrait",
    "upsideDown",
    "landscape",
    "portraitNoRotate",
)
FPS_VALUES = (18, 24, 25, 30, 60, 120, 240)
QUALITY_VALUES = ("720", "1080", "4k")
MEDIA_FILE_STATUSES = ("pending", "approved", "rejected")
NOTIFICATION_TYPES = (
    "individualMessage",
    "message",
    "finalEdit",
    "projectActive",
    "projectCreated",
)
NOTIFICATION_STATUSES = ("pending", "processing", "sent", "blocked", "error")
UPLOAD_TYPES = ("clip", "edit", "shot", "teaser")

ORGANIZATION_ATTRIBUTES = frozenset(
    [
        "id",
        "status",
        "storageStatus",
        "name",
        "profileImages",
        "heroImages",
        "isBilledOffline",
        "storageChecked",
        "customerId",
        "addressName",
        "addressLine1",
        "addressLine2",
        "addressCity",
        "addressState",
        "addressZip",
        "addressCountry",
        "lockedClipsAt",
        "endFreeTrialAt",
        "shouldAutoUpgrade",
        "isLocked",
    ]
)
USER_ATTRIBUTES = frozenset(
    [
        "id",
        "firstName",
        "name",
        "profileImages",
        "userBio",
        "lastName",
        "email",
        "status",
        "onlineStatus",
    ]
)
TEAM_ATTRIBUTES = frozenset(
    [
        "id",
        "name",
        "profileImages",
        "status",
        "awsFolderName",
        "heroImageUUID",
        "heroImages",
        "slug",
        "pagePublished",
        "OrganizationId",
        "description",
        "userCounts",
        "teamClipCount",
        "hasAnIncentive",
    ]
)
PROJECT_ATTRIBUTES = frozenset(
    [
        "id",
        "title",
        "description",
        "orientation",
        "shootType",
        "defaultImageUrl",
        "profileImageUUID",
        "profileImages",
        "defaultImageOrientation",
        "defaultImageIcon",
        "publishStatus",
        "type",
        "joinCode",
        "TeamId",
        "OrganizationId",
        "createdAt",
        "updatedAt",
        "teaserFileSize",
        "teaserFileSizeSD",
        "teaserThumbSize",
        "teaserTranscoded",
        "teaserTranscodingError",
        "teaserFileUUID",
        "teaserFileUUIDSD",
        "teaserLengthSeconds",
        "teaserUrl",
        "teaserThumbnails",
        "incentive",
        "userCounts",
        "mediaCounts",
        "startAt",
        "endAt",
        "status",
        "newStatus",
        "isGeoVisible",
    ]
)
MEDIA_FILE_ATTRIBUTES = frozenset(
    [
        "id",
        "fileUUID",
        "fileUUIDSD",
        "thumbnailUUID",
        "contentType",
        "fileSize",
        "fileSizeSD",
        "thumbSize",
        "lengthSeconds",
        "description",
        "isEdit",
        "transcoded",
        "transcodingError",
        "shotInCaseMode",
        "fps",
        "quality",
        "shotAt",
        "favorite",
        "thumbnails",
        "orientation",
        "TeamId",
        "UserId",
        "ProjectId",
        "ShotId",
        "createdAt",
        "status",
        "name",
        "displayName",
        "displayNameWithExtension",
        "moderatedAt",
        "editDescription",
        "originalFileName",
        "teamName",
        "teamProfileImages",
        "userName",
        "userProfileImages",
    ]
)
SHOT_ATTRIBUTES = frozenset(
    [
        "id",
        "title",
        "description",
        "orientation",
        "fps",
        "quality",
        "order",
        "hidden",
        "fileSize",
        "fileSizeSD",
        "thumbSize",
        "transcoded",
        "transcodingError",
        "fileUUID",
        "fileUUIDSD",
        "lengthSeconds",
        "thumbnails",
        "tutorialVideoUrl",
        "ShotTypeId",
        "TeamId",
        "ProjectId",
    ]
)
SHOT_TYPE_ATTRIBUTES = frozenset(
    ["id", "name", "description", "icon", "fps", "quality", "defaultImageUrl", "tutorialVideoUrl"]
)
NOTIFICATION_ATTRIBUTES = frozenset(
    [
        "id",
        "emailMessage",
        "pushMessage",
        "read",
        "isFromTeam",
        "type",
        "sendAt",
        "status",
        "imageUrl",
        "data",
        "ProjectId",
        "TeamId",
        "FromUserId",
        "ToUserId",
        "MediaFileId",
        "createdAt",
    ]
)
