"""The wire shape of each resource the fake stores, built from a few chosen values.

Every record is a plain ``dict`` keyed as the API sends it (camelCase fields,
PascalCase foreign keys such as ``TeamId``); byte sizes are JSON strings and
``quality`` a string (``"1080"``), as the real API answers. The seed generator and
the state's ``add_*`` methods both build records here, so the two always agree.
Fields that the API derives from other records (counts, team and user names on a
clip, thumbnails) are not stored; :mod:`cinebody_async.testing.render` adds them.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from typing import Any

__all__ = [
    "ASSET_HOST",
    "iso",
    "media_file_record",
    "organization_record",
    "project_record",
    "random_uuid",
    "shot_record",
    "team_record",
    "user_record",
]

ASSET_HOST = "https://s3.amazonaws.com/cinebody"


def iso(moment: datetime) -> str:
    """Return ``moment`` as the API writes timestamps: UTC, milliseconds, a ``Z``."""
    if moment.tzinfo is not UTC:
        moment = moment.astimezone(UTC)
    return moment.replace(tzinfo=None).isoformat(timespec="milliseconds") + "Z"


def random_uuid(rng: random.Random) -> str:
    """Return a version 4 UUID string drawn from ``rng`` (so seeded runs repeat)."""
    text = f"{rng.getrandbits(128):032x}"
    variant = "89ab"[int(text[16], 16) & 3]
    return f"{text[:8]}-{text[8:12]}-4{text[13:16]}-{variant}{text[17:20]}-{text[20:]}"


def organization_record(org_id: str, name: str, created: datetime) -> dict[str, Any]:
    """Return a new organization named ``name``: active, compliant, with default images."""
    letter = (name[:1] or "C").upper()
    return {
        "id": org_id,
        "name": name,
        "status": "active",
        "storageStatus": "compliant",
        "profileImages": {
            "profile80": f"{ASSET_HOST}/default-logos/{letter}_80.jpg",
            "profile80@2x": f"{ASSET_HOST}/default-logos/{letter}_80@2x.jpg",
            "profile150": f"{ASSET_HOST}/default-logos/{letter}_150.jpg",
            "profile150@2x": f"{ASSET_HOST}/default-logos/{letter}_150@2x.jpg",
        },
        "heroImages": {
            "profile1200": f"{ASSET_HOST}/default-org-hero--X1200.jpg",
            "profile1200@2x": f"{ASSET_HOST}/default-org-hero--X1200@2x.jpg",
        },
        "isBilledOffline": False,
        "storageChecked": iso(created),
        "customerId": "cus_" + org_id.replace("-", "")[:14],
        "addressName": None,
        "addressLine1": None,
        "addressLine2": None,
        "addressCity": None,
        "addressState": None,
        "addressZip": None,
        "addressCountry": None,
        "lockedClipsAt": None,
        "endFreeTrialAt": iso(created.replace(year=created.year + 1)),
        "shouldAutoUpgrade": False,
        "isLocked": False,
        "features": {
            "isChatDisabled": False,
            "isLegalEnabled": False,
            "isImageMediaEnabled": False,
        },
    }


def team_record(
    team_id: str, organization_id: str, name: str, description: str, status: str = "active"
) -> dict[str, Any]:
    """Return a new team of ``organization_id``; its user counts are derived when rendered."""
    letter = (name[:1] or "T").upper()
    return {
        "id": team_id,
        "name": name,
        "profileImages": {
            "profile80": f"{ASSET_HOST}/default-logos/{letter}_80.jpg",
            "profile80@2x": f"{ASSET_HOST}/default-logos/{letter}_80@2x.jpg",
            "profile150": f"{ASSET_HOST}/default-logos/{letter}_150.jpg",
            "profile150@2x": f"{ASSET_HOST}/default-logos/{letter}_150@2x.jpg",
        },
        "status": status,
        "awsFolderName": f"team-{team_id}",
        "heroImageUUID": None,
        "heroImages": {
            "profile1200": f"{ASSET_HOST}/default-team-hero--X1200.jpg",
            "profile1200@2x": f"{ASSET_HOST}/default-team-hero--X1200@2x.jpg",
        },
        "slug": "-".join(name.lower().split()) or None,
        "pagePublished": False,
        "OrganizationId": organization_id,
        "description": description,
    }


def user_record(
    user_id: str, first_name: str | None, last_name: str | None, email: str, status: str = "active"
) -> dict[str, Any]:
    """Return a new user; ``name`` falls back to ``"Filmer"`` as the API's does."""
    name = " ".join(part for part in (first_name, last_name) if part) or "Filmer"
    return {
        "id": user_id,
        "firstName": first_name,
        "lastName": last_name,
        "name": name,
        "email": email,
        "status": status,
        "onlineStatus": "offline",
        "profileImages": {
            "profile60": f"{ASSET_HOST}/default-profile--X60.jpg",
            "profile60@2x": f"{ASSET_HOST}/default-profile--X60@2x.jpg",
            "profile150": f"{ASSET_HOST}/default-profile--X150.jpg",
            "profile150@2x": f"{ASSET_HOST}/default-profile--X150@2x.jpg",
        },
        "userBio": None,
    }


def project_record(
    project_id: str,
    team: dict[str, Any],
    created: datetime,
    **fields: Any,
) -> dict[str, Any]:
    """Return a new project of ``team`` created at ``created``, overridden by ``fields``.

    Counts (``mediaCounts``, ``userCounts``) and ``newStatus`` are derived when rendered.
    """
    record: dict[str, Any] = {
        "id": project_id,
        "title": "Untitled project",
        "description": None,
        "orientation": "landscape",
        "shootType": "event",
        "defaultImageUrl": None,
        "profileImageUUID": None,
        "profileImages": None,
        "defaultImageOrientation": "landscape",
        "defaultImageIcon": None,
        "publishStatus": "unpublished",
        "type": "private",
        "joinCode": None,
        "TeamId": team["id"],
        "OrganizationId": team["OrganizationId"],
        "createdAt": iso(created),
        "updatedAt": iso(created),
        "teaserFileSize": None,
        "teaserFileSizeSD": None,
        "teaserThumbSize": None,
        "teaserTranscoded": False,
        "teaserTranscodingError": False,
        "teaserFileUUID": None,
        "teaserFileUUIDSD": None,
        "teaserLengthSeconds": 0,
        "teaserUrl": None,
        "teaserThumbnails": None,
        "incentive": None,
        "startAt": None,
        "endAt": None,
        "status": "active",
        "isGeoVisible": False,
    }
    record.update(fields)
    return record


def shot_record(
    shot_id: str, project: dict[str, Any], shot_type: dict[str, Any], order: int, **fields: Any
) -> dict[str, Any]:
    """Return a new shot of ``project`` based on ``shot_type``, overridden by ``fields``."""
    record: dict[str, Any] = {
        "id": shot_id,
        "title": shot_type["name"],
        "description": shot_type["description"] or "",
        "orientation": "landscape",
        "fps": shot_type["fps"],
        "quality": shot_type["quality"],
        "order": order,
        "hidden": False,
        "fileSize": "0",
        "fileSizeSD": "0",
        "thumbSize": "0",
        "transcoded": False,
        "transcodingError": False,
        "fileUUID": None,
        "fileUUIDSD": None,
        "lengthSeconds": 0,
        "thumbnails": [],
        "tutorialVideoUrl": shot_type["tutorialVideoUrl"],
        "ShotTypeId": shot_type["id"],
        "TeamId": project["TeamId"],
        "ProjectId": project["id"],
    }
    record.update(fields)
    return record


def media_file_record(
    media_id: str,
    file_uuid: str,
    project: dict[str, Any],
    user: dict[str, Any] | None,
    shot: dict[str, Any] | None,
    created: datetime,
    **fields: Any,
) -> dict[str, Any]:
    """Return a new media file (a clip, or a final video with ``isEdit=True``).

    ``file_uuid`` is the stored file's name (``<uuid>.<ext>``); the SD copy and the
    thumbnails are named after it. ``fields`` override any default, ``fileSize``
    included (give it as an int or a string: it is stored as a string).
    """
    stem, _, ext = file_uuid.rpartition(".")
    stem = stem or file_uuid
    user_name = user["name"] if user else "Filmer"
    shot_title = shot["title"] if shot else "Free Shoot"
    display = f"{project['title']} - {shot_title} - {user_name} - {stem[:8]}"
    stamp = iso(created)
    record: dict[str, Any] = {
        "id": media_id,
        "fileUUID": file_uuid,
        "fileUUIDSD": f"{stem}-SD.mp4",
        "thumbnailUUID": stem,
        "contentType": "video/quicktime" if ext == "mov" else "video/mp4",
        "fileSize": "0",
        "fileSizeSD": "0",
        "thumbSize": "0",
        "lengthSeconds": None,
        "description": None,
        "isEdit": False,
        "transcoded": False,
        "transcodingError": False,
        "shotInCaseMode": False,
        "fps": 30,
        "quality": "1080",
        "shotAt": stamp,
        "favorite": False,
        "orientation": "landscape",
        "TeamId": project["TeamId"],
        "UserId": user["id"] if user else None,
        "ProjectId": project["id"],
        "ShotId": shot["id"] if shot else None,
        "createdAt": stamp,
        "status": "pending",
        "name": None,
        "displayName": display,
        "displayNameWithExtension": f"{display}.{ext or 'mp4'}",
        "moderatedAt": None,
        "editDescription": None,
        "originalFileName": None,
    }
    record.update(fields)
    for key in ("fileSize", "fileSizeSD", "thumbSize"):
        record[key] = str(record[key])
    return record
