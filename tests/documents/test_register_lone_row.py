"""A register's table never ends on a page holding a single row of it (the fr_BE decisions register
did): as on the sign-in sheet, the last page of a table holds at least two of its rows."""
from __future__ import annotations

import re

import pdfplumber

from huurdersgroep_app import i18n
from huurdersgroep_app.core.documents.decisions_register import write_decisions_register
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings import minutes
from huurdersgroep_app.core.services.meetings.lifecycle import MeetingInput
from huurdersgroep_app.core.services.meetings.minutes import DecisionInput

import meeting_group

LABEL = re.compile(r"^\d{4}-\d{2,}$")  # a decision's number, '2025-07'


def _rows_per_page(path) -> list[int]:
    with pdfplumber.open(str(path)) as pdf:
        return [sum(1 for w in page.extract_words() if LABEL.match(w["text"])) for page in pdf.pages]


def test_the_decisions_register_never_ends_on_a_lone_row(db, tmp_path):
    meeting_group.build(db)
    with db.transaction() as s:
        meeting = meetings.create_meeting(s, MeetingInput(type="board", scheduled_on="14/01/2025", place="Buurtlokaal"))
        meetings.set_meeting_status(s, meeting.id, "held")
        meeting_id = meeting.id
    seen = []
    # One decision more at a time, so that one of these counts puts a single row on the last page.
    for n in range(1, 46):
        with db.transaction() as s:
            text = f"Besluit {n}: we vragen de huisvestingsmaatschappij om een offerte voor de herstelling."
            minutes.add_decision(s, meeting_id, DecisionInput(text, "vote", 5, 0, n % 3))
        if n < 24:
            continue
        path = tmp_path / f"register{n}.pdf"
        with db.reading() as s, i18n.language("fr_BE"):
            write_decisions_register(s, 2025, path)
        pages = _rows_per_page(path)
        assert sum(pages) == n
        seen.append(pages)
        assert len(pages) == 1 or pages[-1] >= 2, (n, pages)
    assert any(len(pages) > 1 for pages in seen)  # the register did run onto more pages
