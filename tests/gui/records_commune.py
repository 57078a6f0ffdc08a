"""The commune the Sáng kiến and Khiếu nại – Kiểm tra tab tests share: three people in one
office, the services' "today" fixed, the section page with both tabs; and reading a tab's list."""

from __future__ import annotations

import datetime as dt

from emulation_desktop.domain.complaints import ComplaintInput
from emulation_desktop.domain.enums import (
    ComplaintKind,
    Gender,
    InitiativeKind,
    InitiativeScope,
    PersonKind,
    SubjectKind,
    UnitKind,
)
from emulation_desktop.domain.initiatives import AuthorInput, InitiativeInput
from emulation_desktop.domain.registry import PersonInput, UnitInput

from emulation_desktop.gui import application
from emulation_desktop.gui.evaluations.complaints_tab import ComplaintsTab
from emulation_desktop.gui.evaluations.initiatives_tab import InitiativesTab
from emulation_desktop.gui.pages.tabbed import TabbedSectionPage
from emulation_desktop.gui.sections import SECTION_BY_KEY
from emulation_desktop.gui.tasks import SyncTaskRunner

TODAY = dt.date(2026, 11, 24)
YEAR = 2026


class Commune:
    """An empty commune with three people, the services' "today" fixed."""

    def __init__(self, context) -> None:  # type: ignore[no-untyped-def]
        application.create_qapplication()
        self.services = s = context.services
        for service in (s.registry, s.initiatives, s.complaints):
            service._today = lambda: TODAY
        self.unit = s.registry.create_unit(UnitInput("Văn phòng HĐND và UBND", UnitKind.OFFICE))
        self.people = {
            name: s.registry.create_person(PersonInput(name, Gender.FEMALE, kind, self.unit))
            for name, kind in (
                ("Nguyễn Thị Hằng", PersonKind.CONG_CHUC),
                ("Đặng Văn Dũng", PersonKind.CONG_CHUC),
                ("Lê Minh Tâm", PersonKind.VIEN_CHUC),
            )
        }
        self.changed = 0

    def page(self, qtbot) -> TabbedSectionPage:  # type: ignore[no-untyped-def]
        def changed() -> None:
            self.changed += 1

        page = TabbedSectionPage(
            SECTION_BY_KEY["evaluations"], self.services, SyncTaskRunner(), changed,
            tabs=[InitiativesTab, ComplaintsTab],
        )  # fmt: skip
        qtbot.addWidget(page)
        page.resize(1000, 650)
        page.set_year(YEAR)
        page.show()
        qtbot.waitExposed(page)
        page.activated()
        return page

    def initiative(self, title: str, *authors: str, recognised: bool = True) -> int:
        doc = {"doc_number": "112/QĐ-UBND", "doc_date": dt.date(YEAR, 11, 10)} if recognised else {}
        return self.services.initiatives.create(
            InitiativeInput(InitiativeKind.INITIATIVE, title, YEAR, InitiativeScope.BASE,
                            tuple(AuthorInput(self.people[a]) for a in authors), **doc)
        )  # fmt: skip

    def complaint(self, name: str | None, **kw) -> int:  # type: ignore[no-untyped-def]
        kw.setdefault("received_on", dt.date(YEAR, 10, 2))
        subject = (SubjectKind.PERSON, self.people[name]) if name else None
        return self.services.complaints.create(
            ComplaintInput(ComplaintKind.COMPLAINT, sender="Ông Trần Văn Bảy",
                           content="Khiếu nại kết quả bình xét.", subject=subject, **kw)
        )  # fmt: skip


def pick_first(picker, text: str) -> None:  # type: ignore[no-untyped-def]
    picker.edit.insert(text)  # Unikey commits composed text as insert() does
    picker.search_now()
    label = picker.completer.model().stringList()[0]
    picker.choose(label)


def column_texts(tab, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [tab.table.item(r, column).text() for r in range(tab.table.rowCount())]
