"""Global catalogue data: the TypeScript types of the API and the shot types."""

from __future__ import annotations

from typing import Any

from cinebody_async.testing.render import pick
from cinebody_async.testing.routing import ApiCall, Route
from cinebody_async.testing.vocabulary import SHOT_TYPE_ATTRIBUTES

__all__ = ["ROUTES"]

_TYPES = """\
export namespace CinebodyAPI {
  export interface Organization { id: string; name: string; status: string }
  export interface Team { id: string; name: string; OrganizationId: string }
  export interface Project { id: string; title: string | null; TeamId: string }
  export interface MediaFile { id: string; fileUUID: string; fileSize: string }
}
"""


def api_app_types(call: ApiCall) -> dict[str, Any]:
    """GET /apiAppTypes: TypeScript definitions; the one body without ``apiVersion``."""
    del call
    return {"types": _TYPES}


def list_shot_types(call: ApiCall) -> dict[str, Any]:
    """GET /shotTypes: the global shot categories projects build their shots on."""
    attributes = call.attributes(SHOT_TYPE_ATTRIBUTES)
    return {"shotTypes": [pick(t, attributes) for t in call.state.shot_types.values()]}


ROUTES = (
    Route("GET", "/apiAppTypes", api_app_types, versioned=False),
    Route("GET", "/shotTypes", list_shot_types),
)
