"""The committed forms in gui/forms must be what pyside6-uic makes of ui/*.ui today."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_ui_file_has_a_fresh_compiled_form() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_forms.py"), "--check"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    ui_files = sorted(p.stem for p in (ROOT / "ui").glob("*.ui"))
    forms = sorted(
        p.stem.removeprefix("ui_")
        for p in (ROOT / "emulation_desktop" / "gui" / "forms").glob("ui_*.py")
    )
    assert ui_files == forms and ui_files, "every form must come from a .ui file and vice versa"


def test_check_catches_a_stale_form(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import build_forms
    finally:
        sys.path.remove(str(ROOT / "tools"))
    forms = tmp_path / "forms"
    forms.mkdir()
    monkeypatch.setattr(build_forms, "FORMS_DIR", forms)
    assert build_forms.main([]) == 0  # compile into the temporary folder
    assert build_forms.main(["--check"]) == 0
    stale = forms / "ui_about_dialog.py"
    stale.write_text(stale.read_text("utf-8") + "# edited by hand\n", "utf-8")
    assert build_forms.main(["--check"]) == 1
