"""Multipart uploads through the fake S3, completion, and signed downloads with ranges."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import aiohttp
import pytest

from cinebody_async.testing import FakeCinebody
from tests.fake.conftest import Api

PART = 1000


@pytest.fixture
async def fake() -> AsyncIterator[FakeCinebody]:
    async with FakeCinebody(seed=11, clips_per_project=5, part_size=PART) as running:
        yield running


@pytest.fixture
async def s3() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(skip_auto_headers=["Content-Type"]) as session:
        yield session


def _payload(size: int) -> bytes:
    return bytes((index * 7 + 3) % 251 for index in range(size))


async def _start(api: Api, project_id: str, size: int, kind: str = "clip") -> dict[str, Any]:
    params = {"contentType": "video/mp4", "ext": "mp4", "type": kind, "sizeBytes": size}
    body: dict[str, Any] = await api.ok("GET", f"/projects/{project_id}/upload", params)
    return body


async def _put_parts(
    s3: aiohttp.ClientSession, urls: list[str], data: bytes
) -> list[dict[str, Any]]:
    parts = []
    for number, url in enumerate(urls, start=1):
        chunk = data[(number - 1) * PART : number * PART]
        async with s3.put(url, data=chunk) as response:
            assert response.status == 200, await response.text()
            parts.append({"partNumber": number, "etag": response.headers["ETag"]})
    return parts


def _upload_id(url: str) -> str:
    return parse_qs(urlsplit(url).query)["uploadId"][0]


async def test_clip_upload_round_trip(
    fake: FakeCinebody, api: Api, s3: aiohttp.ClientSession, project: dict[str, Any]
) -> None:
    data = _payload(2 * PART + 500)
    started = await _start(api, project["id"], len(data))
    assert started["chunkSizeBytes"] == PART
    assert len(started["signedUrls"]) == 3
    assert started["filename"].endswith(".mp4")
    for number, url in enumerate(started["signedUrls"], start=1):
        assert url.startswith(fake.s3.url + "/")
        query = parse_qs(urlsplit(url).query)
        assert set(query) == {"AWSAccessKeyId", "Expires", "Signature", "partNumber", "uploadId"}
        assert query["partNumber"] == [str(number)]
    parts = await _put_parts(s3, started["signedUrls"], data)
    assert parts[0]["etag"] == '"' + hashlib.md5(data[:PART]).hexdigest() + '"'
    upload_id = _upload_id(started["signedUrls"][0])
    assert fake.counters.uploaded_bytes[upload_id] == len(data)

    user = next(iter(fake.state.project_users[project["id"]]))
    parts[1]["etag"] = parts[1]["etag"].strip('"')
    done = await api.ok(
        "POST",
        f"/projects/{project['id']}/clipCompleteUpload",
        json={
            "uploadId": upload_id,
            "filename": started["filename"],
            "parts": parts,
            "userId": user,
            "originalFileName": "take1.mp4",
            "duration": 12.5,
            "quality": "4k",
        },
    )
    clip = done["mediaFile"]
    assert clip["fileSize"] == str(len(data))
    assert (clip["fileUUID"], clip["UserId"], clip["quality"]) == (started["filename"], user, "4k")
    assert clip["thumbnailUUID"] is None
    assert clip["isEdit"] is False
    listed = await api.ok("GET", f"/projects/{project['id']}/clips", {"limit": 1})
    assert listed["mediaFiles"][0]["id"] == clip["id"]

    link = await api.ok("GET", f"/mediaFiles/{clip['id']}/download")
    async with s3.get(link["url"]) as response:
        assert await response.read() == data
    assert fake.counters.effects["POST /projects/{projectId}/clipCompleteUpload"] == 1
    again = await api.call(
        "POST",
        f"/projects/{project['id']}/clipCompleteUpload",
        json={
            "uploadId": upload_id,
            "filename": started["filename"],
            "parts": parts,
            "userId": user,
        },
    )
    assert again.status == 404
    assert fake.counters.effects["POST /projects/{projectId}/clipCompleteUpload"] == 1


async def test_edit_upload_makes_a_final_video(
    fake: FakeCinebody, api: Api, s3: aiohttp.ClientSession, project: dict[str, Any]
) -> None:
    started = await _start(api, project["id"], 10, kind="edit")
    parts = await _put_parts(s3, started["signedUrls"], _payload(10))
    user = next(iter(fake.state.users))
    done = await api.ok(
        "POST",
        f"/projects/{project['id']}/clipCompleteUpload",
        json={
            "uploadId": _upload_id(started["signedUrls"][0]),
            "filename": started["filename"],
            "parts": parts,
            "userId": user,
        },
    )
    assert done["mediaFile"]["isEdit"] is True


async def test_part_put_refusals_are_signature_errors(
    fake: FakeCinebody, api: Api, s3: aiohttp.ClientSession, project: dict[str, Any]
) -> None:
    started = await _start(api, project["id"], PART + 10)
    url = started["signedUrls"][0]
    chunk = _payload(PART)

    async def chunks() -> AsyncIterator[bytes]:
        yield chunk

    tampered = url.replace("Signature=", "Signature=AA")
    cases: list[tuple[str, dict[str, Any]]] = [
        (tampered, {"data": chunk}),
        (url, {"data": chunk, "headers": {"x-api-key": fake.api_key}}),
        (url, {"data": chunk, "headers": {"Authorization": "Bearer x"}}),
        (url, {"data": chunk, "headers": {"Content-Type": "video/mp4"}}),
        (url, {"data": chunk[:-1]}),
        (url, {"data": chunks()}),
        (url.replace("partNumber=1", "partNumber=2"), {"data": chunk}),
    ]
    for target, options in cases:
        async with s3.put(target, **options) as response:
            body = await response.text()
        assert response.status == 403, (options.get("headers"), body)
        assert "<Code>SignatureDoesNotMatch</Code>" in body
    assert fake.counters.uploaded_bytes[_upload_id(url)] == 0


async def test_part_put_without_content_length_is_refused(
    fake: FakeCinebody, api: Api, project: dict[str, Any]
) -> None:
    started = await _start(api, project["id"], 5)
    url = urlsplit(started["signedUrls"][0])
    reader, writer = await asyncio.open_connection(url.hostname, url.port)
    writer.write(
        f"PUT {url.path}?{url.query} HTTP/1.1\r\nHost: {url.netloc}\r\n"
        "Connection: close\r\n\r\n".encode()
    )
    await writer.drain()
    answer = await reader.read()
    writer.close()
    await writer.wait_closed()
    assert answer.startswith(b"HTTP/1.1 403")
    assert b"SignatureDoesNotMatch" in answer


async def test_expired_links_are_refused(
    fake: FakeCinebody, api: Api, s3: aiohttp.ClientSession, project: dict[str, Any]
) -> None:
    started = await _start(api, project["id"], 5)
    clip = fake.state.project_media_files(project["id"])[0]
    link = await api.ok("GET", f"/mediaFiles/{clip['id']}/download")
    real_now = fake.s3.now
    fake.s3.now = lambda: real_now() + fake.s3.url_ttl + 5
    async with s3.put(started["signedUrls"][0], data=_payload(5)) as response:
        assert response.status == 403
        assert "expired" in await response.text()
    async with s3.get(link["url"]) as response:
        assert response.status == 403
    fake.s3.now = real_now
    async with s3.get(link["url"]) as response:
        assert response.status == 200


async def test_downloads_refuse_the_api_key(
    fake: FakeCinebody, api: Api, s3: aiohttp.ClientSession, project: dict[str, Any]
) -> None:
    clip = fake.state.project_media_files(project["id"])[0]
    link = await api.ok("GET", f"/mediaFiles/{clip['id']}/download")
    async with s3.get(link["url"], headers={"x-api-key": fake.api_key}) as response:
        assert response.status == 403
        assert "SignatureDoesNotMatch" in await response.text()
    unsigned = link["url"].split("?")[0]
    async with s3.get(unsigned) as response:
        assert response.status == 403


async def test_ranges(
    fake: FakeCinebody, api: Api, s3: aiohttp.ClientSession, project: dict[str, Any]
) -> None:
    clip = fake.state.project_media_files(project["id"])[0]
    size = int(clip["fileSize"])
    half = size // 2
    whole = fake.s3.object_bytes(clip["fileUUID"])
    url = (await api.ok("GET", f"/mediaFiles/{clip['id']}/download"))["url"]
    cases = [
        ("bytes=10-19", whole[10:20], f"bytes 10-19/{size}"),
        (f"bytes={size - 5}-", whole[-5:], f"bytes {size - 5}-{size - 1}/{size}"),
        ("bytes=-7", whole[-7:], f"bytes {size - 7}-{size - 1}/{size}"),
        (f"bytes={half}-{size * 2}", whole[half:], f"bytes {half}-{size - 1}/{size}"),
    ]
    for header, expected, content_range in cases:
        async with s3.get(url, headers={"Range": header}) as response:
            assert response.status == 206, header
            assert response.headers["Content-Range"] == content_range
            assert await response.read() == expected
    for header in (f"bytes={size}-", "bytes=5-2", "items=1-2", "bytes=-0"):
        async with s3.get(url, headers={"Range": header}) as response:
            assert response.status == 416, header
            assert response.headers["Content-Range"] == f"bytes */{size}"
    assert fake.counters.downloaded_bytes[clip["fileUUID"]] == sum(len(c[1]) for c in cases)


async def test_seeded_content_is_deterministic(fake: FakeCinebody) -> None:
    clip = next(iter(fake.state.media_files.values()))
    async with FakeCinebody(seed=11, clips_per_project=5, part_size=PART) as twin:
        same = twin.state.media_files[clip["id"]]
        assert same == clip
        assert twin.s3.object_bytes(clip["fileUUID"]) == fake.s3.object_bytes(clip["fileUUID"])
    assert len(fake.s3.object_bytes(clip["fileUUID"])) == int(clip["fileSize"])


async def test_completion_checks_every_part(
    fake: FakeCinebody, api: Api, s3: aiohttp.ClientSession, project: dict[str, Any]
) -> None:
    data = _payload(PART + 1)
    started = await _start(api, project["id"], len(data))
    parts = await _put_parts(s3, started["signedUrls"], data)
    user = next(iter(fake.state.users))
    base = {
        "uploadId": _upload_id(started["signedUrls"][0]),
        "filename": started["filename"],
        "userId": user,
    }
    path = f"/projects/{project['id']}/clipCompleteUpload"
    cases: list[tuple[dict[str, Any], int]] = [
        ({**base, "parts": parts[:1]}, 400),
        ({**base, "parts": [parts[0], {**parts[1], "etag": '"0000"'}]}, 400),
        ({**base, "parts": [*parts, parts[0]]}, 400),
        ({**base, "parts": [parts[0], {"partNumber": "2", "etag": "x"}]}, 400),
        ({**base, "parts": parts, "userId": None}, 406),
        ({**base, "parts": parts, "userId": "ghost"}, 404),
        ({**base, "parts": parts, "filename": "other.mp4"}, 400),
        ({**base, "parts": parts, "uploadId": "unknown"}, 404),
        ({**base, "parts": parts, "shotId": "ghost"}, 404),
        ({**base}, 406),
    ]
    for body, status in cases:
        answer = await api.call("POST", path, json=body)
        assert answer.status == status, (body, answer.raw)
    teaser = await api.call(
        "POST", f"/projects/{project['id']}/teaserCompleteUpload", json={**base, "parts": parts}
    )
    assert teaser.status == 400
    assert fake.counters.effects["POST /projects/{projectId}/clipCompleteUpload"] == 0
    assert (await api.call("POST", path, json={**base, "parts": parts})).status == 200


async def test_shot_example_and_teaser_uploads(
    fake: FakeCinebody, api: Api, s3: aiohttp.ClientSession, project: dict[str, Any]
) -> None:
    shot = fake.state.project_shots(project["id"])[0]
    started = await _start(api, project["id"], 300, kind="shot")
    parts = await _put_parts(s3, started["signedUrls"], _payload(300))
    done = await api.ok(
        "POST",
        f"/projects/{project['id']}/shotExampleCompleteUpload",
        json={
            "uploadId": _upload_id(started["signedUrls"][0]),
            "filename": started["filename"],
            "parts": parts,
            "shotId": shot["id"],
        },
    )
    assert (done["shot"]["id"], done["shot"]["fileUUID"]) == (shot["id"], started["filename"])
    assert done["shot"]["fileSize"] == "300"

    started = await _start(api, project["id"], 1200, kind="teaser")
    parts = await _put_parts(s3, started["signedUrls"], _payload(1200))
    done = await api.ok(
        "POST",
        f"/projects/{project['id']}/teaserCompleteUpload",
        json={
            "uploadId": _upload_id(started["signedUrls"][0]),
            "filename": started["filename"],
            "parts": parts,
        },
    )
    assert done["project"]["teaserFileUUID"] == started["filename"]
    assert done["project"]["teaserFileSize"] == "1200"
    assert fake.state.file_contents[started["filename"]] == _payload(1200)


async def test_upload_request_parameters(api: Api, project: dict[str, Any]) -> None:
    path = f"/projects/{project['id']}/upload"
    good = {"contentType": "video/mp4", "ext": "mp4", "type": "clip", "sizeBytes": "10"}
    for missing in good:
        params = {k: v for k, v in good.items() if k != missing}
        assert (await api.call("GET", path, params)).status == 406, missing
    for name, value in (
        ("type", "poster"),
        ("sizeBytes", "0"),
        ("sizeBytes", "1.5"),
        ("ext", "m/p"),
    ):
        assert (await api.call("GET", path, {**good, name: value})).status == 400, name
    assert (await api.call("GET", "/projects/nope/upload", good)).status == 404


async def test_head_gives_the_size_without_the_body(
    fake: FakeCinebody, api: Api, s3: aiohttp.ClientSession, project: dict[str, Any]
) -> None:
    clip = fake.state.project_media_files(project["id"])[0]
    url = (await api.ok("GET", f"/mediaFiles/{clip['id']}/download"))["url"]
    async with s3.head(url) as response:
        assert response.status == 200
        assert response.headers["Content-Length"] == clip["fileSize"]
        assert response.headers["Accept-Ranges"] == "bytes"
    assert fake.counters.downloaded_bytes[clip["fileUUID"]] == 0
