"""Điển hình tiên tiến: a recognised model needs its date, channels are kept in order, and the
year's count against the plan's target."""

from __future__ import annotations

import datetime as dt

import pytest

from emulation_desktop.domain.advanced_models import ModelInput, ModelProgress, progress_text
from emulation_desktop.domain.enums import Channel, ModelStatus
from emulation_desktop.domain.errors import ValidationError
from emulation_desktop.store.cycle_models import YearPlanRow
from tests.cycle_data import Commune, H, P, U, small_commune

M = ModelStatus
D = dt.date


@pytest.fixture
def commune(context) -> Commune:  # type: ignore[no-untyped-def]
    return small_commune(context)


def _model(c: Commune, name: str, **kw: object) -> int:
    base: dict[str, object] = dict(year=2024, name=name, subject=(U, c.tdp))
    return c.services.models.create(ModelInput(**{**base, **kw}))  # type: ignore[attr-defined, arg-type]


def _set_target(context, year: int, target: int) -> None:  # type: ignore[no-untyped-def]
    with context.database.session_scope() as s:
        s.merge(YearPlanRow(year=year, model_target=target))


@pytest.mark.parametrize("status", [M.RECOGNISED, M.REPLICATED])
def test_a_counted_model_needs_its_recognition_date(commune: Commune, status: M) -> None:
    with pytest.raises(ValidationError) as exc:
        _model(commune, "Tuyến phố văn minh", status=status)
    assert exc.value.field_errors == {
        "recognised_on": f"Mô hình «{status.label.lower()}» cần ngày công nhận (ngày/tháng/năm)."
    }
    assert commune.services.models.models(2024) == []  # type: ignore[attr-defined]


def test_other_bad_input_is_named_at_its_field(commune: Commune) -> None:
    models = commune.services.models  # type: ignore[attr-defined]
    with pytest.raises(ValidationError) as exc:
        models.create(ModelInput(2024, "   ", None))
    assert set(exc.value.field_errors) == {"name", "subject"}
    with pytest.raises(ValidationError) as exc:
        _model(commune, "Mô hình", status=M.BUILDING, recognised_on=D(2024, 6, 1))
    assert "đang xây dựng chưa có ngày công nhận" in exc.value.field_errors["recognised_on"]
    with pytest.raises(ValidationError) as exc:
        _model(commune, "Mô hình", status=M.RECOGNISED, recognised_on=D(2023, 12, 1))
    assert exc.value.field_errors["recognised_on"] == (
        "Ngày công nhận 01/12/2023 trước năm 2024 của mô hình; hãy kiểm tra lại ngày hoặc năm."
    )
    with pytest.raises(ValidationError) as exc:
        _model(commune, "Mô hình", movement_id=commune.movement_2023)
    assert exc.value.field_errors["movement_id"] == (
        "Phong trào «Dạy tốt, học tốt» thuộc năm 2023, không phải năm 2024."
    )


def test_a_model_reads_back_with_its_channels_and_movement(commune: Commune) -> None:
    models = commune.services.models  # type: ignore[attr-defined]
    mid = _model(
        commune, "  «Tuyến phố văn minh»   Tổ dân phố Bắc Sơn ", status=M.RECOGNISED,
        recognised_on=D(2024, 9, 2), movement_id=commune.movement,
        channels=(Channel.ZALO, Channel.WEBSITE, Channel.ZALO),
        description="Tuyến phố sáng – xanh – sạch – đẹp\nCamera an ninh",
    )  # fmt: skip
    item = models.get(mid)
    assert item.name == "«Tuyến phố văn minh» Tổ dân phố Bắc Sơn"
    assert item.channels == (Channel.WEBSITE, Channel.ZALO)
    assert item.channels_text == "Trang thông tin điện tử, Zalo OA"
    assert (item.subject.name, item.movement_name) == ("Tổ dân phố Bắc Sơn", "Dạy tốt, học tốt")
    models.update(mid, ModelInput(2024, item.name, (H, commune.home), status=M.REPLICATED,
                                  recognised_on=D(2024, 9, 2)))  # fmt: skip
    item = models.get(mid)
    assert (item.subject.name, item.status, item.channels) == ("Hộ ông Nguyễn Văn An",
                                                              M.REPLICATED, ())  # fmt: skip
    assert [m.name for m in models.models(2024, text="tuyen pho")] == [item.name]
    models.delete(mid)
    assert models.get(mid) is None


def test_progress_counts_recognised_and_replicated_models_against_the_plan(
    commune: Commune, context
) -> None:  # type: ignore[no-untyped-def]
    models = commune.services.models  # type: ignore[attr-defined]
    assert models.progress(2024) == ModelProgress(0, 0)
    _model(commune, "Tuyến phố văn minh", status=M.RECOGNISED, recognised_on=D(2024, 6, 1))
    _model(commune, "Dân vận khéo", subject=(P, commune.person("Lê Thị Hằng")),
           status=M.REPLICATED, recognised_on=D(2024, 8, 1))  # fmt: skip
    _model(commune, "Vườn mẫu", status=M.BUILDING)
    _model(commune, "Câu lạc bộ dưỡng sinh", status=M.STOPPED)
    assert models.progress(2024) == ModelProgress(2, 0, building=1)
    assert progress_text(2024, models.progress(2024)) == (
        "Mô hình mới, điển hình tiên tiến năm 2024: 2 đã công nhận (kế hoạch năm 2024 chưa đặt "
        "chỉ tiêu)"
    )
    _set_target(context, 2024, 3)
    progress = models.progress(2024)
    assert (progress, progress.reached) == (ModelProgress(2, 3, 1), False)
    assert progress_text(2024, progress) == (
        "Mô hình mới, điển hình tiên tiến năm 2024: 2/3 (chỉ tiêu theo kế hoạch)"
    )
    _set_target(context, 2024, 2)
    assert models.progress(2024).reached
    assert progress_text(2024, models.progress(2024)).endswith("2/2 (chỉ tiêu theo kế hoạch) – "
                                                               "đã đạt chỉ tiêu")  # fmt: skip
    assert models.progress(2025) == ModelProgress(0, 0)
