"""The steps of a nomination round and which moves between them are legal.

draft → submitted to the council → voted → decided (the commune's decision and/or the proposal
upward) → awarded. A round goes back one step only before anything was issued: a submitted round
may return to the list (the council has not voted), a voted round may be reopened while no
decision or proposal exists. A decided round is read-only; a mistake is put right by a
correcting decision, never by editing.
"""

from __future__ import annotations

from emulation_desktop.domain.enums import RoundStatus
from emulation_desktop.domain.errors import UserError

_FORWARD: dict[RoundStatus, RoundStatus] = {
    RoundStatus.DRAFT: RoundStatus.SUBMITTED,
    RoundStatus.SUBMITTED: RoundStatus.VOTED,
    RoundStatus.VOTED: RoundStatus.DECIDED,
    RoundStatus.DECIDED: RoundStatus.AWARDED,
}
_BACK: dict[RoundStatus, RoundStatus] = {
    RoundStatus.SUBMITTED: RoundStatus.DRAFT,
    RoundStatus.VOTED: RoundStatus.SUBMITTED,
}

_WHY_NOT: dict[RoundStatus, str] = {
    RoundStatus.DRAFT: "Đợt xét đang lập danh sách: hãy trình Hội đồng trước.",
    RoundStatus.SUBMITTED: "Hội đồng chưa xét xong đợt này: hãy nhập kết quả bỏ phiếu và kết thúc "
    "cuộc họp trước.",
    RoundStatus.VOTED: "Đợt xét chưa có quyết định khen thưởng hoặc tờ trình đề nghị cấp trên.",
    RoundStatus.DECIDED: "Đợt xét đã có quyết định nên không sửa được; nếu có sai sót, hãy ra "
    "quyết định đính chính.",
    RoundStatus.AWARDED: "Đợt xét đã trao khen thưởng xong nên không sửa được; nếu có sai sót, "
    "hãy ra quyết định đính chính.",
}


def can_move(current: RoundStatus, target: RoundStatus) -> bool:
    return _FORWARD.get(current) is target or _BACK.get(current) is target


def check_move(current: RoundStatus, target: RoundStatus) -> None:
    """Refuse an illegal step with what to do instead."""
    if not can_move(current, target):
        raise UserError(
            f"Không chuyển được đợt xét từ «{current.label}» sang «{target.label}». "
            + _WHY_NOT[current]
        )


def require_status(current: RoundStatus, *allowed: RoundStatus) -> None:
    """Refuse work on a round that is not at one of the `allowed` steps."""
    if current not in allowed:
        raise UserError(_WHY_NOT.get(current, current.label))


def editable_list(current: RoundStatus) -> bool:
    """The list of nominations (add, remove, edit texts) is open only while drafting."""
    return current is RoundStatus.DRAFT
