"""Media files (clips and final videos), end to end against FakeCinebody."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import aiohttp
import pytest

from cinebody_async import (
    CinebodyClient,
    InvalidResponseError,
    NotFoundError,
    ParameterError,
)
from cinebody_async.models import (
    DownloadLink,
    MediaFile,
    MediaFileAttribute,
    MediaFileFps,
    MediaFileStatus,
    SortOrder,
)
from cinebody_async.resources.media_files import FILENAMES_PER_REQUEST
from cinebody_async.testing import FakeCinebody
from cinebody_async.testing.faults import Reply

CLIPS = "GET /projects/{projectId}/clips"
Record = dict[str, Any]


def a_project(fake: FakeCinebody) -> str:
    return next(iter(fake.state.projects))


def newest_first(fake: FakeCinebody, project_id: str) -> list[Record]:
    return list(fake.state.iter_project_media_files(project_id, newest_first=True))


def ids_where(fake: FakeCinebody, project_id: str, keep: Callable[[Record], bool]) -> list[str]:
    return [record["id"] for record in newest_first(fake, project_id) if keep(record)]


def a_pending_clip(fake: FakeCinebody) -> Record:
    return next(
        record
        for record in fake.state.media_files.values()
        if record["status"] == "pending" and not record["isEdit"]
    )


# Listing ---------------------------------------------------------------------------------


async def test_list_walks_every_media_file_newest_first(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    project_id = a_project(fake)
    pager = cb.media_files.list(project_id, limit=5)

    media_files = await pager.all()

    assert [clip.id for clip in media_files] == ids_where(fake, project_id, lambda r: True)
    assert all(isinstance(clip, MediaFile) for clip in media_files)
    assert await pager.count() == fake.state.project_media_file_count(project_id) == 14
    pages = [request.query_values("page") for request in fake.requests_to(CLIPS)]
    assert sorted(pages) == [["0"], ["1"], ["2"]]


async def test_list_iterates_lazily_up_to_max_items(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    project_id = a_project(fake)

    seen = [clip.id async for clip in cb.media_files.list(project_id, limit=4, max_items=6)]

    assert seen == ids_where(fake, project_id, lambda r: True)[:6]
    assert len(fake.requests_to(CLIPS)) == 2


async def test_list_sends_every_filter_and_gets_what_they_select(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    project_id = a_project(fake)
    user_id = next(iter(fake.state.project_users[project_id]))

    pending = await cb.media_files.list(project_id, status="pending", is_edit=False).all()
    mine = await cb.media_files.list(project_id, user_ids=[user_id]).all()
    at_30 = await cb.media_files.list(project_id, fps=30, quality="1080").all()
    hearted = await cb.media_files.list(project_id, favorite=True).all()
    edits = await cb.media_files.list(
        project_id, is_edit=True, status=MediaFileStatus.APPROVED
    ).all()
    oldest = await cb.media_files.list(project_id, sort_order=SortOrder.ASC).all()

    assert [c.id for c in pending] == ids_where(
        fake, project_id, lambda r: r["status"] == "pending" and not r["isEdit"]
    )
    assert pending
    assert [c.id for c in mine] == ids_where(fake, project_id, lambda r: r["UserId"] == user_id)
    assert [c.id for c in at_30] == ids_where(
        fake, project_id, lambda r: r["fps"] == 30 and r["quality"] == "1080"
    )
    assert [c.id for c in hearted] == ids_where(fake, project_id, lambda r: r["favorite"])
    assert [c.id for c in edits] == ids_where(fake, project_id, lambda r: r["isEdit"])
    assert [c.id for c in oldest] == ids_where(fake, project_id, lambda r: True)[::-1]

    first = fake.requests_to(CLIPS)[0]
    assert (first.query_values("status"), first.query_values("isEdit")) == (["pending"], ["false"])
    assert fake.requests_to(CLIPS)[2].query_values("fps") == ["30"]
    assert fake.requests_to(CLIPS)[-1].query_values("sortOrder") == ["asc"]


async def test_list_by_shots_and_free_shoot(fake: FakeCinebody, cb: CinebodyClient) -> None:
    project_id = a_project(fake)
    shots = [shot["id"] for shot in fake.state.project_shots(project_id)]
    shot_type = fake.state.shots[shots[0]]["ShotTypeId"]

    of_two = await cb.media_files.list(project_id, shot_ids=shots[:2]).all()
    with_free = await cb.media_files.list(project_id, shot_ids=shots[:1], free_shoot=True).all()
    only_free = await cb.media_files.list(project_id, free_shoot=True).all()
    of_type = await cb.media_files.list(project_id, shot_type_ids=[shot_type]).all()

    assert [c.id for c in of_two] == ids_where(
        fake, project_id, lambda r: r["ShotId"] in shots[:2]
    )
    assert [c.id for c in with_free] == ids_where(
        fake, project_id, lambda r: r["ShotId"] in (shots[0], None)
    )
    assert [c.id for c in only_free] == ids_where(fake, project_id, lambda r: r["ShotId"] is None)
    assert only_free
    assert [c.id for c in of_type] == ids_where(
        fake,
        project_id,
        lambda r: (
            r["ShotId"] is not None and fake.state.shots[r["ShotId"]]["ShotTypeId"] == shot_type
        ),
    )
    assert fake.requests_to(CLIPS)[0].query_values("shotIds") == shots[:2]


async def test_list_with_attributes_trims_fields(fake: FakeCinebody, cb: CinebodyClient) -> None:
    project_id = a_project(fake)

    clips = await cb.media_files.list(
        project_id, attributes=[MediaFileAttribute.ID, "fileUUID"], max_items=3
    ).all()

    assert len(clips) == 3
    assert all(clip.id and clip.file_uuid for clip in clips)
    assert all(clip.status is None and clip.user_name is None for clip in clips)
    assert fake.requests[-1].query_values("attributes") == ["id", "fileUUID"]


async def test_list_reads_the_clips_key_too(fake: FakeCinebody, cb: CinebodyClient) -> None:
    project_id = a_project(fake)
    clip = newest_first(fake, project_id)[0]
    fake.faults.script(CLIPS, [Reply(200, body={"count": 1, "clips": [clip]})])

    clips = await cb.media_files.list(project_id).all()

    assert [c.id for c in clips] == [clip["id"]]


async def test_list_without_a_list_raises_invalid_response(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    fake.faults.script(CLIPS, [Reply(200, body={"joinCode": "lumen13", "isAvailable": True})])

    with pytest.raises(InvalidResponseError, match="mediaFiles"):
        await cb.media_files.list(a_project(fake)).all()


async def test_list_of_an_unknown_project_raises_not_found(cb: CinebodyClient) -> None:
    with pytest.raises(NotFoundError):
        await cb.media_files.list("00000000-0000-4000-8000-000000000000").all()


@pytest.mark.parametrize(
    ("arguments", "parameter"),
    [
        ({"free_shoot": True, "shot_type_ids": ["t"]}, "free_shoot/shot_type_ids"),
        (
            {"free_shoot": True, "shot_type_ids": ["t"], "shot_ids": ["s"]},
            "free_shoot/shot_type_ids",
        ),
        ({"status": "archived"}, "status"),
        ({"fps": 29.97}, "fps"),
        ({"fps": "30"}, "fps"),
        ({"quality": 1080}, "quality"),
        ({"sort_order": "up"}, "sort_order"),
        ({"shot_ids": []}, "shot_ids"),
        ({"user_ids": "user-1"}, "user_ids"),
        ({"shot_type_ids": [""]}, "shot_type_ids"),
        ({"is_edit": "yes"}, "is_edit"),
        ({"favorite": 1}, "favorite"),
        ({"attributes": ["nope"]}, "attributes"),
        ({"limit": 0}, "limit"),
        ({"read_ahead": -1}, "read_ahead"),
    ],
)
async def test_list_refuses_bad_filters_before_sending(
    fake: FakeCinebody, cb: CinebodyClient, arguments: dict[str, Any], parameter: str
) -> None:
    with pytest.raises(ParameterError) as caught:
        cb.media_files.list(a_project(fake), **arguments)

    assert caught.value.parameter == parameter
    with pytest.raises(ParameterError):
        cb.media_files.list_for_projects([a_project(fake)], **arguments)
    assert fake.requests == []


async def test_free_shoot_false_with_shot_types_is_allowed(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    project_id = a_project(fake)
    shot_type = fake.state.project_shots(project_id)[0]["ShotTypeId"]

    clips = await cb.media_files.list(
        project_id, free_shoot=False, shot_type_ids=[shot_type]
    ).all()

    assert all(fake.state.shots[c.shot_id or ""]["ShotTypeId"] == shot_type for c in clips)


# Many projects ---------------------------------------------------------------------------


async def test_list_for_projects_reads_every_project(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    project_ids = list(fake.state.projects)

    by_project = await cb.media_files.list_for_projects(
        [*project_ids, project_ids[0]], limit=5, status="approved"
    ).all(concurrency=2)

    assert list(by_project) == project_ids
    for project_id in project_ids:
        expected = ids_where(fake, project_id, lambda r: r["status"] == "approved")
        assert [clip.id for clip in by_project[project_id]] == expected
    assert len(fake.requests_to(CLIPS)) == sum(
        -(-len(ids_where(fake, pid, lambda r: r["status"] == "approved")) // 5) or 1
        for pid in project_ids
    )


async def test_list_for_projects_iterates_project_by_project(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    project_ids = list(fake.state.projects)[:2]

    pairs = [pair async for pair in cb.media_files.list_for_projects(project_ids, max_items=3)]

    expected = [(pid, cid) for pid in project_ids for cid in ids_where(fake, pid, bool)[:3]]
    assert [(pid, clip.id) for pid, clip in pairs] == expected


@pytest.mark.parametrize("project_ids", ["project-1", [], [""], None])
async def test_list_for_projects_refuses_bad_ids(
    fake: FakeCinebody, cb: CinebodyClient, project_ids: Any
) -> None:
    with pytest.raises(ParameterError) as caught:
        cb.media_files.list_for_projects(project_ids)

    assert caught.value.parameter == "project_ids"
    assert fake.requests == []


# Moderation ------------------------------------------------------------------------------


async def test_update_sends_only_given_fields(fake: FakeCinebody, cb: CinebodyClient) -> None:
    record = a_pending_clip(fake)
    before = dict(record)

    clip = await cb.media_files.update(
        record["id"], name="Louvre take", edit_description="Thanks!", status="approved"
    )

    assert (clip.id, clip.name, clip.edit_description) == (record["id"], "Louvre take", "Thanks!")
    assert clip.status is MediaFileStatus.APPROVED
    stored = fake.state.media_file(record["id"])
    assert (stored["name"], stored["editDescription"], stored["status"]) == (
        "Louvre take",
        "Thanks!",
        "approved",
    )
    assert stored["description"] == before["description"]
    assert stored["moderatedAt"] is not None
    assert fake.requests[-1].body == (
        b'{"name":"Louvre take","editDescription":"Thanks!","status":"approved"}'
    )


async def test_update_description_alone(fake: FakeCinebody, cb: CinebodyClient) -> None:
    record = a_pending_clip(fake)

    clip = await cb.media_files.update(record["id"], description="Filmed at dawn")

    assert clip.description == "Filmed at dawn"
    assert fake.state.media_file(record["id"])["description"] == "Filmed at dawn"
    assert fake.state.media_file(record["id"])["status"] == "pending"


async def test_approve_and_reject(fake: FakeCinebody, cb: CinebodyClient) -> None:
    first, second = [
        record["id"]
        for record in fake.state.media_files.values()
        if record["status"] == "pending" and not record["isEdit"]
    ][:2]

    approved = await cb.media_files.approve(first)
    rejected = await cb.media_files.reject(second)

    assert approved.status is MediaFileStatus.APPROVED
    assert rejected.status is MediaFileStatus.REJECTED
    assert fake.state.media_file(first)["status"] == "approved"
    assert fake.state.media_file(second)["status"] == "rejected"
    assert [request.body for request in fake.requests] == [
        b'{"status":"approved"}',
        b'{"status":"rejected"}',
    ]


async def test_update_refuses_bad_input_before_sending(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    record_id = a_pending_clip(fake)["id"]

    with pytest.raises(ParameterError, match="at least one field"):
        await cb.media_files.update(record_id)
    with pytest.raises(ParameterError) as caught:
        await cb.media_files.update(record_id, status="archived")
    assert caught.value.parameter == "status"
    with pytest.raises(ParameterError) as caught:
        await cb.media_files.update(record_id, name=" ")
    assert caught.value.parameter == "name"
    with pytest.raises(ParameterError) as caught:
        await cb.media_files.approve("")
    assert caught.value.parameter == "media_file_id"

    assert fake.requests == []


async def test_update_unknown_media_file_raises_not_found(cb: CinebodyClient) -> None:
    with pytest.raises(NotFoundError):
        await cb.media_files.reject("00000000-0000-4000-8000-000000000000")


# Deletion --------------------------------------------------------------------------------


async def test_delete_removes_the_media_file(fake: FakeCinebody, cb: CinebodyClient) -> None:
    project_id = a_project(fake)
    record = newest_first(fake, project_id)[0]

    assert await cb.media_files.delete(record["id"]) is None  # type: ignore[func-returns-value]

    assert record["id"] not in fake.state.media_files
    assert fake.state.project_media_file_count(project_id) == 13
    with pytest.raises(NotFoundError):
        await cb.media_files.delete(record["id"])


async def test_delete_refuses_an_answer_that_is_no_success(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    fake.faults.script("DELETE /mediaFiles/{mediaFileId}", [Reply(200, body={"status": "nope"})])

    with pytest.raises(InvalidResponseError) as caught:
        await cb.media_files.delete(a_pending_clip(fake)["id"])

    assert str(caught.value) == "DELETE mediaFiles/{id}: the answer's status is not 'success'"


async def test_delete_refuses_an_empty_id(fake: FakeCinebody, cb: CinebodyClient) -> None:
    with pytest.raises(ParameterError) as caught:
        await cb.media_files.delete(" ")

    assert caught.value.parameter == "media_file_id"
    assert fake.requests == []


# Download links --------------------------------------------------------------------------


async def test_download_link_serves_the_file(fake: FakeCinebody, cb: CinebodyClient) -> None:
    record = a_pending_clip(fake)

    link = await cb.media_files.download_link(record["id"])

    assert isinstance(link, DownloadLink)
    assert link.filename == record["displayNameWithExtension"]
    assert link.download_url == link.url
    assert link.url is not None
    assert link.url.startswith(fake.s3.url)
    async with aiohttp.ClientSession() as session, session.get(link.url) as response:
        assert response.status == 200
        assert len(await response.read()) == int(record["fileSize"])
    s3_request = fake.requests[-1]
    assert s3_request.origin == "s3"
    assert s3_request.header("x-api-key") is None


async def test_download_link_without_url_raises_invalid_response(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    fake.faults.script(
        "GET /mediaFiles/{mediaFileId}/download", [Reply(200, body={"filename": "a.mp4"})]
    )

    with pytest.raises(InvalidResponseError) as caught:
        await cb.media_files.download_link(a_pending_clip(fake)["id"])

    assert str(caught.value) == "GET mediaFiles/{id}/download: the answer has no 'url'"


async def test_download_link_of_unknown_file_raises_not_found(cb: CinebodyClient) -> None:
    with pytest.raises(NotFoundError):
        await cb.media_files.download_link("00000000-0000-4000-8000-000000000000")


async def test_download_links_for_originals_and_sd_copies(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    project_id = a_project(fake)
    first, second = newest_first(fake, project_id)[:2]
    team_id = first["TeamId"]
    names = [first["fileUUID"], second["fileUUIDSD"]]

    links = await cb.media_files.download_links(
        team_id=team_id, filenames=names, project_id=project_id
    )

    assert [link.filename for link in links] == [
        first["displayNameWithExtension"],
        second["displayName"] + "-SD.mp4",
    ]
    assert all(link.signed_url and link.download_url == link.signed_url for link in links)
    (request,) = fake.requests
    assert request.query_values("filenames") == names
    assert request.query_values("teamId") == [team_id]
    assert request.query_values("projectId") == [project_id]


async def test_download_links_batch_long_lists_and_keep_the_order(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    team_id = next(iter(fake.state.teams))
    records = [r for r in fake.state.media_files.values() if r["TeamId"] == team_id]
    names = [r["fileUUID"] for r in records] + [r["fileUUIDSD"] for r in records]
    assert len(names) > FILENAMES_PER_REQUEST

    links = await cb.media_files.download_links(team_id=team_id, filenames=names)

    assert [
        link.signed_url.split("?")[0].rsplit("/", 1)[1] for link in links if link.signed_url
    ] == names
    sent = [request.query_values("filenames") for request in fake.requests]
    assert all(len(batch) <= FILENAMES_PER_REQUEST for batch in sent)
    assert sorted(name for batch in sent for name in batch) == sorted(names)
    assert len(sent) == -(-len(names) // FILENAMES_PER_REQUEST)


async def test_download_links_refuse_an_answer_without_one_link_per_name(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    first, second = newest_first(fake, a_project(fake))[:2]
    one_link = {"urls": [{"signedUrl": "https://s3.example/a", "filename": "a.mp4"}]}
    fake.faults.script("GET /mediaFiles/download", [Reply(200, body=one_link)])

    with pytest.raises(InvalidResponseError) as caught:
        await cb.media_files.download_links(
            team_id=first["TeamId"], filenames=[first["fileUUID"], second["fileUUID"]]
        )

    message = "GET mediaFiles/download: asked for 2 names, got 1 links in 'urls'"
    assert str(caught.value) == message


async def test_download_links_of_another_project_raise_not_found(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    first, second = list(fake.state.projects)[:2]
    record = newest_first(fake, second)[0]

    with pytest.raises(NotFoundError):
        await cb.media_files.download_links(
            team_id=record["TeamId"], filenames=[record["fileUUID"]], project_id=first
        )


@pytest.mark.parametrize(
    ("arguments", "parameter"),
    [
        ({"team_id": None, "filenames": ["a.mp4"]}, "team_id"),
        ({"team_id": "", "filenames": ["a.mp4"]}, "team_id"),
        ({"team_id": "t", "filenames": None}, "filenames"),
        ({"team_id": "t", "filenames": []}, "filenames"),
        ({"team_id": "t", "filenames": "a.mp4"}, "filenames"),
        ({"team_id": "t", "filenames": ["a.mp4", " "]}, "filenames"),
        ({"team_id": "t", "filenames": ["a.mp4"], "project_id": ""}, "project_id"),
    ],
)
async def test_download_links_refuse_bad_input_before_sending(
    fake: FakeCinebody, cb: CinebodyClient, arguments: dict[str, Any], parameter: str
) -> None:
    with pytest.raises(ParameterError) as caught:
        await cb.media_files.download_links(**arguments)

    assert caught.value.parameter == parameter
    assert fake.requests == []


async def test_frame_rate_enum_and_number_send_the_same(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    project_id = a_project(fake)

    by_member = await cb.media_files.list(project_id, fps=MediaFileFps.FPS_24).all()
    by_number = await cb.media_files.list(project_id, fps=24).all()

    assert by_member == by_number
    assert [r.query_values("fps") for r in fake.requests_to(CLIPS)] == [["24"], ["24"]]


async def test_download_links_ask_once_for_a_name_given_twice(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    project_id = a_project(fake)
    first, second = newest_first(fake, project_id)[:2]
    names = [first["fileUUID"], second["fileUUID"], first["fileUUID"]]

    links = await cb.media_files.download_links(team_id=first["TeamId"], filenames=names)

    (request,) = fake.requests
    assert request.query_values("filenames") == names[:2]
    assert [link.filename for link in links] == [
        first["displayNameWithExtension"],
        second["displayNameWithExtension"],
        first["displayNameWithExtension"],
    ]
