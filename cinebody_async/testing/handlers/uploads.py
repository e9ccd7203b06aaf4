"""Multipart uploads: ask for signed part URLs, then complete a clip, shot example or teaser.

The parts themselves go to the fake S3 (:mod:`cinebody_async.testing.s3`). Completing
checks every part and ETag there, stores the assembled bytes under the upload's
``filename`` (so a download serves them back) and creates or changes the record.
Uploaded files are not transcoded: ``transcoded`` stays false and the SD size ``"0"``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from cinebody_async.testing.errors import FakeAPIError, bad_value, missing_parameter
from cinebody_async.testing.records import iso, media_file_record
from cinebody_async.testing.render import pick, render_media_file, render_project
from cinebody_async.testing.routing import ApiCall, Route
from cinebody_async.testing.vocabulary import (
    FPS_VALUES,
    MEDIA_FILE_ATTRIBUTES,
    MEDIA_FILE_ORIENTATIONS,
    PROJECT_ATTRIBUTES,
    QUALITY_VALUES,
    SHOT_ATTRIBUTES,
    UPLOAD_TYPES,
)

if TYPE_CHECKING:
    from cinebody_async.testing.s3 import FakeS3, Upload

__all__ = ["ROUTES"]

_EXTENSION = re.compile(r"^[A-Za-z0-9]{1,8}$")


def _s3(call: ApiCall) -> FakeS3:
    if call.s3 is None:
        raise FakeAPIError(500, "SERVER_ERROR", "This fake serves no file storage")
    return call.s3


def request_upload(call: ApiCall) -> dict[str, Any]:
    """GET /projects/{projectId}/upload: ``signedUrls`` (one per part), ``chunkSizeBytes``
    and the ``filename`` to complete with; needs contentType, ext, type and sizeBytes."""
    project = call.state.project(call.path("projectId"))
    content_type = call.required_text("contentType")
    ext = call.required_text("ext").lstrip(".")
    kind = call.choice("type", UPLOAD_TYPES)
    if kind is None:
        raise missing_parameter("type")
    size = call.number("sizeBytes", required=True)
    if size is None or size != int(size) or size < 1:
        raise bad_value("sizeBytes", "must be a positive whole number of bytes")
    if not _EXTENSION.match(ext):
        raise bad_value("ext", f"{ext!r} is not a file extension")
    filename = f"{call.state.new_id()}.{ext.lower()}"
    upload, urls = _s3(call).start_upload(project["id"], kind, filename, content_type, int(size))
    return {"signedUrls": urls, "chunkSizeBytes": upload.part_size, "filename": filename}


def _finish(call: ApiCall, kinds: tuple[str, ...]) -> tuple[Upload, bytes]:
    upload_id = call.field("uploadId", str, required=True)
    filename = call.field("filename", str, required=True)
    parts = call.fields().get("parts")
    if parts is None:
        raise missing_parameter("parts")
    upload, data = _s3(call).complete(upload_id, filename, parts, call.path("projectId"), kinds)
    call.state.file_contents[filename] = data
    return upload, data


def _optional_choice(call: ApiCall, name: str, allowed: tuple[Any, ...], default: Any) -> Any:
    value = call.field_choice(name, allowed)
    return default if value is None else value


def complete_clip(call: ApiCall) -> dict[str, Any]:
    """POST /projects/{projectId}/clipCompleteUpload: answers the new ``mediaFile``.

    ``userId`` (the filmer credited) is required; ``shotId`` must be a shot of the
    project. An ``edit`` upload, or ``isEdit: true``, makes a final video.
    """
    state = call.state
    project = state.project(call.path("projectId"))
    attributes = call.attributes(MEDIA_FILE_ATTRIBUTES)
    user = state.user(call.field("userId", str, required=True))
    shot_id = call.field("shotId", str, nullable=True)
    shot = state.shot(shot_id) if shot_id else None
    if shot is not None and shot["ProjectId"] != project["id"]:
        raise bad_value("shotId", "names a shot of another project")
    duration = call.field("duration", (int, float), nullable=True)
    is_edit = call.field("isEdit", bool)
    fps = _optional_choice(call, "fps", FPS_VALUES, 30)
    quality = _optional_choice(call, "quality", QUALITY_VALUES, "1080")
    orientation = _optional_choice(call, "orientation", MEDIA_FILE_ORIENTATIONS, "landscape")
    shot_at = call.field("shotAt", str, nullable=True)
    original = call.field("originalFileName", str, nullable=True)
    content_type = call.field("contentType", str, nullable=True)
    in_case = call.field("shotInCaseMode", bool)
    call.field("lat", (int, float), nullable=True)
    call.field("lng", (int, float), nullable=True)
    upload, data = _finish(call, ("clip", "edit"))
    now = state.next_moment()
    record = media_file_record(
        state.new_id(),
        upload.filename,
        project,
        user,
        shot,
        now,
        contentType=content_type or upload.content_type,
        fileSize=len(data),
        thumbnailUUID=None,
        lengthSeconds=duration,
        isEdit=bool(is_edit) or upload.kind == "edit",
        shotInCaseMode=bool(in_case),
        fps=fps,
        quality=quality,
        shotAt=shot_at or iso(now),
        orientation=orientation,
        originalFileName=original,
    )
    state.store_media_file(record)
    if user["id"] not in state.project_users[project["id"]]:
        state.add_project_user(project["id"], user["id"])
    return {"mediaFile": render_media_file(state, record, attributes)}


def complete_shot_example(call: ApiCall) -> dict[str, Any]:
    """POST /projects/{projectId}/shotExampleCompleteUpload: answers the changed ``shot``."""
    state = call.state
    project = state.project(call.path("projectId"))
    attributes = call.attributes(SHOT_ATTRIBUTES)
    shot = state.shot(call.field("shotId", str, required=True))
    if shot["ProjectId"] != project["id"]:
        raise bad_value("shotId", "names a shot of another project")
    call.field("hasNoPadding", bool)
    upload, data = _finish(call, ("shot",))
    stem = upload.filename.rpartition(".")[0]
    shot.update(
        fileUUID=upload.filename,
        fileUUIDSD=f"{stem}-SD.mp4",
        fileSize=str(len(data)),
        fileSizeSD="0",
        thumbSize="0",
        transcoded=False,
        transcodingError=False,
    )
    return {"shot": pick(shot, attributes)}


def complete_teaser(call: ApiCall) -> dict[str, Any]:
    """POST /projects/{projectId}/teaserCompleteUpload: answers the changed ``project``."""
    state = call.state
    project_id = call.path("projectId")
    state.project(project_id)
    attributes = call.attributes(PROJECT_ATTRIBUTES)
    upload, data = _finish(call, ("teaser",))
    stem = upload.filename.rpartition(".")[0]
    project = state.update_project(
        project_id,
        teaserFileUUID=upload.filename,
        teaserFileUUIDSD=f"{stem}-SD.mp4",
        teaserFileSize=str(len(data)),
        teaserFileSizeSD="0",
        teaserThumbSize="0",
        teaserTranscoded=False,
        teaserTranscodingError=False,
    )
    return {"project": render_project(state, project, attributes)}


ROUTES = (
    Route("GET", "/projects/{projectId}/upload", request_upload, effect=True),
    Route("POST", "/projects/{projectId}/clipCompleteUpload", complete_clip),
    Route("POST", "/projects/{projectId}/shotExampleCompleteUpload", complete_shot_example),
    Route("POST", "/projects/{projectId}/teaserCompleteUpload", complete_teaser),
)
