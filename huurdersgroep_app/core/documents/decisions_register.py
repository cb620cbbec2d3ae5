"""The decisions register of a year and the list of open action points."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents import blocks as b
from huurdersgroep_app.core.documents.invitation import _info
from huurdersgroep_app.core.documents.minutes import financial_year_note
from huurdersgroep_app.core.services.meetings.action_points import action_point_rows, action_status_label
from huurdersgroep_app.core.services.meetings.minutes import decision_rows
from huurdersgroep_app.i18n import _, format_date, ngettext


def decisions_blocks(session: Session, year: int) -> list:
    rows = decision_rows(session, year=year)
    table = [[d.label, format_date(d.meeting_date, "short"), d.meeting_title,
              d.text + financial_year_note(d),
              d.vote] for d in rows]
    out: list = [b.Title(_("Decisions register {year}").format(year=year)),
                 b.Para(ngettext("{n} decision", "{n} decisions", len(rows)).format(n=len(rows)), "muted")]
    if table:
        out.append(b.Table([_("No."), _("Date"), _("Meeting"), _("Decision"), _("Vote")], table,
                           [0.09, 0.13, 0.17, 0.43, 0.18]))
    else:
        out.append(b.Para(_("No decisions were recorded in {year}.").format(year=year)))
    return out


def write_decisions_register(session: Session, year: int, target) -> int:
    return b.write_pdf(target, _info(session, _("Decisions register {year}").format(year=year)),
                       decisions_blocks(session, year))


def action_points_blocks(session: Session, year: int | None = None, today: date | None = None) -> list:
    """Open action points (of meetings in ``year``, or all), oldest first; overdue ones marked."""
    today = today or date.today()
    rows = action_point_rows(session, status="open", year=year)
    title = _("Open action points {year}").format(year=year) if year else _("Open action points")
    overdue = sum(r.overdue(today) for r in rows)
    out: list = [b.Title(title), b.Para(
        ngettext("{n} open action point", "{n} open action points", len(rows)).format(n=len(rows)) + ", " +
        ngettext("{n} overdue", "{n} overdue", overdue).format(n=overdue) + " · " +
        _("as of {date}").format(date=format_date(today, "long")), "muted")]
    if not rows:
        out.append(b.Para(_("There are no open action points.")))
        return out
    table = [[r.description, r.owner_name, format_date(r.due_on, "short") if r.due_on else "",
              f"{format_date(r.meeting_date, 'short')} {r.meeting_title}",
              _("overdue") if r.overdue(today) else action_status_label(r.status)] for r in rows]
    out.append(b.Table([_("Action"), _("Who"), _("Due"), _("Meeting"), _("Status")], table,
                       [0.38, 0.2, 0.11, 0.2, 0.11]))
    return out


def write_action_points(session: Session, target, year: int | None = None, today: date | None = None) -> int:
    title = _("Open action points {year}").format(year=year) if year else _("Open action points")
    return b.write_pdf(target, _info(session, title), action_points_blocks(session, year, today))
