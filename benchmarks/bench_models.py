"""How much reading a MediaFile costs beyond decoding its JSON.

Times, per MediaFile of about 2,370 bytes (every field set, sizes as strings, four
thumbnails, both sets of profile images):

- decoding alone (orjson);
- decoding, then ``MediaFile.from_dict``;
- decoding, then ``structure_many`` over a page of 100 (the listing path);
- decoding, then a constructor written by hand for this one class: the floor. It does
  the conversions the model promises (ints from strings, timestamps, enums, nested
  images, tuples) the way one writes them by hand, ``MediaFile(...)`` with keyword
  arguments and ``MediaFileStatus(value)``, but checks no kinds and remembers no keys.

The ratio ``from_dict / floor`` is what the generality, the checks and the bookkeeping
cost. It can be below 1: the generated code fills the frozen class's slots directly and
reads enums from their value maps, which the class's own ``__init__`` and calling the
enum do not.
"""

from __future__ import annotations

import timeit
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import orjson

from benchmarks._table import print_table
from cinebody_async._convert import structure_many
from cinebody_async.models import (
    MediaFile,
    MediaFileFps,
    MediaFileOrientation,
    MediaFileQuality,
    MediaFileStatus,
    TeamProfileImages,
    UserProfileImages,
)

_ID = "4f0c8a52-6b1d-4c1e-9a53-2f7c0d9e81b4"
_TEAM = "d1855a03-4ad9-47ba-bbec-a2d2a85ea15e"
_S3 = "https://s3.amazonaws.com/cinebody"

SAMPLE: dict[str, Any] = {
    "id": _ID,
    "fileUUID": "502d06e7-0e2c-4278-be0b-c551a0903e77.mov",
    "fileUUIDSD": "502d06e7-0e2c-4278-be0b-c551a0903e77-SD.mp4",
    "thumbnailUUID": "502d06e7-0e2c-4278-be0b-c551a0903e77",
    "contentType": "video/quicktime",
    "fileSize": "370010412",
    "fileSizeSD": "19883041",
    "thumbSize": "45000",
    "lengthSeconds": 21.533,
    "description": "Kickflip down the big stairs",
    "isEdit": False,
    "transcoded": True,
    "transcodingError": False,
    "shotInCaseMode": False,
    "fps": 30,
    "quality": "1080",
    "shotAt": "2021-07-29T01:42:13.456Z",
    "favorite": True,
    "thumbnails": [
        f"{_S3}/teams/team-{_TEAM}/mediaThumbs/4a19abd0-d3ac-4a3e-8cdb-b4e442d73029-0000{n}.jpg"
        for n in range(1, 5)
    ],
    "orientation": "landscapeLeft",
    "TeamId": _TEAM,
    "UserId": "8b732759-0155-423b-8d06-17cf5ef71b02",
    "ProjectId": "98450db3-1a8e-4bae-a991-c75b5786b506",
    "ShotId": "3b8d875b-ff21-4219-ba72-38dac7ad1095",
    "createdAt": "2021-06-17T17:23:33.714Z",
    "status": "approved",
    "name": "Skate park kickflip",
    "displayName": "Around the globe - Jane Doe - Action - 12",
    "displayNameWithExtension": "Around the globe - Jane Doe - Action - 12.mov",
    "moderatedAt": "2021-06-18T09:02:11.020Z",
    "editDescription": None,
    "originalFileName": "IMG_0042.MOV",
    "teamName": "Lumenati",
    "teamProfileImages": {
        "profile80": f"{_S3}/default-logos/L_80.jpg",
        "profile80@2x": f"{_S3}/default-logos/L_80@2x.jpg",
        "profile150": f"{_S3}/default-logos/L_150.jpg",
        "profile150@2x": f"{_S3}/default-logos/L_150@2x.jpg",
    },
    "userName": "Jane Doe",
    "userProfileImages": {
        "profile60": f"{_S3}/default-profile--X60.jpg",
        "profile60@2x": f"{_S3}/default-profile--X60@2x.jpg",
        "profile150": f"{_S3}/default-profile--X150.jpg",
        "profile150@2x": f"{_S3}/default-profile--X150@2x.jpg",
    },
}

_PAGE = 100


def _size(value: Any) -> int | None:
    return None if value is None else int(value)


def _timestamp(value: str | None) -> datetime | None:
    if value is None:
        return None
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _enum(enum_cls: Any, value: Any) -> Any:
    return None if value is None else enum_cls(value)


def by_hand(d: dict[str, Any]) -> MediaFile:
    """Build the MediaFile the way one would write it for this class alone."""
    team_images = d.get("teamProfileImages")
    user_images = d.get("userProfileImages")
    thumbnails = d.get("thumbnails")
    return MediaFile(
        id=d.get("id"),
        file_uuid=d.get("fileUUID"),
        file_uuid_sd=d.get("fileUUIDSD"),
        thumbnail_uuid=d.get("thumbnailUUID"),
        content_type=d.get("contentType"),
        file_size=_size(d.get("fileSize")),
        file_size_sd=_size(d.get("fileSizeSD")),
        thumb_size=_size(d.get("thumbSize")),
        length_seconds=d.get("lengthSeconds"),
        description=d.get("description"),
        is_edit=d.get("isEdit"),
        transcoded=d.get("transcoded"),
        transcoding_error=d.get("transcodingError"),
        shot_in_case_mode=d.get("shotInCaseMode"),
        fps=_enum(MediaFileFps, d.get("fps")),
        quality=_enum(MediaFileQuality, d.get("quality")),
        shot_at=_timestamp(d.get("shotAt")),
        favorite=d.get("favorite"),
        thumbnails=None if thumbnails is None else tuple(thumbnails),
        orientation=_enum(MediaFileOrientation, d.get("orientation")),
        team_id=d.get("TeamId"),
        user_id=d.get("UserId"),
        project_id=d.get("ProjectId"),
        shot_id=d.get("ShotId"),
        created_at=_timestamp(d.get("createdAt")),
        status=_enum(MediaFileStatus, d.get("status")),
        name=d.get("name"),
        display_name=d.get("displayName"),
        display_name_with_extension=d.get("displayNameWithExtension"),
        moderated_at=_timestamp(d.get("moderatedAt")),
        edit_description=d.get("editDescription"),
        original_file_name=d.get("originalFileName"),
        team_name=d.get("teamName"),
        team_profile_images=None
        if team_images is None
        else TeamProfileImages(
            profile80=team_images.get("profile80"),
            profile80_2x=team_images.get("profile80@2x"),
            profile150=team_images.get("profile150"),
            profile150_2x=team_images.get("profile150@2x"),
        ),
        user_name=d.get("userName"),
        user_profile_images=None
        if user_images is None
        else UserProfileImages(
            profile60=user_images.get("profile60"),
            profile60_2x=user_images.get("profile60@2x"),
            profile150=user_images.get("profile150"),
            profile150_2x=user_images.get("profile150@2x"),
        ),
    )


def _per_item(run: Callable[[], object], items: int) -> float:
    """Return the best of several timings of ``run``, in microseconds per item."""
    number = max(1, 20_000 // items)
    best = min(timeit.repeat(run, number=number, repeat=7))
    return best / number / items * 1e6


def main() -> None:
    """Time the four ways of reading a MediaFile and print them with the ratio."""
    raw = orjson.dumps(SAMPLE)
    page = orjson.dumps([SAMPLE] * _PAGE)
    loads = orjson.loads
    from_dict = MediaFile.from_dict

    assert from_dict(loads(raw)) == by_hand(loads(raw))

    decode = _per_item(lambda: loads(raw), 1)
    sdk = _per_item(lambda: from_dict(loads(raw)), 1)
    many = _per_item(lambda: structure_many(MediaFile, loads(page)), _PAGE)
    floor = _per_item(lambda: by_hand(loads(raw)), 1)

    print_table(
        f"Reading a MediaFile of {len(raw):,} bytes (us per MediaFile, best of 7)",
        ["what", "us", "x floor"],
        [
            ("orjson decode only", decode, decode / floor),
            ("decode + MediaFile.from_dict", sdk, sdk / floor),
            (f"decode + structure_many, pages of {_PAGE}", many, many / floor),
            ("decode + hand-written constructor (floor)", floor, 1.0),
            ("ratio from_dict / floor", sdk / floor, ""),
        ],
    )
