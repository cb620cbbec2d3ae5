"""The minutes, assembled from the meeting record: attendance and quorum, per agenda item the
notes, decisions with their vote, elections and action points, the open action points under the
review item, and signature lines. PDF on the letterhead and DOCX with the same text."""
from __future__ import annotations

from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents import blocks as b
from huurdersgroep_app.core.documents.invitation import _info
from huurdersgroep_app.core.services.meetings.elections import ElectionResult
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.meetings.action_points import ActionPointRow, action_status_label
from huurdersgroep_app.core.services.meetings.record import ItemRecord, MeetingRecord, load_meeting
from huurdersgroep_app.core.services.meetings.lifecycle import get_meeting, meeting_heading
from huurdersgroep_app.core.services.meetings.minutes import DecisionRow, approval_of
from huurdersgroep_app.i18n import _, format_date, ngettext


def financial_year_note(d: DecisionRow) -> str:
    """' (financial year 2025)' for a discharge whose text does not say the year itself."""
    if d.financial_year is None or str(d.financial_year) in d.text:
        return ""
    return _(" (financial year {year})").format(year=d.financial_year)


def decision_para(d: DecisionRow) -> b.Para:
    extra = financial_year_note(d)
    return b.Para(_("{text}{extra} — {vote}").format(text=d.text, extra=extra, vote=d.vote),
                  lead=_("Decision {label}: ").format(label=d.label))


def minutes_date(value) -> str:
    """Every date in the minutes is written one way, the long form ('29 mars 2025'), in tables too."""
    return format_date(value, "long") if value else ""


def action_table(points: list[ActionPointRow], with_status: bool = False) -> b.Table:
    header = [_("Action"), _("Who"), _("Due")]
    widths = [0.5, 0.27, 0.23]
    whole: tuple[int, ...] = (2,)
    if with_status:
        header += [_("From"), _("Status")]
        widths = [0.3, 0.18, 0.17, 0.17, 0.18]
        whole = (2, 3)
    rows = []
    for a in points:
        row = [a.description, a.owner_name, minutes_date(a.due_on)]
        if with_status:
            status = action_status_label(a.status)
            if a.done_on:
                status += " " + minutes_date(a.done_on)
            row += [minutes_date(a.meeting_date), status]
        rows.append(row)
    return b.Table(header, rows, widths, whole=whole)


ABSENT_NAMED_UP_TO = 20  # more absent members are counted, not named


def attendance_blocks(record: MeetingRecord) -> list:
    members = [r for r in record.attendance if not r.is_guest]
    present = [r.name for r in members if r.status == "present"]
    excused = [r.name for r in members if r.status == "excused"]
    absent = [r.name for r in members if r.status not in ("present", "excused")]
    proxies = [_("{name} (proxy held by {holder})").format(name=r.name, holder=r.proxy_holder_name)
               for r in members if r.proxy_holder_id and r.status != "present"]
    guests = [f"{g.name} ({g.organisation})" if g.organisation else g.name for g in record.attendance if g.is_guest]
    # (label, count or None, text): a count stands beside its label ("Present (23): …"); it read
    # "Present: 23: …", two colons in a row.
    rows: list[tuple[str, int | None, str]] = [(_("Present"), len(present), ", ".join(present)),
                                               (_("Excused"), len(excused), ", ".join(excused))]
    if record.type == "board" or len(absent) + record.unlisted <= ABSENT_NAMED_UP_TO:
        rows.append((_("Absent"), len(absent), ", ".join(absent)))
    else:
        rows.append((_("Absent"), None, str(len(absent) + record.unlisted)))
    if proxies:
        rows.append((_("Proxies"), None, "; ".join(proxies)))
    if guests:
        rows.append((_("Guests"), len(guests), ", ".join(guests)))
    rows.append((_("Quorum"), None, record.quorum.text))
    # Paragraphs, not a table: a list of 200 names must be able to run onto the next page.
    return [b.Para(text or "0", lead=_("{label}: ").format(label=label)) if count is None or not text
            else b.Para(text, lead=_("{label} ({count}): ").format(label=label, count=count))
            for label, count, text in rows]


def election_blocks(election: ElectionResult) -> list:
    """An election under its own heading (the office and the seats), then the count: the table of votes,
    every ballot paper accounted for (valid, blank, invalid), and the result."""
    role = board.role_label(election.role).lower()
    heading = ngettext("Election of {role} ({n} seat)", "Election of {role} ({n} seats)", election.seats).format(
        role=role, n=election.seats)
    out: list = [b.Heading(heading, 3)]
    if election.method == "vote":
        out.append(b.Table([_("Candidate"), _("Votes"), _("Elected")],
                           [[c.name, "" if c.votes is None else str(c.votes), _("yes") if c.elected else ""]
                            for c in election.candidates], [0.5, 0.2, 0.3], whole=(1,)))
        if election.ballots_text:
            out.append(b.Para(election.ballots_text))
    else:
        elected = sum(1 for c in election.candidates if c.elected) or election.seats
        # TRANSLATORS: the same in English; French and Dutch agree with the number of people elected.
        out.append(b.Para(ngettext("Elected by acclamation.", "Elected by acclamation.", elected), "muted"))
    out.append(b.Para(election.text))
    return out


def item_blocks(record: MeetingRecord, item: ItemRecord) -> list:
    out: list = [b.Heading(f"{item.number}. {item.title}", 3)]
    if item.introduced_by:
        out.append(b.Para(_("Introduced by {name}").format(name=item.introduced_by), "muted"))
    if item.notes:
        out.append(b.Para(item.notes))
    if item.review:
        out += [b.Para(_("Open action points from earlier meetings:"), "small", bold=True),
                action_table(item.review, with_status=True)]
    for election in item.elections:
        out += election_blocks(election)
    for d in item.decisions:
        out.append(decision_para(d))
    if item.action_points:
        out += [b.Para(_("Action points:"), "small", bold=True), action_table(item.action_points)]
    if len(out) == 1:
        # A bare heading reads as a section someone forgot to write (and a run of them as a list).
        out.append(b.Para(_("Nothing was noted under this item."), "muted"))
    return out


def signing_names(record: MeetingRecord) -> tuple[str, str]:
    """The chair and minute-taker who sign; never someone recorded as excused or absent (a file from before
    the roles were checked may hold one: the line stays empty for the one who really did it)."""
    away = {r.member_id for r in record.attendance if not r.is_guest and r.status in ("excused", "absent")}
    return (record.chair_name if record.chair_id not in away else "",
            record.minute_taker_name if record.minute_taker_id not in away else "")


def minutes_blocks(session: Session, meeting_id: int) -> list:
    meeting = get_meeting(session, meeting_id)
    # Only the absent members' names that are printed are read: not 10,000 for a large group's meeting.
    record = load_meeting(session, meeting_id, None if meeting.type == "board" else ABSENT_NAMED_UP_TO)
    approval = approval_of(session, meeting_id)
    if approval is not None:
        state = _("Approved at the meeting of {date} (decision {label}).").format(
            date=minutes_date(approval.meeting_date), label=approval.label)
    elif record.status == "minutes_approved":
        state = _("Approved.")
    else:
        state = _("Draft: not yet approved.")
    details = [(_("Date"), format_date(record.scheduled_on, "full"))]
    if record.time_text:
        details.append((_("Time"), record.time_text))
    if record.place:
        details.append((_("Place"), record.place))
    chair, minute_taker = signing_names(record)
    details += [(_("Chair"), chair or "—"), (_("Minute-taker"), minute_taker or "—")]
    out: list = [b.Title(_("Minutes")), b.Heading(record.heading), b.Para(state, "muted"), b.Fields(details),
                 b.Spacer(2)] + attendance_blocks(record)
    for item in record.agenda:
        out += item_blocks(record, item)
    if record.review_action_points and record.review_item_id is None:
        out += [b.Heading(_("Open action points from earlier meetings"), 3),
                action_table(record.review_action_points, with_status=True)]
    loose = [d for d in record.decisions if d.agenda_item_id is None or
             d.agenda_item_id not in {i.id for i in record.agenda}]
    if loose:
        out += [b.Heading(_("Other decisions"), 3)] + [decision_para(d) for d in loose]
    if record.parked_items:
        out += [b.Heading(_("Postponed items"), 3), b.Bullets([i.title for i in record.parked_items])]
    if record.action_points:
        out += [b.Heading(_("Action points of this meeting"), 3), action_table(record.action_points)]
    out.append(b.Para(ngettext("{n} decision", "{n} decisions", len(record.decisions)).format(
        n=len(record.decisions)) + " · " + ngettext("{n} action point", "{n} action points", len(
            record.action_points)).format(n=len(record.action_points)), "muted"))
    out.append(b.Signatures([(_("Chair"), chair), (_("Minute-taker"), minute_taker)]))
    return out


def write_minutes(session: Session, meeting_id: int, target, fmt: str = "pdf") -> int | None:
    blocks = minutes_blocks(session, meeting_id)
    info = _info(session, _("Minutes: {meeting}").format(meeting=meeting_heading(get_meeting(session, meeting_id))))
    if fmt == "docx":
        b.write_docx(target, info, blocks)
        return None
    return b.write_pdf(target, info, blocks)

