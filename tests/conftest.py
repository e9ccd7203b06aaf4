"""Shared fixtures of the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared" / "cinebody"


@pytest.fixture(scope="session")
def spec_path() -> Path:
    """The published OpenAPI description, or a skip when it is not beside the project."""
    path = SHARED / "openapi.yaml"
    if not path.is_file():
        pytest.skip(f"the Cinebody spec is not at {path}")
    return path


@pytest.fixture(scope="session")
def validators_spec_path() -> Path:
    """The validator-loadable copy of the spec, or a skip when it is absent."""
    path = SHARED / "openapi.validators.yaml"
    if not path.is_file():
        pytest.skip(f"the validator copy of the Cinebody spec is not at {path}")
    return path
