"""Runs the command line as a user would: a separate process, its exit code and its output."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
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


@contextlib.contextmanager
def other_process(script: str, *args: str | Path) -> Iterator[subprocess.Popen[str]]:
    """Run `script` in another Python process until it prints "ready"; kill it on exit."""
    proc = subprocess.Popen(
        [sys.executable, "-c", script, *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=REPO,
    )
    try:
        assert proc.stdout is not None
        if proc.stdout.readline().strip() != "ready":
            proc.kill()
            raise AssertionError(f"the other process did not start: {proc.communicate()[1]}")
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()
