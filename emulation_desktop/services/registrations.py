"""Registrations (đăng ký thi đua) to movements and yearly titles."""

from __future__ import annotations

from emulation_desktop.services.rules import RulesService
from emulation_desktop.store.db import Database


class RegistrationService:
    def __init__(self, db: Database, rules: RulesService) -> None:
        self._db = db
        self._rules = rules
