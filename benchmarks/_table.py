"""Print a benchmark's result as an aligned plain-text table."""

from __future__ import annotations

from collections.abc import Sequence


def print_table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Print ``rows`` under ``header`` with a ``title`` line, columns padded to align.

    Floats are shown with three significant decimals; everything else with ``str``.
    """
    cells = [[_cell(value) for value in row] for row in rows]
    widths = [len(name) for name in header]
    for row in cells:
        widths = [max(width, len(cell)) for width, cell in zip(widths, row, strict=True)]

    print(f"\n{title}")
    print("  ".join(name.ljust(width) for name, width in zip(header, widths, strict=True)))
    print("  ".join("-" * width for width in widths))
    for row in cells:
        print("  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)))


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value)
