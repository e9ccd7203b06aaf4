"""The errors the fake API answers with, and the exception that carries them.

A handler or a state method raises :class:`FakeAPIError`; the application turns it
into the API's error body ``{"status": "failure", "code", "reason",
"friendlyReason"}`` with its HTTP status.
"""

from __future__ import annotations

from typing import Any

from cinebody_async.errors import CinebodyError

__all__ = [
    "FRIENDLY_REASON",
    "FakeAPIError",
    "bad_value",
    "error_body",
    "missing_parameter",
    "not_found",
]

FRIENDLY_REASON = "Sorry, something went wrong. Please try again later."


class FakeAPIError(CinebodyError):
    """An error answer of the fake API: HTTP ``status``, ``code`` and ``reason``.

    Raised by the fake's state methods (for an unknown id, say) and by its handlers;
    the fake's application answers it as the API's JSON error body.
    """

    def __init__(
        self,
        status: int,
        code: str,
        reason: str,
        friendly_reason: str = FRIENDLY_REASON,
    ) -> None:
        self.status = status
        self.code = code
        self.reason = reason
        self.friendly_reason = friendly_reason
        super().__init__(f"{status} {code}: {reason}")

    def body(self) -> dict[str, Any]:
        """Return the JSON error body the API sends for this error."""
        return error_body(self.code, self.reason, self.friendly_reason)


def error_body(code: str, reason: str, friendly_reason: str = FRIENDLY_REASON) -> dict[str, Any]:
    """Return the API's error body with ``code``, ``reason`` and ``friendlyReason``."""
    return {
        "status": "failure",
        "code": code,
        "reason": reason,
        "friendlyReason": friendly_reason,
    }


def not_found(kind: str, identifier: str) -> FakeAPIError:
    """Return the 404 error for an unknown ``kind`` (``"project"``, ...) ``identifier``."""
    code = "".join(f"_{c}" if c.isupper() else c.upper() for c in kind).lstrip("_")
    return FakeAPIError(404, f"{code}_NOT_FOUND", f"The {kind} {identifier!r} was not found")


def missing_parameter(name: str) -> FakeAPIError:
    """Return the 406 error for the required parameter ``name`` that is absent."""
    return FakeAPIError(
        406,
        "MISSING_PARAMETERS",
        f"The request parameters are missing {name!r}, which is required",
    )


def bad_value(name: str, problem: str) -> FakeAPIError:
    """Return the 400 error for a parameter ``name`` whose value is wrong (``problem``)."""
    return FakeAPIError(400, "INVALID_PARAMETER", f"{name}: {problem}")
