"""Certificate tests read the demo commune, built once per session. Reading and writing PDFs
never changes the database, so a module shares one copy (`demo`); a test that records prints,
saves a layout or edits data takes its own (`own_demo`)."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

# Decisions of the demo commune (seed 2026) the tests print.
SUDDEN = "121/QĐ-UBND"  # Giấy khen: Công an xã (tập thể) and two people
CSTD = "217/QĐ-UBND"  # Chiến sĩ thi đua cơ sở: 16 people (Giấy chứng nhận)
LDTT = "216/QĐ-UBND"  # Lao động tiên tiến: no sheet unless every title is asked for
GDVH = "166/QĐ-UBND"  # Gia đình văn hóa 2026: households, no sheet either
HIGHER = "3511/QĐ-UBND"  # the district's decision, only recorded


@dataclass(frozen=True)
class Demo:
    services: Any  # AppServices
    path: Path

    def decision(self, number: str) -> int:
        return int(self.sql("SELECT id FROM decision WHERE number = ?", number)[0][0])

    def sql(self, query: str, *params: object) -> list[tuple]:  # type: ignore[type-arg]
        """Read (or, in an own copy, change) the data behind the services' back."""
        conn = sqlite3.connect(self.path)
        try:
            rows = conn.execute(query, params).fetchall()
            conn.commit()
            return rows
        finally:
            conn.close()


def _open(source: Path, folder: Path) -> Iterator[Demo]:
    from emulation_desktop.services.container import AppServices
    from emulation_desktop.store.db import open_database

    copy = folder / "demo.db"
    shutil.copy2(source, copy)
    db = open_database(copy)
    try:
        yield Demo(AppServices.build(db, folder), copy)
    finally:
        db.dispose()


@pytest.fixture(scope="module")
def demo(demo_db_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """The demo commune, one private copy per test module (read only by convention)."""
    yield from _open(demo_db_file, tmp_path_factory.mktemp("demo-copy"))


@pytest.fixture
def own_demo(demo_db_file: Path, tmp_path: Path) -> Iterator[Demo]:
    """The demo commune in a copy of this test's own."""
    folder = tmp_path / "own"
    folder.mkdir()
    yield from _open(demo_db_file, folder)
