"""The base of the resource namespaces."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cinebody_async._client import CinebodyClient

__all__ = ["Resource"]


class Resource:
    """One area of the API (projects, teams, ...), bound to the client that sends for it."""

    __slots__ = ("_client",)

    def __init__(self, client: CinebodyClient) -> None:
        self._client = client
