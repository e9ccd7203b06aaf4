"""The converter between the API's JSON and the models.

One :mod:`cattrs` converter (:data:`converter`) holds a structure and an unstructure
hook for every model class. A hook factory writes both hooks as Python source the first
time a class is converted, one statement per field, from the class's attrs fields and
type hints:

- the wire name of a field comes from :func:`wire_name`: ``file_uuid_sd`` is
  ``fileUUIDSD`` and ``profile80_2x`` is ``profile80@2x``; a field whose name the rule
  cannot derive (the PascalCase foreign keys such as ``TeamId``) carries it in its
  metadata under :data:`WIRE_NAME`;
- each annotation maps to one conversion: strings, whole numbers (JSON numbers or
  strings of digits), numbers, booleans (also ``"true"``/``"false"``), ISO 8601
  timestamps (read as timezone-aware, naive ones as UTC), open enums, nested models,
  tuples of strings or models, and mappings kept as plain dicts;
- absent keys and ``null`` both become ``None``; the tuple of wire keys that came is
  stored on the model, and so are the values of keys no field knows, so that
  :func:`unstructure` writes back exactly the keys that came, in their order.

The generated structure hook checks each value with the cheapest test that settles the
common case (``type(v) is str``) and hands anything else to the field's conversion. When
any step fails, it starts again on a slow path that converts field by field and names
the first field that is wrong in a :class:`~cinebody_async.errors.ModelValidationError`.
"""

from __future__ import annotations

import linecache
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from enum import Enum
from types import NoneType, UnionType
from typing import TYPE_CHECKING, Any, Final, TypeVar, Union, get_args, get_origin, get_type_hints

import attrs
import cattrs

from cinebody_async.errors import ModelValidationError

if TYPE_CHECKING:
    from cinebody_async.models._base import Model

__all__ = [
    "EXTRA_FIELD",
    "KEYS_FIELD",
    "WIRE_NAME",
    "converter",
    "structure",
    "structure_many",
    "structure_open_enum",
    "unstructure",
    "wire_name",
]

M = TypeVar("M", bound="Model")

WIRE_NAME: Final = "cinebody_wire_name"
"""The attrs metadata key of a field's wire name, where the naming rule cannot derive it."""

KEYS_FIELD: Final = "_wire_keys"
"""The model field holding the wire keys that came, or ``None`` for a model built in code."""

EXTRA_FIELD: Final = "_extra"
"""The model field holding the values of keys no field knows, or ``None`` when none came."""

# Words the naming rule writes in capitals rather than capitalised.
_ACRONYMS: Final = {"uuid": "UUID", "sd": "SD"}

# A model class sees at most this many distinct key sets cached; beyond, they are
# computed each time (an answer limited with `attributes=` has a key set of its own).
_KEY_SETS_MAX: Final = 256

_INTEGER_TEXT: Final = re.compile(r"-?[0-9]+\Z")
_NUMBER_TEXT: Final = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?\Z")


def wire_name(attribute: attrs.Attribute[Any]) -> str:
    """Return the JSON key of a model field.

    The metadata override under :data:`WIRE_NAME` wins; otherwise the snake_case name
    becomes camelCase, with ``uuid`` and ``sd`` in capitals and a final ``2x`` word
    written ``@2x``.
    """
    override = attribute.metadata.get(WIRE_NAME)
    if override is not None:
        return str(override)

    head, *words = attribute.name.split("_")
    parts = [head]
    for word in words:
        if word == "2x":
            parts.append("@2x")
        else:
            parts.append(_ACRONYMS.get(word) or word.capitalize())
    return "".join(parts)


# --- value checks and conversions, one per kind of field -----------------------------


class _WrongKind(Exception):
    """A value its field cannot take; ``path`` locates it inside the field's value."""

    def __init__(self, problem: str, path: str = "") -> None:
        self.problem = problem
        self.path = path
        super().__init__(problem)


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:37] + "..."
        return f"the string {text!r}"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return f"a {type(value).__name__}"


def _join(prefix: str, path: str) -> str:
    if not path:
        return prefix
    if path.startswith("["):
        return prefix + path
    return f"{prefix}.{path}"


def _copy_json(value: Any) -> Any:
    """Return a deep copy of a JSON-like value, as dicts and lists."""
    if isinstance(value, Mapping):
        return {key: _copy_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_copy_json(item) for item in value]
    return value


def _format_datetime(value: datetime) -> str:
    """Write a timestamp as the API does: ISO 8601, milliseconds, ``Z`` for UTC."""
    timespec = "milliseconds" if value.microsecond % 1000 == 0 else "microseconds"
    offset = value.utcoffset()
    if not offset:
        return value.replace(tzinfo=None).isoformat(timespec=timespec) + "Z"
    return value.isoformat(timespec=timespec)


class _Kind:
    """How one kind of field is read from and written to the wire.

    ``convert`` turns any accepted non-null wire value into the field's value and raises
    :class:`_WrongKind` (or, for nested models, :class:`ModelValidationError`) for the
    rest. ``fast_lines`` is the inlined source that converts the local ``v`` in place,
    ``None`` included, calling ``c{i}`` (``convert``) off the common path. ``dump``
    writes a non-null field value back in its wire form; ``None`` means "as it is".
    """

    dump: Callable[[Any], Any] | None = None

    def convert(self, value: Any) -> Any:
        raise NotImplementedError

    def fast_lines(self, i: int) -> list[str]:
        return ["if v is not None:", f"    v = c{i}(v)"]

    def names(self, i: int) -> dict[str, Any]:
        return {f"c{i}": self.convert}


class _Str(_Kind):
    def convert(self, value: Any) -> Any:
        if isinstance(value, str):
            return str(value)
        msg = f"expected a string, got {_describe(value)}"
        raise _WrongKind(msg)

    def fast_lines(self, i: int) -> list[str]:
        return ["if type(v) is not str and v is not None:", f"    v = c{i}(v)"]


class _Int(_Kind):
    def convert(self, value: Any) -> Any:
        # Sizes come as strings of digits on every media file: that case goes first.
        if type(value) is str and value.isdigit() and value.isascii():
            return int(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return int(value)
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and _INTEGER_TEXT.match(value):
            return int(value)
        msg = f"expected a whole number (a number or a string of digits), got {_describe(value)}"
        raise _WrongKind(msg)

    def fast_lines(self, i: int) -> list[str]:
        return ["if type(v) is not int and v is not None:", f"    v = c{i}(v)"]


class _Number(_Kind):
    def convert(self, value: Any) -> Any:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and _NUMBER_TEXT.match(value):
            return int(value) if _INTEGER_TEXT.match(value) else float(value)
        msg = f"expected a number, got {_describe(value)}"
        raise _WrongKind(msg)

    def fast_lines(self, i: int) -> list[str]:
        return [
            "if type(v) is not float and type(v) is not int and v is not None:",
            f"    v = c{i}(v)",
        ]


class _Bool(_Kind):
    def convert(self, value: Any) -> Any:
        if isinstance(value, bool):
            return value
        if value == "true" or value == "false":
            return value == "true"
        msg = f"expected true or false, got {_describe(value)}"
        raise _WrongKind(msg)

    def fast_lines(self, i: int) -> list[str]:
        return ["if type(v) is not bool and v is not None:", f"    v = c{i}(v)"]


class _DateTime(_Kind):
    dump = staticmethod(_format_datetime)

    def convert(self, value: Any) -> Any:
        if isinstance(value, str):
            try:
                value = datetime.fromisoformat(value)
            except ValueError:
                msg = f"expected an ISO 8601 timestamp, got {_describe(value)}"
                raise _WrongKind(msg) from None
        if isinstance(value, datetime):
            return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
        msg = f"expected an ISO 8601 timestamp, got {_describe(value)}"
        raise _WrongKind(msg)

    def fast_lines(self, i: int) -> list[str]:
        # fromisoformat refuses anything but a str; the slow path then says why.
        return [
            "if v is not None:",
            "    v = fromisoformat(v)",
            "    if v.tzinfo is None:",
            "        v = v.replace(tzinfo=UTC)",
        ]


class _OpenEnum(_Kind):
    def __init__(self, enum_cls: Any) -> None:
        self.enum_cls = enum_cls
        self.dump = _enum_value

    def convert(self, value: Any) -> Any:
        try:
            return self.enum_cls.from_wire(value)
        except TypeError:
            msg = f"expected a {self.enum_cls.__name__} value, got {_describe(value)}"
            raise _WrongKind(msg) from None

    def fast_lines(self, i: int) -> list[str]:
        # On a miss (or a falsy member, which no enum declares) `or` asks c{i}, which
        # gives the right member anyway; an unhashable value makes the lookup raise,
        # which sends the item to the slow path.
        return ["if v is not None:", f"    v = m{i}(v) or c{i}(v)"]

    def names(self, i: int) -> dict[str, Any]:
        return {f"c{i}": self.convert, f"m{i}": self.enum_cls._value2member_map_.get}


def _enum_value(value: Any) -> Any:
    return value._value_ if isinstance(value, Enum) else value


class _Nested(_Kind):
    def __init__(self, model_cls: type[Model]) -> None:
        codec = _codec(model_cls)
        self.convert = codec.structure  # type: ignore[method-assign]
        self.dump = codec.unstructure


class _StrTuple(_Kind):
    def __init__(self) -> None:
        self.dump = list

    def convert(self, value: Any) -> Any:
        if not isinstance(value, list | tuple):
            msg = f"expected a list of strings, got {_describe(value)}"
            raise _WrongKind(msg)

        items = tuple(value)
        try:
            # join refuses any item that is not a str, and does so at C speed.
            "".join(items)
        except TypeError:
            index, item = next((n, x) for n, x in enumerate(items) if not isinstance(x, str))
            msg = f"expected a string, got {_describe(item)}"
            raise _WrongKind(msg, f"[{index}]") from None
        return items


class _NestedTuple(_Kind):
    def __init__(self, model_cls: type[Model]) -> None:
        codec = _codec(model_cls)
        self.structure_item = codec.structure
        self.dump_item = codec.unstructure
        self.dump = self.dump_items

    def convert(self, value: Any) -> Any:
        if isinstance(value, Mapping):
            # The spec declares some lists as one object; read a lone one as one item.
            value = [value]
        if not isinstance(value, list | tuple):
            msg = f"expected a list of objects, got {_describe(value)}"
            raise _WrongKind(msg)

        try:
            return tuple(map(self.structure_item, value))
        except ModelValidationError:
            pass
        for index, item in enumerate(value):
            try:
                self.structure_item(item)
            except ModelValidationError as error:
                raise ModelValidationError(
                    error.model, _join(f"[{index}]", error.path), error.problem
                ) from None
        raise AssertionError  # pragma: no cover - an item that failed once fails again

    def dump_items(self, value: Any) -> Any:
        return [self.dump_item(item) for item in value]


class _JsonObject(_Kind):
    def __init__(self) -> None:
        self.dump = _copy_json

    def convert(self, value: Any) -> Any:
        if isinstance(value, Mapping):
            return _copy_json(value)
        msg = f"expected an object, got {_describe(value)}"
        raise _WrongKind(msg)


class _NestedMapping(_Kind):
    def __init__(self, model_cls: type[Model]) -> None:
        codec = _codec(model_cls)
        self.structure_item = codec.structure
        self.dump_item = codec.unstructure
        self.dump = self.dump_items

    def convert(self, value: Any) -> Any:
        if not isinstance(value, Mapping):
            msg = f"expected an object, got {_describe(value)}"
            raise _WrongKind(msg)

        result = {}
        for key, item in value.items():
            try:
                result[str(key)] = self.structure_item(item)
            except ModelValidationError as error:
                raise ModelValidationError(
                    error.model, _join(f"[{key!r}]", error.path), error.problem
                ) from None
        return result

    def dump_items(self, value: Any) -> Any:
        return {key: self.dump_item(item) for key, item in value.items()}


_SCALAR_KINDS: Final[dict[object, _Kind]] = {
    str: _Str(),
    int: _Int(),
    float: _Number(),
    bool: _Bool(),
    datetime: _DateTime(),
}


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and attrs.has(tp) and KEYS_FIELD in attrs.fields_dict(tp)


def _is_open_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, Enum) and hasattr(tp, "from_wire")


def _kind_for(tp: Any, where: str) -> _Kind:
    """Return the conversion of a field annotated ``tp`` (``X | None`` reads as ``X``)."""
    if get_origin(tp) in (Union, UnionType):
        options = [arg for arg in get_args(tp) if arg is not NoneType]
        if len(options) == 1:
            tp = options[0]

    scalar = _SCALAR_KINDS.get(tp)
    if scalar is not None:
        return scalar
    if _is_open_enum(tp):
        return _OpenEnum(tp)
    if _is_model(tp):
        return _Nested(tp)

    origin, args = get_origin(tp), get_args(tp)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        if args[0] is str:
            return _StrTuple()
        if _is_model(args[0]):
            return _NestedTuple(args[0])
    if origin in (Mapping, dict) and len(args) == 2 and args[0] is str:
        if args[1] is Any:
            return _JsonObject()
        if _is_model(args[1]):
            return _NestedMapping(args[1])

    msg = f"{where}: the model converter has no conversion for {tp!r}"
    raise TypeError(msg)


# --- one generated pair of hooks per model class -------------------------------------


@attrs.frozen
class _Field:
    name: str
    wire: str
    kind: _Kind


class _KeySets:
    """The key tuples a model class has seen, each with the keys no field knows."""

    def __init__(self, known: frozenset[str]) -> None:
        self.known = known
        self.seen: dict[tuple[str, ...], tuple[tuple[str, ...], tuple[str, ...] | None]] = {}

    def learn(self, keys: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...] | None]:
        unknown = tuple(key for key in keys if key not in self.known) or None
        entry = (keys, unknown)
        if len(self.seen) < _KEY_SETS_MAX:
            self.seen[keys] = entry
        return entry


def _extras(data: Mapping[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    return {key: _copy_json(data[key]) for key in keys}


def _as_dict(model_name: str, data: Any) -> dict[str, Any]:
    if isinstance(data, Mapping):
        return dict(data)
    msg = f"expected an object, got {_describe(data)}"
    raise ModelValidationError(model_name, "", msg)


class _Codec:
    """The generated structure and unstructure functions of one model class."""

    def __init__(self, model_cls: type[Model]) -> None:
        self.model_cls = model_cls
        self.name = model_cls.__name__
        _CODECS[model_cls] = self

        hints = get_type_hints(model_cls)
        self.fields = [
            _Field(a.name, wire_name(a), _kind_for(hints[a.name], f"{self.name}.{a.name}"))
            for a in attrs.fields(model_cls)
            if a.name not in (KEYS_FIELD, EXTRA_FIELD)
        ]
        self.key_sets = _KeySets(frozenset(field.wire for field in self.fields))
        self.setters = [self._setter(field.name) for field in self.fields]
        self.set_keys = self._setter(KEYS_FIELD)
        self.set_extra = self._setter(EXTRA_FIELD)

        self.structure: Callable[..., Any] = self._generate_structure()
        self.unstructure: Callable[[Any], dict[str, Any]] = self._generate_unstructure()

    def _setter(self, name: str) -> Callable[[object, object], None]:
        # The slot's own descriptor: frozen classes refuse setattr, and this is the
        # cheapest way around it.
        descriptor = getattr(self.model_cls, name)
        setter: Callable[[object, object], None] = descriptor.__set__
        return setter

    def _generate_structure(self) -> Callable[..., Any]:
        namespace: dict[str, Any] = {
            "cls": self.model_cls,
            "new": object.__new__,
            "as_dict": _as_dict,
            "name": self.name,
            "seen": self.key_sets.seen.get,
            "learn": self.key_sets.learn,
            "extras": _extras,
            "set_keys": self.set_keys,
            "set_extra": self.set_extra,
            "fromisoformat": datetime.fromisoformat,
            "UTC": UTC,
            "slow": self._structure_slowly,
        }
        lines = [
            "def structure(d, _type=None):",
            "    if type(d) is not dict:",
            "        d = as_dict(name, d)",
            "    try:",
            "        g = d.get",
            "        o = new(cls)",
            "        ks = tuple(d)",
            "        e = seen(ks)",
            "        if e is None:",
            "            e = learn(ks)",
            "        set_keys(o, e[0])",
            "        x = e[1]",
            "        set_extra(o, None if x is None else extras(d, x))",
        ]
        for i, field in enumerate(self.fields):
            namespace.update(field.kind.names(i))
            namespace[f"s{i}"] = self.setters[i]
            lines.append(f"        v = g({field.wire!r})")
            lines.extend("        " + line for line in field.kind.fast_lines(i))
            lines.append(f"        s{i}(o, v)")
        lines += [
            "    except Exception:",
            "        return slow(d)",
            "    return o",
        ]
        function: Callable[..., Any] = self._compile("structure", lines, namespace)
        return function

    def _structure_slowly(self, data: dict[str, Any]) -> Any:
        """Convert field by field; name the first field that is wrong."""
        values = []
        for field in self.fields:
            raw = data.get(field.wire)
            try:
                values.append(None if raw is None else field.kind.convert(raw))
            except _WrongKind as error:
                path = _join(field.wire, error.path)
                raise ModelValidationError(self.name, path, error.problem) from None
            except ModelValidationError as error:
                path = _join(field.wire, error.path)
                raise ModelValidationError(self.name, path, error.problem) from None

        model = object.__new__(self.model_cls)
        keys, unknown = self.key_sets.learn(tuple(data))
        self.set_keys(model, keys)
        self.set_extra(model, None if unknown is None else _extras(data, unknown))
        for setter, value in zip(self.setters, values, strict=True):
            setter(model, value)
        return model

    def _generate_unstructure(self) -> Callable[[Any], dict[str, Any]]:
        namespace: dict[str, Any] = {"in_wire_order": self._in_wire_order}
        lines = ["def unstructure(o):", "    out = {}"]
        for i, field in enumerate(self.fields):
            value = "v"
            if field.kind.dump is not None:
                namespace[f"d{i}"] = field.kind.dump
                value = f"d{i}(v)"
            lines += [
                f"    v = o.{field.name}",
                "    if v is not None:",
                f"        out[{field.wire!r}] = {value}",
            ]
        lines += [
            f"    ks = o.{KEYS_FIELD}",
            "    if ks is None:",
            "        return out",
            f"    return in_wire_order(out, ks, o.{EXTRA_FIELD})",
        ]
        function: Callable[[Any], dict[str, Any]] = self._compile("unstructure", lines, namespace)
        return function

    def _in_wire_order(
        self, values: dict[str, Any], keys: tuple[str, ...], extra: Mapping[str, Any] | None
    ) -> dict[str, Any]:
        """Lay out the keys that came, in their order, then fields set since."""
        known = self.key_sets.known
        result: dict[str, Any] = {}
        for key in keys:
            if key in values:
                result[key] = values.pop(key)
            elif key in known:
                result[key] = None
            elif extra is not None and key in extra:
                result[key] = _copy_json(extra[key])
        result.update(values)
        return result

    def _compile(self, what: str, lines: list[str], namespace: dict[str, Any]) -> Any:
        source = "\n".join(lines) + "\n"
        filename = f"<cinebody {what} {self.model_cls.__module__}.{self.name}>"
        exec(compile(source, filename, "exec"), namespace)
        # Tracebacks through generated code then show its source.
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        function = namespace[what]
        function.__qualname__ = f"{what}_{self.name}"
        return function


_CODECS: dict[type[Any], _Codec] = {}
_STRUCTURE: dict[type[Any], Callable[[Any], Any]] = {}
_UNSTRUCTURE: dict[type[Any], Callable[[Any], dict[str, Any]]] = {}


def _codec(model_cls: type[Model]) -> _Codec:
    codec = _CODECS.get(model_cls)
    if codec is None:
        codec = _Codec(model_cls)
        _STRUCTURE[model_cls] = codec.structure
        _UNSTRUCTURE[model_cls] = codec.unstructure
    return codec


def structure_open_enum(value: Any, enum_cls: Any) -> Any:
    """The converter's structure hook of an open enum: ``enum_cls.from_wire(value)``.

    The open enum bases register it for themselves (the models import this module, so
    it cannot import them).
    """
    return enum_cls.from_wire(value)


def _structure_datetime(value: Any, _type: Any) -> datetime:
    result: datetime = _SCALAR_KINDS[datetime].convert(value)
    return result


converter: Final = cattrs.Converter()
"""The converter every model conversion goes through; it also structures and
unstructures open enums and timestamps the way models do."""

converter.register_structure_hook_factory(_is_model, lambda cls: _codec(cls).structure)
converter.register_unstructure_hook_factory(_is_model, lambda cls: _codec(cls).unstructure)
converter.register_structure_hook(datetime, _structure_datetime)
converter.register_unstructure_hook(datetime, _format_datetime)


def _new_codec(model_cls: type[Any]) -> _Codec:
    """Generate the hooks of a model class met for the first time, through the converter."""
    if not _is_model(model_cls):
        msg = f"{model_cls!r} is not a Cinebody model class"
        raise TypeError(msg)

    converter.get_structure_hook(model_cls)
    return _CODECS[model_cls]


def structure(model_cls: type[M], data: Any) -> M:
    """Return a ``model_cls`` read from ``data``, a JSON object as decoded.

    Raises:
        ModelValidationError: ``data`` is not an object, or one of its values has the
            wrong kind for its field (the error's ``path`` names the field).
        TypeError: ``model_cls`` is not a model class.
    """
    hook = _STRUCTURE.get(model_cls) or _new_codec(model_cls).structure
    result: M = hook(data)
    return result


def structure_many(model_cls: type[M], items: Any) -> list[M]:
    """Return a list of ``model_cls``, one per object of the list ``items``.

    This is the path of every page of a listing: the hook is looked up once and mapped
    over the items.

    Raises:
        ModelValidationError: ``items`` is not a list, or an item is wrong; the error's
            ``path`` starts with the item's index (``[3].fileSize``).
        TypeError: ``model_cls`` is not a model class.
    """
    hook = _STRUCTURE.get(model_cls) or _new_codec(model_cls).structure
    if type(items) is not list and not isinstance(items, list | tuple):
        msg = f"expected a list, got {_describe(items)}"
        raise ModelValidationError(model_cls.__name__, "", msg)

    try:
        return list(map(hook, items))
    except ModelValidationError:
        pass
    for index, item in enumerate(items):
        try:
            hook(item)
        except ModelValidationError as error:
            path = _join(f"[{index}]", error.path)
            raise ModelValidationError(error.model, path, error.problem) from None
    raise AssertionError  # pragma: no cover - an item that failed once fails again


def unstructure(model: Model) -> dict[str, Any]:
    """Return the wire form of ``model``: a JSON-ready dict with the API's key names.

    A model read from the wire gives back exactly the keys that came, in their order,
    unknown ones included (``null`` where ``null`` came or a field was set to ``None``
    since); a model built in code gives the fields that are not ``None``.
    """
    hook = _UNSTRUCTURE.get(type(model)) or _new_codec(type(model)).unstructure
    return hook(model)
