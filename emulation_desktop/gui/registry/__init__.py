"""The registry screen ("Đơn vị – Cá nhân – Hộ gia đình"): its page, tabs and edit dialogs."""
