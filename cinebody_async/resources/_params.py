"""Checking a resource method's arguments before anything is sent.

Each function takes the parameter's Python name, so that the
:class:`~cinebody_async.errors.ParameterError` it raises names what the caller wrote,
and returns the value in the form the request needs.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from typing import Any, Final, TypeVar

from cinebody_async._urls import format_datetime, path_segment
from cinebody_async.errors import ParameterError

__all__ = [
    "CLEAR",
    "Clear",
    "aware_datetime",
    "compact",
    "either",
    "ensure_sequence",
    "enum_value",
    "enum_values",
    "flag",
    "id_list",
    "image_bytes",
    "nullable",
    "number_enum_value",
    "path",
    "positive_int",
    "require_changes",
    "required",
    "text",
]

E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")


class Clear(enum.Enum):
    """The type of :data:`CLEAR`."""

    CLEAR = "CLEAR"

    def __repr__(self) -> str:
        return "CLEAR"


CLEAR: Final = Clear.CLEAR
"""Pass to an update method's nullable field to set it to ``null`` (``None`` there
means "leave unchanged")."""


def path(template: str, **ids: str) -> str:
    """Return ``template`` with each ``{name}`` replaced by the quoted id of that name.

    Raises:
        ParameterError: for an id that is empty, ``.`` or ``..``, or not a string.
    """
    return template.format(**{name: path_segment(name, value) for name, value in ids.items()})


def required(name: str, value: T | None) -> T:
    """Return the value of a parameter the call cannot do without, refusing ``None``.

    It takes the value as another check returned it, such as
    ``required("title", text("title", title))``.

    Raises:
        ParameterError: naming ``name`` when ``value`` is ``None``.
    """
    if value is None:
        msg = "is required"
        raise ParameterError(name, msg)
    return value


def text(name: str, value: str | None) -> str | None:
    """Return a string argument, refusing an empty or blank one (``None`` passes).

    Raises:
        ParameterError: for a blank string or a value that is not a string.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        msg = f"must be a string, not {type(value).__name__}"
        raise ParameterError(name, msg)
    if not value.strip():
        msg = "must not be empty"
        raise ParameterError(name, msg)
    return value


def nullable(name: str, value: str | Clear | None) -> str | Clear | None:
    """Like :func:`text`, but let :data:`CLEAR` through for the caller to send ``null``."""
    return value if value is CLEAR else text(name, value)


def flag(name: str, value: bool | None) -> bool | None:
    """Return a boolean argument, refusing other types (``None`` passes).

    Raises:
        ParameterError: for a value that is not a bool (``1`` and ``"true"`` included).
    """
    if value is not None and not isinstance(value, bool):
        msg = f"must be True or False, not {value!r}"
        raise ParameterError(name, msg)
    return value


def positive_int(name: str, value: int | None, *, minimum: int = 1) -> int | None:
    """Return an integer argument of at least ``minimum`` (``None`` passes).

    Raises:
        ParameterError: for a bool, a non-integer or a value below ``minimum``.
    """
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        msg = f"must be an integer of at least {minimum}, not {value!r}"
        raise ParameterError(name, msg)
    return value


def enum_value(name: str, value: E | str | None, enum_cls: type[E]) -> E | None:
    """Return ``value`` as a member of ``enum_cls``; the enum's string value is accepted.

    A member read from the API that this SDK does not know yet is passed on as it is.

    Raises:
        ParameterError: for a string that is not one of the enum's values, naming them.
    """
    if value is None or isinstance(value, enum_cls):
        return value
    try:
        return enum_cls(value)
    except ValueError:
        raise _not_a_member(name, value, enum_cls) from None


def number_enum_value(name: str, value: E | float | None, enum_cls: type[E]) -> E | None:
    """Return ``value`` as a member of the numeric enum ``enum_cls`` (such as
    :class:`~cinebody_async.models.MediaFileFps`); the member's number is accepted.

    A member read from the API that this SDK does not know yet is passed on as it is.

    Raises:
        ParameterError: for a value that is not one of the enum's numbers, naming them;
            a string (``"30"``) and a bool are refused too.
    """
    if value is None or isinstance(value, enum_cls):
        return value
    if not isinstance(value, bool) and isinstance(value, int | float):
        try:
            return enum_cls(value)
        except ValueError:
            pass
    raise _not_a_member(name, value, enum_cls)


def _not_a_member(name: str, value: object, enum_cls: type[enum.Enum]) -> ParameterError:
    allowed = ", ".join(repr(member.value) for member in enum_cls)
    return ParameterError(name, f"must be one of {allowed}, not {value!r}")


def enum_values(name: str, values: Iterable[E | str] | None, enum_cls: type[E]) -> list[E] | None:
    """Return a sequence argument of enum members (or their strings) as a list.

    ``None`` passes; an empty sequence is refused, as is a bare string (which would
    otherwise be read letter by letter).

    Raises:
        ParameterError: for a bare string, an empty sequence or an unknown value.
    """
    if values is None:
        return None
    items = _sequence(name, values)
    return [enum_value(name, item, enum_cls) for item in items]  # type: ignore[misc]


def id_list(name: str, values: Iterable[str] | None) -> list[str] | None:
    """Return a sequence of ids as a list, refusing a bare string and empty ids.

    Raises:
        ParameterError: for a bare string, an empty sequence, or an empty id.
    """
    if values is None:
        return None
    items = _sequence(name, values)
    for item in items:
        if not isinstance(item, str) or not item.strip():
            msg = f"must hold non-empty string ids, not {item!r}"
            raise ParameterError(name, msg)
    return items


def image_bytes(name: str, value: bytes) -> bytes:
    """Return an image file's content as ``bytes`` (a ``bytearray`` or ``memoryview``
    is copied).

    Raises:
        ParameterError: for a value that is not bytes, or an empty image.
    """
    if not isinstance(value, bytes | bytearray | memoryview):
        msg = f"must be the image's bytes, not {type(value).__name__}"
        raise ParameterError(name, msg)
    if not len(value):
        msg = "must not be empty"
        raise ParameterError(name, msg)
    return bytes(value)


def _sequence(name: str, values: Iterable[Any]) -> list[Any]:
    if isinstance(values, str | bytes):
        msg = f"must be a sequence of values, not the string {values!r}"
        raise ParameterError(name, msg)
    items = list(values)
    if not items:
        msg = "must not be empty; leave it out (None) to not filter"
        raise ParameterError(name, msg)
    return items


def aware_datetime(name: str, value: dt.datetime | None) -> str | None:
    """Return an aware datetime as the API's ISO 8601 UTC text (``None`` passes).

    Raises:
        ParameterError: for a naive datetime or a value that is not a datetime.
    """
    if value is None:
        return None
    if not isinstance(value, dt.datetime):
        msg = f"must be a datetime, not {type(value).__name__}"
        raise ParameterError(name, msg)
    return format_datetime(name, value)


def either(first: tuple[str, object], second: tuple[str, object]) -> None:
    """Require exactly one of two arguments, given as ``(name, value)`` pairs.

    Raises:
        ParameterError: naming both when neither or both are given.
    """
    (first_name, first_value), (second_name, second_value) = first, second
    given = (first_value is not None) + (second_value is not None)
    if given != 1:
        problem = "neither was given" if given == 0 else "both were given"
        msg = f"give exactly one of the two; {problem}"
        raise ParameterError(f"{first_name}/{second_name}", msg)


def compact(**fields: object) -> dict[str, Any]:
    """Return the JSON body of ``fields`` (wire names), leaving out ``None`` and sending
    ``null`` for :data:`CLEAR`."""
    return {
        key: (None if value is CLEAR else value)
        for key, value in fields.items()
        if value is not None
    }


def require_changes(body: dict[str, Any], method: str) -> dict[str, Any]:
    """Refuse an update that would change nothing.

    Raises:
        ParameterError: when ``body`` is empty.
    """
    if not body:
        msg = "give at least one field to change"
        raise ParameterError(method, msg)
    return body


def ensure_sequence(name: str, values: Sequence[Any]) -> list[Any]:
    """Return a non-empty sequence argument as a list, refusing a bare string.

    Raises:
        ParameterError: for a bare string (or bytes) or an empty sequence.
    """
    return _sequence(name, values)
