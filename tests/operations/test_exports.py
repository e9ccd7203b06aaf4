"""Every resource module's ``__all__`` lists the functions and classes it defines."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import cinebody_async.resources as resources

MODULES = sorted(info.name for info in pkgutil.iter_modules(resources.__path__))


@pytest.mark.parametrize("name", MODULES)
def test_all_lists_every_public_function_and_class(name: str) -> None:
    module = importlib.import_module(f"{resources.__name__}.{name}")
    defined = {
        attribute
        for attribute, value in vars(module).items()
        if not attribute.startswith("_")
        and (inspect.isfunction(value) or inspect.isclass(value))
        and value.__module__ == module.__name__
    }
    exported = set(module.__all__)

    assert defined - exported == set(), "public names missing from __all__"
    assert [attribute for attribute in exported if not hasattr(module, attribute)] == []
