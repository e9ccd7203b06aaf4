"""The base of the resource namespaces: sending, reading bodies, building pagers.

Every public method of a resource performs one API operation and is marked with
:func:`operation`, which records the operation's method and path; the SDK's tests check
that every operation of the API has a method, and the README's table is built from the
marks.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import aiohttp

from cinebody_async._convert import structure, structure_many
from cinebody_async._pagination import ListOperation, Pager
from cinebody_async.errors import InvalidResponseError
from cinebody_async.models import Model
from cinebody_async.resources import _params as p

if TYPE_CHECKING:
    from cinebody_async._client import CinebodyClient

__all__ = ["API", "Resource", "answer_error", "operation", "operation_of"]

F = TypeVar("F", bound=Callable[..., Any])
M = TypeVar("M", bound=Model)
T = TypeVar("T")

API = "/app/3.0"
"""The prefix of every API path."""


def operation(method: str, path: str) -> Callable[[F], F]:
    """Mark a resource method as the one that performs ``method`` ``path`` of the API.

    ``path`` is the spec's template, such as ``/app/3.0/projects/{projectId}``.
    """

    def mark(func: F) -> F:
        func.__cinebody_operation__ = (method.upper(), path)  # type: ignore[attr-defined]
        return func

    return mark


def operation_of(func: Callable[..., Any]) -> tuple[str, str] | None:
    """Return the ``(method, path)`` a resource method was marked with, or ``None``."""
    mark: tuple[str, str] | None = getattr(func, "__cinebody_operation__", None)
    return mark


class Resource:
    """One area of the API (projects, teams, ...), bound to the client that sends for it."""

    __slots__ = ("_client",)

    def __init__(self, client: CinebodyClient) -> None:
        self._client = client

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"

    async def _send(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, object] | None = None,
        json: object = None,
        data: Any = None,
    ) -> Any:
        """Send one request through the client and return the decoded body."""
        return await self._client.request(method, path, params=params, json=json, data=data)

    async def _delete(self, path: str, operation: str) -> None:
        """Send the DELETE of ``path`` (the operation ``operation``, such as
        ``"DELETE projects/{id}"``) and check its answer.

        A ``None`` body is success: the client answers it for a DELETE that found
        nothing to delete after an earlier attempt may have deleted it.

        Raises:
            InvalidResponseError: when the answer's ``status`` is not ``"success"``.
        """
        answer = await self._send("DELETE", path)

        if isinstance(answer, dict) and answer.get("status", "success") != "success":
            raise answer_error(operation, "the answer's status is not 'success'", answer)

    async def _put_image(
        self, path: str, image: bytes, filename: str, content_type: str | None
    ) -> None:
        """PUT an image file to ``path`` as the API's image form: the file in the field
        ``fileName``, under ``filename``, of type ``content_type`` (by default guessed
        from ``filename``, ``application/octet-stream`` when it cannot be).

        The form is built afresh for every attempt, so that a retried request sends it
        again.

        Raises:
            ParameterError: for an image that is not bytes or is empty, or an empty file
                name or content type; nothing is sent.
        """
        data = p.image_bytes("image", image)
        name = p.required("filename", p.text("filename", filename))
        kind = (
            p.text("content_type", content_type)
            or mimetypes.guess_type(name)[0]
            or "application/octet-stream"
        )

        def form() -> aiohttp.FormData:
            built = aiohttp.FormData()
            built.add_field("fileName", data, filename=name, content_type=kind)
            return built

        await self._send("PUT", path, data=form)

    @staticmethod
    def _read(model: type[M], body: Any, operation: str, key: str, *alternatives: str) -> M:
        """Return the model under ``key`` (or the first of ``alternatives`` present).

        Raises:
            InvalidResponseError: when the body holds none of the keys.
        """
        value = _first_key(body, (key, *alternatives))
        if value is None:
            raise _missing(operation, (key, *alternatives), body)
        return structure(model, value)

    @staticmethod
    def _read_list(
        model: type[M], body: Any, operation: str, key: str, *alternatives: str
    ) -> list[M]:
        """Return the list of models under ``key`` (or the first alternative present)."""
        value = _first_key(body, (key, *alternatives))
        if value is None:
            raise _missing(operation, (key, *alternatives), body)
        return structure_many(model, value)

    @staticmethod
    def _read_value(body: Any, operation: str, key: str, kind: type[T]) -> T:
        """Return the value of type ``kind`` under ``key`` of an answer, such as a
        ``str`` join code or a ``bool`` flag.

        Raises:
            InvalidResponseError: when the body holds no value of that type there.
        """
        value = body.get(key) if isinstance(body, dict) else None
        if not isinstance(value, kind):
            raise answer_error(operation, f"the answer has no {kind.__name__} under {key!r}", body)
        return value

    def _pager(
        self,
        model: type[M],
        path: str,
        keys: Sequence[str],
        params: Mapping[str, object] | None = None,
        *,
        has_count: bool = True,
        limit: int | None = None,
        max_items: int | None = None,
        read_ahead: int | None = None,
    ) -> Pager[M]:
        """Return a pager over a list operation whose items are ``model`` objects."""
        operation: ListOperation[M] = ListOperation(
            path=path,
            item_keys=tuple(keys),
            parse=lambda items: structure_many(model, items),
            params={key: value for key, value in (params or {}).items() if value is not None},
            has_count=has_count,
        )
        options: dict[str, Any] = {"limit": limit, "max_items": max_items}
        if read_ahead is not None:
            options["read_ahead"] = read_ahead
        return Pager(
            lambda page_path, page_params: self._send("GET", page_path, params=page_params),
            operation,
            **options,
        )


def _first_key(body: Any, keys: Sequence[str]) -> Any:
    if isinstance(body, dict):
        for key in keys:
            value = body.get(key)
            if value is not None:
                return value
    return None


def _missing(operation: str, keys: Sequence[str], body: Any) -> InvalidResponseError:
    wanted = " or ".join(repr(key) for key in keys)
    found = sorted(body) if isinstance(body, dict) else type(body).__name__
    return answer_error(operation, f"the answer has no {wanted} (it has {found})", body)


def answer_error(operation: str, problem: str, body: Any) -> InvalidResponseError:
    """Return the error of a successful answer of ``operation`` (its method and path,
    such as ``"GET projects/{id}"``) whose body is not what the operation promises:
    the message is ``"{operation}: {problem}"``."""
    method, _, path = operation.partition(" ")
    msg = f"{operation}: {problem}"
    return InvalidResponseError(msg, method=method, url=path, status=200, body=repr(body)[:200])
