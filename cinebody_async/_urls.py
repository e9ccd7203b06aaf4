"""Building request paths and query strings safely.

Ids go into paths percent-quoted, so an id holding ``/``, ``?`` or ``#`` stays one path
segment; ids that quoting cannot make safe (empty, ``.``, ``..``) are refused. Query
values are flattened the way the API reads them: arrays as repeated keys, booleans as
``true``/``false``, enums by value, datetimes as ISO 8601 in UTC; ``None`` is dropped.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from urllib.parse import quote

from cinebody_async.errors import ParameterError

__all__ = ["QueryPairs", "encode_query", "format_datetime", "path_segment"]

QueryPairs = list[tuple[str, str]]

_UNSAFE_IDS = frozenset({"", ".", ".."})


def path_segment(name: str, value: str) -> str:
    """Return ``value`` percent-quoted for use as one path segment.

    ``name`` is the parameter the value came from, used in the error.

    Raises:
        ParameterError: when ``value`` is not a string, or is empty, ``.`` or ``..``
            (quoting leaves dots alone, and URL normalisation would climb the path).
    """
    if not isinstance(value, str):
        msg = f"must be a string id, not {type(value).__name__}"
        raise ParameterError(name, msg)
    if value.strip() in _UNSAFE_IDS:
        msg = "must not be empty" if not value.strip() else f"{value!r} is not a valid id"
        raise ParameterError(name, msg)
    return quote(value, safe="")


def format_datetime(name: str, value: dt.datetime) -> str:
    """Return an aware ``value`` as ISO 8601 in UTC with a ``Z`` suffix.

    Raises:
        ParameterError: for a naive datetime, whose moment cannot be known.
    """
    if value.tzinfo is None or value.utcoffset() is None:
        msg = "is a naive datetime; give it a timezone (e.g. datetime.now(timezone.utc))"
        raise ParameterError(name, msg)
    text = value.astimezone(dt.UTC).isoformat(timespec="milliseconds")
    return text.replace("+00:00", "Z")


def encode_query(params: Mapping[str, object] | None) -> QueryPairs:
    """Flatten ``params`` into ordered ``(key, value)`` pairs.

    Lists, tuples, sets and frozensets repeat the key once per value; ``None`` values
    (also inside sequences) are dropped.

    Raises:
        ParameterError: for a value of a type the query cannot carry, or a naive
            datetime; the parameter is named.
    """
    pairs: QueryPairs = []
    if not params:
        return pairs

    for key, value in params.items():
        if value is None:
            continue
        if isinstance(value, list | tuple | set | frozenset):
            pairs.extend((key, _scalar(key, item)) for item in value if item is not None)
        else:
            pairs.append((key, _scalar(key, value)))
    return pairs


def _scalar(key: str, value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return _scalar(key, value.value)
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dt.datetime):
        return format_datetime(key, value)
    if isinstance(value, dt.date):
        return value.isoformat()
    msg = f"cannot be sent in a query: {type(value).__name__} is not a string, number, "
    msg += "boolean, enum, datetime or a sequence of those"
    raise ParameterError(key, msg)
