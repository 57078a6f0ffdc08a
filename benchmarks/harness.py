"""What a benchmark returns and how the table is printed."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Result:
    """One measured figure against its budget.

    Attributes:
        name: what was measured, as the issue names it.
        measured: seconds (median of the runs).
        budget: seconds allowed.
        baseline: the raw library doing the same work in the same run, if the issue asks for one.
        max_ratio: the allowed measured/baseline ratio, if the budget is also a ratio.
        unit: "s" for times (shown in ms), "MB" for memory.
    """

    name: str
    measured: float
    budget: float
    baseline: float | None = None
    max_ratio: float | None = None
    unit: str = "s"

    @property
    def ratio(self) -> float | None:
        return self.measured / self.baseline if self.baseline else None

    @property
    def passed(self) -> bool:
        if self.measured > self.budget:
            return False
        return not (
            self.max_ratio is not None and self.ratio is not None and self.ratio > self.max_ratio
        )


def median_seconds(fn: Callable[[], float], runs: int) -> float:
    """Median of `runs` calls of `fn`, each returning the seconds it measured itself."""
    return statistics.median(fn() for _ in range(runs))


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _shown(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"
    return f"{value:.0f} {unit}"


def format_table(results: list[Result]) -> str:
    rows = [("Phép đo", "Đo được", "Giới hạn", "So với thư viện gốc", "Kết quả")]
    for r in results:
        ratio = (
            "–"
            if r.ratio is None
            else f"{r.ratio:.2f}×" + (f" (≤ {r.max_ratio:g}×)" if r.max_ratio else "")
        )
        rows.append(
            (
                r.name,
                _shown(r.measured, r.unit),
                _shown(r.budget, r.unit),
                ratio,
                "ĐẠT" if r.passed else "VƯỢT",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
