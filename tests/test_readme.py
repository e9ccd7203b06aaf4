"""The README's quick-start examples run as written against FakeCinebody."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cinebody_async.models import MediaFileStatus
from cinebody_async.testing import FakeCinebody, SeedOptions

README = Path(__file__).resolve().parents[1] / "README.md"


def quick_start_blocks() -> list[str]:
    section = README.read_text().split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.DOTALL)


def test_quick_start_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = quick_start_blocks()
    assert len(blocks) == 2
    options = SeedOptions(teams_per_organization=1, projects_per_team=2, clips_per_project=30)

    with FakeCinebody(seed=1, seed_options=options).run_in_thread() as fake:
        for record in fake.state.projects.values():
            record["newStatus"] = record["status"] = "active"
        monkeypatch.setenv("CINEBODY_API_KEY", fake.api_key)
        monkeypatch.setenv("CINEBODY_BASE_URL", fake.url)
        pending = [
            clip["id"]
            for project in fake.state.projects
            for clip in fake.state.project_media_files(project)
            if clip["status"] == MediaFileStatus.PENDING.value
        ]
        assert pending

        for block in blocks:
            exec(compile(block, str(README), "exec"), {"__name__": "__main__"})

        assert all(fake.state.media_file(i)["status"] == "approved" for i in pending)
