"""Certificates printed from the program: each kind's layout, each printer's offset, every sheet
sent to a printer (and the spoiled ones), and the boxes of blanks (phôi) received. All of it lives
in the database, so backups carry the layouts and the register of printed sheets."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from emulation_desktop.domain.certificates import BlankKind, PrintMode
from emulation_desktop.store.models import Base
from emulation_desktop.store.types import created_at, enum_column, intpk, text_str


class CertificateLayoutRow(Base):
    """A commune's layout of one certificate kind; no row: the default layout is used."""

    __tablename__ = "certificate_layout"

    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp()
    )


class PrinterCalibrationRow(Base):
    """How far a printer puts text from where the layout says (measured on the calibration
    page); the printer "" is the PDF written for another machine."""

    __tablename__ = "printer_calibration"

    printer: Mapped[str] = mapped_column(String(200), primary_key=True)
    dx_mm: Mapped[float] = mapped_column(Float)
    dy_mm: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp()
    )


class CertificatePrintRow(Base):
    """One sheet the printer accepted. Spoiled sheets stay (they used a blank)."""

    __tablename__ = "certificate_print"

    id: Mapped[intpk]
    award_id: Mapped[int] = mapped_column(ForeignKey("award.id", ondelete="CASCADE"), index=True)
    printed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    printer: Mapped[str] = mapped_column(String(200), default="", server_default="")
    mode: Mapped[PrintMode] = mapped_column(enum_column(PrintMode))
    blank: Mapped[BlankKind] = mapped_column(enum_column(BlankKind))
    spoiled: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    spoiled_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    reason: Mapped[text_str]


class BlankReceiptRow(Base):
    """Blanks received (bought from the province or a printer): the stock's incoming side."""

    __tablename__ = "blank_receipt"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity"),)

    id: Mapped[intpk]
    blank: Mapped[BlankKind] = mapped_column(enum_column(BlankKind))
    quantity: Mapped[int] = mapped_column(Integer)
    received_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[text_str]
    created_at: Mapped[created_at]
