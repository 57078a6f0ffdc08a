"""Which producer and which builder make each document kind. Each area registers its kinds in
its own module (`document_kinds_<area>.register(service)`)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from emulation_desktop.domain.enums import DocumentKind

if TYPE_CHECKING:
    from emulation_desktop.services.documents import DocumentService

_AREAS = (
    "emulation_desktop.services.document_kinds_plan",
    "emulation_desktop.services.document_kinds_council",
    "emulation_desktop.services.document_kinds_reports",
)


def register_all(service: DocumentService) -> None:
    from emulation_desktop.documents.docx.kinds import decision
    from emulation_desktop.services.documents import KindEntry, name_from_number

    service.register(
        DocumentKind.DECISION,
        KindEntry(
            lambda src, i: src.decisions.decision_list(i),
            decision.build,
            name_from_number("Quyết định"),
        ),
    )
    for name in _AREAS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:  # TEMPORARY while issue 7's kinds are written
            continue
        module.register(service)
