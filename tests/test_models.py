"""The models: reading the wire, writing it back, errors, and the conversion helpers."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import attrs
import cattrs
import orjson
import pytest

from cinebody_async import _convert, models
from cinebody_async._convert import structure, structure_many, unstructure
from cinebody_async.errors import CinebodyError, ModelValidationError
from cinebody_async.models import (
    DownloadLink,
    ErrorBody,
    MediaFile,
    MediaFileFps,
    MediaFileOrientation,
    MediaFileQuality,
    MediaFileStatus,
    Model,
    Organization,
    OrganizationStorage,
    Project,
    ProjectStats,
    ProjectUserClipCount,
    ScheduledNotification,
    TeamProfileImages,
    TeamStats,
    TeamStorageUsage,
    TeamUser,
    UploadTarget,
    User,
    UserType,
)

# The answer to clipCompleteUpload in Cinebody's upload guide: sizes as strings, the
# quality as a string, the frame rate as a number, no thumbnail yet.
UPLOADED_CLIP: dict[str, Any] = {
    "id": "0f4d3c1a-2b8e-4f55-9d0c-6a2e71b3c9aa",
    "fileUUID": "b7f4b91b-22fd-4e37-8502-e85baeeebe5f.mp4",
    "fileUUIDSD": "b7f4b91b-22fd-4e37-8502-e85baeeebe5f-SD.mp4",
    "thumbnailUUID": None,
    "contentType": "video/mp4",
    "fileSize": "539667",
    "fileSizeSD": "0",
    "thumbSize": "0",
    "lengthSeconds": 12,
    "isEdit": False,
    "transcoded": False,
    "transcodingError": False,
    "shotInCaseMode": False,
    "fps": 30,
    "quality": "1080",
    "shotAt": "2021-07-29T01:42:13.456Z",
    "favorite": False,
    "thumbnails": [],
    "orientation": "landscapeLeft",
    "TeamId": "12345678-90ab-cdef-1234-567890abcdef",
    "UserId": "22345678-90ab-cdef-1234-567890abcdef",
    "ProjectId": "32345678-90ab-cdef-1234-567890abcdef",
    "ShotId": None,
    "createdAt": "2021-07-29T01:43:02.001Z",
    "status": "pending",
    "originalFileName": "my-uploaded-vid.mp4",
}


def model_classes() -> list[type[Model]]:
    """Every model class the package exports."""
    exported = (getattr(models, name) for name in models.__all__)
    return [cls for cls in exported if isinstance(cls, type) and issubclass(cls, Model)]


# --- the real upload answer ------------------------------------------------------------


def test_uploaded_clip_reads_to_python_types() -> None:
    clip = MediaFile.from_dict(UPLOADED_CLIP)

    assert clip.file_size == 539667
    assert type(clip.file_size) is int
    assert clip.file_size_sd == 0
    assert clip.thumb_size == 0
    assert clip.quality is MediaFileQuality.QUALITY_1080
    assert clip.fps is MediaFileFps.FPS_30
    assert clip.thumbnail_uuid is None
    assert clip.shot_at == datetime(2021, 7, 29, 1, 42, 13, 456000, tzinfo=UTC)
    assert clip.status is MediaFileStatus.PENDING
    assert clip.orientation is MediaFileOrientation.LANDSCAPE_LEFT
    assert clip.team_id == "12345678-90ab-cdef-1234-567890abcdef"
    assert clip.thumbnails == ()
    assert clip.is_edit is False


def test_uploaded_clip_writes_back_its_keys_in_their_order() -> None:
    wire = MediaFile.from_dict(UPLOADED_CLIP).to_dict()

    assert list(wire) == list(UPLOADED_CLIP)
    assert wire["fileSize"] == 539667
    assert wire["quality"] == "1080"
    assert wire["fps"] == 30
    assert wire["thumbnailUUID"] is None
    assert wire["shotAt"] == "2021-07-29T01:42:13.456Z"
    assert MediaFile.from_dict(wire) == MediaFile.from_dict(UPLOADED_CLIP)


# --- names ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "name", "wire"),
    [
        (MediaFile, "file_uuid_sd", "fileUUIDSD"),
        (MediaFile, "file_size_sd", "fileSizeSD"),
        (MediaFile, "thumbnail_uuid", "thumbnailUUID"),
        (MediaFile, "display_name_with_extension", "displayNameWithExtension"),
        (MediaFile, "team_id", "TeamId"),
        (TeamProfileImages, "profile80_2x", "profile80@2x"),
        (ScheduledNotification, "from_user_id", "FromUserId"),
        (ProjectUserClipCount, "user_id", "userId"),
        (Organization, "address_line1", "addressLine1"),
        (Project, "teaser_file_uuid_sd", "teaserFileUUIDSD"),
        (ErrorBody, "friendly_reason", "friendlyReason"),
    ],
)
def test_wire_names(cls: type[Model], name: str, wire: str) -> None:
    assert _convert.wire_name(attrs.fields_dict(cls)[name]) == wire


def test_attribute_enums_name_fields_of_their_model() -> None:
    pairs = [
        (models.OrganizationAttribute, Organization),
        (models.TeamAttribute, models.Team),
        (models.UserAttribute, User),
        (models.ProjectAttribute, Project),
        (models.MediaFileAttribute, MediaFile),
        (models.ShotAttribute, models.Shot),
        (models.ShotTypeAttribute, models.ShotType),
        (models.ScheduledNotificationAttribute, ScheduledNotification),
    ]
    # The spec lets organizations be limited to two fields it never describes.
    undescribed = {"storageChecked", "customerId"}

    for attribute_enum, cls in pairs:
        wires = {_convert.wire_name(a) for a in attrs.fields(cls) if not a.name.startswith("_")}
        for member in attribute_enum:
            assert member.value in wires | undescribed, (attribute_enum, member)
            if member.value in wires:
                field = attrs.fields_dict(cls)[member.name.lower()]
                assert _convert.wire_name(field) == member.value


# --- absent, null, unknown ----------------------------------------------------------------


def test_absent_and_null_both_read_as_none_and_write_back_as_they_came() -> None:
    absent = MediaFile.from_dict({"id": "a"})
    null = MediaFile.from_dict({"id": "a", "status": None})

    assert absent.status is None
    assert null.status is None
    assert absent == null
    assert absent.to_dict() == {"id": "a"}
    assert null.to_dict() == {"id": "a", "status": None}


def test_unknown_fields_are_kept_and_written_back() -> None:
    data: dict[str, Any] = {"zeta": {"nested": [1, 2]}, "id": "a", "newThing": None}

    clip = MediaFile.from_dict(data)
    wire = clip.to_dict()

    assert wire == data
    assert list(wire) == ["zeta", "id", "newThing"]
    wire["zeta"]["nested"].append(3)
    data["zeta"]["nested"].append(4)
    assert clip.to_dict()["zeta"] == {"nested": [1, 2]}


def test_unknown_enum_values_are_kept_typed_as_their_enum() -> None:
    clip = MediaFile.from_dict(
        {"status": "archived", "fps": 29.97, "quality": "8k", "orientation": "sideways"}
    )

    assert isinstance(clip.status, MediaFileStatus)
    assert clip.status == "archived"
    assert clip.status.value == "archived"
    assert not clip.status.is_known
    assert MediaFileStatus.APPROVED.is_known
    assert clip.fps == 29.97
    assert not clip.fps.is_known
    assert clip.quality is not None
    assert clip.quality.value == "8k"
    assert clip.to_dict() == {
        "status": "archived",
        "fps": 29.97,
        "quality": "8k",
        "orientation": "sideways",
    }
    assert list(MediaFileStatus) == [
        MediaFileStatus.PENDING,
        MediaFileStatus.APPROVED,
        MediaFileStatus.REJECTED,
    ]


def test_unknown_enum_members_are_shared_and_survive_pickling() -> None:
    first = MediaFileStatus.from_wire("archived")

    assert MediaFileStatus.from_wire("archived") is first
    assert pickle.loads(pickle.dumps(first)) is first
    assert repr(first) == "<MediaFileStatus unknown: 'archived'>"
    assert repr(MediaFileStatus.APPROVED) == "<MediaFileStatus.APPROVED: 'approved'>"


def test_calling_an_enum_stays_strict() -> None:
    with pytest.raises(ValueError, match="archived"):
        MediaFileStatus("archived")

    assert MediaFileStatus("approved") is MediaFileStatus.APPROVED


def test_quality_reads_numbers_and_fps_keeps_its_number_type() -> None:
    assert MediaFileQuality.from_wire(720) is MediaFileQuality.QUALITY_720
    assert MediaFileQuality.from_wire(1080) is MediaFileQuality.QUALITY_1080
    assert MediaFileFps.from_wire(30.0) is MediaFileFps.FPS_30
    assert MediaFileFps.FPS_30.value == 30
    assert type(MediaFileFps.FPS_30.value) is int
    assert str(MediaFileFps.FPS_24) == "24"
    assert orjson.dumps(MediaFile(fps=MediaFileFps.FPS_60).to_dict()) == b'{"fps":60}'

    with pytest.raises(TypeError):
        MediaFileFps.from_wire("30")
    with pytest.raises(TypeError):
        MediaFileQuality.from_wire(True)


# --- loose wire types ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("539667", 539667), (539667, 539667), (1.0e9, 1_000_000_000), ("-3", -3), ("0", 0)],
)
def test_sizes_read_as_ints(raw: object, expected: int) -> None:
    value = TeamStorageUsage.from_dict({"total": raw}).total

    assert value == expected
    assert type(value) is int


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(True, True), (False, False), ("true", True), ("false", False)],
)
def test_is_from_team_reads_booleans_and_their_strings(raw: object, expected: bool) -> None:
    assert ScheduledNotification.from_dict({"isFromTeam": raw}).is_from_team is expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2021-07-29T01:42:13.456Z", datetime(2021, 7, 29, 1, 42, 13, 456000, tzinfo=UTC)),
        ("2021-07-29T01:42:13", datetime(2021, 7, 29, 1, 42, 13, tzinfo=UTC)),
        (
            "2021-07-29T03:42:13.5+02:00",
            datetime(2021, 7, 29, 3, 42, 13, 500000, tzinfo=timezone(timedelta(hours=2))),
        ),
    ],
)
def test_timestamps_are_timezone_aware(raw: str, expected: datetime) -> None:
    value = Project.from_dict({"createdAt": raw}).created_at

    assert value == expected
    assert value is not None
    assert value.utcoffset() == expected.utcoffset()


def test_datetime_objects_are_read_too() -> None:
    aware = datetime(2021, 7, 29, 3, 42, tzinfo=timezone(timedelta(hours=2)))

    project = Project.from_dict({"createdAt": aware, "updatedAt": datetime(2021, 7, 29)})

    assert project.created_at is aware
    assert project.updated_at == datetime(2021, 7, 29, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "wire"),
    [
        (datetime(2021, 7, 29, 1, 42, 13, 456000, tzinfo=UTC), "2021-07-29T01:42:13.456Z"),
        (datetime(2021, 7, 29, 1, 42, 13, tzinfo=UTC), "2021-07-29T01:42:13.000Z"),
        (datetime(2021, 7, 29, 1, 42, 13, 456789, tzinfo=UTC), "2021-07-29T01:42:13.456789Z"),
        (
            datetime(2021, 7, 29, 3, 42, 13, tzinfo=timezone(timedelta(hours=2))),
            "2021-07-29T03:42:13.000+02:00",
        ),
    ],
)
def test_timestamps_write_as_the_api_does(value: datetime, wire: str) -> None:
    assert Project(created_at=value).to_dict() == {"createdAt": wire}


def test_lists_become_tuples_and_a_lone_object_reads_as_one_item() -> None:
    listed = ProjectStats.from_dict({"userClipCounts": [{"userId": "u", "numClips": "4"}]})
    lone = ProjectStats.from_dict({"userClipCounts": {"userId": "u", "numClips": 4}})

    assert listed.user_clip_counts == (ProjectUserClipCount(user_id="u", num_clips=4),)
    assert lone == listed
    assert lone.to_dict() == {"userClipCounts": [{"userId": "u", "numClips": 4}]}


def test_plain_mappings_stay_plain_and_are_copied() -> None:
    counts = {"p1": {"videos": {"approved": 2}}}

    stats = TeamStats.from_dict({"projectCounts": counts, "numProjects": 1})
    counts["p1"]["videos"]["approved"] = 99

    assert stats.project_counts == {"p1": {"videos": {"approved": 2}}}
    # The mapping takes part in ==, not in the hash, so the model stays hashable.
    assert hash(stats) == hash(TeamStats(num_projects=1))
    assert stats != TeamStats(num_projects=1)


def test_organization_storage_maps_team_ids_to_usage() -> None:
    storage = OrganizationStorage.from_dict(
        {
            "apiVersion": "3.26.1",
            "totalBytes": "33402653444",
            "teamStorage": {"t1": {"numFiles": 3, "fileSize": "100", "total": 140}},
        }
    )

    assert storage.total_bytes == 33402653444
    assert storage.team_storage == {"t1": TeamStorageUsage(num_files=3, file_size=100, total=140)}
    assert storage.to_dict()["teamStorage"] == {
        "t1": {"numFiles": 3, "fileSize": 100, "total": 140}
    }


def test_team_user_carries_the_user_fields_and_its_role() -> None:
    member = TeamUser.from_dict(
        {"id": "u", "name": "Filmer", "teamUserType": "admin", "userProjectStatus": "inactive"}
    )

    assert isinstance(member, User)
    assert member.name == "Filmer"
    assert member.team_user_type is UserType.ADMIN
    assert member.user_project_status == "inactive"


# --- transfers --------------------------------------------------------------------------


def test_upload_target_reads_the_upload_id_from_the_signed_urls() -> None:
    query = "AWSAccessKeyId=AKIA&Expires=1627600000&Signature=a%3D&partNumber=1&uploadId=rtKJ.x-1"
    target = UploadTarget.from_dict(
        {
            "signedUrls": [f"https://cinebody.s3.amazonaws.com/uploads/f.mp4?{query}"],
            "chunkSizeBytes": 10000000,
            "filename": "b7f4b91b-22fd-4e37-8502-e85baeeebe5f.mp4",
            "apiVersion": "3.26.0",
        }
    )

    assert target.upload_id == "rtKJ.x-1"
    assert target.chunk_size_bytes == 10_000_000
    assert target.api_version == "3.26.0"
    assert UploadTarget.from_dict({"signedUrls": ["https://h/p?partNumber=1"]}).upload_id is None
    assert UploadTarget.from_dict({}).upload_id is None


def test_download_link_gives_whichever_url_came() -> None:
    single = DownloadLink.from_dict({"url": "https://h/a?sig=1", "filename": "a.mov"})
    many = DownloadLink.from_dict({"signedUrl": "https://h/b?sig=2", "filename": "b.mp4"})

    assert single.download_url == "https://h/a?sig=1"
    assert many.download_url == "https://h/b?sig=2"
    assert many.to_dict() == {"signedUrl": "https://h/b?sig=2", "filename": "b.mp4"}
    assert DownloadLink().download_url is None


def test_error_body() -> None:
    body = ErrorBody.from_dict(
        {
            "status": "failure",
            "code": "NO_USER_SLOTS",
            "reason": "There are no more slots open on the team.",
            "friendlyReason": "You've run out of user spots.",
        }
    )

    assert body.code == "NO_USER_SLOTS"
    assert body.friendly_reason == "You've run out of user spots."


# --- errors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "data", "path"),
    [
        (MediaFile, {"fileSize": "12 MB"}, "fileSize"),
        (MediaFile, {"fileSize": True}, "fileSize"),
        (MediaFile, {"fileSize": 1.5}, "fileSize"),
        (MediaFile, {"id": ["a"]}, "id"),
        (MediaFile, {"status": 3}, "status"),
        (MediaFile, {"status": ["approved"]}, "status"),
        (MediaFile, {"fps": "30"}, "fps"),
        (MediaFile, {"quality": 1080.5}, "quality"),
        (MediaFile, {"shotAt": "yesterday"}, "shotAt"),
        (MediaFile, {"shotAt": 1627522933}, "shotAt"),
        (MediaFile, {"isEdit": "yes"}, "isEdit"),
        (MediaFile, {"lengthSeconds": "long"}, "lengthSeconds"),
        (MediaFile, {"thumbnails": "a.jpg"}, "thumbnails"),
        (MediaFile, {"thumbnails": ["a.jpg", 2]}, "thumbnails[1]"),
        (MediaFile, {"teamProfileImages": "a.jpg"}, "teamProfileImages"),
        (MediaFile, {"teamProfileImages": {"profile80@2x": 7}}, "teamProfileImages.profile80@2x"),
        (ProjectStats, {"userClipCounts": [{}, {"numClips": "x"}]}, "userClipCounts[1].numClips"),
        (ProjectStats, {"counts": {"videos": {"pending": []}}}, "counts.videos.pending"),
        (TeamStats, {"projectCounts": [1]}, "projectCounts"),
        (OrganizationStorage, {"teamStorage": {"t1": {"total": "x"}}}, "teamStorage['t1'].total"),
        (OrganizationStorage, {"teamStorage": {"t1": 5}}, "teamStorage['t1']"),
        (ScheduledNotification, {"isFromTeam": "maybe"}, "isFromTeam"),
    ],
)
def test_wrong_kinds_raise_with_the_field_path(
    cls: type[Model], data: dict[str, Any], path: str
) -> None:
    with pytest.raises(ModelValidationError) as caught:
        cls.from_dict(data)

    assert caught.value.model == cls.__name__
    assert caught.value.path == path
    assert str(caught.value).startswith(f"{cls.__name__}.{path}: expected ")
    assert isinstance(caught.value, CinebodyError)


def test_the_message_says_what_came() -> None:
    with pytest.raises(ModelValidationError, match=r"^MediaFile\.fileSize: .* the string '12 MB'"):
        MediaFile.from_dict({"fileSize": "12 MB"})


@pytest.mark.parametrize("data", [[], "clip", 3, None])
def test_a_body_that_is_not_an_object_raises(data: object) -> None:
    with pytest.raises(ModelValidationError) as caught:
        structure(MediaFile, data)

    assert caught.value.model == "MediaFile"
    assert caught.value.path == ""


def test_structure_many_names_the_item() -> None:
    items = [{"id": "a"}, {"id": "b"}, {"id": "c", "fileSizeSD": "n/a"}]

    with pytest.raises(ModelValidationError) as caught:
        structure_many(MediaFile, items)

    assert caught.value.model == "MediaFile"
    assert caught.value.path == "[2].fileSizeSD"


def test_structure_many_refuses_a_non_list() -> None:
    with pytest.raises(ModelValidationError, match="expected a list"):
        structure_many(MediaFile, {"id": "a"})


def test_structure_refuses_a_class_that_is_not_a_model() -> None:
    with pytest.raises(TypeError, match="not a Cinebody model"):
        structure(dict, {})  # type: ignore[type-var]


# --- the conversion functions -----------------------------------------------------------


def test_structure_many_reads_every_item_in_order() -> None:
    clips = structure_many(MediaFile, [{"id": str(n), "fileSize": str(n)} for n in range(50)])

    assert [clip.file_size for clip in clips] == list(range(50))
    assert structure_many(MediaFile, []) == []


def test_structure_and_unstructure_match_the_methods() -> None:
    clip = structure(MediaFile, UPLOADED_CLIP)

    assert clip == MediaFile.from_dict(UPLOADED_CLIP)
    assert unstructure(clip) == clip.to_dict()


def test_a_mapping_that_is_not_a_dict_is_read() -> None:
    from types import MappingProxyType

    assert MediaFile.from_dict(MappingProxyType({"id": "a"})).id == "a"


def test_the_cattrs_converter_knows_the_models() -> None:
    converter: cattrs.Converter = _convert.converter

    clips = converter.structure([UPLOADED_CLIP], list[MediaFile])
    status = converter.structure("archived", MediaFileStatus)
    moment = converter.structure("2021-07-29T01:42:13Z", datetime)

    assert clips == [MediaFile.from_dict(UPLOADED_CLIP)]
    assert status.value == "archived"
    assert moment.tzinfo is UTC
    assert converter.unstructure(clips[0]) == clips[0].to_dict()


# --- model behaviour -----------------------------------------------------------------------


def test_models_are_frozen_and_slotted() -> None:
    clip = MediaFile.from_dict(UPLOADED_CLIP)

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        clip.id = "b"  # type: ignore[misc]
    assert not hasattr(clip, "__dict__")


def test_models_are_hashable_and_compare_by_fields() -> None:
    first = MediaFile.from_dict(UPLOADED_CLIP)
    second = MediaFile.from_dict(dict(reversed(UPLOADED_CLIP.items())))

    assert first == second
    assert hash(first) == hash(second)
    assert first != attrs.evolve(first, status=MediaFileStatus.APPROVED)


def test_repr_shows_a_few_identifying_fields() -> None:
    clip = MediaFile.from_dict(UPLOADED_CLIP)
    odd = MediaFile.from_dict({"id": "x", "status": "archived"})

    assert repr(clip) == (
        "MediaFile(id='0f4d3c1a-2b8e-4f55-9d0c-6a2e71b3c9aa', "
        "original_file_name='my-uploaded-vid.mp4', status=<pending>)"
    )
    assert repr(odd) == "MediaFile(id='x', status=<archived (unknown)>)"
    assert repr(TeamProfileImages(profile80="a")) == "TeamProfileImages(profile80='a')"


def test_a_model_built_in_code_writes_its_set_fields() -> None:
    clip = MediaFile(id="a", status=MediaFileStatus.APPROVED, thumbnails=("t",), team_id="t1")

    assert clip.to_dict() == {"id": "a", "thumbnails": ["t"], "TeamId": "t1", "status": "approved"}
    assert MediaFile.from_dict(clip.to_dict()) == clip


def test_evolve_keeps_the_keys_that_came_and_adds_fields_set_since() -> None:
    clip = MediaFile.from_dict({"id": "a", "status": "pending", "zeta": 1})

    changed = attrs.evolve(clip, status=MediaFileStatus.APPROVED, name="take 1")
    cleared = attrs.evolve(clip, status=None)

    assert changed.to_dict() == {"id": "a", "status": "approved", "zeta": 1, "name": "take 1"}
    assert cleared.to_dict() == {"id": "a", "status": None, "zeta": 1}


def test_models_pickle() -> None:
    clip = MediaFile.from_dict({**UPLOADED_CLIP, "status": "archived", "zeta": [1]})

    copy = pickle.loads(pickle.dumps(clip))

    assert copy == clip
    assert copy.to_dict() == clip.to_dict()


def test_every_model_class_reads_an_empty_object() -> None:
    for cls in model_classes():
        if cls is Model:
            continue
        empty = cls.from_dict({})
        assert empty.to_dict() == {}
        fields = [a for a in attrs.fields(cls) if not a.name.startswith("_")]
        assert all(getattr(empty, a.name) is None for a in fields)


def test_the_package_exports_every_public_name_sorted() -> None:
    from cinebody_async.models import (
        attributes,
        enums,
        error_body,
        images,
        media_files,
        notifications,
        organizations,
        projects,
        shots,
        stats,
        teams,
        transfers,
        users,
    )

    modules = [
        attributes,
        enums,
        error_body,
        images,
        media_files,
        notifications,
        organizations,
        projects,
        shots,
        stats,
        teams,
        transfers,
        users,
    ]
    public = {name for module in modules for name in module.__all__} | {"Model"}

    assert models.__all__ == sorted(models.__all__)
    assert set(models.__all__) == public
    assert all(hasattr(models, name) for name in models.__all__)
