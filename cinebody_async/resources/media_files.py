"""Clips and final videos: listing, moderation, deletion, download links."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import Any

from cinebody_async._pagination import FanOut, Pager
from cinebody_async._tasks import gather_or_cancel
from cinebody_async.errors import ParameterError
from cinebody_async.models import (
    DownloadLink,
    MediaFile,
    MediaFileAttribute,
    MediaFileFps,
    MediaFileQuality,
    MediaFileStatus,
    SortOrder,
)
from cinebody_async.resources import _params as p
from cinebody_async.resources._base import API, Resource, answer_error, operation

__all__ = ["FILENAMES_PER_REQUEST", "MediaFiles"]

FILENAMES_PER_REQUEST = 50
"""The most file names :meth:`MediaFiles.download_links` puts into one request.

They travel in the query string, which servers and proxies cap at a few kilobytes; 50
names of a UUID and an extension take under 3 kB. More names are asked for in several
requests, sent concurrently.
"""


class MediaFiles(Resource):
    """Clips and final videos (``cb.media_files``): list, moderate, delete, download links."""

    __slots__ = ()

    @operation("GET", "/app/3.0/projects/{projectId}/clips")
    def list(
        self,
        project_id: str,
        *,
        status: MediaFileStatus | str | None = None,
        is_edit: bool | None = None,
        shot_ids: Sequence[str] | None = None,
        shot_type_ids: Sequence[str] | None = None,
        user_ids: Sequence[str] | None = None,
        free_shoot: bool | None = None,
        favorite: bool | None = None,
        fps: MediaFileFps | float | None = None,
        quality: MediaFileQuality | str | None = None,
        sort_order: SortOrder | str | None = None,
        attributes: Sequence[MediaFileAttribute | str] | None = None,
        limit: int | None = None,
        max_items: int | None = None,
        read_ahead: int | None = None,
    ) -> Pager[MediaFile]:
        """List a project's media files: the filmers' clips and the final videos.

        Filters combine with "and", except ``shot_ids`` and ``free_shoot=True``, which
        together keep the clips of those shots *and* the free-shoot clips.
        ``free_shoot=False`` alone keeps only clips that belong to a shot. The listing
        is ordered by upload time, newest first unless ``sort_order="asc"``.

        Args:
            project_id: the project's id.
            status: only media files of this moderation status.
            is_edit: ``True`` for final videos only, ``False`` for filmers' clips only.
            shot_ids: only clips of these shots.
            shot_type_ids: only clips of shots of these shot types.
            user_ids: only media files of these users.
            free_shoot: ``True`` to keep free-shoot clips (those of no shot), ``False``
                to leave them out.
            favorite: only clips the filmer hearted in the app (or, ``False``, not).
            fps: only videos shot at this frame rate (``30`` or ``MediaFileFps.FPS_30``).
            quality: only videos of this quality (``"1080"``, ``"4k"``, ...).
            sort_order: ``"asc"`` for oldest first; the default is newest first.
            attributes: return only these fields of each media file.
            limit: media files per page (default: the pager's bulk size).
            max_items: stop after this many media files.
            read_ahead: pages requested ahead of an ``async for`` reader.

        Returns:
            A pager of :class:`MediaFile`; nothing is sent until it is used.

        Raises:
            ParameterError: for an empty id, an unknown enum value, an empty id list,
                ``free_shoot=True`` with ``shot_type_ids`` (a free-shoot clip has no
                shot, so no shot type: no clip meets both), or a bad
                ``limit``/``max_items``/``read_ahead``; nothing is sent.
        """
        filters = _clip_filters(
            status=status,
            is_edit=is_edit,
            shot_ids=shot_ids,
            shot_type_ids=shot_type_ids,
            user_ids=user_ids,
            free_shoot=free_shoot,
            favorite=favorite,
            fps=fps,
            quality=quality,
            sort_order=sort_order,
            attributes=attributes,
        )
        return self._clips(
            project_id, filters, limit=limit, max_items=max_items, read_ahead=read_ahead
        )

    def list_for_projects(
        self,
        project_ids: Sequence[str],
        *,
        status: MediaFileStatus | str | None = None,
        is_edit: bool | None = None,
        shot_ids: Sequence[str] | None = None,
        shot_type_ids: Sequence[str] | None = None,
        user_ids: Sequence[str] | None = None,
        free_shoot: bool | None = None,
        favorite: bool | None = None,
        fps: MediaFileFps | float | None = None,
        quality: MediaFileQuality | str | None = None,
        sort_order: SortOrder | str | None = None,
        attributes: Sequence[MediaFileAttribute | str] | None = None,
        limit: int | None = None,
        max_items: int | None = None,
        read_ahead: int | None = None,
    ) -> FanOut[str, MediaFile]:
        """List the media files of many projects as one job, with the same filters.

        The result's ``all(concurrency=8)`` reads every project's pages with at most
        that many requests in flight across all projects, and returns
        ``{project_id: [MediaFile, ...]}`` in the order of ``project_ids``; iterating
        the result yields ``(project_id, media_file)`` pairs, project after project.
        A repeated project id is listed once; ``max_items`` applies per project.

        Args:
            project_ids: the projects' ids.
            status: see :meth:`list`, as for every other filter.
            is_edit: see :meth:`list`.
            shot_ids: see :meth:`list`.
            shot_type_ids: see :meth:`list`.
            user_ids: see :meth:`list`.
            free_shoot: see :meth:`list`.
            favorite: see :meth:`list`.
            fps: see :meth:`list`.
            quality: see :meth:`list`.
            sort_order: see :meth:`list`.
            attributes: see :meth:`list`.
            limit: media files per page.
            max_items: stop after this many media files of each project.
            read_ahead: pages requested ahead of an ``async for`` reader.

        Returns:
            A :class:`FanOut` of one pager per project; nothing is sent until it is used.

        Raises:
            ParameterError: for a missing or empty ``project_ids``, a bare string or an
                empty id in it, and whatever :meth:`list` refuses; nothing is sent.
        """
        ids = p.required("project_ids", p.id_list("project_ids", project_ids))
        filters = _clip_filters(
            status=status,
            is_edit=is_edit,
            shot_ids=shot_ids,
            shot_type_ids=shot_type_ids,
            user_ids=user_ids,
            free_shoot=free_shoot,
            favorite=favorite,
            fps=fps,
            quality=quality,
            sort_order=sort_order,
            attributes=attributes,
        )
        return FanOut(
            {
                project_id: self._clips(
                    project_id, filters, limit=limit, max_items=max_items, read_ahead=read_ahead
                )
                for project_id in ids
            }
        )

    def _clips(
        self,
        project_id: str,
        filters: dict[str, Any],
        *,
        limit: int | None,
        max_items: int | None,
        read_ahead: int | None,
    ) -> Pager[MediaFile]:
        """Return the pager of a project's media files, with filters already checked.

        Raises:
            ParameterError: for an empty id or a bad ``limit``/``max_items``/``read_ahead``.
        """
        path = p.path(f"{API}/projects/{{project_id}}/clips", project_id=project_id)
        # The spec answers joinCode/isAvailable here (copied from checkProjectCode); the
        # API answers count and mediaFiles, which some versions call clips.
        return self._pager(
            MediaFile,
            path,
            ["mediaFiles", "clips"],
            filters,
            limit=limit,
            max_items=max_items,
            read_ahead=read_ahead,
        )

    @operation("PATCH", "/app/3.0/mediaFiles/{mediaFileId}")
    async def update(
        self,
        media_file_id: str,
        *,
        name: str | None = None,
        description: str | None = None,
        edit_description: str | None = None,
        status: MediaFileStatus | str | None = None,
    ) -> MediaFile:
        """Rename, describe or moderate a media file.

        Only the fields given are sent; ``None`` leaves a field as it is.

        Args:
            media_file_id: the media file's id.
            name: the friendly name shown for a final video.
            description: a description (not shown to users).
            edit_description: the friendly description shown with a final video.
            status: the moderation status: ``"approved"``, ``"rejected"`` or
                ``"pending"``.

        Returns:
            The updated :class:`MediaFile`.

        Raises:
            NotFoundError: when no media file has that id.
            ParameterError: when no field is given, for an empty id or string, or an
                unknown status; nothing is sent.
        """
        path = p.path(f"{API}/mediaFiles/{{media_file_id}}", media_file_id=media_file_id)
        body = p.require_changes(
            p.compact(
                name=p.text("name", name),
                description=p.text("description", description),
                editDescription=p.text("edit_description", edit_description),
                status=p.enum_value("status", status, MediaFileStatus),
            ),
            "update",
        )
        answer = await self._send("PATCH", path, json=body)
        return self._read(MediaFile, answer, "PATCH mediaFiles/{id}", "mediaFile")

    async def approve(self, media_file_id: str) -> MediaFile:
        """Approve a media file (moderation), as ``update(id, status="approved")``.

        Args:
            media_file_id: the media file's id.

        Returns:
            The updated :class:`MediaFile`.

        Raises:
            NotFoundError: when no media file has that id.
            ParameterError: for an empty id; nothing is sent.
        """
        return await self.update(media_file_id, status=MediaFileStatus.APPROVED)

    async def reject(self, media_file_id: str) -> MediaFile:
        """Reject a media file (moderation), as ``update(id, status="rejected")``.

        Args:
            media_file_id: the media file's id.

        Returns:
            The updated :class:`MediaFile`.

        Raises:
            NotFoundError: when no media file has that id.
            ParameterError: for an empty id; nothing is sent.
        """
        return await self.update(media_file_id, status=MediaFileStatus.REJECTED)

    @operation("DELETE", "/app/3.0/mediaFiles/{mediaFileId}")
    async def delete(self, media_file_id: str) -> None:
        """Delete a media file and its stored video.

        Args:
            media_file_id: the media file's id.

        Raises:
            NotFoundError: when no media file has that id.
            InvalidResponseError: when the answer's ``status`` is not ``"success"``.
            ParameterError: for an empty id; nothing is sent.
        """
        path = p.path(f"{API}/mediaFiles/{{media_file_id}}", media_file_id=media_file_id)
        await self._delete(path, "DELETE mediaFiles/{id}")

    @operation("GET", "/app/3.0/mediaFiles/{mediaFileId}/download")
    async def download_link(self, media_file_id: str) -> DownloadLink:
        """Get a signed, expiring URL to download a media file's original video.

        Fetch the URL without the API key (it is signed for anyone holding it).

        Args:
            media_file_id: the media file's id.

        Returns:
            A :class:`DownloadLink`: ``url`` and the ``filename`` to save as.

        Raises:
            NotFoundError: when no media file has that id.
            InvalidResponseError: when the answer holds no URL.
            ParameterError: for an empty id; nothing is sent.
        """
        path = p.path(f"{API}/mediaFiles/{{media_file_id}}/download", media_file_id=media_file_id)
        answer = await self._send("GET", path)
        link = DownloadLink.from_dict(answer) if isinstance(answer, dict) else None
        if link is None or link.download_url is None:
            raise answer_error("GET mediaFiles/{id}/download", "the answer has no 'url'", answer)
        return link

    @operation("GET", "/app/3.0/mediaFiles/download")
    async def download_links(
        self,
        *,
        team_id: str,
        filenames: Sequence[str],
        project_id: str | None = None,
    ) -> builtins.list[DownloadLink]:
        """Get signed, expiring download URLs for many files of a team at once.

        Each file is named by a media file's ``file_uuid`` (the original) or
        ``file_uuid_sd`` (the transcoded copy). More than
        :data:`FILENAMES_PER_REQUEST` names are asked for in several concurrent
        requests, so that no query string grows too long.

        Args:
            team_id: the team the files belong to.
            filenames: the files' names (``MediaFile.file_uuid`` or ``file_uuid_sd``).
            project_id: the project the files belong to, to narrow the search.

        Returns:
            One :class:`DownloadLink` (``signed_url`` and ``filename``) per name, in
            the order of ``filenames``.

        Raises:
            NotFoundError: when a name is not a file of the team (or project).
            InvalidResponseError: when an answer holds no ``urls``, or not as many links
                as it was asked names.
            ParameterError: for a missing or empty ``team_id`` or ``filenames``, an
                empty ``project_id``, a bare string or an empty name in ``filenames``;
                nothing is sent.
        """
        team = p.required("team_id", p.text("team_id", team_id))
        project = p.text("project_id", project_id)
        names = p.required("filenames", p.id_list("filenames", filenames))
        path = f"{API}/mediaFiles/download"

        async def batch(chunk: builtins.list[str]) -> builtins.list[DownloadLink]:
            params = {"teamId": team, "projectId": project, "filenames": chunk}
            name = "GET mediaFiles/download"

            answer = await self._send("GET", path, params=params)

            links = self._read_list(DownloadLink, answer, name, "urls")
            if len(links) != len(chunk):
                problem = f"asked for {len(chunk)} names, got {len(links)} links in 'urls'"
                raise answer_error(name, problem, answer)
            return links

        step = FILENAMES_PER_REQUEST
        # Each name is asked for once; a name given twice gets its link twice.
        unique = list(dict.fromkeys(names))
        chunks = [unique[start : start + step] for start in range(0, len(unique), step)]
        batches = await gather_or_cancel([batch(chunk) for chunk in chunks])
        by_name = dict(zip(unique, (link for links in batches for link in links), strict=True))
        return [by_name[name] for name in names]


def _clip_filters(
    *,
    status: MediaFileStatus | str | None,
    is_edit: bool | None,
    shot_ids: Sequence[str] | None,
    shot_type_ids: Sequence[str] | None,
    user_ids: Sequence[str] | None,
    free_shoot: bool | None,
    favorite: bool | None,
    fps: MediaFileFps | float | None,
    quality: MediaFileQuality | str | None,
    sort_order: SortOrder | str | None,
    attributes: Sequence[MediaFileAttribute | str] | None,
) -> dict[str, Any]:
    """Return the query of the clip listing, checked (see :meth:`MediaFiles.list`)."""
    shot_types = p.id_list("shot_type_ids", shot_type_ids)
    free = p.flag("free_shoot", free_shoot)
    if free is True and shot_types is not None:
        msg = (
            "a free-shoot clip belongs to no shot, so to no shot type: no clip can meet "
            "both; give one of the two"
        )
        raise ParameterError("free_shoot/shot_type_ids", msg)

    return {
        "status": p.enum_value("status", status, MediaFileStatus),
        "isEdit": p.flag("is_edit", is_edit),
        "shotIds": p.id_list("shot_ids", shot_ids),
        "shotTypeIds": shot_types,
        "userIds": p.id_list("user_ids", user_ids),
        "freeShoot": free,
        "favorite": p.flag("favorite", favorite),
        "fps": p.number_enum_value("fps", fps, MediaFileFps),
        "quality": p.enum_value("quality", quality, MediaFileQuality),
        "sortOrder": p.enum_value("sort_order", sort_order, SortOrder),
        "attributes": p.enum_values("attributes", attributes, MediaFileAttribute),
    }
