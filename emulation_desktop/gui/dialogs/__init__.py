"""Dialogs; each composes a generated form from gui/forms."""
