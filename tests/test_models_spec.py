"""Every schema of the published spec, assembled from its own examples, reads and writes back.

An object is built for each schema from the ``example`` of each property (an enum's
first value, or a plain value of the declared type, where the spec gives no example),
following ``$ref`` and ``allOf``. Where the spec's example is wrong, the test either
expects the documented error or reads the value as the real API sends it; both lists
are below, each with its reason.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml

from cinebody_async import _convert
from cinebody_async.errors import ModelValidationError
from cinebody_async.models import (
    Address,
    ErrorBody,
    MediaFile,
    Model,
    Organization,
    OrganizationStats,
    Project,
    ProjectMediaCounts,
    ProjectStats,
    ProjectUserClipCount,
    ProjectUserCounts,
    ScheduledNotification,
    ScheduledNotificationCounts,
    Shot,
    ShotType,
    Team,
    TeamProfileImages,
    TeamStats,
    TeamStorageUsage,
    TeamUser,
    TeamUserCounts,
    User,
    UserProfileImages,
)

SCHEMA_MODELS: dict[str, type[Model]] = {
    "Address": Address,
    "Organization": Organization,
    "Team": Team,
    "TeamUserCounts": TeamUserCounts,
    "User": User,
    "TeamUser": TeamUser,
    "ProjectUserCounts": ProjectUserCounts,
    "TeamStorageUsage": TeamStorageUsage,
    "TeamStats": TeamStats,
    "OrganizationStats": OrganizationStats,
    "ProjectMediaCounts": ProjectMediaCounts,
    "Project": Project,
    "MediaFile": MediaFile,
    "TeamProfileImages": TeamProfileImages,
    "UserProfileImages": UserProfileImages,
    "Shot": Shot,
    "ShotType": ShotType,
    "ProjectUserClipCount": ProjectUserClipCount,
    "ScheduledNotificationCounts": ScheduledNotificationCounts,
    "ProjectStats": ProjectStats,
    "ScheduledNotification": ScheduledNotification,
    # The five error schemas have one shape.
    "ErrorBadRequest": ErrorBody,
    "ErrorNotAuthorized": ErrorBody,
    "ErrorMissingParameters": ErrorBody,
    "ErrorNotFound": ErrorBody,
    "ErrorServerError": ErrorBody,
}

NOT_MODELS = {
    "APIVersion": "the apiVersion key beside every payload, read from the envelope",
}

# Examples of the spec that no reading can accept: the model raises, naming the field.
WRONG_EXAMPLES = {
    ("Project", "teaserTranscodingError"): "the example is `flase`, a typo of a boolean",
}

# Properties without an example whose value the real API sends in another type than the
# spec declares: the test gives them the API's form.
AS_THE_API_SENDS = {
    ("ScheduledNotification", "isFromTeam"): "true",
}


def load_schemas(spec_path: Path) -> dict[str, Any]:
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    schemas: dict[str, Any] = spec["components"]["schemas"]
    return schemas


def resolve(schemas: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = schemas[schema["$ref"].rsplit("/", 1)[1]]
    return schema


def properties(schemas: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    schema = resolve(schemas, schema)
    found: dict[str, Any] = {}
    for part in schema.get("allOf", []):
        found.update(properties(schemas, part))
    found.update(schema.get("properties", {}))
    return found


def is_object(schemas: dict[str, Any], schema: dict[str, Any]) -> bool:
    schema = resolve(schemas, schema)
    return "properties" in schema or "allOf" in schema or schema.get("type") == "object"


def example(schemas: dict[str, Any], schema: dict[str, Any], owner: str) -> Any:
    """The spec's example of a value of ``schema``, or one made from its type."""
    # A property's own example wins over that of the schema it refers to.
    if "example" in schema:
        return schema["example"]
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        return example(schemas, schemas[name], name)
    if "enum" in schema:
        return schema["enum"][0]
    if "properties" in schema or "allOf" in schema:
        return build(schemas, schema, owner)

    kind = schema.get("type")
    if kind == "array":
        return [example(schemas, schema["items"], owner)]
    if "additionalProperties" in schema:
        value = schema["additionalProperties"]
        item = example(schemas, value, owner) if isinstance(value, dict) else "value"
        return {"someKey": item}
    plain: dict[str, Any] = {"string": "text", "number": 7, "integer": 7, "boolean": True}
    return plain[str(kind)]


def build(schemas: dict[str, Any], schema: dict[str, Any], owner: str) -> dict[str, Any]:
    """An object of ``schema`` with every property set to its example."""
    result = {}
    for key, prop in properties(schemas, schema).items():
        if (owner, key) in AS_THE_API_SENDS:
            result[key] = AS_THE_API_SENDS[(owner, key)]
        else:
            result[key] = example(schemas, prop, owner)
    return result


def schema_names(spec_path: Path) -> list[str]:
    schemas = load_schemas(spec_path)
    return [name for name, schema in schemas.items() if is_object(schemas, schema)]


def test_every_object_schema_has_a_model(spec_path: Path) -> None:
    names = set(schema_names(spec_path))

    assert names - set(NOT_MODELS) == set(SCHEMA_MODELS)


def test_every_model_field_is_a_property_of_its_schema(spec_path: Path) -> None:
    schemas = load_schemas(spec_path)

    for name, cls in SCHEMA_MODELS.items():
        declared = set(properties(schemas, schemas[name]))
        wires = {_convert.wire_name(a) for a in attrs.fields(cls) if not a.name.startswith("_")}
        assert wires == declared, name


@pytest.mark.parametrize("name", sorted(SCHEMA_MODELS))
def test_schema_example_reads_and_writes_back(spec_path: Path, name: str) -> None:
    schemas = load_schemas(spec_path)
    cls = SCHEMA_MODELS[name]
    data = build(schemas, schemas[name], name)

    for (owner, key), reason in WRONG_EXAMPLES.items():
        if owner == name:
            with pytest.raises(ModelValidationError) as caught:
                cls.from_dict(data)
            assert (caught.value.model, caught.value.path) == (name, key), reason
            data[key] = False

    model = cls.from_dict(data)
    wire = model.to_dict()

    assert list(wire) == list(data)
    assert cls.from_dict(wire) == model
    assert_python_types(model)


def assert_python_types(model: Model) -> None:
    """Every field holds the Python type its annotation promises, all the way down."""
    hints = attrs.resolve_types(type(model))
    for field in attrs.fields(hints):
        value = getattr(model, field.name)
        if value is None or field.name.startswith("_"):
            continue
        if isinstance(value, Model):
            assert_python_types(value)
        elif isinstance(value, tuple):
            for item in value:
                if isinstance(item, Model):
                    assert_python_types(item)
                else:
                    assert isinstance(item, str)
        elif isinstance(value, datetime):
            assert value.tzinfo is not None
        elif isinstance(value, Enum):
            pass
        else:
            expected: dict[str, type | tuple[type, ...]] = {
                "str": str,
                "int": int,
                "float": (int, float),
                "bool": bool,
            }
            kind = str(field.type).split(" | ")[0]
            if kind in expected:
                assert isinstance(value, expected[kind]), (type(model).__name__, field.name)


def test_spec_examples_read_as_the_api_means_them(spec_path: Path) -> None:
    schemas = load_schemas(spec_path)

    project_data = build(schemas, schemas["Project"], "Project")
    project_data["teaserTranscodingError"] = False
    project = Project.from_dict(project_data)
    clip = MediaFile.from_dict(build(schemas, schemas["MediaFile"], "MediaFile"))
    stats = ProjectStats.from_dict(build(schemas, schemas["ProjectStats"], "ProjectStats"))
    team = Team.from_dict(build(schemas, schemas["Team"], "Team"))

    # Sizes the spec types as numbers but gives as strings.
    assert project.teaser_file_size_sd == 8464728
    assert project.teaser_thumb_size == 150000
    assert project.teaser_file_size == 132236162
    # Quality written as the YAML number 1080.
    assert clip.quality is not None
    assert clip.quality.value == "1080"
    # userClipCounts declared as one object.
    assert stats.user_clip_counts is not None
    assert len(stats.user_clip_counts) == 1
    # TeamStatus's example `admin` is none of its values: kept, not refused.
    assert team.status is not None
    assert team.status.value == "admin"
    assert not team.status.is_known


def test_enum_schemas_match_the_enums(spec_path: Path) -> None:
    from cinebody_async import models

    schemas = load_schemas(spec_path)
    renamed = {"ShotTypeAttributes": "ShotTypeAttribute"}

    for name, schema in schemas.items():
        if "enum" not in schema:
            continue
        enum_cls = getattr(models, renamed.get(name, name))
        declared = [
            str(value) if name == "MediaFileQuality" else value for value in schema["enum"]
        ]
        assert [member.value for member in enum_cls] == list(dict.fromkeys(declared)), name
