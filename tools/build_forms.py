"""Compile ui/*.ui into emulation_desktop/gui/forms/ui_*.py with pyside6-uic (output is committed).

Usage: python tools/build_forms.py [--check]
--check compiles into a temporary folder and exits 1 if a committed form differs or is missing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "emulation_desktop" / "gui" / "forms"
HEADER = "# Generated from ui/{name} by tools/build_forms.py - do not edit.\n"


def uic_command() -> list[str]:
    exe = shutil.which("pyside6-uic")
    if exe:
        return [exe]
    return [sys.executable, "-m", "PySide6.scripts.pyside_tool", "uic"]


def compile_form(ui_file: Path, out_dir: Path) -> Path:
    out = out_dir / f"ui_{ui_file.stem}.py"
    generated = subprocess.run(
        [*uic_command(), "-g", "python", str(ui_file)],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    ).stdout
    # uic stamps its own version in a comment; drop it so the check ignores tool bumps.
    body = "\n".join(
        line for line in generated.splitlines() if not line.startswith("## Created by: Qt User")
    )
    out.write_text(HEADER.format(name=ui_file.name) + body + "\n", encoding="utf-8")
    return out


def _shown(path: Path) -> Path:
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def main(argv: list[str]) -> int:
    check = "--check" in argv
    ui_files = sorted(UI_DIR.glob("*.ui"))
    if not check:
        FORMS_DIR.mkdir(parents=True, exist_ok=True)
        for ui in ui_files:
            print(_shown(compile_form(ui, FORMS_DIR)))
        return 0
    stale: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        for ui in ui_files:
            fresh = compile_form(ui, Path(tmp))
            committed = FORMS_DIR / fresh.name
            if not committed.exists() or committed.read_text("utf-8") != fresh.read_text("utf-8"):
                stale.append(_shown(committed))
    for path in stale:
        print(f"stale or missing: {path} (run: python tools/build_forms.py)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
