"""The client fixtures of the pytest plugin, as a user's test suite would use them."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

USERS_TESTS = """
    import cinebody_async

    async def test_async_client(cinebody_client, cinebody_fake):
        (org,) = await cinebody_client.organizations.list().all()
        assert org.id in cinebody_fake.state.organizations

    async def test_async_retries_do_not_wait(cinebody_client, cinebody_fake):
        cinebody_fake.faults.script("GET /organizations", [503, 503])
        assert await cinebody_client.organizations.list().all()

    def test_sync_client(cinebody_sync_client, cinebody_fake_thread):
        projects = cinebody_sync_client.projects.list().all()
        assert {p.id for p in projects} == set(cinebody_fake_thread.state.projects)
"""


def test_client_fixtures_point_at_the_fake(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(
        'pytest_plugins = ["cinebody_async.testing.pytest_plugin"]\n'
    )
    (tmp_path / "test_users_code.py").write_text(textwrap.dedent(USERS_TESTS))

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-o",
            "asyncio_mode=auto",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout
