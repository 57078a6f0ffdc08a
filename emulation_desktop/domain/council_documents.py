"""The words of the council's papers: the Giấy mời họp Hội đồng (NĐ 30 Mẫu 1.7), the Quyết
định kiện toàn Hội đồng (Mẫu 1.3), and the sentences of the Biên bản họp (Mẫu 1.9) and of the
Phiếu bầu, whose data are `council_minutes.Minutes` and `Ballot`.

Everything here is final text; the .docx kinds only place it.

The biên bản and the phiếu bầu are headed by the council itself under its parent body
("UBND XÃ CÁT THÀNH" / "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG"), numbered "…/BB-HĐTĐKT": the
meeting is the council's act, signed by its chair and secretary, not a paper of the UBND (which
would be signed "TM. ỦY BAN NHÂN DÂN"); NĐ 30 Phụ lục I puts such a parent body above the
issuing one, not bold. The giấy mời and the quyết định are the UBND's, numbered …/GM-UBND and
…/QĐ-UBND.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from emulation_desktop.domain.council import Member, default_voting
from emulation_desktop.domain.council_minutes import Minutes, MinutesAward, MinutesLine
from emulation_desktop.domain.decision_documents import Article, DocumentHeader, SignatureBlock
from emulation_desktop.domain.decision_text import long_date
from emulation_desktop.domain.enums import CouncilRole
from emulation_desktop.domain.text import closed, document_quotes, lower_first
from emulation_desktop.domain.text_blocks import TextBlock

COUNCIL = "Hội đồng Thi đua – Khen thưởng"
COUNCIL_LINES = ("HỘI ĐỒNG THI ĐUA –", "KHEN THƯỞNG")  # one line is wider than the 62 mm column
MINUTES_SYMBOL = "BB-HĐTĐKT"
INVITATION_SYMBOL = "GM-UBND"
DECISION_SYMBOL = "QĐ-UBND"
BLANK_TIME = "…… giờ …… phút"
_GROUP = "Hội đồng Thi đua – Khen thưởng"

COUNCIL_TASKS = TextBlock(
    "hoi_dong.nhiem_vu",
    _GROUP,
    "Quyết định kiện toàn Hội đồng: nhiệm vụ (Điều 2)",
    "Hội đồng Thi đua – Khen thưởng {xa} có nhiệm vụ tham mưu, giúp Chủ tịch Ủy ban nhân dân "
    "{xa} tổ chức, phát động các phong trào thi đua; định kỳ sơ kết, tổng kết, đánh giá kết "
    "quả các phong trào thi đua và công tác khen thưởng; đề xuất chủ trương, biện pháp đẩy "
    "mạnh phong trào thi đua, nhân rộng điển hình tiên tiến; kiểm tra, giám sát việc thực hiện "
    "chính sách, pháp luật về thi đua, khen thưởng; xét, đề nghị Chủ tịch Ủy ban nhân dân {xa} "
    "quyết định tặng danh hiệu thi đua, hình thức khen thưởng theo thẩm quyền hoặc đề nghị cấp "
    "trên khen thưởng. Hội đồng làm việc theo Quy chế do Chủ tịch Hội đồng ban hành; các thành "
    "viên Hội đồng làm việc theo chế độ kiêm nhiệm.",
)
INVITATION_REQUEST = TextBlock(
    "hoi_dong.giay_moi_de_nghi",
    _GROUP,
    "Giấy mời họp Hội đồng: đề nghị thành viên",
    "Đề nghị các thành viên Hội đồng nghiên cứu trước hồ sơ đề nghị khen thưởng và tham dự "
    "cuộc họp đầy đủ, đúng giờ; trường hợp vắng mặt, báo cáo Chủ tịch Hội đồng và có ý kiến "
    "bằng văn bản gửi Thư ký Hội đồng trước cuộc họp.",
)
BLOCKS: tuple[TextBlock, ...] = (COUNCIL_TASKS, INVITATION_REQUEST)

_WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
_ROLE_IN_DECISION = {
    CouncilRole.CHAIR: "Chủ tịch Hội đồng",
    CouncilRole.STANDING_VICE: "Phó Chủ tịch thường trực Hội đồng",
    CouncilRole.VICE: "Phó Chủ tịch Hội đồng",
    CouncilRole.MEMBER: "Ủy viên",
    CouncilRole.SECRETARY: "Thư ký Hội đồng",
}
_REFERENCE = re.compile(r"(?<![\d/])(\d{1,4})\s*/\s*((?:[A-ZĐ][A-Za-zĐđ]*)(?:-[A-ZĐ][A-Za-zĐđ]*)+)")
_DAY = re.compile(r"ngày\s+(\d{1,2})\s*(?:/|-|\s+tháng\s+)(\d{1,2})\s*(?:/|-|\s+năm\s+)(\d{4})")


# Small texts ----------------------------------------------------------------------------------


def invitation_day(today: dt.date, held_on: dt.date) -> dt.date:
    """The day a giấy mời is dated: today while the meeting is ahead; printed on or after the
    meeting's day it is dated three days before it, when it was sent."""
    return today if today < held_on else held_on - dt.timedelta(days=3)


def meeting_subject(round_name: str) -> str:
    """What the council meets for, after "Họp Hội đồng …": "xét khen thưởng cuối năm 2025",
    "bình xét “Gia đình văn hóa” năm 2024", "xét khen thưởng đột xuất tháng 8/2026"."""
    name = lower_first(round_name.strip())
    if name.startswith(("xét", "bình xét", "họp")):
        return name
    return f"xét {name}" if name else "xét khen thưởng"


def weekday(day: dt.date) -> str:
    return _WEEKDAYS[day.weekday()]


def meeting_time(day: dt.date, at: dt.time | None = None) -> str:
    """ "08 giờ 00 phút, thứ Sáu, ngày 12 tháng 12 năm 2025"; without an hour the văn thư
    writes it in: "…… giờ …… phút, thứ Sáu, …"."""
    hour = f"{at.hour:02d} giờ {at.minute:02d} phút" if at else BLANK_TIME
    return f"{hour}, {weekday(day)}, {long_date(day)}"


def decision_reference(text: str) -> tuple[str, dt.date | None]:
    """The number and the day a typed reference holds: "Quyết định số 5/QĐ-UBND ngày
    01/7/2025" → ("05/QĐ-UBND", 2025-07-01); ("", None) where nothing is recognised."""
    number = ""
    if m := _REFERENCE.search(text or ""):
        number = f"{int(m.group(1)):02d}/{m.group(2)}"
    day = None
    if d := _DAY.search(text or ""):
        try:
            day = dt.date(int(d.group(3)), int(d.group(2)), int(d.group(1)))
        except ValueError:
            day = None
    return number, day


def counted(n: int | None, unit: str) -> str:
    """ "12 phiếu", "08 phiếu" (two digits, as the văn thư writes counts), or dots to fill in
    by hand when the officer entered nothing."""
    return f"…… {unit}" if n is None else f"{n:02d} {unit}"


# Legal citations -------------------------------------------------------------------------------

_DOC_TYPES = (
    "Bộ luật|Luật|Pháp lệnh|Nghị quyết|Nghị định|Thông tư liên tịch|Thông tư|Quyết định|"
    "Chỉ thị|Kế hoạch|Hướng dẫn|Công văn"
)
_LETTER = r"[a-zđ](?!\w)"
_CITATION = re.compile(
    r"(?<!\w)Điều\s+(?P<article>\d+[a-zđ]?)"
    r"(?:\s*,?\s+khoản\s+(?P<clauses>\d+(?:\s*(?:,|và)\s*\d+)*))?"
    rf"(?:\s*,?\s+điểm\s+(?P<points>{_LETTER}(?:\s*(?:,|và)\s*{_LETTER})*))?"
    rf"(?=\s+(?:{_DOC_TYPES})(?!\w)|\s*[);,.]|\s*$)"
)
_NUMBERED = re.compile(rf"(?<!\w)({_DOC_TYPES})\s+(?=\d+/)")
# the confidence mark a rule's basis carries on screen: "… NĐ-CP ?", "(… NĐ-CP ✓)"
_MARK = re.compile(r"\s+[✓⚠?](?=\s*(?:[);]|$))")


def _each(word: str, items: str, pattern: str) -> str:
    """ "đ, e" → "điểm đ, điểm e"; "2 và 3" → "khoản 2 và khoản 3"."""
    items = re.sub(r"\s*,\s*", ", ", re.sub(r"\s+và\s+", " và ", items.strip()))
    return re.sub(pattern, lambda m: f"{word} {m.group()}", items)


def _reordered(m: re.Match[str]) -> str:
    clauses, points = m.group("clauses"), m.group("points")
    if points and clauses and not clauses.isdigit():
        return m.group()  # points of several clauses: which belongs where is not said
    parts = []
    if points:
        parts.append(_each("điểm", points, _LETTER))
    if clauses:
        parts.append(_each("khoản", clauses, r"\d+"))
    parts.append(f"Điều {m.group('article')}")
    return " ".join(parts)


def legal_citation(text: str) -> str:
    """A citation in the order NĐ 30 Phụ lục II writes it, smallest unit first, with "số"
    before a document's number: "Điều 6 khoản 2 điểm đ, e Nghị định 152/2025/NĐ-CP" →
    "điểm đ, điểm e khoản 2 Điều 6 Nghị định số 152/2025/NĐ-CP". Anything not recognised
    ("Điều 54 và tiếp theo", "Điều 3; Điều 33 khoản 10 …" in part) is left as written."""
    text = _CITATION.sub(_reordered, text or "")
    return _NUMBERED.sub(lambda m: f"{m.group(1)} số ", text)


# Quyết định kiện toàn Hội đồng ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CouncilDecisionDocument:
    """Quyết định kiện toàn (or thành lập) Hội đồng TĐKT: Điều 1 with the members, one per
    line ("1. Ông Nguyễn Văn Thắng – Chủ tịch UBND xã – Chủ tịch Hội đồng;"), Điều 2 the
    council's tasks, Điều 3 the effect and who carries it out."""

    council_id: int
    header: DocumentHeader
    authority: str
    bases: tuple[str, ...]  # punctuated
    articles: tuple[Article, ...]  # the members come right after the first
    members: tuple[str, ...]
    signature: SignatureBlock
    recipients: tuple[str, ...]


def role_in_decision(role: CouncilRole, voting: bool) -> str:
    """The role as a decision names it; a vote that differs from the role's usual one is said
    ("Ủy viên (không biểu quyết)", "Thư ký Hội đồng (có quyền biểu quyết)")."""
    text = _ROLE_IN_DECISION[role]
    if voting != default_voting(role):
        text += " (có quyền biểu quyết)" if voting else " (không biểu quyết)"
    return text


def member_lines(members: Sequence[Member], honorifics: Sequence[str]) -> tuple[str, ...]:
    """ "1. Ông Nguyễn Văn Thắng – Chủ tịch UBND xã – Chủ tịch Hội đồng;" … the last ending
    with "."; `honorifics` ("Ông"/"Bà", or "" when not known) in the same order. Honorifics
    are printed only when every member has one, so the list reads alike."""
    use = bool(members) and all(honorifics)
    out = []
    for i, (m, h) in enumerate(zip(members, honorifics, strict=True), 1):
        parts = [f"{h} {m.name}" if use else m.name]
        if m.title:
            parts.append(m.title)
        parts.append(role_in_decision(m.role, m.voting))
        end = "." if i == len(members) else ";"
        out.append(f"{i}. " + " – ".join(parts) + end)
    return tuple(out)


def council_verb(*texts: str) -> str:
    """ "thành lập" when the composition's decision or note says so, else "kiện toàn"."""
    return "thành lập" if any("thành lập" in t.lower() for t in texts) else "kiện toàn"


def council_articles(
    *,
    verb: str,
    commune: str,
    tasks: str,
    effective: str,
    replaces: str,
    officer_title: str,
) -> tuple[Article, ...]:
    """Điều 1–3. `commune` "xã Cát Thành"; `effective` "kể từ ngày ký" or "kể từ ngày 01
    tháng 7 năm 2025"; `replaces` the previous composition's decision ("" for none)."""
    officer = lower_first(officer_title) or "công chức phụ trách công tác thi đua, khen thưởng"
    first = f"{verb[:1].upper()}{verb[1:]} {COUNCIL} {commune} gồm các ông (bà) có tên sau:"
    replaced = f" và thay thế {replaces}" if replaces else ""
    third = (
        f"Quyết định này có hiệu lực {effective}{replaced}. Chánh Văn phòng Hội đồng nhân dân "
        f"và Ủy ban nhân dân {commune}, {officer}, các cơ quan, đơn vị có liên quan và các ông "
        "(bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này"
    )
    return (Article("Điều 1.", first), Article("Điều 2.", tasks), Article("Điều 3.", closed(third)))


def council_recipients(kind: str) -> tuple[str, ...]:
    """`kind` "xã", "phường" or "đặc khu"."""
    return (
        "- Như Điều 3;",
        f"- Thường trực Đảng ủy, HĐND {kind} (b/c);",
        f"- Chủ tịch, các Phó Chủ tịch UBND {kind};",
        "- Lưu: VT.",
    )


# Giấy mời họp Hội đồng --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InvitationDocument:
    """Giấy mời họp Hội đồng (Mẫu 1.7): who invites whom, to what, when, where, for what."""

    round_id: int
    header: DocumentHeader
    host: str  # "Ủy ban nhân dân xã Cát Thành"
    invitees: str  # "Các thành viên Hội đồng … (theo Quyết định số …)"
    purpose: str  # "Tới dự cuộc họp Hội đồng … xét khen thưởng cuối năm 2025."
    time: str  # "…… giờ …… phút, thứ Sáu, ngày 12 tháng 12 năm 2025"
    place: str
    content: str
    request: str
    signature: SignatureBlock
    recipients: tuple[str, ...]


def invitees_text(commune: str, decision_text: str) -> str:
    """ "Các thành viên Hội đồng Thi đua – Khen thưởng xã Cát Thành (theo Quyết định số
    12/QĐ-UBND ngày 01/7/2025)"."""
    basis = f"theo {decision_text}" if decision_text else "theo danh sách"
    return f"Các thành viên {COUNCIL} {commune} ({basis})"


def invitation_content(round_name: str, groups: Sequence[tuple[str, int]]) -> str:
    """ "Xét khen thưởng cuối năm 2025: 143 trường hợp được đề nghị (Lao động tiên tiến: 116;
    …); bỏ phiếu và thống nhất danh sách đề nghị khen thưởng." """
    total = sum(n for _, n in groups)
    head = meeting_subject(round_name)
    head = head[:1].upper() + head[1:]
    detail = "; ".join(f"{name}: {n}" for name, n in groups)
    cases = f": {total} trường hợp được đề nghị ({detail})" if total else ""
    return f"{head}{cases}; bỏ phiếu và thống nhất danh sách đề nghị khen thưởng."


# Biên bản họp Hội đồng ---------------------------------------------------------------------------


def minutes_title(m: Minutes) -> str:
    return "BIÊN BẢN" if m.final else "BIÊN BẢN (DỰ THẢO)"


def minutes_summary(m: Minutes) -> str:
    where = f" {lower_first(m.commune)}" if m.commune else ""
    return f"Họp {COUNCIL}{where}\n{meeting_subject(m.round_name)}"


def closing_time(m: Minutes) -> str:
    """When the meeting ended: the closing time recorded that same day, else dots."""
    at = m.closed_at
    if at is not None and at.date() == m.held_on:
        return f"{at.hour:02d} giờ {at.minute:02d} phút"
    return BLANK_TIME


def person(name: str, title: str) -> str:
    return f"{name} – {title}" if title else name


def attendance_lines(m: Minutes) -> tuple[str, ...]:
    """The members present, numbered, with title and role ("(không biểu quyết)" for who does
    not vote), each ending with ";" and the last with "."."""
    here = [x for x in m.members if x.present]
    out = []
    for i, x in enumerate(here, 1):
        role = x.role + ("" if x.voting else " (không biểu quyết)")
        end = "." if i == len(here) else ";"
        out.append(f"{i}. {person(x.name, x.title)} – {role}{end}")
    return tuple(out)


def absent_lines(m: Minutes) -> tuple[str, ...]:
    out = []
    for x in m.absent:
        why = f" ({lower_first(x.note.rstrip('.'))})" if x.note else " (không rõ lý do)"
        out.append(f"- {person(x.name, x.title)} – {x.role}{why}.")
    return tuple(out)


def attendance_head(m: Minutes) -> str:
    council = f"{COUNCIL} {lower_first(m.commune)}" if m.commune else COUNCIL
    basis = f" (theo {m.council_decision})" if m.council_decision else ""
    here = sum(1 for x in m.members if x.present)
    return f"{council}{basis}, có mặt {here}/{len(m.members)} thành viên:"


def quorum_sentence(m: Minutes) -> str:
    enough = m.present >= m.quorum_needed
    verdict = (
        "cuộc họp đủ điều kiện tiến hành theo quy định"
        if enough
        else "chưa đủ số thành viên để cuộc họp tiến hành"
    )
    return f"Có {m.quorum_text}; {verdict}."


def ordered_awards(m: Minutes) -> tuple[MinutesAward, ...]:
    """The awards in the order their candidates come on the ballot paper."""
    first: dict[str, int] = {}
    for i, line in enumerate(m.lines):
        first.setdefault(line.award_code, i)
    return tuple(sorted(m.awards, key=lambda a: first.get(a.code, len(m.lines))))


def printed_basis(basis: str) -> str:
    """A rule's basis as a signed paper cites it: the confidence mark the screens show
    ("✓", "⚠", "?") left out, the citation in NĐ 30 order."""
    return legal_citation(_MARK.sub("", basis))


def award_rule_line(a: MinutesAward, last: bool) -> str:
    cited = printed_basis(a.basis)
    basis = f" ({cited})" if cited else ""
    return f"- {a.name}: đạt khi được {a.threshold} đồng ý{basis}" + ("." if last else ";")


def rules_sentence(m: Minutes) -> str:
    rules = f" theo {legal_citation(m.rules_name)}" if m.rules_name else ""
    return (
        f"Căn cứ tiêu chuẩn, điều kiện{rules} và quy định về tỷ lệ phiếu, Hội đồng thống nhất "
        "điều kiện đạt của từng danh hiệu, hình thức khen thưởng như sau:"
    )


def ballot_sentence(m: Minutes) -> str:
    how = "bỏ phiếu kín" if m.secret_ballot else "biểu quyết"
    base = {a.base for a in m.awards}
    on = ""
    if len(base) == 1:
        on = f"; tỷ lệ phần trăm tính trên {base.pop()} thành viên Hội đồng có quyền biểu quyết"
    return (
        f"Hội đồng tiến hành {how}. Số phiếu phát ra: {counted(m.ballots_issued, 'phiếu')}; số "
        f"phiếu thu về hợp lệ: {counted(m.ballots_valid, 'phiếu')}{on}."
    )


def award_heading(i: int, a: MinutesAward) -> str:
    letters = "abcdđeghiklmnopqrstuvxy"  # the points of a Vietnamese legal text
    letter = letters[i] if i < len(letters) else str(i + 1)
    return f"{letter}) {a.name}: {a.candidates} trường hợp, cần từ {a.needed}/{a.base} phiếu"


def vote_result(line: MinutesLine) -> str:
    """ "Đạt", or "Đạt (*)" where the council decided with a reason given below."""
    return line.result + (" (*)" if line.reason else "")


def vote_rows(m: Minutes) -> dict[str, list[list[str]]]:
    """Per award code, the rows of its vote table numbered through the whole paper (as the
    ballot numbers them): STT, name, unit, votes, percent, result."""
    out: dict[str, list[list[str]]] = {a.code: [] for a in ordered_awards(m)}
    number = 0
    for a in ordered_awards(m):
        for line in (x for x in m.lines if x.award_code == a.code):
            number += 1
            out[a.code].append(
                [str(number), line.name, line.place, str(line.votes), line.percent,
                 vote_result(line)]
            )  # fmt: skip
    return out


def override_lines(m: Minutes) -> tuple[str, ...]:
    """Each line the council decided itself (against the count, or among a tie) with its
    reason; then each line a cap or a tie touched without a reason of the council."""
    out = []
    for x in m.overrides:
        what = (
            "chọn trong số trường hợp bằng phiếu"
            if x.tie
            else ("quyết định khác với kết quả tính theo tỷ lệ phiếu")
        )
        out.append(
            f"- {x.name} ({x.award_name}, {x.votes} phiếu, {x.percent}): Hội đồng {what}, kết "
            f"quả “{x.result}”. Lý do: {x.reason.rstrip('.')}."
        )
    for x in m.lines:
        if x.note and not x.reason:
            out.append(f"- {x.name} ({x.award_name}, {x.votes} phiếu): {x.note.rstrip('.')}.")
    return tuple(document_quotes(x) for x in out)


def cap_lines(m: Minutes) -> tuple[str, ...]:
    """The limits on numbers the meeting met, as sentences of the paper."""
    return tuple(printed_basis(document_quotes(f"- {x.rstrip('.')}.")) for x in m.caps)


def result_lines(m: Minutes) -> tuple[str, ...]:
    awards = ordered_awards(m)
    out = []
    for i, a in enumerate(awards):
        end = "." if i == len(awards) - 1 else ";"
        out.append(f"- {a.name}: {a.passed}/{a.candidates} trường hợp đạt{end}")
    return tuple(out)


def result_sentence(m: Minutes) -> str:
    passed, total = len(m.passed), len(m.lines)
    return (
        f"Kết quả: {passed}/{total} trường hợp đạt. Hội đồng thống nhất đề nghị cấp có thẩm "
        "quyền công nhận danh hiệu thi đua, khen thưởng đối với các trường hợp có kết quả "
        "“Đạt” nêu trên, cụ thể:"
    )


def end_sentence(m: Minutes) -> str:
    return closed(
        f"Cuộc họp kết thúc vào hồi {closing_time(m)} cùng ngày. Biên bản đã được đọc lại "
        "cho các thành viên dự họp nghe và nhất trí thông qua"
    )


def start_text(m: Minutes) -> str:
    at = dt.time.fromisoformat(m.starts_at) if m.starts_at else None
    return f"Vào hồi {meeting_time(m.held_on, at)}."


def overrides_heading(m: Minutes) -> str:
    parts = []
    if m.overrides:
        parts.append("Trường hợp Hội đồng quyết định (đánh dấu (*) trong bảng)")
    if m.caps or any(x.note and not x.reason for x in m.lines):
        parts.append("giới hạn số lượng" if parts else "Giới hạn số lượng")
    return " và ".join(parts) + ":"
