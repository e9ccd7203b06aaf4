"""The base every model class derives from."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any, ClassVar, Self

import attrs

from cinebody_async import _convert

__all__ = ["Model", "wire"]


def wire(name: str) -> Any:
    """Declare a model field whose JSON key the naming rule cannot derive.

    Returns an attrs field defaulting to ``None`` whose wire name is ``name`` (for the
    API's PascalCase foreign keys: ``team_id: str | None = wire("TeamId")``).
    """
    return attrs.field(default=None, metadata={_convert.WIRE_NAME: name})


@attrs.frozen(kw_only=True, repr=False)
class Model:
    """A record of the API, immutable, read from and written back to its JSON form.

    Every field may be ``None``: the key was absent (an answer limited with
    ``attributes=``) or ``null``. Models compare equal when their fields are equal;
    which keys came and the values of keys no field knows are kept for
    :meth:`to_dict` but take no part in comparisons.
    """

    _repr_fields: ClassVar[tuple[str, ...] | None] = None

    _wire_keys: tuple[str, ...] | None = attrs.field(default=None, eq=False, alias="_wire_keys")
    _extra: Mapping[str, Any] | None = attrs.field(default=None, eq=False, alias="_extra")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Return the model read from ``data``, a JSON object as decoded.

        Absent keys and ``null`` read as ``None``; byte sizes may be numbers or strings
        of digits; enum values the SDK does not know are kept (see
        :mod:`cinebody_async.models.enums`); unknown keys are kept for :meth:`to_dict`.

        Raises:
            ModelValidationError: a value has the wrong kind for its field; ``path``
                names it, for nested values through the enclosing fields
                (``profileImages.profile80``).
        """
        return _convert.structure(cls, data)

    def to_dict(self) -> dict[str, Any]:
        """Return the model in its wire form, ready for JSON.

        Keys are the API's (camelCase, ``TeamId``, ``profile80@2x``); timestamps are ISO
        8601 strings, enums their values, tuples lists. A model read by
        :meth:`from_dict` gives back exactly the keys that came, unknown ones included,
        so that ``type(m).from_dict(m.to_dict()) == m``.
        """
        return _convert.unstructure(self)

    def __repr__(self) -> str:
        """Show the class and its identifying fields that are not ``None``."""
        names = self._repr_fields
        if names is None:
            names = tuple(
                a.name for a in attrs.fields(type(self)) if a.name not in ("_wire_keys", "_extra")
            )

        parts = []
        for name in names:
            value = getattr(self, name)
            if value is not None:
                parts.append(f"{name}={_repr_value(value)}")
        return f"{type(self).__name__}({', '.join(parts)})"


def _repr_value(value: object) -> str:
    if isinstance(value, Enum):
        known = getattr(value, "is_known", True)
        return f"<{value.value}>" if known else f"<{value.value} (unknown)>"
    return repr(value)
