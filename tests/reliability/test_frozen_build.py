"""The PyInstaller recipe: fast checks of build.spec; the real frozen build when CI asks for it."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from emulation_desktop import APP_NAME, APP_SLUG, __version__

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build.spec"
FROZEN_TEST_ENV = "EMULATION_DESKTOP_FROZEN_TEST"

# Entries as PyInstaller's Analysis would list them (dest_name, src_name, typecode).
SAMPLE_BINARIES = [
    "PySide6/Qt/lib/libQt6Core.so.6",
    "PySide6/Qt/lib/libQt6Svg.so.6",
    "PySide6/Qt/lib/libQt6Qml.so.6",
    "PySide6/Qt/lib/libQt6QuickControls2.so.6",
    "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6",
    "PySide6\\Qt6Qml.dll",
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    "PySide6/Qt/plugins/qmltooling/libqmldbg_debugger.so",
]
DROPPED = {
    "PySide6/Qt/lib/libQt6Qml.so.6",
    "PySide6/Qt/lib/libQt6QuickControls2.so.6",
    "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6",
    "PySide6\\Qt6Qml.dll",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/plugins/qmltooling/libqmldbg_debugger.so",
}
SAMPLE_DATAS = [
    "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6\\translations\\qt_fr.qm",
    "resources/fonts/OFL.txt",
]


class _Recorded:
    """Stands in for a PyInstaller build target and keeps what the spec passed to it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs


class _Analysis(_Recorded):
    def __init__(self, scripts: list[str], **kwargs: Any) -> None:
        super().__init__(scripts, **kwargs)
        self.scripts = [(Path(s).stem, s, "PYSOURCE") for s in scripts]
        self.pure: list[tuple[str, str, str]] = []
        self.binaries = [(d, d, "BINARY") for d in SAMPLE_BINARIES]
        self.datas = [(d, d, "DATA") for d in SAMPLE_DATAS]


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """build.spec executed with recording stand-ins instead of PyInstaller (no build happens)."""
    built: dict[str, list[_Recorded]] = {"EXE": [], "COLLECT": []}

    def recorder(kind: str) -> type[_Recorded]:
        class Target(_Recorded):
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                built[kind].append(self)

        return Target

    namespace: dict[str, Any] = {
        "SPECPATH": str(ROOT),
        "workpath": str(tmp_path_factory.mktemp("pyinstaller-work")),
        "DISTPATH": str(tmp_path_factory.mktemp("pyinstaller-dist")),
        "specnm": "build",
        "os": os,
        "Analysis": _Analysis,
        "PYZ": _Recorded,
        "EXE": recorder("EXE"),
        "COLLECT": recorder("COLLECT"),
    }
    saved_path = list(sys.path)
    try:
        exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    finally:
        sys.path[:] = saved_path
    namespace["_built"] = SimpleNamespace(**built)
    yield namespace


def bundled_files(datas: list[tuple[str, str]]) -> set[str]:
    """Where PyInstaller puts each file of a (source, dest) list: dest/name, trees kept whole."""
    out = set()
    for src, dest in datas:
        for path in ROOT.glob(src):
            if path.is_dir():
                for f in path.rglob("*"):
                    if f.is_file():
                        out.add(f"{dest}/{f.relative_to(path).as_posix()}")
            else:
                out.add(f"{dest}/{path.name}")
    return out


def program_imports() -> set[str]:
    """Every module name the program imports (absolute imports, migrations included)."""
    names: set[str] = set()
    for path in (ROOT / "emulation_desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_two_executables_share_one_folder(spec: dict[str, Any]) -> None:
    exes = {exe.kwargs["name"]: exe for exe in spec["_built"].EXE}
    assert set(exes) == {APP_SLUG, "tdkt"}
    assert exes[APP_SLUG].kwargs["console"] is False  # the one the officer double-clicks
    assert exes["tdkt"].kwargs["console"] is True  # self-test and demo print to a terminal
    for exe in exes.values():
        assert exe.kwargs["exclude_binaries"] is True  # onedir
        assert exe.kwargs["upx"] is False
        if sys.platform == "win32":
            assert Path(exe.kwargs["icon"]).is_file()
            assert Path(exe.kwargs["version"]).is_file()
    (collect,) = spec["_built"].COLLECT
    assert collect.kwargs["name"] == APP_SLUG
    assert collect.kwargs["upx"] is False
    assert set(collect.args[:2]) == set(exes.values())
    (script,) = spec["a"].args[0]
    assert Path(script).is_file()


def test_resources_and_migrations_are_bundled_as_files(spec: dict[str, Any]) -> None:
    for src, _dest in spec["DATAS"]:
        assert list(ROOT.glob(src)), f"build.spec lists {src}, which matches nothing"
    wanted = {
        p.relative_to(ROOT).as_posix()
        for folder in ("resources", "emulation_desktop/store/migrations")
        for p in (ROOT / folder).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    missing = wanted - bundled_files(spec["DATAS"])
    assert not missing, f"build.spec leaves these out of the frozen program: {sorted(missing)}"
    assert "emulation_desktop/store/migrations/script.py.mako" in wanted
    assert "resources/fonts/OFL.txt" in wanted


def test_excludes_spare_everything_the_program_imports(spec: dict[str, Any]) -> None:
    excluded = spec["EXCLUDES"]
    imported = program_imports()
    clashes = {
        name for name in imported for ex in excluded if name == ex or name.startswith(ex + ".")
    }
    assert not clashes, f"build.spec excludes modules the program imports: {sorted(clashes)}"
    # Loaded without an import (SVG plugins) or needed soon (printing, PDF preview).
    for needed in ("QtSvg", "QtPrintSupport", "QtPdf", "QtPdfWidgets", "QtNetwork"):
        assert f"PySide6.{needed}" not in excluded
    assert "PySide6.QtSvg" in spec["HIDDEN_IMPORTS"]


def test_qml_quick_and_translations_are_filtered_out(spec: dict[str, Any]) -> None:
    analysis = spec["a"]
    kept = {e[0] for e in analysis.binaries}
    assert kept == set(SAMPLE_BINARIES) - DROPPED
    assert {e[0] for e in analysis.datas} == {"resources/fonts/OFL.txt"}


def test_windows_version_info_is_vietnamese_and_current(spec: dict[str, Any]) -> None:
    assert spec["version_tuple"]("0.1.0") == (0, 1, 0, 0)
    assert spec["version_tuple"]("1.2.3rc1") == (1, 2, 3, 0)
    assert spec["version_tuple"]("2.0.dev4") == (2, 0, 0, 0)
    numbers = spec["version_tuple"](__version__)
    for exe_name, path in spec["VERSION_FILES"].items():
        text = Path(path).read_text(encoding="utf-8")
        ast.parse(text, mode="eval")  # PyInstaller eval()s the file
        assert "StringTable('042A04B0'" in text
        assert f"filevers={numbers!r}" in text
        assert f"StringStruct('ProductName', {APP_NAME!r})" in text
        assert f"StringStruct('ProductVersion', {__version__!r})" in text
        assert f"StringStruct('OriginalFilename', {exe_name + '.exe'!r})" in text
        assert not re.search(r"\$\{?\w", text), "a placeholder was left unfilled"
        try:  # PyInstaller's own reader needs pefile, which is installed on Windows only
            from PyInstaller.utils.win32.versioninfo import load_version_info_from_text_file
        except ImportError:
            continue
        info = load_version_info_from_text_file(path)
        assert info.ffi.fileVersionMS == (numbers[0] << 16) | numbers[1]


@pytest.mark.slow
@pytest.mark.skipif(
    os.environ.get(FROZEN_TEST_ENV) != "1",
    reason=f"builds with PyInstaller (about a minute); set {FROZEN_TEST_ENV}=1 to run",
)
def test_frozen_build_passes_its_self_test() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_frozen.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=1800,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "tất cả đều đạt" in result.stdout
