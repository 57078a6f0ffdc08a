"""Runs in its own process (so its memory is its own): builds or opens a 100,000-person
database, then times the people list as the officer uses it and prints the figures as JSON.

python -m benchmarks.registry_probe DB_PATH
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
import resource
import sqlite3
import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import insert

from emulation_desktop.domain.demo_data import generate_demo_commune
from emulation_desktop.domain.text import fold, name_sort_text, text_sort_text
from emulation_desktop.store.db import open_database
from emulation_desktop.store.models import PersonRow, UnitRow

PEOPLE = 100_000
SEARCH = "nguyen thi lan"


def build(path: Path) -> None:
    """The demo units and 100,000 people drawn from the demo's name statistics."""
    db = open_database(path)
    demo = generate_demo_commune(2026)
    with db.session_scope() as s:
        ids = {}
        for order, u in enumerate(demo.units):
            row = UnitRow(name=u.name, kind=u.kind, sort_order=10 * (order + 1),
                          parent_id=ids.get(u.parent_key))  # fmt: skip
            s.add(row)
            s.flush()
            ids[u.key] = row.id
        rows, seed = [], 1
        while len(rows) < PEOPLE:
            for p in generate_demo_commune(seed).people:
                rows.append({
                    "full_name": p.full_name, "name_fold": fold(p.full_name),
                    "sort_key": name_sort_text(p.full_name), "gender": p.gender,
                    "birth_date": p.birth_date, "birth_year": p.birth_year,
                    "position": p.position, "position_key": text_sort_text(p.position),
                    "unit_id": ids[p.unit_key], "kind": p.kind, "cccd": None, "active": True,
                })  # fmt: skip
            seed += 1
        s.execute(insert(PersonRow), rows[:PEOPLE])
    db.dispose()


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def probe(path: Path) -> dict[str, float]:
    from PySide6.QtCore import Qt

    from emulation_desktop.app import open_context
    from emulation_desktop.domain.registry_views import PersonQuery

    from emulation_desktop.gui import application
    from emulation_desktop.gui.registry.people_tab import PeopleTab
    from emulation_desktop.gui.tasks import SyncTaskRunner

    app = application.create_qapplication()
    out: dict[str, float] = {}
    with open_context(path) as ctx:
        registry = ctx.services.registry
        registry.count_people(PersonQuery())  # warm the file cache as a second opening would

        def open_list() -> tuple[float, PeopleTab]:
            start = time.perf_counter()
            tab = PeopleTab(registry, SyncTaskRunner(), lambda: None, lambda q: None,
                            lambda: None)  # fmt: skip
            tab.set_units(registry.units())
            tab.resize(1200, 700)
            tab.show()
            tab.panel.table.viewport().grab()  # paints: the visible rows are fetched now
            return time.perf_counter() - start, tab

        samples, tab = [], None
        for _ in range(5):
            elapsed, tab = open_list()
            samples.append(elapsed)
        out["open_ms"] = _median_ms(samples)
        assert tab is not None
        out["rows"] = tab.model.rowCount()

        typing = []
        for _ in range(3):
            tab.panel.search.clear()
            app.processEvents()
            for i in range(1, len(SEARCH) + 1):
                start = time.perf_counter()
                tab.panel.search.setText(SEARCH[:i])
                tab.panel.table.viewport().grab()
                typing.append(time.perf_counter() - start)
        out["keystroke_ms"] = _median_ms(typing)
        out["keystroke_max_ms"] = max(typing) * 1000
        tab.panel.search.clear()

        sorting = []
        for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder) * 3:
            start = time.perf_counter()
            tab.panel.table.sortByColumn(0, order)
            tab.panel.table.viewport().grab()
            sorting.append(time.perf_counter() - start)
        out["sort_ms"] = _median_ms(sorting)

        start = time.perf_counter()
        tab.panel.table.scrollToBottom()
        tab.panel.table.viewport().grab()
        out["scroll_end_ms"] = (time.perf_counter() - start) * 1000

        # The raw library doing the list's first screen: count + first page, nothing else.
        raw = sqlite3.connect(path)
        start = time.perf_counter()
        for _ in range(5):
            raw.execute("SELECT count(*) FROM person WHERE active = 1").fetchone()
            raw.execute("SELECT * FROM person WHERE active = 1 ORDER BY sort_key, id "
                        "LIMIT 200").fetchall()  # fmt: skip
        out["raw_first_screen_ms"] = (time.perf_counter() - start) / 5 * 1000
        raw.close()
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main(argv: list[str]) -> int:
    path = Path(argv[0])
    if not path.exists():
        build(path)
    print(json.dumps(probe(path)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
