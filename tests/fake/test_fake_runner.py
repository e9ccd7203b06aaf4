"""Running the fake: seeded sizes, the state API, a background thread, the command line
and the pytest plugin."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import urllib.request
from pathlib import Path

import pytest

from cinebody_async.testing import FakeAPIError, FakeCinebody, SeedOptions
from cinebody_async.testing.__main__ import build, parse_args


def test_sizes_are_explicit_and_deterministic() -> None:
    fake = FakeCinebody(
        seed=9,
        teams_per_organization=3,
        projects_per_team=2,
        clips_per_project=7,
        edits_per_project=1,
    )
    state = fake.state
    assert len(state.teams) == 3
    assert len(state.projects) == 6
    assert all(state.project_media_file_count(p) == 8 for p in state.projects)
    same = FakeCinebody(
        seed=9,
        teams_per_organization=3,
        projects_per_team=2,
        clips_per_project=7,
        edits_per_project=1,
    )
    assert list(same.state.media_files.values()) == list(state.media_files.values())
    other = FakeCinebody(seed=10, clips_per_project=7)
    assert set(other.state.projects).isdisjoint(state.projects)
    assert fake.api_key == same.api_key != other.api_key


def test_seeded_clips_look_like_the_api_sends_them() -> None:
    options = SeedOptions.single_project(clips=2_000, clip_size_range=(1_000, 5_000))
    fake = FakeCinebody(seed=1, seed_options=options)
    clips = list(fake.state.media_files.values())
    assert len(clips) == 2_000 + options.edits_per_project
    assert all(
        isinstance(c["fileSize"], str) and 1_000 <= int(c["fileSize"]) <= 5_000
        for c in clips
        if not c["isEdit"]
    )
    assert {c["status"] for c in clips} == {"pending", "approved", "rejected"}
    assert {c["quality"] for c in clips} <= {"720", "1080", "4k"}
    assert any(c["ShotId"] is None for c in clips)
    assert any(c["ShotId"] is not None for c in clips)
    stamps = [c["createdAt"] for c in clips]
    assert stamps == sorted(stamps)
    assert all(c["moderatedAt"] is None for c in clips if c["status"] == "pending")


def test_state_methods_raise_the_api_errors() -> None:
    state = FakeCinebody(seed=2, clips_per_project=1).state
    with pytest.raises(FakeAPIError) as missing:
        state.add_media_file("nope")
    assert (missing.value.status, missing.value.code) == (404, "PROJECT_NOT_FOUND")
    project = next(iter(state.projects.values()))
    with pytest.raises(FakeAPIError) as taken:
        state.add_project(project["TeamId"], joinCode=project["joinCode"].upper())
    assert taken.value.code == "JOIN_CODE_TAKEN"
    with pytest.raises(FakeAPIError) as bad:
        state.update_media_file(next(iter(state.media_files)), status="maybe")
    assert bad.value.status == 400
    clip = state.add_media_file(project["id"], fileSize=12, createdAt="2000-01-01T00:00:00.000Z")
    assert state.project_media_files(project["id"])[0]["id"] == clip["id"]
    assert clip["fileSize"] == "12"
    state.delete_media_file(clip["id"])
    assert clip["id"] not in {c["id"] for c in state.project_media_files(project["id"])}


def test_unknown_option_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="clips_per_team"):
        FakeCinebody(clips_per_team=3)


def test_thread_serves_synchronous_callers() -> None:
    fake = FakeCinebody(seed=4, clips_per_project=3)
    with fake.run_in_thread() as running:
        request = urllib.request.Request(
            running.url + "/app/3.0/organizations", headers={"x-api-key": running.api_key}
        )
        with urllib.request.urlopen(request, timeout=30) as answer:
            body = json.loads(answer.read())
        assert body["organizations"][0]["id"] == next(iter(fake.state.organizations))
    assert fake.counters.requests["GET /organizations"] == 1


def test_command_line_options() -> None:
    args = parse_args(
        [
            "--port",
            "0",
            "--seed",
            "5",
            "--clips-per-project",
            "3",
            "--rate-limit",
            "4",
            "--rate-limit-status",
            "420",
            "--latency",
            "0.5",
            "--clip-size",
            "10",
            "20",
        ]
    )
    fake = build(args)
    assert fake.seed == 5
    assert fake.seed_options.clips_per_project == 3
    assert fake.seed_options.clip_size_range == (10, 20)
    assert all(
        10 <= int(c["fileSize"]) <= 20 for c in fake.state.media_files.values() if not c["isEdit"]
    )
    plan = fake.faults.plan("GET /teams", "/app/3.0/teams")
    assert plan.delay == 0.5


def test_command_line_prints_where_it_listens() -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "cinebody_async.testing",
            "--port",
            "0",
            "--clips-per-project",
            "2",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline().split()
        fields = dict(item.split("=", 1) for item in first)
        assert set(fields) == {"url", "api_key", "s3_url"}
        request = urllib.request.Request(
            fields["url"] + "/app/3.0/teams", headers={"x-api-key": fields["api_key"]}
        )
        with urllib.request.urlopen(request, timeout=30) as answer:
            assert json.loads(answer.read())["count"] == 2
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert process.returncode == 0


def test_pytest_plugin(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(
        'pytest_plugins = ["cinebody_async.testing.pytest_plugin"]\n'
    )
    (tmp_path / "test_uses_fake.py").write_text(
        textwrap.dedent(
            """
            import pytest

            async def test_default(cinebody_fake):
                assert cinebody_fake.url.startswith("http://127.0.0.1:")
                assert len(cinebody_fake.state.projects) == 6

            @pytest.mark.cinebody_fake(seed=3, projects_per_team=1, clips_per_project=4)
            async def test_marker(cinebody_fake):
                assert cinebody_fake.seed == 3
                assert len(cinebody_fake.state.projects) == 2

            def test_thread(cinebody_fake_thread):
                assert cinebody_fake_thread.url
            """
        )
    )
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
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout
