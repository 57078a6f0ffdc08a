"""The words of a Tờ trình đề nghị khen thưởng that follow from its list: what is proposed, for
whom, and the papers sent with it (NĐ 152/2025 Art. 33.11: nội dung, hình thức đề nghị)."""

from __future__ import annotations

from collections.abc import Sequence

from emulation_desktop.domain.decision_text import ListSection
from emulation_desktop.domain.decisions import Counts
from emulation_desktop.domain.enums import SubjectKind

LIST_PAPER = "Danh sách đề nghị khen thưởng"


def proposal_content(sections: Sequence[ListSection]) -> tuple[str, ...]:
    """ "1. Danh hiệu “Chiến sĩ thi đua cấp tỉnh”: 2 cá nhân;" one line per award heading, the
    last ending with "."."""
    lines = []
    for i, section in enumerate(sections, 1):
        kinds = [r.subject_kind for r in section.rows]
        counts = Counts(
            kinds.count(SubjectKind.UNIT),
            kinds.count(SubjectKind.HOUSEHOLD),
            kinds.count(SubjectKind.PERSON),
        )
        lines.append(f"{i}. {section.title}: {counts.text}")
    return _punctuated(lines)


def attachment_lines(papers: Sequence[str]) -> tuple[str, ...]:
    """The papers sent with the tờ trình, the list first: "- Danh sách đề nghị khen thưởng;"."""
    seen: list[str] = [LIST_PAPER]
    for paper in papers:
        if paper and paper not in seen:
            seen.append(paper)
    return _punctuated([f"- {p}" for p in seen])


def _punctuated(lines: Sequence[str]) -> tuple[str, ...]:
    return tuple(x.rstrip(";.") + (";" if i < len(lines) - 1 else ".") for i, x in enumerate(lines))
