"""A reference to an award subject (a person, a collective or a household) with its display name."""

from __future__ import annotations

from dataclasses import dataclass

from emulation_desktop.domain.enums import SubjectKind

SubjectKey = tuple[SubjectKind, int]


@dataclass(frozen=True, slots=True)
class SubjectRef:
    """Who: `name` is "Nguyễn Văn An", "Tổ dân phố số 3" or "Hộ ông Nguyễn Văn An"; `place` is the
    unit of a person or household, the kind of a collective."""

    kind: SubjectKind
    id: int
    name: str
    place: str = ""
    active: bool = True

    @property
    def key(self) -> SubjectKey:
        return (self.kind, self.id)

    @property
    def label(self) -> str:
        """ "Nguyễn Văn An (Tổ dân phố số 3)": how pickers and lists show a subject."""
        return f"{self.name} ({self.place})" if self.place else self.name
