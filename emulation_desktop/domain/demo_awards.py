"""How every award of the demo came about: nomination rounds, the council's meetings, the
commune's decisions with their numbers in the document book, proposals to the district (2024)
and the province (2025), and each award's money and số sổ.

Each year has a Gia đình văn hóa round in November, a thôn/tổ dân phố văn hóa round, a year-end
round (LĐTT, CSTĐCS, TTLĐTT; in 2025 also the province's awards for the best office and a
two-year "xuất sắc") and the culture movement's Giấy khen; 2026 adds a sudden Giấy khen in
August, decides Gia đình văn hóa before 25/11 and leaves its year-end list in draft, so a
newcomer sees work in progress. One CSTĐCS hopeful fails the vote. Every meeting is held, and
every decision dated, so that the steps of `domain.workflow` and the notice period hold.
Pure and seeded like `demo_history`.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from emulation_desktop.domain import demo_award_texts as texts
from emulation_desktop.domain.demo_award_seeds import (
    PROVINCE,
    Seed,
    Seeds,
    draft_seeds,
    province_awards,
    sudden_awards,
)
from emulation_desktop.domain.demo_council import (
    CouncilDraft,
    MeetingDraft,
    Session,
    demo_councils,
    hold_meeting,
)
from emulation_desktop.domain.demo_cycle import DemoCycle, culture_key
from emulation_desktop.domain.demo_data import DemoCommune
from emulation_desktop.domain.demo_doc_book import Book, DocDraft
from emulation_desktop.domain.demo_history import AwardDraft, DemoHistory
from emulation_desktop.domain.doc_numbers import document_number, register_number
from emulation_desktop.domain.enums import (
    AwardKind,
    DecisionKind,
    DocType,
    DossierKind,
    NominationStatus,
    RoundKind,
    RoundStatus,
    SignVariant,
    SubjectKind,
)
from emulation_desktop.domain.money import amount_for
from emulation_desktop.domain.movements import short_date
from emulation_desktop.domain.rules.files import rule_set_in_force
from emulation_desktop.domain.rules.shipped import ShippedRules, load_shipped

_K = RoundKind
COMMUNE = "Chủ tịch UBND xã Cát Thành"
# Days from the round's meeting to its first decision; the 10-day notice starts 2 days after.
_LEAD = {_K.FAMILY: 17, _K.VILLAGE: 15, _K.YEAR_END: 8, _K.MOVEMENT: 6, _K.SUDDEN: 3}
_NAMES = {
    _K.FAMILY: "Bình xét “Gia đình văn hóa” năm {y}",
    _K.VILLAGE: "Xét công nhận “Thôn, tổ dân phố văn hóa” năm {y}",
    _K.YEAR_END: "Xét khen thưởng cuối năm {y}",
    _K.MOVEMENT: "Khen thưởng phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” năm {y}",
    _K.SUDDEN: "Khen thưởng đột xuất tháng 8/{y}",
}
_CODES = {_K.FAMILY: ("GDVH",), _K.VILLAGE: ("THON_TDP_VH",),
          _K.YEAR_END: ("LDTT", "CSTDCS", "TTLDTT", *PROVINCE), _K.MOVEMENT: ("GIAY_KHEN_CA_NHAN",),
          _K.SUDDEN: ()}  # fmt: skip
_KIND_ORDER = {SubjectKind.UNIT: 0, SubjectKind.HOUSEHOLD: 1, SubjectKind.PERSON: 2}


@dataclass(frozen=True, slots=True)
class DecisionDraft:
    kind: DecisionKind
    round: int
    number: str
    issued_on: dt.date
    issuer: str
    summary: str
    register: int | None  # index in `DemoAwards.register`; None for a higher level's
    signer_name: str = ""
    signer_title: str = "CHỦ TỊCH"
    sign_variant: SignVariant = SignVariant.DIRECT
    bases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ProposalDraft:
    round: int
    register: int
    recipient: str
    issued_on: dt.date
    signer_name: str
    number: str = ""  # set once the book is numbered


@dataclass(frozen=True, slots=True)
class NominationDraft:
    round: int
    position: int
    seed: Seed
    status: NominationStatus
    decision: int | None = None
    proposal: int | None = None


@dataclass(frozen=True, slots=True)
class RoundDraft:
    year: int
    kind: RoundKind
    name: str
    status: RoundStatus
    received_on: dt.date | None
    meeting: MeetingDraft | None
    dossier: tuple[tuple[DossierKind, str, bool], ...]
    movement_key: str | None = None
    notice: int | None = None  # index of its Thông báo in the book
    notice_start: dt.date | None = None
    notice_document: str = ""

    @property
    def period(self) -> str:
        return f"năm {self.year}"


@dataclass(frozen=True, slots=True)
class AwardLink:
    """What ties an award of `DemoAwards.awards` to the workflow."""

    nomination: int
    decision: int
    amount: int | None
    register_seq: int | None = None


@dataclass(frozen=True, slots=True)
class DemoAwards:
    councils: tuple[CouncilDraft, ...]
    rounds: tuple[RoundDraft, ...]
    nominations: tuple[NominationDraft, ...]
    decisions: tuple[DecisionDraft, ...]
    proposals: tuple[ProposalDraft, ...]
    register: tuple[DocDraft, ...]  # the document book
    awards: tuple[AwardDraft, ...]  # the history's, then the higher levels' and sudden ones
    links: tuple[AwardLink | None, ...]  # one per award


class _Builder:
    def __init__(self, demo: DemoCommune, cycle: DemoCycle, history: DemoHistory,
                 rng: random.Random, shipped: ShippedRules) -> None:  # fmt: skip
        self.demo, self.rng, self.shipped = demo, rng, shipped
        self.seeds = Seeds(demo, cycle, history, rng)
        self.councils = demo_councils(demo)
        self.awards = list(history.awards)
        self.links: dict[int, AwardLink] = {}
        self.rounds: list[RoundDraft] = []
        self.nominations: list[NominationDraft] = []
        self.decisions: list[DecisionDraft] = []
        self.proposals: list[ProposalDraft] = []
        self.book = Book()
        self.turn = 0
        self.amounts: dict[tuple[str, dt.date], int | None] = {}
        self.chairman = demo.profile.chairman
        self.vice = demo.profile.vice_chairmen[0]

    @property
    def failed(self) -> bool:
        return any(n.status is NominationStatus.FAILED for n in self.nominations)

    def add_awards(self, extra: Sequence[AwardDraft]) -> list[int]:
        self.awards += extra
        return list(range(len(self.awards) - len(extra), len(self.awards)))

    def of(self, year: int, kind: RoundKind) -> list[int]:
        return [n for n, a in enumerate(self.awards) if a.year == year
                and a.code in _CODES[kind]]  # fmt: skip

    def ordered(self, seeds: list[Seed], day: dt.date) -> list[Seed]:
        """Higher awards first, then collectives, households, people by name (ceremony order,
        in which số sổ are given)."""
        rank = {a.code: a.rank for a in rule_set_in_force(self.shipped.rule_sets, day).awards}
        return sorted(seeds, key=lambda s: (-rank[s.code], _KIND_ORDER[s.who.kind], s.sort_key))

    def decided_round(self, year: int, kind: RoundKind, award_ids: list[int],
                      status: RoundStatus = RoundStatus.AWARDED,
                      failed: Sequence[Seed] = ()) -> None:  # fmt: skip
        first = min(self.awards[n].decision_date for n in award_ids)
        held_on = first - dt.timedelta(days=_LEAD[kind])
        r = len(self.rounds)
        name = _NAMES[kind].format(y=year)
        seeds = self.ordered([self.seeds.for_award(n, self.awards[n]) for n in award_ids]
                             + list(failed), held_on)  # fmt: skip
        candidates = [self.seeds.candidate(s, fail=s.award is None) for s in seeds]
        self.turn += 1
        meeting = hold_meeting(self.rng, self.demo, self.councils, self.shipped.rule_sets,
                               Session(name, year, held_on, self.turn), candidates)  # fmt: skip
        notice = start = None
        if kind.needs_notice:
            start = held_on + dt.timedelta(days=2)
            notice = self.book.add(start, DocType.NOTICE, texts.notice_summary(kind, year))
        decisions: dict[tuple[str, dt.date, str], int] = {}
        proposals: dict[str, int] = {}
        for position, seed in enumerate(seeds, 1):
            if seed.award is None:
                self.nominations.append(NominationDraft(r, position, seed, NominationStatus.FAILED))
                continue
            a = self.awards[seed.award]
            key = (a.decision_number, a.decision_date, a.issuer)
            if key not in decisions:
                decisions[key] = self.decision(r, kind, a, held_on, seeds)
            d = decisions[key]
            own = a.issuer == COMMUNE
            p = None
            if not own:
                if a.issuer not in proposals:
                    proposals[a.issuer] = self.proposal(r, a.issuer, seeds, held_on, notice)
                p = proposals[a.issuer]
            status_ = NominationStatus.DECIDED if own else NominationStatus.AWARDED
            self.nominations.append(NominationDraft(r, position, seed, status_, d, p))
            self.links[seed.award] = AwardLink(len(self.nominations) - 1, d,
                                               self.amount(a) if own else None)  # fmt: skip
        movement = culture_key(year) if kind is _K.MOVEMENT else None
        self.rounds.append(RoundDraft(
            year, kind, name, status, held_on - dt.timedelta(days=5), meeting,
            _dossier(kind, done=True), movement, notice, start,
        ))  # fmt: skip

    def decision(self, r: int, kind: RoundKind, a: AwardDraft, held_on: dt.date,
                 seeds: list[Seed]) -> int:  # fmt: skip
        if a.issuer != COMMUNE:  # recorded from the higher level's paper
            names = self.names(seeds, lambda x: x.decision_number == a.decision_number)
            summary = texts.higher_summary(names, a.kind is AwardKind.TITLE, a.year)
            higher = (a.decision_number, a.decision_date, a.issuer, summary, None)
            self.decisions.append(DecisionDraft(DecisionKind.HIGHER, r, *higher))
            return len(self.decisions) - 1
        summary = texts.decision_summary(self.short_name(a), a.kind is AwardKind.TITLE, a.year,
                                         kind is _K.SUDDEN)  # fmt: skip
        number = int(a.decision_number.split("/")[0])
        book = self.book.add(a.decision_date, DocType.DECISION, summary, number)
        # The vice-chairman for culture signs the culture titles on the chairman's behalf.
        culture = kind in (_K.FAMILY, _K.VILLAGE)
        if kind is _K.SUDDEN:
            proposer = "Trưởng Công an xã"
        elif a.decision_date >= texts.REFORM_DAY:
            proposer = "Trưởng phòng Văn hóa – Xã hội"
        else:
            proposer = "công chức Văn hóa – Xã hội"
        self.decisions.append(DecisionDraft(
            DecisionKind.AWARD, r, document_number(number, "QĐ-UBND"), a.decision_date,
            COMMUNE, summary, book, self.vice if culture else self.chairman,
            "PHÓ CHỦ TỊCH" if culture else "CHỦ TỊCH",
            SignVariant.KT if culture else SignVariant.DIRECT,
            texts.bases(a.decision_date, kind, held_on, proposer),
        ))  # fmt: skip
        return len(self.decisions) - 1

    def names(self, seeds: list[Seed], which: Callable[[AwardDraft], bool]) -> list[str]:
        awarded = [self.awards[x.award] for x in seeds if x.award is not None]
        return sorted({self.short_name(a) for a in awarded if which(a)})

    def proposal(self, r: int, issuer: str, seeds: list[Seed], held_on: dt.date,
                 notice: int | None) -> int:  # fmt: skip
        day = held_on + dt.timedelta(days=12 if notice is not None else 1)
        names = self.names(seeds, lambda a: a.issuer == issuer)
        summary = texts.proposal_summary(issuer, names, held_on.year)
        book = self.book.add(day, DocType.SUBMISSION, summary)
        self.proposals.append(ProposalDraft(r, book, issuer, day, self.chairman))
        return len(self.proposals) - 1

    def short_name(self, a: AwardDraft) -> str:
        """The catalog's name of a title («Thôn, tổ dân phố văn hóa»); a form by its own
        («Bằng khen của Chủ tịch UBND tỉnh»), without the subject kind."""
        return self.seeds.award_names[a.code] if a.kind is AwardKind.TITLE else a.name

    def amount(self, a: AwardDraft) -> int | None:
        key = (a.code, a.decision_date)
        if key not in self.amounts:
            rules = rule_set_in_force(self.shipped.rule_sets, a.decision_date)
            self.amounts[key] = amount_for(rules.award(a.code), a.decision_date,
                                           rounding=rules.rounding,
                                           history=self.shipped.base_salaries)  # fmt: skip
        return self.amounts[key]

    def draft_round(self, year: int) -> None:
        r = len(self.rounds)
        seeds = self.ordered(draft_seeds(self.seeds, year), dt.date(year, 11, 24))
        for position, seed in enumerate(seeds, 1):
            self.nominations.append(NominationDraft(r, position, seed, NominationStatus.PROPOSED))
        self.rounds.append(RoundDraft(year, _K.YEAR_END, _NAMES[_K.YEAR_END].format(y=year),
                                      RoundStatus.DRAFT, None, None,
                                      _dossier(_K.YEAR_END, done=False)))  # fmt: skip

    def finish(self) -> DemoAwards:
        book = self.book.numbered()
        self.number_the_register()
        proposals = [replace(p, number=book[p.register].text) for p in self.proposals]
        rounds = [
            replace(r, notice_document=f"Thông báo số {book[r.notice].text} ngày "
                    f"{short_date(book[r.notice].issued_on)}")
            if r.notice is not None else r
            for r in self.rounds
        ]  # fmt: skip
        links = tuple(self.links.get(n) for n in range(len(self.awards)))
        awards = tuple(
            replace(a, register_number=register_number(link.register_seq, a.decision_date.year))
            if link is not None and link.register_seq is not None
            else a
            for a, link in zip(self.awards, links, strict=True)
        )
        return DemoAwards(self.councils, tuple(rounds), tuple(self.nominations),
                          tuple(self.decisions), tuple(proposals), book, awards,
                          links)  # fmt: skip

    def number_the_register(self) -> None:
        """Số sổ: from 1 every year, in the order of the commune's decisions and their lists."""
        own = sorted(
            (d.issued_on, int(d.number.split("/")[0]), n)
            for n, d in enumerate(self.decisions)
            if d.kind is DecisionKind.AWARD
        )
        by_decision: dict[int, list[tuple[int, int]]] = {}
        for award, link in self.links.items():
            by_decision.setdefault(link.decision, []).append(
                (self.nominations[link.nomination].position, award)
            )
        seq: dict[int, int] = {}
        for day, _number, d in own:
            for _position, award in sorted(by_decision.get(d, [])):
                seq[day.year] = seq.get(day.year, 0) + 1
                self.links[award] = replace(self.links[award], register_seq=seq[day.year])


def _dossier(kind: RoundKind, done: bool) -> tuple[tuple[DossierKind, str, bool], ...]:
    items = [(DossierKind.LETTER, "Văn bản đề nghị kèm danh sách của các đơn vị", True)]
    if kind in (_K.FAMILY, _K.VILLAGE):
        items.append((DossierKind.NOTICE, "Thông báo công khai danh sách (10 ngày)", done))
    else:
        items.append((DossierKind.ACHIEVEMENT, "Báo cáo thành tích của tập thể, cá nhân", done))
    if kind is _K.YEAR_END:
        items.append((DossierKind.INITIATIVE, "Quyết định công nhận sáng kiến", done))
    items.append((DossierKind.MINUTES, "Biên bản họp Hội đồng Thi đua – Khen thưởng", done))
    return tuple(items)


def generate_demo_awards(demo: DemoCommune, cycle: DemoCycle, history: DemoHistory,
                         seed: int = 2026) -> DemoAwards:  # fmt: skip
    """The workflow behind `history.awards`: same seed, same rounds, votes and numbers."""
    b = _Builder(demo, cycle, history, random.Random(seed * 13 + 5), load_shipped())
    for year in (2024, 2025):
        b.add_awards(province_awards(b.seeds, year))  # proposed in the year-end round
        b.decided_round(year, _K.FAMILY, b.of(year, _K.FAMILY))
        b.decided_round(year, _K.VILLAGE, b.of(year, _K.VILLAGE))
        failed = [] if b.failed else b.seeds.failing(year)  # one, in the first year it can
        b.decided_round(year, _K.YEAR_END, b.of(year, _K.YEAR_END), failed=failed)
        b.decided_round(year, _K.MOVEMENT, b.of(year, _K.MOVEMENT))
    b.decided_round(2026, _K.SUDDEN, b.add_awards(sudden_awards(b.seeds, 2026)))
    b.decided_round(2026, _K.FAMILY, b.of(2026, _K.FAMILY), RoundStatus.DECIDED)
    b.draft_round(2026)
    b.book.type_in(b.councils, cycle)
    return b.finish()
