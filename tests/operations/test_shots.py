"""Shots and shot types, end to end against FakeCinebody."""

from __future__ import annotations

import json
from typing import Any

import pytest

from cinebody_async import (
    CLEAR,
    BadRequestError,
    CinebodyClient,
    InvalidResponseError,
    NotFoundError,
    ParameterError,
)
from cinebody_async.models import (
    MediaFileFps,
    MediaFileOrientation,
    MediaFileQuality,
    Shot,
    ShotAttribute,
    ShotType,
    ShotTypeAttribute,
)
from cinebody_async.resources.shots import ShotUpdate
from cinebody_async.testing import FakeCinebody, Reply

UNKNOWN = "00000000-0000-4000-8000-000000000000"


def a_project(fake: FakeCinebody) -> str:
    return next(iter(fake.state.projects))


def shots_of(fake: FakeCinebody, project_id: str) -> list[dict[str, Any]]:
    return fake.state.project_shots(project_id)


def a_shot_type(fake: FakeCinebody) -> dict[str, Any]:
    return next(iter(fake.state.shot_types.values()))


def sent_json(fake: FakeCinebody) -> Any:
    return json.loads(fake.requests[-1].body)


# list ------------------------------------------------------------------------------------


async def test_list_returns_the_shot_list_in_order(fake: FakeCinebody, cb: CinebodyClient) -> None:
    project_id = a_project(fake)
    records = shots_of(fake, project_id)

    shots = await cb.shots.list(project_id)

    assert records
    assert [shot.id for shot in shots] == [record["id"] for record in records]
    assert [shot.order for shot in shots] == [record["order"] for record in records]
    assert all(isinstance(shot.fps, MediaFileFps) for shot in shots)
    assert all(shot.quality is MediaFileQuality.QUALITY_1080 for shot in shots)
    assert {shot.project_id for shot in shots} == {project_id}
    assert [shot.shot_type_id for shot in shots] == [r["ShotTypeId"] for r in records]


async def test_list_with_attributes_trims_fields(fake: FakeCinebody, cb: CinebodyClient) -> None:
    project_id = a_project(fake)

    shots = await cb.shots.list(project_id, attributes=[ShotAttribute.ID, "title"])

    assert [shot.title for shot in shots] == [r["title"] for r in shots_of(fake, project_id)]
    assert all(shot.fps is None and shot.order is None for shot in shots)
    assert fake.requests[-1].query_values("attributes") == ["id", "title"]


async def test_list_of_an_unknown_project_raises_not_found(cb: CinebodyClient) -> None:
    with pytest.raises(NotFoundError):
        await cb.shots.list(UNKNOWN)


async def test_list_refuses_bad_arguments_before_sending(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    with pytest.raises(ParameterError) as caught:
        await cb.shots.list("")
    assert caught.value.parameter == "project_id"
    with pytest.raises(ParameterError) as caught:
        await cb.shots.list(a_project(fake), attributes=["name"])
    assert caught.value.parameter == "attributes"

    assert fake.requests == []


# create ----------------------------------------------------------------------------------


async def test_create_adds_a_shot_at_the_end_of_the_list(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    project_id = a_project(fake)
    shot_type = a_shot_type(fake)
    before = len(shots_of(fake, project_id))

    shot = await cb.shots.create(
        project_id,
        title="Finish line",
        description="Runners crossing",
        shot_type_id=shot_type["id"],
    )

    assert isinstance(shot, Shot)
    assert shot.title == "Finish line"
    assert shot.shot_type_id == shot_type["id"]
    assert shot.project_id == project_id
    assert shot.fps == shot_type["fps"]
    assert shot.order == before
    assert shots_of(fake, project_id)[-1]["id"] == shot.id
    assert sent_json(fake) == {
        "title": "Finish line",
        "description": "Runners crossing",
        "shotTypeId": shot_type["id"],
        "projectId": project_id,
    }


async def test_create_sends_the_settings_given(fake: FakeCinebody, cb: CinebodyClient) -> None:
    project_id = a_project(fake)

    shot = await cb.shots.create(
        project_id,
        title="Slow dive",
        description="Off the pier",
        shot_type_id=a_shot_type(fake)["id"],
        orientation=MediaFileOrientation.PORTRAIT,
        fps=240,
        quality="4k",
        order=0,
        attributes=["id", ShotAttribute.FPS, "quality", "orientation"],
    )

    assert shot.fps is MediaFileFps.FPS_240
    assert shot.quality is MediaFileQuality.QUALITY_4K
    assert shot.orientation is MediaFileOrientation.PORTRAIT
    assert shot.title is None
    record = fake.state.shot(str(shot.id))
    assert (record["fps"], record["quality"], record["order"]) == (240, "4k", 0)
    body = sent_json(fake)
    assert (body["fps"], body["quality"], body["orientation"]) == (240, "4k", "portrait")
    assert fake.requests[-1].query_values("attributes") == ["id", "fps", "quality", "orientation"]


async def test_create_reads_a_lone_shot_answer(fake: FakeCinebody, cb: CinebodyClient) -> None:
    project_id = a_project(fake)
    answer = {"apiVersion": "3.26.1", "shot": {"id": "s-1", "title": "Lone", "order": 3}}
    fake.faults.script("POST /projects/{projectId}/shots", [Reply(200, body=answer)])

    shot = await cb.shots.create(
        project_id, title="Lone", description="D", shot_type_id=a_shot_type(fake)["id"]
    )

    assert (shot.id, shot.title, shot.order) == ("s-1", "Lone", 3)


@pytest.mark.parametrize(
    "answer",
    [{"apiVersion": "3.26.1", "shots": []}, {"apiVersion": "3.26.1", "status": "success"}],
)
async def test_create_without_a_shot_in_the_answer_raises_invalid_response(
    fake: FakeCinebody, cb: CinebodyClient, answer: dict[str, Any]
) -> None:
    fake.faults.script("POST /projects/{projectId}/shots", [Reply(200, body=answer)])

    with pytest.raises(InvalidResponseError, match="shot"):
        await cb.shots.create(
            a_project(fake), title="T", description="D", shot_type_id=a_shot_type(fake)["id"]
        )


async def test_create_with_an_unknown_shot_type_raises_not_found(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    project_id = a_project(fake)
    before = len(shots_of(fake, project_id))

    with pytest.raises(NotFoundError):
        await cb.shots.create(project_id, title="T", description="D", shot_type_id=UNKNOWN)

    assert len(shots_of(fake, project_id)) == before


@pytest.mark.parametrize(
    ("arguments", "parameter"),
    [
        ({"title": None}, "title"),
        ({"description": None}, "description"),
        ({"shot_type_id": None}, "shot_type_id"),
        ({"title": ""}, "title"),
        ({"shot_type_id": " "}, "shot_type_id"),
        ({"fps": 29.97}, "fps"),
        ({"fps": "30"}, "fps"),
        ({"fps": True}, "fps"),
        ({"quality": 720}, "quality"),
        ({"quality": "8k"}, "quality"),
        ({"orientation": "sideways"}, "orientation"),
        ({"order": -1}, "order"),
        ({"order": 1.5}, "order"),
        ({"attributes": ["name"]}, "attributes"),
    ],
)
async def test_create_refuses_bad_arguments_before_sending(
    fake: FakeCinebody, cb: CinebodyClient, arguments: dict[str, Any], parameter: str
) -> None:
    values: dict[str, Any] = {
        "title": "T",
        "description": "D",
        "shot_type_id": a_shot_type(fake)["id"],
    }
    values.update(arguments)

    with pytest.raises(ParameterError) as caught:
        await cb.shots.create(a_project(fake), **values)

    assert caught.value.parameter == parameter
    assert fake.requests == []


# update_many -----------------------------------------------------------------------------


async def test_update_many_changes_each_shot_and_returns_them(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    project_id = a_project(fake)
    first, second, third = shots_of(fake, project_id)[:3]
    untouched = dict(third)

    shots = await cb.shots.update_many(
        project_id,
        [
            ShotUpdate(id=second["id"], order=0, title="Opening", hidden=True),
            ShotUpdate(id=first["id"], order=1, fps=CLEAR, quality=MediaFileQuality.QUALITY_4K),
        ],
    )

    assert [shot.id for shot in shots] == [second["id"], first["id"]]
    assert (shots[0].order, shots[0].title, shots[0].hidden) == (0, "Opening", True)
    assert (shots[1].order, shots[1].fps, shots[1].quality) == (1, None, "4k")
    assert fake.state.shot(second["id"])["hidden"] is True
    assert fake.state.shot(first["id"])["fps"] is None
    assert fake.state.shot(third["id"]) == untouched
    patch = fake.requests[-2]
    assert patch.method == "PATCH"
    assert json.loads(patch.body) == {
        "shotsToUpdate": [
            {"id": second["id"], "title": "Opening", "order": 0, "hidden": True},
            {"id": first["id"], "fps": None, "quality": "4k", "order": 1},
        ]
    }
    assert fake.requests[-1].method == "GET"


async def test_update_many_clears_orientation_order_and_hidden(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    project_id = a_project(fake)
    shot = shots_of(fake, project_id)[0]

    (updated,) = await cb.shots.update_many(
        project_id,
        [
            ShotUpdate(
                id=shot["id"],
                orientation=CLEAR,
                order=CLEAR,
                hidden=CLEAR,
                description="New brief",
                fps=MediaFileFps.FPS_24,
            )
        ],
    )

    assert updated.orientation is None
    assert updated.description == "New brief"
    assert updated.fps is MediaFileFps.FPS_24
    sent = json.loads(fake.requests[-2].body)["shotsToUpdate"][0]
    assert sent["orientation"] is None
    assert sent["order"] is None
    assert sent["hidden"] is None
    assert fake.state.shot(shot["id"])["order"] is None


async def test_update_many_with_a_shot_of_another_project_changes_nothing(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    project_id, other_project = list(fake.state.projects)[:2]
    mine = shots_of(fake, project_id)[0]
    theirs = shots_of(fake, other_project)[0]
    title = mine["title"]

    with pytest.raises(BadRequestError):
        await cb.shots.update_many(
            project_id,
            [ShotUpdate(id=mine["id"], title="Changed"), ShotUpdate(id=theirs["id"], order=4)],
        )

    assert fake.state.shot(mine["id"])["title"] == title
    assert len(fake.requests) == 1


async def test_update_many_with_an_unknown_shot_raises_not_found(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    with pytest.raises(NotFoundError):
        await cb.shots.update_many(a_project(fake), [ShotUpdate(id=UNKNOWN, title="Ghost")])


@pytest.mark.parametrize(
    ("updates", "parameter"),
    [
        ([], "updates"),
        ("shots", "updates"),
        ([{"id": "s1", "title": "T"}], "updates[0]"),
        ([ShotUpdate(id="s1", title="T"), ShotUpdate(id="s1", order=2)], "updates[1].id"),
        ([ShotUpdate(id="", title="T")], "updates[0].id"),
        ([ShotUpdate(id=None, title="T")], "updates[0].id"),  # type: ignore[arg-type]
        ([ShotUpdate(id="s1")], "updates[0]"),
        ([ShotUpdate(id="s1", title="T"), ShotUpdate(id="s2", fps=50)], "updates[1].fps"),
        ([ShotUpdate(id="s1", quality="2k")], "updates[0].quality"),
        ([ShotUpdate(id="s1", orientation="tilted")], "updates[0].orientation"),
        ([ShotUpdate(id="s1", order=-2)], "updates[0].order"),
        ([ShotUpdate(id="s1", hidden=1)], "updates[0].hidden"),  # type: ignore[arg-type]
        ([ShotUpdate(id="s1", title=" ")], "updates[0].title"),
        ([ShotUpdate(id="s1", description="")], "updates[0].description"),
    ],
)
async def test_update_many_refuses_bad_updates_before_sending(
    fake: FakeCinebody, cb: CinebodyClient, updates: Any, parameter: str
) -> None:
    with pytest.raises(ParameterError) as caught:
        await cb.shots.update_many(a_project(fake), updates)

    assert caught.value.parameter == parameter
    assert fake.requests == []


# delete ----------------------------------------------------------------------------------


async def test_delete_moves_the_shots_clips_to_free_shoot(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    project_id = a_project(fake)
    clips = fake.state.project_media_files(project_id)
    shot_id = next(clip["ShotId"] for clip in clips if clip["ShotId"])
    filmed = [clip for clip in clips if clip["ShotId"] == shot_id]

    await cb.shots.delete(shot_id)

    assert shot_id not in fake.state.shots
    assert shot_id not in [shot["id"] for shot in shots_of(fake, project_id)]
    assert all(clip["ShotId"] is None for clip in filmed)


async def test_delete_unknown_shot_raises_not_found(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    before = len(fake.state.shots)

    with pytest.raises(NotFoundError):
        await cb.shots.delete(UNKNOWN)
    with pytest.raises(ParameterError) as caught:
        await cb.shots.delete("")

    assert caught.value.parameter == "shot_id"
    assert len(fake.state.shots) == before
    assert len(fake.requests) == 1


# shot types ------------------------------------------------------------------------------


async def test_types_returns_every_shot_type(fake: FakeCinebody, cb: CinebodyClient) -> None:
    shot_types = await cb.shots.types()

    assert [t.id for t in shot_types] == list(fake.state.shot_types)
    assert [t.name for t in shot_types] == [t["name"] for t in fake.state.shot_types.values()]
    assert all(isinstance(t, ShotType) and isinstance(t.fps, MediaFileFps) for t in shot_types)


async def test_types_with_attributes(fake: FakeCinebody, cb: CinebodyClient) -> None:
    shot_types = await cb.shots.types(attributes=[ShotTypeAttribute.NAME, "fps"])

    assert [t.name for t in shot_types] == [t["name"] for t in fake.state.shot_types.values()]
    assert all(t.id is None and t.icon is None for t in shot_types)
    assert fake.requests[-1].query_values("attributes") == ["name", "fps"]

    with pytest.raises(ParameterError) as caught:
        await cb.shots.types(attributes=["title"])
    assert caught.value.parameter == "attributes"
    assert len(fake.requests) == 1


async def test_create_picks_the_new_shot_out_of_a_whole_list(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    shot_type = a_shot_type(fake)["id"]
    shots = [
        {"id": "s-1", "title": "Old", "ShotTypeId": shot_type},
        {"id": "s-2", "title": "New", "ShotTypeId": shot_type},
        {"id": "s-3", "title": "Other", "ShotTypeId": shot_type},
    ]
    answer = {"apiVersion": "3.26.1", "shots": shots}
    fake.faults.script("POST /projects/{projectId}/shots", [Reply(200, body=answer)])

    shot = await cb.shots.create(
        a_project(fake), title="New", description="D", shot_type_id=shot_type
    )

    assert shot.id == "s-2"
