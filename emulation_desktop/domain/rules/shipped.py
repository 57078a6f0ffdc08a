"""The rule sets and base salaries shipped with the program (resources/data/rules/).

Every *.json file of that folder except base_salary.json is a rule-set version; a new version
(a new decree or law) is added by dropping its file there. They seed the database, where the
commune may edit them; the shipped files themselves are never written.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from dataclasses import dataclass
from pathlib import Path

from emulation_desktop.domain.rules.files import (
    RuleFileError,
    parse_base_salaries,
    parse_rule_sets,
    rule_set_in_force,
)
from emulation_desktop.domain.rules.model import BaseSalary, RuleSet

__all__ = [
    "BASE_SALARY_FILE",
    "ShippedRules",
    "load_shipped",
    "resource_root",
    "rules_dir",
]

BASE_SALARY_FILE = "base_salary.json"


@dataclass(frozen=True, slots=True)
class ShippedRules:
    rule_sets: tuple[RuleSet, ...]  # by effective date
    base_salaries: tuple[BaseSalary, ...]  # by effective date

    def in_force(self, day: dt.date) -> RuleSet:
        return rule_set_in_force(self.rule_sets, day)


def resource_root() -> Path:
    """`resources/`: in the PyInstaller bundle when frozen, else at the repository root.

    (The same rule as emulation_desktop.paths.resource_root, which domain/ may not import.)
    """
    if getattr(sys, "frozen", False) and getattr(sys, "_MEIPASS", None):
        return Path(sys._MEIPASS) / "resources"
    return Path(__file__).resolve().parents[3] / "resources"


def rules_dir(resources: Path | None = None) -> Path:
    return (resources if resources is not None else resource_root()) / "data" / "rules"


def load_shipped(resources: Path | None = None) -> ShippedRules:
    """Read and check the shipped files; RuleFileError names the faulty file and line.

    Cached for the default location (the files do not change while the program runs).
    """
    if resources is None:
        return _load_default()
    return _load(rules_dir(Path(resources)))


@functools.cache
def _load_default() -> ShippedRules:
    return _load(rules_dir())


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise RuleFileError(
            f"Tệp «{path.name}» không phải văn bản UTF-8; hãy cài đặt lại chương trình.",
            None,
            path.name,
        ) from None
    except OSError as exc:
        raise RuleFileError(
            f"Không đọc được tệp quy định «{path.name}» ({exc.strerror}); hãy cài đặt lại "
            "chương trình.",
            None,
            path.name,
        ) from None


def _load(folder: Path) -> ShippedRules:
    if not folder.is_dir():
        raise RuleFileError(
            f"Không tìm thấy thư mục quy định kèm chương trình ({folder}); hãy cài đặt lại "
            "chương trình."
        )
    files = sorted(p for p in folder.glob("*.json") if p.name != BASE_SALARY_FILE)
    if not files:
        raise RuleFileError(
            f"Thư mục {folder} không có tệp quy định nào; hãy cài đặt lại chương trình."
        )
    rule_sets = parse_rule_sets((p.name, _read(p)) for p in files)
    salary_path = folder / BASE_SALARY_FILE
    salaries = parse_base_salaries(_read(salary_path), salary_path.name)
    return ShippedRules(rule_sets=rule_sets, base_salaries=salaries)
