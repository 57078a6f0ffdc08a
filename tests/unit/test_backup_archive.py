"""The backup file: names, round trips (plain, encrypted, attachments), the manifest, the ZIP
container and the chunked encryption, progress and cancellation."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import json
import os
import sqlite3
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest

from emulation_desktop import __version__
from emulation_desktop.backup import archive, container, crypto
from emulation_desktop.backup.archive import (
    backup_file_name,
    create_backup,
    extract_attachments,
    extract_database,
    read_manifest,
    verify_backup,
)
from emulation_desktop.backup.errors import (
    BackupCancelled,
    BackupError,
    Corruption,
    PasswordRequiredError,
    WrongPasswordError,
)
from emulation_desktop.backup.manifest import (
    FORMAT_VERSION,
    Manifest,
    ManifestError,
    ManifestTooNewError,
    Part,
    check_part_name,
)
from emulation_desktop.store import schema

PASSWORD = "Mật khẩu: Cát Thành 2026"
PRODUCTION_KDF = (crypto.SCRYPT_LOG2_N, crypto.SCRYPT_R, crypto.SCRYPT_P, crypto.CHUNK_SIZE)


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """scrypt at N=2**10: the cost is stored in each file, so reading is unaffected."""
    monkeypatch.setattr(crypto, "SCRYPT_LOG2_N", 10)


def make_db(path: Path, people: int = 300) -> Path:
    """A small live database in WAL mode, at the current schema revision."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.executescript(
        """
        CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY);
        CREATE TABLE person (id INTEGER PRIMARY KEY, full_name TEXT NOT NULL, note TEXT);
        CREATE TABLE award (id INTEGER PRIMARY KEY, person_id INTEGER REFERENCES person(id),
                            title TEXT);
        CREATE INDEX award_person ON award(person_id);
        """
    )
    conn.execute("INSERT INTO alembic_version VALUES (?)", (schema.HEAD,))
    conn.executemany(
        "INSERT INTO person (full_name, note) VALUES (?, ?)",
        [
            (f"Nguyễn Thị Hằng {i}", "Hoàn thành xuất sắc nhiệm vụ " * (i % 7))
            for i in range(people)
        ],
    )
    conn.executemany(
        "INSERT INTO award (person_id, title) VALUES (?, ?)",
        [(i + 1, "Giấy khen của Chủ tịch UBND xã") for i in range(0, people, 3)],
    )
    conn.commit()
    conn.close()
    return path


def rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        conn.close()


@pytest.fixture
def live(tmp_path: Path) -> Path:
    return make_db(tmp_path / "du-lieu" / "xa.db")


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


# --- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        ("Cát Thành", "ThiDuaKhenThuong-Cat-Thanh-2026-11-24-1830.tdkt"),
        ("Xã Đông Hưng", "ThiDuaKhenThuong-Xa-Dong-Hung-2026-11-24-1830.tdkt"),
        ("  Hòa/Bình: (số 2)  ", "ThiDuaKhenThuong-Hoa-Binh-so-2-2026-11-24-1830.tdkt"),
        ("", "ThiDuaKhenThuong-2026-11-24-1830.tdkt"),
    ],
)
def test_file_name_is_ascii_and_dated(slug: str, expected: str) -> None:
    name = backup_file_name(slug, dt.datetime(2026, 11, 24, 18, 30, 59))
    assert name == expected and name.isascii()


# --- round trips ------------------------------------------------------------------------------


def test_round_trip(live: Path, usb: Path, tmp_path: Path) -> None:
    before = rows(live)
    dest = usb / "sao-luu.tdkt"
    made = create_backup(live, dest, commune="Xã Cát Thành", note="thử")
    assert made.format_version == FORMAT_VERSION and made.program_version == __version__
    assert made.schema_revision == schema.HEAD and made.commune == "Xã Cát Thành"
    assert made.created_at.tzinfo is not None and made.note == "thử" and not made.encrypted
    assert made.row_counts == {"alembic_version": 1, "award": 100, "person": 300}
    assert [p.name for p in made.parts] == ["db.sqlite3"]
    assert read_manifest(dest) == made == verify_backup(dest)
    out = tmp_path / "khoi-phuc.db"
    assert extract_database(dest, out) == made
    assert rows(out) == before == rows(live)
    assert hashlib.sha256(out.read_bytes()).hexdigest() == made.database.sha256
    assert out.read_bytes()[18:20] == b"\x01\x01"  # out of WAL: no -wal/-shm on the stick
    assert sorted(p.name for p in usb.iterdir()) == ["sao-luu.tdkt"]


def test_plain_backup_is_an_ordinary_zip(live: Path, usb: Path, tmp_path: Path) -> None:
    """If the program is lost, Windows or 7-Zip still get the database out."""
    dest = usb / "b.tdkt"
    made = create_backup(live, dest, commune="Xã Cát Thành")
    with zipfile.ZipFile(dest) as z:
        assert z.namelist() == ["manifest.json", "db.sqlite3"]
        assert z.testzip() is None
        assert Manifest.from_json(z.read("manifest.json")) == made
        (tmp_path / "tu-zip.db").write_bytes(z.read("db.sqlite3"))
    assert rows(tmp_path / "tu-zip.db") == rows(live)


def test_encrypted_round_trip(live: Path, usb: Path, tmp_path: Path) -> None:
    dest = usb / "mat.tdkt"
    made = create_backup(live, dest, commune="Xã Cát Thành", password=PASSWORD)
    data = dest.read_bytes()
    assert data.startswith(crypto.MAGIC) and made.encrypted
    for readable in (b"Nguy", "Hằng".encode(), b"SQLite format", b"manifest", b"PK\x03\x04"):
        assert readable not in data
    assert read_manifest(dest, PASSWORD) == made == verify_backup(dest, PASSWORD)
    out = tmp_path / "ra.db"
    extract_database(dest, out, PASSWORD)
    assert rows(out) == rows(live)


def test_each_encrypted_backup_has_its_own_salt(live: Path, usb: Path) -> None:
    create_backup(live, usb / "1.tdkt", commune="X", password=PASSWORD)
    create_backup(live, usb / "2.tdkt", commune="X", password=PASSWORD)
    one, two = (usb / "1.tdkt").read_bytes(), (usb / "2.tdkt").read_bytes()
    assert one[16:44] != two[16:44] and one[64:200] != two[64:200]


def test_passwords(live: Path, usb: Path) -> None:
    dest = usb / "mat.tdkt"
    create_backup(live, dest, commune="X", password=PASSWORD)
    for read in (read_manifest, verify_backup):
        with pytest.raises(WrongPasswordError) as wrong:
            read(dest, PASSWORD + " ")
        assert "Mật khẩu không đúng" in wrong.value.message
        for missing in (None, ""):
            with pytest.raises(PasswordRequiredError) as required:
                read(dest, missing)
            assert "mật khẩu" in required.value.message
    # The same password typed with decomposed letters (another Vietnamese keyboard) opens it.
    assert verify_backup(dest, unicodedata.normalize("NFD", PASSWORD)).encrypted


def test_a_password_for_a_plain_backup_is_ignored(live: Path, usb: Path) -> None:
    create_backup(live, usb / "b.tdkt", commune="X")
    assert not verify_backup(usb / "b.tdkt", "bất kỳ").encrypted


def test_an_empty_password_is_refused_when_writing(live: Path, usb: Path) -> None:
    with pytest.raises(BackupError, match="Mật khẩu"):
        create_backup(live, usb / "b.tdkt", commune="X", password="")
    assert list(usb.iterdir()) == []


@pytest.mark.parametrize("password", [None, PASSWORD])
def test_attachments_round_trip(
    live: Path, usb: Path, tmp_path: Path, password: str | None
) -> None:
    files = tmp_path / "du-lieu" / "tep-dinh-kem"
    (files / "Quyết định 2026").mkdir(parents=True)
    (files / "Quyết định 2026" / "QĐ số 12 – khen thưởng.pdf").write_bytes(b"%PDF" + bytes(5000))
    (files / "ảnh.jpg").write_bytes(bytes(range(256)) * 40)
    (files / "rỗng.txt").write_bytes(b"")
    dest = usb / "co-tep.tdkt"
    made = create_backup(live, dest, commune="X", attachments=files, password=password)
    assert [p.name for p in made.attachments] == [
        "attachments/Quyết định 2026/QĐ số 12 – khen thưởng.pdf",
        "attachments/rỗng.txt",
        "attachments/ảnh.jpg",
    ]
    assert verify_backup(dest, password) == made
    out = tmp_path / "phuc-hoi" / "tep-dinh-kem"
    out.parent.mkdir()
    assert extract_attachments(dest, out, password) == 3
    for part in made.attachments:
        rel = part.name.removeprefix("attachments/")
        assert (out / rel).read_bytes() == (files / rel).read_bytes()
    assert sorted(p.name for p in out.parent.iterdir()) == ["tep-dinh-kem"]  # no staging left
    with pytest.raises(BackupError, match="đã có tệp"):
        extract_attachments(dest, out, password)


def test_a_missing_attachments_folder_means_none(live: Path, usb: Path, tmp_path: Path) -> None:
    made = create_backup(live, usb / "b.tdkt", commune="X", attachments=tmp_path / "khong-co")
    assert made.attachments == ()


def test_a_database_without_alembic_still_backs_up(tmp_path: Path, usb: Path) -> None:
    db = tmp_path / "khac.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)")
    conn.commit()
    conn.close()
    made = create_backup(db, usb / "b.tdkt", commune="X")
    assert made.schema_revision == "" and made.row_counts == {"note": 0}
    assert verify_backup(usb / "b.tdkt") == made


def test_the_real_schema_round_trips(tmp_path: Path, usb: Path) -> None:
    from emulation_desktop.store.db import open_database

    database = open_database(tmp_path / "that.db")
    try:
        made = create_backup(database.path, usb / "b.tdkt", commune="Xã Cát Thành")
    finally:
        database.dispose()
    assert made.schema_revision == schema.HEAD and "person" in made.row_counts
    assert verify_backup(usb / "b.tdkt") == made


# --- progress and cancellation ----------------------------------------------------------------


def test_progress_rises_to_one(live: Path, usb: Path) -> None:
    seen: list[float] = []
    create_backup(live, usb / "b.tdkt", commune="X", progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert all(a <= b for a, b in itertools.pairwise(seen))


@pytest.mark.parametrize("at", [0.0, 0.3, 0.4, 0.75])
def test_cancelling_leaves_nothing(live: Path, usb: Path, at: float) -> None:
    seen = [0.0]
    with pytest.raises(BackupCancelled) as info:
        create_backup(
            live,
            usb / "b.tdkt",
            commune="X",
            progress=seen.append,
            cancelled=lambda: seen[-1] >= at,
        )
    assert list(usb.iterdir()) == []
    assert "hủy" in info.value.message


def test_cancelling_a_verification(live: Path, usb: Path) -> None:
    create_backup(live, usb / "b.tdkt", commune="X")
    with pytest.raises(BackupCancelled):
        verify_backup(usb / "b.tdkt", cancelled=lambda: True)


# --- the manifest -----------------------------------------------------------------------------


def sample_manifest(**changes: object) -> Manifest:
    values: dict[str, object] = {
        "format_version": 1,
        "program_version": "0.1.0",
        "schema_revision": "0005",
        "commune": "Xã Cát Thành",
        "created_at": dt.datetime(2026, 11, 24, 18, 30, tzinfo=dt.timezone(dt.timedelta(hours=7))),
        "row_counts": {"person": 3},
        "parts": (Part("db.sqlite3", 4096, "a" * 64), Part("attachments/ảnh.jpg", 9, "b" * 64)),
        "encrypted": False,
        "note": "",
    }
    values.update(changes)
    return Manifest(**values)  # type: ignore[arg-type]


def test_manifest_json_round_trip() -> None:
    manifest = sample_manifest()
    text = manifest.to_json()
    assert "Xã Cát Thành" in text  # readable UTF-8, not \u escapes
    assert Manifest.from_json(text) == manifest == Manifest.from_json(text.encode())


@pytest.mark.parametrize(
    "edit",
    [
        lambda d: d.pop("commune"),
        lambda d: d.update(format="zip"),
        lambda d: d.update(format_version="1"),
        lambda d: d.update(created_at="2026-11-24T18:30:00"),  # no offset
        lambda d: d.update(encrypted=1),
        lambda d: d.update(row_counts={"person": -1}),
        lambda d: d.update(parts=[]),
        lambda d: d["parts"].reverse(),  # the database must come first
        lambda d: d["parts"].append(dict(d["parts"][1])),  # twice
        lambda d: d["parts"][0].update(sha256="A" * 64),
        lambda d: d["parts"][0].update(size=True),
        lambda d: d["parts"][1].update(name="attachments/../../x"),
        lambda d: d["parts"][1].update(extra=1),
    ],
)
def test_manifest_refuses_what_it_does_not_write(edit) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(sample_manifest().to_json())
    edit(data)
    with pytest.raises(ManifestError):
        Manifest.from_json(json.dumps(data))


@pytest.mark.parametrize("text", ["", "[]", "{", '"x"', "\ud800", b"\xff\xfe"])
def test_manifest_refuses_non_json(text: str | bytes) -> None:
    with pytest.raises(ManifestError):
        Manifest.from_json(text)


def test_a_newer_manifest_is_recognised_from_its_version_alone() -> None:
    data = {"format": "tdkt-backup", "format_version": 2, "program_version": "3.0", "x": []}
    with pytest.raises(ManifestTooNewError) as info:
        Manifest.from_json(json.dumps(data))
    assert info.value.program_version == "3.0"


@pytest.mark.parametrize(
    "name",
    [
        "../x",
        "/etc/passwd",
        "attachments/",
        "attachments/../x",
        "attachments/a/./b",
        "attachments//a",
        "attachments/a\\..\\..\\b",
        "attachments/C:x",
        "attachments/con.txt",
        "attachments/LPT1",
        "attachments/a /b",
        "attachments/a./b",
        "attachments/a\x00b",
        "db.sqlite3/x",
        "manifest.json",
        "attachments/" + "a" * 1100,
    ],
)
def test_unsafe_part_names_are_refused(name: str) -> None:
    with pytest.raises(ManifestError):
        check_part_name(name)


@pytest.mark.parametrize("name", ["db.sqlite3", "attachments/a.pdf", "attachments/Hồ sơ/QĐ 1.pdf"])
def test_safe_part_names(name: str) -> None:
    check_part_name(name)


# --- the container ----------------------------------------------------------------------------


def test_zip64_is_written_when_needed(
    live: Path, usb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sizes and offsets past the limit use ZIP64 records that we and zipfile read back."""
    monkeypatch.setattr(container, "ZIP64_LIMIT", 1000)
    files = tmp_path / "tep"
    files.mkdir()
    (files / "lon.bin").write_bytes(bytes(3000))
    (files / "nho.txt").write_bytes(b"abc")
    dest = usb / "z64.tdkt"
    made = create_backup(live, dest, commune="X", attachments=files)
    assert b"PK\x06\x06" in dest.read_bytes()[-300:]
    assert verify_backup(dest) == made
    with zipfile.ZipFile(dest) as z:
        assert z.testzip() is None
        assert z.read("attachments/lon.bin") == bytes(3000)


def test_dos_timestamp() -> None:
    assert container.dos_stamp(dt.datetime(2026, 11, 24, 18, 30, 59)) == (
        (18 << 11) | (30 << 5) | 29,
        (46 << 9) | (11 << 5) | 24,
    )
    assert container.dos_stamp(dt.datetime(1970, 1, 1))[1] == (1 << 5) | 1


def test_writer_refuses_a_part_of_another_size() -> None:
    writer = container.ContainerWriter(io.BytesIO(), dt.datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="instead of"):
        writer.add("db.sqlite3", 10, 0, [b"123"])
    with pytest.raises(ValueError, match="more than"):
        writer.add("db.sqlite3", 2, 0, [b"123"])


# --- the encryption ---------------------------------------------------------------------------


def sealed(plain: bytes, chunk: int, monkeypatch: pytest.MonkeyPatch) -> tuple[bytes, object]:
    monkeypatch.setattr(crypto, "CHUNK_SIZE", chunk)
    header, aead = crypto.new_header("khóa")
    out = io.BytesIO()
    writer = crypto.EncryptingWriter(out, header, aead)
    for i in range(0, len(plain), 1000):
        writer.write(plain[i : i + 1000])
    writer.close()
    return out.getvalue(), aead


def open_sealed(data: bytes, password: str = "khóa") -> crypto.DecryptingSource:
    f = io.BytesIO(data)
    header = crypto.read_header(f)
    return crypto.DecryptingSource(f, len(data), header, header.derive(password))


@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 4097, 3 * 4096, 20_000])
def test_chunks_round_trip(size: int, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = bytes((i * 7) % 251 for i in range(size))
    data, _aead = sealed(plain, 4096, monkeypatch)
    assert len(data) == crypto.HEADER_SIZE + size + 16 * max(1, -(-size // 4096))
    src = open_sealed(data)
    assert src.size == size and src.read_at(0, size) == plain
    if size > 10:
        assert src.read_at(size - 10, 10) == plain[-10:] and src.read_at(3, 5) == plain[3:8]
        with pytest.raises(Corruption):
            src.read_at(size - 5, 10)


def test_chunks_cannot_be_reordered_dropped_or_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    data, _aead = sealed(bytes(4096 * 3 + 100), 4096, monkeypatch)
    h, c = crypto.HEADER_SIZE, 4096 + 16
    chunks = [data[h + i * c : h + (i + 1) * c] for i in range(4)]
    swapped = data[:h] + chunks[1] + chunks[0] + chunks[2] + chunks[3]
    dropped = data[:h] + chunks[0] + chunks[2] + chunks[3]
    cut_at_boundary = data[: h + 3 * c]
    for bad in (swapped, dropped, cut_at_boundary):
        src = open_sealed(bad)
        with pytest.raises(Corruption):
            src.read_at(0, src.size)


def test_the_key_check_tells_a_wrong_password(monkeypatch: pytest.MonkeyPatch) -> None:
    data, _aead = sealed(b"x" * 100, 4096, monkeypatch)
    header = crypto.read_header(io.BytesIO(data))
    with pytest.raises(crypto.BadPassword):
        header.derive("khoa")
    assert (header.log2_n, header.r, header.p, header.chunk_size) == (10, 8, 1, 4096)


def test_header_refuses_extreme_kdf_costs() -> None:
    """A crafted header must not make us allocate gigabytes before the password is checked."""
    import struct
    import zlib

    body = struct.pack(">8sHHBBBB16sI8s16s", crypto.MAGIC, 1, 64, 1, 30, 32, 1, bytes(16), 4096,
                       bytes(8), bytes(16))  # fmt: skip
    raw = body + struct.pack(">I", zlib.crc32(body))
    with pytest.raises(Corruption, match="512 MiB"):
        crypto.read_header(io.BytesIO(raw))


def test_default_kdf_cost_is_strong() -> None:
    """The values production files get (the autouse fixture lowers N only inside tests)."""
    assert PRODUCTION_KDF == (17, 8, 1, 1 << 20)


def test_the_rename_is_retried_while_windows_holds_the_file(
    live: Path, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An antivirus scanning the new file makes MoveFileEx fail for a moment."""
    real, refusals = os.replace, [2]

    def replace(src: object, dst: object) -> None:
        if refusals[0]:
            refusals[0] -= 1
            raise PermissionError(13, "Access is denied")
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(archive.time, "sleep", lambda _s: None)
    create_backup(live, usb / "b.tdkt", commune="X")
    assert refusals == [0] and (usb / "b.tdkt").exists()


def test_tracker_reports_sparingly() -> None:
    seen: list[float] = []
    tracker = archive._Tracker(seen.append, None)
    tracker.stage(0.0, 1.0, 10_000)
    for _ in range(10_000):
        tracker.advance(1)
    assert len(seen) <= 202 and seen[-1] == 1.0
