"""The council's papers in the document service: biên bản, phiếu bầu, giấy mời (by round) and
quyết định kiện toàn Hội đồng (by composition)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from emulation_desktop.documents.docx.kinds import ballot, council_decision, invitation, minutes
from emulation_desktop.domain.enums import DocumentKind
from emulation_desktop.services import document_council as produce

if TYPE_CHECKING:
    from emulation_desktop.domain.council_documents import (
        CouncilDecisionDocument,
        InvitationDocument,
    )
    from emulation_desktop.domain.council_minutes import Ballot, Minutes
    from emulation_desktop.services.documents import DocumentService


def _minutes_name(m: Minutes) -> str:
    return f"Biên bản họp Hội đồng TĐKT - {m.round_name}" + ("" if m.final else " (dự thảo)")


def _ballot_name(b: Ballot) -> str:
    return f"Phiếu bầu - {b.round_name} ({ballot.copies(b)} bản)"


def _invitation_name(d: InvitationDocument) -> str:
    return f"Giấy mời họp Hội đồng TĐKT - {d.header.summary.splitlines()[-1]}"


def _decision_name(d: CouncilDecisionDocument) -> str:
    stem = "Quyết định kiện toàn Hội đồng TĐKT"
    return f"{stem} {d.header.number}".replace("/", "-") if d.header.number else stem


def register(service: DocumentService) -> None:
    from emulation_desktop.services.documents import KindEntry

    service.register(DocumentKind.MINUTES, KindEntry(produce.minutes, minutes.build, _minutes_name))
    service.register(DocumentKind.BALLOT, KindEntry(produce.ballot, ballot.build, _ballot_name))
    service.register(
        DocumentKind.INVITATION,
        KindEntry(produce.invitation, invitation.build, _invitation_name),
    )
    service.register(
        DocumentKind.COUNCIL_DECISION,
        KindEntry(produce.council_decision, council_decision.build, _decision_name),
    )
