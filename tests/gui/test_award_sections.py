"""The round's steps live in three sections: what one writes, the others show when next opened."""

from __future__ import annotations


def test_a_change_in_one_section_shows_in_the_others_when_opened(window, demo_context) -> None:  # type: ignore[no-untyped-def]
    window.set_year(2026)
    window.go_to("nominations")
    tab = window.current_page().current()
    assert tab.round_combo.currentText().startswith("Đang lập danh sách: ")
    rounds = demo_context.services.rounds
    draft = next(r for r in rounds.rounds(2026) if r.status.value == "nhap")
    window.go_to("council")
    rounds.submit(draft.id)  # as the council's tab would change a round…
    window.current_page().current().on_changed()  # …and then tell the window
    window.go_to("nominations")
    assert tab.round_combo.currentText().startswith("Đã trình Hội đồng: ")
