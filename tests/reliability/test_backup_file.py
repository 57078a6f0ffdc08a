"""A backup file under attack from everything a USB stick and an office PC can do to it.

Damage of any single byte, cut files, foreign files, crafted ZIPs (bombs, extra entries, path
traversal), newer versions, bad destinations, a drive pulled out mid-write, a database that is
being written while it is copied. Every failure is a BackupError with one clear Vietnamese
message, and nothing that looks like a valid backup is ever left behind.

Tests run as root, where chmod does not stop writes: read-only destinations are simulated.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import io
import os
import random
import re
import shutil
import sqlite3
import threading
import time
import tracemalloc
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest

from emulation_desktop.backup import container, crypto
from emulation_desktop.backup.archive import (
    create_backup,
    extract_attachments,
    extract_database,
    read_manifest,
    verify_backup,
)
from emulation_desktop.backup.errors import (
    BackupDamagedError,
    BackupError,
    BackupTooNewError,
    DestinationError,
    NotABackupError,
    WrongPasswordError,
)
from emulation_desktop.backup.manifest import Manifest, Part
from emulation_desktop.store import schema

PASSWORD = "mật khẩu dài của xã"
VIETNAMESE = re.compile("[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]")


@pytest.fixture(autouse=True)
def fast_kdf_small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap scrypt and 4 KiB chunks, so small files have many chunks; both are in the header."""
    monkeypatch.setattr(crypto, "SCRYPT_LOG2_N", 10)
    monkeypatch.setattr(crypto, "CHUNK_SIZE", 4096)


def make_db(path: Path, people: int = 300, filler_mb: int = 0) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.executescript(
        """
        CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY);
        CREATE TABLE person (id INTEGER PRIMARY KEY, full_name TEXT NOT NULL);
        CREATE TABLE award (id INTEGER PRIMARY KEY, person_id INTEGER, title TEXT);
        CREATE TABLE filler (id INTEGER PRIMARY KEY, body BLOB);
        """
    )
    conn.execute("INSERT INTO alembic_version VALUES (?)", (schema.HEAD,))
    conn.executemany(
        "INSERT INTO person (full_name) VALUES (?)", [(f"Trần Văn Đức {i}",) for i in range(people)]
    )
    conn.executemany(
        "INSERT INTO award (person_id, title) VALUES (?, 'Lao động tiên tiến')",
        [(i + 1,) for i in range(0, people, 3)],
    )
    rng = random.Random(7)
    for _ in range(filler_mb):
        conn.executemany(
            "INSERT INTO filler (body) VALUES (?)", [(rng.randbytes(4000),) for _ in range(256)]
        )
    conn.commit()
    conn.close()
    return path


def assert_one_clear_message(exc: BaseException) -> None:
    """One or two Vietnamese sentences: what happened and what to do; no technical noise."""
    assert isinstance(exc, BackupError), repr(exc)
    message = exc.message
    assert message == str(exc) and "\n" not in message and message.endswith(".")
    assert VIETNAMESE.search(message.lower()), message
    for noise in ("Traceback", "Error", "errno", "sqlite", "0x"):
        assert noise not in message, message
    assert len(re.split(r"(?<=[.!?])\s+(?=[A-ZĐÂĂÊÔƠƯ])", message)) <= 2, message


@pytest.fixture
def live(tmp_path: Path) -> Path:
    return make_db(tmp_path / "du-lieu" / "xa.db")


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


@pytest.fixture
def attachments(tmp_path: Path) -> Path:
    folder = tmp_path / "du-lieu" / "tep-dinh-kem"
    (folder / "2026").mkdir(parents=True)
    (folder / "2026" / "Quyết định khen thưởng.pdf").write_bytes(b"%PDF-1.7" + bytes(3000))
    (folder / "bảng điểm.xlsx").write_bytes(bytes(range(256)) * 8)
    return folder


def plain_and_encrypted() -> Any:
    return pytest.mark.parametrize("password", [None, PASSWORD], ids=["plain", "encrypted"])


# --- crafting files ---------------------------------------------------------------------------


def zip_bytes(manifest: Manifest | str, entries: list[tuple[str, bytes]], **bomb: Any) -> bytes:
    """A container as our writer makes it (valid digest), from any manifest and entries."""
    out = io.BytesIO()
    writer = container.ContainerWriter(out, dt.datetime(2026, 11, 24, 18, 30))
    text = manifest if isinstance(manifest, str) else manifest.to_json()
    writer.add_bytes("manifest.json", text.encode("utf-8"))
    for name, data in entries:
        writer.add(name, len(data), zlib.crc32(data), [data])
    if bomb:
        writer.add(**bomb)
    writer.finish()
    return out.getvalue()


def seal(plain: bytes, password: str = PASSWORD) -> bytes:
    header, aead = crypto.new_header(password)
    out = io.BytesIO()
    writer = crypto.EncryptingWriter(out, header, aead)
    writer.write(plain)
    writer.close()
    return out.getvalue()


@pytest.fixture
def pieces(live: Path, usb: Path, tmp_path: Path) -> tuple[Manifest, bytes]:
    """A real backup's manifest and database bytes, to craft variants from."""
    made = create_backup(live, usb / "mau.tdkt", commune="Xã Cát Thành")
    extract_database(usb / "mau.tdkt", tmp_path / "mau.db")
    return made, (tmp_path / "mau.db").read_bytes()


def with_parts(manifest: Manifest, *extra: Part, **changes: Any) -> Manifest:
    values = dict(manifest.__dict__)
    values["parts"] = (manifest.parts[0], *extra)
    values.update(changes)
    return Manifest(**values)


# --- every single byte ------------------------------------------------------------------------


def sample_positions(data: bytes, encrypted: bool) -> list[int]:
    """About 200-300 positions: all of the header, the manifest's edges, the database entry's
    header and chunk edges, a random sample of the data, and all of the tail."""
    size = len(data)
    rng = random.Random(size)
    picks = set(range(0, 160)) | set(range(size - 260, size))
    if not encrypted:
        db_at = data.index(b"db.sqlite3") - 30
        picks |= set(range(db_at - 20, db_at + 60))
    else:
        for k in range(1, 6):  # chunk edges: last bytes of a tag, first of the next chunk
            edge = crypto.HEADER_SIZE + k * (4096 + 16)
            picks |= {edge - 2, edge - 1, edge, edge + 1}
    picks |= {rng.randrange(size) for _ in range(60)}
    return sorted(p for p in picks if 0 <= p < size)


@plain_and_encrypted()
def test_every_single_byte_corruption_is_detected(
    live: Path, usb: Path, attachments: Path, password: str | None
) -> None:
    good = usb / "tot.tdkt"
    made = create_backup(
        live, good, commune="Xã Cát Thành", attachments=attachments, password=password
    )
    data = good.read_bytes()
    bad = usb / "hong.tdkt"
    silent, strange, messages = [], [], set()
    positions = sample_positions(data, password is not None)
    assert len(positions) >= 200
    for i, pos in enumerate(positions):
        damaged = bytearray(data)
        damaged[pos] ^= 0xFF if i % 2 else 1 << (pos % 8)
        bad.write_bytes(damaged)
        try:
            verify_backup(bad, password)
            silent.append(pos)
        except (BackupDamagedError, WrongPasswordError) as exc:
            messages.add(exc.message)
        except Exception as exc:  # any other kind of error is a failure too
            strange.append((pos, repr(exc)))
        # The cheap read may miss damage in the data, but never returns anything else.
        with contextlib.suppress(BackupDamagedError, WrongPasswordError):
            assert read_manifest(bad, password) == made, pos
    assert silent == [] and strange == []
    for message in messages:
        assert_one_clear_message(BackupDamagedError(message))


def test_a_damaged_first_chunk_is_damage_not_a_wrong_password(live: Path, usb: Path) -> None:
    """The key check in the header proves the password before any chunk is read."""
    path = usb / "mat.tdkt"
    create_backup(live, path, commune="X", password=PASSWORD)
    data = bytearray(path.read_bytes())
    data[crypto.HEADER_SIZE + 5] ^= 1
    path.write_bytes(data)
    with pytest.raises(BackupDamagedError):
        read_manifest(path, PASSWORD)
    with pytest.raises(WrongPasswordError):
        read_manifest(path, "mật khẩu khác")


# --- cut, empty and foreign files -------------------------------------------------------------


@plain_and_encrypted()
def test_cut_files_are_refused(live: Path, usb: Path, password: str | None) -> None:
    full = usb / "du.tdkt"
    create_backup(live, full, commune="X", password=password)
    data = full.read_bytes()
    size = len(data)
    chunk_end = crypto.HEADER_SIZE + 4096 + 16
    lengths = [43, 63, 64, 65, 100, chunk_end, chunk_end + 1, size // 2]
    lengths += [size - 99, size - 98, size - 77, size - 76, size - 17, size - 16, size - 1]
    for length in lengths:
        cut = usb / f"cut-{length}.tdkt"
        cut.write_bytes(data[:length])
        for read in (read_manifest, verify_backup):
            with pytest.raises(BackupDamagedError) as info:
                read(cut, password)
            assert_one_clear_message(info.value)
    # Cut inside the first local header, a plain backup is just "some ZIP": either answer.
    for length in (3, 8, 12, 30):
        tiny = usb / "tiny.tdkt"
        tiny.write_bytes(data[:length])
        expected = BackupDamagedError if password and length >= 8 else NotABackupError
        with pytest.raises((expected, BackupDamagedError)):
            verify_backup(tiny, password)


def test_an_empty_file(usb: Path) -> None:
    (usb / "rong.tdkt").write_bytes(b"")
    with pytest.raises(BackupDamagedError, match="rỗng") as info:
        verify_backup(usb / "rong.tdkt")
    assert_one_clear_message(info.value)
    (usb / "rong.txt").write_bytes(b"")
    with pytest.raises(NotABackupError):
        read_manifest(usb / "rong.txt")


def foreign_files(folder: Path) -> list[Path]:
    rng = random.Random(1)
    out = []
    for size in (1, 100, 5000, 200_000):
        path = folder / f"ngau-nhien-{size}.tdkt"
        path.write_bytes(rng.randbytes(size))
        out.append(path)
    docx = folder / "Quyết định.docx"
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    zipped = folder / "du-lieu.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.txt", "không phải của chúng tôi")
        z.writestr("db.sqlite3", b"SQLite format 3\x00" + bytes(5000))
    text = folder / "ghi-chu.tdkt"
    text.write_text("Đây không phải bản sao lưu.\n", encoding="utf-8")
    sqlite = folder / "co-so-du-lieu.tdkt"
    make_db(sqlite)
    return [*out, docx, zipped, text, sqlite]


def test_foreign_files_are_not_backups(usb: Path) -> None:
    for path in foreign_files(usb):
        for read in (read_manifest, verify_backup):
            with pytest.raises(NotABackupError) as info:
                read(path, PASSWORD)
            assert_one_clear_message(info.value)


def test_missing_file_and_folder(usb: Path) -> None:
    with pytest.raises(BackupError, match="Không tìm thấy"):
        verify_backup(usb / "khong-co.tdkt")
    with pytest.raises(BackupError) as info:
        read_manifest(usb)
    assert_one_clear_message(info.value)


# --- crafted ZIPs -----------------------------------------------------------------------------


def test_a_zip_bomb_is_stopped_early(
    pieces: tuple[Manifest, bytes], usb: Path, tmp_path: Path
) -> None:
    """An entry that claims 1,000 bytes but inflates to 200 MB: caught after one block."""
    manifest, db = pieces
    bomb_plain = bytes(200 << 20)
    bomb = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = bomb.compress(bomb_plain) + bomb.flush()
    del bomb_plain
    claimed = Part("attachments/bom.bin", 1000, hashlib.sha256(bytes(1000)).hexdigest())
    data = zip_bytes(
        with_parts(manifest, claimed),
        [("db.sqlite3", db)],
        name=claimed.name,
        size=1000,
        crc=zlib.crc32(bytes(1000)),
        blocks=[packed],
        method=container.DEFLATED,
        stored_size=len(packed),
    )
    path = usb / "bom.tdkt"
    path.write_bytes(data)
    out = tmp_path / "ra" / "tep-dinh-kem"
    out.parent.mkdir()
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(BackupDamagedError):
            verify_backup(path)
        with pytest.raises(BackupDamagedError):
            extract_attachments(path, out)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 5 and peak < 20 << 20
    assert list(out.parent.iterdir()) == []  # neither the folder nor its staging copy


def test_an_honest_deflated_part_is_read(pieces: tuple[Manifest, bytes], usb: Path) -> None:
    """The reader inflates (within declared sizes), so a later writer may compress."""
    manifest, db = pieces
    plain = "Báo cáo thành tích ".encode() * 500
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    packed = packer.compress(plain) + packer.flush()
    part = Part("attachments/bao-cao.txt", len(plain), hashlib.sha256(plain).hexdigest())
    path = usb / "nen.tdkt"
    path.write_bytes(
        zip_bytes(
            with_parts(manifest, part),
            [("db.sqlite3", db)],
            name=part.name,
            size=len(plain),
            crc=zlib.crc32(plain),
            blocks=[packed],
            method=container.DEFLATED,
            stored_size=len(packed),
        )
    )
    assert verify_backup(path).attachments == (part,)


def test_an_entry_not_in_the_manifest(pieces: tuple[Manifest, bytes], usb: Path) -> None:
    manifest, db = pieces
    path = usb / "them.tdkt"
    path.write_bytes(zip_bytes(manifest, [("db.sqlite3", db), ("attachments/x.exe", b"MZ")]))
    for read in (read_manifest, verify_backup):
        with pytest.raises(BackupDamagedError):
            read(path)


def test_an_entry_larger_than_declared(pieces: tuple[Manifest, bytes], usb: Path) -> None:
    manifest, db = pieces
    small = Part("attachments/a.txt", 10, hashlib.sha256(b"0123456789").hexdigest())
    path = usb / "lon.tdkt"
    path.write_bytes(
        zip_bytes(with_parts(manifest, small), [("db.sqlite3", db), (small.name, bytes(50_000))])
    )
    for read in (read_manifest, verify_backup):
        with pytest.raises(BackupDamagedError):
            read(path)


@pytest.mark.parametrize(
    "name", ["../../tran-ra.txt", "attachments/../../tran-ra.txt", "/tmp/tran-ra.txt"]
)
def test_path_traversal_entries(
    pieces: tuple[Manifest, bytes], usb: Path, tmp_path: Path, name: str
) -> None:
    manifest, db = pieces
    evil = Part(name, 5, hashlib.sha256(b"pwned").hexdigest())
    out = tmp_path / "a" / "b" / "tep"
    out.parent.mkdir(parents=True)
    for listed in (with_parts(manifest, evil), manifest):  # in the manifest, or only in the ZIP
        path = usb / "tran.tdkt"
        path.write_bytes(zip_bytes(listed, [("db.sqlite3", db), (name, b"pwned")]))
        for read in (verify_backup, read_manifest):
            with pytest.raises(BackupDamagedError):
                read(path)
        with pytest.raises(BackupDamagedError):
            extract_attachments(path, out)
    assert not list(tmp_path.rglob("tran-ra.txt"))
    assert not Path("/tmp/tran-ra.txt").exists()


# --- newer programs ---------------------------------------------------------------------------


@plain_and_encrypted()
def test_a_newer_format_version(
    pieces: tuple[Manifest, bytes], usb: Path, password: str | None
) -> None:
    manifest, db = pieces
    newer = manifest.to_json().replace('"format_version": 1', '"format_version": 2', 1)
    newer = newer.replace('"program_version": "', '"program_version": "9.', 1)
    data = zip_bytes(newer, [("db.sqlite3", db)])
    path = usb / "moi.tdkt"
    path.write_bytes(seal(data) if password else data)
    for read in (read_manifest, verify_backup, extract_database):
        args = (path, usb / "ra.db", password) if read is extract_database else (path, password)
        with pytest.raises(BackupTooNewError, match="mới hơn") as info:
            read(*args)  # type: ignore[operator]
        assert_one_clear_message(info.value)
        assert "9." in info.value.message
    assert not (usb / "ra.db").exists()


def test_a_newer_encrypted_header(usb: Path) -> None:
    import struct

    raw = bytearray(seal(b"whatever"))
    raw[8:10] = struct.pack(">H", 2)
    raw[60:64] = struct.pack(">I", zlib.crc32(bytes(raw[:60])))
    path = usb / "moi.tdkt"
    path.write_bytes(raw)
    with pytest.raises(BackupTooNewError) as info:
        read_manifest(path)  # told before any password is asked for
    assert_one_clear_message(info.value)


@plain_and_encrypted()
def test_a_newer_schema_revision(
    pieces: tuple[Manifest, bytes], usb: Path, password: str | None
) -> None:
    manifest, db = pieces
    revision = f"{int(schema.HEAD) + 1:04d}"
    newer = with_parts(manifest, schema_revision=revision, encrypted=password is not None)
    data = zip_bytes(newer, [("db.sqlite3", db)])
    path = usb / "moi.tdkt"
    path.write_bytes(seal(data) if password else data)
    for read in (read_manifest, verify_backup):
        with pytest.raises(BackupTooNewError) as info:
            read(path, password)
        assert info.value.manifest == newer  # a list of backups can still show date and commune
        assert_one_clear_message(info.value)


# --- destinations -----------------------------------------------------------------------------


def test_destination_folder_missing(live: Path, tmp_path: Path) -> None:
    with pytest.raises(DestinationError, match="cắm lại") as info:
        create_backup(live, tmp_path / "E" / "b.tdkt", commune="X")
    assert_one_clear_message(info.value)


def test_destination_read_only(live: Path, usb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.access

    def access(path: Any, mode: int, **kwargs: Any) -> bool:
        if Path(path) == usb and mode == os.W_OK:
            return False
        return real(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)
    with pytest.raises(DestinationError, match="chỉ cho phép đọc") as info:
        create_backup(live, usb / "b.tdkt", commune="X")
    assert_one_clear_message(info.value)
    assert list(usb.iterdir()) == []


@pytest.mark.parametrize(
    ("err", "words"),
    [
        (errno.EROFS, "chỉ cho phép đọc"),
        (errno.EACCES, "chỉ cho phép đọc"),
        (errno.ENOSPC, "đã đầy"),
        (errno.EFBIG, "FAT32"),
        (errno.EIO, "bị rút ra"),
        (errno.ENOENT, "bị rút ra"),
    ],
)
def test_destination_refuses_the_file(
    live: Path, usb: Path, monkeypatch: pytest.MonkeyPatch, err: int, words: str
) -> None:
    real_open = Path.open

    def fake_open(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if self.parent == usb and "w" in mode:
            raise OSError(err, os.strerror(err), str(self))
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", fake_open)
    with pytest.raises(DestinationError, match=words) as info:
        create_backup(live, usb / "b.tdkt", commune="X")
    assert_one_clear_message(info.value)


def test_destination_is_the_data_folder(live: Path, attachments: Path, tmp_path: Path) -> None:
    for folder in (live.parent, attachments, attachments / "2026"):
        with pytest.raises(DestinationError, match="thư mục dữ liệu") as info:
            create_backup(live, folder / "b.tdkt", commune="X", attachments=attachments)
        assert_one_clear_message(info.value)
        assert not (folder / "b.tdkt").exists()
    # The automatic backups live in a folder of their own below the data folder.
    auto = live.parent / "sao-luu-tu-dong"
    auto.mkdir()
    create_backup(live, auto / "b.tdkt", commune="X", attachments=attachments)
    assert verify_backup(auto / "b.tdkt").attachments


def test_destination_without_room(live: Path, usb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = shutil.disk_usage

    def usage(path: Any) -> Any:
        total = real(path)
        if Path(path) == usb:
            return total._replace(free=live.stat().st_size // 2)
        return total

    monkeypatch.setattr(shutil, "disk_usage", usage)
    with pytest.raises(DestinationError, match="MB") as info:
        create_backup(live, usb / "b.tdkt", commune="X")
    assert_one_clear_message(info.value)
    assert list(usb.iterdir()) == []


def test_an_existing_file_is_never_overwritten(live: Path, usb: Path) -> None:
    (usb / "b.tdkt").write_bytes(b"old")
    with pytest.raises(DestinationError, match="tên khác"):
        create_backup(live, usb / "b.tdkt", commune="X")
    assert (usb / "b.tdkt").read_bytes() == b"old"


def test_vietnamese_names(tmp_path: Path) -> None:
    db = make_db(tmp_path / "Dữ liệu Thi đua" / "thi đua – khen thưởng.db")
    folder = tmp_path / "Sao lưu – Xã Cát Thành"
    folder.mkdir()
    dest = folder / "Bản sao lưu – Xã Cát Thành.tdkt"
    for password in (None, PASSWORD):
        made = create_backup(db, dest, commune="Xã Cát Thành", password=password)
        out = folder / "Phục hồi – Cát Thành.db"
        assert extract_database(dest, out, password) == made
        with contextlib.closing(sqlite3.connect(out)) as conn:
            assert conn.execute("SELECT count(*) FROM person").fetchone()[0] == 300
        dest.unlink()
        out.unlink()
    assert list(folder.iterdir()) == []  # no -wal, -shm or temporary file beside them


# --- a pulled drive ---------------------------------------------------------------------------


class FlakyFile:
    """A file on a stick that is pulled out after `limit` bytes."""

    def __init__(self, real: Any, limit: int, err: int = errno.EIO) -> None:
        self._real, self._limit, self._err, self._written = real, limit, err, 0

    def write(self, data: Any) -> int:
        self._written += len(data)
        if self._written > self._limit:
            raise OSError(self._err, os.strerror(self._err))
        return self._real.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def looks_valid(folder: Path) -> list[Path]:
    """Files in `folder` that verify as backups (there must be none after a failure)."""
    valid = []
    for path in folder.iterdir():
        try:
            verify_backup(path, PASSWORD)
            valid.append(path)
        except BackupError:
            pass
    return valid


@plain_and_encrypted()
@pytest.mark.parametrize("limit", [0, 100, 20_000])
def test_drive_pulled_while_writing(
    live: Path, usb: Path, monkeypatch: pytest.MonkeyPatch, password: str | None, limit: int
) -> None:
    real_open = Path.open

    def fake_open(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        f = real_open(self, mode, *args, **kwargs)
        return FlakyFile(f, limit) if self.parent == usb and "w" in mode else f

    monkeypatch.setattr(Path, "open", fake_open)
    with pytest.raises(DestinationError, match="Ổ USB đã bị rút ra") as info:
        create_backup(live, usb / "b.tdkt", commune="X", password=password)
    assert_one_clear_message(info.value)
    monkeypatch.undo()
    assert list(usb.iterdir()) == []


def test_drive_pulled_at_the_rename(live: Path, usb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.replace

    def replace(src: Any, dst: Any) -> None:
        if Path(dst).parent == usb:
            raise OSError(errno.EIO, "Input/output error")
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(DestinationError, match="Ổ USB đã bị rút ra"):
        create_backup(live, usb / "b.tdkt", commune="X")
    assert list(usb.iterdir()) == []


def test_drive_pulled_at_the_sync(live: Path, usb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fsync(_fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(DestinationError, match="Ổ USB đã bị rút ra"):
        create_backup(live, usb / "b.tdkt", commune="X")
    assert list(usb.iterdir()) == []


def test_drive_pulled_before_the_read_back(
    live: Path, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = Path.open

    def fake_open(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if self == usb / "b.tdkt" and mode == "rb":
            raise OSError(errno.ENODEV, "No such device")
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", fake_open)
    with pytest.raises(DestinationError, match="Ổ USB đã bị rút ra"):
        create_backup(live, usb / "b.tdkt", commune="X")
    assert list(usb.iterdir()) == []


@plain_and_encrypted()
def test_a_bad_read_back_removes_the_file(
    live: Path, usb: Path, monkeypatch: pytest.MonkeyPatch, password: str | None
) -> None:
    """A stick that stores other bytes than it was given: the file is not kept."""
    real = os.replace

    def replace_and_rot(src: Any, dst: Any) -> None:
        real(src, dst)
        if Path(dst).parent == usb:
            data = bytearray(Path(dst).read_bytes())
            data[len(data) // 2] ^= 0x10
            Path(dst).write_bytes(data)

    monkeypatch.setattr(os, "replace", replace_and_rot)
    with pytest.raises(DestinationError, match="đọc lại không khớp") as info:
        create_backup(live, usb / "b.tdkt", commune="X", password=password)
    assert_one_clear_message(info.value)
    assert list(usb.iterdir()) == []


def test_a_temporary_file_left_by_a_crash_is_not_a_backup(live: Path, usb: Path) -> None:
    create_backup(live, usb / "b.tdkt", commune="X")
    data = (usb / "b.tdkt").read_bytes()
    leftover = usb / ".~c.tdkt.tmp"
    leftover.write_bytes(data[: len(data) - 200])  # power cut before the rename
    assert looks_valid(usb) == [usb / "b.tdkt"]


# --- the live database ------------------------------------------------------------------------


def test_the_live_database_is_only_read(live: Path, usb: Path) -> None:
    def content() -> object:
        with contextlib.closing(sqlite3.connect(live)) as conn:
            return conn.execute("SELECT group_concat(full_name) FROM person").fetchone()

    before = content()
    create_backup(live, usb / "b.tdkt", commune="X", password=PASSWORD)
    assert content() == before


def test_a_missing_or_foreign_database(tmp_path: Path, usb: Path) -> None:
    with pytest.raises(BackupError, match="Không tìm thấy") as info:
        create_backup(tmp_path / "khong-co.db", usb / "b.tdkt", commune="X")
    assert_one_clear_message(info.value)
    assert not (tmp_path / "khong-co.db").exists()
    text = tmp_path / "van-ban.db"
    text.write_text("không phải cơ sở dữ liệu " * 100, encoding="utf-8")
    with pytest.raises(BackupError) as info:
        create_backup(text, usb / "b.tdkt", commune="X")
    assert_one_clear_message(info.value)
    assert list(usb.iterdir()) == []


def test_a_damaged_live_database_is_not_backed_up(tmp_path: Path, usb: Path) -> None:
    db = make_db(tmp_path / "hong.db", filler_mb=1)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    data = bytearray(db.read_bytes())
    page = 4096
    for pos in range(5 * page + 100, 5 * page + 400):  # scribble over a table page
        data[pos] = 0x55
    db.write_bytes(data)
    with pytest.raises(BackupError, match="đang có lỗi") as info:
        create_backup(db, usb / "b.tdkt", commune="X")
    assert_one_clear_message(info.value)
    assert list(usb.iterdir()) == []


def test_snapshot_while_another_connection_writes(tmp_path: Path, usb: Path) -> None:
    """The copy is one consistent state (every person has their award), taken while a writer
    commits in a loop; the backup neither blocks the writer nor restarts forever."""
    db = make_db(tmp_path / "dang-ghi.db", people=300, filler_mb=12)
    stop, commits = threading.Event(), [0]

    def writer() -> None:
        conn = sqlite3.connect(db, timeout=10, isolation_level=None)
        try:
            while not stop.is_set():
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("INSERT INTO person (full_name) VALUES ('Lê Thị Mới')")
                conn.execute(
                    "INSERT INTO award (person_id, title) VALUES (last_insert_rowid(), 'Mới')"
                )
                conn.execute("INSERT INTO filler (body) VALUES (randomblob(3000))")
                conn.execute("COMMIT")
                commits[0] += 1
        finally:
            conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while commits[0] < 20:
            time.sleep(0.001)
        before = commits[0]
        made = create_backup(db, usb / "b.tdkt", commune="X", progress=lambda _f: time.sleep(0.002))
        during = commits[0] - before
    finally:
        stop.set()
        thread.join()
    assert during > 0, "the writer was blocked during the backup"
    counts = made.row_counts
    assert counts["person"] - counts["award"] == 200  # 300 - 100: no half transaction
    assert counts["filler"] - counts["award"] == 12 * 256 - 100
    assert 300 + 20 <= counts["person"] <= 300 + commits[0]
    out = tmp_path / "ra.db"
    assert extract_database(usb / "b.tdkt", out) == made


def test_extracting_over_a_database_in_use_is_refused(live: Path, usb: Path) -> None:
    create_backup(live, usb / "b.tdkt", commune="X")
    conn = sqlite3.connect(live)  # the program has it open: xa.db-wal exists beside it
    try:
        conn.execute("INSERT INTO person (full_name) VALUES ('Đang mở')")
        conn.commit()
        with pytest.raises(BackupError, match="đang là một cơ sở dữ liệu") as info:
            extract_database(usb / "b.tdkt", live)
    finally:
        conn.close()
    assert_one_clear_message(info.value)


def test_extracting_onto_a_full_disk(
    live: Path, usb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fault is the target's, so the message does not blame the backup or the stick."""
    create_backup(live, usb / "b.tdkt", commune="X")
    real_open = Path.open

    def fake_open(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        f = real_open(self, mode, *args, **kwargs)
        return FlakyFile(f, 5000, errno.ENOSPC) if self.parent == tmp_path and "w" in mode else f

    monkeypatch.setattr(Path, "open", fake_open)
    with pytest.raises(BackupError, match="ổ đĩa đầy") as info:
        extract_database(usb / "b.tdkt", tmp_path / "ra.db")
    assert_one_clear_message(info.value)
    monkeypatch.undo()
    assert not (tmp_path / "ra.db").exists() and not list(tmp_path.glob(".~*"))


# --- large files ------------------------------------------------------------------------------


@pytest.mark.slow
@plain_and_encrypted()
def test_a_large_database_streams(
    tmp_path: Path, usb: Path, password: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """60 MB through create, verify and extract with a few MB of Python memory at most."""
    monkeypatch.setattr(crypto, "CHUNK_SIZE", 1 << 20)  # as in production
    db = make_db(tmp_path / "lon.db", filler_mb=60)
    tracemalloc.start()
    try:
        made = create_backup(db, usb / "lon.tdkt", commune="X", password=password)
        verify_backup(usb / "lon.tdkt", password)
        extract_database(usb / "lon.tdkt", tmp_path / "ra.db", password)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert made.database.size > 60 << 20
    assert peak < 12 << 20, f"{peak / 2**20:.1f} MB"
