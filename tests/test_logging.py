"""CINEBODY_LOG attaches a stderr handler; without it the SDK adds none."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
import logging
from cinebody_async._logging import logger
logger.debug("a debug line")
logger.info("an info line")
print(len(logger.handlers), logging.getLevelName(logger.level))
"""


def run(level: str | None) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key != "CINEBODY_LOG"}
    if level is not None:
        environment["CINEBODY_LOG"] = level
    return subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
        timeout=60,
    )


def test_debug_level_shows_every_line_on_stderr() -> None:
    result = run("debug")

    assert "cinebody DEBUG a debug line" in result.stderr
    assert "cinebody INFO an info line" in result.stderr
    assert result.stdout.split() == ["1", "DEBUG"]


def test_info_level_hides_debug_lines() -> None:
    result = run("INFO")

    assert "a debug line" not in result.stderr
    assert "an info line" in result.stderr


def test_without_the_variable_the_sdk_adds_no_handler() -> None:
    result = run(None)

    assert result.stdout.split() == ["0", "NOTSET"]
