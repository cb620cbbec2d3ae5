"""The place-and-date line of a letter is printed in the same size in every letter (issue 9: the
invitation printed it smaller than the advice letter). Checked on the font size pdfplumber reads
from the glyphs of that line."""
from __future__ import annotations

from datetime import date

import pdfplumber

from huurdersgroep_app.core.documents.advice_letter import write_advice_letter_pdf
from huurdersgroep_app.core.documents.invitation import write_invitation
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings.lifecycle import MeetingInput

from advice_sample import build_advice_group


def _line_sizes(path, starts: str) -> set[float]:
    """The font sizes of the glyphs of the first line of page 1 that starts with ``starts``."""
    with pdfplumber.open(str(path)) as pdf:
        for line in pdf.pages[0].extract_text_lines(strip=True, return_chars=True):
            if line["text"].startswith(starts):
                return {round(c["size"], 1) for c in line["chars"] if c["text"].strip()}
    raise AssertionError(f"no line starting with {starts!r}")


def test_the_invitations_place_and_date_line_is_as_large_as_the_advice_letters(db, tmp_path):
    sample = build_advice_group(db)
    with db.transaction() as s:
        meeting = meetings.create_meeting(s, MeetingInput(type="members", scheduled_on="12/06/2026",
                                                          start_time="19:30", place="Buurtlokaal"))
    invitation, letter = tmp_path / "invitation.pdf", tmp_path / "advice.pdf"
    with db.reading() as s:
        write_invitation(s, meeting.id, invitation, per="member")
        write_advice_letter_pdf(s, letter, sample.advice_ids["heating"], on=date(2026, 3, 23))
    invitation_size = _line_sizes(invitation, "Gent, ")
    assert invitation_size == _line_sizes(letter, "Gent, ")
    # …and that is the body's size: the greeting of the same letter.
    assert invitation_size == _line_sizes(invitation, "Dear ")
