"""The words of a Tờ trình đề nghị khen thưởng that follow from its list: what is proposed, for
whom, the papers sent with it (NĐ 152/2025 Art. 33.11: nội dung, hình thức đề nghị), and the
opinion of the office that checked the dossier, a wording block the commune may rewrite."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields

from emulation_desktop.domain.decision_documents import ProposalDocument
from emulation_desktop.domain.decision_text import ListSection
from emulation_desktop.domain.decisions import Counts
from emulation_desktop.domain.enums import SubjectKind
from emulation_desktop.domain.text_blocks import TextBlock

LIST_PAPER = "Danh sách đề nghị khen thưởng"

Y_KIEN = TextBlock(
    "to_trinh.y_kien",
    "Tờ trình đề nghị khen thưởng",
    "Ý kiến của cơ quan liên quan, ý kiến thẩm định",
    "Hồ sơ đề nghị khen thưởng đã được Văn phòng {ubnd} kiểm tra, thẩm định: đầy đủ thành "
    "phần, đúng đối tượng, tiêu chuẩn, trình tự, thủ tục theo quy định của pháp luật về thi "
    "đua, khen thưởng; các cơ quan, đơn vị liên quan thống nhất với đề nghị khen thưởng.",
)
BLOCKS: tuple[TextBlock, ...] = (Y_KIEN,)


@dataclass(frozen=True, slots=True)
class SubmissionDocument(ProposalDocument):
    """The Tờ trình as printed: the proposal's data (so a commune's own Word form still reads
    `doc.header`, `doc.rows` …) and the commune's opinion paragraph."""

    opinion: str = ""

    @classmethod
    def of(cls, proposal: ProposalDocument, opinion: str) -> SubmissionDocument:
        values = {f.name: getattr(proposal, f.name) for f in fields(ProposalDocument)}
        return cls(**values, opinion=opinion.strip())


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
