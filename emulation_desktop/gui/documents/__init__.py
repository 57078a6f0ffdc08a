"""Tạo văn bản from the screens: the save dialog, writing off the GUI thread, opening in Word."""
