"""The member list PDF at three privacy levels.

- ``names``: name, complex and member since — no contact data, fit to hang in a hallway;
- ``contact``: name, address, postcode and city, phone, e-mail, preferred way of contact — for
  the board only, marked confidential;
- ``counts``: no personal data at all — dwellings, active members and reach per complex, with a total.

Active members only unless ``include_former``: former members stay in the database, not on the list.
Rows come from ``members.member_rows``, already sorted by the group's surname convention.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import lru_cache

from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents.base import DocumentInfo, Letterhead
from huurdersgroep_app.core.documents.tables import Column, PageFlow, Row, write_document
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.progress import CancelToken, ProgressCallback, Steps
from huurdersgroep_app.core.services.members import complexes
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.core.services.organisation import get_organisation
from huurdersgroep_app.i18n import N_, _, format_date, format_number, format_percent, ngettext

PRIVACY_LEVELS = ("names", "contact", "counts")
CONTACT_WAY_LABELS = {"letter": N_("Letter"), "email": N_("E-mail"), "phone": N_("Phone")}


def members_label(count: int) -> str:
    return ngettext("{count} member", "{count} members", count).format(count=format_number(count))


def write_member_list(session: Session, target, privacy: str = "names", *, include_former: bool = False,
                      today: date | None = None, progress: ProgressCallback | None = None,
                      cancel: CancelToken | None = None) -> int:
    """Write the member list PDF to ``target`` (a path or a binary file); returns the page count.

    Reports one step per member drawn (10,000 members take seconds) and stops between rows when
    ``cancel`` says so; the caller discards the unfinished file."""
    if privacy not in PRIVACY_LEVELS:
        raise DomainError(_("Unknown privacy level '{level}'. Choose one of: {choices}.").format(
            level=privacy, choices=", ".join(PRIVACY_LEVELS)))
    today = today or date.today()
    org = get_organisation(session)
    info = DocumentInfo(Letterhead.from_organisation(org), _("Member list"), created=today)
    if privacy == "counts":
        rows = complexes.complex_rows(session, on=today)
        total = complexes.total_reach(rows)

        def draw(flow: PageFlow) -> None:
            _heading(flow, org.name, today, total.members, privacy, include_former=False)
            _draw_counts(flow, rows, total)

        return write_document(target, info, draw)

    people = members.member_rows(session, active_only=not include_former, on=today)
    if privacy == "names":
        columns, cells = _names_table(include_former)
    else:
        columns, cells = _contact_table(include_former)
    columns[0] = replace(columns[0], sample=str(len(people)))  # the running number shows in full

    steps = Steps(progress, cancel, total=len(people))

    def rows():
        for number, row in enumerate(people, start=1):
            steps(number - 1)
            yield cells(number, row)
        steps(len(people))

    def draw(flow: PageFlow) -> None:
        _heading(flow, org.name, today, len(people), privacy, include_former)
        flow.table(columns, rows(), empty_text=_("No members yet."))

    return write_document(target, info, draw, landscape=privacy == "contact")


def _heading(flow: PageFlow, group: str, today: date, count: int, privacy: str, include_former: bool) -> None:
    flow.title(_("Member list of {group}").format(group=group),
               subtitle=_("{date} · {count}").format(date=format_date(today, "long"), count=members_label(count)))
    notes = {
        "names": _("Names only: this list holds no addresses or other contact details."),
        "contact": _("Confidential: this list holds personal contact details. Use it only for the group's "
                     "work, do not pass it on, and destroy it when it is no longer needed."),
        "counts": _("Counts per complex: this list holds no personal data. Reach is the number of active "
                    "members divided by the number of dwellings."),
    }
    flow.paragraph(notes[privacy], size=8.5, bold=privacy == "contact")
    if include_former:
        flow.paragraph(_("Former members are included, with the date they left."), size=8.5)


def _short_dates():
    # Members share join dates; Babel formatting 10,000 dates costs more than drawing them.
    return lru_cache(maxsize=None)(lambda day: format_date(day, "short"))


def _names_table(include_former: bool):
    columns = [Column(_("No."), 0.5, align="right"), Column(_("Name"), 4), Column(_("Complex"), 3),
               Column(_("Member since"), 1.7, align="right")]
    if include_former:
        columns.append(Column(_("Left on"), 1.7, align="right"))

    short = _short_dates()

    def cells(number: int, row: members.MemberRow) -> list[str]:
        out = [str(number), _full_name(row), row.complex_name, short(row.joined_on)]
        if include_former:
            out.append(short(row.left_on))
        return out

    return columns, cells


def _contact_table(include_former: bool):
    columns = [Column(_("No."), 0.45, align="right"), Column(_("Name"), 3.1), Column(_("Address"), 3.0),
               Column(_("Postcode and city"), 2.4), Column(_("Phone"), 1.8), Column(_("E-mail"), 3.6),
               Column(_("Contact by"), 1.2)]
    if include_former:
        columns.append(Column(_("Left on"), 1.3, align="right"))
    ways = {key: _(label) for key, label in CONTACT_WAY_LABELS.items()}
    short = _short_dates()

    def cells(number: int, row: members.MemberRow) -> list[str]:
        out = [str(number), _full_name(row), row.address_line, f"{row.postcode} {row.city}".strip(), row.phone,
               row.email, ways.get(row.contact_way, row.contact_way)]
        if include_former:
            out.append(short(row.left_on))
        return out

    return columns, cells


def _full_name(row: members.MemberRow) -> str:
    # Surname first, as the list is sorted by surname; particles stay as written ('Van den Broeck, Jan').
    return f"{row.last_name}, {row.first_name}" if row.first_name else row.last_name


def _draw_counts(flow: PageFlow, rows: list[complexes.ComplexRow], total: complexes.ReachTotal) -> None:
    columns = [Column(_("Complex"), 5), Column(_("Dwellings"), 1.5, align="right"),
               Column(_("Active members"), 1.8, align="right"), Column(_("Reach"), 1.3, align="right")]

    def cells(row: complexes.ComplexRow) -> list[str]:
        return [row.name, format_number(row.dwellings) if row.dwellings else "–", format_number(row.members),
                format_percent(row.reach) if row.reach is not None else "–"]

    body = [cells(row) for row in rows]
    body.append(Row(cells(total), bold=True, rule_above=True))
    flow.table(columns, body, title=_("Members per complex"))
    note = complexes.reach_note(total)
    if note:
        flow.paragraph(note, size=8.5)
