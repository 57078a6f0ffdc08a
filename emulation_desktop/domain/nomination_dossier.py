"""The dossier (hồ sơ) of a round: which papers it needs (reference/domain.md §5a), how a paper
is shown, and how complete the dossier is.

Round papers: the proposal letter with its list and the council's minutes, and for rounds with
a public notice the notice's result. Each đề nghị: its achievement report, and the initiative
recognition when the award's criteria can be met by an initiative and the person has one
recognised that year (Chiến sĩ thi đua cơ sở, NĐ 152 Điều 33 khoản 6).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from emulation_desktop.domain.enums import DossierKind
from emulation_desktop.domain.errors import ValidationError
from emulation_desktop.domain.nominations import MAX_LINE, needs_achievement_report
from emulation_desktop.domain.rules.model import AwardType, CheckKind, Condition, Criterion
from emulation_desktop.domain.text import nfc, thousands

MAX_FILE_BYTES = 50 * 1024 * 1024


def round_paper_kinds(needs_notice: bool) -> tuple[DossierKind, ...]:
    kinds = (DossierKind.LETTER, DossierKind.MINUTES)
    return (*kinds, DossierKind.NOTICE) if needs_notice else kinds


def item_paper_kinds(award: AwardType | None, initiative: bool) -> tuple[DossierKind, ...]:
    """`initiative`: the award can be met by an initiative and the subject has one that year."""
    kinds = (DossierKind.ACHIEVEMENT,) if needs_achievement_report(award) else ()
    return (*kinds, DossierKind.INITIATIVE) if initiative else kinds


def uses_initiative(criteria: Sequence[Criterion]) -> bool:
    """An award one of whose criteria reads a recognised initiative (alone or as one choice)."""

    def reads(c: Condition) -> bool:
        return c.kind is CheckKind.HAS_INITIATIVE or any(reads(x) for x in c.any_of)

    return any(reads(c.condition) for c in criteria)


def paper_title(title: str) -> str:
    """A paper the officer adds by hand: its name, checked."""
    clean = nfc(title)
    if not clean:
        raise ValidationError(
            {"title": "Hãy ghi tên giấy tờ (ví dụ: «Bản sao bằng khen năm 2025»)."}
        )
    if len(clean) > MAX_LINE:
        raise ValidationError({"title": f"Tên giấy tờ dài quá {MAX_LINE} ký tự; hãy rút gọn."})
    return clean


def size_text(size: int) -> str:
    """ "350 KB", "2,4 MB" """
    if size < 1024 * 1024:
        return f"{thousands(max(1, round(size / 1024)))} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


@dataclass(frozen=True, slots=True)
class DossierPaper:
    id: int
    round_id: int
    nomination_id: int | None  # None: a paper of the round
    kind: DossierKind
    title: str
    done: bool
    file_name: str  # as the officer chose it ("" when no file is attached)
    size: int
    sha256: str
    note: str

    @property
    def has_file(self) -> bool:
        return bool(self.file_name)

    @property
    def standard(self) -> bool:
        """A paper the procedure asks for (not removable; untick it instead)."""
        return self.kind is not DossierKind.OTHER

    @property
    def file_text(self) -> str:
        return f"{self.file_name} ({size_text(self.size)})" if self.file_name else ""


@dataclass(frozen=True, slots=True)
class DossierView:
    """The round's papers, then each đề nghị's (in list order)."""

    round_id: int
    round_papers: tuple[DossierPaper, ...]
    item_papers: tuple[tuple[int, str, tuple[DossierPaper, ...]], ...]  # (nomination, name, …)

    @property
    def all_papers(self) -> tuple[DossierPaper, ...]:
        return self.round_papers + tuple(p for _, _, ps in self.item_papers for p in ps)

    @property
    def done(self) -> int:
        return sum(p.done for p in self.all_papers)

    @property
    def total(self) -> int:
        return len(self.all_papers)

    @property
    def text(self) -> str:
        return f"Hồ sơ: {self.done}/{self.total} giấy tờ"
