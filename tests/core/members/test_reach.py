"""Issue 12: the reach counts only members who live in a complex whose dwellings are known, and says
how many it leaves out — on the Overview, in the member counts list and in the funders' documents."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from pypdf import PdfReader

from huurdersgroep_app.core.documents.funding.activity_report import write_activity_report
from huurdersgroep_app.core.documents.member_list import write_member_list
from huurdersgroep_app.core.services.members import complexes, members
from huurdersgroep_app.core.services.members.members import MemberInput


def _group(db):
    """The issue's group: 62 members on 80 dwellings, 59 of them without a complex."""
    with db.transaction() as s:
        linde = complexes.add_complex(s, "De Linde", 80)
        for i in range(62):
            members.add_member(s, MemberInput(last_name=f"Lid{i}", first_name="A", joined_on="2018-01-01",
                                              complex_id=linde.id if i < 3 else None), allow_duplicate=True)


def test_members_without_a_complex_do_not_count_in_the_reach(db):
    _group(db)
    with db.reading() as s:
        total = complexes.total_reach(complexes.complex_rows(s))
    assert (total.members, total.in_complexes, total.without_complex, total.dwellings) == (62, 3, 59, 80)
    assert total.reach == Decimal("0.0375")  # 3 of 80, not 62 of 80
    note = complexes.reach_note(total)
    assert "only the 3 members" in note and "59 members have no complex" in note


def test_members_of_a_complex_without_dwellings_do_not_count_either(db):
    with db.transaction() as s:
        linde = complexes.add_complex(s, "De Linde", 40)
        eik = complexes.add_complex(s, "Den Eik", 0)
        for i, where in enumerate([linde.id] * 10 + [eik.id] * 5):
            members.add_member(s, MemberInput(last_name=f"Lid{i}", first_name="A", joined_on="2018-01-01",
                                              complex_id=where), allow_duplicate=True)
    with db.reading() as s:
        total = complexes.total_reach(complexes.complex_rows(s))
    assert total.reach == Decimal("0.25") and total.counted == 10
    assert "5 members live in a complex without a number of dwellings" in complexes.reach_note(total)


def test_everyone_in_a_complex_needs_no_note(db):
    with db.transaction() as s:
        linde = complexes.add_complex(s, "De Linde", 10)
        members.add_member(s, MemberInput(last_name="Peeters", first_name="Jan", complex_id=linde.id))
    with db.reading() as s:
        total = complexes.total_reach(complexes.complex_rows(s))
    assert total.reach == Decimal("0.1") and complexes.reach_note(total) == ""


def _text(path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages)


def test_the_counts_list_and_the_activity_report_give_the_same_reach(db, tmp_path):
    _group(db)
    with db.reading() as s:
        write_member_list(s, tmp_path / "counts.pdf", privacy="counts", today=date(2026, 12, 1))
        write_activity_report(s, 2026, tmp_path / "ar.pdf", today=date(2026, 12, 1))
    for name in ("counts.pdf", "ar.pdf"):
        text = _text(tmp_path / name)
        assert "Total 80 62 4%" in text or "Total 80 62 4 %" in text, name   # 3/80 rounds to 4 %
        assert "78" not in text.split("Total 80 62", 1)[1][:6], name
        assert "59 members have no complex" in text, name
