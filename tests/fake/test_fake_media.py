"""Clips (moderation, deletion, download links), shots and notifications."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import aiohttp

from cinebody_async.testing import FakeCinebody
from tests.fake.conftest import Api


def _pending_clip(fake: FakeCinebody, project: dict[str, Any]) -> dict[str, Any]:
    return next(
        c
        for c in fake.state.project_media_files(project["id"])
        if c["status"] == "pending" and not c["isEdit"]
    )


async def test_moderation_changes_status_counts_and_moderated_at(
    fake: FakeCinebody, api: Api, project: dict[str, Any]
) -> None:
    clip = _pending_clip(fake, project)
    assert clip["moderatedAt"] is None
    before = fake.state.media_counts(project["id"])["videos"]
    body = await api.ok("PATCH", f"/mediaFiles/{clip['id']}", json={"status": "approved"})
    assert body["mediaFile"]["status"] == "approved"
    assert body["mediaFile"]["moderatedAt"] is not None
    after = (await api.ok("GET", f"/projects/{project['id']}"))["project"]["mediaCounts"]["videos"]
    assert after["approved"] == before["approved"] + 1
    assert after["pending"] == before["pending"] - 1
    listed = await api.ok(
        "GET", f"/projects/{project['id']}/clips", {"status": "approved", "limit": 1000}
    )
    assert clip["id"] in {c["id"] for c in listed["mediaFiles"]}

    renamed = await api.ok(
        "PATCH", f"/mediaFiles/{clip['id']}", json={"name": "Best take", "description": None}
    )
    assert renamed["mediaFile"]["name"] == "Best take"
    assert renamed["mediaFile"]["moderatedAt"] == body["mediaFile"]["moderatedAt"]
    assert (
        await api.call("PATCH", f"/mediaFiles/{clip['id']}", json={"status": "ok"})
    ).status == 400
    assert (await api.call("PATCH", "/mediaFiles/none", json={"status": "approved"})).status == 404


async def test_deleted_clip_is_gone(fake: FakeCinebody, api: Api, project: dict[str, Any]) -> None:
    clip = _pending_clip(fake, project)
    count = (await api.ok("GET", f"/projects/{project['id']}/clips"))["count"]
    assert (await api.ok("DELETE", f"/mediaFiles/{clip['id']}"))["status"] == "success"
    assert (await api.ok("GET", f"/projects/{project['id']}/clips"))["count"] == count - 1
    assert (await api.call("DELETE", f"/mediaFiles/{clip['id']}")).status == 404
    assert (await api.call("GET", f"/mediaFiles/{clip['id']}/download")).status == 404


async def test_download_links_serve_the_files_without_the_key(
    fake: FakeCinebody, api: Api, project: dict[str, Any]
) -> None:
    clip = fake.state.project_media_files(project["id"])[0]
    single = await api.ok("GET", f"/mediaFiles/{clip['id']}/download")
    assert single["filename"] == clip["displayNameWithExtension"]
    assert single["url"].startswith(fake.s3.url + "/")
    assert not single["url"].startswith(fake.url + "/")
    async with aiohttp.ClientSession() as plain, plain.get(single["url"]) as response:
        data = await response.read()
    assert response.status == 200
    assert len(data) == int(clip["fileSize"])
    assert data == fake.s3.object_bytes(clip["fileUUID"])

    many = await api.ok(
        "GET",
        "/mediaFiles/download",
        [
            ("teamId", clip["TeamId"]),
            ("filenames", clip["fileUUID"]),
            ("filenames", clip["fileUUIDSD"]),
        ],
    )
    assert [u["filename"] for u in many["urls"]] == [
        clip["displayNameWithExtension"],
        clip["displayName"] + "-SD.mp4",
    ]
    async with aiohttp.ClientSession() as plain, plain.get(many["urls"][1]["signedUrl"]) as sd:
        assert len(await sd.read()) == int(clip["fileSizeSD"])


async def test_bulk_download_checks_team_and_names(
    fake: FakeCinebody, api: Api, project: dict[str, Any]
) -> None:
    clip = fake.state.project_media_files(project["id"])[0]
    other_team = next(t for t in fake.state.teams if t != clip["TeamId"])
    cases = [
        ([("filenames", clip["fileUUID"])], 406),
        ([("teamId", clip["TeamId"])], 406),
        ([("teamId", clip["TeamId"]), ("filenames", "nope.mov")], 404),
        ([("teamId", other_team), ("filenames", clip["fileUUID"])], 404),
        (
            [("teamId", clip["TeamId"]), ("projectId", "nope"), ("filenames", clip["fileUUID"])],
            404,
        ),
    ]
    for params, status in cases:
        assert (await api.call("GET", "/mediaFiles/download", params)).status == status, params


async def test_shot_list_lifecycle(fake: FakeCinebody, api: Api, project: dict[str, Any]) -> None:
    path = f"/projects/{project['id']}/shots"
    shot_type = next(iter(fake.state.shot_types.values()))
    created = await api.ok(
        "POST",
        path,
        json={
            "title": "Drone",
            "description": "From above",
            "shotTypeId": shot_type["id"],
            "projectId": project["id"],
            "fps": 60,
            "quality": "4k",
            "orientation": None,
        },
    )
    shot = created["shots"][0]
    assert (shot["title"], shot["fps"], shot["quality"]) == ("Drone", 60, "4k")
    assert shot["ShotTypeId"] == shot_type["id"]
    assert shot["id"] in {s["id"] for s in (await api.ok("GET", path))["shots"]}

    update = {"shotsToUpdate": [{"id": shot["id"], "title": "Drone pass", "hidden": True}]}
    assert (await api.ok("PATCH", path, json=update))["status"] == "success"
    stored = fake.state.shots[shot["id"]]
    assert (stored["title"], stored["hidden"]) == ("Drone pass", True)
    assert (await api.call("PATCH", path, json={"shotsToUpdate": [{"title": "x"}]})).status == 406
    assert (await api.call("PATCH", path, json={})).status == 406
    bad_fps = {"shotsToUpdate": [{"id": shot["id"], "fps": 31}]}
    assert (await api.call("PATCH", path, json=bad_fps)).status == 400
    missing = {"title": "x", "shotTypeId": shot_type["id"], "projectId": project["id"]}
    assert (await api.call("POST", path, json=missing)).status == 406

    clip = fake.state.add_media_file(project["id"], ShotId=shot["id"])
    assert (await api.ok("DELETE", f"/shots/{shot['id']}"))["status"] == "success"
    assert shot["id"] not in {s["id"] for s in (await api.ok("GET", path))["shots"]}
    assert fake.state.media_files[clip["id"]]["ShotId"] is None
    assert (await api.call("DELETE", f"/shots/{shot['id']}")).status == 404


async def test_notifications_lifecycle(
    fake: FakeCinebody, api: Api, project: dict[str, Any]
) -> None:
    fake.state.now = lambda: datetime(2025, 1, 1, tzinfo=UTC)
    team_id = project["TeamId"]
    later = await api.ok(
        "POST",
        "/notifications",
        json={
            "message": "Tomorrow!",
            "type": "message",
            "teamId": team_id,
            "projectId": project["id"],
            "sendAt": "2025-01-02T00:00:00.000Z",
        },
    )
    scheduled = later["scheduledNotification"]
    assert scheduled["status"] == "pending"
    assert scheduled["isFromTeam"] is True
    assert scheduled["pushMessage"] == "Tomorrow!"
    now = await api.ok(
        "POST", "/notifications", json={"message": "Now", "type": "message", "teamId": team_id}
    )
    assert now["scheduledNotification"]["status"] == "sent"

    pending = await api.ok(
        "GET", "/scheduledNotifications", {"status": "pending", "teamId": team_id, "limit": 100}
    )
    assert scheduled["id"] in {n["id"] for n in pending["scheduledNotifications"]}
    newest = await api.ok("GET", "/scheduledNotifications", {"limit": 1})
    assert newest["scheduledNotifications"][0]["id"] == now["scheduledNotification"]["id"]

    path = f"/scheduledNotifications/{scheduled['id']}"
    edited = await api.ok("PATCH", path, json={"message": "Today!", "sendAt": None})
    assert edited["scheduledNotification"]["pushMessage"] == "Today!"
    assert edited["scheduledNotification"]["status"] == "sent"
    assert (await api.ok("DELETE", path))["status"] == "success"
    assert (await api.call("PATCH", path, json={"message": "x"})).status == 404
    assert (await api.call("DELETE", path)).status == 404


async def test_notification_parameters(fake: FakeCinebody, api: Api, team: dict[str, Any]) -> None:
    base = {"message": "Hi", "type": "message", "teamId": team["id"]}
    for missing in ("message", "type", "teamId"):
        body = {k: v for k, v in base.items() if k != missing}
        assert (await api.call("POST", "/notifications", json=body)).status == 406, missing
    assert (await api.call("POST", "/notifications", json={**base, "type": "shout"})).status == 400
    individual = {**base, "type": "individualMessage"}
    assert (await api.call("POST", "/notifications", json=individual)).status == 406
    user = next(iter(fake.state.team_users[team["id"]]))
    sent = await api.ok("POST", "/notifications", json={**individual, "userId": user})
    assert sent["scheduledNotification"]["ToUserId"] == user
