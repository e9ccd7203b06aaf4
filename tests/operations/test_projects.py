"""Projects, end to end against FakeCinebody."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from cinebody_async import (
    BadRequestError,
    CinebodyClient,
    InvalidResponseError,
    NotFoundError,
    ParameterError,
)
from cinebody_async.models import (
    Project,
    ProjectAttribute,
    ProjectOrientation,
    ProjectPublishStatus,
    ProjectsSortBy,
    ProjectStatus,
    ProjectType,
    SortOrder,
)
from cinebody_async.testing import FakeCinebody, Reply

UNKNOWN = "00000000-0000-4000-8000-000000000000"
START = dt.datetime(2990, 3, 1, 9, 30, tzinfo=dt.UTC)
END = dt.datetime(2990, 6, 1, 18, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))


def a_team(fake: FakeCinebody) -> str:
    return next(iter(fake.state.teams))


def a_project(fake: FakeCinebody) -> dict[str, Any]:
    return next(iter(fake.state.projects.values()))


def new_status(record: dict[str, Any]) -> str:
    return str(record.get("newStatus", record["status"]))


async def create_one(cb: CinebodyClient, fake: FakeCinebody, **fields: Any) -> Project:
    values: dict[str, Any] = {
        "team_id": a_team(fake),
        "title": "Harbour Run",
        "description": "Film the runners at the finish line.",
        "orientation": "landscape",
        "shoot_type": "sports",
        "type": ProjectType.PUBLIC,
    }
    values.update(fields)
    return await cb.projects.create(**values)


# list ------------------------------------------------------------------------------------


async def test_list_walks_every_project_across_pages(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    pager = cb.projects.list(limit=4)

    projects = await pager.all()

    assert [project.id for project in projects] == list(fake.state.projects)
    assert all(isinstance(project, Project) for project in projects)
    assert await pager.count() == len(fake.state.projects)
    assert [r.query_values("page") for r in fake.requests] == [["0"], ["1"]]


async def test_list_filters_by_teams_and_status(fake: FakeCinebody, cb: CinebodyClient) -> None:
    team = a_team(fake)
    expected = [
        record["id"]
        for record in fake.state.projects.values()
        if record["TeamId"] == team and new_status(record) == "archived"
    ]

    projects = await cb.projects.list(team_ids=[team], status=ProjectStatus.ARCHIVED).all()

    assert expected
    assert [project.id for project in projects] == expected
    assert all(project.new_status is ProjectStatus.ARCHIVED for project in projects)
    sent = fake.requests[-1]
    assert sent.query_values("teamIds") == [team]
    assert sent.query_values("status") == ["archived"]


async def test_list_filters_by_organization_type_orientation_and_publish_status(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    organization = next(iter(fake.state.organizations))
    expected = [
        record["id"]
        for record in fake.state.projects.values()
        if record["type"] == "public"
        and record["orientation"] == "landscape"
        and record["publishStatus"] == "publishAll"
    ]

    projects = await cb.projects.list(
        organization_ids=(organization,),
        type="public",
        orientation=ProjectOrientation.LANDSCAPE,
        publish_status="publishAll",
    ).all()

    assert expected
    assert [project.id for project in projects] == expected
    sent = fake.requests[-1]
    assert sent.query_values("organizationIds") == [organization]
    assert sent.query_values("type") == ["public"]
    assert sent.query_values("orientation") == ["landscape"]
    assert sent.query_values("publishStatus") == ["publishAll"]


async def test_list_searches_titles_and_sorts(fake: FakeCinebody, cb: CinebodyClient) -> None:
    matching = [r for r in fake.state.projects.values() if "harbor" in r["title"].lower()]
    expected = sorted(matching, key=lambda r: (r["startAt"], r["id"]), reverse=True)

    projects = await cb.projects.list(
        q="Harbor", sort_by=ProjectsSortBy.START_AT, sort_order="desc"
    ).all()

    assert len(expected) > 1
    assert [project.id for project in projects] == [r["id"] for r in expected]
    sent = fake.requests[-1]
    assert sent.query_values("q") == ["Harbor"]
    assert sent.query_values("sortBy") == ["startAt"]
    assert sent.query_values("sortOrder") == [SortOrder.DESC.value]


async def test_list_with_attributes_and_max_items(fake: FakeCinebody, cb: CinebodyClient) -> None:
    projects = await cb.projects.list(
        attributes=[ProjectAttribute.ID, "title"], limit=2, max_items=3
    ).all()

    assert [project.id for project in projects] == list(fake.state.projects)[:3]
    assert all(project.title is not None for project in projects)
    assert all(project.team_id is None and project.status is None for project in projects)
    assert fake.requests[0].query_values("attributes") == ["id", "title"]
    assert len(fake.requests) == 2


@pytest.mark.parametrize(
    ("arguments", "parameter"),
    [
        ({"team_ids": []}, "team_ids"),
        ({"team_ids": "a-team"}, "team_ids"),
        ({"organization_ids": [""]}, "organization_ids"),
        ({"q": " "}, "q"),
        ({"status": "finished"}, "status"),
        ({"type": "secret"}, "type"),
        ({"orientation": "square"}, "orientation"),
        ({"publish_status": "everything"}, "publish_status"),
        ({"sort_by": "createdAt"}, "sort_by"),
        ({"sort_order": "up"}, "sort_order"),
        ({"attributes": ["id", "nope"]}, "attributes"),
        ({"limit": 0}, "limit"),
        ({"max_items": 0}, "max_items"),
    ],
)
async def test_list_refuses_bad_filters_before_sending(
    fake: FakeCinebody, cb: CinebodyClient, arguments: dict[str, Any], parameter: str
) -> None:
    with pytest.raises(ParameterError) as caught:
        cb.projects.list(**arguments)

    assert caught.value.parameter == parameter
    assert fake.requests == []


# create ----------------------------------------------------------------------------------


async def test_create_sends_every_field_and_returns_the_project(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    project = await create_one(
        cb,
        fake,
        join_code="harbour7",
        start_at=START,
        end_at=END,
        incentive="A hoodie",
        publish_status=ProjectPublishStatus.PUBLISHED,
        is_geo_visible=True,
    )

    assert project.id in fake.state.projects
    record = fake.state.project(project.id)
    assert record["TeamId"] == a_team(fake) == project.team_id
    assert record["title"] == project.title == "Harbour Run"
    assert record["joinCode"] == project.join_code == "harbour7"
    assert record["startAt"] == "2990-03-01T09:30:00.000Z"
    assert record["endAt"] == "2990-06-01T16:00:00.000Z"
    assert project.start_at == START
    assert project.end_at == END
    assert project.publish_status is ProjectPublishStatus.PUBLISHED
    assert project.new_status is ProjectStatus.UPCOMING
    assert record["isGeoVisible"] is True
    assert record["incentive"] == "A hoodie"
    assert record["shootType"] == "sports"
    assert record["type"] == "public"


async def test_create_sends_only_what_is_given_and_the_api_draws_a_join_code(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    project = await create_one(cb, fake, attributes=["id", "joinCode"])

    assert project.join_code
    assert project.title is None
    assert fake.state.project(str(project.id))["joinCode"] == project.join_code
    sent = fake.requests[-1]
    assert sent.query_values("attributes") == ["id", "joinCode"]
    for absent in (b"startAt", b"incentive", b"joinCode", b"isGeoVisible"):
        assert absent not in sent.body


async def test_create_with_a_taken_join_code_raises_bad_request(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    taken = a_project(fake)["joinCode"]
    before = len(fake.state.projects)

    with pytest.raises(BadRequestError) as caught:
        await create_one(cb, fake, join_code=taken)

    assert caught.value.code == "JOIN_CODE_TAKEN"
    assert len(fake.state.projects) == before


async def test_create_under_an_unknown_team_raises_not_found(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    with pytest.raises(NotFoundError):
        await create_one(cb, fake, team_id=UNKNOWN)


@pytest.mark.parametrize(
    ("arguments", "parameter"),
    [
        ({"title": None}, "title"),
        ({"team_id": None}, "team_id"),
        ({"orientation": None}, "orientation"),
        ({"type": None}, "type"),
        ({"description": ""}, "description"),
        ({"shoot_type": "  "}, "shoot_type"),
        ({"orientation": "square"}, "orientation"),
        ({"type": "secret"}, "type"),
        ({"status": "done"}, "status"),
        ({"join_code": ""}, "join_code"),
        ({"start_at": dt.datetime(2990, 1, 1)}, "start_at"),
        ({"end_at": "2990-01-01"}, "end_at"),
        ({"start_at": END, "end_at": START}, "start_at/end_at"),
        ({"is_geo_visible": "yes"}, "is_geo_visible"),
        ({"attributes": ["nope"]}, "attributes"),
    ],
)
async def test_create_refuses_bad_arguments_before_sending(
    fake: FakeCinebody, cb: CinebodyClient, arguments: dict[str, Any], parameter: str
) -> None:
    before = len(fake.state.projects)

    with pytest.raises(ParameterError) as caught:
        await create_one(cb, fake, **arguments)

    assert caught.value.parameter == parameter
    assert fake.requests == []
    assert len(fake.state.projects) == before


# get, update, delete ---------------------------------------------------------------------


async def test_get_returns_the_project(fake: FakeCinebody, cb: CinebodyClient) -> None:
    record = a_project(fake)

    project = await cb.projects.get(record["id"])

    assert project.id == record["id"]
    assert project.title == record["title"]
    assert project.team_id == record["TeamId"]
    assert project.media_counts is not None
    assert project.user_counts is not None
    assert project.user_counts.users == len(fake.state.project_users[record["id"]])


async def test_get_with_attributes_trims_fields(fake: FakeCinebody, cb: CinebodyClient) -> None:
    record = a_project(fake)

    project = await cb.projects.get(record["id"], attributes=["title", ProjectAttribute.END_AT])

    assert project.title == record["title"]
    assert project.end_at is not None
    assert project.id is None
    assert fake.requests[-1].query_values("attributes") == ["title", "endAt"]


async def test_get_unknown_project_raises_not_found(cb: CinebodyClient) -> None:
    with pytest.raises(NotFoundError):
        await cb.projects.get(UNKNOWN)


async def test_update_changes_only_the_given_fields(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    record = a_project(fake)
    title, description = record["title"], record["description"]

    project = await cb.projects.update(
        record["id"],
        incentive="Free tickets",
        status="archived",
        end_at=END,
        publish_status=ProjectPublishStatus.PUBLISH_ALL,
        is_geo_visible=False,
    )

    assert project.incentive == "Free tickets" == record["incentive"]
    assert project.new_status is ProjectStatus.ARCHIVED
    assert project.publish_status is ProjectPublishStatus.PUBLISH_ALL
    assert record["endAt"] == "2990-06-01T16:00:00.000Z"
    assert record["isGeoVisible"] is False
    assert (record["title"], record["description"]) == (title, description)
    sent = fake.requests[-1].body
    assert b"title" not in sent
    assert b"description" not in sent


async def test_update_renames_and_moves_the_join_code(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    record = a_project(fake)

    project = await cb.projects.update(
        record["id"],
        title="Renamed",
        description="New brief",
        orientation="portrait",
        shoot_type="micro-doc",
        type=ProjectType.PRIVATE,
        join_code="fresh42",
        start_at=START,
        attributes=["title", "joinCode"],
    )

    assert (project.title, project.join_code) == ("Renamed", "fresh42")
    assert project.orientation is None
    assert record["orientation"] == "portrait"
    assert record["shootType"] == "micro-doc"
    assert record["type"] == "private"
    assert record["startAt"] == "2990-03-01T09:30:00.000Z"
    assert fake.state.project_by_join_code("fresh42") is record


async def test_update_refuses_nothing_to_change_and_bad_values(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    project_id = a_project(fake)["id"]

    with pytest.raises(ParameterError, match="at least one field"):
        await cb.projects.update(project_id)
    with pytest.raises(ParameterError) as caught:
        await cb.projects.update(project_id, start_at=END, end_at=START)
    assert caught.value.parameter == "start_at/end_at"
    with pytest.raises(ParameterError) as caught:
        await cb.projects.update(project_id, title="")
    assert caught.value.parameter == "title"
    with pytest.raises(ParameterError) as caught:
        await cb.projects.update("", title="New")
    assert caught.value.parameter == "project_id"

    assert fake.requests == []


async def test_update_unknown_project_raises_not_found(cb: CinebodyClient) -> None:
    with pytest.raises(NotFoundError):
        await cb.projects.update(UNKNOWN, title="Nobody")


async def test_delete_removes_the_project_and_its_shots(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    record = a_project(fake)
    shots = [s["id"] for s in fake.state.project_shots(record["id"])]

    await cb.projects.delete(record["id"])

    assert record["id"] not in fake.state.projects
    assert shots
    assert not set(shots) & set(fake.state.shots)
    with pytest.raises(NotFoundError):
        await cb.projects.get(record["id"])


async def test_delete_unknown_project_raises_not_found(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    before = len(fake.state.projects)

    with pytest.raises(NotFoundError):
        await cb.projects.delete(UNKNOWN)

    assert len(fake.state.projects) == before


# image -----------------------------------------------------------------------------------


async def test_set_image_sends_the_file_as_form_data(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    record = a_project(fake)
    old_image = record.get("profileImageUUID")

    await cb.projects.set_image(record["id"], b"\x89PNG fake image", filename="c.png")

    assert record["profileImageUUID"] not in (None, old_image)
    assert record["profileImages"]["profile80"].endswith(".png")
    sent = fake.requests[-1]
    assert (sent.header("Content-Type") or "").startswith("multipart/form-data")
    assert b'name="fileName"' in sent.body
    assert b'filename="c.png"' in sent.body
    assert b"Content-Type: image/png" in sent.body
    assert b"\x89PNG fake image" in sent.body


async def test_set_image_resends_the_whole_form_on_a_retry(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    record = a_project(fake)
    fake.faults.script("PUT /projects/{projectId}/image", [503])

    await cb.projects.set_image(
        record["id"], b"jpeg bytes", filename="c.bin", content_type="image/jpeg"
    )

    first, second = fake.requests
    assert len(first.body) == len(second.body)
    for sent in (first, second):
        assert b"jpeg bytes" in sent.body
        assert b"Content-Type: image/jpeg" in sent.body
    assert record["profileImageUUID"] is not None


@pytest.mark.parametrize(
    ("image", "arguments", "parameter"),
    [
        (b"", {"filename": "a.png"}, "image"),
        ("text", {"filename": "a.png"}, "image"),
        (b"png", {"filename": ""}, "filename"),
        (b"png", {"filename": "a.png", "content_type": " "}, "content_type"),
    ],
)
async def test_set_image_refuses_bad_arguments_before_sending(
    fake: FakeCinebody,
    cb: CinebodyClient,
    image: Any,
    arguments: dict[str, Any],
    parameter: str,
) -> None:
    with pytest.raises(ParameterError) as caught:
        await cb.projects.set_image(a_project(fake)["id"], image, **arguments)

    assert caught.value.parameter == parameter
    assert fake.requests == []


async def test_set_image_of_an_unknown_project_raises_not_found(cb: CinebodyClient) -> None:
    with pytest.raises(NotFoundError):
        await cb.projects.set_image(UNKNOWN, b"png", filename="a.png")


# join codes ------------------------------------------------------------------------------


async def test_new_join_code_is_free_and_usable(fake: FakeCinebody, cb: CinebodyClient) -> None:
    code = await cb.projects.new_join_code()

    assert isinstance(code, str)
    assert code
    assert not fake.state.join_code_taken(code)
    assert await cb.projects.is_join_code_available(code) is True
    project = await create_one(cb, fake, join_code=code)
    assert project.join_code == code
    assert await cb.projects.is_join_code_available(code) is False
    assert fake.requests[-1].query_values("joinCode") == [code]


async def test_a_taken_join_code_is_not_available(fake: FakeCinebody, cb: CinebodyClient) -> None:
    taken = a_project(fake)["joinCode"]

    assert await cb.projects.is_join_code_available(taken) is False
    assert await cb.projects.is_join_code_available(taken.upper()) is False


async def test_join_code_answers_without_the_value_raise_invalid_response(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    fake.faults.script("GET /getProjectCode", [Reply(200, body={"apiVersion": "3.26.1"})])
    fake.faults.script(
        "GET /checkProjectCode", [Reply(200, body={"joinCode": "x", "isAvailable": "yes"})]
    )

    with pytest.raises(InvalidResponseError, match="joinCode"):
        await cb.projects.new_join_code()
    with pytest.raises(InvalidResponseError, match="isAvailable"):
        await cb.projects.is_join_code_available("x")


async def test_find_returns_the_project_with_the_join_code(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    record = a_project(fake)

    project = await cb.projects.find(join_code=record["joinCode"])

    assert project.id == record["id"]
    assert project.join_code == record["joinCode"]
    assert fake.requests[-1].query_values("joinCode") == [record["joinCode"]]


async def test_find_unknown_join_code_raises_not_found(cb: CinebodyClient) -> None:
    with pytest.raises(NotFoundError):
        await cb.projects.find(join_code="nobody-uses-this")


async def test_join_code_methods_refuse_empty_codes(
    fake: FakeCinebody, cb: CinebodyClient
) -> None:
    with pytest.raises(ParameterError) as caught:
        await cb.projects.find(join_code="")
    assert caught.value.parameter == "join_code"
    with pytest.raises(ParameterError) as caught:
        await cb.projects.is_join_code_available(" ")
    assert caught.value.parameter == "join_code"

    assert fake.requests == []


# templates and stats ---------------------------------------------------------------------


async def test_templates_are_projects(fake: FakeCinebody, cb: CinebodyClient) -> None:
    templates = await cb.projects.templates()

    assert [t.id for t in templates] == [t["id"] for t in fake.state.project_templates]
    assert [t.shoot_type for t in templates] == [
        t["shootType"] for t in fake.state.project_templates
    ]
    assert all(isinstance(t, Project) for t in templates)


async def test_templates_with_attributes(fake: FakeCinebody, cb: CinebodyClient) -> None:
    templates = await cb.projects.templates(attributes=[ProjectAttribute.TITLE])

    assert [t.title for t in templates] == [t["title"] for t in fake.state.project_templates]
    assert all(t.id is None for t in templates)
    assert fake.requests[-1].query_values("attributes") == ["title"]

    with pytest.raises(ParameterError):
        await cb.projects.templates(attributes="title")
    assert len(fake.requests) == 1


async def test_stats_count_clips_per_filmer(fake: FakeCinebody, cb: CinebodyClient) -> None:
    record = a_project(fake)
    per_user: dict[str, int] = {}
    for clip in fake.state.project_media_files(record["id"]):
        if not clip["isEdit"] and clip["UserId"]:
            per_user[clip["UserId"]] = per_user.get(clip["UserId"], 0) + 1

    stats = await cb.projects.stats(record["id"])

    assert stats.num_users == len(fake.state.project_users[record["id"]])
    assert stats.user_clip_counts is not None
    assert {c.user_id: c.num_clips for c in stats.user_clip_counts} == per_user
    assert stats.counts is not None
    assert stats.total_length_seconds is not None
    assert stats.total_length_seconds > 0
    assert fake.requests[-1].query == ()


async def test_stats_of_an_unknown_project_raises_not_found(cb: CinebodyClient) -> None:
    with pytest.raises(NotFoundError):
        await cb.projects.stats(UNKNOWN)


async def test_join_code_lookups_need_a_code(fake: FakeCinebody, cb: CinebodyClient) -> None:
    for call in (
        lambda: cb.projects.find(join_code=None),  # type: ignore[arg-type]
        lambda: cb.projects.is_join_code_available(None),  # type: ignore[arg-type]
    ):
        with pytest.raises(ParameterError) as caught:
            await call()
        assert caught.value.parameter == "join_code"

    assert fake.requests == []
