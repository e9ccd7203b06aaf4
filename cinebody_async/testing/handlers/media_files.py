"""Media files (clips and final videos): list, moderate, delete, and download links.

The clip list is ordered by ``createdAt``, newest first unless ``sortOrder=asc``.
``shotIds`` and ``freeShoot`` combine: with both, clips of those shots and free-shoot
clips are kept; ``freeShoot=true`` alone keeps only free-shoot clips and
``freeShoot=false`` alone only clips that belong to a shot.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from cinebody_async.testing.errors import FakeAPIError, missing_parameter, not_found
from cinebody_async.testing.handlers.common import SUCCESS
from cinebody_async.testing.render import render_media_file
from cinebody_async.testing.routing import ApiCall, Route
from cinebody_async.testing.vocabulary import (
    FPS_VALUES,
    MEDIA_FILE_ATTRIBUTES,
    MEDIA_FILE_STATUSES,
    QUALITY_VALUES,
    SORT_ORDERS,
)

if TYPE_CHECKING:
    from cinebody_async.testing.s3 import FakeS3

__all__ = ["ROUTES"]

Predicate = Callable[[dict[str, Any]], bool]


def _clip_filters(call: ApiCall) -> list[Predicate]:
    state = call.state
    filters: list[Predicate] = []
    shot_ids = set(call.strings("shotIds"))
    free = call.boolean("freeShoot")
    if shot_ids or free is not None:
        filters.append(
            lambda r: (
                (r["ShotId"] in shot_ids)
                or (free is True and r["ShotId"] is None)
                or (not shot_ids and free is False and r["ShotId"] is not None)
            )
        )
    shot_type_ids = set(call.strings("shotTypeIds"))
    if shot_type_ids:
        filters.append(
            lambda r: (
                r["ShotId"] is not None and state.shots[r["ShotId"]]["ShotTypeId"] in shot_type_ids
            )
        )
    user_ids = set(call.strings("userIds"))
    if user_ids:
        filters.append(lambda r: r["UserId"] in user_ids)
    for name in ("isEdit", "favorite"):
        flag = call.boolean(name)
        if flag is not None:
            filters.append(_field_is(name, flag))
    status = call.choice("status", MEDIA_FILE_STATUSES)
    if status is not None:
        filters.append(lambda r: r["status"] == status)
    fps = call.choice("fps", [str(value) for value in FPS_VALUES])
    if fps is not None:
        filters.append(lambda r: r["fps"] == int(fps))
    quality = call.choice("quality", QUALITY_VALUES)
    if quality is not None:
        filters.append(lambda r: r["quality"] == quality)
    return filters


def _field_is(name: str, value: bool) -> Predicate:
    return lambda record: record[name] is value


def list_clips(call: ApiCall) -> dict[str, Any]:
    """GET /projects/{projectId}/clips: answers ``count`` and ``mediaFiles``.

    The spec shows ``joinCode``/``isAvailable`` here, copied from another operation.
    """
    state = call.state
    project_id = call.path("projectId")
    state.project(project_id)
    attributes = call.attributes(MEDIA_FILE_ATTRIBUTES)
    newest_first = call.choice("sortOrder", SORT_ORDERS) != "asc"
    filters = _clip_filters(call)
    page, limit = call.page()
    start = page * limit
    if filters:
        matches = [
            record
            for record in state.iter_project_media_files(project_id, newest_first)
            if all(keep(record) for keep in filters)
        ]
        count = len(matches)
        chosen = matches[start : start + limit]
    else:
        count = state.project_media_file_count(project_id)
        chosen = state.media_file_slice(project_id, start, start + limit, newest_first)
    return {
        "count": count,
        "mediaFiles": [render_media_file(state, record, attributes) for record in chosen],
    }


def update_media_file(call: ApiCall) -> dict[str, Any]:
    """PATCH /mediaFiles/{mediaFileId}: rename, describe or moderate (``status``)."""
    media_file_id = call.path("mediaFileId")
    call.state.media_file(media_file_id)
    changes: dict[str, Any] = {}
    for name in ("name", "description", "editDescription"):
        if name in call.fields():
            changes[name] = call.field(name, str, nullable=True)
    status = call.field_choice("status", MEDIA_FILE_STATUSES)
    if status is not None:
        changes["status"] = status
    record = call.state.update_media_file(media_file_id, **changes)
    return {"mediaFile": render_media_file(call.state, record)}


def delete_media_file(call: ApiCall) -> dict[str, Any]:
    """DELETE /mediaFiles/{mediaFileId}."""
    call.state.delete_media_file(call.path("mediaFileId"))
    return SUCCESS


def _s3(call: ApiCall) -> FakeS3:
    if call.s3 is None:
        raise FakeAPIError(500, "SERVER_ERROR", "This fake serves no file storage")
    return call.s3


def download_media_file(call: ApiCall) -> dict[str, Any]:
    """GET /mediaFiles/{mediaFileId}/download: a signed, expiring ``url`` and a ``filename``."""
    record = call.state.media_file(call.path("mediaFileId"))
    return {
        "url": _s3(call).download_url(record["fileUUID"]),
        "filename": record["displayNameWithExtension"],
    }


def download_media_files(call: ApiCall) -> dict[str, Any]:
    """GET /mediaFiles/download?teamId=&filenames=: signed links for many files.

    Each name is a ``fileUUID`` or a ``fileUUIDSD`` of a file of the team (and of the
    project, when ``projectId`` is given); an unknown name is a 404.
    """
    team_id = call.required_text("teamId")
    call.state.team(team_id)
    project_id = call.text("projectId")
    if project_id is not None:
        call.state.project(project_id)
    filenames = call.strings("filenames")
    if not filenames:
        raise missing_parameter("filenames")
    urls = []
    for filename in filenames:
        record, is_sd = call.state.media_file_by_filename(filename)
        if record["TeamId"] != team_id or (project_id and record["ProjectId"] != project_id):
            raise not_found("mediaFile", filename)
        name = record["displayName"] + ("-SD.mp4" if is_sd else "")
        if not is_sd:
            name = record["displayNameWithExtension"]
        urls.append({"signedUrl": _s3(call).download_url(filename), "filename": name})
    return {"urls": urls}


ROUTES = (
    Route("GET", "/projects/{projectId}/clips", list_clips),
    Route("GET", "/mediaFiles/download", download_media_files),
    Route("PATCH", "/mediaFiles/{mediaFileId}", update_media_file),
    Route("DELETE", "/mediaFiles/{mediaFileId}", delete_media_file),
    Route("GET", "/mediaFiles/{mediaFileId}/download", download_media_file),
)
