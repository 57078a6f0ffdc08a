"""Finding a decision from what an officer types on a command line: its number as printed
("121/QĐ-UBND", or just "121"), or the program's id; a miss lists the commune's decisions to
choose from, and a text that could name two decisions is refused."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import DecisionKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.text import fold
from emulation_desktop.store.award_models import DecisionRow

_SHOWN = 8


def _key(number: str) -> str:
    return re.sub(r"\s+", "", fold(number))


def resolve_decision(s: Session, text: str) -> int:
    """The id of the commune's own decision `text` names; one Vietnamese message otherwise."""
    text = " ".join(str(text).split())
    own = s.execute(
        select(DecisionRow.id, DecisionRow.number, DecisionRow.issued_on)
        .where(DecisionRow.kind != DecisionKind.HIGHER)
        .order_by(DecisionRow.issued_on.desc(), DecisionRow.id.desc())
    ).all()
    by_number = [d for d in own if _key(d.number) == _key(text)]
    if text.isdigit():
        # "121" is the id 121 or the decision numbered 121/…: printing the wrong decision's
        # certificates is worse than asking, so both at once are refused.
        by_number += [d for d in own if d.number.split("/")[0].strip() == text]
        by_id = [d for d in own if d.id == int(text)]
        if by_id and not [d for d in by_number if d.id != by_id[0].id]:
            return by_id[0].id
        by_number += by_id
    matches = list({d.id: d for d in by_number}.values())
    if len(matches) == 1:
        return matches[0].id
    if matches:
        raise UserError(
            f"«{text}» có thể là {len(matches)} quyết định: "
            + "; ".join(f"{d.number} ngày {day_text(d.issued_on)} (mã {d.id})" for d in matches)
            + ". Hãy ghi đủ số quyết định như đã in, hoặc mã của quyết định."
        )
    listed = "; ".join(f"{d.number} ngày {day_text(d.issued_on)} (mã {d.id})" for d in own[:_SHOWN])
    more = f" và {len(own) - _SHOWN} quyết định khác" if len(own) > _SHOWN else ""
    hint = f" Các quyết định của xã: {listed}{more}." if own else " Xã chưa có quyết định nào."
    raise UserError(f"Không có quyết định «{text}» của xã trong dữ liệu.{hint}")
