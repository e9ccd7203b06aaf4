"""The API calls of a multipart upload: signed part URLs and completion.

An upload takes three steps. :meth:`Uploads.start` answers an :class:`UploadTarget`:
one signed URL per part, the part size, the ``filename`` the file gets and the
``upload_id``. Each part is then ``PUT`` to its URL, without the API key or any other
header (the URLs are signed for none), every part ``chunk_size_bytes`` long but the last;
S3 answers each with an ``ETag``. Finally one of the ``complete_*`` calls lists the
parts as :class:`CompletedPart` objects, and the API assembles the file and creates the
clip (or sets the shot's example, or the project's teaser).

The completing calls are POSTs: the client does not repeat them after a failure that
may have reached the server (a timeout, a dropped connection, a 502/503/504), since the
upload may have been completed by the first attempt.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any, TypeVar

import attrs

from cinebody_async.errors import ParameterError
from cinebody_async.models import (
    MediaFile,
    MediaFileAttribute,
    MediaFileFps,
    MediaFileOrientation,
    MediaFileQuality,
    Model,
    Project,
    ProjectAttribute,
    ProjectUploadType,
    Shot,
    ShotAttribute,
    UploadTarget,
)
from cinebody_async.resources import _params as p
from cinebody_async.resources._base import API, Resource, answer_error, operation

__all__ = ["CompletedPart", "Uploads"]

M = TypeVar("M", bound=Model)


def _unquote(value: str) -> str:
    """Drop the quotes S3 puts around an ETag (``"ac55..."``); leave non-strings alone."""
    return value.strip().strip('"') if isinstance(value, str) else value


def _check_part_number(_: object, __: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        msg = f"must be an integer from 1, not {value!r}"
        raise ParameterError("part_number", msg)


def _check_etag(_: object, __: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value:
        msg = f"must be a non-empty string, not {value!r}"
        raise ParameterError("etag", msg)


@attrs.frozen
class CompletedPart:
    """One uploaded part, as a completing call lists it: its number and its ETag.

    ``part_number`` counts from 1 (part *n* went to ``signed_urls[n - 1]``); ``etag`` is
    the ``ETag`` header S3 answered the part's ``PUT`` with. S3 quotes it
    (``"ac55...235c"``); the quotes are dropped here, as the API expects it without.

    Raises:
        ParameterError: for a part number below 1 or not an integer, or an empty ETag.
    """

    part_number: int = attrs.field(validator=_check_part_number)
    etag: str = attrs.field(converter=_unquote, validator=_check_etag)

    def to_wire(self) -> dict[str, Any]:
        """Return the part as the completing calls send it: ``{partNumber, etag}``."""
        return {"partNumber": self.part_number, "etag": self.etag}


class Uploads(Resource):
    """The API calls of a multipart upload: signed part URLs and completion (``cb.uploads``).

    These are the three API steps without the part transfers in between; see the
    module's description for the whole sequence.
    """

    __slots__ = ()

    @operation("GET", "/app/3.0/projects/{projectId}/upload")
    async def start(
        self,
        project_id: str,
        *,
        type: ProjectUploadType | str,
        content_type: str,
        ext: str,
        size_bytes: int,
    ) -> UploadTarget:
        """Open a multipart upload of a file to a project and get its part URLs.

        Like any GET, this one is repeated after a timeout or a 502/503/504; when the
        first attempt did reach the server, its upload stays open there, unused.

        Args:
            project_id: the project's id.
            type: what the file will be: ``"clip"`` (a filmer's clip), ``"edit"`` (a
                final video), ``"shot"`` (a shot's example video) or ``"teaser"`` (the
                project's teaser). Complete a clip or edit with :meth:`complete_clip`,
                a shot example with :meth:`complete_shot_example`, a teaser with
                :meth:`complete_teaser`.
            content_type: the file's MIME type, such as ``"video/mp4"``.
            ext: the file's extension, such as ``"mp4"`` (a leading dot is dropped).
            size_bytes: the file's size in bytes.

        Returns:
            The :class:`UploadTarget`: ``signed_urls`` (one per part, in part order),
            ``chunk_size_bytes``, ``filename`` and ``upload_id``.

        Raises:
            NotFoundError: when no project has that id.
            InvalidResponseError: when the answer lacks URLs, part size, file name or
                upload id, or its number of URLs does not fit the size.
            ParameterError: for an empty id, an unknown type, an empty or malformed
                content type or extension, or a size below 1; nothing is sent.
        """
        path = p.path(f"{API}/projects/{{project_id}}/upload", project_id=project_id)
        size = p.required("size_bytes", p.positive_int("size_bytes", size_bytes))
        params = {
            "contentType": _mime_type(content_type),
            "ext": _extension(ext),
            "type": p.required("type", p.enum_value("type", type, ProjectUploadType)),
            "sizeBytes": size,
        }

        answer = await self._send("GET", path, params=params)

        target = UploadTarget.from_dict(answer if isinstance(answer, dict) else {})
        problem = _target_problem(target, size)
        if problem:
            raise answer_error("GET projects/{id}/upload", problem, answer)
        return target

    @operation("POST", "/app/3.0/projects/{projectId}/clipCompleteUpload")
    async def complete_clip(
        self,
        project_id: str,
        *,
        upload_id: str,
        filename: str,
        parts: Sequence[CompletedPart],
        user_id: str,
        shot_id: str | None = None,
        is_edit: bool | None = None,
        original_file_name: str | None = None,
        content_type: str | None = None,
        duration: float | None = None,
        shot_at: dt.datetime | None = None,
        fps: MediaFileFps | float | None = None,
        quality: MediaFileQuality | str | None = None,
        orientation: MediaFileOrientation | str | None = None,
        lat: float | None = None,
        lng: float | None = None,
        shot_in_case_mode: bool | None = None,
        attributes: Sequence[MediaFileAttribute | str] | None = None,
    ) -> MediaFile:
        """Complete the upload of a clip (or of a final video) and create its media file.

        Args:
            project_id: the project's id, as given to :meth:`start`.
            upload_id: the upload's id (:attr:`UploadTarget.upload_id`).
            filename: the file's name (:attr:`UploadTarget.filename`).
            parts: every part uploaded, numbered 1 to n, each once (any order).
            user_id: the filmer the clip is credited to, as if they uploaded it.
            shot_id: the shot of the project the clip was filmed for (none: free shoot).
            is_edit: ``True`` for a final video (an upload started as ``"edit"`` is one
                anyway).
            original_file_name: the file's name on the filmer's device.
            content_type: the file's MIME type.
            duration: the clip's length in seconds.
            shot_at: when the clip was filmed (an aware datetime).
            fps: the frame rate (``30`` or ``MediaFileFps.FPS_30``).
            quality: the video quality (``"1080"``, ``"4k"``, ...).
            orientation: how the camera was held.
            lat: the latitude where it was filmed (give ``lng`` too).
            lng: the longitude where it was filmed (give ``lat`` too).
            shot_in_case_mode: legacy Super 8 case mode.
            attributes: return only these fields of the new media file.

        Returns:
            The new :class:`MediaFile`.

        Raises:
            NotFoundError: when the project, user or shot does not exist, or the upload
                is unknown or already completed.
            BadRequestError: when the parts do not match what was uploaded.
            ParameterError: for a missing or empty value, a bad part list, an unknown
                enum value, a naive ``shot_at``, a negative duration, a coordinate out
                of range or only one of ``lat``/``lng``; nothing is sent.
        """
        if (lat is None) != (lng is None):
            msg = "give both coordinates or neither"
            raise ParameterError("lat/lng", msg)
        body = p.compact(
            **_completion(upload_id, filename, parts),
            userId=p.required("user_id", p.text("user_id", user_id)),
            shotId=p.text("shot_id", shot_id),
            isEdit=p.flag("is_edit", is_edit),
            originalFileName=p.text("original_file_name", original_file_name),
            contentType=None if content_type is None else _mime_type(content_type),
            duration=_number("duration", duration, 0, math.inf),
            shotAt=p.aware_datetime("shot_at", shot_at),
            fps=p.number_enum_value("fps", fps, MediaFileFps),
            quality=p.enum_value("quality", quality, MediaFileQuality),
            orientation=p.enum_value("orientation", orientation, MediaFileOrientation),
            lat=_number("lat", lat, -90, 90),
            lng=_number("lng", lng, -180, 180),
            shotInCaseMode=p.flag("shot_in_case_mode", shot_in_case_mode),
        )
        fields = p.enum_values("attributes", attributes, MediaFileAttribute)

        return await self._complete(
            project_id, "clipCompleteUpload", body, fields, MediaFile, "mediaFile"
        )

    @operation("POST", "/app/3.0/projects/{projectId}/shotExampleCompleteUpload")
    async def complete_shot_example(
        self,
        project_id: str,
        *,
        upload_id: str,
        filename: str,
        parts: Sequence[CompletedPart],
        shot_id: str,
        has_no_padding: bool | None = None,
        attributes: Sequence[ShotAttribute | str] | None = None,
    ) -> Shot:
        """Complete the upload of a shot's example video (started as ``"shot"``).

        Args:
            project_id: the project's id, as given to :meth:`start`.
            upload_id: the upload's id (:attr:`UploadTarget.upload_id`).
            filename: the file's name (:attr:`UploadTarget.filename`).
            parts: every part uploaded, numbered 1 to n, each once (any order).
            shot_id: the shot of the project the video shows an example of.
            has_no_padding: ``True`` to show the example without padding.
            attributes: return only these fields of the shot.

        Returns:
            The :class:`Shot`, with its example video.

        Raises:
            NotFoundError: when the project or shot does not exist, or the upload is
                unknown or already completed.
            BadRequestError: when the parts do not match what was uploaded.
            ParameterError: for a missing or empty value or a bad part list; nothing is
                sent.
        """
        body = p.compact(
            **_completion(upload_id, filename, parts),
            shotId=p.required("shot_id", p.text("shot_id", shot_id)),
            hasNoPadding=p.flag("has_no_padding", has_no_padding),
        )
        fields = p.enum_values("attributes", attributes, ShotAttribute)

        return await self._complete(
            project_id, "shotExampleCompleteUpload", body, fields, Shot, "shot"
        )

    @operation("POST", "/app/3.0/projects/{projectId}/teaserCompleteUpload")
    async def complete_teaser(
        self,
        project_id: str,
        *,
        upload_id: str,
        filename: str,
        parts: Sequence[CompletedPart],
        attributes: Sequence[ProjectAttribute | str] | None = None,
    ) -> Project:
        """Complete the upload of a project's teaser video (started as ``"teaser"``).

        Args:
            project_id: the project's id, as given to :meth:`start`.
            upload_id: the upload's id (:attr:`UploadTarget.upload_id`).
            filename: the file's name (:attr:`UploadTarget.filename`).
            parts: every part uploaded, numbered 1 to n, each once (any order).
            attributes: return only these fields of the project.

        Returns:
            The :class:`Project`, with its teaser.

        Raises:
            NotFoundError: when the project does not exist, or the upload is unknown or
                already completed.
            BadRequestError: when the parts do not match what was uploaded.
            ParameterError: for a missing or empty value or a bad part list; nothing is
                sent.
        """
        body = _completion(upload_id, filename, parts)
        fields = p.enum_values("attributes", attributes, ProjectAttribute)

        return await self._complete(
            project_id, "teaserCompleteUpload", body, fields, Project, "project"
        )

    async def _complete(
        self,
        project_id: str,
        step: str,
        body: dict[str, Any],
        attributes: Sequence[object] | None,
        model: type[M],
        key: str,
    ) -> M:
        """Send the completing call ``step`` (such as ``clipCompleteUpload``) of an
        upload to a project, and return the ``model`` the API answers under ``key``.

        Raises:
            ParameterError: for an empty project id; nothing is sent.
        """
        path = p.path(f"{API}/projects/{{project_id}}/{step}", project_id=project_id)

        answer = await self._send("POST", path, params={"attributes": attributes}, json=body)

        return self._read(model, answer, f"POST projects/{{id}}/{step}", key)


def _mime_type(value: str) -> str:
    """Return a required MIME type such as ``video/mp4``.

    Raises:
        ParameterError: for a missing or empty value or one without a ``/``.
    """
    text = p.required("content_type", p.text("content_type", value))
    if "/" not in text.strip("/"):
        msg = f"must be a MIME type such as 'video/mp4', not {text!r}"
        raise ParameterError("content_type", msg)
    return text


def _extension(value: str) -> str:
    """Return a required file extension without its leading dot.

    Raises:
        ParameterError: for a missing or empty value, or one with other characters than
            letters and digits.
    """
    text = p.required("ext", p.text("ext", value))
    ext = text.removeprefix(".")
    if not ext.isascii() or not ext.isalnum():
        msg = f"must be letters and digits such as 'mp4', not {text!r}"
        raise ParameterError("ext", msg)
    return ext


def _number(name: str, value: float | None, low: float, high: float) -> float | None:
    """Return a finite number from ``low`` to ``high`` (``None`` passes).

    Raises:
        ParameterError: for a bool, a non-number, NaN, an infinity or a value out of
            range.
    """
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        msg = f"must be a finite number, not {value!r}"
        raise ParameterError(name, msg)
    if not low <= value <= high:
        msg = f"must be from {low} to {high}, not {value!r}"
        raise ParameterError(name, msg)
    return value


def _completion(upload_id: str, filename: str, parts: Sequence[CompletedPart]) -> dict[str, Any]:
    """Return the fields every completing call sends: upload id, file name, parts.

    Raises:
        ParameterError: for a missing or empty id or name; for parts that are not
            :class:`CompletedPart` objects or not numbered 1 to n, each once.
    """
    fields = {
        "uploadId": p.required("upload_id", p.text("upload_id", upload_id)),
        "filename": p.required("filename", p.text("filename", filename)),
    }

    items = p.ensure_sequence("parts", p.required("parts", parts))
    for item in items:
        if not isinstance(item, CompletedPart):
            msg = f"must hold CompletedPart objects, not {type(item).__name__}"
            raise ParameterError("parts", msg)
    ordered = sorted(items, key=lambda part: part.part_number)
    numbers = [part.part_number for part in ordered]
    if numbers != list(range(1, len(ordered) + 1)):
        msg = f"must be numbered 1 to {len(ordered)}, each once; got {numbers}"
        raise ParameterError("parts", msg)

    # S3 wants the list of a multipart upload in ascending part order.
    return {**fields, "parts": [part.to_wire() for part in ordered]}


def _target_problem(target: UploadTarget, size: int) -> str:
    """Return what makes ``target`` unusable for a file of ``size`` bytes, or ``""``."""
    if not target.signed_urls:
        return "the answer has no 'signedUrls'"
    if not target.filename:
        return "the answer has no 'filename'"
    if not target.chunk_size_bytes or target.chunk_size_bytes < 1:
        return "the answer has no positive 'chunkSizeBytes'"
    if target.upload_id is None:
        return "the signed URLs carry no 'uploadId'"
    expected = max(1, math.ceil(size / target.chunk_size_bytes))
    if len(target.signed_urls) != expected:
        return (
            f"{len(target.signed_urls)} signed URLs for {size} bytes in parts of "
            f"{target.chunk_size_bytes}; expected {expected}"
        )
    return ""
