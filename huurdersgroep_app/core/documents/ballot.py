"""Ballot papers for a secret vote at an election: the candidates with a box each, several
copies per page to cut apart."""
from __future__ import annotations

from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents import blocks as b
from huurdersgroep_app.core.documents.invitation import _info
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.members.board import role_label
from huurdersgroep_app.core.services.meetings.elections import elections_of_meeting
from huurdersgroep_app.core.services.meetings.lifecycle import get_meeting, meeting_heading
from huurdersgroep_app.i18n import _, ngettext

BOX = "\u2610"  # ☐, in DejaVu Sans


def ballot_blocks(session: Session, meeting_id: int, copies: int = 2) -> list:
    meeting = get_meeting(session, meeting_id)
    elections = [e for e in elections_of_meeting(session, meeting_id) if e.candidates]
    if not elections:
        raise DomainError(_("This meeting has no election with candidates; add the election and its candidates "
                            "first."))
    out: list = []
    for e_index, election in enumerate(elections):
        if e_index:
            out.append(b.PageBreak())
        for copy in range(max(1, copies)):
            if copy:
                out += [b.Spacer(4), b.Para("✂ " + "- " * 60, "muted"), b.Spacer(4)]
            out += [b.Heading(_("Ballot paper")), b.Para(meeting_heading(meeting), "small"),
                    b.Para(_("Election of: {role}").format(role=role_label(election.role).lower()), bold=True),
                    b.Para(ngettext("Mark at most {n} box.", "Mark at most {n} boxes.", election.seats).format(
                        n=election.seats)),
                    b.Table(["", _("Candidate")], [[BOX, c.name] for c in election.candidates], [0.08, 0.92],
                            wrap=False, row_height_mm=9, font_size=13)]
    return out


def write_ballot(session: Session, meeting_id: int, target, copies: int = 2) -> int:
    meeting = get_meeting(session, meeting_id)
    info = _info(session, _("Ballot paper: {meeting}").format(meeting=meeting_heading(meeting)))
    return b.write_pdf(target, info, ballot_blocks(session, meeting_id, copies))
