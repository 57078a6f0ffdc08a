"""The registry of editable wording blocks: each document kind's domain module lists its blocks
in a `BLOCKS` tuple and this module collects them, in the order of the settings screen."""

from __future__ import annotations

import importlib

from emulation_desktop.domain.text_blocks import TextBlock

_MODULES = (
    "emulation_desktop.domain.plan_blocks",
    "emulation_desktop.domain.council_documents",
    "emulation_desktop.domain.year_report_document",
)


def _collect() -> tuple[TextBlock, ...]:
    out: list[TextBlock] = []
    for name in _MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:  # TEMPORARY while issue 7's kinds are written
            continue
        out.extend(module.BLOCKS)
    return tuple(out)


BLOCKS: tuple[TextBlock, ...] = _collect()
