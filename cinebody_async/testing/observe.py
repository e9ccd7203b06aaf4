"""What the fake saw: the log of requests received and counters per route."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["Counters", "RecordedRequest"]


@dataclass(frozen=True)
class RecordedRequest:
    """One request received by the API (``origin="api"``) or the fake S3 (``"s3"``).

    ``route`` is the matched route's name (``"GET /projects/{projectId}/clips"``),
    or ``None`` when no route matched. ``query`` and ``headers`` keep every pair in
    order, repeated keys included. ``body`` is the raw body of API requests; S3 part
    bodies are not kept (their length is in ``body_size``).
    """

    origin: Literal["api", "s3"]
    method: str
    path: str
    query: tuple[tuple[str, str], ...]
    headers: tuple[tuple[str, str], ...]
    body: bytes
    body_size: int
    route: str | None

    def query_values(self, name: str) -> list[str]:
        """Return every value of the query parameter ``name``, in order."""
        return [value for key, value in self.query if key == name]

    def header(self, name: str) -> str | None:
        """Return the first value of the header ``name`` (case-insensitive), or ``None``."""
        wanted = name.lower()
        for key, value in self.headers:
            if key.lower() == wanted:
                return value
        return None


@dataclass
class Counters:
    """Counts per route name: ``requests`` received, ``faults`` served (rate limits,
    injected errors, drops, truncations, scripted answers), and ``effects``: changes
    applied to the state (successful create, update, delete, upload and image calls),
    so a test can prove a request was applied once. ``fault_kinds`` counts faults by
    kind (``"rate_limit"``, ``"error"``, ``"html"``, ``"drop_before"``,
    ``"drop_during"``, ``"truncate"``, ``"script"``); ``uploaded_bytes`` the bytes
    stored per upload id; ``downloaded_bytes`` the bytes served per file name.
    """

    requests: Counter[str] = field(default_factory=Counter)
    faults: Counter[str] = field(default_factory=Counter)
    effects: Counter[str] = field(default_factory=Counter)
    fault_kinds: Counter[str] = field(default_factory=Counter)
    uploaded_bytes: Counter[str] = field(default_factory=Counter)
    downloaded_bytes: Counter[str] = field(default_factory=Counter)

    def reset(self) -> None:
        """Set every counter back to zero."""
        for counter in (
            self.requests,
            self.faults,
            self.effects,
            self.fault_kinds,
            self.uploaded_bytes,
            self.downloaded_bytes,
        ):
            counter.clear()
