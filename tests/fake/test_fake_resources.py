"""Organizations, teams, projects, join codes, templates, shot types and statistics."""

from __future__ import annotations

from typing import Any

import aiohttp

from cinebody_async.testing import FakeCinebody
from tests.fake.conftest import Api

NEW_PROJECT = {
    "title": "Harbor Regatta",
    "description": "Film the boats",
    "orientation": "portrait",
    "shootType": "sports",
    "type": "public",
}


async def test_key_is_required_and_checked(api: Api) -> None:
    missing = await api.call("GET", "/organizations", key=None)
    wrong = await api.call("GET", "/organizations", key="nope")
    for answer in (missing, wrong):
        assert answer.status == 403
        assert answer.body["status"] == "failure"
        assert answer.body["code"] == "APP_NOT_AUTHORIZED"
        assert answer.body["reason"]
        assert answer.body["friendlyReason"]


async def test_unknown_route_and_method_answer_json_404(api: Api) -> None:
    for method, path in (("GET", "/nothing/here"), ("DELETE", "/organizations"), ("GET", "/")):
        answer = await api.call(method, path)
        assert answer.status == 404
        assert answer.headers["Content-Type"].startswith("application/json")
        assert answer.body["code"] == "ROUTE_NOT_FOUND"


async def test_malformed_json_body_is_400(api: Api, project: dict[str, Any]) -> None:
    answer = await api.call(
        "PATCH",
        f"/projects/{project['id']}",
        data=b"{not json",
        headers={"Content-Type": "application/json"},
    )
    assert answer.status == 400
    assert answer.body["code"] == "INVALID_JSON"


async def test_organization_read_and_update(api: Api, organization: dict[str, Any]) -> None:
    path = f"/organizations/{organization['id']}"
    body = await api.ok("GET", path, [("attributes", "id"), ("attributes", "name")])
    assert body["organization"] == {"id": organization["id"], "name": organization["name"]}
    changed = await api.ok(
        "PATCH", path, json={"name": "Renamed", "addressCity": "Denver", "shouldAutoUpgrade": True}
    )
    assert changed["organization"]["name"] == "Renamed"
    assert changed["organization"]["addressCity"] == "Denver"
    assert (await api.ok("GET", path))["organization"]["shouldAutoUpgrade"] is True
    assert (await api.call("GET", "/organizations/missing")).status == 404
    assert (await api.call("PATCH", path, json={"shouldAutoUpgrade": "yes"})).status == 400


async def test_organization_stats_and_storage_are_computed_from_the_state(
    fake: FakeCinebody, api: Api, organization: dict[str, Any]
) -> None:
    state = fake.state
    clips = [c for c in state.media_files.values() if not c["isEdit"]]
    stats = (await api.ok("GET", f"/organizations/{organization['id']}/stats"))["stats"]
    assert stats["numTeams"] == len(state.teams)
    assert stats["numProjects"] == len(state.projects)
    assert stats["numClips"] == len(clips)
    assert stats["totalLengthSeconds"] == sum(c["lengthSeconds"] for c in clips)
    assert stats["numFilmers"] == len({c["UserId"] for c in clips})

    storage = await api.ok("GET", f"/organizations/{organization['id']}/storage")
    every = list(state.media_files.values())
    total = sum(int(c["fileSize"]) + int(c["fileSizeSD"]) + int(c["thumbSize"]) for c in every)
    assert storage["totalBytes"] == total
    assert set(storage["teamStorage"]) == set(state.teams)
    assert sum(t["numFiles"] for t in storage["teamStorage"].values()) == len(every)

    state.add_media_file(next(iter(state.projects)), fileSize=1000)
    again = await api.ok("GET", f"/organizations/{organization['id']}/storage")
    assert again["totalBytes"] == total + 1000


async def test_team_lifecycle(fake: FakeCinebody, api: Api, organization: dict[str, Any]) -> None:
    created = await api.ok(
        "POST",
        f"/organizations/{organization['id']}/teams",
        json={"name": "Night Crew", "description": "After dark", "addressCity": None},
    )
    team = created["team"]
    assert team["OrganizationId"] == organization["id"]
    assert team["userCounts"] == {"regular": 0, "admin": 0, "orgAdmin": 2}
    listed = await api.ok("GET", "/teams", {"limit": 100})
    assert team["id"] in {t["id"] for t in listed["teams"]}

    patched = await api.ok(
        "PATCH", f"/teams/{team['id']}", json={"name": "Dawn Crew", "status": "paused"}
    )
    assert patched["team"]["name"] == "Dawn Crew"
    assert patched["team"]["status"] == "paused"
    assert (await api.ok("GET", f"/teams/{team['id']}"))["team"]["name"] == "Dawn Crew"

    assert (await api.ok("DELETE", f"/teams/{team['id']}")) == {
        "apiVersion": fake.api_version,
        "status": "success",
    }
    assert (await api.call("GET", f"/teams/{team['id']}")).status == 404
    assert (
        await api.call("POST", f"/organizations/{organization['id']}/teams", json={})
    ).status == 406


async def test_deleting_a_team_deletes_its_projects(
    fake: FakeCinebody, api: Api, team: dict[str, Any]
) -> None:
    projects = fake.state.team_projects(team["id"])
    await api.ok("DELETE", f"/teams/{team['id']}")
    for project in projects:
        assert (await api.call("GET", f"/projects/{project['id']}")).status == 404


async def test_team_stats(fake: FakeCinebody, api: Api, team: dict[str, Any]) -> None:
    stats = (await api.ok("GET", f"/teams/{team['id']}/stats"))["stats"]
    projects = fake.state.team_projects(team["id"])
    assert stats["numProjects"] == len(projects)
    assert set(stats["projectCounts"]) == {p["id"] for p in projects}
    videos = [
        c for p in projects for c in fake.state.project_media_files(p["id"]) if not c["isEdit"]
    ]
    assert stats["teamCounts"]["videos"]["pending"] == sum(
        c["status"] == "pending" for c in videos
    )


async def test_images_take_multipart_form_data(
    fake: FakeCinebody, api: Api, team: dict[str, Any], project: dict[str, Any]
) -> None:
    for path in (f"/teams/{team['id']}/image", f"/projects/{project['id']}/image"):
        form = aiohttp.FormData()
        form.add_field("fileName", b"\x89PNG fake", filename="logo.png", content_type="image/png")
        answer = await api.call("PUT", path, data=form)
        assert answer.status == 200, answer.raw
        assert answer.body["status"] == "success"
        empty = aiohttp.FormData()
        empty.add_field("other", "x")
        assert (await api.call("PUT", path, data=empty)).status == 406
    assert fake.state.projects[project["id"]]["profileImageUUID"] is not None
    assert "profileImages" in fake.state.teams[team["id"]]
    assert fake.counters.effects["PUT /projects/{projectId}/image"] == 1


async def test_project_lifecycle(fake: FakeCinebody, api: Api, team: dict[str, Any]) -> None:
    created = await api.ok("POST", "/projects", json={"teamId": team["id"], **NEW_PROJECT})
    project = created["project"]
    assert project["TeamId"] == team["id"]
    assert project["OrganizationId"] == team["OrganizationId"]
    assert project["joinCode"]
    assert project["mediaCounts"]["videos"] == {"approved": 0, "rejected": 0, "pending": 0}
    path = f"/projects/{project['id']}"

    listed = await api.ok("GET", "/projects", {"q": "regatta"})
    assert [p["id"] for p in listed["projects"]] == [project["id"]]
    assert (await api.ok("GET", path))["project"]["title"] == "Harbor Regatta"

    patched = await api.ok("PATCH", path, json={"title": "Harbor Race", "status": "archived"})
    assert patched["project"]["title"] == "Harbor Race"
    assert patched["project"]["newStatus"] == "archived"
    assert patched["project"]["updatedAt"] >= project["updatedAt"]

    assert (await api.ok("DELETE", path))["status"] == "success"
    assert (await api.call("GET", path)).status == 404
    assert (await api.call("PATCH", path, json={"title": "x"})).status == 404
    assert (await api.call("DELETE", path)).status == 404
    assert fake.counters.effects["POST /projects"] == 1
    assert fake.counters.effects["DELETE /projects/{projectId}"] == 1


async def test_project_creation_checks_its_parameters(api: Api, team: dict[str, Any]) -> None:
    for missing in ("teamId", "title", "orientation", "shootType", "type"):
        body = {"teamId": team["id"], **NEW_PROJECT}
        del body[missing]
        answer = await api.call("POST", "/projects", json=body)
        assert answer.status == 406, missing
        assert answer.body["code"] == "MISSING_PARAMETERS"
    bad = {"teamId": team["id"], **NEW_PROJECT, "orientation": "diagonal"}
    assert (await api.call("POST", "/projects", json=bad)).status == 400
    unknown_team = {"teamId": "nope", **NEW_PROJECT}
    assert (await api.call("POST", "/projects", json=unknown_team)).status == 404
    bad_date = {"teamId": team["id"], **NEW_PROJECT, "startAt": "soon"}
    assert (await api.call("POST", "/projects", json=bad_date)).status == 400


async def test_project_status_follows_its_dates(
    fake: FakeCinebody, api: Api, team: dict[str, Any]
) -> None:
    future = {"startAt": "2999-01-01T00:00:00.000Z", "endAt": "2999-02-01T00:00:00.000Z"}
    past = {"startAt": "2001-01-01T00:00:00.000Z", "endAt": "2001-02-01T00:00:00.000Z"}
    upcoming = await api.ok(
        "POST", "/projects", json={"teamId": team["id"], **NEW_PROJECT, **future}
    )
    assert upcoming["project"]["newStatus"] == "upcoming"
    ended = await api.ok("PATCH", f"/projects/{upcoming['project']['id']}", json=past)
    assert ended["project"]["newStatus"] == "inactive"


async def test_join_codes_are_unique_and_checkable(
    fake: FakeCinebody, api: Api, team: dict[str, Any], project: dict[str, Any]
) -> None:
    codes = {(await api.ok("GET", "/getProjectCode"))["joinCode"] for _ in range(20)}
    taken = {p["joinCode"] for p in fake.state.projects.values()}
    assert not codes & taken

    free = codes.pop()
    check = await api.ok("GET", "/checkProjectCode", {"joinCode": free})
    assert check == {"apiVersion": fake.api_version, "joinCode": free, "isAvailable": True}
    used = await api.ok("GET", "/checkProjectCode", {"joinCode": project["joinCode"]})
    assert used["isAvailable"] is False
    assert (await api.call("GET", "/checkProjectCode")).status == 406

    found = await api.ok("GET", "/project", {"joinCode": project["joinCode"]})
    assert found["project"]["id"] == project["id"]
    assert (await api.call("GET", "/project", {"joinCode": free})).status == 404

    body = {"teamId": team["id"], **NEW_PROJECT, "joinCode": project["joinCode"]}
    clash = await api.call("POST", "/projects", json=body)
    assert clash.status == 400
    assert clash.body["code"] == "JOIN_CODE_TAKEN"
    mine = await api.ok("POST", "/projects", json={**body, "joinCode": free})
    assert mine["project"]["joinCode"] == free
    assert (await api.ok("GET", "/checkProjectCode", {"joinCode": free}))["isAvailable"] is False


async def test_catalogue_operations(fake: FakeCinebody, api: Api) -> None:
    types = await api.ok("GET", "/apiAppTypes")
    assert set(types) == {"types"}
    assert "namespace CinebodyAPI" in types["types"]
    shot_types = await api.ok("GET", "/shotTypes", [("attributes", "id"), ("attributes", "name")])
    assert [set(t) for t in shot_types["shotTypes"]] == [{"id", "name"}] * len(
        fake.state.shot_types
    )
    templates = await api.ok("GET", "/projectTemplates")
    assert len(templates["projectTemplates"]) == len(fake.state.project_templates) > 0


async def test_project_stats(fake: FakeCinebody, api: Api, project: dict[str, Any]) -> None:
    stats = (await api.ok("GET", f"/projects/{project['id']}/stats"))["stats"]
    clips = [c for c in fake.state.project_media_files(project["id"]) if not c["isEdit"]]
    assert stats["totalLengthSeconds"] == sum(c["lengthSeconds"] for c in clips)
    assert stats["numUsers"] == len(fake.state.project_users[project["id"]])
    assert sum(entry["numClips"] for entry in stats["userClipCounts"]) == len(clips)
    assert stats["counts"] == fake.state.media_counts(project["id"])
    pending = [
        n
        for n in fake.state.notifications.values()
        if n["ProjectId"] == project["id"] and n["status"] == "pending"
    ]
    assert stats["scheduledNotificationCounts"]["pending"] == len(pending)
