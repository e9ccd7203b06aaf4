"""Run every benchmark of the project and print its table.

Usage: ``python -m benchmarks.run [NAME ...]`` from the repository root, where each NAME
selects ``benchmarks/bench_NAME.py``; with no name, all of them run in file order. Each
module exposes ``main()``, plain or async, which prints its own table.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import sys
from pathlib import Path


def main(argv: list[str]) -> None:
    """Import and run the selected benchmark modules one after the other."""
    here = Path(__file__).resolve().parent
    names = argv or sorted(path.stem[len("bench_") :] for path in here.glob("bench_*.py"))

    for name in names:
        module = importlib.import_module(f"benchmarks.bench_{name}")
        result = module.main()
        if inspect.isawaitable(result):
            asyncio.run(_await(result))


async def _await(awaitable: object) -> None:
    await awaitable  # type: ignore[misc]


if __name__ == "__main__":
    main(sys.argv[1:])
