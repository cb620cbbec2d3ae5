"""The funding dossier: every section in, its bookmarks and its contents page point at the pages
where the section starts, its figures are the finance and meeting services' own, no confidential
signal and no member's contact details, missing data named on the checklist, nothing written
when it fails or is stopped."""
from __future__ import annotations

import re

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.meetings import Attendance
from huurdersgroep_app.core.db.models.signals import Signal
from huurdersgroep_app.core.documents.funding.dossier import SECTION_KEYS, write_funding_dossier
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.progress import CancelToken, Cancelled
from huurdersgroep_app.core.services.finance.balances import account_balances
from huurdersgroep_app.core.services.finance.budget import budget_totals
from huurdersgroep_app.core.services.finance.figures import budget_vs_actual
from huurdersgroep_app.core.services.funding.funders import funder_rows
from huurdersgroep_app.core.services.meetings.lifecycle import get_meeting, meeting_heading
from huurdersgroep_app.core.services.meetings.overview import meeting_rows
from huurdersgroep_app.core.services.organisation import get_organisation
from huurdersgroep_app.i18n import format_money, language

import pdf_layout
from funding_demo import TODAY


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def dossier(demo, tmp_path_factory):
    """The city's dossier for 2024 (a complete, closed year) and the texts of its pages."""
    path = tmp_path_factory.mktemp("dossier") / "dossier.pdf"
    calls = []
    # A module fixture is made before the per-test fixtures that set the tests' language.
    with demo.reading() as s, language("en"):
        city = next(r for r in funder_rows(s) if r.kind == "municipality")
        result = write_funding_dossier(s, 2024, city.id, path, today=TODAY, progress=lambda d, t: calls.append((d, t)))
    reader = PdfReader(str(path))
    return dict(result=result, reader=reader, pages=[_flat(p.extract_text()) for p in reader.pages], city=city,
                calls=calls, path=path)


def test_every_page_has_one_footer_the_dossiers(dossier):
    """A part's own footer line ('Financial report 2024 · 15 Mar 2025') above the dossier's gave every
    page two footers; the dossier's alone stays, with its page number."""
    from reportlab.lib.units import mm

    total = dossier["result"].pages
    footers: dict[int, list[str]] = {}
    for line in pdf_layout.lines(dossier["path"]):
        if line.bottom > 842 - 24 * mm:  # below the text frame of an A4 page: the footer band
            footers.setdefault(line.page, []).append(line.text)
    assert {page: texts for page, texts in footers.items() if len(texts) != 1} == {}
    assert [n for n in range(1, total + 1) if f"page {n} of {total}" not in " ".join(footers.get(n, []))] == []


def test_every_section_is_in_and_its_bookmark_and_contents_line_point_at_its_first_page(demo, dossier):
    result, reader, pages = dossier["result"], dossier["reader"], dossier["pages"]
    with demo.reading() as s:
        annual = [m for m in meeting_rows(s, 2025, kind="annual") if m.scheduled_on <= TODAY][-1]
        heading = meeting_heading(get_meeting(s, annual.id))
        group = get_organisation(s).name
    # What the first page of a part shows as its title, where that is not the part's title itself (the
    # parts' own footers, which named them, are gone: the dossier's is the one footer).
    shown = {"checklist": "Compliance checklist", "annual_meeting_minutes": f"Minutes {heading}",
             "board_list": f"Board of {group}"}
    assert [p.key for p in result.parts] == ["cover_letter", "contents", "checklist", *SECTION_KEYS]
    assert not result.missing and result.pages == len(reader.pages) == sum(p.pages for p in result.parts)
    outline = [(item.title, reader.get_destination_page_number(item) + 1) for item in reader.outline]
    assert outline == [(p.title, p.first_page) for p in result.parts]
    contents = pages[result.part("contents").first_page - 1]
    for part in result.parts[2:]:
        assert f"{part.title} {part.first_page}" in contents  # the contents line: title, page
        first = pages[part.first_page - 1]
        assert shown.get(part.key, part.title) in first, (part.key, first[:200])
        # The page before belongs to another part: the section really starts here.
        assert f"page {part.first_page} of {result.pages}" in first
    # One page number per page, the dossier's: no part keeps its own 'Page 1 of 3' beside it.
    assert not [n for n, page in enumerate(pages, 1) if re.search(r"\bPage \d+ of \d+", page)]



def test_the_dossier_embeds_each_font_once_and_opens_on_its_bookmarks(dossier):
    """The parts are bound as one PDF: a font's subset is in it once, not once per part (13 copies of
    DejaVu made a 30-page dossier of a large group 900 kB); its title names the dossier."""
    reader = dossier["reader"]
    files = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descendant = font.get_object()
            descriptor = descendant.get("/FontDescriptor")
            if descriptor is not None:
                files.add(descriptor.get_object().raw_get("/FontFile2").idnum)
    assert files and len(files) <= 3  # DejaVu Sans, Bold, Oblique
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    assert reader.metadata.title == f"Funding dossier 2024 · {dossier['city'].name}"

def test_the_dossiers_figures_are_the_services_figures(demo, dossier):
    result, pages = dossier["result"], dossier["pages"]

    def text_of(key: str) -> str:
        part = result.part(key)
        return " ".join(pages[part.first_page - 1:part.first_page - 1 + part.pages])

    with demo.reading() as s:
        table = budget_vs_actual(s, 2024)
        closing = sum((b.closing for b in account_balances(s, 2024)), 0)
        income_2025, expense_2025 = budget_totals(s, 2025)
        annual = [m for m in meeting_rows(s, 2025, kind="annual") if m.scheduled_on <= TODAY][-1]
        present = s.scalar(select(func.count(Attendance.id)).where(Attendance.meeting_id == annual.id,
                                                                   Attendance.status == "present",
                                                                   Attendance.member_id.is_not(None)))
    financial = text_of("financial_report")
    assert f"Result (income − expenses) {format_money(table.result_budget)} {format_money(table.result_actual)}" \
        in financial
    assert format_money(closing) in financial
    assert f"Total income {format_money(income_2025)}" in text_of("budget_next_year")
    assert f"Total expenses {format_money(expense_2025)}" in text_of("budget_next_year")
    assert format_money(table.total("expense", "actual")) in text_of("budget_vs_actual")
    assert format_money(table.result_actual) in text_of("audit_committee")
    assert format_money(table.total("income", "actual")) in text_of("activity_report")
    assert present > 0 and f"Present ({present}):" in text_of("annual_meeting_minutes")


def test_no_confidential_signal_and_no_contact_details_anywhere(demo, dossier, tmp_path):
    with demo.reading() as s:
        secrets = [d for (d,) in s.execute(select(Signal.description).where(Signal.confidential.is_(True)))]
        org = get_organisation(s)
        own = {org.email, org.phone, f"{org.street} {org.house_number}".strip()}
        contacts = [x for row in s.execute(select(Member.email, Member.phone, Member.street, Member.house_number))
                    for x in (row.email, row.phone, f"{row.street} {row.house_number}".strip()) if x and x not in own]
        # 2025's dossier too: the confidential signals of the demo were reported this year.
        write_funding_dossier(s, 2025, dossier["city"].id, tmp_path / "d2025.pdf", today=TODAY)
    text = " ".join(dossier["pages"]) + " " + _flat(" ".join(
        p.extract_text() for p in PdfReader(str(tmp_path / "d2025.pdf")).pages))
    assert secrets and len(contacts) > 100
    assert not [d for d in secrets if d[:40] in text]
    assert not [c for c in contacts if c in text]


def test_missing_and_left_out_sections_are_named_on_the_checklist(demo, dossier, tmp_path):
    with demo.reading() as s:
        result = write_funding_dossier(s, 2025, dossier["city"].id, tmp_path / "d.pdf", today=TODAY,
                                       sections=[k for k in SECTION_KEYS if k != "board_list"])
    reader = PdfReader(str(tmp_path / "d.pdf"))
    checklist = result.part("checklist")
    text = _flat(" ".join(reader.pages[i].extract_text()
                          for i in range(checklist.first_page - 1, checklist.first_page - 1 + checklist.pages)))
    keys = [p.key for p in result.parts]
    # 2025 is not closed: no kascommissie report; the board list was left out on purpose.
    assert "audit_committee" not in keys and "board_list" not in keys
    assert [m.title for m in result.missing] == ["Report of the audit committee 2025"]
    assert "Report of the audit committee 2025 MISSING The books of 2025 are not closed yet" in text
    assert "Board list left out on purpose" in text
    assert "1 document is missing" in text
    assert [item.title for item in reader.outline] == [p.title for p in result.parts]


def test_progress_is_reported_to_the_end(dossier):
    calls = dossier["calls"]
    assert calls[-1][0] == calls[-1][1] and [d for d, _t in calls] == list(range(1, len(calls) + 1))


def test_unknown_section_or_a_stop_writes_nothing(demo, dossier, tmp_path):
    token = CancelToken()
    with demo.reading() as s:
        with pytest.raises(DomainError, match="Unknown part"):
            write_funding_dossier(s, 2024, dossier["city"].id, tmp_path / "bad.pdf", sections=["everything"])

        def stop(done, total):
            if done == 3:
                token.cancel()

        with pytest.raises(Cancelled):
            write_funding_dossier(s, 2024, dossier["city"].id, tmp_path / "stopped.pdf", today=TODAY,
                                  progress=stop, cancel=token)
    assert not list(tmp_path.iterdir())
