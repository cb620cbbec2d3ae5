"""The proxy form (issue 9): the meeting, the rules on proxies from the group's profile, lines to fill in
or the member's name filled in, one page per member numbered on its own; refused for a board meeting.
Checked on the text extracted from the PDF and the DOCX, in the four languages."""
from __future__ import annotations

import docx
import pytest

from huurdersgroep_app import i18n
from huurdersgroep_app.core.documents.proxy_form import write_proxy_form
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.meetings import attendance
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings.lifecycle import MeetingInput

import meeting_group

TITLES = {"nl_BE": "Volmacht", "nl_NL": "Volmacht", "fr_BE": "Procuration", "en": "Proxy"}


@pytest.fixture
def annual(db):
    group = meeting_group.build(db)
    with db.transaction() as s:
        meeting = meetings.create_annual_meeting(s, "28/03/2026", "10:00", "Zaal Sint-Jan")
        board_meeting = meetings.create_meeting(s, MeetingInput(type="board", scheduled_on="10/02/2026"))
        attendance.set_attendance(s, meeting.id, group.ids["chris"], "present")
    return meeting.id, board_meeting.id, group


@pytest.mark.parametrize("lang", tuple(TITLES))
def test_the_blank_form_names_the_meeting_and_the_rules(db, annual, tmp_path, pdf_pages, lang):
    out = tmp_path / "proxy.pdf"
    with db.reading() as s, i18n.language(lang):
        assert write_proxy_form(s, annual[0], out) == 1
    (text,) = pdf_pages(out)
    assert TITLES[lang] in text and "Zaal Sint-Jan" in text and "Huurdersgroep De Linde" in text
    assert {"en": "at most 1 proxy.", "nl_BE": "ten hoogste 1 volmacht", "nl_NL": "ten hoogste 1 volmacht",
            "fr_BE": "au plus 1 procuration"}[lang] in " ".join(text.split())
    assert "____" in text


def test_filled_forms_one_per_member_not_present_each_numbered_on_its_own(db, annual, tmp_path, pdf_pages):
    out = tmp_path / "filled.pdf"
    with db.reading() as s:
        pages = write_proxy_form(s, annual[0], out, per="member")
    texts = pdf_pages(out)
    assert pages == len(texts) == 9  # ten active members, Chris is marked present
    assert not any("Chris Claes" in t for t in texts)
    assert any("Anna Peeters" in t and "Lindelaan 4, 9000 Gent" in t for t in texts)
    assert all("Page 1 of 1" in t for t in texts)


def test_the_hand_in_day_of_the_rules_and_the_word_file(db, annual, tmp_path):
    with db.transaction() as s:
        organisation.set_rule_override(s, "meetings", "proxy_hand_in_days", 2)
    out = tmp_path / "proxy.docx"
    with db.reading() as s:
        write_proxy_form(s, annual[0], out, fmt="docx")
    document = docx.Document(str(out))
    text = "\n".join([p.text for p in document.paragraphs]
                     + [c.text for t in document.tables for r in t.rows for c in r.cells])
    # The date whole at a line break, as in the PDF (no-break spaces, which a reader reads as spaces).
    assert "26\u00a0March\u00a02026" in text
    assert "by Thursday, 26 March 2026 at the latest" in text.replace("\u00a0", " ")


def test_a_board_meeting_has_no_proxy_form(db, annual, tmp_path):
    with db.reading() as s, pytest.raises(DomainError, match="takes no proxies"):
        write_proxy_form(s, annual[1], tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("lang, without, with_quorum", [
    ("en", "Proxies count in the votes.", "Proxies count for the quorum and in the votes."),
    ("nl_BE", "Volmachten tellen mee bij de stemmingen.",
     "Volmachten tellen mee voor het quorum en bij de stemmingen."),
    ("fr_BE", "Les procurations comptent dans les votes.",
     "Les procurations comptent pour le quorum et dans les votes.")])
def test_the_form_mentions_the_quorum_only_where_the_meeting_has_one(db, annual, tmp_path, pdf_pages, lang, without,
                                                                     with_quorum):
    """The annual meeting of the Flemish profile has no quorum: the form said proxies count for it."""
    out = tmp_path / "proxy.pdf"
    with db.reading() as s, i18n.language(lang):
        write_proxy_form(s, annual[0], out)
    text = " ".join(" ".join(pdf_pages(out)).split())
    assert without in text and with_quorum not in text
    with db.transaction() as s:
        meetings.update_meeting(s, annual[0], MeetingInput(type="annual", scheduled_on="28/03/2026", start_time="10:00",
                                                           place="Zaal Sint-Jan",
                                                           quorum=meetings.QuorumRule("count", 5, True)))
    with db.reading() as s, i18n.language(lang):
        write_proxy_form(s, annual[0], out)
    assert with_quorum in " ".join(" ".join(pdf_pages(out)).split())
