"""Collecting every text of generated data, for the tests that check it is all NFC."""

from __future__ import annotations

import dataclasses


def strings_in(value: object) -> list[str]:
    """Every str inside a tree of dataclasses, tuples and enums."""
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value):
        return [s for f in dataclasses.fields(value) for s in strings_in(getattr(value, f.name))]
    if isinstance(value, tuple | list):
        return [s for item in value for s in strings_in(item)]
    return []
