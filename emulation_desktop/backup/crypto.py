"""Password encryption of a backup: scrypt + AES-256-GCM in independently authenticated chunks.

Layout of an encrypted file (all integers big-endian)::

    offset size  field
    0      8     magic b"TDKTENC1"
    8      2     header version (1)
    10     2     header length (64); any version keeps magic, version, length and a final CRC
    12     1     KDF id (1 = scrypt)
    13     1     log2(N)      scrypt cost, 17 when written by this version
    14     1     r            8
    15     1     p            1
    16     16    salt         random per file
    32     4     chunk size   plaintext bytes per chunk (1 MiB)
    36     8     nonce prefix random per file
    44     16    key check    GCM tag of an empty message (nonce prefix + FFFFFFFF)
    60     4     CRC-32 of bytes 0..59
    64     ...   chunks: ciphertext of `chunk size` bytes (the last one shorter) + 16-byte tag

Chunk i uses nonce = prefix (8) + i (4 bytes) and is authenticated with AAD = the whole 64-byte
header + i (8 bytes) + a last-chunk flag (1 byte). So an edited header, reordered or dropped
chunks and a file cut at a chunk boundary all fail authentication; the last chunk is the one
the file's size says is last.

Why the key check: without it, a wrong password and a damaged first chunk look the same. With
it, a wrong password is told apart from a damaged file (the CRC catches accidental damage to
the header first), and every chunk that fails afterwards means the file is damaged.
Why the CRC: a flipped version byte must say "damaged", not "made by a newer program".
Why scrypt N=2^17: about 0.25 s and 128 MiB here, so guessing passwords of a lost USB stick is
slow while an old office PC still opens a backup in about a second.
"""

from __future__ import annotations

import os
import struct
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from emulation_desktop.backup.errors import Corruption

MAGIC = b"TDKTENC1"
HEADER_VERSION = 1
HEADER_SIZE = 64
TAG_SIZE = 16
KDF_SCRYPT = 1
# Tests lower these (the values are stored in each file's header, so any file stays readable).
SCRYPT_LOG2_N = 17
SCRYPT_R = 8
SCRYPT_P = 1
CHUNK_SIZE = 1 << 20

_PREFIX = struct.Struct(">8sHH")  # magic, version, header length
_V1 = struct.Struct(">8sHHBBBB16sI8s16s")  # everything before the CRC
_KEY_CHECK_COUNTER = b"\xff\xff\xff\xff"  # never a chunk counter (chunk count < 2**32 - 1)
_KEY_CHECK_AAD = b"TDKT key check"
_MAX_SCRYPT_MEMORY = 512 << 20  # ours use 128 MiB; room for a stronger future default
_CHUNK_LIMITS = (4096, 16 << 20)


class _Writable(Protocol):
    def write(self, data: bytes, /) -> object: ...


class HeaderTooNew(Exception):
    """The encrypted header has a version this program does not know."""


class BadPassword(Exception):
    """The key check failed: the password is wrong (or someone edited the key check)."""


@dataclass(frozen=True)
class Header:
    """The parsed 64-byte header of an encrypted backup."""

    log2_n: int
    r: int
    p: int
    salt: bytes
    chunk_size: int
    nonce_prefix: bytes
    key_check: bytes
    raw: bytes

    def derive(self, password: str) -> AESGCM:
        """The file's key from `password`; BadPassword if it does not open this file."""
        aead = AESGCM(_derive_key(password, self.salt, self.log2_n, self.r, self.p))
        try:
            aead.decrypt(
                self.nonce_prefix + _KEY_CHECK_COUNTER,
                self.key_check,
                _KEY_CHECK_AAD + self.raw[: _V1.size - TAG_SIZE],
            )
        except InvalidTag:
            raise BadPassword() from None
        return aead


def _derive_key(password: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    # NFC: Vietnamese keyboards (Unikey, EVKey, the Windows one) may send composed or
    # decomposed letters for the same word; the officer types "the same" password either way.
    secret = unicodedata.normalize("NFC", password).encode("utf-8")
    return Scrypt(salt=salt, length=32, n=1 << log2_n, r=r, p=p).derive(secret)


def looks_encrypted(head: bytes) -> bool:
    """True for our magic, also with up to two bytes damaged (then it is a damaged backup)."""
    if len(head) < len(MAGIC):
        return False
    return sum(a != b for a, b in zip(head[: len(MAGIC)], MAGIC, strict=True)) <= 2


def new_header(password: str) -> tuple[Header, AESGCM]:
    """A fresh header (random salt and nonce prefix) and the key it was made with."""
    salt, prefix = os.urandom(16), os.urandom(8)
    log2_n, r, p, chunk = SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P, CHUNK_SIZE
    aead = AESGCM(_derive_key(password, salt, log2_n, r, p))
    fields = (MAGIC, HEADER_VERSION, HEADER_SIZE, KDF_SCRYPT, log2_n, r, p, salt, chunk, prefix)
    unsigned = _V1.pack(*fields, b"\0" * TAG_SIZE)[: _V1.size - TAG_SIZE]
    key_check = aead.encrypt(prefix + _KEY_CHECK_COUNTER, b"", _KEY_CHECK_AAD + unsigned)
    body = unsigned + key_check
    raw = body + struct.pack(">I", zlib.crc32(body))
    return Header(log2_n, r, p, salt, chunk, prefix, key_check, raw), aead


def read_header(f: BinaryIO) -> Header:
    """Parse the header at the start of `f`: Corruption, HeaderTooNew or the Header."""
    f.seek(0)
    start = f.read(_PREFIX.size)
    if len(start) < _PREFIX.size:
        raise Corruption("encrypted header cut short")
    _magic, version, length = _PREFIX.unpack(start)
    if not _PREFIX.size + 4 <= length <= 4096:
        raise Corruption(f"encrypted header length {length}")
    raw = start + f.read(length - _PREFIX.size)
    if len(raw) < length:
        raise Corruption("encrypted header cut short")
    if raw[:8] != MAGIC or struct.unpack(">I", raw[-4:])[0] != zlib.crc32(raw[:-4]):
        raise Corruption("encrypted header fails its CRC")
    if version > HEADER_VERSION:
        raise HeaderTooNew(version)
    if version != HEADER_VERSION or length != HEADER_SIZE:
        raise Corruption(f"encrypted header version {version} length {length}")
    fields = _V1.unpack(raw[: _V1.size])
    kdf, log2_n, r, p, salt, chunk, prefix, key_check = fields[3:]
    memory = 128 * r * (1 << log2_n) if log2_n < 40 else _MAX_SCRYPT_MEMORY + 1
    if kdf != KDF_SCRYPT or not (log2_n >= 10 and 1 <= r <= 32 and 1 <= p <= 16):
        raise Corruption(f"unknown key derivation {kdf} {log2_n} {r} {p}")
    if memory > _MAX_SCRYPT_MEMORY:
        raise Corruption("key derivation would need more than 512 MiB")
    if not _CHUNK_LIMITS[0] <= chunk <= _CHUNK_LIMITS[1]:
        raise Corruption(f"chunk size {chunk}")
    return Header(log2_n, r, p, salt, chunk, prefix, key_check, raw)


def _nonce(header: Header, index: int) -> bytes:
    return header.nonce_prefix + struct.pack(">I", index)


def _aad(header: Header, index: int, last: bool) -> bytes:
    return header.raw + struct.pack(">QB", index, last)


class EncryptingWriter:
    """A write-only stream that encrypts into `out` (after writing the header to it).

    The last chunk is only known at `close()`, so a full chunk is held back until more data
    arrives. Memory: one chunk (plus the one being encrypted).
    """

    def __init__(self, out: _Writable, header: Header, aead: AESGCM) -> None:
        self._out, self._header, self._aead = out, header, aead
        self._buf = bytearray()
        self._index = 0
        out.write(header.raw)

    def write(self, data: bytes | memoryview) -> None:
        size = self._header.chunk_size
        view = memoryview(data)
        while view:
            if len(self._buf) == size:  # more data follows, so this chunk is not the last
                self._emit(self._buf, last=False)
                self._buf = bytearray()
            take = view[: size - len(self._buf)]
            self._buf += take
            view = view[len(take) :]

    def close(self) -> None:
        """Encrypt what is left as the last chunk (the caller flushes and closes `out`)."""
        self._emit(bytes(self._buf), last=True)
        self._buf.clear()

    def _emit(self, plain: bytes | bytearray, last: bool) -> None:
        if self._index >= 0xFFFFFFFF:
            raise OverflowError("too many chunks for one nonce prefix")
        sealed = self._aead.encrypt(
            _nonce(self._header, self._index), plain, _aad(self._header, self._index, last)
        )
        self._out.write(sealed)
        self._index += 1


class DecryptingSource:
    """Random access to the plaintext of an encrypted file, one authenticated chunk at a time.

    Any chunk that fails authentication raises Corruption: the key was already proven by the
    header's key check, so a failing chunk means a damaged or edited file.
    """

    def __init__(self, f: BinaryIO, file_size: int, header: Header, aead: AESGCM) -> None:
        self._f, self._header, self._aead = f, header, aead
        self._sealed = header.chunk_size + TAG_SIZE
        body = file_size - len(header.raw)
        if body < TAG_SIZE:
            raise Corruption("encrypted file has no data")
        self._count = -(-body // self._sealed)
        self._last_len = body - (self._count - 1) * self._sealed
        if self._last_len < TAG_SIZE:
            raise Corruption("last encrypted chunk cut short")
        self.size = body - TAG_SIZE * self._count
        self._cached: tuple[int, bytes] | None = None

    def _chunk(self, index: int) -> bytes:
        if self._cached is not None and self._cached[0] == index:
            return self._cached[1]
        last = index == self._count - 1
        self._f.seek(len(self._header.raw) + index * self._sealed)
        want = self._last_len if last else self._sealed
        sealed = self._f.read(want)
        if len(sealed) != want:
            raise Corruption(f"encrypted chunk {index} cut short")
        try:
            plain = self._aead.decrypt(
                _nonce(self._header, index), sealed, _aad(self._header, index, last)
            )
        except InvalidTag:
            raise Corruption(f"encrypted chunk {index} fails authentication") from None
        self._cached = (index, plain)
        return plain

    def blocks(self, offset: int, length: int) -> Iterator[bytes | memoryview]:
        """The plaintext bytes [offset, offset + length), in pieces of at most one chunk."""
        if offset < 0 or length < 0 or offset + length > self.size:
            raise Corruption(f"range {offset}+{length} outside {self.size} bytes")
        size = self._header.chunk_size
        while length > 0:
            index, start = divmod(offset, size)
            plain = self._chunk(index)
            piece = memoryview(plain)[start : start + length]
            yield piece
            offset += len(piece)
            length -= len(piece)

    def read_at(self, offset: int, length: int) -> bytes:
        return b"".join(self.blocks(offset, length))


__all__ = [
    "CHUNK_SIZE",
    "MAGIC",
    "BadPassword",
    "DecryptingSource",
    "EncryptingWriter",
    "Header",
    "HeaderTooNew",
    "looks_encrypted",
    "new_header",
    "read_header",
]
