"""The fake S3: signed multipart part uploads and signed, expiring downloads.

It is served on its own port, so it is another origin than the API, as the real
S3 is. URLs are signed the way S3's query-string authentication (signature
version 2) signs them: ``AWSAccessKeyId``, ``Expires`` (Unix seconds) and
``Signature`` (an HMAC-SHA1 of the method, the path, the expiry and the
sub-resources ``partNumber`` and ``uploadId``). The URLs are signed for no content
type, no ``Content-MD5`` and no other header.

A part ``PUT`` answers 403 with S3's XML ``SignatureDoesNotMatch`` when the signature
is wrong or expired, when the request carries ``x-api-key``, ``Authorization`` or a
``Content-Type``, when it has no ``Content-Length`` or is sent chunked, or when its
length is not the part's expected size. A good part answers its quoted MD5 ``ETag``.
Downloads serve stored bytes (uploads) or, for seeded files, bytes generated on the
fly from the file name, exactly ``fileSize`` long; one ``Range`` is honoured (206).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import quote
from xml.sax.saxutils import escape

from aiohttp import web

from cinebody_async.testing.answers import reply_before
from cinebody_async.testing.errors import FakeAPIError
from cinebody_async.testing.faults import S3_OBJECT_ROUTE, S3_PART_ROUTE
from cinebody_async.testing.observe import RecordedRequest

if TYPE_CHECKING:
    from cinebody_async.testing.server import FakeCinebody

__all__ = ["ACCESS_KEY_ID", "BUCKET", "FakeS3", "Upload", "generated_bytes"]

ACCESS_KEY_ID = "AKIAFAKECINEBODY0001"
BUCKET = "cinebody-fake"
_BLOCK = 1 << 16
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


@dataclass
class Upload:
    """One multipart upload: where it goes, its size, and the parts stored so far."""

    upload_id: str
    project_id: str
    kind: str
    filename: str
    content_type: str
    size: int
    part_size: int
    parts: dict[int, bytes] = field(default_factory=dict)
    etags: dict[int, str] = field(default_factory=dict)
    completed: bool = False

    @property
    def part_count(self) -> int:
        """How many parts the file is cut into (one at least)."""
        return max(1, math.ceil(self.size / self.part_size))

    def part_length(self, number: int) -> int:
        """Return the exact length part ``number`` (1-based) must have."""
        if number < self.part_count:
            return self.part_size
        return self.size - self.part_size * (self.part_count - 1)


@lru_cache(maxsize=64)
def _pattern(name: str) -> bytes:
    seed = hashlib.sha256(name.encode()).digest()
    return b"".join(
        hashlib.sha256(seed + index.to_bytes(4, "big")).digest() for index in range(_BLOCK // 32)
    )


def generated_bytes(name: str, start: int, stop: int) -> Iterator[bytes]:
    """Yield the generated content of the seeded file ``name`` from ``start`` to ``stop``.

    Byte ``i`` of every seeded file is byte ``i % 65536`` of a block derived from its
    name, so any range can be produced without holding the file.
    """
    block = _pattern(name)
    position = start
    while position < stop:
        offset = position % _BLOCK
        take = min(_BLOCK - offset, stop - position)
        yield block[offset : offset + take]
        position += take


def _xml_error(code: str, message: str, extra: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<Error><Code>{code}</Code><Message>{escape(message)}</Message>{extra}"
        "<RequestId>FAKE0000000000000000</RequestId>"
        "<HostId>ZmFrZS1jaW5lYm9keS1zMw==</HostId></Error>"
    ).encode()


def _s3_error(status: int, code: str, message: str) -> web.Response:
    return web.Response(
        status=status, body=_xml_error(code, message), content_type="application/xml"
    )


def _error_page(status: int) -> tuple[bytes, str]:
    codes = {403: "AccessDenied", 404: "NoSuchKey", 500: "InternalError", 503: "SlowDown"}
    code = codes.get(status, "ServiceUnavailable")
    return _xml_error(code, f"Injected {status}"), "application/xml"


class FakeS3:
    """The fake S3 of one :class:`~cinebody_async.testing.server.FakeCinebody`.

    ``uploads`` holds every multipart upload by id; ``url`` is the base URL once the
    fake runs; ``now`` (Unix seconds) decides expiry and may be replaced by a test;
    ``url_ttl`` is the lifetime of signed URLs in seconds.
    """

    def __init__(self, fake: FakeCinebody, part_size: int, url_ttl: int, secret: bytes) -> None:
        self.fake = fake
        self.part_size = part_size
        self.url_ttl = url_ttl
        self.url = ""
        self.now: Callable[[], float] = time.time
        self.uploads: dict[str, Upload] = {}
        self._secret = secret

    # Signing ------------------------------------------------------------------------

    def _signature(self, method: str, path: str, expires: int, sub: str) -> str:
        text = f"{method}\n\n\n{expires}\n{path}{'?' + sub if sub else ''}"
        digest = hmac.new(self._secret, text.encode(), hashlib.sha1).digest()
        return base64.b64encode(digest).decode()

    def _signed(self, method: str, path: str, sub: dict[str, str]) -> str:
        expires = int(self.now()) + self.url_ttl
        canonical = "&".join(f"{key}={sub[key]}" for key in sorted(sub))
        signature = self._signature(method, path, expires, canonical)
        signed = quote(signature, safe="")
        query = f"AWSAccessKeyId={ACCESS_KEY_ID}&Expires={expires}&Signature={signed}"
        for key, value in sub.items():
            query += f"&{key}={quote(value, safe='')}"
        return f"{self.url}{quote(path)}?{query}"

    def _check_signature(self, request: web.Request, method: str, sub: dict[str, str]) -> str:
        """Return why the request's signature fails, or ``""`` when it is good."""
        query = request.query
        if query.get("AWSAccessKeyId") != ACCESS_KEY_ID:
            return "The AWS access key id is missing or unknown."
        try:
            expires = int(query.get("Expires", ""))
        except ValueError:
            return "Expires is missing or not a number."
        canonical = "&".join(f"{key}={sub[key]}" for key in sorted(sub))
        expected = self._signature(method, request.path, expires, canonical)
        if not hmac.compare_digest(expected, query.get("Signature", "")):
            return "The request signature we calculated does not match the signature you provided."
        if expires < self.now():
            return "Request has expired."
        return ""

    # Uploads ------------------------------------------------------------------------

    def start_upload(
        self, project_id: str, kind: str, filename: str, content_type: str, size: int
    ) -> tuple[Upload, list[str]]:
        """Open a multipart upload and return it with one signed URL per part."""
        upload_id = base64.urlsafe_b64encode(self.fake.state.rng.randbytes(48)).decode()
        upload = Upload(upload_id, project_id, kind, filename, content_type, size, self.part_size)
        self.uploads[upload_id] = upload
        path = f"/{BUCKET}/uploads/{filename}"
        urls = [
            self._signed("PUT", path, {"partNumber": str(number), "uploadId": upload_id})
            for number in range(1, upload.part_count + 1)
        ]
        return upload, urls

    def complete(
        self,
        upload_id: str,
        filename: str,
        parts: Any,
        project_id: str,
        kinds: tuple[str, ...],
    ) -> tuple[Upload, bytes]:
        """Check a completion request against the stored parts; return the whole file.

        Every part must be listed once with the ETag it was answered (quotes optional)
        and the file must be complete. Raise a 404 error for an unknown or finished
        upload and a 400 error for a wrong part list.
        """
        upload = self.uploads.get(upload_id)
        if upload is None or upload.completed or upload.project_id != project_id:
            raise FakeAPIError(404, "UPLOAD_NOT_FOUND", f"No open upload {upload_id!r}")
        if upload.filename != filename:
            raise FakeAPIError(400, "INVALID_UPLOAD", "filename does not match the upload")
        if upload.kind not in kinds:
            raise FakeAPIError(
                400, "INVALID_UPLOAD", f"the upload is of type {upload.kind!r}, not {kinds[0]!r}"
            )
        if not isinstance(parts, list) or not parts:
            raise FakeAPIError(406, "MISSING_PARAMETERS", "parts must list every part")
        seen: dict[int, str] = {}
        for item in parts:
            if not isinstance(item, dict) or not isinstance(item.get("etag"), str):
                raise FakeAPIError(400, "INVALID_UPLOAD", "each part needs partNumber and etag")
            number = item.get("partNumber")
            if isinstance(number, bool) or not isinstance(number, int | float):
                raise FakeAPIError(400, "INVALID_UPLOAD", "partNumber must be a number")
            seen[int(number)] = item["etag"].strip('"')
        expected = list(range(1, upload.part_count + 1))
        if sorted(seen) != expected or len(seen) != len(parts):
            raise FakeAPIError(
                400, "INVALID_UPLOAD", f"parts must be 1 to {upload.part_count}, each once"
            )
        for number in expected:
            if number not in upload.etags:
                raise FakeAPIError(400, "INVALID_UPLOAD", f"part {number} was never uploaded")
            if upload.etags[number] != seen[number]:
                raise FakeAPIError(400, "INVALID_UPLOAD", f"part {number} has another ETag")
        data = b"".join(upload.parts[number] for number in expected)
        upload.completed = True
        upload.parts.clear()
        return upload, data

    # Downloads ----------------------------------------------------------------------

    def download_url(self, filename: str) -> str:
        """Return a signed, expiring URL that serves the stored file ``filename``."""
        return self._signed("GET", f"/{BUCKET}/files/{filename}", {})

    def object_size(self, filename: str) -> int | None:
        """Return the size of the file ``filename``, or ``None`` if there is none."""
        state = self.fake.state
        stored = state.file_contents.get(filename)
        if stored is not None:
            return len(stored)
        try:
            record, is_sd = state.media_file_by_filename(filename)
        except FakeAPIError:
            return None
        size = int(record["fileSizeSD" if is_sd else "fileSize"])
        return size if size > 0 else None

    def object_bytes(self, filename: str) -> bytes:
        """Return the whole content of the file ``filename`` (for tests to compare).

        Raise ``KeyError`` if there is no such file.
        """
        stored = self.fake.state.file_contents.get(filename)
        if stored is not None:
            return stored
        size = self.object_size(filename)
        if size is None:
            raise KeyError(filename)
        return b"".join(generated_bytes(filename, 0, size))

    # HTTP ---------------------------------------------------------------------------

    def create_app(self) -> web.Application:
        """Return the aiohttp application that serves the fake S3."""
        app = web.Application(client_max_size=self.part_size + (1 << 20))
        app.router.add_put(f"/{BUCKET}/uploads/{{filename}}", self._put_part)
        app.router.add_get(f"/{BUCKET}/files/{{filename}}", self._get_object)
        app.router.add_route("*", "/{tail:.*}", self._unknown)
        return app

    def _record(self, request: web.Request, route: str | None, size: int) -> None:
        if route is not None:
            self.fake.counters.requests[route] += 1
        if not self.fake.log_requests:
            return
        self.fake.requests.append(
            RecordedRequest(
                origin="s3",
                method=request.method,
                path=request.path,
                query=tuple(request.query.items()),
                headers=tuple(request.headers.items()),
                body=b"",
                body_size=size,
                route=route,
            )
        )

    async def _unknown(self, request: web.Request) -> web.Response:
        await request.read()
        self._record(request, None, 0)
        return _s3_error(404, "NoSuchKey", "The specified key does not exist.")

    async def _faults(self, request: web.Request, route: str) -> tuple[Any, web.Response | None]:
        plan = self.fake.faults.plan(route, request.path)
        if plan.delay:
            await self.fake.faults.sleep(plan.delay)
        if plan.faulty:
            self.fake.counters.faults[route] += 1
            self.fake.counters.fault_kinds[plan.kind or ""] += 1
        return plan, reply_before(request, plan, _error_page)

    async def _put_part(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        self._record(request, S3_PART_ROUTE, len(body))
        plan, early = await self._faults(request, S3_PART_ROUTE)
        if early is not None:
            return early
        upload_id = request.query.get("uploadId", "")
        number_text = request.query.get("partNumber", "")
        problem = self._check_signature(
            request, "PUT", {"partNumber": number_text, "uploadId": upload_id}
        )
        headers = request.headers
        if not problem:
            for name in ("x-api-key", "Authorization", "Content-Type", "Content-MD5"):
                if name in headers:
                    problem = f"The URL is not signed for a {name} header."
        if not problem and "chunked" in headers.get("Transfer-Encoding", "").lower():
            problem = "Chunked transfer encoding is not signed; send a Content-Length."
        if not problem and "Content-Length" not in headers:
            problem = "The request has no Content-Length."
        upload = self.uploads.get(upload_id)
        if problem:
            return _s3_error(403, "SignatureDoesNotMatch", problem)
        if upload is None or upload.completed:
            return _s3_error(404, "NoSuchUpload", "The specified upload does not exist.")
        number = int(number_text) if number_text.isdigit() else 0
        if not 1 <= number <= upload.part_count:
            return _s3_error(400, "InvalidArgument", "partNumber is out of range.")
        if len(body) != upload.part_length(number):
            return _s3_error(
                403,
                "SignatureDoesNotMatch",
                f"Part {number} must be {upload.part_length(number)} bytes, not {len(body)}.",
            )
        etag = hashlib.md5(body).hexdigest()
        if number in upload.parts:
            self.fake.counters.uploaded_bytes[upload_id] -= len(upload.parts[number])
        upload.parts[number] = body
        upload.etags[number] = etag
        self.fake.counters.uploaded_bytes[upload_id] += len(body)
        self.fake.counters.effects[S3_PART_ROUTE] += 1
        response = web.Response(status=200, headers={"ETag": f'"{etag}"'})
        if plan.drop_during:
            return await self._drop_during(request, response)
        return response

    async def _drop_during(
        self, request: web.Request, response: web.StreamResponse
    ) -> web.StreamResponse:
        response.content_length = 64
        await response.prepare(request)
        await response.write(b"partial")
        if request.transport is not None:
            request.transport.abort()
        return response

    async def _get_object(self, request: web.Request) -> web.StreamResponse:
        self._record(request, S3_OBJECT_ROUTE, 0)
        plan, early = await self._faults(request, S3_OBJECT_ROUTE)
        if early is not None:
            return early
        filename = request.match_info["filename"]
        problem = self._check_signature(request, "GET", {})
        if not problem and ("x-api-key" in request.headers or "Authorization" in request.headers):
            problem = "The URL is signed; the request must carry no x-api-key or Authorization."
        if problem:
            return _s3_error(403, "SignatureDoesNotMatch", problem)
        size = self.object_size(filename)
        if size is None:
            return _s3_error(404, "NoSuchKey", "The specified key does not exist.")
        start, stop = 0, size
        status = 200
        headers = {"Accept-Ranges": "bytes", "Content-Type": _content_type(filename)}
        wanted = request.headers.get("Range")
        if wanted:
            span = _parse_range(wanted, size)
            if span is None:
                return web.Response(
                    status=416,
                    body=_xml_error("InvalidRange", "The requested range is not satisfiable"),
                    headers={
                        "Content-Range": f"bytes */{size}",
                        "Content-Type": "application/xml",
                    },
                )
            start, stop = span
            status = 206
            headers["Content-Range"] = f"bytes {start}-{stop - 1}/{size}"
        response = web.StreamResponse(status=status, headers=headers)
        response.content_length = stop - start
        await response.prepare(request)
        if request.method == "HEAD":
            return response
        limit = start + (stop - start) // 2 if plan.drop_during else stop
        stored = self.fake.state.file_contents.get(filename)
        chunks = (
            [stored[start:limit]]
            if stored is not None
            else generated_bytes(filename, start, limit)
        )
        for chunk in chunks:
            await response.write(chunk)
            self.fake.counters.downloaded_bytes[filename] += len(chunk)
        if plan.drop_during and request.transport is not None:
            request.transport.abort()
            return response
        await response.write_eof()
        return response


def _content_type(filename: str) -> str:
    if filename.endswith(".mov"):
        return "video/quicktime"
    if filename.endswith(".mp4"):
        return "video/mp4"
    return "application/octet-stream"


def _parse_range(header: str, size: int) -> tuple[int, int] | None:
    """Return ``(start, stop)`` for one ``bytes=`` range of a ``size``-byte file, or
    ``None`` when it cannot be satisfied."""
    match = _RANGE.match(header.strip())
    if match is None:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:
        length = int(last)
        if length == 0:
            return None
        return max(0, size - length), size
    start = int(first)
    stop = min(int(last) + 1, size) if last else size
    if start >= size or stop <= start:
        return None
    return start, stop
