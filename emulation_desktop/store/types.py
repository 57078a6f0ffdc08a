"""Column types shared by the models."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from sqlalchemy import DateTime, Integer, String, Text, func
from sqlalchemy import Enum as SAEnum
from sqlalchemy.orm import mapped_column

from emulation_desktop.domain.enums import (
    AwardKind,
    CommuneKind,
    ComplaintKind,
    CouncilRole,
    DecisionKind,
    DocType,
    DossierKind,
    Gender,
    Grade,
    InitiativeKind,
    InitiativeScope,
    Launcher,
    ModelStatus,
    MovementKind,
    NominationSource,
    NominationStatus,
    PeriodKind,
    PersonKind,
    ProposalStatus,
    RegistrationStatus,
    ReviewKind,
    ReviewResult,
    RoundKind,
    RoundStatus,
    SignVariant,
    SubjectKind,
    UnitKind,
)

intpk = Annotated[int, mapped_column(Integer, primary_key=True)]
name_str = Annotated[str, mapped_column(String(200))]
fold_str = Annotated[str, mapped_column(String(200), index=True)]
# Encoded Vietnamese order (domain.text.name_sort_text): ASCII, compared byte by byte.
sort_str = Annotated[str, mapped_column(String(1000), default="", server_default="")]
text_str = Annotated[str, mapped_column(String(500), default="", server_default="")]
created_at = Annotated[
    dt.datetime, mapped_column(DateTime, server_default=func.current_timestamp())
]


def enum_column(enum: type) -> SAEnum:
    """Stores the enum's stable value code as text (a CHECK keeps bad codes out)."""
    return SAEnum(
        enum,
        native_enum=False,
        create_constraint=True,
        length=20,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
        name=enum.__name__.lower(),
    )


commune_kind = Annotated[CommuneKind, mapped_column(enum_column(CommuneKind))]
unit_kind = Annotated[UnitKind, mapped_column(enum_column(UnitKind))]
gender = Annotated[Gender, mapped_column(enum_column(Gender))]
person_kind = Annotated[PersonKind, mapped_column(enum_column(PersonKind))]
subject_kind = Annotated[SubjectKind, mapped_column(enum_column(SubjectKind))]
award_kind = Annotated[AwardKind, mapped_column(enum_column(AwardKind))]
grade = Annotated[Grade, mapped_column(enum_column(Grade))]
movement_kind = Annotated[MovementKind, mapped_column(enum_column(MovementKind))]
launcher = Annotated[Launcher, mapped_column(enum_column(Launcher))]
registration_status = Annotated[RegistrationStatus, mapped_column(enum_column(RegistrationStatus))]
review_kind = Annotated[ReviewKind, mapped_column(enum_column(ReviewKind))]
review_result = Annotated[ReviewResult, mapped_column(enum_column(ReviewResult))]
initiative_kind = Annotated[InitiativeKind, mapped_column(enum_column(InitiativeKind))]
initiative_scope = Annotated[InitiativeScope, mapped_column(enum_column(InitiativeScope))]
model_status = Annotated[ModelStatus, mapped_column(enum_column(ModelStatus))]
complaint_kind = Annotated[ComplaintKind, mapped_column(enum_column(ComplaintKind))]
period_kind = Annotated[PeriodKind, mapped_column(enum_column(PeriodKind))]
round_kind = Annotated[RoundKind, mapped_column(enum_column(RoundKind))]
round_status = Annotated[RoundStatus, mapped_column(enum_column(RoundStatus))]
nomination_status = Annotated[NominationStatus, mapped_column(enum_column(NominationStatus))]
nomination_source = Annotated[NominationSource, mapped_column(enum_column(NominationSource))]
dossier_kind = Annotated[DossierKind, mapped_column(enum_column(DossierKind))]
council_role = Annotated[CouncilRole, mapped_column(enum_column(CouncilRole))]
doc_type = Annotated[DocType, mapped_column(enum_column(DocType))]
decision_kind = Annotated[DecisionKind, mapped_column(enum_column(DecisionKind))]
sign_variant = Annotated[SignVariant, mapped_column(enum_column(SignVariant))]
proposal_status = Annotated[ProposalStatus, mapped_column(enum_column(ProposalStatus))]
long_text = Annotated[str, mapped_column(Text, default="", server_default="")]
