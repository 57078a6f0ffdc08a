"""The Tờ trình đề nghị khen thưởng, the Báo cáo thành tích and the Báo cáo tổng kết: which
producer reads their data and which builder lays them out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from emulation_desktop.documents.docx.kinds import achievement, submission, year_report
from emulation_desktop.domain.enums import DocumentKind
from emulation_desktop.domain.submission_document import Y_KIEN, SubmissionDocument
from emulation_desktop.services.document_achievement import achievement_report
from emulation_desktop.services.document_year_report import year_report as year_report_data
from emulation_desktop.services.documents import KindEntry, name_from_number

if TYPE_CHECKING:
    from emulation_desktop.domain.achievement_report import AchievementReport
    from emulation_desktop.services.documents import DocumentService, DocumentSources


def submission_document(src: DocumentSources, proposal_id: int) -> SubmissionDocument:
    """The proposal's Tờ trình with the commune's wording of the checking office's opinion."""
    proposal = src.decisions.proposal_document(proposal_id)
    opinion = src.text_blocks.text(Y_KIEN, proposal.header.issued_on.year)
    return SubmissionDocument.of(proposal, opinion)


def _achievement_name(data: AchievementReport) -> str:
    return f"Báo cáo thành tích {data.subject}".strip()


def register(service: DocumentService) -> None:
    service.register(DocumentKind.SUBMISSION, KindEntry(
        submission_document, submission.build, name_from_number("Tờ trình"),
    ))  # fmt: skip
    service.register(DocumentKind.ACHIEVEMENT, KindEntry(
        achievement_report, achievement.build, _achievement_name,
    ))  # fmt: skip
    service.register(DocumentKind.YEAR_REPORT, KindEntry(
        year_report_data, year_report.build,
        lambda data: f"Báo cáo tổng kết thi đua, khen thưởng năm {data.year}",
    ))  # fmt: skip
