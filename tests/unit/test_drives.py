"""Removable drives: what each platform reports, turned into one list; sizes in Vietnamese.

The Linux path reads a fake /proc/mounts and /sys tree, the Windows path a fake kernel32 (plain
Python methods behind the same names, writing into the same ctypes buffers), so both run on any
machine; a smoke test calls the real Windows API where there is one.
"""

from __future__ import annotations

import ctypes
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from emulation_desktop.backup import drives
from emulation_desktop.backup.drives import Drive, free_space, human_size, removable_drives

GB = 1024**3
MB = 1024**2


class Usage(NamedTuple):
    total: int
    used: int
    free: int


def fake_disk_usage(
    monkeypatch: pytest.MonkeyPatch, sizes: dict[str, tuple[int, int]]
) -> list[str]:
    """shutil.disk_usage answering (free, total) for the given roots; others are unreadable."""
    asked: list[str] = []

    def disk_usage(path: Any) -> Usage:
        asked.append(str(path))
        if str(path) not in sizes:
            raise FileNotFoundError(2, "No such device", str(path))
        free, total = sizes[str(path)]
        return Usage(total, total - free, free)

    monkeypatch.setattr(shutil, "disk_usage", disk_usage)
    return asked


# --- human_size and display --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0 B"),
        (512, "512 B"),
        (512 * 1024, "512 KB"),
        (850 * MB, "850 MB"),
        (int(12.3 * GB), "12,3 GB"),
        (int(3.1 * GB), "3,1 GB"),
        (5 * MB, "5 MB"),
        (int(99.96 * MB), "100 MB"),
        (1024 * 1024 - 10, "1 MB"),  # 1023,99 KB would round to "1024 KB"
        (int(1.5 * 1024**4), "1,5 TB"),
    ],
)
def test_human_size_is_vietnamese(size: int, text: str) -> None:
    assert human_size(size) == text


def test_human_size_refuses_negative() -> None:
    with pytest.raises(ValueError):
        human_size(-1)


def test_display_of_a_windows_drive_shows_the_letter() -> None:
    drive = Drive(Path("E:\\"), "USB", int(12.3 * GB), 16 * GB, True)
    assert drive.display == "USB (E:) – còn trống 12,3 GB"


def test_display_of_a_linux_mount_shows_the_mount_point() -> None:
    drive = Drive(Path("/media/u/KINGSTON"), "KINGSTON", int(3.1 * GB), 8 * GB, True)
    assert drive.display == "KINGSTON (/media/u/KINGSTON) – còn trống 3,1 GB"


# --- free_space --------------------------------------------------------------------------------


def test_free_space_asks_the_nearest_existing_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = fake_disk_usage(monkeypatch, {str(tmp_path): (123, 456)})
    assert free_space(tmp_path / "chưa-có" / "sao-luu.zip") == 123
    assert asked == [str(tmp_path)]


def test_free_space_of_a_real_folder(tmp_path: Path) -> None:
    assert free_space(tmp_path) > 0


# --- Linux -------------------------------------------------------------------------------------


@pytest.fixture
def linux_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Write a fake /proc/mounts and /sys/block/<disk>/removable and point the module at them."""
    mounts = tmp_path / "proc-mounts"
    sys_block = tmp_path / "sys-block"
    monkeypatch.setattr(drives, "PROC_MOUNTS", mounts)
    monkeypatch.setattr(drives, "SYS_BLOCK", sys_block)

    def write(lines: list[str], removable: dict[str, str]) -> None:
        mounts.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
        for disk, flag in removable.items():
            (sys_block / disk).mkdir(parents=True)
            (sys_block / disk / "removable").write_text(f"{flag}\n", encoding="ascii")

    return write


def test_linux_lists_removable_disks_and_media_mounts(
    linux_tree: Callable[..., None], monkeypatch: pytest.MonkeyPatch
) -> None:
    linux_tree(
        [
            "/dev/vda1 / ext4 rw,relatime 0 0",
            "proc /proc proc rw 0 0",
            "tmpfs /media/u/ramdisk tmpfs rw 0 0",  # not a block device
            "/dev/nvme0n1p1 /boot/efi vfat rw 0 0",  # fixed disk, not under /media
            "/dev/sdb1 /media/u/KINGSTON vfat rw,nosuid 0 0",
            "/dev/sdb1 /media/u/KINGSTON vfat rw,nosuid 0 0",  # listed twice: shown once
            r"/dev/sdc1 /run/media/u/Ổ\040Xã exfat rw 0 0",  # USB disk that says "fixed"
            "/dev/sdd1 /mnt/the-nho vfat rw 0 0",  # removable, mounted by hand
            "/dev/mmcblk0p1 /media/u/SD vfat rw 0 0",
            "/dev/sde1 /media/u/DA-RUT vfat rw 0 0",  # pulled out: unreadable
        ],
        {"vda": "0", "nvme0n1": "0", "sdb": "1", "sdc": "0", "sdd": "1", "mmcblk0": "1"},
    )
    fake_disk_usage(
        monkeypatch,
        {
            "/": (50 * GB, 100 * GB),
            "/boot/efi": (MB, 512 * MB),
            "/media/u/ramdisk": (MB, MB),
            "/media/u/KINGSTON": (int(3.1 * GB), 8 * GB),
            "/run/media/u/Ổ Xã": (400 * GB, 500 * GB),
            "/mnt/the-nho": (850 * MB, GB),
            "/media/u/SD": (GB, 2 * GB),
        },
    )

    found = drives._linux_drives()

    assert found == [
        Drive(Path("/media/u/KINGSTON"), "KINGSTON", int(3.1 * GB), 8 * GB, True),
        Drive(Path("/media/u/SD"), "SD", GB, 2 * GB, True),
        Drive(Path("/mnt/the-nho"), "the-nho", 850 * MB, GB, True),
        Drive(Path("/run/media/u/Ổ Xã"), "Ổ Xã", 400 * GB, 500 * GB, False),
    ]
    assert found[0].display == "KINGSTON (/media/u/KINGSTON) – còn trống 3,1 GB"


def test_linux_without_proc_mounts_lists_nothing(linux_tree: Callable[..., None]) -> None:
    assert drives._linux_drives() == []  # the fixture did not write the file


@pytest.mark.parametrize(
    ("name", "disk"),
    [("sdb1", "sdb"), ("sdb", "sdb"), ("nvme0n1p2", "nvme0n1"), ("mmcblk0p1", "mmcblk0")],
)
def test_partition_to_disk(name: str, disk: str) -> None:
    assert drives._disk_of_partition(name) == disk


# --- macOS -------------------------------------------------------------------------------------


def test_mac_lists_volumes_but_the_boot_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "root"
    volumes = tmp_path / "Volumes"
    root.mkdir()
    volumes.mkdir()
    (volumes / "Macintosh HD").symlink_to(root, target_is_directory=True)
    (volumes / "KINGSTON").mkdir()
    (volumes / ".DS_Store").write_bytes(b"")
    monkeypatch.setattr(drives, "MAC_VOLUMES", volumes)
    monkeypatch.setattr(drives, "MAC_BOOT_ROOT", root)
    fake_disk_usage(monkeypatch, {str(volumes / "KINGSTON"): (GB, 4 * GB)})

    assert drives._mac_drives() == [Drive(volumes / "KINGSTON", "KINGSTON", GB, 4 * GB, True)]


# --- Windows -----------------------------------------------------------------------------------


class FakeKernel32:
    """The kernel32 calls drives.py makes, answering from a table of drive letters."""

    INVALID_HANDLE = ctypes.c_void_p(-1).value

    def __init__(self, table: dict[str, tuple[int, str, int | None]]) -> None:
        self.table = table  # letter -> (drive type, label, bus type or None if unreadable)
        self.error_modes: list[int] = []
        self.open_handles: set[int] = set()

    def GetLogicalDrives(self) -> int:
        return sum(1 << (ord(letter) - ord("A")) for letter in self.table)

    def GetDriveTypeW(self, root: str) -> int:
        assert root.endswith(":\\")
        return self.table[root[0]][0]

    def GetVolumeInformationW(self, root: str, buf: Any, size: int, *rest: Any) -> int:
        label = self.table[root[0]][1]
        assert size == len(buf)
        buf.value = label
        return 1

    def SetThreadErrorMode(self, mode: int, old: Any) -> int:
        self.error_modes.append(mode)
        if old is not None:
            old._obj.value = 0x1234
        return 1

    def CreateFileW(self, path: str, access: int, *rest: Any) -> int:
        assert path.startswith("\\\\.\\") and access == 0  # no admin rights needed
        letter = path[4]
        if self.table[letter][2] is None:
            return self.INVALID_HANDLE
        handle = 100 + ord(letter)
        self.open_handles.add(handle)
        return handle

    def DeviceIoControl(
        self, handle: int, code: int, query: Any, qlen: int, out: Any, olen: int, ret: Any, ov: Any
    ) -> int:
        assert code == 0x2D1400 and qlen == 12
        bus = self.table[chr(handle - 100)][2]
        assert bus is not None
        out[28:32] = list(bus.to_bytes(4, "little"))
        ret._obj.value = 64
        return 1

    def CloseHandle(self, handle: int) -> int:
        self.open_handles.remove(handle)
        return 1


def test_windows_lists_removable_and_usb_fixed_drives(monkeypatch: pytest.MonkeyPatch) -> None:
    k32 = FakeKernel32(
        {
            "C": (3, "Windows", 11),  # SATA system disk
            "D": (5, "CD", None),  # CD-ROM
            "E": (2, "KINGSTON", 7),
            "F": (2, "", 7),  # stick without a label
            "G": (3, "Ổ NGOÀI", 7),  # USB hard disk that says "fixed"
            "H": (2, "", None),  # card reader without a card: unreadable
            "Z": (4, "Mạng", None),  # network share
        }
    )
    fake_disk_usage(
        monkeypatch,
        {"C:\\": (GB, 9 * GB), "E:\\": (int(12.3 * GB), 16 * GB), "F:\\": (GB, GB),
         "G:\\": (400 * GB, 500 * GB), "Z:\\": (GB, GB)},
    )  # fmt: skip

    found = drives._windows_drives(k32)

    assert found == [
        Drive(Path("E:\\"), "KINGSTON", int(12.3 * GB), 16 * GB, True),
        Drive(Path("F:\\"), "USB", GB, GB, True),
        Drive(Path("G:\\"), "Ổ NGOÀI", 400 * GB, 500 * GB, False),
    ]
    assert found[1].display == "USB (F:) – còn trống 1 GB"
    # No "insert a disk" box while looking, and the thread's mode is put back afterwards.
    assert k32.error_modes == [0x8001, 0x1234]
    assert k32.open_handles == set()


def test_windows_error_mode_is_restored_when_a_call_fails() -> None:
    class Broken(FakeKernel32):
        def GetDriveTypeW(self, root: str) -> int:
            raise OSError("boom")

    k32 = Broken({"E": (2, "", 7)})
    with pytest.raises(OSError):
        drives._windows_drives(k32)
    assert k32.error_modes == [0x8001, 0x1234]


@pytest.mark.skipif(sys.platform != "win32", reason="calls the real Windows API")
def test_windows_real_api_answers() -> None:
    found = drives._windows_drives(drives._kernel32())
    assert all(isinstance(d, Drive) and d.total >= d.free >= 0 for d in found)


# --- never raises ------------------------------------------------------------------------------


def test_removable_drives_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> list[Drive]:
        raise RuntimeError("unexpected")

    for name in ("_linux_drives", "_mac_drives", "_windows_drives", "_kernel32"):
        monkeypatch.setattr(drives, name, broken)
    assert removable_drives() == []


def test_removable_drives_on_this_machine_is_a_list() -> None:
    found = removable_drives()
    assert all(isinstance(d, Drive) for d in found)
