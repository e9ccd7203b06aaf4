"""Organizations: the accounts at the top of the hierarchy, their stats and storage."""

from __future__ import annotations

from collections.abc import Sequence

from cinebody_async._pagination import Pager
from cinebody_async.models import (
    Organization,
    OrganizationAttribute,
    OrganizationStats,
    OrganizationStorage,
)
from cinebody_async.resources import _params as p
from cinebody_async.resources._base import API, Resource, operation

__all__ = ["Organizations"]


class Organizations(Resource):
    """The organizations the API key can reach (``cb.organizations``)."""

    __slots__ = ()

    @operation("GET", "/app/3.0/organizations")
    def list(
        self,
        *,
        attributes: Sequence[OrganizationAttribute | str] | None = None,
        limit: int | None = None,
        max_items: int | None = None,
    ) -> Pager[Organization]:
        """List the organizations the key has access to.

        The API gives no total for this listing, so ``count()`` is ``None`` and the
        pager reads pages until a short one.

        Args:
            attributes: return only these fields of each organization.
            limit: organizations per page (default: the pager's bulk size).
            max_items: stop after this many organizations.

        Returns:
            A pager of :class:`Organization`; nothing is sent until it is used.

        Raises:
            ParameterError: for an unknown attribute or a bad ``limit``/``max_items``.
        """
        params = {"attributes": p.enum_values("attributes", attributes, OrganizationAttribute)}
        return self._pager(
            Organization,
            f"{API}/organizations",
            ["organizations"],
            params,
            has_count=False,
            limit=limit,
            max_items=max_items,
        )

    @operation("GET", "/app/3.0/organizations/{organizationId}")
    async def get(
        self,
        organization_id: str,
        *,
        attributes: Sequence[OrganizationAttribute | str] | None = None,
    ) -> Organization:
        """Fetch one organization.

        Args:
            organization_id: the organization's id.
            attributes: return only these fields.

        Returns:
            The :class:`Organization`.

        Raises:
            NotFoundError: when no organization has that id.
            PermissionDeniedError: when the key has no access to it.
            ParameterError: for an empty id or an unknown attribute; nothing is sent.
        """
        path = p.path(f"{API}/organizations/{{organization_id}}", organization_id=organization_id)
        params = {"attributes": p.enum_values("attributes", attributes, OrganizationAttribute)}
        body = await self._send("GET", path, params=params)
        return self._read(Organization, body, "GET organizations/{id}", "organization")

    @operation("PATCH", "/app/3.0/organizations/{organizationId}")
    async def update(
        self,
        organization_id: str,
        *,
        name: str | None = None,
        email: str | None = None,
        billing_name: str | None = None,
        address_name: str | None = None,
        address_line1: str | p.Clear | None = None,
        address_line2: str | p.Clear | None = None,
        address_city: str | p.Clear | None = None,
        address_state: str | p.Clear | None = None,
        address_zip: str | None = None,
        address_country: str | None = None,
        stripe_token: str | None = None,
        should_auto_upgrade: bool | None = None,
        attributes: Sequence[OrganizationAttribute | str] | None = None,
    ) -> Organization:
        """Change an organization's name, billing contact, address or auto-upgrade.

        Only the fields given are sent; ``None`` leaves a field as it is, and
        :data:`~cinebody_async.CLEAR` empties one of the nullable address lines.

        Args:
            organization_id: the organization's id.
            name: the organization's name.
            email: the billing contact's email.
            billing_name: the billing contact's name.
            address_name: the address's name line.
            address_line1: the first address line (clearable).
            address_line2: the second address line (clearable).
            address_city: the city (clearable).
            address_state: the state (clearable).
            address_zip: the postal code.
            address_country: the country.
            stripe_token: a Stripe payment token for the account.
            should_auto_upgrade: add storage add-ons when the plan's storage runs out.
            attributes: return only these fields of the updated organization.

        Returns:
            The updated :class:`Organization`.

        Raises:
            NotFoundError: when no organization has that id.
            ParameterError: when no field is given, or for an empty string; nothing is
                sent.
        """
        path = p.path(f"{API}/organizations/{{organization_id}}", organization_id=organization_id)
        body = p.require_changes(
            p.compact(
                name=p.text("name", name),
                email=p.text("email", email),
                billingName=p.text("billing_name", billing_name),
                addressName=p.text("address_name", address_name),
                addressLine1=p.nullable("address_line1", address_line1),
                addressLine2=p.nullable("address_line2", address_line2),
                addressCity=p.nullable("address_city", address_city),
                addressState=p.nullable("address_state", address_state),
                addressZip=p.text("address_zip", address_zip),
                addressCountry=p.text("address_country", address_country),
                stripeToken=p.text("stripe_token", stripe_token),
                shouldAutoUpgrade=p.flag("should_auto_upgrade", should_auto_upgrade),
            ),
            "update",
        )
        params = {"attributes": p.enum_values("attributes", attributes, OrganizationAttribute)}
        answer = await self._send("PATCH", path, params=params, json=body)
        return self._read(Organization, answer, "PATCH organizations/{id}", "organization")

    @operation("GET", "/app/3.0/organizations/{organizationId}/stats")
    async def stats(self, organization_id: str) -> OrganizationStats:
        """Fetch an organization's statistics (teams, projects, users, clips).

        Args:
            organization_id: the organization's id.

        Returns:
            The :class:`OrganizationStats`.

        Raises:
            NotFoundError: when no organization has that id.
            ParameterError: for an empty id; nothing is sent.
        """
        path = p.path(
            f"{API}/organizations/{{organization_id}}/stats", organization_id=organization_id
        )
        body = await self._send("GET", path)
        return self._read(OrganizationStats, body, "GET organizations/{id}/stats", "stats")

    @operation("GET", "/app/3.0/organizations/{organizationId}/storage")
    async def storage(self, organization_id: str) -> OrganizationStorage:
        """Fetch the bytes an organization stores, in total and per team.

        Args:
            organization_id: the organization's id.

        Returns:
            The :class:`OrganizationStorage` (``total_bytes`` and ``team_storage``).

        Raises:
            NotFoundError: when no organization has that id.
            ParameterError: for an empty id; nothing is sent.
        """
        path = p.path(
            f"{API}/organizations/{{organization_id}}/storage", organization_id=organization_id
        )
        # The storage fields sit at the top of the answer, beside apiVersion.
        return OrganizationStorage.from_dict(await self._send("GET", path))
