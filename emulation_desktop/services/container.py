"""The bundle of services handed from the composition root to the GUI and the commands."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from emulation_desktop.domain.enums import DocumentKind
from emulation_desktop.services.advanced_models import AdvancedModelService
from emulation_desktop.services.backup import BackupService
from emulation_desktop.services.certificates import CertificateService
from emulation_desktop.services.complaints import ComplaintService
from emulation_desktop.services.council import CouncilService
from emulation_desktop.services.custom_templates import CustomTemplateService
from emulation_desktop.services.decisions import DecisionService
from emulation_desktop.services.demo import DemoService
from emulation_desktop.services.doc_register import DocRegisterService
from emulation_desktop.services.documents import DocumentService, DocumentSources
from emulation_desktop.services.eligibility import EligibilityService
from emulation_desktop.services.evaluations import EvaluationService
from emulation_desktop.services.export import ExportService
from emulation_desktop.services.importing import ImportService
from emulation_desktop.services.initiatives import InitiativeService
from emulation_desktop.services.money import MoneyService
from emulation_desktop.services.movements import MovementService
from emulation_desktop.services.overview import OverviewService
from emulation_desktop.services.periods import PeriodService
from emulation_desktop.services.profile import ProfileService
from emulation_desktop.services.registrations import RegistrationService
from emulation_desktop.services.registry import RegistryService
from emulation_desktop.services.reviews import ReviewService
from emulation_desktop.services.rounds import RoundService
from emulation_desktop.services.rules import RulesService
from emulation_desktop.services.subjects import SubjectService
from emulation_desktop.services.text_blocks import TextBlockService
from emulation_desktop.store.db import Database


@dataclass(frozen=True, slots=True)
class AppServices:
    """Everything the GUI and the commands may ask of the data."""

    profile: ProfileService
    overview: OverviewService
    demo: DemoService
    registry: RegistryService
    exports: ExportService
    imports: ImportService
    rules: RulesService
    eligibility: EligibilityService
    money: MoneyService
    backup: BackupService
    subjects: SubjectService
    movements: MovementService
    registrations: RegistrationService
    reviews: ReviewService
    models: AdvancedModelService
    evaluations: EvaluationService
    periods: PeriodService
    initiatives: InitiativeService
    complaints: ComplaintService
    rounds: RoundService
    council: CouncilService
    decisions: DecisionService
    doc_register: DocRegisterService
    text_blocks: TextBlockService
    documents: DocumentService
    certificates: CertificateService

    @classmethod
    def build(cls, db: Database, data_dir: Path | None = None) -> AppServices:
        """`data_dir` holds the automatic backups (default: beside the database)."""
        profile, registry, rules = ProfileService(db), RegistryService(db), RulesService(db)
        eligibility = EligibilityService(db, rules)
        backup = BackupService(db, data_dir or db.path.parent, profile)
        parts = dict(
            profile=profile,
            overview=OverviewService(db),
            demo=DemoService(db),
            registry=registry,
            exports=ExportService(db, registry, profile),
            imports=ImportService(db),
            rules=rules,
            eligibility=eligibility,
            money=MoneyService(db, rules),
            backup=backup,
            subjects=SubjectService(db),
            movements=MovementService(db),
            registrations=RegistrationService(db, rules),
            reviews=ReviewService(db, rules),
            models=AdvancedModelService(db),
            evaluations=EvaluationService(db),
            periods=PeriodService(db),
            initiatives=InitiativeService(db),
            complaints=ComplaintService(db),
            rounds=RoundService(db, rules, eligibility, backup.attachments),
            council=CouncilService(db, rules),
            decisions=DecisionService(db, rules),
            doc_register=DocRegisterService(db),
            text_blocks=TextBlockService(db, profile),
        )
        sources = DocumentSources(
            db=db, profile=profile, rules=rules, registry=registry,
            movements=parts["movements"], evaluations=parts["evaluations"],
            rounds=parts["rounds"], council=parts["council"], decisions=parts["decisions"],
            eligibility=eligibility, overview=parts["overview"], models=parts["models"],
            initiatives=parts["initiatives"], complaints=parts["complaints"],
            text_blocks=parts["text_blocks"],
        )  # fmt: skip
        documents = DocumentService(sources, CustomTemplateService(db))
        parts["decisions"].package.write_submission = lambda proposal_id, out: documents.write(
            DocumentKind.SUBMISSION, proposal_id, out
        )
        certificates = CertificateService(db, rules, profile)
        return cls(**parts, documents=documents, certificates=certificates)
