"""Build the frozen program with PyInstaller (build.spec) and prove that it runs.

Usage: python tools/build_frozen.py [--skip-build]

Builds dist/ThiDuaKhenThuong/ (work files in build/; both folders are git-ignored), then checks
the folder holds what the program loads from disk (SVG plugins, migrations, fonts), runs
`tdkt --version` and `tdkt self-test`, opens the windowed `ThiDuaKhenThuong` on a demo database
until its window is shown, and prints the size of the folder. --skip-build only tests an existing
build. Exit code 0 when everything passed, 1 otherwise. Build on the system you ship for:
PyInstaller does not cross-compile (a Windows build needs Windows).
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from emulation_desktop import APP_NAME, APP_SLUG, __version__  # noqa: E402
from emulation_desktop.paths import DATA_DIR_ENV  # noqa: E402

SPEC = ROOT / "build.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build"
BUNDLE = DIST / APP_SLUG
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
CLI_EXE = BUNDLE / f"tdkt{EXE_SUFFIX}"
GUI_EXE = BUNDLE / f"{APP_SLUG}{EXE_SUFFIX}"
SELF_TEST_PASSED = "tất cả đều đạt"
RUN_TIMEOUT = 300  # seconds for one run of the frozen program

# Files the program opens from disk at run time; Analysis alone would not notice them missing.
INTERNAL = "_internal"
REQUIRED = {
    "SVG icon engine (icons of the interface)": "PySide6/Qt/plugins/iconengines/*qsvgicon*",
    "SVG image format": "PySide6/Qt/plugins/imageformats/*qsvg*",
    "offscreen platform (self-test without a screen)": "PySide6/Qt/plugins/platforms/*qoffscreen*",
    "Alembic environment": "emulation_desktop/store/migrations/env.py",
    "Alembic script template": "emulation_desktop/store/migrations/script.py.mako",
    "migration scripts": "emulation_desktop/store/migrations/versions/*.py",
    "serif font": "resources/fonts/LiberationSerif-Regular.ttf",
    "font licence": "resources/fonts/OFL.txt",
    "application icon": "resources/icons/app.svg",
}
if sys.platform == "win32":
    REQUIRED["Windows platform plugin"] = "PySide6/Qt/plugins/platforms/qwindows.dll"
# What build.spec filters out; finding it means the filter stopped working.
UNWANTED = re.compile(r"(/translations/|\.qm$|Qt6?(Qml|Quick|VirtualKeyboard)|/qmltooling/)", re.I)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--skip-build", action="store_true", help="test the existing dist/ folder only"
    )
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[attr-defined]

    if not args.skip_build:
        started = time.perf_counter()
        _run_checked(
            [
                sys.executable,
                "-m",
                "PyInstaller",
                "--noconfirm",
                "--distpath",
                str(DIST),
                "--workpath",
                str(WORK),
                str(SPEC),
            ],
            what="PyInstaller",
        )
        print(f"build: {time.perf_counter() - started:.1f} s")
    if not CLI_EXE.is_file():
        return _fail(f"no frozen build at {BUNDLE} (run without --skip-build)")

    failures = check_bundle_files(BUNDLE)
    with tempfile.TemporaryDirectory(prefix="tdkt-frozen-") as tmp_name:
        tmp = Path(tmp_name)
        # Logs and settings of these runs stay out of the real user-data folder.
        env = {**os.environ, DATA_DIR_ENV: str(tmp / "data")}
        failures += check_version(env)
        failures += check_self_test(env)
        failures += check_gui_start(env, tmp / "xa-mau.db")

    files, size = folder_size(BUNDLE)
    print(f"size of {BUNDLE}: {size / 1e6:.0f} MB in {files} files")
    if failures:
        return _fail(f"{failures} check(s) of the frozen build failed")
    print("frozen build: all checks passed")
    return 0


def check_bundle_files(bundle: Path) -> int:
    internal = bundle / INTERNAL
    failures = 0
    for label, pattern in REQUIRED.items():
        if not any(internal.glob(pattern)):
            print(f"FAIL bundle: {label} missing ({INTERNAL}/{pattern})", file=sys.stderr)
            failures += 1
    unwanted = [
        p.relative_to(bundle).as_posix()
        for p in bundle.rglob("*")
        if p.is_file() and UNWANTED.search("/" + p.relative_to(bundle).as_posix())
    ]
    if unwanted:
        print(f"FAIL bundle: files build.spec should drop: {unwanted[:5]}", file=sys.stderr)
        failures += 1
    if not failures:
        print(f"bundle: {len(REQUIRED)} required files present, no Qml/Quick/translations")
    return failures


def check_version(env: dict[str, str]) -> int:
    result = _run([str(CLI_EXE), "--version"], env)
    expected = f"{APP_NAME} {__version__}"
    if result is None or result.returncode != 0 or result.stdout.strip() != expected:
        got = "timed out" if result is None else repr(result.stdout.strip())
        print(f"FAIL --version: expected {expected!r}, got {got}", file=sys.stderr)
        return 1
    return 0


def check_self_test(env: dict[str, str]) -> int:
    # No QT_QPA_PLATFORM here: self-test picks the offscreen platform itself when none is set.
    started = time.perf_counter()
    result = _run([str(CLI_EXE), "self-test"], env)
    if result is None:
        print("FAIL self-test: timed out", file=sys.stderr)
        return 1
    print(f"self-test: {time.perf_counter() - started:.1f} s, exit code {result.returncode}")
    if result.returncode != 0 or SELF_TEST_PASSED not in result.stdout:
        print(f"FAIL self-test (exit code {result.returncode})", file=sys.stderr)
        return 1
    return 0


def check_gui_start(env: dict[str, str], db: Path) -> int:
    """The executable the officer double-clicks must open its window (offscreen if no screen)."""
    demo = _run([str(CLI_EXE), "demo", "--db", str(db)], env)
    if demo is None or demo.returncode != 0:
        print("FAIL demo database for the window test", file=sys.stderr)
        return 1
    gui_env = {**env}
    gui_env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    result = _run([str(GUI_EXE), "--db", str(db), "--quit-when-shown"], gui_env)
    wall = time.perf_counter() - started
    if result is None or result.returncode != 0:
        code = "timed out" if result is None else f"exit code {result.returncode}"
        print(f"FAIL {GUI_EXE.name} --quit-when-shown: {code}", file=sys.stderr)
        return 1
    # The windowed Windows executable has no stdout, so "shown <s>" only appears elsewhere.
    shown = re.search(r"^shown ([\d.]+)", result.stdout, re.M)
    detail = f", window shown {shown.group(1)} s after the window code started" if shown else ""
    print(f"window: {GUI_EXE.name} started and closed in {wall:.2f} s{detail}")
    return 0


def folder_size(folder: Path) -> tuple[int, int]:
    files = size = 0
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            path = os.path.join(dirpath, name)
            if not os.path.islink(path):
                files += 1
                size += os.path.getsize(path)
    return files, size


def _run(cmd: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str] | None:
    """Run the frozen program, echo its output; None when it hangs past RUN_TIMEOUT."""
    print("+ " + shlex.join(cmd), flush=True)
    try:
        result = subprocess.run(
            cmd,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=RUN_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return None
    for line in result.stdout.splitlines():
        print("  " + line)
    for line in result.stderr.splitlines():
        print("  " + line, file=sys.stderr)
    return result


def _run_checked(cmd: list[str], what: str) -> None:
    print("+ " + shlex.join(cmd), flush=True)
    if subprocess.run(cmd, cwd=ROOT).returncode != 0:
        raise SystemExit(_fail(f"{what} failed"))


def _fail(message: str) -> int:
    print(f"build_frozen: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
