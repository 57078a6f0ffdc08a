"""Document tests read one demo commune built once per session (generating a document never
writes to the database, and a test that needs to change data builds its own)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def demo(demo_db_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """AppServices over a private copy of the demo database (one per test module)."""
    from emulation_desktop.services.container import AppServices
    from emulation_desktop.store.db import open_database

    copy = tmp_path_factory.mktemp("demo-copy") / "demo.db"
    shutil.copy2(demo_db_file, copy)
    db = open_database(copy)
    try:
        yield AppServices.build(db, copy.parent)
    finally:
        db.dispose()


@pytest.fixture
def ward(demo_db_file: Path, tmp_path: Path) -> Iterator[object]:
    """The demo commune become a phường (its own copy of the database)."""
    from emulation_desktop.domain.enums import CommuneKind
    from emulation_desktop.services.container import AppServices
    from emulation_desktop.store.db import open_database

    copy = tmp_path / "ward.db"
    shutil.copy2(demo_db_file, copy)
    db = open_database(copy)
    try:
        services = AppServices.build(db, tmp_path)
        services.profile.save(replace(services.profile.get(), kind=CommuneKind.PHUONG))
        yield services
    finally:
        db.dispose()
