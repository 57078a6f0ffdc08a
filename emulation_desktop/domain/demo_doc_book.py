"""The demo commune's document book (sổ văn bản): the numbers of its award decisions, notices
and tờ trình, and the decisions the demo mentions elsewhere (the council's, initiatives',
discipline), typed in so that no number is used twice and a later number never has an earlier
date within a year and series.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from emulation_desktop.domain.demo_council import CouncilDraft
from emulation_desktop.domain.demo_cycle import DemoCycle
from emulation_desktop.domain.doc_numbers import document_number
from emulation_desktop.domain.enums import DocType

COMMUNE_CHAIR = "Chủ tịch UBND xã Cát Thành"
# Where the series the demo numbers itself stood when its first paper of the year was made.
_FIRST = {(2024, DocType.NOTICE): 27, (2024, DocType.SUBMISSION): 61,
          (2025, DocType.NOTICE): 24, (2025, DocType.SUBMISSION): 38,
          (2026, DocType.NOTICE): 33, (2026, DocType.SUBMISSION): 52}  # fmt: skip


@dataclass(frozen=True, slots=True)
class DocDraft:
    """An entry of the book; `number` 0 until the book is numbered."""

    year: int
    series: DocType
    number: int
    issued_on: dt.date
    summary: str
    external: bool = False  # typed in from the office's book, not made by the program

    @property
    def symbol(self) -> str:
        return self.series.symbol

    @property
    def text(self) -> str:
        return document_number(self.number, self.symbol)


class Book:
    def __init__(self) -> None:
        self.entries: list[DocDraft] = []

    def add(self, day: dt.date, series: DocType, summary: str, number: int = 0,
            external: bool = False) -> int:  # fmt: skip
        """Index of the new entry; without `number` it takes the next one of its series."""
        self.entries.append(DocDraft(day.year, series, number, day, summary, external))
        return len(self.entries) - 1

    def type_in(self, councils: Sequence[CouncilDraft], cycle: DemoCycle) -> None:
        """Decisions of the commune that other parts of the demo cite."""
        for c in councils:
            self.add(c.valid_from, DocType.DECISION, "Về việc kiện toàn Hội đồng Thi đua – Khen "
                     "thưởng xã Cát Thành", c.number, external=True)  # fmt: skip
        for i in cycle.initiatives:
            if i.doc_issuer == COMMUNE_CHAIR and i.doc_number.endswith("/QĐ-UBND"):
                self.add(i.doc_date, DocType.DECISION, f"Về việc công nhận sáng kiến “{i.title}”",
                         int(i.doc_number.split("/")[0]), external=True)  # fmt: skip
        for p in cycle.periods:
            if p.document.startswith("Quyết định số ") and "/QĐ-UBND ngày " in p.document:
                number = int(p.document.removeprefix("Quyết định số ").split("/")[0])
                self.add(p.start, DocType.DECISION, "Về việc thi hành kỷ luật công chức, viên "
                         "chức", number, external=True)  # fmt: skip

    def numbered(self) -> tuple[DocDraft, ...]:
        """Entries without a number get the next free ones of their series, in date order."""
        taken = {(d.year, d.series, d.number) for d in self.entries if d.number}
        for _day, n in sorted((d.issued_on, n) for n, d in enumerate(self.entries) if not d.number):
            d = self.entries[n]
            number = _FIRST[(d.year, d.series)]
            while (d.year, d.series, number) in taken:
                number += 1
            taken.add((d.year, d.series, number))
            self.entries[n] = replace(d, number=number)
        return tuple(self.entries)
