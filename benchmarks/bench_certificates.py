"""1,000 certificates of one decision to PDF, on plain paper (full) and on blanks (overlay)
(issue 8 budget: < 2 s, and ≤ 3× a bare reportlab loop drawing the same text).

The sheets are realistic: the demo commune's people, collectives and households, mixed kinds
(Giấy khen cá nhân, tập thể, hộ gia đình and Giấy chứng nhận), achievements of 80–200
characters in the words units write. Measured: `write_certificates_pdf` to a file, which fits
every field (measure, shrink, wrap), draws the border and fixed words once as a form and the
text of each page. The baseline, in the same run, is a bare reportlab canvas drawing the same
final lines (the renderer's own placements, so the same strings, fonts, sizes and positions)
with `setFont` + `drawString` and saving: what printing those strings costs without any layout
work. The fonts are registered before either is timed.
"""

from __future__ import annotations

import random
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from benchmarks.harness import Result, median_seconds, timed

BUDGET_S = 2.0
MAX_RATIO = 3.0
SHEETS = 1_000
RUNS = 5


def _sheets():  # type: ignore[no-untyped-def]
    from emulation_desktop.domain.certificates import (
        Certificate,
        CertificateKind,
        Recipient,
        achievement_line,
    )
    from emulation_desktop.domain.demo_award_texts import champion, collective, family, village
    from emulation_desktop.domain.demo_data import generate_demo_commune
    from emulation_desktop.domain.enums import Gender, Grade, SubjectKind, UnitKind

    rng = random.Random(8)
    commune = generate_demo_commune(7)
    people = commune.people
    units = [u.name for u in commune.units]
    kinds = rng.choices(list(CertificateKind), weights=(70, 12, 10, 8), k=SHEETS)
    out = []
    for i, kind in enumerate(kinds, start=1):
        person = people[rng.randrange(len(people))]
        unit = rng.choice(units)
        if kind is CertificateKind.GIAY_KHEN_UNIT:
            recipient = Recipient(SubjectKind.UNIT, unit, None, "Xã Cát Thành")
            text = collective(Grade.EXCELLENT, 2026, rng.randint(8, 40), rng.randint(40, 60))
        elif kind is CertificateKind.GIAY_KHEN_HOUSEHOLD:
            recipient = Recipient(SubjectKind.HOUSEHOLD, person.full_name, person.gender,
                                  f"Số {rng.randint(1, 300)}, {unit}")  # fmt: skip
            text = rng.choice((family(rng, 2026, unit), village(rng, 2026, 380, 412)))
        else:
            gender = person.gender or Gender.MALE
            recipient = Recipient(SubjectKind.PERSON, person.full_name, gender,
                                  f"{person.position}, {unit}")  # fmt: skip
            text = champion(rng, UnitKind.OFFICE, Grade.EXCELLENT, 2026, None)
        text = _between(text, 80, 200, rng)
        out.append(Certificate(
            i, kind, i, recipient, "Chiến sĩ thi đua cơ sở" if kind is CertificateKind.CERTIFICATE
            else "Giấy khen", "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ CÁT THÀNH",
            achievement_line(kind, text, "Chiến sĩ thi đua cơ sở", "năm 2026"),
            "Quyết định số 166/QĐ-UBND ngày 20/11/2026", f"{i}/2026",
            "Cát Thành, ngày 20 tháng 11 năm 2026", ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
            "Nguyễn Văn Hùng",
        ))  # fmt: skip
    return out


def _between(text: str, least: int, most: int, rng: random.Random) -> str:
    """The unit's words cut (at a word) or lengthened to `least`–`most` characters."""
    extra = " và tích cực tham gia các phong trào thi đua, hoạt động xã hội của địa phương"
    while len(text) < least:
        text += extra
    if len(text) > most:
        cut = text[: rng.randint(max(least, most - 40), most)]
        clause = cut.rsplit(";", 1)[0]  # end at a clause when that stays long enough
        text = clause if len(clause) >= least else cut.rsplit(" ", 1)[0]
    return text


def _bare(pages, out: Path) -> float:  # type: ignore[no-untyped-def]
    from reportlab.pdfgen import canvas

    from emulation_desktop.documents.certificates.fitting import MM

    def work() -> None:
        c = canvas.Canvas(str(out), pagesize=(297 * MM, 210 * MM))
        for lines in pages:
            for font, size, text, x, y in lines:
                c.setFont(font, size)
                c.drawString(x, y, text)
            c.showPage()
        c.save()

    return timed(work)


def _lines(report, sheets, layouts):  # type: ignore[no-untyped-def]
    """The renderer's final lines per page, with the font each field uses."""
    from emulation_desktop.documents.certificates.fitting import font_for

    kind_of = {c.award_id: c.kind for c in sheets}
    pages = defaultdict(list)
    for p in report.placements:
        font = font_for(layouts[kind_of[p.award_id]].field(p.key))
        pages[p.award_id].append((font, p.size, p.text, p.x, p.y))
    return [pages[c.award_id] for c in sheets]


def run() -> list[Result]:
    from emulation_desktop.documents.certificates import write_certificates_pdf
    from emulation_desktop.documents.fonts import register_serif
    from emulation_desktop.domain.certificate_layout import default_layout
    from emulation_desktop.domain.certificates import CertificateKind, PrintMode

    register_serif()
    sheets = _sheets()
    layouts = {k: default_layout(k) for k in CertificateKind}
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for mode in PrintMode:
            out = Path(tmp) / f"{mode.value}.pdf"
            report = write_certificates_pdf(out, sheets, layouts, mode, keep_placements=True)
            pages = _lines(report, sheets, layouts)
            measured = median_seconds(
                lambda mode=mode, out=out: timed(
                    lambda: write_certificates_pdf(out, sheets, layouts, mode)
                ),
                RUNS,
            )
            baseline = median_seconds(
                lambda pages=pages: _bare(pages, Path(tmp) / "bare.pdf"), RUNS
            )
            what = "giấy trắng, in cả khung" if mode is PrintMode.FULL else "phôi, chỉ in chữ"
            count = f"{SHEETS:,}".replace(",", ".")
            name = f"{count} giấy khen ra PDF ({what})"
            print(
                f"  {name}: {measured * 1000:.0f} ms; vòng lặp reportlab trần "
                f"{baseline * 1000:.0f} ms; {measured / baseline:.2f}×",
                file=sys.stderr,
            )
            results.append(Result(name, measured, BUDGET_S, baseline=baseline,
                                  max_ratio=MAX_RATIO))  # fmt: skip
    return results
