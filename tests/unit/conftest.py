"""Fixtures of the registry tests (test_registry_service, test_registry_cycle): the registry
service with its day fixed, and one residential unit to put people in."""

from __future__ import annotations

import datetime as dt

import pytest

from emulation_desktop.domain.enums import UnitKind
from emulation_desktop.domain.registry import UnitInput

TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def reg(context):  # type: ignore[no-untyped-def]
    registry = context.services.registry
    registry._today = lambda: TODAY
    return registry


@pytest.fixture
def unit_id(reg) -> int:  # type: ignore[no-untyped-def]
    return reg.create_unit(UnitInput("Tổ dân phố số 3", UnitKind.RESIDENTIAL))
