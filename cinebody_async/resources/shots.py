"""A project's shot list and the global shot types."""

from __future__ import annotations

import builtins
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import attrs

from cinebody_async.errors import ParameterError
from cinebody_async.models import (
    MediaFileFps,
    MediaFileOrientation,
    MediaFileQuality,
    Shot,
    ShotAttribute,
    ShotType,
    ShotTypeAttribute,
)
from cinebody_async.resources import _params as p
from cinebody_async.resources._base import API, Resource, answer_error, operation

__all__ = ["ShotUpdate", "Shots"]

R = TypeVar("R")
V = TypeVar("V")


@attrs.frozen(kw_only=True)
class ShotUpdate:
    """The changes to one shot, for :meth:`Shots.update_many`.

    ``id`` names the shot; every other field left ``None`` stays as it is, and
    :data:`~cinebody_async.CLEAR` sets a nullable one (orientation, frame rate,
    quality, order, hidden) to ``null``. The values are checked when the update is
    sent.
    """

    id: str
    """The shot's id."""
    title: str | None = None
    """The shot's title."""
    description: str | None = None
    """What to film for this shot."""
    orientation: MediaFileOrientation | str | p.Clear | None = None
    """The orientation to film the shot in."""
    fps: MediaFileFps | int | p.Clear | None = None
    """The frame rate to film the shot at."""
    quality: MediaFileQuality | str | p.Clear | None = None
    """The resolution to film the shot in."""
    order: int | p.Clear | None = None
    """The shot's place in the shot list (0 first)."""
    hidden: bool | p.Clear | None = None
    """Whether the shot is hidden from filmers."""


class Shots(Resource):
    """A project's shot list and the global shot types (``cb.shots``)."""

    __slots__ = ()

    @operation("GET", "/app/3.0/projects/{projectId}/shots")
    async def list(
        self,
        project_id: str,
        *,
        attributes: Sequence[ShotAttribute | str] | None = None,
    ) -> builtins.list[Shot]:
        """Fetch a project's shot list, in its order.

        The API answers the whole list at once (the operation has no pages).

        Args:
            project_id: the project's id.
            attributes: return only these fields of each shot.

        Returns:
            The project's :class:`Shot` objects.

        Raises:
            NotFoundError: when no project has that id.
            ParameterError: for an empty id or an unknown attribute; nothing is sent.
        """
        path = p.path(f"{API}/projects/{{project_id}}/shots", project_id=project_id)
        params = {"attributes": p.enum_values("attributes", attributes, ShotAttribute)}

        body = await self._send("GET", path, params=params)
        return self._read_list(Shot, body, "GET projects/{id}/shots", "shots")

    @operation("POST", "/app/3.0/projects/{projectId}/shots")
    async def create(
        self,
        project_id: str,
        *,
        title: str,
        description: str,
        shot_type_id: str,
        orientation: MediaFileOrientation | str | None = None,
        fps: MediaFileFps | int | None = None,
        quality: MediaFileQuality | str | None = None,
        order: int | None = None,
        attributes: Sequence[ShotAttribute | str] | None = None,
    ) -> Shot:
        """Add a shot to a project's shot list.

        Settings left out come from the shot type (frame rate, quality) or the API's
        defaults; the shot goes to the end of the list unless ``order`` is given.

        Args:
            project_id: the project's id.
            title: the shot's title.
            description: what to film for this shot.
            shot_type_id: the global shot type the shot is based on (see :meth:`types`).
            orientation: the orientation to film the shot in.
            fps: the frame rate to film the shot at.
            quality: the resolution to film the shot in.
            order: the shot's place in the list (0 first).
            attributes: return only these fields of the new shot.

        Returns:
            The new :class:`Shot`.

        Raises:
            NotFoundError: when no project or no shot type has that id.
            ParameterError: for a required value that is ``None``, an empty string or
                id, a value that is not one of its enum's, or a negative ``order``;
                nothing is sent.
            InvalidResponseError: when the answer holds no shot.
        """
        path = p.path(f"{API}/projects/{{project_id}}/shots", project_id=project_id)
        # The body repeats the project's id; it is taken from the path.
        body = p.compact(
            title=p.required("title", p.text("title", title)),
            description=p.required("description", p.text("description", description)),
            shotTypeId=p.required("shot_type_id", p.text("shot_type_id", shot_type_id)),
            projectId=project_id,
            orientation=p.enum_value("orientation", orientation, MediaFileOrientation),
            fps=p.number_enum_value("fps", fps, MediaFileFps),
            quality=p.enum_value("quality", quality, MediaFileQuality),
            order=p.positive_int("order", order, minimum=0),
        )
        params = {"attributes": p.enum_values("attributes", attributes, ShotAttribute)}
        name = "POST projects/{id}/shots"

        answer = await self._send("POST", path, params=params, json=body)

        # The spec answers a `shots` list holding the new shot (possibly the whole shot
        # list); the API may answer `shot`. Of several, the last one made as asked is it.
        if isinstance(answer, dict) and answer.get("shots") is not None:
            shots = self._read_list(Shot, answer, name, "shots")
            if len(shots) == 1:
                return shots[0]
            made = [s for s in shots if (s.title, s.shot_type_id) == (title, shot_type_id)]
            if not made:
                problem = f"none of the {len(shots)} shots of the answer is the one created"
                raise answer_error(name, problem, answer)
            return made[-1]
        return self._read(Shot, answer, name, "shot")

    @operation("PATCH", "/app/3.0/projects/{projectId}/shots")
    async def update_many(
        self, project_id: str, updates: Sequence[ShotUpdate]
    ) -> builtins.list[Shot]:
        """Change several shots of a project in one request, such as to reorder them.

        The API checks every change before applying any, and answers only that it
        applied them; the shots are then read back with one more request (the whole
        shot list) and returned.

        Args:
            project_id: the project's id.
            updates: one :class:`ShotUpdate` per shot, each naming its shot's ``id``.

        Returns:
            The updated :class:`Shot` objects, in the order of ``updates`` (a shot
            deleted by someone else in between is missing).

        Raises:
            NotFoundError: when no project or no shot has that id.
            BadRequestError: when a shot belongs to another project.
            ParameterError: for an empty ``updates``, an item that is not a
                :class:`ShotUpdate`, an empty id, the same id twice, an item that
                changes nothing, or a bad value; the parameter is named like
                ``updates[2].fps``. Nothing is sent.
        """
        path = p.path(f"{API}/projects/{{project_id}}/shots", project_id=project_id)
        # The spec's items require a property named "" (a typo); each item needs its `id`.
        items = [_update_body(index, item) for index, item in enumerate(_updates(updates))]

        await self._send("PATCH", path, json={"shotsToUpdate": items})

        by_id = {shot.id: shot for shot in await self.list(project_id)}
        return [by_id[item["id"]] for item in items if item["id"] in by_id]

    @operation("DELETE", "/app/3.0/shots/{shotId}")
    async def delete(self, shot_id: str) -> None:
        """Delete a shot; the clips filmed for it move to free shoot.

        Args:
            shot_id: the shot's id.

        Raises:
            NotFoundError: when no shot has that id.
            InvalidResponseError: when the answer's ``status`` is not ``"success"``.
            ParameterError: for an empty id; nothing is sent.
        """
        path = p.path(f"{API}/shots/{{shot_id}}", shot_id=shot_id)
        await self._delete(path, "DELETE shots/{id}")

    @operation("GET", "/app/3.0/shotTypes")
    async def types(
        self, *, attributes: Sequence[ShotTypeAttribute | str] | None = None
    ) -> builtins.list[ShotType]:
        """Fetch the global shot types that shots are based on.

        The API answers them all at once (the operation has no pages).

        Args:
            attributes: return only these fields of each shot type.

        Returns:
            The :class:`ShotType` objects.

        Raises:
            ParameterError: for an unknown attribute; nothing is sent.
        """
        params = {"attributes": p.enum_values("attributes", attributes, ShotTypeAttribute)}

        body = await self._send("GET", f"{API}/shotTypes", params=params)
        return self._read_list(ShotType, body, "GET shotTypes", "shotTypes")


def _updates(updates: Sequence[ShotUpdate]) -> builtins.list[ShotUpdate]:
    """Return the updates as a list after checking they are :class:`ShotUpdate` objects
    of distinct shots, each with its id.

    Raises:
        ParameterError: for a bare string, an empty sequence, another kind of item, an
            empty id, or the same shot twice.
    """
    items = p.ensure_sequence("updates", updates)
    seen: set[str] = set()
    for index, item in enumerate(items):
        if not isinstance(item, ShotUpdate):
            msg = f"must be a ShotUpdate, not {type(item).__name__}"
            raise ParameterError(f"updates[{index}]", msg)
        p.required(f"updates[{index}].id", p.text(f"updates[{index}].id", item.id))
        if item.id in seen:
            msg = f"shot {item.id!r} comes twice"
            raise ParameterError(f"updates[{index}].id", msg)
        seen.add(item.id)
    return items


def _update_body(index: int, update: ShotUpdate) -> dict[str, Any]:
    """Return one item of ``shotsToUpdate``: the shot's ``id`` and the fields given.

    Raises:
        ParameterError: for a bad value, or no field to change.
    """
    where = f"updates[{index}]."
    changes = p.compact(
        title=p.text(f"{where}title", update.title),
        description=p.text(f"{where}description", update.description),
        orientation=_unless_clear(
            update.orientation,
            lambda value: p.enum_value(f"{where}orientation", value, MediaFileOrientation),
        ),
        fps=_unless_clear(
            update.fps, lambda value: p.number_enum_value(f"{where}fps", value, MediaFileFps)
        ),
        quality=_unless_clear(
            update.quality,
            lambda value: p.enum_value(f"{where}quality", value, MediaFileQuality),
        ),
        order=_unless_clear(
            update.order, lambda value: p.positive_int(f"{where}order", value, minimum=0)
        ),
        hidden=_unless_clear(update.hidden, lambda value: p.flag(f"{where}hidden", value)),
    )
    p.require_changes(changes, f"updates[{index}]")

    return {"id": update.id, **changes}


def _unless_clear(value: V | p.Clear | None, check: Callable[[V], R]) -> R | p.Clear | None:
    """Return ``check(value)``, passing ``None`` and :data:`~cinebody_async.CLEAR` on."""
    if value is None or value is p.CLEAR:
        return value
    return check(value)
