"""Every 200 answer of the fake fits the validator copy of the spec (openapi-core).

A tour calls all 50 operations; each answer is validated, and each body's top-level
keys must be ones the (corrected) schema declares, since openapi-core alone accepts
undeclared keys. The spec's known mistakes are corrected first, each listed once in
:data:`DEFECTS` with its reason; `nullable: true` beside a `$ref`, which openapi-core
ignores, is made to allow null everywhere.
"""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import aiohttp
import pytest
import yaml

from cinebody_async.testing import FakeCinebody
from cinebody_async.testing.handlers import ROUTES
from tests.fake.conftest import Api

openapi_core = pytest.importorskip("openapi_core")
openapi_testing = pytest.importorskip("openapi_core.testing")

Spec = dict[str, Any]
HOST = "https://app-api.cinebody.com"
PREFIX = "/app/3.0"


def _bytes(nullable: bool) -> Spec:
    """A byte size: digits in a string, or a number."""
    return {
        "anyOf": [
            {"type": "string", "pattern": "^[0-9]+$", "nullable": nullable},
            {"type": "number", "nullable": nullable},
        ]
    }


def _body_schema(spec: Spec, method: str, path: str) -> Spec:
    operation = spec["paths"][PREFIX + path][method]
    schema: Spec = operation["responses"]["200"]["content"]["application/json"]["schema"]
    return schema


def _set_payload(method: str, path: str, properties: Spec) -> Callable[[Spec], None]:
    def patch(spec: Spec) -> None:
        schema = _body_schema(spec, method, path)
        schema["allOf"] = [
            {"$ref": "#/components/schemas/APIVersion"},
            {"type": "object", "properties": properties},
        ]

    return patch


def _set_properties(model: str, properties: Spec) -> Callable[[Spec], None]:
    def patch(spec: Spec) -> None:
        schema = spec["components"]["schemas"][model]
        target = schema["allOf"][1] if "allOf" in schema else schema
        target["properties"].update(copy.deepcopy(properties))

    return patch


def _ref(model: str) -> Spec:
    return {"$ref": f"#/components/schemas/{model}"}


def _array(model: str) -> Spec:
    return {"type": "array", "items": _ref(model)}


# Where the published spec is wrong, and what the fake answers instead (see API-NOTES).
DEFECTS: dict[str, tuple[str, Callable[[Spec], None]]] = {
    "GET /projects/{projectId}/clips": (
        "the spec's body (joinCode, isAvailable) is copied from checkProjectCode; "
        "the API answers count and mediaFiles",
        _set_payload(
            "get",
            "/projects/{projectId}/clips",
            {
                "count": {"type": "number"},
                "mediaFiles": _array("MediaFile"),
            },
        ),
    ),
    "POST /organizations/{organizationId}/teams": (
        "the spec's body (count, users) is copied from a user list; the API answers team",
        _set_payload("post", "/organizations/{organizationId}/teams", {"team": _ref("Team")}),
    ),
    "PATCH /teams/{teamId}": (
        "the spec's body says organization; the API answers the changed team",
        _set_payload("patch", "/teams/{teamId}", {"team": _ref("Team")}),
    ),
    "GET /scheduledNotifications": (
        "a list: the API answers count and scheduledNotifications, not one notification",
        _set_payload(
            "get",
            "/scheduledNotifications",
            {
                "count": {"type": "number"},
                "scheduledNotifications": _array("ScheduledNotification"),
            },
        ),
    ),
    "byte sizes": (
        "byte sizes are integers sent as JSON strings (to carry big integers)",
        lambda spec: [
            _set_properties(model, dict.fromkeys(names, _bytes(nullable)))(spec)
            for model, names, nullable in (
                ("MediaFile", ("fileSize", "fileSizeSD", "thumbSize"), False),
                ("Shot", ("fileSize", "fileSizeSD", "thumbSize"), False),
                ("Project", ("teaserFileSize", "teaserFileSizeSD", "teaserThumbSize"), True),
            )
        ],
    ),
    "ScheduledNotification.isFromTeam": (
        "a boolean on the wire, typed string in the spec",
        _set_properties("ScheduledNotification", {"isFromTeam": {"type": "boolean"}}),
    ),
    "ProjectStats.userClipCounts": (
        "a list of {userId, numClips}; the spec shows one object",
        _set_properties("ProjectStats", {"userClipCounts": _array("ProjectUserClipCount")}),
    ),
    "Shot example file names": (
        "a shot without an example video has no file: fileUUID and fileUUIDSD are null "
        "until one is uploaded",
        _set_properties(
            "Shot",
            {
                "fileUUID": {"type": "string", "nullable": True},
                "fileUUIDSD": {"type": "string", "nullable": True},
            },
        ),
    ),
}


def _string_keys(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(key): _string_keys(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_string_keys(value) for value in node]
    return node


def _nullable_refs(node: Any, schemas: Spec) -> None:
    """Replace each ``$ref`` with ``nullable: true`` beside it by a nullable copy."""
    if isinstance(node, dict):
        if "$ref" in node and node.get("nullable"):
            target = copy.deepcopy(schemas[node["$ref"].rsplit("/", 1)[1]])
            target["nullable"] = True
            if "enum" in target:
                target["enum"] = [*target["enum"], None]
            node.clear()
            node.update(target)
            return
        for value in node.values():
            _nullable_refs(value, schemas)
    elif isinstance(node, list):
        for value in node:
            _nullable_refs(value, schemas)


@pytest.fixture(scope="module")
def corrected_spec(validators_spec_path: Path) -> Spec:
    spec: Spec = _string_keys(yaml.safe_load(validators_spec_path.read_text()))
    _nullable_refs(spec, spec["components"]["schemas"])
    for _, patch in DEFECTS.values():
        patch(spec)
    return spec


def _declared(spec: Spec, schema: Spec) -> set[str]:
    """The property names a (possibly allOf/$ref) object schema declares."""
    if "$ref" in schema:
        return _declared(spec, spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]])
    names = set(schema.get("properties", {}))
    for part in schema.get("allOf", []):
        names |= _declared(spec, part)
    return names


@pytest.fixture
async def fake() -> AsyncIterator[FakeCinebody]:
    async with FakeCinebody(seed=3, clips_per_project=8, part_size=100) as running:
        yield running


async def _upload(
    api: Api, project_id: str, kind: str, size: int
) -> tuple[str, str, list[dict[str, Any]]]:
    params = {"contentType": "video/mp4", "ext": "mp4", "type": kind, "sizeBytes": size}
    started = await api.ok("GET", f"/projects/{project_id}/upload", params)
    parts = []
    async with aiohttp.ClientSession(skip_auto_headers=["Content-Type"]) as s3:
        for number, url in enumerate(started["signedUrls"], start=1):
            chunk = bytes(range(256))[: min(100, size - (number - 1) * 100)]
            async with s3.put(url, data=chunk) as response:
                assert response.status == 200
                parts.append({"partNumber": number, "etag": response.headers["ETag"]})
    upload_id = parse_qs(urlsplit(started["signedUrls"][0]).query)["uploadId"][0]
    return upload_id, started["filename"], parts


async def _tour(fake: FakeCinebody, api: Api) -> None:
    """Call every operation of the API at least once, with every answer a 200."""
    state = fake.state
    org = next(iter(state.organizations))
    team = next(iter(state.teams))
    project = state.team_projects(team)[0]["id"]
    clip = state.project_media_files(project)[0]
    shot_type = next(iter(state.shot_types))
    filmer = next(iter(state.project_users[project]))

    await api.ok("GET", "/apiAppTypes")
    await api.ok("GET", "/organizations")
    await api.ok("GET", f"/organizations/{org}")
    await api.ok("PATCH", f"/organizations/{org}", json={"name": "Renamed", "addressZip": None})
    await api.ok("GET", f"/organizations/{org}/stats")
    await api.ok("GET", f"/organizations/{org}/storage")
    added = await api.ok("POST", f"/organizations/{org}/users", json={"email": "a@example.com"})
    await api.ok("GET", f"/organizations/{org}/users", {"type": "all"})
    await api.ok("DELETE", f"/organizations/{org}/users/{added['user']['id']}")

    new_team = (await api.ok("POST", f"/organizations/{org}/teams", json={"name": "T"}))["team"]
    await api.ok("GET", "/teams")
    await api.ok("GET", f"/teams/{team}")
    await api.ok("PATCH", f"/teams/{new_team['id']}", json={"pagePublished": True})
    await api.ok("GET", f"/teams/{team}/stats")
    form = aiohttp.FormData()
    form.add_field("fileName", b"image", filename="a.png", content_type="image/png")
    assert (await api.call("PUT", f"/teams/{team}/image", data=form)).status == 200
    member = await api.ok("POST", f"/teams/{team}/users", json={"email": "b@example.com"})
    await api.ok("GET", f"/teams/{team}/users", {"projectId": project})
    await api.ok("DELETE", f"/teams/{team}/users/{member['users'][0]['id']}")

    body = {
        "teamId": team,
        "title": "Tour",
        "description": "All of it",
        "orientation": "landscape",
        "shootType": "event",
        "type": "private",
    }
    created = (await api.ok("POST", "/projects", json=body))["project"]
    await api.ok("GET", "/projects", [("teamIds", team), ("status", "active")])
    await api.ok("GET", f"/projects/{project}")
    await api.ok("PATCH", f"/projects/{created['id']}", json={"incentive": "Caps"})
    form = aiohttp.FormData()
    form.add_field("fileName", b"image", filename="a.png", content_type="image/png")
    assert (await api.call("PUT", f"/projects/{project}/image", data=form)).status == 200
    code = (await api.ok("GET", "/getProjectCode"))["joinCode"]
    await api.ok("GET", "/checkProjectCode", {"joinCode": code})
    await api.ok("GET", "/project", {"joinCode": created["joinCode"]})
    await api.ok("GET", "/shotTypes")
    await api.ok("GET", "/projectTemplates")
    await api.ok("GET", f"/projects/{project}/stats")
    joined = await api.ok("POST", f"/projects/{project}/users", json={"email": "c@example.com"})
    await api.ok(
        "PATCH", f"/projects/{project}/users/{joined['user']['id']}", json={"status": "inactive"}
    )

    await api.ok("GET", f"/projects/{project}/shots")
    shot = {"title": "S", "description": "D", "shotTypeId": shot_type, "projectId": project}
    new_shot = (await api.ok("POST", f"/projects/{project}/shots", json=shot))["shots"][0]
    await api.ok(
        "PATCH",
        f"/projects/{project}/shots",
        json={"shotsToUpdate": [{"id": new_shot["id"], "order": 9}]},
    )

    upload_id, filename, parts = await _upload(api, project, "clip", 250)
    await api.ok(
        "POST",
        f"/projects/{project}/clipCompleteUpload",
        json={"uploadId": upload_id, "filename": filename, "parts": parts, "userId": filmer},
    )
    upload_id, filename, parts = await _upload(api, project, "shot", 50)
    await api.ok(
        "POST",
        f"/projects/{project}/shotExampleCompleteUpload",
        json={
            "uploadId": upload_id,
            "filename": filename,
            "parts": parts,
            "shotId": new_shot["id"],
        },
    )
    upload_id, filename, parts = await _upload(api, project, "teaser", 120)
    await api.ok(
        "POST",
        f"/projects/{project}/teaserCompleteUpload",
        json={"uploadId": upload_id, "filename": filename, "parts": parts},
    )

    await api.ok("GET", f"/projects/{project}/clips", {"limit": 50})
    await api.ok("PATCH", f"/mediaFiles/{clip['id']}", json={"status": "rejected"})
    await api.ok("GET", f"/mediaFiles/{clip['id']}/download")
    await api.ok(
        "GET", "/mediaFiles/download", [("teamId", team), ("filenames", clip["fileUUIDSD"])]
    )
    await api.ok("DELETE", f"/mediaFiles/{clip['id']}")

    note = {"message": "M", "type": "message", "teamId": team, "sendAt": "2999-01-01T00:00:00Z"}
    sent = (await api.ok("POST", "/notifications", json=note))["scheduledNotification"]
    await api.ok("GET", "/scheduledNotifications")
    await api.ok("PATCH", f"/scheduledNotifications/{sent['id']}", json={"message": "N"})
    await api.ok("DELETE", f"/scheduledNotifications/{sent['id']}")

    await api.ok("DELETE", f"/shots/{new_shot['id']}")
    await api.ok("DELETE", f"/projects/{created['id']}")
    await api.ok("DELETE", f"/teams/{new_team['id']}")


async def test_every_operation_answers_what_the_spec_describes(
    fake: FakeCinebody, api: Api, corrected_spec: Spec
) -> None:
    await _tour(fake, api)

    called = {key for key in fake.counters.requests if " /s3/" not in key}
    assert called == {route.key for route in ROUTES}
    assert len(ROUTES) == 50
    validator = openapi_core.OpenAPI.from_dict(corrected_spec)
    for exchange in api.exchanges:
        assert exchange.answer.status == 200, (exchange.method, exchange.path)
        request = openapi_testing.MockRequest(
            HOST, exchange.method, exchange.path, args=exchange.query
        )
        response = openapi_testing.MockResponse(exchange.answer.raw, 200)
        validator.validate_response(request, response)

        route = next(
            r.route
            for r in fake.requests
            if (r.method, r.path) == (exchange.method, exchange.path)
        )
        assert route is not None
        method, _, template = route.partition(" ")
        schema = _body_schema(corrected_spec, method.lower(), template)
        undeclared = set(exchange.answer.body) - _declared(corrected_spec, schema)
        assert not undeclared, (route, undeclared)


def test_every_defect_names_a_real_place(corrected_spec: Spec) -> None:
    operations = {route.key for route in ROUTES}
    for name, (reason, _) in DEFECTS.items():
        assert reason
        if name.startswith(("GET ", "POST ", "PATCH ", "PUT ", "DELETE ")):
            assert name in operations, name
