"""What a commune changes in its documents: its own wording of the standard blocks (mục đích,
yêu cầu, căn cứ…) and its own Word forms. Both live in the database so backups carry them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, DateTime, Integer, LargeBinary, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from emulation_desktop.store.models import Base


class TextBlockRow(Base):
    """The commune's text for one wording block; no row: the default text is used."""

    __tablename__ = "text_block"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp()
    )


class CustomTemplateRow(Base):
    """A Word form (docxtpl) that replaces the built-in layout of one document kind."""

    __tablename__ = "custom_template"
    __table_args__ = (CheckConstraint("size = length(data)", name="size"),)

    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    file_name: Mapped[str] = mapped_column(String(255))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[dt.datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp()
    )
