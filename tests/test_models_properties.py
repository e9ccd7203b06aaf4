"""Properties of every model over generated wire objects.

Any subset of a model's fields, ``null`` in any of them, unknown keys, unknown enum
values, sizes as numbers or strings, keys in any order: reading never fails, writing
back gives the same keys in the same order, and reading that again gives an equal
model. A value of the wrong kind anywhere, nested values included, raises
ModelValidationError naming the model and the exact path of the value.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone
from enum import Enum
from typing import Any

import attrs
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cinebody_async import _convert, models
from cinebody_async._convert import structure_many
from cinebody_async.errors import ModelValidationError
from cinebody_async.models import MediaFileQuality, Model, OpenNumberEnum, OpenStrEnum

CLASSES = sorted(
    (
        cls
        for cls in (getattr(models, name) for name in models.__all__)
        if isinstance(cls, type) and issubclass(cls, Model) and cls is not Model
    ),
    key=lambda cls: cls.__name__,
)

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=6),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=5,
)

# Naive timestamps (None) read as UTC; the others keep their offset.
OFFSETS: st.SearchStrategy[Any] = st.sampled_from(
    [None, UTC, timezone(timedelta(hours=2)), timezone(timedelta(hours=-7, minutes=-30))]
)

_INTEGER = re.compile(r"-?[0-9]+\Z")
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?\Z")


# --- what a field is ------------------------------------------------------------------


@attrs.frozen
class Field:
    name: str
    wire: str
    tp: Any


def fields_of(cls: type[Model]) -> list[Field]:
    hints = typing.get_type_hints(cls)
    return [
        Field(a.name, _convert.wire_name(a), unwrap(hints[a.name]))
        for a in attrs.fields(cls)
        if not a.name.startswith("_")
    ]


def unwrap(tp: Any) -> Any:
    """``X | None`` as ``X``."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        (tp,) = [arg for arg in typing.get_args(tp) if arg is not type(None)]
    return tp


def is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, Model)


def container(tp: Any) -> tuple[Any, Any]:
    """``(tuple, item)`` or ``(Mapping, value)``; ``(None, None)`` for anything else."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is tuple:
        return tuple, args[0]
    if origin is Mapping:
        return Mapping, args[1]
    return None, None


# --- values of the right kind -------------------------------------------------------------


def timestamp_text(moment: datetime, zulu: bool) -> str:
    text = moment.isoformat()
    if zulu and text.endswith("+00:00"):
        text = text[: -len("+00:00")] + "Z"
    return text


TIMESTAMPS = st.builds(
    timestamp_text,
    st.datetimes(
        min_value=datetime(1900, 1, 1),
        max_value=datetime(2200, 1, 1),
        timezones=OFFSETS,
    ),
    st.booleans(),
)


def wire_value(tp: Any, depth: int) -> st.SearchStrategy[Any]:
    """Non-null wire values a field annotated ``tp`` must accept."""
    if tp is str:
        return st.text(max_size=10)
    if tp is int:
        return st.integers(-(2**63), 2**63 - 1) | st.integers(0, 2**63 - 1).map(str)
    if tp is float:
        return (
            st.integers(-(2**53), 2**53)
            | st.floats(allow_nan=False, allow_infinity=False)
            | st.integers(0, 10**9).map(str)
            | st.floats(0, 1e9).map(repr)
        )
    if tp is bool:
        return st.booleans() | st.sampled_from(["true", "false"])
    if tp is datetime:
        return TIMESTAMPS
    if isinstance(tp, type) and issubclass(tp, OpenStrEnum):
        known = st.sampled_from([member.value for member in tp])
        values: st.SearchStrategy[Any] = known | st.text(max_size=8)
        if tp is MediaFileQuality:
            values |= st.sampled_from([720, 1080]) | st.integers(0, 5000)
        return values
    if isinstance(tp, type) and issubclass(tp, OpenNumberEnum):
        known = st.sampled_from([member.value for member in tp])
        return known | st.integers(-1000, 1000) | st.floats(allow_nan=False, allow_infinity=False)
    if is_model(tp):
        return wire_object(tp, depth + 1)

    kind, item = container(tp)
    if kind is tuple:
        items: st.SearchStrategy[Any] = (
            st.text(max_size=8) if item is str else wire_object(item, depth + 1)
        )
        return st.lists(items, max_size=3)
    if kind is Mapping:
        entries: st.SearchStrategy[Any] = JSON if item is Any else wire_object(item, depth + 1)
        return st.dictionaries(st.text(max_size=6), entries, max_size=3)

    msg = f"no strategy for {tp!r}"
    raise AssertionError(msg)


def wire_object(cls: type[Model], depth: int = 0) -> st.SearchStrategy[dict[str, Any]]:
    """Wire objects of ``cls``: any subset of its keys, nulls, unknown keys, any order."""
    fields = fields_of(cls)
    known_keys = {field.wire for field in fields}
    # Deeper levels leave more out, so that examples stay small.
    if depth > 1:
        return st.fixed_dictionaries({}, optional={f.wire: st.none() for f in fields[:2]})

    known = st.fixed_dictionaries(
        {}, optional={f.wire: st.none() | wire_value(f.tp, depth) for f in fields}
    )
    unknown = st.dictionaries(
        st.text(max_size=8).filter(lambda key: key not in known_keys), JSON, max_size=2
    )
    return st.tuples(known, unknown).flatmap(
        lambda parts: st.permutations([*parts[0].items(), *parts[1].items()]).map(dict)
    )


# --- the properties of reading ------------------------------------------------------------


def assert_typed(model: Model, data: Mapping[str, Any]) -> None:
    """Each field holds its annotated Python type; unknown enum values are kept raw."""
    for field in fields_of(type(model)):
        value = getattr(model, field.name)
        raw = data.get(field.wire)
        if raw is None:
            assert value is None
            continue

        tp = field.tp
        kind, item = container(tp)
        if isinstance(tp, type) and issubclass(tp, Enum):
            assert isinstance(value, tp)
            if isinstance(raw, str) and raw not in {m.value for m in tp}:
                assert not value.is_known  # type: ignore[attr-defined]
                assert value.value == raw
        elif tp is datetime:
            assert isinstance(value, datetime)
            assert value.tzinfo is not None
        elif tp is float:
            assert isinstance(value, int | float)
            assert not isinstance(value, bool)
        elif is_model(tp):
            assert isinstance(value, tp)
            assert_typed(value, raw)
        elif kind is tuple:
            assert isinstance(value, tuple)
            assert len(value) == len(raw)
            for entry, raw_entry in zip(value, raw, strict=True):
                if is_model(item):
                    assert_typed(entry, raw_entry)
                else:
                    assert isinstance(entry, str)
        elif kind is Mapping:
            assert isinstance(value, dict)
        else:
            assert type(value) is tp


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
@SETTINGS
@given(data=st.data())
def test_any_wire_object_reads_and_writes_back(cls: type[Model], data: st.DataObject) -> None:
    wire = data.draw(wire_object(cls))

    model = cls.from_dict(wire)
    written = model.to_dict()

    assert list(written) == list(wire)
    assert cls.from_dict(written) == model
    assert cls.from_dict(orjson.loads(orjson.dumps(written))) == model
    assert cls.from_dict(written).to_dict() == written
    known = {field.wire for field in fields_of(cls)}
    for key, value in wire.items():
        if key not in known or value is None:
            assert written[key] == value
    assert_typed(model, wire)


@SETTINGS
@given(data=st.data())
def test_structure_many_reads_each_item_like_from_dict(data: st.DataObject) -> None:
    cls = data.draw(st.sampled_from(CLASSES))
    items = data.draw(st.lists(wire_object(cls), max_size=4))

    assert structure_many(cls, items) == [cls.from_dict(item) for item in items]


# --- values of the wrong kind -------------------------------------------------------------


NOT_OBJECTS = st.text(max_size=5) | st.integers() | st.booleans()
NOT_SCALARS = st.lists(JSON, max_size=2) | st.dictionaries(st.text(max_size=3), JSON, max_size=2)


def _not_timestamp(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return True
    return False


def wrong_value(tp: Any, wire: str) -> st.SearchStrategy[tuple[Any, str]]:
    """``(value, path)``: a value a field annotated ``tp`` must refuse, and where."""
    here = st.just(wire)

    values: st.SearchStrategy[Any]
    if tp is str:
        values = st.integers() | st.booleans() | st.floats(allow_nan=False) | NOT_SCALARS
    elif tp is int:
        values = (
            st.text(max_size=6).filter(lambda text: not _INTEGER.match(text))
            | st.floats(allow_nan=False, allow_infinity=False).filter(
                lambda number: not number.is_integer()
            )
            | st.booleans()
            | NOT_SCALARS
        )
    elif tp is float:
        values = (
            st.text(max_size=6).filter(lambda text: not _NUMBER.match(text))
            | st.booleans()
            | NOT_SCALARS
        )
    elif tp is bool:
        values = (
            st.integers()
            | st.text(max_size=6).filter(lambda text: text not in ("true", "false"))
            | NOT_SCALARS
        )
    elif tp is datetime:
        values = (
            st.integers()
            | st.booleans()
            | st.text(max_size=8).filter(_not_timestamp)
            | NOT_SCALARS
        )
    elif isinstance(tp, type) and issubclass(tp, OpenStrEnum):
        values = st.booleans() | st.floats(allow_nan=False) | NOT_SCALARS
        if tp is not MediaFileQuality:
            values |= st.integers()
    elif isinstance(tp, type) and issubclass(tp, OpenNumberEnum):
        values = st.text(max_size=5) | st.booleans() | NOT_SCALARS
    elif is_model(tp):
        return (NOT_OBJECTS | st.lists(JSON, max_size=2)).map(lambda v: (v, wire)) | wrong_object(
            tp
        ).map(lambda inner: (inner[0], join(wire, inner[1])))
    else:
        return wrong_container(tp, wire)

    return st.tuples(values, here)


def wrong_container(tp: Any, wire: str) -> st.SearchStrategy[tuple[Any, str]]:
    kind, item = container(tp)
    if kind is tuple and item is str:
        bad_item = st.integers() | st.booleans() | NOT_SCALARS
        return (NOT_OBJECTS | st.dictionaries(st.text(max_size=3), JSON, max_size=2)).map(
            lambda v: (v, wire)
        ) | st.builds(
            lambda before, bad, after: ([*before, bad, *after], f"{wire}[{len(before)}]"),
            st.lists(st.text(max_size=4), max_size=2),
            bad_item,
            st.lists(JSON, max_size=2),
        )
    if kind is tuple:
        # A lone object reads as one item, so only a non-list that is no object is wrong.
        return NOT_OBJECTS.map(lambda v: (v, wire)) | st.builds(
            lambda before, bad: ([*before, bad[0]], join(f"{wire}[{len(before)}]", bad[1])),
            st.lists(wire_object(item, 2), max_size=2),
            (NOT_OBJECTS | st.lists(JSON, max_size=2)).map(lambda v: (v, "")) | wrong_object(item),
        )
    if kind is Mapping and item is Any:
        return (NOT_OBJECTS | st.lists(JSON, max_size=2)).map(lambda v: (v, wire))
    if kind is Mapping:
        return (NOT_OBJECTS | st.lists(JSON, max_size=2)).map(lambda v: (v, wire)) | st.builds(
            lambda key, bad: ({key: bad[0]}, join(f"{wire}[{key!r}]", bad[1])),
            st.text(max_size=4),
            (NOT_OBJECTS | st.lists(JSON, max_size=2)).map(lambda v: (v, "")) | wrong_object(item),
        )
    msg = f"no strategy for {tp!r}"
    raise AssertionError(msg)


def join(prefix: str, path: str) -> str:
    if not path:
        return prefix
    return prefix + path if path.startswith("[") else f"{prefix}.{path}"


def wrong_object(cls: type[Model]) -> st.SearchStrategy[tuple[dict[str, Any], str]]:
    """``(object, path)``: a valid wire object of ``cls`` but for one value, and its path."""

    def place(
        base: dict[str, Any], field: Field, bad: tuple[Any, str]
    ) -> tuple[dict[str, Any], str]:
        return {**base, field.wire: bad[0]}, bad[1]

    return st.sampled_from(fields_of(cls)).flatmap(
        lambda field: st.builds(
            place,
            wire_object(cls, 2),
            st.just(field),
            st.deferred(lambda: wrong_value(field.tp, field.wire)),
        )
    )


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
@SETTINGS
@given(data=st.data())
def test_wrong_kinds_raise_naming_the_path(cls: type[Model], data: st.DataObject) -> None:
    wire, path = data.draw(wrong_object(cls))

    with pytest.raises(ModelValidationError) as caught:
        cls.from_dict(wire)

    assert caught.value.model == cls.__name__
    assert caught.value.path == path
