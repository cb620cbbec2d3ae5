"""The checklist and member counts of the funding dossier, and the activity report, for a new Dutch group
(issue 9): what is still to do introduced in the document's language (the English 'To do' hid in an
f-string, so no catalogue had it), and no dwellings counted where none are known."""
from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from huurdersgroep_app import i18n
from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.documents.funding.activity_report import write_activity_report
from huurdersgroep_app.core.documents.funding.dossier import write_funding_dossier
from huurdersgroep_app.core.services.funding import conditions, funders
from huurdersgroep_app.core.services.members import board, members

TODO = {"nl_NL": "Te doen:", "nl_BE": "Te doen:", "fr_BE": "À faire :", "en": "To do:"}


@pytest.mark.parametrize("lang", tuple(TODO))
def test_what_is_to_do_is_said_in_the_documents_language(nl_db, tmp_path, lang):
    """A new Dutch group meets almost none of the municipality's conditions: every row says what to do."""
    with nl_db.transaction() as s:
        funder = funders.add_funder(s, funders.FunderInput("Gemeente Amsterdam", "municipality"))
        assert conditions.copy_profile_conditions(s, funder.id)
        funder_id = funder.id
    out = tmp_path / "dossier.pdf"
    with nl_db.reading() as s, i18n.language(lang):
        write_funding_dossier(s, 2026, funder_id, out, sections=(), today=date(2026, 12, 7))
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(str(out)).pages).split())
    assert TODO[lang] in text
    if lang != "en":
        assert "To do" not in text


def _members_without_complex(db, count: int = 3) -> None:
    with db.transaction() as s:
        for n in range(count):
            members.add_member(s, members.MemberInput(
                first_name=f"Lid{n}", last_name="de Vries", street="Lindelaan", house_number=str(n + 1),
                postcode="1012 AB", city="Amsterdam", contact_way="letter", joined_on=date(2025, 1, 10)),
                allow_duplicate=True)


def test_a_group_without_complexes_counts_no_dwellings_as_unknown(nl_db, tmp_path, pdf_lines):
    """The members per complex of a new group: its total row read 'Total 0 3 –' (no dwellings at all)
    under a 'No complex – 3 –' row; unknown is '–' there as on the row above."""
    _members_without_complex(nl_db)
    with nl_db.transaction() as s:
        funder_id = funders.add_funder(s, funders.FunderInput("Gemeente Amsterdam", "municipality")).id
    out = tmp_path / "dossier.pdf"
    with nl_db.reading() as s:
        write_funding_dossier(s, 2026, funder_id, out, sections=("member_count",), today=date(2026, 12, 7))
    text = " ".join(pdf_lines(out))
    assert "No complex – 3 – Total – 3 –" in text


def _activity_report_text(db, tmp_path, pdf_lines) -> str:
    out = tmp_path / "report.pdf"
    with db.reading() as s:
        write_activity_report(s, 2026, out, today=date(2026, 12, 7))
    return " ".join(pdf_lines(out))


def test_the_activity_report_of_a_group_without_complexes_has_no_complex_table(nl_db, tmp_path, pdf_lines):
    """A table of one 'No complex' row and its total only repeated '31 December 2026 3'."""
    _members_without_complex(nl_db)
    text = _activity_report_text(nl_db, tmp_path, pdf_lines)
    assert "31 December 2026 3 Meetings" in text
    assert "No complex" not in text and "Dwellings" not in text


def test_a_group_without_a_board_gets_no_rota_of_no_one(nl_db, tmp_path, pdf_lines):
    """'The board did not change in 2026' and 'Retirement rota: … due to step down: no one.' under 'No
    one held an office' said nothing; a board whose terms all run on is told so in a sentence."""
    _members_without_complex(nl_db)
    text = _activity_report_text(nl_db, tmp_path, pdf_lines)
    assert "No one held an office on 31 December 2026. Members" in text
    assert "did not change" not in text and "no one." not in text
    with nl_db.transaction() as s:
        first = s.scalars(select(Member.id).order_by(Member.id)).first()
        board.assign_office(s, first, "chair", date(2025, 3, 1), date(2029, 3, 1))
    text = _activity_report_text(nl_db, tmp_path, pdf_lines)
    assert "Retirement rota: no board member's term ends at the annual meeting of" in text
    assert "due to step down: no one" not in text
