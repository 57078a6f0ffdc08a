"""Start-up: from process start to a shown main window on the demo database (budget < 1.5 s).

Measured from outside, as the officer waits: Popen → the program prints "shown" once the window
is on screen. The baseline is a bare PySide6 QMainWindow started the same way.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.harness import Result, median_seconds

BUDGET_S = 1.5
RUNS = 5
BARE_QT = (
    "import time, sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication(sys.argv); w = QMainWindow(); w.resize(1200, 760); w.show()\n"
    "QTimer.singleShot(0, lambda: (print('shown', flush=True), app.quit()))\n"
    "app.exec()\n"
)


def _time_until_shown(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True, encoding="utf-8"
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("shown"):
            elapsed = time.perf_counter() - start
            break
    else:
        proc.wait()
        raise RuntimeError(f"{cmd} never showed a window (exit {proc.returncode})")
    proc.wait(timeout=30)
    return elapsed


def run() -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="tdkt-bench-") as tmp:
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            EMULATION_DESKTOP_DATA_DIR=str(Path(tmp) / "data"),
        )
        db = Path(tmp) / "demo.db"
        subprocess.run(
            [sys.executable, "-m", "emulation_desktop", "demo", "--db", str(db)],
            check=True,
            env=env,
            capture_output=True,
        )
        app_cmd = [sys.executable, "-m", "emulation_desktop", "--db", str(db), "--quit-when-shown"]
        bare_cmd = [sys.executable, "-c", BARE_QT]
        _time_until_shown(app_cmd, env)  # warm the OS file cache, as a second start would be
        measured = median_seconds(lambda: _time_until_shown(app_cmd, env), RUNS)
        baseline = median_seconds(lambda: _time_until_shown(bare_cmd, env), RUNS)
    return [
        Result(
            "Khởi động đến khi hiện cửa sổ chính (dữ liệu mẫu)",
            measured,
            BUDGET_S,
            baseline=baseline,
        )
    ]
