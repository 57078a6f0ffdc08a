"""Runs the command line as a user would: a separate process, its exit code and its output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run_cli(
    *args: str | Path, data_dir: Path | None = None, cwd: Path = REPO
) -> subprocess.CompletedProcess[str]:
    """`python -m emulation_desktop ARGS`; the data folder comes from conftest unless given."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if data_dir is not None:
        env["EMULATION_DESKTOP_DATA_DIR"] = str(data_dir)
    proc = subprocess.run(
        [sys.executable, "-m", "emulation_desktop", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=120,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stdout, proc.stdout
    return proc
