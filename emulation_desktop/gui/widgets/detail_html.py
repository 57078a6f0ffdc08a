"""The HTML of the detail panels beside the lists (a DetailView): one style sheet, the table of
labelled facts and paragraphs of free text, so every section's detail looks the same."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

# The panel beside a list is narrow: a smaller title leaves the facts in view.
STYLE = """
<style>
 h2 { margin: 0 0 4px 0; font-size: large; }
 h3 { margin: 10px 0 2px 0; }
 table.facts td { padding: 1px 10px 1px 0; vertical-align: top; }
 table.list { border-collapse: collapse; margin-top: 4px; }
 table.list th { text-align: left; padding: 3px 8px; background-color: #e8e8e8; }
 table.list td { padding: 3px 8px; border-bottom: 1px solid #d0d0d0; vertical-align: top; }
 p.empty { color: #707070; font-style: italic; }
 .muted { color: #707070; }
 ul { margin-top: 2px; }
</style>
"""
PENDING_COLOR = "#8a5a00"  # amber: what waits (a document, a case) and holds up eligibility
NOT_FOLLOWED = " <span class='muted'>(đã ngừng theo dõi)</span>"


class Html(str):
    """A value already in HTML (a coloured status…): `facts_html` puts it in as it is."""


def facts_html(rows: Sequence[tuple[str, str]]) -> str:
    """Label/value lines, empty values left out; multi-line values keep their lines."""
    cells = "".join(
        f"<tr><td class='muted'>{escape(label)}</td><td>{_value(value)}</td></tr>"
        for label, value in rows
        if value
    )
    return f"<table class='facts'>{cells}</table>"


def _value(value: str) -> str:
    return value if isinstance(value, Html) else escape(value).replace("\n", "<br>")


def text_block(title: str, text: str) -> str:
    """A heading and the text's lines as paragraphs ("" for no text)."""
    if not text:
        return ""
    return f"<h3>{escape(title)}</h3>" + "".join(f"<p>{escape(x)}</p>" for x in text.splitlines())


def followed_mark(active: bool) -> str:
    """ " (đã ngừng theo dõi)" after the name of a subject no longer followed."""
    return "" if active else NOT_FOLLOWED
