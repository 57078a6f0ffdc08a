"""The words of decisions and tờ trình: signature blocks, award headings, trích yếu."""

from __future__ import annotations

import datetime as dt

import pytest

from emulation_desktop.domain.decision_text import (
    default_bases,
    punctuated,
    short_name,
    signature_lines,
)
from emulation_desktop.domain.decisions import NoticeState, clean_lines
from emulation_desktop.domain.enums import RoundKind, SignVariant


@pytest.mark.parametrize(
    ("variant", "title", "collective", "lines"),
    [
        (SignVariant.DIRECT, "Chủ tịch", False, ("CHỦ TỊCH",)),
        (SignVariant.KT, "Phó Chủ tịch", False, ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")),
        (SignVariant.DIRECT, "Chủ tịch", True, ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")),
        (SignVariant.KT, "Phó Chủ tịch", True,
         ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")),
        (SignVariant.TM, "Chủ tịch", False, ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")),
        (SignVariant.Q, "Phó Chủ tịch", False, ("Q. CHỦ TỊCH",)),
        (SignVariant.TL, "Chánh Văn phòng", False, ("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG")),
    ],
)  # fmt: skip
def test_signature_blocks_follow_decree_30(variant, title, collective, lines) -> None:  # type: ignore[no-untyped-def]
    assert signature_lines(variant, title, collective=collective) == lines


def test_award_headings_and_bases() -> None:
    assert short_name("Giấy khen của Chủ tịch UBND xã (hộ gia đình)") == "Giấy khen"
    assert short_name("Bằng khen của Chủ tịch UBND tỉnh (tập thể)", own=False) == (
        "Bằng khen của Chủ tịch UBND tỉnh"
    )
    before = default_bases(dt.date(2025, 3, 1), "nd98-2023", "Nghị định 98/2023/NĐ-CP",
                           RoundKind.YEAR_END, None)  # fmt: skip
    assert before[0].endswith("ngày 19 tháng 6 năm 2015") and "98/2023/NĐ-CP" in before[2]
    assert len(before) == 3
    assert punctuated(["Căn cứ a", "Căn cứ b"]) == ("Căn cứ a;", "Căn cứ b.")
    assert clean_lines((" Căn cứ  Luật a; ", "", "Xét đề nghị.")) == ("Căn cứ Luật a",
                                                                    "Xét đề nghị")  # fmt: skip


def test_the_notice_ends_after_its_days() -> None:
    notice = NoticeState(True, dt.date(2026, 12, 1), 10)
    assert notice.ends_on == dt.date(2026, 12, 10)  # the last day: 01/12 is the first
    assert not notice.ended_by(dt.date(2026, 12, 10)) and notice.ended_by(dt.date(2026, 12, 11))
    assert NoticeState(False, None, 10).warning(dt.date(2026, 1, 1)) == ""
