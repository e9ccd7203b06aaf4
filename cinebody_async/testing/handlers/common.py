"""What every handler module shares: sorting, paging and the plain success body."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from cinebody_async.testing.routing import ApiCall

__all__ = ["SUCCESS", "page_of", "sort_records", "text_matches"]

SUCCESS: dict[str, Any] = {"status": "success"}


def sort_records(
    records: Iterable[dict[str, Any]], field: str | None, order: str | None
) -> list[dict[str, Any]]:
    """Return ``records`` sorted by ``field`` (``None`` values last), then by id.

    Without a ``field`` the creation order is kept; ``order`` ``"desc"`` reverses.
    """
    items = list(records)
    if field is not None:

        def key(record: dict[str, Any]) -> tuple[bool, Any, str]:
            value = record.get(field)
            if isinstance(value, str):
                value = value.lower()
            return (value is None, value if value is not None else "", str(record["id"]))

        items.sort(key=key)
    if order == "desc":
        items.reverse()
    return items


def page_of(
    call: ApiCall,
    items: Sequence[dict[str, Any]],
    render: Callable[[dict[str, Any]], dict[str, Any]],
) -> list[dict[str, Any]]:
    """Return the requested page of ``items`` (``page``/``limit``), each rendered."""
    page, limit = call.page()
    start = page * limit
    return [render(item) for item in items[start : start + limit]]


def text_matches(query: str | None, *values: str | None) -> bool:
    """Return whether ``query`` (case-insensitive) is in any of ``values``; true if no query."""
    if not query:
        return True
    wanted = query.lower()
    return any(value and wanted in value.lower() for value in values)
