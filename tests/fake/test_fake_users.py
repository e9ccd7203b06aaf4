"""Users on organizations, teams and projects: add, list, remove, block and unblock."""

from __future__ import annotations

from typing import Any

from cinebody_async.testing import FakeCinebody
from tests.fake.conftest import Api


async def test_organization_users(
    fake: FakeCinebody, api: Api, organization: dict[str, Any]
) -> None:
    path = f"/organizations/{organization['id']}/users"
    admins = await api.ok("GET", path, {"type": "admin"})
    assert {u["id"] for u in admins["users"]} == set(
        fake.state.organization_users[organization["id"]]
    )
    added = await api.ok("POST", path, json={"email": "new.admin@example.com", "type": "admin"})
    user = added["user"]
    assert user["email"] == "new.admin@example.com"
    assert user["status"] == "pending"
    again = await api.ok("GET", path, {"type": "admin", "q": "new.admin"})
    assert [u["id"] for u in again["users"]] == [user["id"]]

    everyone = await api.ok("GET", path, {"limit": 1000})
    assert user["id"] in {u["id"] for u in everyone["users"]}
    assert (await api.ok("DELETE", f"{path}/{user['id']}"))["status"] == "success"
    after = await api.ok("GET", path, {"limit": 1000})
    assert user["id"] not in {u["id"] for u in after["users"]}
    assert after["count"] == everyone["count"] - 1
    assert (await api.call("DELETE", f"{path}/{user['id']}")).status == 404
    assert (await api.call("POST", path, json={})).status == 406
    assert (await api.call("POST", path, json={"userId": "ghost"})).status == 404


async def test_removing_an_organization_user_removes_them_from_its_teams(
    fake: FakeCinebody, api: Api, organization: dict[str, Any], team: dict[str, Any]
) -> None:
    filmer = next(u for u, kind in fake.state.team_users[team["id"]].items() if kind == "regular")
    await api.ok("DELETE", f"/organizations/{organization['id']}/users/{filmer}")
    members = await api.ok("GET", f"/teams/{team['id']}/users", {"limit": 1000})
    assert filmer not in {u["id"] for u in members["users"]}


async def test_team_users(fake: FakeCinebody, api: Api, team: dict[str, Any]) -> None:
    path = f"/teams/{team['id']}/users"
    before = await api.ok("GET", path)
    newcomer = fake.state.add_user("Nora", "Quill", "nora@example.com")
    added = await api.ok("POST", path, json={"userId": newcomer["id"], "type": "admin"})
    assert added["users"][0]["id"] == newcomer["id"]
    assert added["users"][0]["teamUserType"] == "admin"
    after = await api.ok("GET", path, {"q": "QUILL"})
    assert [u["id"] for u in after["users"]] == [newcomer["id"]]
    assert (await api.ok("GET", path))["count"] == before["count"] + 1
    team_body = await api.ok("GET", f"/teams/{team['id']}")
    members = fake.state.team_users[team["id"]]
    assert team_body["team"]["userCounts"]["admin"] == sum(k == "admin" for k in members.values())

    await api.ok("DELETE", f"{path}/{newcomer['id']}")
    assert (await api.ok("GET", path))["count"] == before["count"]
    assert (await api.call("DELETE", f"{path}/{newcomer['id']}")).status == 404
    assert (
        await api.call("POST", path, json={"userId": newcomer["id"], "type": "boss"})
    ).status == 400


async def test_project_users_block_and_unblock(
    fake: FakeCinebody, api: Api, team: dict[str, Any]
) -> None:
    project = fake.state.team_projects(team["id"])[0]
    newcomer = fake.state.add_user("Omar", "Reyes")
    added = await api.ok(
        "POST", f"/projects/{project['id']}/users", json={"userId": newcomer["id"]}
    )
    assert added["user"]["id"] == newcomer["id"]
    listing = f"/teams/{team['id']}/users"

    async def status() -> str:
        body = await api.ok("GET", listing, {"projectId": project["id"], "limit": 1000})
        return next(u["userProjectStatus"] for u in body["users"] if u["id"] == newcomer["id"])

    assert await status() == "active"
    member = f"/projects/{project['id']}/users/{newcomer['id']}"
    assert (await api.ok("PATCH", member, json={"status": "inactive"}))["status"] == "success"
    assert await status() == "inactive"
    await api.ok("PATCH", member, json={"status": "active"})
    assert await status() == "active"
    assert (await api.call("PATCH", member, json={"status": "gone"})).status == 400
    assert (await api.call("PATCH", member, json={})).status == 406
    stranger = fake.state.add_user("Pia")
    assert (
        await api.call(
            "PATCH", f"/projects/{project['id']}/users/{stranger['id']}", json={"status": "active"}
        )
    ).status == 404
    in_project = await api.ok("GET", listing, [("inProjectIds", project["id"]), ("limit", 1000)])
    assert newcomer["id"] in {u["id"] for u in in_project["users"]}
    by_id = await api.ok("GET", listing, [("userIds", newcomer["id"])])
    assert [u["id"] for u in by_id["users"]] == [newcomer["id"]]
