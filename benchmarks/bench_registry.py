"""The registry with 100,000 people (issue budgets): the list opens < 300 ms, one keystroke of
search < 50 ms, sorting by name < 300 ms, memory < 400 MB RSS; importing 10,000 Excel rows < 5 s.

The list figures come from a separate process (benchmarks/registry_probe.py) so that its memory
is measured alone. Baselines are the raw libraries in the same run: sqlite3 reading the first
screen of the list, and openpyxl reading the import file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

from benchmarks.harness import Result, median_seconds, timed
from emulation_desktop.domain.demo_data import generate_demo_commune
from emulation_desktop.domain.text import thousands

IMPORT_ROWS = 10_000


def _write_import_file(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH CÁN BỘ, CÔNG CHỨC, NGƯỜI LAO ĐỘNG"])
    ws.append([])
    ws.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Đơn vị", "Số CCCD"])
    n, seed = 0, 1
    while n < IMPORT_ROWS:
        for p in generate_demo_commune(seed).people:
            if n == IMPORT_ROWS:
                break
            n += 1
            birth = dt.datetime(p.birth_date.year, p.birth_date.month, p.birth_date.day) \
                if p.birth_date else p.birth_year  # fmt: skip
            ws.append([n, p.full_name, birth, p.gender.label, p.position,
                       f"Thôn {1 + n % 40}", f"{n:012d}"])  # fmt: skip
        seed += 1
    wb.save(path)


def _import_once(tmp: Path, source: Path, run: int) -> float:
    from emulation_desktop.app import open_context

    with open_context(tmp / f"import-{run}.db") as ctx:
        imports = ctx.services.imports

        def work() -> None:
            src = imports.open(source)
            preview = imports.preview(src, imports.plan(src))
            summary = imports.commit(preview)
            assert summary.created == IMPORT_ROWS, summary

        return timed(work)


def run() -> list[Result]:
    results = []
    with tempfile.TemporaryDirectory(prefix="tdkt-bench-") as tmp_name:
        tmp = Path(tmp_name)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
                   EMULATION_DESKTOP_DATA_DIR=str(tmp / "data"))  # fmt: skip
        db = tmp / "100k.db"
        probe = subprocess.run(
            [sys.executable, "-m", "benchmarks.registry_probe", str(db)],
            check=True, env=env, capture_output=True, text=True, encoding="utf-8",
        )  # fmt: skip
        f = json.loads(probe.stdout.strip().splitlines()[-1])
        raw = f["raw_first_screen_ms"] / 1000
        n = thousands(int(f["rows"]))
        results += [
            Result(f"Mở danh sách {n} cá nhân", f["open_ms"] / 1000, 0.300, baseline=raw),
            Result("Một lần gõ phím khi tìm kiếm (trung vị)", f["keystroke_ms"] / 1000, 0.050,
                   baseline=raw),
            Result("Một lần gõ phím khi tìm kiếm (chậm nhất)", f["keystroke_max_ms"] / 1000,
                   0.050),
            Result("Sắp xếp theo tên", f["sort_ms"] / 1000, 0.300, baseline=raw),
            Result("Bộ nhớ khi đã mở danh sách 100.000 người", f["rss_mb"], 400, unit="MB"),
        ]  # fmt: skip

        os.environ["EMULATION_DESKTOP_DATA_DIR"] = str(tmp / "data")
        source = tmp / "nhap.xlsx"
        _write_import_file(source)
        counter = iter(range(100))
        measured = median_seconds(lambda: _import_once(tmp, source, next(counter)), 3)
        baseline = median_seconds(lambda: timed(lambda: openpyxl.load_workbook(source)), 3)
        results.append(
            Result(
                f"Nhập {thousands(IMPORT_ROWS)} dòng Excel",
                measured,
                5.0,
                baseline=baseline,
            )
        )
    return results
