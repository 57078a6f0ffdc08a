"""Backup files, removable drives and restore."""
