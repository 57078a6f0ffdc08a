"""Which producer and which builder make each document kind: the decision here, the others in
their area's module (`document_kinds_<area>.register`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from emulation_desktop.domain.enums import DocumentKind

if TYPE_CHECKING:
    from emulation_desktop.services.documents import DocumentService


def register_all(service: DocumentService) -> None:
    from emulation_desktop.documents.docx.kinds import decision
    from emulation_desktop.services import (
        document_kinds_council,
        document_kinds_plan,
        document_kinds_reports,
    )
    from emulation_desktop.services.documents import KindEntry, name_from_number

    service.register(
        DocumentKind.DECISION,
        KindEntry(
            lambda src, i: src.decisions.decision_list(i),
            decision.build,
            name_from_number("Quyết định"),
        ),
    )
    for area in (document_kinds_plan, document_kinds_council, document_kinds_reports):
        area.register(service)
    missing = [k.value for k in DocumentKind if k not in service.kinds()]
    assert not missing, f"document kinds without a generator: {missing}"
