"""The Tờ trình đề nghị khen thưởng, the Báo cáo thành tích and the Báo cáo tổng kết: which
producer reads their data and which builder lays them out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from emulation_desktop.documents.docx.kinds import achievement, submission, year_report
from emulation_desktop.domain.enums import DocumentKind
from emulation_desktop.services import document_reports
from emulation_desktop.services.documents import KindEntry, name_from_number

if TYPE_CHECKING:
    from emulation_desktop.domain.achievement_report import AchievementReport
    from emulation_desktop.services.documents import DocumentService


def _achievement_name(data: AchievementReport) -> str:
    return f"Báo cáo thành tích {data.subject}".strip()


def register(service: DocumentService) -> None:
    service.register(DocumentKind.SUBMISSION, KindEntry(
        lambda src, i: src.decisions.proposal_document(i), submission.build,
        name_from_number("Tờ trình"),
    ))  # fmt: skip
    service.register(DocumentKind.ACHIEVEMENT, KindEntry(
        document_reports.achievement_report, achievement.build, _achievement_name,
    ))  # fmt: skip
    service.register(DocumentKind.YEAR_REPORT, KindEntry(
        document_reports.year_report, year_report.build,
        lambda data: f"Báo cáo tổng kết thi đua, khen thưởng năm {data.year}",
    ))  # fmt: skip
