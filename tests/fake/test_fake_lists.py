"""The fake's list operations: paging, counts, filters, sorting and field selection."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import aiohttp
import pytest

from cinebody_async.testing import FakeCinebody
from tests.fake.conftest import Api


def _lists(fake: FakeCinebody) -> list[tuple[str, str, int]]:
    """(path, key of the items, expected total) for every list with a count."""
    state = fake.state
    project = next(iter(state.projects.values()))
    team = next(iter(state.teams.values()))
    org = next(iter(state.organizations.values()))
    org_users = set(state.organization_users[org["id"]])
    for team_id in state.team_users:
        org_users |= set(state.team_users[team_id])
    return [
        ("/projects", "projects", len(state.projects)),
        ("/teams", "teams", len(state.teams)),
        (
            f"/projects/{project['id']}/clips",
            "mediaFiles",
            len(state.project_media_files(project["id"])),
        ),
        (f"/teams/{team['id']}/users", "users", len(state.team_users[team["id"]])),
        (f"/organizations/{org['id']}/users", "users", len(org_users)),
        ("/scheduledNotifications", "scheduledNotifications", len(state.notifications)),
    ]


async def test_pages_of_every_counted_list_hold_each_item_once(
    fake: FakeCinebody, api: Api
) -> None:
    for path, key, total in _lists(fake):
        seen: list[str] = []
        page = 0
        while True:
            body = await api.ok("GET", path, {"page": page, "limit": 7})
            assert body["count"] == total, path
            assert body["apiVersion"] == fake.api_version
            seen += [item["id"] for item in body[key]]
            if len(body[key]) < 7:
                break
            page += 1
        assert len(seen) == total == len(set(seen)), path


async def test_default_page_is_the_first_ten(fake: FakeCinebody, api: Api) -> None:
    body = await api.ok("GET", "/teams/" + next(iter(fake.state.teams)) + "/users")
    assert body["count"] > 10
    assert len(body["users"]) == 10
    first = await api.ok("GET", "/teams/" + next(iter(fake.state.teams)) + "/users", {"page": 0})
    assert first["users"] == body["users"]


async def test_organizations_have_no_count_and_end_on_a_short_page(
    fake: FakeCinebody, api: Api
) -> None:
    body = await api.ok("GET", "/organizations", {"limit": 1})
    assert "count" not in body
    assert [org["id"] for org in body["organizations"]] == list(fake.state.organizations)
    empty = await api.ok("GET", "/organizations", {"limit": 1, "page": 1})
    assert empty["organizations"] == []


async def test_shots_list_is_the_project_shot_list_in_order(
    fake: FakeCinebody, api: Api, project: dict[str, Any]
) -> None:
    body = await api.ok("GET", f"/projects/{project['id']}/shots")
    assert [shot["order"] for shot in body["shots"]] == sorted(s["order"] for s in body["shots"])
    assert {shot["id"] for shot in body["shots"]} == {
        shot["id"] for shot in fake.state.project_shots(project["id"])
    }


@pytest.mark.parametrize(
    ("params", "problem"),
    [
        ({"limit": 0}, 400),
        ({"limit": "ten"}, 400),
        ({"page": -1}, 400),
        ({"sortOrder": "sideways"}, 400),
        ({"attributes": "password"}, 400),
    ],
)
async def test_bad_paging_values_are_400(
    api: Api, params: dict[str, str | int], problem: int
) -> None:
    answer = await api.get("/projects", params)
    assert answer.status == problem
    assert answer.body["status"] == "failure"
    assert answer.body["code"] == "INVALID_PARAMETER"


async def test_repeated_keys_filter_by_several_teams(fake: FakeCinebody, api: Api) -> None:
    teams = list(fake.state.teams)
    one = await api.ok("GET", "/projects", [("teamIds", teams[0])])
    both = await api.ok("GET", "/projects", [("teamIds", teams[0]), ("teamIds", teams[1])])
    assert {p["TeamId"] for p in one["projects"]} == {teams[0]}
    assert one["count"] == len(fake.state.team_projects(teams[0]))
    assert both["count"] == len(fake.state.projects)


async def test_attributes_keep_only_the_named_fields(api: Api, project: dict[str, Any]) -> None:
    body = await api.ok(
        "GET",
        f"/projects/{project['id']}/clips",
        [("attributes", "id"), ("attributes", "fileSize"), ("limit", 3)],
    )
    assert [set(clip) for clip in body["mediaFiles"]] == [{"id", "fileSize"}] * 3
    assert all(isinstance(clip["fileSize"], str) for clip in body["mediaFiles"])


async def test_clips_are_newest_first_unless_ascending(api: Api, project: dict[str, Any]) -> None:
    newest = await api.ok("GET", f"/projects/{project['id']}/clips", {"limit": 100})
    oldest = await api.ok(
        "GET", f"/projects/{project['id']}/clips", {"limit": 100, "sortOrder": "asc"}
    )
    stamps = [clip["createdAt"] for clip in newest["mediaFiles"]]
    assert stamps == sorted(stamps, reverse=True)
    assert [c["id"] for c in oldest["mediaFiles"]] == [c["id"] for c in newest["mediaFiles"]][::-1]


async def test_clip_filters(fake: FakeCinebody, api: Api, project: dict[str, Any]) -> None:
    path = f"/projects/{project['id']}/clips"
    clips = fake.state.project_media_files(project["id"])
    shot = fake.state.project_shots(project["id"])[0]
    user = next(c["UserId"] for c in clips if c["UserId"])
    cases: list[tuple[list[tuple[str, str | int]], Any]] = [
        ([("status", "pending")], lambda c: c["status"] == "pending"),
        ([("isEdit", "true")], lambda c: c["isEdit"]),
        ([("favorite", "false")], lambda c: not c["favorite"]),
        ([("shotIds", shot["id"])], lambda c: c["ShotId"] == shot["id"]),
        (
            [("shotIds", shot["id"]), ("freeShoot", "true")],
            lambda c: c["ShotId"] in (shot["id"], None),
        ),
        ([("freeShoot", "true")], lambda c: c["ShotId"] is None),
        (
            [("shotTypeIds", shot["ShotTypeId"])],
            lambda c: (
                c["ShotId"] is not None
                and fake.state.shots[c["ShotId"]]["ShotTypeId"] == shot["ShotTypeId"]
            ),
        ),
        ([("userIds", user)], lambda c: c["UserId"] == user),
        ([("fps", "30")], lambda c: c["fps"] == 30),
        ([("quality", "1080")], lambda c: c["quality"] == "1080"),
    ]
    for params, keep in cases:
        body = await api.ok("GET", path, [*params, ("limit", 1000)])
        expected = {c["id"] for c in clips if keep(c)}
        assert body["count"] == len(expected), params
        assert {c["id"] for c in body["mediaFiles"]} == expected, params


async def test_boolean_parameters_must_be_true_or_false(api: Api, project: dict[str, Any]) -> None:
    answer = await api.get(f"/projects/{project['id']}/clips", {"isEdit": "yes"})
    assert answer.status == 400


async def test_clip_added_mid_fetch_is_counted_and_shifts_pages(
    fake: FakeCinebody, api: Api, project: dict[str, Any]
) -> None:
    path = f"/projects/{project['id']}/clips"
    first = await api.ok("GET", path, {"limit": 5})
    added = fake.state.add_media_file(project["id"], status="approved")
    second = await api.ok("GET", path, {"limit": 5, "page": 1})
    assert second["count"] == first["count"] + 1
    again = await api.ok("GET", path, {"limit": 5})
    assert again["mediaFiles"][0]["id"] == added["id"]
    assert second["mediaFiles"][0]["id"] == first["mediaFiles"][4]["id"]


async def test_projects_sort_and_filter(fake: FakeCinebody, api: Api) -> None:
    body = await api.ok("GET", "/projects", {"sortBy": "title", "sortOrder": "desc", "limit": 50})
    titles = [p["title"].lower() for p in body["projects"]]
    assert titles == sorted(titles, reverse=True)
    some = next(iter(fake.state.projects.values()))
    found = await api.ok("GET", "/projects", {"q": some["title"][:-2].upper(), "limit": 50})
    assert some["id"] in {p["id"] for p in found["projects"]}
    for status in ("active", "archived"):
        chosen = await api.ok("GET", "/projects", {"status": status, "limit": 50})
        assert all(p["newStatus"] == status for p in chosen["projects"])


async def test_teams_filter_by_organization_and_status(fake: FakeCinebody, api: Api) -> None:
    org = next(iter(fake.state.organizations))
    body = await api.ok("GET", "/teams", [("organizationIds", org), ("status", "active")])
    assert body["count"] == len(fake.state.teams)
    none = await api.ok("GET", "/teams", {"status": "paused"})
    assert none == {"apiVersion": fake.api_version, "count": 0, "teams": []}


async def test_team_users_filters(fake: FakeCinebody, api: Api, team: dict[str, Any]) -> None:
    path = f"/teams/{team['id']}/users"
    members = fake.state.team_users[team["id"]]
    admins = await api.ok("GET", path, {"type": "teamAdmin"})
    assert {u["id"] for u in admins["users"]} == {u for u, k in members.items() if k == "admin"}
    assert all(u["teamUserType"] == "admin" for u in admins["users"])
    project = fake.state.team_projects(team["id"])[0]
    on_project = await api.ok("GET", path, {"projectId": project["id"], "limit": 100})
    assert {u["id"] for u in on_project["users"]} == set(fake.state.project_users[project["id"]])
    assert all("userProjectStatus" in u for u in on_project["users"])
    outside = await api.ok("GET", path, {"notInProjectIds": project["id"], "limit": 100})
    assert not {u["id"] for u in outside["users"]} & set(fake.state.project_users[project["id"]])
    by_name = await api.ok("GET", path, {"sortBy": "lastName", "limit": 100})
    names = [u["lastName"].lower() for u in by_name["users"]]
    assert names == sorted(names)


async def test_notifications_filter_by_status_and_project(
    fake: FakeCinebody, api: Api, project: dict[str, Any]
) -> None:
    body = await api.ok(
        "GET", "/scheduledNotifications", {"projectId": project["id"], "status": "pending"}
    )
    expected = [
        n
        for n in fake.state.notifications.values()
        if n["ProjectId"] == project["id"] and n["status"] == "pending"
    ]
    assert body["count"] == len(expected) >= 1
    assert {n["id"] for n in body["scheduledNotifications"]} == {n["id"] for n in expected}


async def test_max_limit_cuts_pages_silently() -> None:
    async with (
        FakeCinebody(seed=1, clips_per_project=30, max_limit=12) as small,
        aiohttp.ClientSession() as session,
    ):
        project = next(iter(small.state.projects))
        capped = await Api(session, small).ok("GET", f"/projects/{project}/clips", {"limit": 25})
    assert capped["count"] == 32
    assert len(capped["mediaFiles"]) == 12


async def test_request_log_can_be_turned_off() -> None:
    async with (
        FakeCinebody(seed=1, clips_per_project=1, log_requests=False) as quiet,
        aiohttp.ClientSession() as session,
    ):
        await Api(session, quiet).ok("GET", "/teams")
    assert quiet.requests == []
    assert quiet.counters.requests["GET /teams"] == 1


async def test_clips_added_in_one_millisecond_keep_their_order(
    fake: FakeCinebody, api: Api, project: dict[str, Any]
) -> None:
    fake.state.now = lambda: datetime(2030, 1, 1, tzinfo=UTC)
    added = [fake.state.add_media_file(project["id"])["id"] for _ in range(5)]
    body = await api.ok("GET", f"/projects/{project['id']}/clips", {"limit": 5})
    assert [clip["id"] for clip in body["mediaFiles"]] == added[::-1]
