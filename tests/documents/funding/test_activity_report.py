"""The activity annual report: its figures are those of the services, its free texts are the
year's, and it never shows a confidential signal or a member's contact details."""
from __future__ import annotations

import re

from docx import Document
from sqlalchemy import func, select

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.signals import Signal
from huurdersgroep_app.core.documents.funding.activity_report import write_activity_report
from huurdersgroep_app.core.services.funding.activity import activity_year
from huurdersgroep_app.core.services.funding.texts import set_year_texts
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.organisation import get_organisation
from huurdersgroep_app.i18n import format_money

from funding_demo import TODAY


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_activity_report_holds_the_years_facts_and_texts(demo, tmp_path, text_of):
    with demo.transaction() as s:
        set_year_texts(s, 2025, foreword="Een jaar van veel overleg.", highlights="Het buurtfeest in juni.",
                       plans="Meer bewoners betrekken.")
    with demo.reading() as s:
        facts = activity_year(s, 2025, TODAY)
        chair = next(o.member.full_name for o in board.current_offices(s, TODAY) if o.role == "chair")
        pages = write_activity_report(s, 2025, tmp_path / "ar.pdf", today=TODAY)
    text = _flat(text_of(tmp_path / "ar.pdf"))
    assert pages >= 2
    for words in ("Activity report 2025", "Een jaar van veel overleg.", "Het buurtfeest in juni.",
                  "Meer bewoners betrekken.", chair):
        assert words in text
    assert f"31 December 2025 {facts.members_end}" in text and f"1 January 2025 {facts.members_start}" in text
    held = sum(m.held for m in facts.meetings)
    assert held > 0 and f"Total {held} {sum(m.present for m in facts.meetings)}" in text
    assert f"{facts.signals} signals were recorded." in text
    assert facts.money.income > 0 and format_money(facts.money.income) in text
    assert format_money(facts.money.closing) in text
    assert len(facts.consultations) > 0 and "Consultation with the landlord" in text


def test_no_confidential_signal_and_no_contact_details(demo, tmp_path, text_of):
    with demo.reading() as s:
        facts = activity_year(s, 2025, TODAY)
        in_year = (Signal.reported_on >= facts.start, Signal.reported_on <= facts.end)
        confidential = s.scalar(select(func.count(Signal.id)).where(*in_year, Signal.confidential.is_(True)))
        shareable = s.scalar(select(func.count(Signal.id)).where(*in_year, Signal.confidential.is_(False)))
        secrets = [d for (d,) in s.execute(select(Signal.description).where(*in_year, Signal.confidential.is_(True)))]
        contacts = [x for row in s.execute(select(Member.email, Member.phone, Member.street, Member.house_number))
                    for x in (row.email, row.phone, f"{row.street} {row.house_number}".strip()) if x]
        org = get_organisation(s)
        # The letterhead prints the group's own address and phone (often the secretary's home).
        own = {org.email, org.phone, f"{org.street} {org.house_number}".strip()}
        contacts = [c for c in contacts if c not in own]
        write_activity_report(s, 2025, tmp_path / "ar.pdf", today=TODAY)
    assert confidential > 0 and facts.signals == shareable  # the demo has some: the test can fail
    text = _flat(text_of(tmp_path / "ar.pdf"))
    assert f"{shareable} signals were recorded." in text
    assert not [d for d in secrets if d[:40] in text]
    assert len(contacts) > 100 and not [c for c in contacts if c in text]


def test_activity_report_docx_has_the_same_sections(demo, tmp_path):
    with demo.reading() as s:
        assert write_activity_report(s, 2024, tmp_path / "ar.docx", "docx", today=TODAY) is None
    headings = [p.text for p in Document(str(tmp_path / "ar.docx")).paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Activity report 2024"
    for section in ("The board", "Members", "Meetings", "Advices", "Signals from tenants", "Money in brief"):
        assert section in headings


def test_the_demos_last_year_has_its_free_texts_in_the_report(demo, tmp_path, text_of):
    with demo.reading() as s:
        write_activity_report(s, 2024, tmp_path / "ar.pdf", today=TODAY)
    text = _flat(text_of(tmp_path / "ar.pdf"))
    for heading in ("Foreword", "Highlights", "Plans"):
        assert heading in text
    assert "Een jaar waarin we als huurdersgroep zichtbaarder werden" in text and "Het buurtfeest in juni" in text


def test_board_changes_column_is_a_noun_and_dates_have_four_digit_years(demo, tmp_path, text_of):
    """The column said "Wijzigen" / "Modifier" (the verb of the Change button) and French dates read
    "29/03/25" beside "29 mars 2025" elsewhere in the same report."""
    from huurdersgroep_app.i18n import language

    for lang, heading, verb in (("nl_BE", "Wijziging", "Wijzigen"), ("fr_BE", "Changement", "Modifier")):
        with demo.reading() as s, language(lang):
            write_activity_report(s, 2025, tmp_path / f"ar-{lang}.pdf", today=TODAY)
        text = text_of(tmp_path / f"ar-{lang}.pdf")
        assert heading in text and verb not in text
        dates = re.findall(r"\b\d{1,2}/\d{2}/\d{2,4}\b", text)
        assert dates and all(re.fullmatch(r"\d{1,2}/\d{2}/\d{4}", d) for d in dates), dates
