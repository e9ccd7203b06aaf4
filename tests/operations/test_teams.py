"""Teams, end to end against FakeCinebody."""

from __future__ import annotations

import base64

import pytest

from cinebody_async import CLEAR, CinebodyClient, NotFoundError, ParameterError
from cinebody_async.models import Team, TeamAttribute, TeamsSortBy, TeamStatus
from cinebody_async.testing import FakeCinebody

MISSING = "00000000-0000-4000-8000-000000000000"


def the_organization(fake: FakeCinebody) -> str:
    return next(iter(fake.state.organizations))


def a_team(fake: FakeCinebody) -> str:
    return next(iter(fake.state.teams))


async def test_list_walks_every_team_with_its_count(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    pager = cb.teams.list(limit=1)

    teams = await pager.all()

    assert [team.id for team in teams] == list(fake.state.teams)
    assert all(isinstance(team, Team) for team in teams)
    assert await pager.count() == len(fake.state.teams)


async def test_list_filters_and_sorts(fake: FakeCinebody, cb: CinebodyClient) -> None:
    org_id = the_organization(fake)
    paused = a_team(fake)
    fake.state.teams[paused]["status"] = "paused"

    chosen = await cb.teams.list(
        organization_ids=[org_id, MISSING],
        status="active",
        sort_by=TeamsSortBy.NAME,
        sort_order="desc",
    ).all()

    expected = sorted(
        (t for t in fake.state.teams.values() if t["status"] == "active"),
        key=lambda t: t["name"].lower(),
        reverse=True,
    )
    assert [team.id for team in chosen] == [t["id"] for t in expected]
    assert paused not in {team.id for team in chosen}
    sent = fake.requests[-1]
    assert sent.query_values("organizationIds") == [org_id, MISSING]
    assert sent.query_values("status") == ["active"]
    assert sent.query_values("sortBy") == ["name"]
    assert sent.query_values("sortOrder") == ["desc"]


async def test_list_with_attributes_trims_fields(fake: FakeCinebody, cb: CinebodyClient) -> None:
    teams = await cb.teams.list(attributes=[TeamAttribute.ID, "status"]).all()

    assert {team.id for team in teams} == set(fake.state.teams)
    assert all(team.name is None and team.status is TeamStatus.ACTIVE for team in teams)
    assert fake.requests[-1].query_values("attributes") == ["id", "status"]


async def test_list_refuses_bad_filters_before_sending(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    bad = [
        ({"organization_ids": "one-id"}, "organization_ids"),
        ({"organization_ids": []}, "organization_ids"),
        ({"status": "sleeping"}, "status"),
        ({"sort_by": "size"}, "sort_by"),
        ({"sort_order": "up"}, "sort_order"),
        ({"attributes": ["nope"]}, "attributes"),
        ({"limit": 0}, "limit"),
    ]
    for kwargs, parameter in bad:
        with pytest.raises(ParameterError) as caught:
            cb.teams.list(**kwargs)  # type: ignore[arg-type]
        assert caught.value.parameter == parameter

    assert fake.requests == []


async def test_get_returns_the_team(fake: FakeCinebody, cb: CinebodyClient) -> None:
    team_id = a_team(fake)

    team = await cb.teams.get(team_id)

    assert team.id == team_id
    assert team.name == fake.state.team(team_id)["name"]
    assert team.organization_id == the_organization(fake)
    assert team.user_counts is not None
    assert team.user_counts.admin == fake.seed_options.admins_per_team


async def test_get_with_attributes_and_unknown_team(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    team = await cb.teams.get(a_team(fake), attributes=["name"])

    assert team.name == fake.state.team(a_team(fake))["name"]
    assert team.id is None
    with pytest.raises(NotFoundError):
        await cb.teams.get(MISSING)


async def test_create_answers_the_new_team(fake: FakeCinebody, cb: CinebodyClient) -> None:
    org_id = the_organization(fake)

    team = await cb.teams.create(
        org_id, name="Night Crew", description="After dark", slug="night", profile_image=b"\x89P"
    )

    assert team.name == "Night Crew"
    assert team.organization_id == org_id
    assert team.id is not None
    stored = fake.state.team(team.id)
    assert stored["description"] == "After dark"
    assert stored["slug"] == "night"
    body = fake.requests[-1].body
    assert base64.b64encode(b"\x89P") in body
    assert b"address" not in body


async def test_create_refuses_bad_arguments_before_sending(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    org_id = the_organization(fake)
    bad = [
        (org_id, {"name": "  "}, "name"),
        (org_id, {"name": None}, "name"),
        (org_id, {"name": "A", "slug": ""}, "slug"),
        (org_id, {"name": "A", "profile_image": b""}, "profile_image"),
        (org_id, {"name": "A", "profile_image": "base64"}, "profile_image"),
        ("", {"name": "A"}, "organization_id"),
    ]
    for organization_id, kwargs, parameter in bad:
        with pytest.raises(ParameterError) as caught:
            await cb.teams.create(organization_id, **kwargs)  # type: ignore[arg-type]
        assert caught.value.parameter == parameter

    assert fake.requests == []
    assert len(fake.state.teams) == 2


async def test_update_sends_only_given_fields_and_answers_the_team(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    team_id = a_team(fake)
    fake.state.teams[team_id]["addressCity"] = "Lyon"

    team = await cb.teams.update(
        team_id,
        name="Renamed",
        status=TeamStatus.WILL_PAUSE,
        page_published=True,
        address_city=CLEAR,
    )

    assert team.id == team_id
    assert team.name == "Renamed"
    assert team.status is TeamStatus.WILL_PAUSE
    stored = fake.state.team(team_id)
    assert (stored["name"], stored["status"]) == ("Renamed", "will-pause")
    assert stored["pagePublished"] is True
    assert stored["addressCity"] is None
    sent = fake.requests[-1].body
    assert b'"addressCity":null' in sent
    assert b"description" not in sent


async def test_update_refuses_bad_arguments_before_sending(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    team_id = a_team(fake)

    with pytest.raises(ParameterError, match="at least one field"):
        await cb.teams.update(team_id)
    with pytest.raises(ParameterError) as caught:
        await cb.teams.update(team_id, status="gone")
    assert caught.value.parameter == "status"
    with pytest.raises(ParameterError) as caught:
        await cb.teams.update(team_id, page_published="yes")  # type: ignore[arg-type]
    assert caught.value.parameter == "page_published"

    assert fake.requests == []


async def test_delete_removes_the_team_and_its_projects(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    team_id = a_team(fake)
    projects = [project["id"] for project in fake.state.team_projects(team_id)]
    assert projects

    await cb.teams.delete(team_id)

    assert team_id not in fake.state.teams
    assert not set(projects) & set(fake.state.projects)
    with pytest.raises(NotFoundError):
        await cb.teams.delete(team_id)


async def test_stats_counts_projects_users_and_videos(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    team_id = a_team(fake)
    projects = fake.state.team_projects(team_id)

    stats = await cb.teams.stats(team_id)

    assert stats.num_projects == len(projects)
    assert stats.num_users == len(fake.state.team_users[team_id])
    assert stats.project_counts is not None
    assert set(stats.project_counts) == {project["id"] for project in projects}
    assert stats.team_counts is not None
    assert stats.team_counts.videos is not None
    pending = sum(fake.state.media_counts(p["id"])["videos"]["pending"] for p in projects)
    assert stats.team_counts.videos.pending == pending
    with pytest.raises(ParameterError):
        await cb.teams.stats(" ")


async def test_set_image_sends_the_file_as_form_data(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    team_id = a_team(fake)
    before = fake.state.team(team_id)["profileImages"]

    await cb.teams.set_image(team_id, b"\x89PNG-bytes", filename="logo.png")

    assert fake.state.team(team_id)["profileImages"] != before
    sent = fake.requests[-1]
    assert (sent.header("Content-Type") or "").startswith("multipart/form-data")
    assert b'name="fileName"' in sent.body
    assert b'filename="logo.png"' in sent.body
    assert b"Content-Type: image/png" in sent.body
    assert b"\x89PNG-bytes" in sent.body


async def test_set_image_resends_a_fresh_form_on_retry(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    team_id = a_team(fake)
    fake.faults.script("PUT /teams/{teamId}/image", [503])

    await cb.teams.set_image(team_id, b"jpeg", filename="x.bin", content_type="image/jpeg")

    (failed, retried) = fake.requests_to("PUT /teams/{teamId}/image")
    for sent in (failed, retried):
        assert b'filename="x.bin"' in sent.body
        assert b"Content-Type: image/jpeg" in sent.body
        assert b"\r\n\r\njpeg\r\n" in sent.body
    assert fake.counters.effects["PUT /teams/{teamId}/image"] == 1


async def test_set_image_refuses_bad_arguments_before_sending(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    team_id = a_team(fake)
    bad = [
        ({"image": b"", "filename": "a.png"}, "image"),
        ({"image": "a.png", "filename": "a.png"}, "image"),
        ({"image": b"x", "filename": ""}, "filename"),
        ({"image": b"x", "filename": None}, "filename"),
        ({"image": b"x", "filename": "a.png", "content_type": " "}, "content_type"),
    ]
    for kwargs, parameter in bad:
        with pytest.raises(ParameterError) as caught:
            await cb.teams.set_image(team_id, **kwargs)  # type: ignore[arg-type]
        assert caught.value.parameter == parameter

    assert fake.requests == []
