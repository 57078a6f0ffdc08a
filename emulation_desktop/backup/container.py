"""The ZIP container of a backup: a small writer and a strict reader for exactly what it writes.

Why our own writer rather than `zipfile`: the manifest must come first yet name every part's
SHA-256, the bytes must stream through encryption (which cannot seek back to patch sizes), and
every byte must be covered by a check. The result is still a plain ZIP (stored entries, UTF-8
names, ZIP64 when a size or offset needs it), so `zipfile`, Windows Explorer or 7-Zip can get
the database out of an unencrypted backup if this program is ever gone.

Why our own reader: it refuses everything this writer does not produce, so a hostile or
damaged file can neither escape the output folder nor inflate beyond its declared sizes. The
layout must tile the file exactly::

    [local header + data] per entry, in manifest order, manifest.json first
    central directory, [ZIP64 end record + locator], end record, comment

The 76-byte archive comment is b"TDKT-SHA256:" + the hex SHA-256 of every byte before the
comment except the data of the parts (which the manifest's SHA-256s cover). So every byte of
the file is under some check: part data by its part's SHA-256, all the rest by the comment's
digest, and the manifest also by its ZIP CRC-32 (for the cheap manifest read, which does not
read the whole file).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import struct
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from emulation_desktop.backup.errors import Corruption
from emulation_desktop.backup.manifest import MANIFEST_NAME

LOCAL_SIG = b"PK\x03\x04"
CENTRAL_SIG = b"PK\x01\x02"
EOCD_SIG = b"PK\x05\x06"
ZIP64_EOCD_SIG = b"PK\x06\x06"
ZIP64_LOCATOR_SIG = b"PK\x06\x07"
TRAILER_PREFIX = b"TDKT-SHA256:"
TRAILER_SIZE = len(TRAILER_PREFIX) + 64
STORED, DEFLATED = 0, 8
FLAG_UTF8 = 0x0800
# Sizes and offsets from here on are written as ZIP64 (tests lower it to exercise that path).
ZIP64_LIMIT = 0xFFFFFFFF
BLOCK = 1 << 20
MAX_MANIFEST = 64 << 20
MAX_CENTRAL = 64 << 20

_LOCAL = struct.Struct("<4sHHHHHIIIHH")
_CENTRAL = struct.Struct("<4sHHHHHHIIIHHHHHII")
_EOCD = struct.Struct("<4sHHHHIIH")
_ZIP64_EOCD = struct.Struct("<4sQHHIIQQQQ")
_ZIP64_LOCATOR = struct.Struct("<4sIQI")
_FULL = 0xFFFFFFFF


class Source(Protocol):
    """Random access to the container's bytes (the file itself, or its decrypted view)."""

    size: int

    def read_at(self, offset: int, length: int) -> bytes: ...

    def blocks(self, offset: int, length: int) -> Iterator[bytes | memoryview]: ...


class Sink(Protocol):
    def write(self, data: bytes | memoryview, /) -> object: ...


class PlainSource:
    """An unencrypted backup file: reads that come up short mean the file was cut."""

    def __init__(self, f: BinaryIO, size: int) -> None:
        self._f, self.size = f, size

    def read_at(self, offset: int, length: int) -> bytes:
        if offset < 0 or length < 0 or offset + length > self.size:
            raise Corruption(f"range {offset}+{length} outside {self.size} bytes")
        self._f.seek(offset)
        data = self._f.read(length)
        if len(data) != length:
            raise Corruption(f"short read at {offset}")
        return data

    def blocks(self, offset: int, length: int) -> Iterator[bytes | memoryview]:
        if offset < 0 or length < 0 or offset + length > self.size:
            raise Corruption(f"range {offset}+{length} outside {self.size} bytes")
        self._f.seek(offset)
        while length > 0:
            data = self._f.read(min(BLOCK, length))
            if not data:
                raise Corruption(f"short read at {offset}")
            yield data
            offset += len(data)
            length -= len(data)


@dataclass(frozen=True)
class Entry:
    """One ZIP entry as the central directory describes it."""

    name: str
    method: int
    crc: int
    csize: int  # bytes stored in the file
    usize: int  # bytes once inflated (equal to csize when stored)
    offset: int  # of the local header
    dos_time: int
    dos_date: int

    @property
    def _zip64_sizes(self) -> bool:
        return self.csize >= ZIP64_LIMIT or self.usize >= ZIP64_LIMIT

    def local_header(self) -> bytes:
        """The exact local header the writer emits for this entry (the reader compares)."""
        name = self.name.encode("utf-8")
        big = self._zip64_sizes
        extra = struct.pack("<HHQQ", 1, 16, self.usize, self.csize) if big else b""
        head = _LOCAL.pack(
            LOCAL_SIG,
            45 if big else 20,
            FLAG_UTF8,
            self.method,
            self.dos_time,
            self.dos_date,
            self.crc,
            _FULL if big else self.csize,
            _FULL if big else self.usize,
            len(name),
            len(extra),
        )
        return head + name + extra

    def central_header(self) -> bytes:
        name = self.name.encode("utf-8")
        big, far = self._zip64_sizes, self.offset >= ZIP64_LIMIT
        values = ([self.usize, self.csize] if big else []) + ([self.offset] if far else [])
        extra = struct.pack(f"<HH{len(values)}Q", 1, 8 * len(values), *values) if values else b""
        version = 45 if values else 20
        head = _CENTRAL.pack(
            CENTRAL_SIG,
            version,  # made by: MS-DOS host, so no Unix permissions are implied
            version,
            FLAG_UTF8,
            self.method,
            self.dos_time,
            self.dos_date,
            self.crc,
            _FULL if big else self.csize,
            _FULL if big else self.usize,
            len(name),
            len(extra),
            0,  # comment
            0,  # disk
            0,  # internal attributes
            0,  # external attributes
            _FULL if far else self.offset,
        )
        return head + name + extra


def dos_stamp(when: dt.datetime) -> tuple[int, int]:
    """(time, date) in MS-DOS form, local time as ZIP tools expect; 1980 at the earliest."""
    if when.year < 1980:
        when = dt.datetime(1980, 1, 1)
    when = min(when.replace(tzinfo=None), dt.datetime(2107, 12, 31, 23, 59, 58))
    time = (when.hour << 11) | (when.minute << 5) | (when.second // 2)
    date = ((when.year - 1980) << 9) | (when.month << 5) | when.day
    return time, date


class ContainerWriter:
    """Writes entries sequentially to `out`; `finish()` writes the directory and the digest."""

    def __init__(self, out: Sink, when: dt.datetime) -> None:
        self._out = out
        self._offset = 0
        self._digest = hashlib.sha256()
        self._entries: list[Entry] = []
        self._time, self._date = dos_stamp(when)

    def _put(self, data: bytes | memoryview, covered: bool) -> None:
        self._out.write(data)
        self._offset += len(data)
        if covered:
            self._digest.update(data)

    def add_bytes(self, name: str, data: bytes) -> None:
        """A small entry whose bytes the digest covers (the manifest)."""
        self.add(name, len(data), zlib.crc32(data), [data], covered=True)

    def add(
        self,
        name: str,
        size: int,
        crc: int,
        blocks: Iterable[bytes | memoryview],
        *,
        method: int = STORED,
        stored_size: int | None = None,
        covered: bool = False,
    ) -> None:
        """One entry; `blocks` must yield exactly `stored_size` (default `size`) bytes.

        `method`/`stored_size` exist so tests can build deflated entries; backups are stored.
        """
        csize = size if stored_size is None else stored_size
        entry = Entry(name, method, crc, csize, size, self._offset, self._time, self._date)
        self._put(entry.local_header(), covered=True)
        written = 0
        for block in blocks:
            written += len(block)
            if written > csize:
                raise ValueError(f"{name}: more than the {csize} bytes announced")
            self._put(block, covered)
        if written != csize:
            raise ValueError(f"{name}: {written} bytes instead of the {csize} announced")
        self._entries.append(entry)

    def finish(self) -> None:
        cd_offset = self._offset
        for entry in self._entries:
            self._put(entry.central_header(), covered=True)
        cd_size = self._offset - cd_offset
        count = len(self._entries)
        if count >= 0xFFFF or cd_size >= ZIP64_LIMIT or cd_offset >= ZIP64_LIMIT:
            z64 = self._offset
            record = (ZIP64_EOCD_SIG, 44, 45, 45, 0, 0, count, count, cd_size, cd_offset)
            self._put(_ZIP64_EOCD.pack(*record), covered=True)
            self._put(_ZIP64_LOCATOR.pack(ZIP64_LOCATOR_SIG, 0, z64, 1), covered=True)
        end = _EOCD.pack(
            EOCD_SIG,
            0,
            0,
            min(count, 0xFFFF),
            min(count, 0xFFFF),
            _FULL if cd_size >= ZIP64_LIMIT else cd_size,
            _FULL if cd_offset >= ZIP64_LIMIT else cd_offset,
            TRAILER_SIZE,
        )
        self._put(end, covered=True)
        self._put(TRAILER_PREFIX + self._digest.hexdigest().encode("ascii"), covered=False)


def looks_plain(head: bytes, tail: bytes) -> bool:
    """Ours, maybe damaged, if two of our four marks are there (local header signature,
    manifest name, end record where ours is, our comment). One damaged byte removes at most one
    mark, so a damaged backup is still told "damaged", and a cut one keeps the first two; a
    document or another program's ZIP has only the first."""
    marks = (
        head[:4] == LOCAL_SIG,
        head[30 : 30 + len(MANIFEST_NAME)] == MANIFEST_NAME.encode("ascii"),
        tail[-TRAILER_SIZE:][: len(TRAILER_PREFIX)] == TRAILER_PREFIX,
        tail[-TRAILER_SIZE - _EOCD.size :][:4] == EOCD_SIG,
    )
    return sum(marks) >= 2


def read_first_entry(src: Source) -> bytes:
    """The manifest's bytes, read from the first local header alone (CRC-32 checked).

    Lenient on purpose: this is how a newer format is recognised (its manifest keeps this
    place and form), before the rest of the file is held to this version's rules.
    """
    head = src.read_at(0, _LOCAL.size)
    sig, _ver, flags, method, _t, _d, crc, csize, usize, name_len, extra_len = _LOCAL.unpack(head)
    if sig != LOCAL_SIG or method != STORED or flags & 0x0009 or csize != usize:
        raise Corruption("first entry is not a stored manifest")
    if csize > MAX_MANIFEST:
        raise Corruption(f"manifest of {csize} bytes")
    name = src.read_at(_LOCAL.size, name_len)
    if name != MANIFEST_NAME.encode("ascii"):
        raise Corruption(f"first entry is {name!r:.100}, not the manifest")
    data = src.read_at(_LOCAL.size + name_len + extra_len, csize)
    if zlib.crc32(data) != crc:
        raise Corruption("manifest fails its CRC-32")
    return data


@dataclass(frozen=True)
class Layout:
    """Where everything is, from the end records and the central directory."""

    entries: tuple[Entry, ...]
    central_offset: int  # where the central directory starts
    trailer_offset: int  # where the comment (the digest) starts
    digest: str  # hex SHA-256 the comment announces


def read_layout(src: Source) -> Layout:
    """Parse the end records and the central directory, and prove the entries tile the file."""
    trailer_at = src.size - TRAILER_SIZE
    end_at = trailer_at - _EOCD.size
    if end_at < 0:
        raise Corruption("file too short for the end record")
    end = src.read_at(end_at, _EOCD.size + TRAILER_SIZE)
    sig, disk, cd_disk, n_disk, count, cd_size, cd_offset, comment_len = _EOCD.unpack(
        end[: _EOCD.size]
    )
    trailer = end[_EOCD.size :]
    digest = trailer[len(TRAILER_PREFIX) :]
    if (
        sig != EOCD_SIG
        or (disk, cd_disk, comment_len) != (0, 0, TRAILER_SIZE)
        or n_disk != count
        or not trailer.startswith(TRAILER_PREFIX)
        or digest != digest.lower()
    ):
        raise Corruption("end record is not ours")
    try:
        digest_hex = digest.decode("ascii")
        bytes.fromhex(digest_hex)
    except ValueError as exc:
        raise Corruption("digest is not hex") from exc
    central_end = end_at
    if _FULL in (cd_size, cd_offset) or count == 0xFFFF:
        locator_at = end_at - _ZIP64_LOCATOR.size
        z64_at = locator_at - _ZIP64_EOCD.size
        if z64_at < 0:
            raise Corruption("no room for the ZIP64 end record")
        lsig, ldisk, z64_offset, disks = _ZIP64_LOCATOR.unpack(
            src.read_at(locator_at, _ZIP64_LOCATOR.size)
        )
        if (lsig, ldisk, z64_offset, disks) != (ZIP64_LOCATOR_SIG, 0, z64_at, 1):
            raise Corruption("ZIP64 locator is not ours")
        fields = _ZIP64_EOCD.unpack(src.read_at(z64_at, _ZIP64_EOCD.size))
        zsig, zlen, _made, _need, zdisk, zcd_disk, zn_disk, zcount, zcd_size, zcd_offset = fields
        small = (
            min(zcount, 0xFFFF),
            _FULL if zcd_size >= ZIP64_LIMIT else zcd_size,
            _FULL if zcd_offset >= ZIP64_LIMIT else zcd_offset,
        )
        if (zsig, zlen, zdisk, zcd_disk) != (ZIP64_EOCD_SIG, 44, 0, 0) or zn_disk != zcount:
            raise Corruption("ZIP64 end record is not ours")
        if small != (count, cd_size, cd_offset):
            raise Corruption("ZIP64 end record disagrees with the end record")
        count, cd_size, cd_offset, central_end = zcount, zcd_size, zcd_offset, z64_at
    if cd_size > MAX_CENTRAL or cd_offset + cd_size != central_end or count < 1:
        raise Corruption(f"central directory {cd_offset}+{cd_size} does not end at {central_end}")
    entries = _parse_central(src.read_at(cd_offset, cd_size), count)
    expected = 0
    for entry in entries:
        if entry.offset != expected:
            raise Corruption(f"{entry.name!r:.100} at {entry.offset}, expected {expected}")
        expected += len(entry.local_header()) + entry.csize
    if expected != cd_offset:
        raise Corruption("entries do not end where the central directory starts")
    if entries[0].name != MANIFEST_NAME:
        raise Corruption("manifest is not the first entry")
    return Layout(entries, cd_offset, trailer_at, digest_hex)


def _parse_central(data: bytes, count: int) -> tuple[Entry, ...]:
    entries = []
    pos = 0
    for _ in range(count):
        if pos + _CENTRAL.size > len(data):
            raise Corruption("central directory cut short")
        (
            sig,
            made_by,
            needed,
            flags,
            method,
            dos_time,
            dos_date,
            crc,
            csize,
            usize,
            name_len,
            extra_len,
            comment_len,
            disk,
            internal,
            external,
            offset,
        ) = _CENTRAL.unpack_from(data, pos)
        pos += _CENTRAL.size
        raw_name = data[pos : pos + name_len]
        extra = data[pos + name_len : pos + name_len + extra_len]
        pos += name_len + extra_len
        if sig != CENTRAL_SIG or flags != FLAG_UTF8 or method not in (STORED, DEFLATED):
            raise Corruption("central directory entry is not ours")
        if (comment_len, disk, internal, external) != (0, 0, 0, 0) or made_by != needed:
            raise Corruption("central directory entry is not ours")
        if len(raw_name) != name_len or len(extra) != extra_len:
            raise Corruption("central directory cut short")
        try:
            name = raw_name.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise Corruption("entry name is not UTF-8") from exc
        if extra:
            wanted = [csize == _FULL, offset == _FULL]
            n = 2 * wanted[0] + wanted[1]
            if len(extra) != 4 + 8 * n or extra[:4] != struct.pack("<HH", 1, 8 * n) or n == 0:
                raise Corruption(f"{name!r:.100}: extra field is not ours")
            values = list(struct.unpack(f"<{n}Q", extra[4:]))
            if wanted[0]:
                if usize != _FULL:
                    raise Corruption(f"{name!r:.100}: half a ZIP64 size")
                usize, csize = values.pop(0), values.pop(0)
            if wanted[1]:
                offset = values.pop(0)
        entry = Entry(name, method, crc, csize, usize, offset, dos_time, dos_date)
        if method == STORED and csize != usize:
            raise Corruption(f"{name!r:.100}: stored with two sizes")
        if entry.central_header() != data[pos - _CENTRAL.size - name_len - extra_len : pos]:
            raise Corruption(f"{name!r:.100}: central entry is not in our form")
        entries.append(entry)
    if pos != len(data):
        raise Corruption("bytes after the last central directory entry")
    return tuple(entries)


__all__ = [
    "BLOCK",
    "DEFLATED",
    "STORED",
    "ContainerWriter",
    "Entry",
    "Layout",
    "PlainSource",
    "Source",
    "looks_plain",
    "read_first_entry",
    "read_layout",
]
