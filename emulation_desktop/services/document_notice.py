"""The data of the Thông báo công khai of a nomination round (DocumentKind.NOTICE, id = round
id): its list, the notice period the officer recorded and who signs."""

from __future__ import annotations

from emulation_desktop.domain import notice_document as nd
from emulation_desktop.domain.decision_documents import DocumentHeader, SignatureBlock
from emulation_desktop.domain.decision_text import default_bases, punctuated, signature_lines
from emulation_desktop.domain.enums import (
    AwardKind,
    DecisionKind,
    NominationStatus,
    SignVariant,
    SubjectKind,
)
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.nominations import RoundItem
from emulation_desktop.domain.profile import CommuneProfile
from emulation_desktop.domain.text import date_line
from emulation_desktop.services.document_plan import NO_PROFILE


def notice_of_round(sources, round_id: int) -> nd.NoticeDocument:  # type: ignore[no-untyped-def]
    rnd: RoundItem = sources.rounds.get(round_id)
    if not rnd.needs_notice:
        raise UserError(
            f"Đợt xét «{rnd.name}» không phải công khai danh sách nên không có thông báo công "
            "khai (chỉ đợt bình xét Gia đình văn hóa, thôn, tổ dân phố văn hóa hoặc đợt đã chọn "
            "công khai)."
        )
    items = [
        i for i in sources.rounds.items(round_id) if i.status is not NominationStatus.WITHDRAWN
    ]
    if not items:
        raise UserError(f"Danh sách đề nghị của đợt xét «{rnd.name}» đang trống: chưa có ai để "
                        "công khai.")  # fmt: skip
    if rnd.notice_start is None or rnd.notice_end is None:
        raise UserError(
            f"Đợt xét «{rnd.name}» chưa ghi ngày bắt đầu công khai: hãy ghi ngày bắt đầu và số "
            "ngày công khai của đợt xét rồi tạo lại thông báo."
        )
    profile: CommuneProfile | None = sources.profile.get()
    if profile is None:
        raise UserError(NO_PROFILE)
    awards = sources.rules.year_awards(rnd.year)[0]
    # a collective's "place" is its kind (Thôn, tổ dân phố): the notice gives the commune
    nominees = [
        nd.Nominee(
            i.subject.kind, i.subject.name,
            profile.display_name if i.subject.kind is SubjectKind.UNIT
            else i.subject.place or i.proposing_unit,
            awards[i.award_code].kind if i.award_code in awards else AwardKind.FORM, i.award_name,
        )
        for i in items
    ]  # fmt: skip
    number, issued = nd.parse_document(rnd.notice_document)
    day = issued or rnd.notice_start
    commune = f"{profile.kind.label.lower()} {profile.name}"
    header = DocumentHeader(
        ("ỦY BAN NHÂN DÂN", f"{profile.kind.label.upper()} {profile.name.upper()}"), number, day,
        date_line(profile.place_name or profile.name, day), "THÔNG BÁO",
        nd.summary(nominees, rnd.period),
    )  # fmt: skip
    contact = f"đồng chí {profile.officer}" if profile.officer else ""
    if contact and profile.officer_title:
        contact += f", {profile.officer_title[:1].lower()}{profile.officer_title[1:]}"
    subtitle_number = f"số {number} " if number else ""
    return nd.NoticeDocument(
        round_id=rnd.id,
        header=header,
        bases=_bases(sources, rnd, day),
        paragraphs=nd.body(commune, nominees, rnd.period, rnd.notice_start, rnd.notice_end,
                           rnd.notice_days, contact, kind=profile.kind.label.lower()),
        start=rnd.notice_start,
        end=rnd.notice_end,
        list_title="DANH SÁCH CÔNG KHAI",
        list_subtitle=f"(Kèm theo Thông báo {subtitle_number}ngày {day:%d/%m/%Y} của "
                      f"{profile.issuer})",
        sections=nd.sections(nominees),
        recipients=nd.recipients(commune),
        signature=_signer(sources, rnd, profile),
    )  # fmt: skip


def _bases(sources, rnd: RoundItem, day) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    try:
        rules = sources.rules.in_force(day)
        code, basis = rules.code, rules.basis.text
    except UserError:
        code, basis = "", ""
    lines = default_bases(day, code, basis, rnd.kind, None)[1:]
    return punctuated(lines if basis else lines[:1] + lines[2:])


def _signer(sources, rnd: RoundItem, profile: CommuneProfile) -> SignatureBlock:  # type: ignore[no-untyped-def]
    """The People's Committee signs: the chairman, or the vice-chairman who signed the round's
    own decision "KT. CHỦ TỊCH" (the leader in charge of the field signs its notice too)."""
    for item in sources.decisions.list(rnd.year):
        if item.kind is not DecisionKind.AWARD or not item.signer_name:
            continue
        detail = sources.decisions.detail(item.id)
        if detail.round_id == rnd.id and detail.sign_variant is SignVariant.KT:
            return SignatureBlock(
                signature_lines(SignVariant.KT, detail.signer_title or "Phó Chủ tịch",
                                collective=True), item.signer_name,
            )  # fmt: skip
    return SignatureBlock(signature_lines(SignVariant.TM, "Chủ tịch"), profile.chairman)
