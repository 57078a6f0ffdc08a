"""Kế hoạch thi đua, khen thưởng of a year and Kế hoạch phát động of one movement (NĐ 30/2020
Mẫu 1.4), in the shape of the seed plan 21/KH-UBND of 2024: Căn cứ and "Thực hiện …", I. Mục
đích, yêu cầu; II. Nội dung (the year's theme, then one item per movement with its targets,
phases and anniversaries); III. Tổ chức thực hiện (the phases' timeline); the closing sentence,
Nơi nhận and the signature.

The commune's own wording lives in the editable blocks of `plan_blocks`; everything else comes
from the movements and the year plan. Every function here is pure: the services gather the data.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from emulation_desktop.domain.decision_documents import DocumentHeader, SignatureBlock
from emulation_desktop.domain.movements import milestone_label, phase_title, short_date
from emulation_desktop.domain.plan_blocks import (
    DIEN_HINH,
    HOI_DONG,
    KHEN_THUONG,
    MUC_DICH,
    QUAN_LY,
    TO_CHUC,
    YEU_CAU,
)
from emulation_desktop.domain.text import document_quotes, fold, lower_first
from emulation_desktop.domain.text_blocks import TextBlock


@dataclass(frozen=True, slots=True)
class PhaseData:
    number: int
    name: str
    start: dt.date
    end: dt.date
    goals: str
    milestones: tuple[str, ...]  # labels of the anniversaries this phase celebrates


@dataclass(frozen=True, slots=True)
class MovementData:
    """One movement as a plan describes it."""

    id: int
    name: str
    theme: str
    start: dt.date
    end: dt.date
    launch_line: str  # "Kế hoạch số 36/KH-UBND ngày 14/3/2024 của UBND huyện Trực Ninh"
    launch_subject: str
    launched_here: bool  # the commune launched it itself
    targets: tuple[str, ...]
    phases: tuple[PhaseData, ...]
    milestones: tuple[str, ...]  # every anniversary label, in date order
    units: tuple[str, ...] = ()
    responsible: str = ""  # "Vũ Thị Thanh Huyền, Phòng Văn hóa – Xã hội"


@dataclass(frozen=True, slots=True)
class PlanLine:
    """One paragraph of the body: `kind` "h1" (I. …), "h2" (1. …), "h3" (2.1. …), "p"."""

    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class PlanDocument:
    year: int
    movement_id: int | None  # None: the plan of the whole year
    header: DocumentHeader
    bases: tuple[str, ...]  # punctuated
    preamble: str  # "Thực hiện …; UBND xã … xây dựng Kế hoạch … như sau:"
    body: tuple[PlanLine, ...]
    ending: str  # the closing sentence, ending "./."
    recipients: tuple[str, ...]
    signature: SignatureBlock
    movements: tuple[MovementData, ...]


# Texts ----------------------------------------------------------------------------------------

def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence(text: str, end: str = ".") -> str:
    text = text.rstrip().rstrip(";,.")
    return text + end if text else ""


def doc_reference(line: str, subject: str) -> str:
    """ "Kế hoạch số 36/KH-UBND ngày 14/3/2024 của UBND huyện Trực Ninh về việc triển khai …"."""
    subject = document_quotes(subject).rstrip(" .;")
    return f"{line} về việc {lower_first(subject)}" if subject else line


def movement_title(name: str) -> str:
    """ "phong trào thi đua “Cả nước chung sức …”"; a name that already says "Thi đua …" is not
    told twice ("phong trào “Thi đua thực hiện thắng lợi …”")."""
    name = document_quotes(name)
    folded = fold(name)
    if folded.startswith(("thi dua", "phong trao")):
        return f"phong trào “{name}”"
    return f"phong trào thi đua “{name}”"


def period_phrase(start: dt.date, end: dt.date) -> str:
    return f"từ {short_date(start)} đến {short_date(end)}"


def list_lines(items: Sequence[str]) -> tuple[str, ...]:
    """ "- a;" … "- z." one per line, the plan's way of listing targets."""
    clean = [x.strip().lstrip("-+• ").rstrip(" ;,.") for x in items]
    clean = [x for x in clean if x]
    return tuple(f"- {x}{';' if i < len(clean) - 1 else '.'}" for i, x in enumerate(clean))


def anniversaries_phrase(labels: Sequence[str]) -> str:
    """ ", kỷ niệm 70 năm … (…), 80 năm … (…)" for the Mục đích; "" without any."""
    unique = list(dict.fromkeys(labels))
    return f", kỷ niệm {', '.join(unique)}" if unique else ""


def phase_line(phase: PhaseData) -> str:
    """ "- Đợt 1: … (từ 01/01/2024 đến 30/6/2024): goals; chào mừng 70 năm …"."""
    title = document_quotes(phase_title(phase.number, phase.name))
    text = f"- {title} ({period_phrase(phase.start, phase.end)})"
    goals = document_quotes(phase.goals).strip().rstrip(" .;")
    if goals:
        text += f": {goals}"
    # an anniversary the goals already name is not celebrated twice in one sentence
    told = fold(goals)
    new = [x for x in phase.milestones if fold(x.split(" (")[0]) not in told]
    if new:
        text += f"; thiết thực lập thành tích chào mừng {', '.join(new)}"
    return text + "."


def numbered(paragraphs: Sequence[str], first: int = 1) -> tuple[str, ...]:
    """Number the paragraphs of a block ("2. …") from `first`; a paragraph the commune already
    numbered or made a bullet keeps its own mark and does not take a number."""
    out, n = [], first
    for p in paragraphs:
        if re.match(r"^(\d+[.)]|[-+•])\s", p):
            out.append(p)
        else:
            out.append(f"{n}. {p}")
            n += 1
    return tuple(out)


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def bases_lines(text: str) -> tuple[str, ...]:
    """The Căn cứ block as one line each, punctuated as NĐ 30 asks (";" then "." at the end)."""
    lines = [p.rstrip(" ;,.") for p in paragraphs(text)]
    return tuple(x + (";" if i < len(lines) - 1 else ".") for i, x in enumerate(lines))


def closing_sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith("./.") else sentence(text, "./.")


def recipients_lines(text: str) -> tuple[str, ...]:
    """Nơi nhận as NĐ 30 prints it: "- …;" and the last "- Lưu: VT."."""
    items = [p.lstrip("-+• ").rstrip(" ;,.") for p in paragraphs(text)]
    items = [x for x in items if x]
    if not items or not fold(items[-1]).startswith("luu"):
        items.append("Lưu: VT")
    return tuple(f"- {x}{';' if i < len(items) - 1 else '.'}" for i, x in enumerate(items))


# Composing the body ---------------------------------------------------------------------------

Text = Callable[[TextBlock], str]  # the block as the commune wrote it, fields filled


def movement_lines(number: str, m: MovementData, *, with_phases: bool = True) -> list[PlanLine]:
    """Item "2.1." of II: the movement, its theme, launching document, targets, phases and
    anniversaries."""
    out = [PlanLine("h3", f"{number} {upper_first(movement_title(m.name))}")]
    if m.theme:
        out.append(PlanLine("p", f"Chủ đề: {sentence(document_quotes(m.theme))}"))
    if m.launch_line and not m.launched_here:
        reference = doc_reference(m.launch_line, m.launch_subject)
        out.append(PlanLine("p", sentence(f"Triển khai theo {reference}")))
    out.append(PlanLine("p", f"Thời gian thực hiện: {period_phrase(m.start, m.end)}."))
    if m.targets:
        out.append(PlanLine("p", "Chỉ tiêu thi đua:"))
        out.extend(PlanLine("p", x) for x in list_lines([document_quotes(t) for t in m.targets]))
    if with_phases and m.phases:
        out.append(PlanLine("p", "Các đợt thi đua:"))
        out.extend(PlanLine("p", phase_line(p)) for p in m.phases)
    if m.milestones:
        out.append(PlanLine("p", "Thiết thực lập thành tích chào mừng "
                                 f"{', '.join(m.milestones)}."))  # fmt: skip
    return out


def year_body(year: int, theme: str, model_target: int, movements: Sequence[MovementData],
              text: Text) -> tuple[PlanLine, ...]:  # fmt: skip
    """I, II and III of the year's plan."""
    body = _purpose(text)
    body.append(PlanLine("h1", "II. NỘI DUNG"))
    tail = ("tổ chức triển khai hiệu quả các phong trào thi đua, thực hiện tốt các nhiệm vụ chính "
            "trị được giao, phấn đấu hoàn thành vượt mức các chỉ tiêu phát triển kinh tế - xã hội "
            f"năm {year}, với các nội dung sau:")  # fmt: skip
    theme = document_quotes(theme).strip().strip("“”")
    intro = f"Thực hiện chủ đề phong trào thi đua năm {year}: “{theme}”, {tail}"
    body.append(PlanLine("p", intro if theme else upper_first(tail)))
    body.append(PlanLine("h2", "1. Tăng cường công tác quản lý nhà nước về thi đua, khen thưởng"))
    body += _block_lines(text(QUAN_LY))
    body.append(PlanLine("h2", "2. Tổ chức hiệu quả các phong trào thi đua yêu nước"))
    body.append(
        PlanLine(
            "p",
            "Tiếp tục thực hiện có hiệu quả các phong trào thi đua do cấp trên "
            f"phát động và các phong trào thi đua của năm {year}, cụ thể:",
        )
    )
    for i, m in enumerate(movements, 1):
        if fold(m.theme) == fold(theme):  # the year's theme, told once above
            m = replace(m, theme="")
        body += movement_lines(f"2.{i}.", m, with_phases=False)
    body.append(PlanLine("h2", "3. Công tác khen thưởng"))
    body += _block_lines(text(KHEN_THUONG))
    body.append(PlanLine("h2", "4. Đẩy mạnh công tác tuyên truyền, phát hiện và nhân rộng điển "
                               "hình tiên tiến"))  # fmt: skip
    if model_target > 0:
        body.append(PlanLine("p", f"- Năm {year}, phấn đấu xây dựng {model_target:02d} mô hình "
                                  "mới, điển hình tiên tiến; kịp thời biểu dương, khen thưởng để "
                                  "ghi nhận những cách làm hiệu quả, động viên, tôn vinh các gương "
                                  "điển hình tiên tiến."))  # fmt: skip
    body += _block_lines(text(DIEN_HINH))
    body.append(PlanLine("h2", "5. Đổi mới và nâng cao chất lượng hoạt động của Hội đồng Thi "
                               "đua, Khen thưởng"))  # fmt: skip
    body += _block_lines(text(HOI_DONG))
    body += _organisation(year, movements, text)
    return tuple(body)


def movement_body(m: MovementData, year: int, text: Text) -> tuple[PlanLine, ...]:
    """I, II and III of the plan launching one movement."""
    body = _purpose(text)
    body.append(PlanLine("h1", "II. NỘI DUNG, CHỈ TIÊU THI ĐUA"))
    body.append(PlanLine("h2", "1. Tên phong trào, chủ đề"))
    theme = f" với chủ đề: {sentence(document_quotes(m.theme))}" if m.theme else "."
    body.append(PlanLine("p", movement_summary(m.name, year) + theme))
    body.append(PlanLine("h2", "2. Đối tượng, thời gian thi đua"))
    who = ", ".join(m.units) if m.units else "các cơ quan, đơn vị, thôn, tổ dân phố"
    body.append(PlanLine("p", f"- Đối tượng: {sentence(who, ';')}"))
    body.append(PlanLine("p", f"- Thời gian: {period_phrase(m.start, m.end)}."))
    n = 3
    if m.targets:
        body.append(PlanLine("h2", f"{n}. Chỉ tiêu thi đua"))
        body += [PlanLine("p", x) for x in list_lines([document_quotes(t) for t in m.targets])]
        n += 1
    if m.phases or m.milestones:
        body.append(PlanLine("h2", f"{n}. Các đợt thi đua, ngày kỷ niệm"))
        body += [PlanLine("p", phase_line(p)) for p in m.phases]
        loose = [x for x in m.milestones if not any(x in p.milestones for p in m.phases)]
        if loose:
            body.append(PlanLine("p", f"- Thiết thực lập thành tích chào mừng {', '.join(loose)}."))
        n += 1
    body.append(PlanLine("h2", f"{n}. Công tác khen thưởng"))
    body += _block_lines(text(KHEN_THUONG))
    body.append(PlanLine("h1", "III. TỔ CHỨC THỰC HIỆN"))
    first = 1
    if m.responsible:
        body.append(PlanLine("p", f"1. Giao {m.responsible} chủ trì, tham mưu UBND tổ chức triển "
                                  "khai, theo dõi, đôn đốc, sơ kết, tổng kết phong trào; tổng hợp, "
                                  "đề xuất khen thưởng các tập thể, cá nhân có thành tích xuất "
                                  "sắc."))  # fmt: skip
        first = 2
    body += [PlanLine("p", x) for x in numbered(paragraphs(text(TO_CHUC)), first)]
    return tuple(body)


def _purpose(text: Text) -> list[PlanLine]:
    out = [PlanLine("h1", "I. MỤC ĐÍCH, YÊU CẦU"), PlanLine("h2", "1. Mục đích")]
    out += _block_lines(text(MUC_DICH))
    out.append(PlanLine("h2", "2. Yêu cầu"))
    out += _block_lines(text(YEU_CAU))
    return out


def _organisation(year: int, movements: Sequence[MovementData], text: Text) -> list[PlanLine]:
    out = [PlanLine("h1", "III. TỔ CHỨC THỰC HIỆN")]
    phased = [m for m in movements if m.phases]
    first = 1
    if phased:
        out.append(PlanLine("p", f"1. Trong năm {year}, tổ chức các đợt thi đua như sau:"))
        for m in phased:
            if len(phased) > 1:
                out.append(PlanLine("p", f"{upper_first(movement_title(m.name))}:"))
            out += [PlanLine("p", phase_line(p)) for p in m.phases]
        first = 2
    out += [PlanLine("p", x) for x in numbered(paragraphs(text(TO_CHUC)), first)]
    return out


def _block_lines(text: str) -> list[PlanLine]:
    return [PlanLine("p", p) for p in paragraphs(text)]


def year_summary(year: int) -> str:
    return f"Triển khai thực hiện công tác thi đua, khen thưởng năm {year}"


def movement_summary(name: str, year: int) -> str:
    """ "Phát động phong trào thi đua “…” năm 2026" (the year once)."""
    title = movement_title(name)
    return f"Phát động {title}" + ("" if str(year) in name else f" năm {year}")


def preamble(references: Sequence[str], ubnd: str, plan_name: str) -> str:
    """ "Thực hiện Kế hoạch số 36/KH-UBND … ; UBND xã … xây dựng Kế hoạch … như sau:"."""
    action = f"{ubnd} xây dựng {lower_first(plan_name)} với những nội dung cụ thể như sau:"
    if not references:
        return f"Để tổ chức thực hiện tốt công tác thi đua, khen thưởng, {action}"
    return f"Thực hiện {'; '.join(references)}; {action}"


def milestone_labels(items: Sequence[tuple[str, dt.date, dt.date]]) -> tuple[str, ...]:
    """Anniversary labels in the order of their day this year."""
    return tuple(milestone_label(n, o, a) for n, o, a in sorted(items, key=lambda x: x[2]))
