"""The Kế hoạch of a year and of a movement, and the Thông báo công khai of a round."""

from __future__ import annotations

from textwrap import shorten
from typing import TYPE_CHECKING

from emulation_desktop.domain.enums import DocumentKind

if TYPE_CHECKING:
    from emulation_desktop.services.documents import DocumentService


def register(service: DocumentService) -> None:
    from emulation_desktop.documents.docx.kinds import notice, plan
    from emulation_desktop.services.document_notice import notice_of_round
    from emulation_desktop.services.document_plan import plan_of_movement, plan_of_year
    from emulation_desktop.services.documents import KindEntry, name_from_number

    service.register(
        DocumentKind.PLAN,
        KindEntry(plan_of_year, plan.build, lambda d: _stem(f"Kế hoạch thi đua năm {d.year}", d)),
    )
    service.register(
        DocumentKind.MOVEMENT_PLAN, KindEntry(plan_of_movement, plan.build, _movement_stem)
    )
    service.register(
        DocumentKind.NOTICE,
        KindEntry(notice_of_round, notice.build, name_from_number("Thông báo công khai")),
    )


def _movement_stem(data) -> str:  # type: ignore[no-untyped-def]
    name = shorten(data.movements[0].name, 60, placeholder=" …")
    return _stem(f"Kế hoạch phát động {name}", data)


def _stem(label: str, data) -> str:  # type: ignore[no-untyped-def]
    number = data.header.number
    return f"{label} {number}".replace("/", "-") if number else label
