"""Removable drives (USB sticks, memory cards) with their free space, for backup and restore.

Data travels between the commune office and the district on USB sticks, so the backup screen
offers the plugged-in sticks first. Qt's `QStorageInfo` has no removable flag (tech-notes §4) and
backup/ must not import Qt anyway, so each platform is asked directly:

- Windows: `GetLogicalDrives` + `GetDriveTypeW`. `DRIVE_REMOVABLE` drives are listed; so are
  `DRIVE_FIXED` drives on the USB bus (many USB hard disks and some large sticks say "fixed"),
  with `removable=False`.
- Linux: `/proc/mounts`; a block device whose disk has `/sys/block/<disk>/removable` == "1", or
  anything mounted under `/media/` or `/run/media/` (where desktops mount sticks).
- macOS: `/Volumes/*` except the boot volume.

Listing never raises: a drive that cannot be read (card reader without a card, a stick pulled out
while we look) is left out, and an unexpected failure gives an empty list, logged.
"""

from __future__ import annotations

import ctypes
import logging
import os
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

# Module-level so that tests can point them at a fake tree.
PROC_MOUNTS = Path("/proc/mounts")
SYS_BLOCK = Path("/sys/block")
MAC_VOLUMES = Path("/Volumes")
MAC_BOOT_ROOT = Path("/")
LINUX_MEDIA_ROOTS = ("/media/", "/run/media/")

# Windows constants (WinBase.h, winioctl.h).
DRIVE_REMOVABLE = 2
DRIVE_FIXED = 3
BUS_TYPE_USB = 7
SEM_FAILCRITICALERRORS = 0x0001
SEM_NOOPENFILEERRORBOX = 0x8000
_IOCTL_STORAGE_QUERY_PROPERTY = 0x2D1400
_FILE_SHARE_READ_WRITE = 0x1 | 0x2
_OPEN_EXISTING = 3
_BUS_TYPE_OFFSET = 28  # STORAGE_DEVICE_DESCRIPTOR.BusType
_MAX_PATH = 261

_UNITS = ("B", "KB", "MB", "GB", "TB")


@dataclass(frozen=True)
class Drive:
    """A drive the user can carry away.

    Attributes:
        path: the root to write into ("E:\\", "/media/u/KINGSTON").
        label: the volume label, or "USB" on Windows when the stick has none.
        free: bytes this user may still write.
        total: size of the drive in bytes.
        removable: the system reports removable media; False for a USB disk that calls
            itself fixed (listed all the same: it leaves the office just as well).
    """

    path: Path
    label: str
    free: int
    total: int
    removable: bool

    @property
    def display(self) -> str:
        """One line for a drive picker: "USB (E:) – còn trống 12,3 GB"."""
        return f"{self.label} ({_shown_path(self.path)}) – còn trống {human_size(self.free)}"


def _shown_path(path: Path) -> str:
    text = str(path)
    # "E:\" reads better as "E:"; a POSIX mount point is shown whole.
    if re.fullmatch(r"[A-Za-z]:[\\/]?", text):
        return text[:2].upper()
    return text


def human_size(n: int) -> str:
    """Bytes as a Vietnamese reader writes them: "12,3 GB", "850 MB", "512 KB".

    Binary units as Windows Explorer shows them, so the number matches what the user sees on the
    stick; one decimal below 100 (dropped when it is 0), a comma as decimal separator.
    """
    if n < 0:
        raise ValueError(f"negative size: {n}")
    value = float(n)
    unit = 0
    while value >= 1024 and unit < len(_UNITS) - 1:
        value /= 1024
        unit += 1
    text = _number(value)
    # 1023.96 KB would print as "1024 KB": say "1 MB" instead.
    if text == "1024" and unit < len(_UNITS) - 1:
        value, unit = 1.0, unit + 1
        text = _number(value)
    return f"{text} {_UNITS[unit]}"


def _number(value: float) -> str:
    if round(value, 1) >= 100:
        return str(round(value))
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return text.replace(".", ",")


def free_space(path: Path) -> int:
    """Bytes free for this user on the drive holding `path`.

    `path` may be a file that does not exist yet (the backup about to be written): the nearest
    existing folder above it is asked. An unreadable drive raises OSError, which the caller turns
    into its own message (it knows what it was about to do).
    """
    probe = Path(path)
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    return shutil.disk_usage(probe).free


def removable_drives() -> list[Drive]:
    """The removable drives plugged in now, in drive-letter or mount-point order. Never raises."""
    try:
        if sys.platform == "win32":
            return _windows_drives(_kernel32())
        if sys.platform == "darwin":
            return _mac_drives()
        return _linux_drives()
    except Exception:  # a drive list is a convenience: never let it take the screen down
        log.exception("could not list removable drives")
        return []


def _usage(root: Path | str) -> tuple[int, int] | None:
    """(free, total) of a mounted root, or None when it cannot be read right now."""
    try:
        usage = shutil.disk_usage(root)
    except OSError as exc:
        log.info("skipping drive %s: %s", root, exc)
        return None
    return usage.free, usage.total


# --- Linux -------------------------------------------------------------------------------------


def _linux_drives() -> list[Drive]:
    try:
        mounts = PROC_MOUNTS.read_text(encoding="utf-8", errors="surrogateescape")
    except OSError as exc:
        log.info("cannot read %s: %s", PROC_MOUNTS, exc)
        return []
    found: dict[str, Drive] = {}
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 2:
            continue
        device, mount_point = _unescape_mount(fields[0]), _unescape_mount(fields[1])
        if not device.startswith("/dev/") or mount_point in found:
            continue
        removable = _linux_removable(device)
        in_media = mount_point.startswith(LINUX_MEDIA_ROOTS)
        if not (removable or in_media):
            continue
        usage = _usage(mount_point)
        if usage is None:
            continue
        path = Path(mount_point)
        found[mount_point] = Drive(
            path=path,
            label=path.name or mount_point,
            free=usage[0],
            total=usage[1],
            removable=removable,
        )
    return [found[key] for key in sorted(found)]


def _unescape_mount(field: str) -> str:
    # The kernel writes space, tab, newline and backslash in /proc/mounts as \040, \011, ...
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def _linux_removable(device: str) -> bool:
    """True when the disk holding `device` (/dev/sdb1 → sdb) says its media is removable."""
    name = Path(os.path.realpath(device)).name  # /dev/disk/by-label/X → /dev/sdb1
    for disk in dict.fromkeys((name, _disk_of_partition(name))):
        try:
            return (SYS_BLOCK / disk / "removable").read_text(encoding="ascii").strip() == "1"
        except (OSError, UnicodeDecodeError):
            continue
    return False


def _disk_of_partition(name: str) -> str:
    """sdb1 → sdb, nvme0n1p2 → nvme0n1, mmcblk0p1 → mmcblk0; anything else unchanged."""
    match = re.fullmatch(r"(.*\d)p\d+", name) or re.fullmatch(r"(\D+)\d+", name)
    return match.group(1) if match else name


# --- macOS -------------------------------------------------------------------------------------


def _mac_drives() -> list[Drive]:
    try:
        entries = sorted(MAC_VOLUMES.iterdir())
    except OSError as exc:
        log.info("cannot list %s: %s", MAC_VOLUMES, exc)
        return []
    drives = []
    for entry in entries:
        try:
            # The boot volume appears here as a symlink to "/" ("Macintosh HD").
            if not entry.is_dir() or os.path.samefile(entry, MAC_BOOT_ROOT):
                continue
        except OSError:
            continue
        usage = _usage(entry)
        if usage is not None:
            drives.append(Drive(entry, entry.name, usage[0], usage[1], removable=True))
    return drives


# --- Windows -----------------------------------------------------------------------------------


def _kernel32() -> Any:
    """A private kernel32 handle with prototypes, so that 64-bit HANDLEs are not truncated and
    the shared `ctypes.windll.kernel32` that other libraries use is left untouched."""
    from ctypes import wintypes

    k32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    k32.GetLogicalDrives.restype = wintypes.DWORD
    k32.GetLogicalDrives.argtypes = []
    k32.GetDriveTypeW.restype = wintypes.UINT
    k32.GetDriveTypeW.argtypes = [wintypes.LPCWSTR]
    k32.GetVolumeInformationW.restype = wintypes.BOOL
    k32.GetVolumeInformationW.argtypes = [
        wintypes.LPCWSTR,
        wintypes.LPWSTR,
        wintypes.DWORD,
        wintypes.LPDWORD,
        wintypes.LPDWORD,
        wintypes.LPDWORD,
        wintypes.LPWSTR,
        wintypes.DWORD,
    ]
    k32.SetThreadErrorMode.restype = wintypes.BOOL
    k32.SetThreadErrorMode.argtypes = [wintypes.DWORD, wintypes.LPDWORD]
    k32.CreateFileW.restype = wintypes.HANDLE
    k32.CreateFileW.argtypes = [
        wintypes.LPCWSTR,
        wintypes.DWORD,
        wintypes.DWORD,
        wintypes.LPVOID,
        wintypes.DWORD,
        wintypes.DWORD,
        wintypes.HANDLE,
    ]
    k32.DeviceIoControl.restype = wintypes.BOOL
    k32.DeviceIoControl.argtypes = [
        wintypes.HANDLE,
        wintypes.DWORD,
        wintypes.LPVOID,
        wintypes.DWORD,
        wintypes.LPVOID,
        wintypes.DWORD,
        wintypes.LPDWORD,
        wintypes.LPVOID,
    ]
    k32.CloseHandle.restype = wintypes.BOOL
    k32.CloseHandle.argtypes = [wintypes.HANDLE]
    return k32


def _windows_drives(k32: Any) -> list[Drive]:
    # Without this, touching a card reader that holds no card pops up "There is no disk in the
    # drive" on the office PC; with it the call just fails and the drive is skipped.
    old_mode = ctypes.c_ulong(0)
    k32.SetThreadErrorMode(SEM_FAILCRITICALERRORS | SEM_NOOPENFILEERRORBOX, ctypes.byref(old_mode))
    try:
        mask = int(k32.GetLogicalDrives())
        drives = []
        for index in range(26):
            if not mask & (1 << index):
                continue
            letter = chr(ord("A") + index)
            root = f"{letter}:\\"
            kind = int(k32.GetDriveTypeW(root))
            if kind == DRIVE_REMOVABLE:
                removable = True
            elif kind == DRIVE_FIXED and _windows_bus_type(k32, letter) == BUS_TYPE_USB:
                removable = False
            else:
                continue
            usage = _usage(root)
            if usage is None:
                continue
            label = _windows_label(k32, root) or "USB"
            drives.append(Drive(Path(root), label, usage[0], usage[1], removable))
        return drives
    finally:
        k32.SetThreadErrorMode(old_mode.value, None)


def _windows_label(k32: Any, root: str) -> str:
    buffer = ctypes.create_unicode_buffer(_MAX_PATH)
    if not k32.GetVolumeInformationW(root, buffer, _MAX_PATH, None, None, None, None, 0):
        return ""
    return buffer.value.strip()


def _windows_bus_type(k32: Any, letter: str) -> int | None:
    """STORAGE_BUS_TYPE of the disk behind `letter`, or None (tech-notes §4).

    A handle opened with access 0 may query device properties without administrator rights.
    """
    handle = k32.CreateFileW(
        f"\\\\.\\{letter}:", 0, _FILE_SHARE_READ_WRITE, None, _OPEN_EXISTING, 0, None
    )
    if handle in (None, 0, ctypes.c_void_p(-1).value):
        return None
    try:
        query = (ctypes.c_ubyte * 12)()  # StorageDeviceProperty, PropertyStandardQuery
        answer = (ctypes.c_ubyte * 1024)()
        returned = ctypes.c_ulong(0)
        ok = k32.DeviceIoControl(
            handle,
            _IOCTL_STORAGE_QUERY_PROPERTY,
            query,
            len(query),
            answer,
            len(answer),
            ctypes.byref(returned),
            None,
        )
        if not ok or returned.value < _BUS_TYPE_OFFSET + 4:
            return None
        return int.from_bytes(bytes(answer[_BUS_TYPE_OFFSET : _BUS_TYPE_OFFSET + 4]), "little")
    finally:
        k32.CloseHandle(handle)
