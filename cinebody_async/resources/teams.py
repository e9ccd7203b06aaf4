"""Teams, their stats, images and settings."""

from __future__ import annotations

import base64
from collections.abc import Sequence

from cinebody_async._pagination import Pager
from cinebody_async.models import (
    SortOrder,
    Team,
    TeamAttribute,
    TeamsSortBy,
    TeamStats,
    TeamStatus,
)
from cinebody_async.resources import _params as p
from cinebody_async.resources._base import API, Resource, operation

__all__ = ["Teams"]


class Teams(Resource):
    """Teams, their stats, images and settings (``cb.teams``)."""

    __slots__ = ()

    @operation("GET", "/app/3.0/teams")
    def list(
        self,
        *,
        organization_ids: Sequence[str] | None = None,
        status: TeamStatus | str | None = None,
        sort_by: TeamsSortBy | str | None = None,
        sort_order: SortOrder | str | None = None,
        attributes: Sequence[TeamAttribute | str] | None = None,
        limit: int | None = None,
        max_items: int | None = None,
    ) -> Pager[Team]:
        """List the teams the key has access to.

        Args:
            organization_ids: only teams of these organizations.
            status: only teams in this state.
            sort_by: the field to sort by (without it, the API's own order).
            sort_order: ascending or descending.
            attributes: return only these fields of each team.
            limit: teams per page (default: the pager's bulk size).
            max_items: stop after this many teams.

        Returns:
            A pager of :class:`Team`; nothing is sent until it is used.

        Raises:
            ParameterError: for an empty id list or id, an unknown status, sort key or
                attribute, or a bad ``limit``/``max_items``.
        """
        params = {
            "organizationIds": p.id_list("organization_ids", organization_ids),
            "status": p.enum_value("status", status, TeamStatus),
            "sortBy": p.enum_value("sort_by", sort_by, TeamsSortBy),
            "sortOrder": p.enum_value("sort_order", sort_order, SortOrder),
            "attributes": p.enum_values("attributes", attributes, TeamAttribute),
        }
        return self._pager(
            Team, f"{API}/teams", ["teams"], params, limit=limit, max_items=max_items
        )

    @operation("GET", "/app/3.0/teams/{teamId}")
    async def get(
        self, team_id: str, *, attributes: Sequence[TeamAttribute | str] | None = None
    ) -> Team:
        """Fetch one team.

        Args:
            team_id: the team's id.
            attributes: return only these fields.

        Returns:
            The :class:`Team`.

        Raises:
            NotFoundError: when no team has that id.
            PermissionDeniedError: when the key has no access to it.
            ParameterError: for an empty id or an unknown attribute; nothing is sent.
        """
        path = p.path(f"{API}/teams/{{team_id}}", team_id=team_id)
        params = {"attributes": p.enum_values("attributes", attributes, TeamAttribute)}
        body = await self._send("GET", path, params=params)
        return self._read(Team, body, "GET teams/{id}", "team")

    @operation("POST", "/app/3.0/organizations/{organizationId}/teams")
    async def create(
        self,
        organization_id: str,
        *,
        name: str,
        description: str | None = None,
        slug: str | None = None,
        profile_image: bytes | None = None,
        address_name: str | None = None,
        address_line1: str | None = None,
        address_line2: str | None = None,
        address_city: str | None = None,
        address_state: str | None = None,
        address_zip: str | None = None,
        address_country: str | None = None,
        attributes: Sequence[TeamAttribute | str] | None = None,
    ) -> Team:
        """Create a team in an organization.

        The address fields are placeholders the API keeps but does not use yet.

        Args:
            organization_id: the organization that will own the team.
            name: the team's name.
            description: a description of the team.
            slug: the team's slug, used in its page's address.
            profile_image: the bytes of a profile image; they are sent base64-encoded.
                :meth:`set_image` replaces the image later.
            address_name: the address's name line.
            address_line1: the first address line.
            address_line2: the second address line.
            address_city: the city.
            address_state: the state.
            address_zip: the postal code.
            address_country: the country.
            attributes: return only these fields of the new team.

        Returns:
            The new :class:`Team`.

        Raises:
            NotFoundError: when no organization has that id.
            ParameterError: for a missing or empty name, another empty string, an
                empty image or an unknown attribute; nothing is sent.
        """
        path = p.path(
            f"{API}/organizations/{{organization_id}}/teams", organization_id=organization_id
        )
        name = p.required("name", p.text("name", name))
        image = None
        if profile_image is not None:
            image = base64.b64encode(p.image_bytes("profile_image", profile_image)).decode()
        body = p.compact(
            name=name,
            description=p.text("description", description),
            slug=p.text("slug", slug),
            profileImage=image,
            addressName=p.text("address_name", address_name),
            addressLine1=p.text("address_line1", address_line1),
            addressLine2=p.text("address_line2", address_line2),
            addressCity=p.text("address_city", address_city),
            addressState=p.text("address_state", address_state),
            addressZip=p.text("address_zip", address_zip),
            addressCountry=p.text("address_country", address_country),
        )
        params = {"attributes": p.enum_values("attributes", attributes, TeamAttribute)}

        answer = await self._send("POST", path, params=params, json=body)

        # The spec answers `count` and `users` here; the API answers the new `team`.
        return self._read(Team, answer, "POST organizations/{id}/teams", "team")

    @operation("PATCH", "/app/3.0/teams/{teamId}")
    async def update(
        self,
        team_id: str,
        *,
        name: str | None = None,
        description: str | None = None,
        slug: str | None = None,
        page_published: bool | None = None,
        status: TeamStatus | str | None = None,
        address_name: str | p.Clear | None = None,
        address_line1: str | p.Clear | None = None,
        address_line2: str | p.Clear | None = None,
        address_city: str | p.Clear | None = None,
        address_state: str | p.Clear | None = None,
        address_zip: str | p.Clear | None = None,
        address_country: str | p.Clear | None = None,
        attributes: Sequence[TeamAttribute | str] | None = None,
    ) -> Team:
        """Change a team's name, description, slug, page, status or address.

        Only the fields given are sent; ``None`` leaves a field as it is, and
        :data:`~cinebody_async.CLEAR` empties an address field.

        Args:
            team_id: the team's id.
            name: the team's name.
            description: a description of the team.
            slug: the team's slug.
            page_published: whether the team's page is published.
            status: the team's state (pausing or deleting it later, for instance).
            address_name: the address's name line (clearable).
            address_line1: the first address line (clearable).
            address_line2: the second address line (clearable).
            address_city: the city (clearable).
            address_state: the state (clearable).
            address_zip: the postal code (clearable).
            address_country: the country (clearable).
            attributes: return only these fields of the updated team.

        Returns:
            The updated :class:`Team`.

        Raises:
            NotFoundError: when no team has that id.
            ParameterError: when no field is given, for an empty string, an unknown
                status or attribute; nothing is sent.
        """
        path = p.path(f"{API}/teams/{{team_id}}", team_id=team_id)
        body = p.require_changes(
            p.compact(
                name=p.text("name", name),
                description=p.text("description", description),
                slug=p.text("slug", slug),
                pagePublished=p.flag("page_published", page_published),
                status=p.enum_value("status", status, TeamStatus),
                addressName=p.nullable("address_name", address_name),
                addressLine1=p.nullable("address_line1", address_line1),
                addressLine2=p.nullable("address_line2", address_line2),
                addressCity=p.nullable("address_city", address_city),
                addressState=p.nullable("address_state", address_state),
                addressZip=p.nullable("address_zip", address_zip),
                addressCountry=p.nullable("address_country", address_country),
            ),
            "update",
        )
        params = {"attributes": p.enum_values("attributes", attributes, TeamAttribute)}

        answer = await self._send("PATCH", path, params=params, json=body)

        # The spec answers an `organization` here; the API answers the changed `team`.
        return self._read(Team, answer, "PATCH teams/{id}", "team")

    @operation("DELETE", "/app/3.0/teams/{teamId}")
    async def delete(self, team_id: str) -> None:
        """Delete a team, with its projects, their clips and its notifications.

        Args:
            team_id: the team's id.

        Raises:
            NotFoundError: when no team has that id.
            InvalidResponseError: when the answer's ``status`` is not ``"success"``.
            ParameterError: for an empty id; nothing is sent.
        """
        path = p.path(f"{API}/teams/{{team_id}}", team_id=team_id)
        await self._delete(path, "DELETE teams/{id}")

    @operation("GET", "/app/3.0/teams/{teamId}/stats")
    async def stats(self, team_id: str) -> TeamStats:
        """Fetch a team's statistics: projects, users and moderation counts.

        Args:
            team_id: the team's id.

        Returns:
            The :class:`TeamStats`; ``project_counts`` maps each project's id to its
            counts, as sent.

        Raises:
            NotFoundError: when no team has that id.
            ParameterError: for an empty id; nothing is sent.
        """
        path = p.path(f"{API}/teams/{{team_id}}/stats", team_id=team_id)
        body = await self._send("GET", path)
        return self._read(TeamStats, body, "GET teams/{id}/stats", "stats")

    @operation("PUT", "/app/3.0/teams/{teamId}/image")
    async def set_image(
        self,
        team_id: str,
        image: bytes,
        *,
        filename: str,
        content_type: str | None = None,
    ) -> None:
        """Replace a team's profile image.

        The API answers before the image is processed: the team's ``profile_images``
        change some minutes later, so this method returns nothing to read them from.

        Args:
            team_id: the team's id.
            image: the image file's bytes.
            filename: the file's name, such as ``logo.png``.
            content_type: the image's media type; by default guessed from ``filename``
                (``application/octet-stream`` when it cannot be).

        Raises:
            NotFoundError: when no team has that id.
            ParameterError: for an empty id, image or file name, or an image that is
                not bytes; nothing is sent.
        """
        path = p.path(f"{API}/teams/{{team_id}}/image", team_id=team_id)
        await self._put_image(path, image, filename, content_type)
