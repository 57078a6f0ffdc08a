"""What a backup file says about itself: the manifest (`manifest.json`, first in the file).

The manifest is what a restore preview shows (commune, date, row counts) and what verification
checks the file against (every part's size and SHA-256). Reading it is strict: anything that
is not exactly what `to_json` writes is refused with `ManifestError`, which the archive turns
into "the backup is damaged". A manifest from a newer *format* is recognised from its
`format_version` alone (`ManifestTooNewError`), before anything else in it is trusted.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from emulation_desktop.backup.errors import Corruption

FORMAT_NAME = "tdkt-backup"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
DB_PART = "db.sqlite3"
ATTACHMENTS_PREFIX = "attachments/"

_SHA256 = re.compile(r"[0-9a-f]{64}")
# Characters Windows refuses in file names; attachments are extracted on Windows.
_WINDOWS_BAD = set('<>:"|?*\\')
_WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL"} | {
    f"{port}{i}" for port in ("COM", "LPT") for i in range(10)
}
MAX_NAME_BYTES = 1024
MAX_PARTS = 100_000


class ManifestError(Corruption):
    """The manifest is not one this program wrote (details are for the log)."""


class ManifestTooNewError(ManifestError):
    """A newer format: nothing but its version (and the program's) may be read from it."""

    def __init__(self, format_version: int, program_version: str) -> None:
        super().__init__(f"manifest format {format_version} is newer than {FORMAT_VERSION}")
        self.format_version = format_version
        self.program_version = program_version


@dataclass(frozen=True)
class Part:
    """One file inside the backup: the database snapshot or an attachment."""

    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    """Facts about a backup, written before its data so a preview never reads the data."""

    format_version: int
    program_version: str
    schema_revision: str  # "" when the database has no Alembic revision
    commune: str
    created_at: dt.datetime  # aware
    row_counts: dict[str, int] = field(hash=False)
    parts: tuple[Part, ...]
    encrypted: bool
    note: str = ""

    @property
    def database(self) -> Part:
        """The database snapshot's part (always the first)."""
        return self.parts[0]

    @property
    def attachments(self) -> tuple[Part, ...]:
        return self.parts[1:]

    def to_json(self) -> str:
        data = {
            "format": FORMAT_NAME,
            "format_version": self.format_version,
            "program": "Thi đua – Khen thưởng",
            "program_version": self.program_version,
            "schema_revision": self.schema_revision,
            "commune": self.commune,
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "encrypted": self.encrypted,
            "note": self.note,
            "row_counts": dict(self.row_counts),
            "parts": [{"name": p.name, "size": p.size, "sha256": p.sha256} for p in self.parts],
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str | bytes) -> Manifest:
        """Parse and check a manifest; ManifestError (or ManifestTooNewError) if it is not ours."""
        try:
            data = json.loads(text)
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise ManifestError(f"manifest is not JSON: {exc}") from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
            raise ManifestError("manifest does not name the tdkt-backup format")
        version = data.get("format_version")
        if type(version) is not int or version < 1:
            raise ManifestError(f"bad format_version {version!r}")
        program_version = data.get("program_version")
        if version > FORMAT_VERSION:
            raise ManifestTooNewError(
                version, program_version if isinstance(program_version, str) else ""
            )
        try:
            manifest = cls(
                format_version=version,
                program_version=_text(data, "program_version", 50),
                schema_revision=_text(data, "schema_revision", 50),
                commune=_text(data, "commune", 500),
                created_at=_aware(_text(data, "created_at", 50)),
                row_counts=_counts(data.get("row_counts")),
                parts=_parts(data.get("parts")),
                encrypted=_flag(data.get("encrypted")),
                note=_text(data, "note", 2000),
            )
        except (TypeError, KeyError, OverflowError) as exc:
            raise ManifestError(f"manifest field of the wrong kind: {exc}") from exc
        return manifest


def _text(data: dict[str, Any], key: str, limit: int) -> str:
    value = data.get(key)
    if not isinstance(value, str) or len(value) > limit:
        raise ManifestError(f"{key} is not a text of at most {limit} characters")
    return value


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise ManifestError("encrypted is not true/false")
    return value


def _aware(value: str) -> dt.datetime:
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise ManifestError(f"created_at {value!r} is not ISO 8601") from exc
    if when.tzinfo is None or when.utcoffset() is None:
        raise ManifestError("created_at has no UTC offset")
    return when


def _counts(value: object) -> dict[str, int]:
    if not isinstance(value, dict) or len(value) > 10_000:
        raise ManifestError("row_counts is not a table of counts")
    counts = {}
    for table, n in value.items():
        if not table or len(table) > 200 or type(n) is not int or n < 0:
            raise ManifestError(f"bad row count {table!r}: {n!r}")
        counts[table] = n
    return counts


def _parts(value: object) -> tuple[Part, ...]:
    if not isinstance(value, list) or not value or len(value) > MAX_PARTS:
        raise ManifestError("parts is not a non-empty list")
    parts = []
    seen: set[str] = set()
    for item in value:
        if not isinstance(item, dict) or set(item) != {"name", "size", "sha256"}:
            raise ManifestError(f"bad part entry {item!r:.200}")
        name, size, digest = item["name"], item["size"], item["sha256"]
        if not isinstance(name, str) or type(size) is not int or size < 0:
            raise ManifestError(f"bad part {name!r:.200}")
        if not isinstance(digest, str) or not _SHA256.fullmatch(digest):
            raise ManifestError(f"bad sha256 for {name!r:.200}")
        check_part_name(name)
        folded = unicodedata.normalize("NFC", name).casefold()
        if folded in seen:
            raise ManifestError(f"part {name!r:.200} listed twice")
        seen.add(folded)
        parts.append(Part(name, size, digest))
    if parts[0].name != DB_PART or any(p.name == DB_PART for p in parts[1:]):
        raise ManifestError("the database is not the first part")
    return tuple(parts)


def check_part_name(name: str) -> None:
    """Refuse a name that could escape the output folder or that Windows cannot create.

    Only `db.sqlite3` and relative POSIX paths below `attachments/` are parts. The same rule
    runs when writing, so a file this program wrote is never refused when read back.
    """
    if name == DB_PART:
        return
    if not name.startswith(ATTACHMENTS_PREFIX) or len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise ManifestError(f"part name {name!r:.200} is not under {ATTACHMENTS_PREFIX}")
    for segment in name[len(ATTACHMENTS_PREFIX) :].split("/"):
        if segment in ("", ".", "..") or segment != segment.rstrip(" ."):
            raise ManifestError(f"part name {name!r:.200} has an unsafe segment")
        if any(ord(c) < 32 or c in _WINDOWS_BAD for c in segment):
            raise ManifestError(f"part name {name!r:.200} has a character Windows refuses")
        if segment.split(".")[0].upper() in _WINDOWS_DEVICES:
            raise ManifestError(f"part name {name!r:.200} is a Windows device name")


__all__ = [
    "ATTACHMENTS_PREFIX",
    "DB_PART",
    "FORMAT_VERSION",
    "MANIFEST_NAME",
    "MAX_PARTS",
    "Manifest",
    "ManifestError",
    "ManifestTooNewError",
    "Part",
    "check_part_name",
]
