"""The API's aiohttp application: routing, the request log, faults, auth and bodies.

Each request is logged and counted, then meets the fault plan, then the key check
(``x-api-key``; 403 when missing or wrong), then its handler. An unknown path or
method answers 404 with the API's JSON error body. Handler errors become the API's
error bodies; anything unexpected becomes a 500 ``SERVER_ERROR``.
"""

from __future__ import annotations

from email.parser import BytesParser
from email.policy import HTTP
from functools import partial
from typing import TYPE_CHECKING, Any

import orjson
from aiohttp import web

from cinebody_async._logging import logger
from cinebody_async.testing.answers import reply_after, reply_before
from cinebody_async.testing.errors import FakeAPIError, error_body
from cinebody_async.testing.handlers import ROUTES
from cinebody_async.testing.observe import RecordedRequest
from cinebody_async.testing.routing import API_PREFIX, ApiCall, Route

if TYPE_CHECKING:
    from cinebody_async.testing.server import FakeCinebody

__all__ = ["create_api_app"]

_STATUS_CODES = {
    400: "BAD_REQUEST",
    403: "APP_NOT_AUTHORIZED",
    404: "NOT_FOUND",
    406: "MISSING_PARAMETERS",
    410: "ENDPOINT_DEPRECATED",
    418: "I_AM_A_TEAPOT",
    420: "RATE_LIMITED",
    429: "RATE_LIMITED",
    500: "SERVER_ERROR",
    502: "BAD_GATEWAY",
    503: "SERVICE_UNAVAILABLE",
    504: "GATEWAY_TIMEOUT",
}


def _error_page(status: int) -> tuple[bytes, str]:
    code = _STATUS_CODES.get(status, "SERVER_ERROR" if status >= 500 else "ERROR")
    body = error_body(code, f"Injected {status} answer")
    if status == 418:
        body = {"isATeapot": True}
    return orjson.dumps(body), "application/json"


def _json(status: int, payload: Any) -> web.Response:
    return web.Response(status=status, body=orjson.dumps(payload), content_type="application/json")


def _error(error: FakeAPIError) -> web.Response:
    return _json(error.status, error.body())


def _form(content_type: str, body: bytes) -> dict[str, bytes]:
    """Return the fields of a multipart/form-data body by name (files as bytes)."""
    if not content_type.startswith("multipart/form-data"):
        return {}
    message = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body
    )
    fields: dict[str, bytes] = {}
    if not message.is_multipart():
        return fields
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if isinstance(name, str) and isinstance(payload, bytes):
            fields[name] = payload
    return fields


def create_api_app(fake: FakeCinebody) -> web.Application:
    """Return the aiohttp application serving the fake API of ``fake``."""
    app = web.Application(client_max_size=64 << 20)
    for route in ROUTES:
        app.router.add_route(
            route.method, API_PREFIX + route.template, partial(_serve, fake, route)
        )
    app.router.add_route("*", "/{tail:.*}", partial(_serve, fake, None))
    return app


async def _serve(
    fake: FakeCinebody, route: Route | None, request: web.Request
) -> web.StreamResponse:
    body = await request.read()
    key = route.key if route is not None else None
    if fake.log_requests:
        fake.requests.append(
            RecordedRequest(
                origin="api",
                method=request.method,
                path=request.path,
                query=tuple(request.query.items()),
                headers=tuple(request.headers.items()),
                body=body,
                body_size=len(body),
                route=key,
            )
        )
    if route is None or key is None:
        fake.counters.requests["unknown"] += 1
        return _error(
            FakeAPIError(404, "ROUTE_NOT_FOUND", f"No route {request.method} {request.path}")
        )
    fake.counters.requests[key] += 1

    plan = fake.faults.plan(key, request.path)
    if plan.delay:
        await fake.faults.sleep(plan.delay)
    if plan.faulty:
        fake.counters.faults[key] += 1
        fake.counters.fault_kinds[plan.kind or ""] += 1
    early = reply_before(request, plan, _error_page)
    if early is not None:
        return early

    try:
        payload = _handle(fake, route, request, body)
    except FakeAPIError as error:
        return _error(error)
    except Exception as error:
        logger.exception("fake API handler failed: %s %s", request.method, request.path)
        return _error(FakeAPIError(500, "SERVER_ERROR", f"{type(error).__name__}: {error}"))
    if route.changes_state:
        fake.counters.effects[key] += 1
    if route.versioned:
        payload = {"apiVersion": fake.api_version, **payload}
    return await reply_after(request, plan, 200, orjson.dumps(payload), "application/json")


def _handle(fake: FakeCinebody, route: Route, request: web.Request, body: bytes) -> dict[str, Any]:
    supplied = request.headers.get("x-api-key")
    if supplied is None:
        raise FakeAPIError(403, "APP_NOT_AUTHORIZED", "The x-api-key header is missing")
    if supplied != fake.api_key:
        raise FakeAPIError(403, "APP_NOT_AUTHORIZED", "The API key is not valid")
    call = ApiCall(
        state=fake.state,
        route=route,
        match=request.match_info,
        query=request.query,
        s3=fake.s3,
        max_limit=fake.max_limit,
    )
    if route.multipart:
        call.form = _form(request.headers.get("Content-Type", ""), body)
    elif body.strip():
        try:
            call.body = orjson.loads(body)
        except orjson.JSONDecodeError:
            raise FakeAPIError(400, "INVALID_JSON", "The body is not valid JSON") from None
    return route.handler(call)
