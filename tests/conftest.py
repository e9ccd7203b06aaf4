"""Shared fixtures of the test suite."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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


def _teach_aioresponses_the_current_client_response() -> None:
    """Let aioresponses build responses under aiohttp 3.14 and later.

    aiohttp 3.14 (a security release) added a required ``stream_writer`` argument to
    ``ClientResponse``; aioresponses 0.7.9, the newest release, does not pass it. The
    mock already marks the request as sent (``writer=None``), so a writer reporting no
    output is all the response needs.
    """
    import inspect
    import types

    import aioresponses.core
    from aiohttp import ClientResponse

    if "stream_writer" not in inspect.signature(ClientResponse.__init__).parameters:
        return

    class MockedClientResponse(ClientResponse):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("stream_writer", types.SimpleNamespace(output_size=0))
            super().__init__(*args, **kwargs)

    aioresponses.core.ClientResponse = MockedClientResponse  # type: ignore[misc]


_teach_aioresponses_the_current_client_response()
