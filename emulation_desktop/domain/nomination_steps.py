"""The guided flow of a round as the officer sees it: five numbered steps, which are done, which
one is worked on now, and where the next step is done in the program.

The steps follow domain.workflow's statuses, with the dossier and the public notice (step ②)
prepared alongside the list: it is "done" once every paper is ticked and the notice has ended.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from emulation_desktop.domain.enums import RoundStatus
from emulation_desktop.domain.nominations import RoundItem

STEP_TITLES = (
    "Lập danh sách",
    "Hồ sơ, công khai",
    "Hội đồng xét",
    "Quyết định, tờ trình",
    "Đã trao",
)
NUMBERS = "①②③④⑤"

# The step worked on at each status (AWARDED: none, the round is finished).
_CURRENT = {
    RoundStatus.DRAFT: 1,
    RoundStatus.SUBMITTED: 3,
    RoundStatus.VOTED: 4,
    RoundStatus.DECIDED: 5,
}


class StepState(StrEnum):
    DONE = "done"
    CURRENT = "current"
    OPEN = "open"  # under way beside the current step (the dossier while drafting)
    LATER = "later"


@dataclass(frozen=True, slots=True)
class Step:
    number: int
    title: str
    state: StepState
    detail: str = ""  # the dossier's papers: "12/15"

    @property
    def label(self) -> str:
        return f"{NUMBERS[self.number - 1]} {self.title}"


def steps(r: RoundItem, today: dt.date) -> tuple[Step, ...]:
    current = _CURRENT.get(r.status, 6)
    out = []
    for number, title in enumerate(STEP_TITLES, 1):
        detail = ""
        if number == 2:
            ready = r.dossier_complete and (not r.needs_notice or _notice_over(r, today))
            detail = f"{r.papers_done}/{r.papers_total}"
            state = StepState.DONE if ready or current > 4 else StepState.OPEN
        elif number < current:
            state = StepState.DONE
        elif number == current:
            state = StepState.CURRENT
        else:
            state = StepState.LATER
        out.append(Step(number, title, state, detail))
    return tuple(out)


def _notice_over(r: RoundItem, today: dt.date) -> bool:
    end = r.notice_end
    return end is not None and today > end


def next_step(r: RoundItem) -> str:
    """Where the officer goes next, in one sentence."""
    if r.status is RoundStatus.DRAFT:
        if r.items == 0:
            return ("Bước tiếp theo: bấm «Thêm đề nghị» để lập danh sách, rồi «Trình Hội "
                    "đồng».")  # fmt: skip
        return "Bước tiếp theo: hoàn thiện hồ sơ, kiểm tra điều kiện rồi bấm «Trình Hội đồng»."
    if r.status is RoundStatus.SUBMITTED:
        return "Bước tiếp theo: mục Hội đồng TĐKT › Họp xét, bỏ phiếu."
    if r.status is RoundStatus.VOTED:
        return "Bước tiếp theo: mục Quyết định › quyết định khen thưởng, tờ trình đề nghị cấp trên."
    if r.status is RoundStatus.DECIDED:
        return "Bước tiếp theo: mục Quyết định › in giấy khen, ghi nhận đã trao."
    return "Đợt xét đã hoàn tất: khen thưởng đã được trao."
