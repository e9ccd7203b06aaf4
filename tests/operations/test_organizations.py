"""Organizations, end to end against FakeCinebody."""

from __future__ import annotations

import pytest

from cinebody_async import CLEAR, CinebodyClient, NotFoundError, ParameterError
from cinebody_async.models import Organization, OrganizationAttribute, OrganizationStatus
from cinebody_async.testing import FakeCinebody


def the_organization(fake: FakeCinebody) -> str:
    return next(iter(fake.state.organizations))


async def test_list_walks_every_organization(fake: FakeCinebody, cb: CinebodyClient) -> None:
    pager = cb.organizations.list(limit=1)

    organizations = await pager.all()

    assert [org.id for org in organizations] == list(fake.state.organizations)
    assert all(isinstance(org, Organization) for org in organizations)
    assert await pager.count() is None


async def test_list_with_attributes_trims_fields(fake: FakeCinebody, cb: CinebodyClient) -> None:
    organizations = await cb.organizations.list(
        attributes=[OrganizationAttribute.ID, "name"]
    ).all()

    (org,) = organizations
    assert org.id == the_organization(fake)
    assert org.name is not None
    assert org.status is None
    assert fake.requests[-1].query_values("attributes") == ["id", "name"]


async def test_get_returns_the_organization(fake: FakeCinebody, cb: CinebodyClient) -> None:
    org_id = the_organization(fake)

    org = await cb.organizations.get(org_id)

    assert org.id == org_id
    assert org.name == fake.state.organization(org_id)["name"]
    assert isinstance(org.status, OrganizationStatus)


async def test_get_unknown_organization_raises_not_found(cb: CinebodyClient) -> None:
    with pytest.raises(NotFoundError):
        await cb.organizations.get("00000000-0000-4000-8000-000000000000")


async def test_update_sends_only_given_fields_and_clears(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    org_id = the_organization(fake)

    org = await cb.organizations.update(
        org_id, name="Renamed", should_auto_upgrade=True, address_line2=CLEAR
    )

    assert org.name == "Renamed"
    assert fake.state.organization(org_id)["name"] == "Renamed"
    assert fake.state.organization(org_id)["shouldAutoUpgrade"] is True
    assert fake.state.organization(org_id)["addressLine2"] is None
    sent = fake.requests[-1].body
    assert b'"addressLine2":null' in sent
    assert b"email" not in sent


async def test_update_without_changes_is_refused_before_sending(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    with pytest.raises(ParameterError, match="at least one field"):
        await cb.organizations.update(the_organization(fake))

    assert fake.requests == []


async def test_empty_strings_and_ids_are_refused_by_name(cb: CinebodyClient) -> None:
    with pytest.raises(ParameterError) as caught:
        await cb.organizations.update("org", name="  ")
    assert caught.value.parameter == "name"

    with pytest.raises(ParameterError) as caught:
        await cb.organizations.get("")
    assert caught.value.parameter == "organization_id"

    with pytest.raises(ParameterError) as caught:
        cb.organizations.list(attributes=["nope"])
    assert caught.value.parameter == "attributes"


async def test_stats_and_storage(fake: FakeCinebody, cb: CinebodyClient) -> None:
    org_id = the_organization(fake)

    stats = await cb.organizations.stats(org_id)
    storage = await cb.organizations.storage(org_id)

    assert stats.num_teams == len(fake.state.organization_teams(org_id))
    assert storage.total_bytes is not None
    assert storage.total_bytes > 0
    assert storage.team_storage is not None
    assert set(storage.team_storage) == {t["id"] for t in fake.state.organization_teams(org_id)}
