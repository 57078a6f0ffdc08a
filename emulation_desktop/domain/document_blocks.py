"""The registry of editable wording blocks: each document kind's domain module lists its blocks
in a `BLOCKS` tuple and this module collects them, in the order of the settings screen."""

from __future__ import annotations

from emulation_desktop.domain import (
    council_documents,
    plan_blocks,
    submission_document,
    year_report_document,
)
from emulation_desktop.domain.text_blocks import TextBlock

BLOCKS: tuple[TextBlock, ...] = (
    *plan_blocks.BLOCKS,
    *council_documents.BLOCKS,
    *submission_document.BLOCKS,
    *year_report_document.BLOCKS,
)
