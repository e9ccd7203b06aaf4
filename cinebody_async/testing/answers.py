"""Serving a fault plan: error replies, HTML pages, dropped and cut-off answers.

Shared by the API and the fake S3, which differ only in the error body they send
(:data:`ErrorPage` renders it for a status).
"""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus

import orjson
from aiohttp import web

from cinebody_async.testing.faults import Plan, Reply

__all__ = ["ErrorPage", "drop_connection", "html_page", "reply_after", "reply_before"]

ErrorPage = Callable[[int], tuple[bytes, str]]
"""Render the usual error body of a status: ``(body, content type)``."""

_HTML = (
    "<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n"
    "<center><h1>{status} {reason}</h1></center>\r\n</body>\r\n</html>\r\n"
)


def html_page(status: int) -> bytes:
    """Return a proxy's HTML error page for ``status``."""
    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = "Error"
    return _HTML.format(status=status, reason=reason).encode()


def drop_connection(request: web.Request) -> web.HTTPException:
    """Abort the request's connection at once and return an exception to raise after it
    (aiohttp writes nothing more on an aborted connection)."""
    if request.transport is not None:
        request.transport.abort()
    return web.HTTPServiceUnavailable()


def _reply(reply: Reply, error_page: ErrorPage) -> web.Response:
    headers = dict(reply.headers)
    body = reply.body
    if body is None:
        data, content_type = error_page(reply.status)
    elif isinstance(body, bytes):
        data, content_type = body, "application/octet-stream"
    elif isinstance(body, str):
        data, content_type = body.encode(), "text/plain"
    else:
        data, content_type = orjson.dumps(body), "application/json"
    headers.setdefault("Content-Type", content_type)
    return web.Response(status=reply.status, body=data, headers=headers)


def reply_before(request: web.Request, plan: Plan, error_page: ErrorPage) -> web.Response | None:
    """Return the answer that replaces the handler's, if the plan has one.

    Raise after aborting the connection when the plan drops it before answering.
    """
    if plan.reply is not None:
        return _reply(plan.reply, error_page)
    if plan.html_status is not None:
        return web.Response(
            status=plan.html_status, body=html_page(plan.html_status), content_type="text/html"
        )
    if plan.drop_before:
        raise drop_connection(request)
    return None


async def reply_after(
    request: web.Request, plan: Plan, status: int, body: bytes, content_type: str
) -> web.StreamResponse:
    """Return the handler's answer, cut short when the plan says so.

    ``truncate`` sends the first half of ``body`` as a complete answer; ``drop_during``
    announces the full length, sends half, and aborts the connection.
    """
    if plan.truncate:
        return web.Response(status=status, body=body[: len(body) // 2], content_type=content_type)
    if plan.drop_during:
        response = web.StreamResponse(status=status)
        response.content_type = content_type
        response.content_length = len(body)
        await response.prepare(request)
        await response.write(body[: len(body) // 2])
        if request.transport is not None:
            request.transport.abort()
        return response
    return web.Response(status=status, body=body, content_type=content_type)
