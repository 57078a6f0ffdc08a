"""Nomination rounds (đợt xét khen thưởng): the list, eligibility per item, dossier, notice."""

from __future__ import annotations

from pathlib import Path

from emulation_desktop.services.eligibility import EligibilityService
from emulation_desktop.services.rules import RulesService
from emulation_desktop.store.db import Database


class RoundService:
    def __init__(self, db: Database, rules: RulesService, eligibility: EligibilityService,
                 attachments: Path) -> None:  # fmt: skip
        self._db = db
        self._rules = rules
        self._eligibility = eligibility
        self._attachments = attachments
