"""Thi đua – Khen thưởng: công tác thi đua, khen thưởng của UBND cấp xã, chạy không cần Internet."""

__version__ = "0.1.0"

APP_NAME = "Thi đua – Khen thưởng"
# ASCII names for folders, lock files and the frozen executable.
APP_SLUG = "ThiDuaKhenThuong"
ORG_SLUG = "emulation-desktop"
