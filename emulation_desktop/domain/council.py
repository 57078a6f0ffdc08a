"""The council (Hội đồng Thi đua – Khen thưởng) as a decision sets it up (thành lập, kiện toàn).

A composition is valid from a date until the next one starts; its members are listed in the
decision's order with their position (chức vụ) and their role in the council. The Thư ký is often
the officer in charge of TĐKT and, in most provinces, does not vote; that is a setting per member
(domain.md §8a: the organisation of commune councils is the province's to set, so it stays data).

A composition that a closed meeting used is history: it is never edited, a new composition
(kiện toàn) is made instead, so old minutes keep reading as they were signed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, replace

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import CouncilRole
from emulation_desktop.domain.errors import ValidationError
from emulation_desktop.domain.text import nfc, nfc_lines

NAME_MAX = 200
TEXT_MAX = 500
DECISION_EXAMPLE = "Quyết định số 15/QĐ-UBND ngày 10/7/2025"
ROLE_ORDER = {role: i for i, role in enumerate(CouncilRole)}


def default_voting(role: CouncilRole) -> bool:
    """The Thư ký keeps the minutes and, by default, does not vote (editable per member)."""
    return role is not CouncilRole.SECRETARY


@dataclass(frozen=True, slots=True)
class MemberInput:
    """One line of the members table; `id` keeps an existing member across an edit."""

    name: str
    title: str = ""  # chức vụ: "Chủ tịch UBND xã"
    role: CouncilRole = CouncilRole.MEMBER
    voting: bool = True
    person_id: int | None = None  # the person in the registry, when chosen from it
    id: int | None = None


@dataclass(frozen=True, slots=True)
class CouncilInput:
    valid_from: dt.date | None
    decision_text: str
    members: tuple[MemberInput, ...]
    note: str = ""


def validate_council(data: CouncilInput) -> CouncilInput:
    """The input normalised (NFC, trimmed), or ValidationError: `valid_from`, `decision_text`
    and `members` (one message naming every wrong line)."""
    members = tuple(replace(m, name=nfc(m.name), title=nfc(m.title)) for m in data.members)
    clean = replace(
        data,
        decision_text=nfc(data.decision_text),
        note=nfc_lines(data.note, keep_blank=True),
        members=members,
    )
    errors: dict[str, str] = {}
    if clean.valid_from is None:
        errors["valid_from"] = (
            "Hãy nhập ngày Hội đồng bắt đầu có hiệu lực (ngày của quyết định thành lập hoặc "
            "kiện toàn)."
        )
    if not clean.decision_text:
        errors["decision_text"] = (
            f"Hãy nhập quyết định thành lập hoặc kiện toàn Hội đồng, ví dụ «{DECISION_EXAMPLE}»."
        )
    elif len(clean.decision_text) > TEXT_MAX:
        errors["decision_text"] = f"Quyết định dài quá {TEXT_MAX} ký tự."
    if len(clean.note) > TEXT_MAX * 4:
        errors["note"] = f"Ghi chú dài quá {TEXT_MAX * 4} ký tự."
    if problem := _members_problem(members):
        errors["members"] = problem
    if errors:
        raise ValidationError(errors)
    return clean


def _members_problem(members: tuple[MemberInput, ...]) -> str:
    if not members:
        return "Hội đồng chưa có thành viên nào: hãy thêm thành viên, trước hết là Chủ tịch."
    lines = []
    for i, m in enumerate(members, 1):
        if not m.name:
            lines.append(f"dòng {i}: chưa có họ và tên")
        elif len(m.name) > NAME_MAX:
            lines.append(f"dòng {i}: họ và tên dài quá {NAME_MAX} ký tự")
        if len(m.title) > TEXT_MAX:
            lines.append(f"dòng {i}: chức vụ dài quá {TEXT_MAX} ký tự")
    if lines:
        return "Danh sách thành viên chưa đúng: " + "; ".join(lines) + "."
    chairs = [m for m in members if m.role is CouncilRole.CHAIR]
    if not chairs:
        return "Hội đồng cần một Chủ tịch Hội đồng: hãy chọn vai trò này cho một thành viên."
    if len(chairs) > 1:
        names = ", ".join(f"«{m.name}»" for m in chairs)
        return f"Hội đồng chỉ có một Chủ tịch Hội đồng; đang chọn {len(chairs)} người: {names}."
    if not chairs[0].voting:
        return f"Chủ tịch Hội đồng «{chairs[0].name}» phải có quyền biểu quyết."
    standing = [m for m in members if m.role is CouncilRole.STANDING_VICE]
    if len(standing) > 1:
        names = ", ".join(f"«{m.name}»" for m in standing)
        return f"Hội đồng chỉ có một Phó Chủ tịch thường trực; đang chọn {names}."
    # "Lê Thị Hà" and "Lê Thị Hạ" are two people: only case is ignored, not the accents.
    twice = [n for n, c in Counter(m.name.casefold() for m in members).items() if c > 1]
    if twice:
        name = next(m.name for m in members if m.name.casefold() == twice[0])
        return f"«{name}» có tên hai lần trong danh sách thành viên."
    people = Counter(m.person_id for m in members if m.person_id is not None)
    if any(c > 1 for c in people.values()):
        return "Một cá nhân được chọn hai lần trong danh sách thành viên."
    return ""


@dataclass(frozen=True, slots=True)
class Member:
    id: int
    position: int
    name: str
    title: str
    role: CouncilRole
    voting: bool
    person_id: int | None = None

    @property
    def label(self) -> str:
        """ "Nguyễn Văn Hùng – Chủ tịch UBND xã", for the chair and secretary choices."""
        return f"{self.name} – {self.title}" if self.title else self.name

    @property
    def role_text(self) -> str:
        """The role, with "(không biểu quyết)" when the member does not vote."""
        return self.role.label + ("" if self.voting else " (không biểu quyết)")

    def as_input(self, keep_id: bool = True) -> MemberInput:
        return MemberInput(
            self.name,
            self.title,
            self.role,
            self.voting,
            self.person_id,
            self.id if keep_id else None,
        )


@dataclass(frozen=True, slots=True)
class Council:
    """One composition; `valid_to` is the day before the next starts (None: still in force).
    `closed_meetings` names the rounds whose closed meeting used it: then it is read-only."""

    id: int
    valid_from: dt.date
    valid_to: dt.date | None
    decision_text: str
    note: str
    members: tuple[Member, ...]
    meetings: int = 0
    closed_meetings: tuple[str, ...] = ()

    @property
    def locked(self) -> bool:
        return bool(self.closed_meetings)

    @property
    def voting(self) -> tuple[Member, ...]:
        return tuple(m for m in self.members if m.voting)

    def with_role(self, role: CouncilRole) -> Member | None:
        return next((m for m in self.members if m.role is role), None)

    def member(self, member_id: int | None) -> Member | None:
        return next((m for m in self.members if m.id == member_id), None)

    def in_force(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    @property
    def period(self) -> str:
        """ "từ 01/07/2025" or "từ 01/07/2025 đến 09/03/2026"."""
        start = f"từ {day_text(self.valid_from)}"
        return start + (f" đến {day_text(self.valid_to)}" if self.valid_to else "")

    @property
    def counts(self) -> str:
        """ "8 thành viên, 7 có quyền biểu quyết"."""
        return f"{len(self.members)} thành viên, {len(self.voting)} có quyền biểu quyết"

    def as_input(self) -> CouncilInput:
        return CouncilInput(
            self.valid_from,
            self.decision_text,
            tuple(m.as_input() for m in self.members),
            self.note,
        )

    def renewal(self) -> CouncilInput:
        """The start of a kiện toàn: the same members (as new lines), a new date and decision
        to be typed."""
        return CouncilInput(None, "", tuple(m.as_input(keep_id=False) for m in self.members))


def councils_in_order(councils: list[Council]) -> list[Council]:
    """Newest first, as the list shows them."""
    return sorted(councils, key=lambda c: c.valid_from, reverse=True)


def council_in_force(councils: list[Council], day: dt.date) -> Council | None:
    return next((c for c in councils if c.in_force(day)), None)
