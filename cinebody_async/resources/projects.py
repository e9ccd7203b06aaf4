"""Projects: filming campaigns, their join codes, images and stats."""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Sequence
from typing import Any

from cinebody_async._pagination import Pager
from cinebody_async.errors import ParameterError
from cinebody_async.models import (
    Project,
    ProjectAttribute,
    ProjectOrientation,
    ProjectPublishStatus,
    ProjectsSortBy,
    ProjectStats,
    ProjectStatus,
    ProjectType,
    SortOrder,
)
from cinebody_async.resources import _params as p
from cinebody_async.resources._base import API, Resource, operation

__all__ = ["Projects"]


class Projects(Resource):
    """Projects: filming campaigns, their join codes, images and stats (``cb.projects``)."""

    __slots__ = ()

    @operation("GET", "/app/3.0/projects")
    def list(
        self,
        *,
        q: str | None = None,
        team_ids: Sequence[str] | None = None,
        organization_ids: Sequence[str] | None = None,
        status: ProjectStatus | str | None = None,
        type: ProjectType | str | None = None,
        orientation: ProjectOrientation | str | None = None,
        publish_status: ProjectPublishStatus | str | None = None,
        sort_by: ProjectsSortBy | str | None = None,
        sort_order: SortOrder | str | None = None,
        attributes: Sequence[ProjectAttribute | str] | None = None,
        limit: int | None = None,
        max_items: int | None = None,
    ) -> Pager[Project]:
        """List the projects the key can reach, filtered and sorted.

        Filters combine: a project is listed when it matches every one given.

        Args:
            q: only projects whose title contains this text.
            team_ids: only projects of these teams.
            organization_ids: only projects of these organizations.
            status: only projects in this status (the one that follows the dates,
                ``new_status`` on the model).
            type: only public or only private projects.
            orientation: only projects filmed in this orientation.
            publish_status: only projects with this publish status.
            sort_by: the field to sort by; without it projects come in the API's order.
            sort_order: ascending or descending.
            attributes: return only these fields of each project.
            limit: projects per page (default: the pager's bulk size).
            max_items: stop after this many projects.

        Returns:
            A pager of :class:`Project`; nothing is sent until it is used.

        Raises:
            ParameterError: for an empty ``q``, an empty id list or id, a value that is
                not one of its enum's, or a bad ``limit``/``max_items``.
        """
        params = {
            "q": p.text("q", q),
            "teamIds": p.id_list("team_ids", team_ids),
            "organizationIds": p.id_list("organization_ids", organization_ids),
            "status": p.enum_value("status", status, ProjectStatus),
            "type": p.enum_value("type", type, ProjectType),
            "orientation": p.enum_value("orientation", orientation, ProjectOrientation),
            "publishStatus": p.enum_value("publish_status", publish_status, ProjectPublishStatus),
            "sortBy": p.enum_value("sort_by", sort_by, ProjectsSortBy),
            "sortOrder": p.enum_value("sort_order", sort_order, SortOrder),
            "attributes": p.enum_values("attributes", attributes, ProjectAttribute),
        }
        return self._pager(
            Project, f"{API}/projects", ["projects"], params, limit=limit, max_items=max_items
        )

    @operation("POST", "/app/3.0/projects")
    async def create(
        self,
        *,
        team_id: str,
        title: str,
        description: str,
        orientation: ProjectOrientation | str,
        shoot_type: str,
        type: ProjectType | str,
        join_code: str | None = None,
        start_at: dt.datetime | None = None,
        end_at: dt.datetime | None = None,
        incentive: str | None = None,
        status: ProjectStatus | str | None = None,
        publish_status: ProjectPublishStatus | str | None = None,
        is_geo_visible: bool | None = None,
        attributes: Sequence[ProjectAttribute | str] | None = None,
    ) -> Project:
        """Create a project under a team.

        Args:
            team_id: the team the project belongs to.
            title: the project's title.
            description: what filmers are asked to film.
            orientation: the orientation to film in.
            shoot_type: the theme of the project, such as ``"event"`` or ``"sports"``.
            type: whether anyone may join (public) or only users added (private).
            join_code: a custom join code; the API draws one when it is left out.
            start_at: when the project starts (an aware datetime).
            end_at: when the project ends (an aware datetime).
            incentive: what filmers get for taking part.
            status: the project's status.
            publish_status: which clips the project's filmers may see.
            is_geo_visible: whether admins see where clips were filmed.
            attributes: return only these fields of the new project.

        Returns:
            The new :class:`Project`.

        Raises:
            NotFoundError: when no team has that id.
            BadRequestError: when the join code is taken.
            ParameterError: for a required value that is ``None``, an empty string, a
                value that is not one of its enum's, a naive datetime, or ``end_at``
                before ``start_at``; nothing is sent.
        """
        body = p.compact(
            teamId=p.required("team_id", p.text("team_id", team_id)),
            **_fields(
                title=p.required("title", title),
                description=p.required("description", description),
                orientation=p.required("orientation", orientation),
                shoot_type=p.required("shoot_type", shoot_type),
                type=p.required("type", type),
                join_code=join_code,
                start_at=start_at,
                end_at=end_at,
                incentive=incentive,
                status=status,
                publish_status=publish_status,
                is_geo_visible=is_geo_visible,
            ),
        )
        params = {"attributes": p.enum_values("attributes", attributes, ProjectAttribute)}

        answer = await self._send("POST", f"{API}/projects", params=params, json=body)
        return self._read(Project, answer, "POST projects", "project")

    @operation("GET", "/app/3.0/projects/{projectId}")
    async def get(
        self,
        project_id: str,
        *,
        attributes: Sequence[ProjectAttribute | str] | None = None,
    ) -> Project:
        """Fetch one project.

        Args:
            project_id: the project's id.
            attributes: return only these fields.

        Returns:
            The :class:`Project`.

        Raises:
            NotFoundError: when no project has that id.
            ParameterError: for an empty id or an unknown attribute; nothing is sent.
        """
        path = p.path(f"{API}/projects/{{project_id}}", project_id=project_id)
        params = {"attributes": p.enum_values("attributes", attributes, ProjectAttribute)}

        body = await self._send("GET", path, params=params)
        return self._read(Project, body, "GET projects/{id}", "project")

    @operation("PATCH", "/app/3.0/projects/{projectId}")
    async def update(
        self,
        project_id: str,
        *,
        title: str | None = None,
        description: str | None = None,
        orientation: ProjectOrientation | str | None = None,
        shoot_type: str | None = None,
        type: ProjectType | str | None = None,
        join_code: str | None = None,
        start_at: dt.datetime | None = None,
        end_at: dt.datetime | None = None,
        incentive: str | None = None,
        status: ProjectStatus | str | None = None,
        publish_status: ProjectPublishStatus | str | None = None,
        is_geo_visible: bool | None = None,
        attributes: Sequence[ProjectAttribute | str] | None = None,
    ) -> Project:
        """Change a project's details, dates, join code or statuses.

        Only the fields given are sent; ``None`` leaves a field as it is. A project
        cannot move to another team.

        Args:
            project_id: the project's id.
            title: the project's title.
            description: what filmers are asked to film.
            orientation: the orientation to film in.
            shoot_type: the theme of the project.
            type: public or private.
            join_code: a new join code.
            start_at: when the project starts (an aware datetime).
            end_at: when the project ends (an aware datetime).
            incentive: what filmers get for taking part.
            status: the project's status (``archived`` to archive it).
            publish_status: which clips the project's filmers may see.
            is_geo_visible: whether admins see where clips were filmed.
            attributes: return only these fields of the updated project.

        Returns:
            The updated :class:`Project`.

        Raises:
            NotFoundError: when no project has that id.
            BadRequestError: when the join code is taken by another project.
            ParameterError: when no field is given, for an empty string, a value that is
                not one of its enum's, a naive datetime, or ``end_at`` before
                ``start_at``; nothing is sent.
        """
        path = p.path(f"{API}/projects/{{project_id}}", project_id=project_id)
        body = p.require_changes(
            p.compact(
                **_fields(
                    title=title,
                    description=description,
                    orientation=orientation,
                    shoot_type=shoot_type,
                    type=type,
                    join_code=join_code,
                    start_at=start_at,
                    end_at=end_at,
                    incentive=incentive,
                    status=status,
                    publish_status=publish_status,
                    is_geo_visible=is_geo_visible,
                )
            ),
            "update",
        )
        params = {"attributes": p.enum_values("attributes", attributes, ProjectAttribute)}

        answer = await self._send("PATCH", path, params=params, json=body)
        return self._read(Project, answer, "PATCH projects/{id}", "project")

    @operation("DELETE", "/app/3.0/projects/{projectId}")
    async def delete(self, project_id: str) -> None:
        """Delete a project with its clips, final videos, shots and notifications.

        Args:
            project_id: the project's id.

        Raises:
            NotFoundError: when no project has that id.
            InvalidResponseError: when the answer's ``status`` is not ``"success"``.
            ParameterError: for an empty id; nothing is sent.
        """
        path = p.path(f"{API}/projects/{{project_id}}", project_id=project_id)
        await self._delete(path, "DELETE projects/{id}")

    @operation("PUT", "/app/3.0/projects/{projectId}/image")
    async def set_image(
        self,
        project_id: str,
        image: bytes,
        *,
        filename: str,
        content_type: str | None = None,
    ) -> None:
        """Replace a project's image.

        The API answers only that it took the image: the new image replaces the old
        one asynchronously, which may take several minutes, so the project's
        ``profile_images`` may still show the old one when read right after.

        Args:
            project_id: the project's id.
            image: the image file's bytes.
            filename: the file name sent with the image, such as ``"cover.png"``.
            content_type: the image's media type; by default guessed from ``filename``
                (``application/octet-stream`` when it cannot be).

        Raises:
            NotFoundError: when no project has that id.
            ParameterError: for an empty id, an image that is not bytes or is empty, or
                an empty file name or content type; nothing is sent.
        """
        path = p.path(f"{API}/projects/{{project_id}}/image", project_id=project_id)
        await self._put_image(path, image, filename, content_type)

    @operation("GET", "/app/3.0/getProjectCode")
    async def new_join_code(self) -> str:
        """Ask the API for a join code no project uses yet.

        Returns:
            The join code, to pass to :meth:`create` or :meth:`update`.

        Raises:
            InvalidResponseError: when the answer holds no join code.
        """
        body = await self._send("GET", f"{API}/getProjectCode")
        return self._read_value(body, "GET getProjectCode", "joinCode", str)

    @operation("GET", "/app/3.0/checkProjectCode")
    async def is_join_code_available(self, join_code: str) -> bool:
        """Tell whether a join code is free for a new project.

        Args:
            join_code: the code to check.

        Returns:
            ``True`` when no project uses the code.

        Raises:
            ParameterError: for an empty code; nothing is sent.
            InvalidResponseError: when the answer holds no ``isAvailable`` boolean.
        """
        params = {"joinCode": p.required("join_code", p.text("join_code", join_code))}

        body = await self._send("GET", f"{API}/checkProjectCode", params=params)
        return self._read_value(body, "GET checkProjectCode", "isAvailable", bool)

    @operation("GET", "/app/3.0/project")
    async def find(self, *, join_code: str) -> Project:
        """Find the project that has a join code.

        Args:
            join_code: the project's join code.

        Returns:
            The :class:`Project`.

        Raises:
            NotFoundError: when no project has that join code.
            ParameterError: for an empty code; nothing is sent.
        """
        params = {"joinCode": p.required("join_code", p.text("join_code", join_code))}

        body = await self._send("GET", f"{API}/project", params=params)
        return self._read(Project, body, "GET project", "project")

    @operation("GET", "/app/3.0/projectTemplates")
    async def templates(
        self, *, attributes: Sequence[ProjectAttribute | str] | None = None
    ) -> builtins.list[Project]:
        """Fetch the project templates, starting points for new projects.

        The API answers them all at once (the operation has no pages).

        Args:
            attributes: return only these fields of each template.

        Returns:
            The templates as :class:`Project` objects.

        Raises:
            ParameterError: for an unknown attribute; nothing is sent.
        """
        params = {"attributes": p.enum_values("attributes", attributes, ProjectAttribute)}

        body = await self._send("GET", f"{API}/projectTemplates", params=params)
        return self._read_list(Project, body, "GET projectTemplates", "projectTemplates")

    @operation("GET", "/app/3.0/projects/{projectId}/stats")
    async def stats(self, project_id: str) -> ProjectStats:
        """Fetch a project's totals: clip length, moderation, notifications, filmers.

        The spec gives this operation an ``attributes`` parameter typed as a shot's
        fields, which says nothing about the stats; it is not sent.

        Args:
            project_id: the project's id.

        Returns:
            The :class:`ProjectStats`; ``user_clip_counts`` has one entry per filmer.

        Raises:
            NotFoundError: when no project has that id.
            ParameterError: for an empty id; nothing is sent.
        """
        path = p.path(f"{API}/projects/{{project_id}}/stats", project_id=project_id)

        body = await self._send("GET", path)
        return self._read(ProjectStats, body, "GET projects/{id}/stats", "stats")


def _fields(
    *,
    title: str | None,
    description: str | None,
    orientation: ProjectOrientation | str | None,
    shoot_type: str | None,
    type: ProjectType | str | None,
    join_code: str | None,
    start_at: dt.datetime | None,
    end_at: dt.datetime | None,
    incentive: str | None,
    status: ProjectStatus | str | None,
    publish_status: ProjectPublishStatus | str | None,
    is_geo_visible: bool | None,
) -> dict[str, Any]:
    """Return the fields of a project that creating and updating it send, checked, by
    wire name (``None`` for those not given).

    Raises:
        ParameterError: for an empty string, an unknown enum value, a naive datetime,
            or ``end_at`` before ``start_at``.
    """
    start = p.aware_datetime("start_at", start_at)
    end = p.aware_datetime("end_at", end_at)
    # Both are ISO 8601 texts in UTC of one width, so they sort as the moments do.
    if start is not None and end is not None and end < start:
        msg = "the project cannot end before it starts"
        raise ParameterError("start_at/end_at", msg)

    return {
        "title": p.text("title", title),
        "description": p.text("description", description),
        "orientation": p.enum_value("orientation", orientation, ProjectOrientation),
        "shootType": p.text("shoot_type", shoot_type),
        "type": p.enum_value("type", type, ProjectType),
        "joinCode": p.text("join_code", join_code),
        "startAt": start,
        "endAt": end,
        "incentive": p.text("incentive", incentive),
        "status": p.enum_value("status", status, ProjectStatus),
        "publishStatus": p.enum_value("publish_status", publish_status, ProjectPublishStatus),
        "isGeoVisible": p.flag("is_geo_visible", is_geo_visible),
    }
