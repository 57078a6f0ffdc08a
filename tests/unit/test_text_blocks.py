"""A commune's own wording of a document block: saved NFC, fields checked by name, filled from
the profile and the year, and reset to the default."""

from __future__ import annotations

import pytest

from emulation_desktop.domain import text_blocks
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.text_blocks import TextBlock

BLOCK = TextBlock("thu.muc_dich", "Kế hoạch", "1. Mục đích",
                  "Tổ chức phong trào thi đua năm {nam} của {xa}.")  # fmt: skip


@pytest.fixture
def blocks(context, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(text_blocks, "all_blocks", lambda: (BLOCK,))
    from emulation_desktop.services import text_blocks as service_module

    monkeypatch.setattr(service_module, "all_blocks", lambda: (BLOCK,))
    return context.services.text_blocks


def test_default_text_filled_from_the_profile_and_year(blocks, context) -> None:  # type: ignore[no-untyped-def]
    from tests.unit.test_decision_data import commune

    commune(context)  # sets the profile of Xã Cát Thành
    assert blocks.text(BLOCK, 2026) == "Tổ chức phong trào thi đua năm 2026 của xã Cát Thành."
    [view] = blocks.blocks()
    assert (view.text, view.changed) == (BLOCK.default, False)


def test_saved_text_is_used_and_reset_restores_the_default(blocks) -> None:  # type: ignore[no-untyped-def]
    blocks.save(BLOCK.key, "  Thi đua   yêu nước năm {nam}. \n\n Đoạn hai. ")
    [view] = blocks.blocks()
    assert view.changed and view.text == "Thi đua yêu nước năm {nam}.\n\nĐoạn hai."
    assert blocks.text(BLOCK, 2025).startswith("Thi đua yêu nước năm 2025.")
    blocks.reset(BLOCK.key)
    assert blocks.blocks()[0].changed is False


def test_saving_the_default_text_stores_nothing(blocks) -> None:  # type: ignore[no-untyped-def]
    blocks.save(BLOCK.key, BLOCK.default)
    assert blocks.blocks()[0].changed is False


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "không được để trống"), ("Năm {nam_hoc}", "{nam_hoc}"), ("x" * 20_001, "dài quá")],
    ids=["empty", "unknown field", "too long"],
)
def test_bad_text_is_refused_at_the_field_and_nothing_changes(blocks, text, message) -> None:  # type: ignore[no-untyped-def]
    blocks.save(BLOCK.key, "Câu đã lưu.")
    with pytest.raises(ValidationError) as err:
        blocks.save(BLOCK.key, text)
    assert message in err.value.field_errors["text"]
    assert blocks.blocks()[0].text == "Câu đã lưu."


def test_unknown_block(blocks) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserError, match="Không có đoạn"):
        blocks.save("khong.co", "x")


def test_every_registered_block_has_a_valid_default_and_its_own_key() -> None:
    from emulation_desktop.domain.text_blocks import FIELD_LABELS, check_block_text

    blocks = text_blocks.all_blocks()
    assert len({b.key for b in blocks}) == len(blocks) >= 20
    for b in blocks:
        assert check_block_text(b, b.default) == b.default, b.key
        assert set(b.fields) <= set(FIELD_LABELS), b.key  # the editor can explain each field
