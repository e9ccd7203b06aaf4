"""Every operation of the API has exactly one SDK method, and the README lists them."""

from __future__ import annotations

import importlib.util
import inspect
from collections import Counter
from pathlib import Path

import pytest
import yaml

from cinebody_async import CinebodyClient
from cinebody_async.resources._base import Resource, operation_of

ROOT = Path(__file__).resolve().parents[2]
METHODS = {"get", "post", "put", "patch", "delete"}


def marked_operations() -> Counter[tuple[str, str]]:
    marks: Counter[tuple[str, str]] = Counter()
    for resource in vars(CinebodyClient("coverage-probe")).values():
        if isinstance(resource, Resource):
            for member in vars(type(resource)).values():
                mark = operation_of(member) if inspect.isfunction(member) else None
                if mark is not None:
                    marks[mark] += 1
    return marks


def test_every_operation_of_the_spec_has_one_sdk_method(spec_path: Path) -> None:
    spec = yaml.safe_load(spec_path.read_text())
    in_spec = {
        (method.upper(), path)
        for path, item in spec["paths"].items()
        for method in item
        if method in METHODS
    }
    marks = marked_operations()

    assert len(in_spec) == 50
    assert in_spec - set(marks) == set(), "operations without an SDK method"
    assert set(marks) - in_spec == set(), "SDK methods marked with no such operation"
    assert [mark for mark, times in marks.items() if times > 1] == []


def test_the_readme_table_is_current() -> None:
    path = ROOT / "scripts" / "operations_table.py"
    spec = importlib.util.spec_from_file_location("operations_table", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    if module.START not in (ROOT / "README.md").read_text():
        pytest.fail("README.md lacks the operations table markers")
    assert module.main(["--check"]) == 0, "run python scripts/operations_table.py"
