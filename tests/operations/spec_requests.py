"""Checking the requests the SDK sends against the validator copy of the spec.

The published spec is wrong in a few places (see the Cinebody API notes); where a
request the SDK must send cannot fit it, the correction is listed once in
:data:`REQUEST_DEFECTS` with its reason. ``nullable: true`` beside a ``$ref``, which
openapi-core ignores, is made to allow null.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

from cinebody_async.testing import RecordedRequest

Spec = dict[str, Any]
HOST = "https://app-api.cinebody.com"


def _operation(spec: Spec, method: str, path: str) -> Spec:
    operation: Spec = spec["paths"]["/app/3.0" + path][method]
    return operation


def _shot_updates_need_ids(spec: Spec) -> None:
    body = _operation(spec, "patch", "/projects/{projectId}/shots")["requestBody"]
    schema = body["content"]["application/json"]["schema"]
    items = schema["properties"]["shotsToUpdate"]["items"]
    items["required"] = ["id"]


# Where a correct request cannot fit the published spec, and why.
REQUEST_DEFECTS: dict[str, tuple[str, Callable[[Spec], None]]] = {
    "PATCH /projects/{projectId}/shots": (
        "the list items declare `required: ['']`, a property that cannot exist; each "
        "item needs its `id`",
        _shot_updates_need_ids,
    ),
}


def _string_keys(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(key): _string_keys(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_string_keys(value) for value in node]
    return node


def _nullable_refs(node: Any, schemas: Spec) -> None:
    if isinstance(node, dict):
        if "$ref" in node and node.get("nullable"):
            target = copy.deepcopy(schemas[node["$ref"].rsplit("/", 1)[1]])
            target["nullable"] = True
            if "enum" in target:
                target["enum"] = [*target["enum"], None]
            node.clear()
            node.update(target)
            return
        for value in node.values():
            _nullable_refs(value, schemas)
    elif isinstance(node, list):
        for value in node:
            _nullable_refs(value, schemas)


def load_corrected_spec(path: Path) -> Spec:
    """Read the validator copy of the spec and apply the corrections above."""
    spec: Spec = _string_keys(yaml.safe_load(path.read_text()))
    _nullable_refs(spec, spec["components"]["schemas"])
    for _, correct in REQUEST_DEFECTS.values():
        correct(spec)
    return spec


class RequestChecker:
    """Validates recorded API requests (method, path, query, body) with openapi-core."""

    def __init__(self, spec: Spec) -> None:
        from openapi_core import OpenAPI

        self._openapi = OpenAPI.from_dict(spec)

    def problems(self, requests: Iterable[RecordedRequest]) -> list[str]:
        """Return one line per request that does not fit the spec (none: all fit)."""
        from openapi_core.testing import MockRequest

        found = []
        for request in requests:
            if request.origin != "api":
                continue
            content_type = request.header("Content-Type") or "application/json"
            if content_type.startswith("multipart/"):
                # openapi-core cannot read multipart bodies; the image PUTs carry one.
                continue
            mock = MockRequest(
                HOST,
                request.method.lower(),
                request.path,
                args=list(request.query),  # type: ignore[arg-type]
                headers=dict(request.headers),
                data=request.body or None,
                content_type=content_type.split(";")[0],
            )
            result = self._openapi.unmarshal_request(mock)
            if result.errors:
                details = "; ".join(_explain(error) for error in result.errors)
                found.append(f"{request.method} {request.path}?{request.query}: {details}")
        return found


def _explain(error: Exception) -> str:
    causes = [str(cause) for cause in getattr(error, "schema_errors", [])]
    cause = error.__cause__
    if cause is not None:
        causes += [str(inner) for inner in getattr(cause, "schema_errors", [])] or [str(cause)]
    return f"{error}" + (f" ({'; '.join(causes)})" if causes else "")
