"""A new group in the Netherlands (issue 9): its annual meeting's invitation reads Netherlands Dutch,
also in the standard agenda ('Activiteitenverslag van het voorbije jaar' and 'Aanstelling van de
kascommissie' came through nl_NL's fallback to nl_BE)."""
from __future__ import annotations

from datetime import date

from huurdersgroep_app import i18n
from huurdersgroep_app.core.documents.invitation import write_invitation
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.members import members


def test_the_annual_meetings_agenda_in_netherlands_dutch(nl_db, tmp_path, pdf_lines):
    with nl_db.transaction() as s, i18n.language("nl_NL"):
        members.add_member(s, members.MemberInput(
            first_name="Anneke", last_name="de Vries", street="Lindelaan", house_number="4", postcode="1012 AB",
            city="Amsterdam", contact_way="letter", joined_on=date(2025, 1, 10)))
        annual = meetings.create_annual_meeting(s, date(2027, 3, 20), "19:30", "Buurthuis De Kei").id
    out = tmp_path / "uitnodiging.pdf"
    with nl_db.reading() as s, i18n.language("nl_NL"):
        write_invitation(s, annual, out, per="member")
    text = " ".join(pdf_lines(out))
    assert "Activiteitenverslag over het afgelopen jaar" in text
    assert "Financieel verslag over het afgelopen jaar" in text
    assert "Benoeming van de kascommissie" in text
    assert "voorbije" not in text and "Aanstelling" not in text


def test_the_year_plan_is_a_jaarplan_throughout(nl_db, tmp_path, pdf_lines):
    """The title said 'Jaarplan 2027' (nl_NL) and the line under it 'Er is nog geen jaarplanning voor
    2027.' (nl_BE's word through the fallback); the checklist listed 'Jaarplan 2027' as missing because
    'Er is nog geen jaarplanning'."""
    from huurdersgroep_app.core.documents.funding.year_plan import write_year_plan

    out = tmp_path / "jaarplan.pdf"
    with nl_db.reading() as s, i18n.language("nl_NL"):
        write_year_plan(s, 2027, out, today=date(2026, 12, 7))
    text = " ".join(pdf_lines(out))
    assert "Jaarplan 2027" in text and "Er is nog geen jaarplan voor 2027." in text
    assert "jaarplanning" not in text.lower()
