"""The minutes' signature block never stands alone at the top of the last page: the last lines of the
minutes go onto its page with it (a page holding only two signatures signs nothing one can read)."""
from __future__ import annotations

import pdfplumber

from huurdersgroep_app.core.documents.minutes import write_minutes
from huurdersgroep_app.core.services.meetings import agenda, attendance
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings.lifecycle import MeetingInput

import meeting_group


def _pages_of(path, word: str) -> list[int]:
    with pdfplumber.open(str(path)) as pdf:
        return [n for n, page in enumerate(pdf.pages, 1) for w in page.extract_words() if w["text"] == word]


def _held_board_meeting(db, closing_notes: str) -> tuple[int, int]:
    """A board meeting held by three present members, with ``closing_notes`` under its last item:
    (the meeting's id, its first item's id)."""
    ids = meeting_group.build(db).ids
    with db.transaction() as s:
        meeting = meetings.create_meeting(s, MeetingInput(type="board", scheduled_on="14/01/2025", place="Buurtlokaal"))
        for key in ("anna", "chris", "els"):
            attendance.set_attendance(s, meeting.id, ids[key], "present")
        meetings.set_meeting_status(s, meeting.id, "held")
        agenda.set_item_notes(s, meeting.items[-1].id, closing_notes)
        return meeting.id, meeting.items[0].id


def test_the_signatures_share_their_page_with_the_last_lines(db, tmp_path):
    meeting_id, first = _held_board_meeting(db, "De voorzitter dankt iedereen voor de inzet.\nSlotwoord.")
    alone = []
    # Longer and longer notes under the first item push the end of the minutes down: at some length the
    # signatures no longer fit under the last lines.
    for lines in range(40, 53):
        with db.transaction() as s:
            agenda.set_item_notes(s, first, "\n".join(["De voorzitter overloopt de stand van de werken."] * lines))
        path = tmp_path / f"minutes{lines}.pdf"
        with db.reading() as s:
            write_minutes(s, meeting_id, path)
        signatures = _pages_of(path, "Minute-taker")[-1]  # the signature line's role, after the details' one
        # The last item's lines and its heading ('12. Closing') on the signatures' page, not left behind.
        if {signatures} != {_pages_of(path, "Slotwoord.")[0], _pages_of(path, "Closing")[-1]}:
            alone.append((lines, signatures))
    assert alone == []


def test_the_word_minutes_keep_the_last_lines_with_the_signatures(db, tmp_path):
    """In the DOCX the paragraphs before the signatures keep with the next: Word moves them together."""
    import docx

    meeting_id, _first = _held_board_meeting(db, "De voorzitter dankt iedereen.\nSlotwoord.")
    path = tmp_path / "minutes.docx"
    with db.reading() as s:
        write_minutes(s, meeting_id, path, fmt="docx")
    paragraphs = [p for p in docx.Document(str(path)).paragraphs if p.text.strip()]
    last = next(i for i, p in enumerate(paragraphs) if "Slotwoord." in p.text)
    assert all(p.paragraph_format.keep_with_next for p in paragraphs[last:]), [p.text for p in paragraphs[last:]]
