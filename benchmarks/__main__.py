"""Run every benchmark module (bench_*.py), print one table, exit 1 if any budget is missed.

python -m benchmarks            # all
python -m benchmarks startup    # only modules whose name contains "startup"
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

from benchmarks.harness import Result, format_table


def main(argv: list[str]) -> int:
    folder = Path(__file__).resolve().parent
    names = sorted(
        m.name for m in pkgutil.iter_modules([str(folder)]) if m.name.startswith("bench_")
    )
    if argv:
        names = [n for n in names if any(a in n for a in argv)]
    if not names:
        print("Không có phép đo nào khớp.", file=sys.stderr)
        return 2
    results: list[Result] = []
    for name in names:
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"… {name}", file=sys.stderr, flush=True)
        results.extend(module.run())
    print(format_table(results))
    missed = [r.name for r in results if not r.passed]
    if missed:
        print("Vượt giới hạn: " + "; ".join(missed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
