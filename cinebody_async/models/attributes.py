"""The field names a listing or fetch can be limited to with ``attributes=``.

Each enum lists the wire names of one resource's fields, as the API spells them
(``fileUUIDSD``, ``TeamId``); the member names are the model's attribute names in
capitals (``MediaFileAttribute.FILE_UUID_SD``). A model read from a limited answer has
``None`` in every field that was left out.
"""

from __future__ import annotations

from cinebody_async.models.enums import OpenStrEnum

__all__ = [
    "MediaFileAttribute",
    "OrganizationAttribute",
    "ProjectAttribute",
    "ScheduledNotificationAttribute",
    "ShotAttribute",
    "ShotTypeAttribute",
    "TeamAttribute",
    "UserAttribute",
]


class OrganizationAttribute(OpenStrEnum):
    """The fields of an organization the API can return alone."""

    ID = "id"
    STATUS = "status"
    STORAGE_STATUS = "storageStatus"
    NAME = "name"
    PROFILE_IMAGES = "profileImages"
    HERO_IMAGES = "heroImages"
    IS_BILLED_OFFLINE = "isBilledOffline"
    STORAGE_CHECKED = "storageChecked"
    CUSTOMER_ID = "customerId"
    ADDRESS_NAME = "addressName"
    ADDRESS_LINE1 = "addressLine1"
    ADDRESS_LINE2 = "addressLine2"
    ADDRESS_CITY = "addressCity"
    ADDRESS_STATE = "addressState"
    ADDRESS_ZIP = "addressZip"
    ADDRESS_COUNTRY = "addressCountry"
    LOCKED_CLIPS_AT = "lockedClipsAt"
    END_FREE_TRIAL_AT = "endFreeTrialAt"
    SHOULD_AUTO_UPGRADE = "shouldAutoUpgrade"
    IS_LOCKED = "isLocked"


class UserAttribute(OpenStrEnum):
    """The fields of a user the API can return alone."""

    ID = "id"
    FIRST_NAME = "firstName"
    NAME = "name"
    PROFILE_IMAGES = "profileImages"
    USER_BIO = "userBio"
    LAST_NAME = "lastName"
    EMAIL = "email"
    STATUS = "status"
    ONLINE_STATUS = "onlineStatus"


class TeamAttribute(OpenStrEnum):
    """The fields of a team the API can return alone."""

    ID = "id"
    NAME = "name"
    PROFILE_IMAGES = "profileImages"
    STATUS = "status"
    AWS_FOLDER_NAME = "awsFolderName"
    HERO_IMAGE_UUID = "heroImageUUID"
    HERO_IMAGES = "heroImages"
    SLUG = "slug"
    PAGE_PUBLISHED = "pagePublished"
    ORGANIZATION_ID = "OrganizationId"
    DESCRIPTION = "description"
    USER_COUNTS = "userCounts"
    TEAM_CLIP_COUNT = "teamClipCount"
    HAS_AN_INCENTIVE = "hasAnIncentive"


class ProjectAttribute(OpenStrEnum):
    """The fields of a project the API can return alone."""

    ID = "id"
    TITLE = "title"
    DESCRIPTION = "description"
    ORIENTATION = "orientation"
    SHOOT_TYPE = "shootType"
    DEFAULT_IMAGE_URL = "defaultImageUrl"
    PROFILE_IMAGE_UUID = "profileImageUUID"
    PROFILE_IMAGES = "profileImages"
    DEFAULT_IMAGE_ORIENTATION = "defaultImageOrientation"
    DEFAULT_IMAGE_ICON = "defaultImageIcon"
    PUBLISH_STATUS = "publishStatus"
    TYPE = "type"
    JOIN_CODE = "joinCode"
    TEAM_ID = "TeamId"
    ORGANIZATION_ID = "OrganizationId"
    CREATED_AT = "createdAt"
    UPDATED_AT = "updatedAt"
    TEASER_FILE_SIZE = "teaserFileSize"
    TEASER_FILE_SIZE_SD = "teaserFileSizeSD"
    TEASER_THUMB_SIZE = "teaserThumbSize"
    TEASER_TRANSCODED = "teaserTranscoded"
    TEASER_TRANSCODING_ERROR = "teaserTranscodingError"
    TEASER_FILE_UUID = "teaserFileUUID"
    TEASER_FILE_UUID_SD = "teaserFileUUIDSD"
    TEASER_LENGTH_SECONDS = "teaserLengthSeconds"
    TEASER_URL = "teaserUrl"
    TEASER_THUMBNAILS = "teaserThumbnails"
    INCENTIVE = "incentive"
    USER_COUNTS = "userCounts"
    MEDIA_COUNTS = "mediaCounts"
    START_AT = "startAt"
    END_AT = "endAt"
    STATUS = "status"
    NEW_STATUS = "newStatus"
    IS_GEO_VISIBLE = "isGeoVisible"


class MediaFileAttribute(OpenStrEnum):
    """The fields of a media file the API can return alone."""

    ID = "id"
    FILE_UUID = "fileUUID"
    FILE_UUID_SD = "fileUUIDSD"
    THUMBNAIL_UUID = "thumbnailUUID"
    CONTENT_TYPE = "contentType"
    FILE_SIZE = "fileSize"
    FILE_SIZE_SD = "fileSizeSD"
    THUMB_SIZE = "thumbSize"
    LENGTH_SECONDS = "lengthSeconds"
    DESCRIPTION = "description"
    IS_EDIT = "isEdit"
    TRANSCODED = "transcoded"
    TRANSCODING_ERROR = "transcodingError"
    SHOT_IN_CASE_MODE = "shotInCaseMode"
    FPS = "fps"
    QUALITY = "quality"
    SHOT_AT = "shotAt"
    FAVORITE = "favorite"
    THUMBNAILS = "thumbnails"
    ORIENTATION = "orientation"
    TEAM_ID = "TeamId"
    USER_ID = "UserId"
    PROJECT_ID = "ProjectId"
    SHOT_ID = "ShotId"
    CREATED_AT = "createdAt"
    STATUS = "status"
    NAME = "name"
    DISPLAY_NAME = "displayName"
    DISPLAY_NAME_WITH_EXTENSION = "displayNameWithExtension"
    MODERATED_AT = "moderatedAt"
    EDIT_DESCRIPTION = "editDescription"
    ORIGINAL_FILE_NAME = "originalFileName"
    TEAM_NAME = "teamName"
    TEAM_PROFILE_IMAGES = "teamProfileImages"
    USER_NAME = "userName"
    USER_PROFILE_IMAGES = "userProfileImages"


class ShotAttribute(OpenStrEnum):
    """The fields of a shot the API can return alone."""

    ID = "id"
    TITLE = "title"
    DESCRIPTION = "description"
    ORIENTATION = "orientation"
    FPS = "fps"
    QUALITY = "quality"
    ORDER = "order"
    HIDDEN = "hidden"
    FILE_SIZE = "fileSize"
    FILE_SIZE_SD = "fileSizeSD"
    THUMB_SIZE = "thumbSize"
    TRANSCODED = "transcoded"
    TRANSCODING_ERROR = "transcodingError"
    FILE_UUID = "fileUUID"
    FILE_UUID_SD = "fileUUIDSD"
    LENGTH_SECONDS = "lengthSeconds"
    THUMBNAILS = "thumbnails"
    TUTORIAL_VIDEO_URL = "tutorialVideoUrl"
    SHOT_TYPE_ID = "ShotTypeId"
    TEAM_ID = "TeamId"
    PROJECT_ID = "ProjectId"


class ShotTypeAttribute(OpenStrEnum):
    """The fields of a shot type the API can return alone."""

    ID = "id"
    NAME = "name"
    DESCRIPTION = "description"
    ICON = "icon"
    FPS = "fps"
    QUALITY = "quality"
    DEFAULT_IMAGE_URL = "defaultImageUrl"
    TUTORIAL_VIDEO_URL = "tutorialVideoUrl"


class ScheduledNotificationAttribute(OpenStrEnum):
    """The fields of a scheduled notification the API can return alone."""

    ID = "id"
    EMAIL_MESSAGE = "emailMessage"
    PUSH_MESSAGE = "pushMessage"
    READ = "read"
    IS_FROM_TEAM = "isFromTeam"
    TYPE = "type"
    SEND_AT = "sendAt"
    STATUS = "status"
    IMAGE_URL = "imageUrl"
    DATA = "data"
    PROJECT_ID = "ProjectId"
    TEAM_ID = "TeamId"
    FROM_USER_ID = "FromUserId"
    TO_USER_ID = "ToUserId"
    MEDIA_FILE_ID = "MediaFileId"
    CREATED_AT = "createdAt"
