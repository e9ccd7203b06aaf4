"""Multipart uploads (the API calls, with the parts sent to the fake S3), end to end."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import attrs
import pytest

from cinebody_async import (
    BadRequestError,
    CinebodyClient,
    InvalidResponseError,
    NotFoundError,
    ParameterError,
    ServerError,
    TransportError,
)
from cinebody_async.models import (
    MediaFile,
    MediaFileFps,
    MediaFileOrientation,
    MediaFileQuality,
    Project,
    ProjectUploadType,
    Shot,
    UploadTarget,
)
from cinebody_async.resources.uploads import CompletedPart
from cinebody_async.testing import FakeCinebody
from cinebody_async.testing.faults import Reply

PART = 64  # the part size of the `fake` fixture
START = "GET /projects/{projectId}/upload"
COMPLETE_CLIP = "POST /projects/{projectId}/clipCompleteUpload"


@pytest.fixture
async def s3() -> AsyncIterator[aiohttp.ClientSession]:
    """A plain session for the signed part URLs: they are signed for no content type."""
    async with aiohttp.ClientSession(skip_auto_headers=["Content-Type"]) as session:
        yield session


def a_project(fake: FakeCinebody) -> str:
    return next(iter(fake.state.projects))


def a_filmer(fake: FakeCinebody, project_id: str) -> str:
    return next(iter(fake.state.project_users[project_id]))


def payload(size: int) -> bytes:
    return bytes((index * 31 + 7) % 256 for index in range(size))


async def put_parts(
    s3: aiohttp.ClientSession, target: UploadTarget, data: bytes
) -> list[CompletedPart]:
    """PUT each part to its signed URL; return the parts as S3 answered them."""
    assert target.signed_urls is not None
    assert target.chunk_size_bytes is not None
    size = target.chunk_size_bytes
    parts = []
    for number, url in enumerate(target.signed_urls, start=1):
        chunk = data[(number - 1) * size : number * size]
        async with s3.put(url, data=chunk) as response:
            assert response.status == 200, await response.text()
            parts.append(CompletedPart(number, response.headers["ETag"]))
    return parts


async def upload(
    cb: CinebodyClient, s3: aiohttp.ClientSession, project_id: str, kind: str, data: bytes
) -> tuple[UploadTarget, list[CompletedPart]]:
    target = await cb.uploads.start(
        project_id, type=kind, content_type="video/mp4", ext="mp4", size_bytes=len(data)
    )
    return target, await put_parts(s3, target, data)


def sent_json(fake: FakeCinebody, route: str) -> Any:
    (request,) = fake.requests_to(route)
    return json.loads(request.body)


# Starting --------------------------------------------------------------------------------


async def test_start_answers_one_signed_url_per_part(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    project_id = a_project(fake)

    target = await cb.uploads.start(
        project_id,
        type=ProjectUploadType.CLIP,
        content_type="video/quicktime",
        ext=".MOV",
        size_bytes=3 * PART + 1,
    )

    assert target.chunk_size_bytes == PART
    assert target.signed_urls is not None
    assert len(target.signed_urls) == 4
    assert target.filename is not None
    assert target.filename.endswith(".mov")
    upload = fake.s3.uploads[target.upload_id or ""]
    assert (upload.project_id, upload.kind, upload.size) == (project_id, "clip", 3 * PART + 1)
    assert upload.content_type == "video/quicktime"
    (request,) = fake.requests
    assert dict(request.query) == {
        "contentType": "video/quicktime",
        "ext": "MOV",
        "type": "clip",
        "sizeBytes": str(3 * PART + 1),
    }


@pytest.mark.parametrize(
    ("arguments", "parameter"),
    [
        ({"type": "movie"}, "type"),
        ({"type": None}, "type"),
        ({"content_type": ""}, "content_type"),
        ({"content_type": "mp4"}, "content_type"),
        ({"content_type": None}, "content_type"),
        ({"ext": ""}, "ext"),
        ({"ext": "."}, "ext"),
        ({"ext": "mp/4"}, "ext"),
        ({"ext": None}, "ext"),
        ({"size_bytes": 0}, "size_bytes"),
        ({"size_bytes": True}, "size_bytes"),
        ({"size_bytes": 1.5}, "size_bytes"),
        ({"size_bytes": None}, "size_bytes"),
    ],
)
async def test_start_refuses_bad_input_before_sending(
    fake: FakeCinebody, cb: CinebodyClient, arguments: dict[str, Any], parameter: str
) -> None:
    good: dict[str, Any] = {
        "type": "clip",
        "content_type": "video/mp4",
        "ext": "mp4",
        "size_bytes": 10,
    }

    with pytest.raises(ParameterError) as caught:
        await cb.uploads.start(a_project(fake), **{**good, **arguments})

    assert caught.value.parameter == parameter
    assert fake.requests == []
    assert fake.s3.uploads == {}


async def test_start_in_an_unknown_project_raises_not_found(cb: CinebodyClient) -> None:
    with pytest.raises(NotFoundError):
        await cb.uploads.start(
            "00000000-0000-4000-8000-000000000000",
            type="clip",
            content_type="video/mp4",
            ext="mp4",
            size_bytes=10,
        )


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ({"chunkSizeBytes": PART, "filename": "a.mp4"}, "signedUrls"),
        ({"signedUrls": ["http://s3/x?uploadId=u"], "chunkSizeBytes": PART}, "filename"),
        ({"signedUrls": ["http://s3/x?uploadId=u"], "filename": "a.mp4"}, "chunkSizeBytes"),
        ({"signedUrls": ["http://s3/x"], "chunkSizeBytes": PART, "filename": "a.mp4"}, "uploadId"),
        (
            {"signedUrls": ["http://s3/x?uploadId=u"], "chunkSizeBytes": 4, "filename": "a.mp4"},
            "expected 3",
        ),
    ],
)
async def test_start_refuses_an_answer_it_cannot_upload_with(
    fake: FakeCinebody, cb: CinebodyClient, body: dict[str, Any], problem: str
) -> None:
    fake.faults.script(START, [Reply(200, body=body)])

    with pytest.raises(InvalidResponseError, match=problem) as caught:
        await cb.uploads.start(
            a_project(fake), type="clip", content_type="video/mp4", ext="mp4", size_bytes=10
        )

    assert str(caught.value).startswith("GET projects/{id}/upload: ")


# Completing a clip -----------------------------------------------------------------------


async def test_clip_upload_stores_the_file_and_creates_the_clip(
    fake: FakeCinebody, cb: CinebodyClient, s3: aiohttp.ClientSession
) -> None:
    project_id = a_project(fake)
    filmer = a_filmer(fake, project_id)
    shot_id = fake.state.project_shots(project_id)[0]["id"]
    data = payload(3 * PART + 10)
    target, parts = await upload(cb, s3, project_id, "clip", data)
    assert parts[0].etag == hashlib.md5(data[:PART]).hexdigest()
    shuffled = parts[::-1]
    filmed = dt.datetime(2024, 5, 1, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))

    clip = await cb.uploads.complete_clip(
        project_id,
        upload_id=target.upload_id or "",
        filename=target.filename or "",
        parts=shuffled,
        user_id=filmer,
        shot_id=shot_id,
        original_file_name="take1.mp4",
        content_type="video/mp4",
        duration=12.5,
        shot_at=filmed,
        fps=24,
        quality=MediaFileQuality.QUALITY_4K,
        orientation="portrait",
        lat=48.8606,
        lng=2.3376,
        shot_in_case_mode=False,
    )

    assert isinstance(clip, MediaFile)
    assert (clip.file_uuid, clip.file_size, clip.user_id) == (target.filename, len(data), filmer)
    assert (clip.shot_id, clip.project_id, clip.is_edit) == (shot_id, project_id, False)
    assert (clip.fps, clip.quality) == (MediaFileFps.FPS_24, MediaFileQuality.QUALITY_4K)
    assert clip.orientation is MediaFileOrientation.PORTRAIT
    assert clip.shot_at == filmed
    assert fake.state.file_contents[target.filename or ""] == data
    stored = fake.state.media_file(clip.id or "")
    assert (stored["originalFileName"], stored["lengthSeconds"]) == ("take1.mp4", 12.5)
    assert stored["shotAt"] == "2024-05-01T12:30:00.000Z"
    sent = sent_json(fake, COMPLETE_CLIP)
    assert sent["parts"] == [
        {"partNumber": n, "etag": hashlib.md5(data[(n - 1) * PART : n * PART]).hexdigest()}
        for n in range(1, 5)
    ]
    assert (sent["uploadId"], sent["userId"], sent["lat"]) == (target.upload_id, filmer, 48.8606)
    listed = await cb.media_files.list(project_id, max_items=1).all()
    assert [c.id for c in listed] == [clip.id]


async def test_edit_upload_makes_a_final_video(
    fake: FakeCinebody, cb: CinebodyClient, s3: aiohttp.ClientSession
) -> None:
    project_id = a_project(fake)
    data = payload(PART)
    target, parts = await upload(cb, s3, project_id, "edit", data)

    video = await cb.uploads.complete_clip(
        project_id,
        upload_id=target.upload_id or "",
        filename=target.filename or "",
        parts=parts,
        user_id=a_filmer(fake, project_id),
        attributes=["id", "isEdit", "fileSize"],
    )

    assert (video.is_edit, video.file_size) == (True, PART)
    assert video.user_id is None  # left out by attributes
    assert fake.state.media_file(video.id or "")["isEdit"] is True
    assert fake.requests_to(COMPLETE_CLIP)[0].query_values("attributes") == [
        "id",
        "isEdit",
        "fileSize",
    ]


async def test_completion_with_a_wrong_etag_is_refused_by_the_api(
    fake: FakeCinebody, cb: CinebodyClient, s3: aiohttp.ClientSession
) -> None:
    project_id = a_project(fake)
    target, parts = await upload(cb, s3, project_id, "clip", payload(2 * PART))
    parts[1] = attrs.evolve(parts[1], etag="0" * 32)

    with pytest.raises(BadRequestError):
        await cb.uploads.complete_clip(
            project_id,
            upload_id=target.upload_id or "",
            filename=target.filename or "",
            parts=parts,
            user_id=a_filmer(fake, project_id),
        )

    assert target.filename not in fake.state.file_contents


async def test_completion_is_not_repeated_after_an_ambiguous_failure(
    fake: FakeCinebody, cb: CinebodyClient, s3: aiohttp.ClientSession
) -> None:
    project_id = a_project(fake)
    target, parts = await upload(cb, s3, project_id, "clip", payload(PART + 1))
    arguments: dict[str, Any] = {
        "upload_id": target.upload_id,
        "filename": target.filename,
        "parts": parts,
        "user_id": a_filmer(fake, project_id),
    }
    fake.faults.script(COMPLETE_CLIP, ["drop", 503])

    with pytest.raises(TransportError):
        await cb.uploads.complete_clip(project_id, **arguments)
    with pytest.raises(ServerError):
        await cb.uploads.complete_clip(project_id, **arguments)
    assert len(fake.requests_to(COMPLETE_CLIP)) == 2
    clip = await cb.uploads.complete_clip(project_id, **arguments)

    assert fake.state.file_contents[target.filename or ""] == payload(PART + 1)
    assert clip.file_size == PART + 1
    with pytest.raises(NotFoundError):
        await cb.uploads.complete_clip(project_id, **arguments)


@pytest.mark.parametrize(
    ("changes", "parameter"),
    [
        ({"parts": []}, "parts"),
        ({"parts": None}, "parts"),
        ({"parts": [CompletedPart(1, "a"), CompletedPart(1, "b")]}, "parts"),
        ({"parts": [CompletedPart(2, "a")]}, "parts"),
        ({"parts": [CompletedPart(1, "a"), CompletedPart(3, "b")]}, "parts"),
        ({"parts": [{"partNumber": 1, "etag": "a"}]}, "parts"),
        ({"upload_id": ""}, "upload_id"),
        ({"upload_id": None}, "upload_id"),
        ({"filename": " "}, "filename"),
        ({"user_id": None}, "user_id"),
        ({"shot_id": ""}, "shot_id"),
        ({"duration": -1}, "duration"),
        ({"duration": float("nan")}, "duration"),
        ({"duration": float("inf")}, "duration"),
        ({"shot_at": dt.datetime(2024, 5, 1)}, "shot_at"),  # naive on purpose
        ({"fps": 29.97}, "fps"),
        ({"quality": "8k"}, "quality"),
        ({"orientation": "sideways"}, "orientation"),
        ({"lat": 91.0, "lng": 0.0}, "lat"),
        ({"lat": 0.0, "lng": 181.0}, "lng"),
        ({"lat": 10.0}, "lat/lng"),
        ({"is_edit": "no"}, "is_edit"),
        ({"content_type": "video"}, "content_type"),
        ({"attributes": ["nope"]}, "attributes"),
    ],
)
async def test_complete_clip_refuses_bad_input_before_sending(
    fake: FakeCinebody, cb: CinebodyClient, changes: dict[str, Any], parameter: str
) -> None:
    arguments: dict[str, Any] = {
        "upload_id": "upload",
        "filename": "a.mp4",
        "parts": [CompletedPart(1, "etag")],
        "user_id": "user",
        **changes,
    }

    with pytest.raises(ParameterError) as caught:
        await cb.uploads.complete_clip(a_project(fake), **arguments)

    assert caught.value.parameter == parameter
    assert fake.requests == []


# Shot examples and teasers ---------------------------------------------------------------


async def test_shot_example_upload_sets_the_shots_video(
    fake: FakeCinebody, cb: CinebodyClient, s3: aiohttp.ClientSession
) -> None:
    project_id = a_project(fake)
    shot_id = fake.state.project_shots(project_id)[1]["id"]
    data = payload(2 * PART - 3)
    target, parts = await upload(cb, s3, project_id, "shot", data)

    shot = await cb.uploads.complete_shot_example(
        project_id,
        upload_id=target.upload_id or "",
        filename=target.filename or "",
        parts=parts,
        shot_id=shot_id,
        has_no_padding=True,
    )

    assert isinstance(shot, Shot)
    assert (shot.id, shot.file_uuid, shot.file_size) == (shot_id, target.filename, len(data))
    assert fake.state.shots[shot_id]["fileUUID"] == target.filename
    assert fake.state.file_contents[target.filename or ""] == data
    sent = sent_json(fake, "POST /projects/{projectId}/shotExampleCompleteUpload")
    assert (sent["shotId"], sent["hasNoPadding"]) == (shot_id, True)


async def test_shot_example_refuses_bad_input_before_sending(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    with pytest.raises(ParameterError) as caught:
        await cb.uploads.complete_shot_example(
            a_project(fake),
            upload_id="u",
            filename="a.mp4",
            parts=[CompletedPart(1, "e")],
            shot_id=None,  # type: ignore[arg-type]
        )
    assert caught.value.parameter == "shot_id"

    with pytest.raises(ParameterError) as caught:
        await cb.uploads.complete_shot_example(
            a_project(fake), upload_id="u", filename="a.mp4", parts=[], shot_id="s"
        )
    assert caught.value.parameter == "parts"

    assert fake.requests == []


async def test_teaser_upload_sets_the_projects_teaser(
    fake: FakeCinebody, cb: CinebodyClient, s3: aiohttp.ClientSession
) -> None:
    project_id = a_project(fake)
    data = payload(5 * PART)
    target, parts = await upload(cb, s3, project_id, "teaser", data)
    random.Random(1).shuffle(parts)

    project = await cb.uploads.complete_teaser(
        project_id,
        upload_id=target.upload_id or "",
        filename=target.filename or "",
        parts=parts,
        attributes=["id", "teaserFileUUID", "teaserFileSize"],
    )

    assert isinstance(project, Project)
    assert (project.id, project.teaser_file_uuid) == (project_id, target.filename)
    assert project.teaser_file_size == len(data)
    assert project.title is None  # left out by attributes
    assert fake.state.project(project_id)["teaserFileUUID"] == target.filename
    assert fake.state.file_contents[target.filename or ""] == data
    sent = sent_json(fake, "POST /projects/{projectId}/teaserCompleteUpload")
    assert [part["partNumber"] for part in sent["parts"]] == [1, 2, 3, 4, 5]


async def test_teaser_of_a_clip_upload_is_refused_by_the_api(
    fake: FakeCinebody, cb: CinebodyClient, s3: aiohttp.ClientSession
) -> None:
    project_id = a_project(fake)
    target, parts = await upload(cb, s3, project_id, "clip", payload(10))

    with pytest.raises(BadRequestError):
        await cb.uploads.complete_teaser(
            project_id,
            upload_id=target.upload_id or "",
            filename=target.filename or "",
            parts=parts,
        )

    assert fake.state.project(project_id).get("teaserFileUUID") != target.filename


# Completed parts -------------------------------------------------------------------------


def test_completed_part_drops_the_quotes_of_s3s_etag() -> None:
    part = CompletedPart(1, ' "ac558a124f2523864ec4d8cf941b235c" ')

    assert part.etag == "ac558a124f2523864ec4d8cf941b235c"
    assert part.to_wire() == {"partNumber": 1, "etag": "ac558a124f2523864ec4d8cf941b235c"}
    assert part == CompletedPart(part_number=1, etag="ac558a124f2523864ec4d8cf941b235c")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        part.etag = "other"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("number", "etag", "parameter"),
    [
        (0, "e", "part_number"),
        (-1, "e", "part_number"),
        (True, "e", "part_number"),
        ("1", "e", "part_number"),
        (1.0, "e", "part_number"),
        (1, "", "etag"),
        (1, '""', "etag"),
        (1, None, "etag"),
    ],
)
def test_completed_part_refuses_bad_values(number: Any, etag: Any, parameter: str) -> None:
    with pytest.raises(ParameterError) as caught:
        CompletedPart(number, etag)

    assert caught.value.parameter == parameter
