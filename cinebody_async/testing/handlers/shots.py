"""A project's shot list: read, add, update many at once, delete one."""

from __future__ import annotations

from typing import Any

from cinebody_async.testing.errors import bad_value, missing_parameter
from cinebody_async.testing.handlers.common import SUCCESS
from cinebody_async.testing.render import pick
from cinebody_async.testing.routing import ApiCall, Route
from cinebody_async.testing.vocabulary import (
    FPS_VALUES,
    MEDIA_FILE_ORIENTATIONS,
    QUALITY_VALUES,
    SHOT_ATTRIBUTES,
)

__all__ = ["ROUTES", "check_shot_fields"]

_CHOICES: dict[str, tuple[Any, ...]] = {
    "orientation": MEDIA_FILE_ORIENTATIONS,
    "fps": FPS_VALUES,
    "quality": QUALITY_VALUES,
}


def check_shot_fields(item: dict[str, Any], where: str) -> dict[str, Any]:
    """Return the shot fields of ``item`` after checking their kinds (400 if wrong)."""
    changes: dict[str, Any] = {}
    for name in ("title", "description"):
        if name in item:
            if not isinstance(item[name], str):
                raise bad_value(f"{where}{name}", "must be a string")
            changes[name] = item[name]
    for name, allowed in _CHOICES.items():
        if name in item:
            value = item[name]
            if value is not None and (isinstance(value, bool) or value not in allowed):
                raise bad_value(f"{where}{name}", f"{value!r} is not allowed")
            changes[name] = value
    if "order" in item:
        order = item["order"]
        if order is not None and (isinstance(order, bool) or not isinstance(order, int | float)):
            raise bad_value(f"{where}order", "must be a number")
        changes["order"] = order
    if "hidden" in item:
        if item["hidden"] is not None and not isinstance(item["hidden"], bool):
            raise bad_value(f"{where}hidden", "must be a boolean")
        changes["hidden"] = bool(item["hidden"])
    return changes


def list_shots(call: ApiCall) -> dict[str, Any]:
    """GET /projects/{projectId}/shots: the shot list in order."""
    attributes = call.attributes(SHOT_ATTRIBUTES)
    shots = call.state.project_shots(call.path("projectId"))
    return {"shots": [pick(shot, attributes) for shot in shots]}


def create_shot(call: ApiCall) -> dict[str, Any]:
    """POST /projects/{projectId}/shots: answers ``shots`` holding the new shot."""
    attributes = call.attributes(SHOT_ATTRIBUTES)
    project_id = call.path("projectId")
    call.state.project(project_id)
    for name in ("title", "description", "shotTypeId", "projectId"):
        call.field(name, str, required=True)
    shot_type = call.state.shot_type(call.field("shotTypeId", str, required=True))
    changes = check_shot_fields(call.fields(), "")
    for name in ("fps", "quality", "orientation", "order"):
        if changes.get(name) is None:
            changes.pop(name, None)
    shot = call.state.add_shot(project_id, shot_type["id"], **changes)
    return {"shots": [pick(shot, attributes)]}


def update_shots(call: ApiCall) -> dict[str, Any]:
    """PATCH /projects/{projectId}/shots: ``shotsToUpdate``, each item with its ``id``.

    Every item is checked before any is applied, so a bad item changes nothing.
    """
    call.attributes(SHOT_ATTRIBUTES)
    project_id = call.path("projectId")
    call.state.project(project_id)
    items = call.field("shotsToUpdate", list, required=True)
    planned = []
    for index, item in enumerate(items):
        where = f"shotsToUpdate[{index}]."
        if not isinstance(item, dict):
            raise bad_value(f"shotsToUpdate[{index}]", "must be an object")
        if not item.get("id"):
            raise missing_parameter(f"{where}id")
        shot = call.state.shot(str(item["id"]))
        if shot["ProjectId"] != project_id:
            raise bad_value(f"{where}id", "names a shot of another project")
        planned.append((shot, check_shot_fields(item, where)))
    for shot, changes in planned:
        shot.update(changes)
    return SUCCESS


def delete_shot(call: ApiCall) -> dict[str, Any]:
    """DELETE /shots/{shotId}: its clips move to free shoot."""
    call.state.delete_shot(call.path("shotId"))
    return SUCCESS


ROUTES = (
    Route("GET", "/projects/{projectId}/shots", list_shots),
    Route("POST", "/projects/{projectId}/shots", create_shot),
    Route("PATCH", "/projects/{projectId}/shots", update_shots),
    Route("DELETE", "/shots/{shotId}", delete_shot),
)
