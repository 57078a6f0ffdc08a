"""Shared fixtures. The offscreen platform is set before anything imports Qt."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections.abc import Iterator
from pathlib import Path

import pytest

from emulation_desktop.paths import DATA_DIR_ENV


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user-data folder; nothing touches the real one."""
    data = tmp_path / "user-data"
    monkeypatch.setenv(DATA_DIR_ENV, str(data))
    return data


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "xa.db"


@pytest.fixture
def context(db_path: Path) -> Iterator[object]:
    """An open AppContext on a fresh, migrated, empty database."""
    from emulation_desktop.app import open_context

    with open_context(db_path) as ctx:
        yield ctx


@pytest.fixture
def demo_context(db_path: Path) -> Iterator[object]:
    """An open AppContext on the demo commune."""
    from emulation_desktop.app import open_context

    with open_context(db_path) as ctx:
        ctx.services.demo.load()
        yield ctx


@pytest.fixture(scope="session")
def demo_db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo commune built once per session; tests copy it before writing (generating a
    document or a certificate PDF never writes to it)."""
    from emulation_desktop.services.container import AppServices
    from emulation_desktop.store.db import open_database

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    db = open_database(path)
    try:
        AppServices.build(db).demo.load()
    finally:
        db.dispose()
    return path
