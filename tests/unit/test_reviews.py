"""Sơ kết, tổng kết: dates and phases that do not fit, one review per phase and kind, results
per registered subject in one transaction, and the figures on a small hand-made data set."""

from __future__ import annotations

import datetime as dt

import pytest

from emulation_desktop.domain.enums import RegistrationStatus, ReviewKind, ReviewResult
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.registrations import RegistrationInput
from emulation_desktop.domain.reviews import ResultInput, ReviewFigures, ReviewInput
from tests.cycle_data import Commune, P, U, add_movement, small_commune

S, K, R = RegistrationStatus, ReviewKind, ReviewResult
D = dt.date


@pytest.fixture
def commune(context) -> Commune:  # type: ignore[no-untyped-def]
    """Five teachers registered to "Dạy tốt, học tốt": four approved, one still pending; the
    primary school approved as a collective; one teacher registered to a title only."""
    c = small_commune(context)
    regs = c.services.registrations  # type: ignore[attr-defined]
    ids = {}
    for name in ("Lê Văn Bình", "Phạm Thị Hoa", "Đặng Văn Dũng", "Vũ Thị Yến", "Nguyễn Thị Lan"):
        ids[name] = regs.create(RegistrationInput(2024, (P, c.person(name)),
                                                  movement_id=c.movement, status=S.PENDING,
                                                  registered_on=D(2024, 2, 1)))  # fmt: skip
    ids["school"] = regs.create(RegistrationInput(2024, (U, c.primary), movement_id=c.movement,
                                                  status=S.PENDING))  # fmt: skip
    regs.create(RegistrationInput(2024, (P, c.person("Trần Thị Mai")), award_code="LDTT",
                                  status=S.PENDING))  # fmt: skip
    approved = [v for k, v in ids.items() if k != "Nguyễn Thị Lan"]
    regs.change_status(approved, S.APPROVED, D(2024, 3, 1))
    c.registration_ids = ids  # type: ignore[attr-defined]
    return c


def _review(c: Commune, **kw: object) -> int:
    base = dict(movement_id=c.movement, phase_id=c.phases[0], kind=K.PRELIMINARY,
                held_on=D(2024, 5, 20), document="Báo cáo số 45/BC-UBND")  # fmt: skip
    return c.services.reviews.create(ReviewInput(**{**base, **kw}))  # type: ignore[attr-defined, arg-type]


def _field(exc: pytest.ExceptionInfo[ValidationError]) -> tuple[str, str]:
    assert len(exc.value.field_errors) == 1, exc.value.field_errors
    return next(iter(exc.value.field_errors.items()))


def test_a_review_before_its_phase_or_movement_starts_is_refused(commune: Commune) -> None:
    with pytest.raises(ValidationError) as exc:
        _review(commune, phase_id=commune.phases[1], held_on=D(2024, 5, 1))
    assert _field(exc) == ("held_on", "Ngày 01/05/2024 trước khi đợt 2 bắt đầu (08/05/2024); "
                           "chưa thể sơ kết, tổng kết đợt này.")  # fmt: skip
    with pytest.raises(ValidationError) as exc:
        _review(commune, phase_id=None, kind=K.FINAL, held_on=D(2023, 12, 30))
    assert _field(exc) == ("held_on", "Ngày 30/12/2023 trước khi phong trào bắt đầu "
                           "(01/01/2024); hãy kiểm tra lại ngày.")  # fmt: skip
    with pytest.raises(ValidationError) as exc:
        _review(commune, held_on=None)
    assert _field(exc)[0] == "held_on"
    assert commune.services.reviews.reviews(2024) == []  # type: ignore[attr-defined]


def test_a_phase_of_another_movement_is_refused(commune: Commune, context) -> None:  # type: ignore[no-untyped-def]
    _other, phases = add_movement(
        context.database, 2024, "Toàn dân đoàn kết xây dựng đời sống văn hóa", D(2024, 1, 1),
        D(2024, 12, 31), (("Cả năm", D(2024, 1, 1), D(2024, 12, 31)),),
    )  # fmt: skip
    with pytest.raises(ValidationError) as exc:
        _review(commune, phase_id=phases[0])
    assert _field(exc) == ("phase_id", "Đợt đã chọn không thuộc phong trào «Dạy tốt, học tốt»; "
                           "hãy chọn lại đợt.")  # fmt: skip


def test_one_review_per_movement_phase_and_kind(commune: Commune) -> None:
    reviews = commune.services.reviews  # type: ignore[attr-defined]
    _review(commune)
    with pytest.raises(ValidationError) as exc:
        _review(commune, held_on=D(2024, 5, 25))
    assert _field(exc) == ("kind", "Phong trào «Dạy tốt, học tốt» đã có sơ kết đợt 1 (ngày "
                           "20/05/2024); mỗi phong trào, mỗi đợt chỉ sơ kết một lần. Hãy sửa hội "
                           "nghị đã có.")  # fmt: skip
    _review(commune, kind=K.FINAL, held_on=D(2024, 5, 30))  # tổng kết đợt 1 is another review
    # The whole movement: a NULL phase, which the table's unique key cannot see.
    final = _review(commune, phase_id=None, kind=K.FINAL, held_on=D(2025, 1, 10))
    with pytest.raises(ValidationError) as exc:
        _review(commune, phase_id=None, kind=K.FINAL, held_on=D(2025, 1, 15))
    assert "đã có tổng kết phong trào (ngày 10/01/2025)" in _field(exc)[1]
    reviews.update(final, ReviewInput(commune.movement, None, K.FINAL, D(2025, 1, 12),
                                      "Báo cáo số 3/BC-UBND"))  # fmt: skip
    assert reviews.get(final).held_on == D(2025, 1, 12)
    assert [r.title for r in reviews.reviews(2024)] == [
        "Sơ kết đợt 1", "Tổng kết đợt 1", "Tổng kết phong trào"
    ]  # fmt: skip


def test_results_list_the_approved_registrations_of_the_movement(commune: Commune) -> None:
    reviews = commune.services.reviews  # type: ignore[attr-defined]
    lines = reviews.results(_review(commune))
    # Collectives first, then people in Vietnamese name order (given name first); the pending
    # registration and the title-only one are not reviewed here.
    assert [line.subject.name for line in lines] == [
        "Trường Tiểu học Cát Thành", "Lê Văn Bình", "Đặng Văn Dũng", "Phạm Thị Hoa", "Vũ Thị Yến"
    ]  # fmt: skip
    assert all(line.result is None for line in lines)


def test_results_are_saved_together_and_give_the_figures(commune: Commune) -> None:
    reviews = commune.services.reviews  # type: ignore[attr-defined]
    ids = commune.registration_ids  # type: ignore[attr-defined]
    rid = _review(commune)
    figures = reviews.save_results(rid, [
        ResultInput(ids["school"], R.EXCEEDED, "Dẫn đầu khối  trường học"),
        ResultInput(ids["Lê Văn Bình"], R.MET),
        ResultInput(ids["Phạm Thị Hoa"], R.MET),
        ResultInput(ids["Đặng Văn Dũng"], R.NOT_MET, "Chưa có sáng kiến"),
        ResultInput(ids["Vũ Thị Yến"], None),
    ])  # fmt: skip
    assert figures == ReviewFigures(registered=5, exceeded=1, met=2, not_met=1)
    assert (figures.reviewed, figures.waiting) == (4, 1)
    assert figures.text == "5 đăng ký; đã đánh giá 4: vượt 1, đạt 2, chưa đạt 1"
    assert reviews.figures(rid) == figures
    notes = {line.subject.name: line.note for line in reviews.results(rid)}
    assert notes["Trường Tiểu học Cát Thành"] == "Dẫn đầu khối trường học"
    # Clearing a result removes it.
    reviews.save_results(rid, [ResultInput(ids["Đặng Văn Dũng"], None)])
    assert reviews.figures(rid) == ReviewFigures(5, 1, 2, 0)


def test_a_bad_result_line_saves_nothing(commune: Commune) -> None:
    reviews = commune.services.reviews  # type: ignore[attr-defined]
    ids = commune.registration_ids  # type: ignore[attr-defined]
    rid = _review(commune)
    with pytest.raises(UserError) as exc:
        reviews.save_results(rid, [ResultInput(ids["Lê Văn Bình"], R.MET),
                                   ResultInput(ids["Nguyễn Thị Lan"], R.MET)])  # fmt: skip
    assert exc.value.message == (
        "«Nguyễn Thị Lan» không có đăng ký đã duyệt trong phong trào này nên chưa ghi kết quả "
        "được. Chưa lưu kết quả nào."
    )
    with pytest.raises(ValidationError, match="Hãy chọn kết quả cho «Phạm Thị Hoa»"):
        reviews.save_results(rid, [ResultInput(ids["Lê Văn Bình"], R.MET),
                                   ResultInput(ids["Phạm Thị Hoa"], None, "Đang xét")])  # fmt: skip
    assert reviews.figures(rid).reviewed == 0


def test_year_figures_count_each_movement_once_at_its_latest_review(commune: Commune) -> None:
    reviews = commune.services.reviews  # type: ignore[attr-defined]
    ids = commune.registration_ids  # type: ignore[attr-defined]
    first = _review(commune)
    reviews.save_results(first, [ResultInput(ids["Lê Văn Bình"], R.NOT_MET)])
    final = _review(commune, phase_id=None, kind=K.FINAL, held_on=D(2024, 12, 28))
    reviews.save_results(final, [ResultInput(ids[n], R.MET) for n in
                                 ("Lê Văn Bình", "Phạm Thị Hoa", "Đặng Văn Dũng", "Vũ Thị Yến")]
                         + [ResultInput(ids["school"], R.EXCEEDED)])  # fmt: skip
    year = reviews.year_figures(2024)
    assert (year.preliminary, year.final) == (1, 1)
    assert year.latest == ReviewFigures(registered=5, exceeded=1, met=4, not_met=0)
    assert [r.figures.reviewed for r in year.reviews] == [1, 5]
    assert reviews.year_figures(2023).reviews == ()


def test_reviewed_registrations_cannot_be_deleted_or_moved(commune: Commune) -> None:
    regs = commune.services.registrations  # type: ignore[attr-defined]
    reviews = commune.services.reviews  # type: ignore[attr-defined]
    ids = commune.registration_ids  # type: ignore[attr-defined]
    rid = _review(commune)
    reviews.save_results(rid, [ResultInput(ids["Lê Văn Bình"], R.MET)])
    with pytest.raises(UserError, match="«Lê Văn Bình» đã có kết quả sơ kết, tổng kết"):
        regs.delete([ids["Lê Văn Bình"], ids["Vũ Thị Yến"]])
    assert regs.get(ids["Vũ Thị Yến"]) is not None
    with pytest.raises(ValidationError) as exc:
        regs.update(ids["Lê Văn Bình"], RegistrationInput(2024, (P, commune.person("Lê Văn Bình")),
                                                         award_code="LDTT"))  # fmt: skip
    assert _field(exc)[0] == "movement_id"
    # Deleting the review takes its results with it; then the registration can go.
    reviews.delete(rid)
    assert regs.delete([ids["Lê Văn Bình"]]) == 1
