"""Routes of the fake API and the request object its handlers read parameters from.

A handler is a plain function ``handler(call) -> dict``: it reads the path, query and
body through :class:`ApiCall`, changes the state, and returns the response payload
(the application adds ``apiVersion``). The parameter readers raise the API's errors: a 406
for a missing required parameter and a 400 for a value of the wrong kind.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from multidict import MultiMapping

from cinebody_async.testing.errors import bad_value, missing_parameter
from cinebody_async.testing.state import FakeState

if TYPE_CHECKING:
    from cinebody_async.testing.s3 import FakeS3

__all__ = ["API_PREFIX", "ApiCall", "Handler", "Route", "route_key"]

API_PREFIX = "/app/3.0"

Handler = Callable[["ApiCall"], dict[str, Any]]


def route_key(method: str, template: str) -> str:
    """Return the name of a route, such as ``"GET /projects/{projectId}/clips"``."""
    if template.startswith(API_PREFIX):
        template = template[len(API_PREFIX) :]
    return f"{method.upper()} {template}"


@dataclass(frozen=True)
class Route:
    """One operation: ``method`` and path ``template`` (below ``/app/3.0``), its handler.

    ``versioned`` is ``False`` for the one operation whose body has no ``apiVersion``;
    ``multipart`` marks the image uploads, whose body is form data; ``effect`` says
    whether a success changes the state (by default, every method but GET).
    """

    method: str
    template: str
    handler: Handler
    versioned: bool = True
    multipart: bool = False
    effect: bool | None = None

    @property
    def changes_state(self) -> bool:
        """Whether a successful call of this route changes the state."""
        return self.method != "GET" if self.effect is None else self.effect

    @property
    def key(self) -> str:
        """The route's name, as counters and fault settings spell it."""
        return route_key(self.method, self.template)


@dataclass
class ApiCall:
    """What a handler gets: the state, path values, query, decoded body and services."""

    state: FakeState
    route: Route
    match: Mapping[str, str]
    query: MultiMapping[str]
    body: Any = None
    form: dict[str, bytes] = field(default_factory=dict)
    s3: FakeS3 | None = None
    max_limit: int | None = None

    # Path and query -----------------------------------------------------------------

    def path(self, name: str) -> str:
        """Return the path parameter ``name``."""
        return self.match[name]

    def text(self, name: str, required: bool = False) -> str | None:
        """Return the query parameter ``name`` (its last value), or ``None`` if absent.

        Raise a 406 error if ``required`` and it is absent or empty.
        """
        values = self.query.getall(name, [])
        if not values or values[-1] == "":
            if required:
                raise missing_parameter(name)
            return None
        return values[-1]

    def required_text(self, name: str) -> str:
        """Return the query parameter ``name``; raise a 406 error if it is absent."""
        value = self.text(name)
        if value is None:
            raise missing_parameter(name)
        return value

    def strings(self, name: str) -> list[str]:
        """Return every value of the repeated query parameter ``name`` (``a=1&a=2``)."""
        return [value for value in self.query.getall(name, []) if value != ""]

    def choice(self, name: str, allowed: Collection[str]) -> str | None:
        """Return the query parameter ``name`` if it is one of ``allowed``; else a 400."""
        value = self.text(name)
        if value is not None and value not in allowed:
            raise bad_value(name, f"{value!r} is not one of {', '.join(map(str, allowed))}")
        return value

    def boolean(self, name: str) -> bool | None:
        """Return the query parameter ``name`` as a boolean (``true``/``false``) or ``None``."""
        value = self.text(name)
        if value is None:
            return None
        if value not in ("true", "false"):
            raise bad_value(name, f"{value!r} is not true or false")
        return value == "true"

    def number(self, name: str, required: bool = False) -> float | None:
        """Return the query parameter ``name`` as a finite number, or ``None`` if absent."""
        value = self.text(name, required=required)
        if value is None:
            return None
        try:
            number = float(value)
        except ValueError:
            raise bad_value(name, f"{value!r} is not a number") from None
        if not math.isfinite(number):
            raise bad_value(name, f"{value!r} is not a finite number")
        return number

    def integer(self, name: str, default: int, minimum: int) -> int:
        """Return the query parameter ``name`` as an integer of at least ``minimum``."""
        value = self.text(name)
        if value is None:
            return default
        try:
            number = int(value)
        except ValueError:
            raise bad_value(name, f"{value!r} is not an integer") from None
        if number < minimum:
            raise bad_value(name, f"must be at least {minimum}")
        return number

    def page(self) -> tuple[int, int]:
        """Return ``(page, limit)``: the first page is 0 and the default limit 10."""
        page = self.integer("page", 0, 0)
        limit = self.integer("limit", 10, 1)
        if self.max_limit is not None:
            limit = min(limit, self.max_limit)
        return page, limit

    def attributes(self, allowed: Collection[str]) -> list[str] | None:
        """Return the requested ``attributes`` (each one of ``allowed``), or ``None``."""
        names = self.strings("attributes")
        for name in names:
            if name not in allowed:
                raise bad_value("attributes", f"{name!r} is not an attribute of this resource")
        return names or None

    # Body ---------------------------------------------------------------------------

    def fields(self) -> dict[str, Any]:
        """Return the JSON body as an object (an empty one when there was no body)."""
        if self.body is None:
            return {}
        if not isinstance(self.body, dict):
            raise bad_value("body", "must be a JSON object")
        return self.body

    def field(
        self,
        name: str,
        kind: type | tuple[type, ...] = str,
        required: bool = False,
        nullable: bool = False,
    ) -> Any:
        """Return the body field ``name`` after checking its JSON type.

        A missing ``required`` field is a 406 error; a value of another ``kind`` (or a
        ``null`` where not ``nullable``) is a 400 error.
        """
        body = self.fields()
        if name not in body:
            if required:
                raise missing_parameter(name)
            return None
        value = body[name]
        if value is None:
            if nullable or not required:
                return None
            raise missing_parameter(name)
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if isinstance(value, bool) and bool not in kinds:
            raise bad_value(name, "has the wrong type")
        if not isinstance(value, kinds):
            raise bad_value(name, "has the wrong type")
        if required and value == "":
            raise missing_parameter(name)
        return value

    def field_choice(self, name: str, allowed: Sequence[Any], required: bool = False) -> Any:
        """Return the body field ``name`` if it is one of ``allowed`` (400 otherwise)."""
        body = self.fields()
        if name not in body or body[name] is None:
            if required:
                raise missing_parameter(name)
            return None
        value = body[name]
        if isinstance(value, bool) or value not in allowed:
            raise bad_value(name, f"{value!r} is not one of {', '.join(map(str, allowed))}")
        return value
