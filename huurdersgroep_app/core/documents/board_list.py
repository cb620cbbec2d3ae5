"""The board list PDF: the current board, the retirement rota for the next annual meeting, and
the history of every office. Read through ``core.services.board``."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents.base import DocumentInfo, Letterhead
from huurdersgroep_app.core.documents.tables import MARK_FILL, Column, PageFlow, Row, write_document
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.organisation import get_organisation
from huurdersgroep_app.i18n import _, format_date, ngettext


def write_board_list(session: Session, target, *, today: date | None = None) -> int:
    """Write the board list PDF to ``target`` (a path or a binary file); returns the page count."""
    today = today or date.today()
    org = get_organisation(session)
    current = board.current_offices(session, today)
    meeting, rota = board.retirement_rota(session, today)
    history = board.office_history(session)
    years = board.term_years(session)
    info = DocumentInfo(Letterhead.from_organisation(org), _("Board list"), created=today)

    def draw(flow: PageFlow) -> None:
        flow.title(_("Board of {group}").format(group=org.name),
                   subtitle=_("{date} · term of office {years}").format(
                       date=format_date(today, "long"),
                       years=ngettext("{n} year", "{n} years", years).format(n=years)))
        _draw_current(flow, current)
        _draw_rota(flow, meeting, rota)
        _draw_history(flow, history, today)

    return write_document(target, info, draw)


def _draw_current(flow: PageFlow, offices) -> None:
    columns = [Column(_("Office"), 2.2), Column(_("Name"), 3.5), Column(_("Since"), 1.5, align="right"),
               Column(_("End of term"), 1.5, align="right")]
    rows = [[board.role_label(o.role), o.member.full_name, format_date(o.start_on, "short"),
             format_date(o.planned_end_on, "short")] for o in offices]
    flow.table(columns, rows, title=_("Current board"), empty_text=_("No one holds an office today."))


def _draw_rota(flow: PageFlow, meeting: date, rota: list[board.RotaEntry]) -> None:
    due = [entry for entry in rota if entry.due]
    title = _("Retirement rota for the annual meeting of {date}").format(date=format_date(meeting, "long"))
    flow.heading(title)
    if due:
        flow.paragraph(ngettext(
            "{count} board member is due to step down at this annual meeting (marked below).",
            "{count} board members are due to step down at this annual meeting (marked below).",
            len(due)).format(count=len(due)), bold=True)
    else:
        flow.paragraph(_("No board member is due to step down at this annual meeting."))
    columns = [Column(_("Name"), 3.3), Column(_("Office"), 2.2), Column(_("Since"), 1.4, align="right"),
               Column(_("End of term"), 1.4, align="right"), Column(_("At the annual meeting"), 2.4)]
    rows = []
    for entry in rota:
        cells = [entry.member_name, board.role_label(entry.role), format_date(entry.start_on, "short"),
                 format_date(entry.planned_end_on, "short") or _("not set")]
        if entry.due:
            rows.append(Row([*cells, "► " + _("Due to step down")], bold=True, fill=MARK_FILL))
        else:
            rows.append(cells + [_("Stays on")])
    flow.table(columns, rows, empty_text=_("No one holds an office today."))


def _draw_history(flow: PageFlow, offices, today: date) -> None:
    columns = [Column(_("Office"), 2.2), Column(_("Name"), 3.5), Column(_("From"), 1.5, align="right"),
               Column(_("Until"), 1.5, align="right"), Column(_("Planned end"), 1.5, align="right")]
    rows = []
    for o in offices:
        if o.ended_on is not None and o.ended_on <= today:
            until = format_date(o.ended_on, "short")
        elif o.start_on > today:
            until = _("starts later")
        else:
            until = _("current")
        rows.append([board.role_label(o.role), o.member.full_name, format_date(o.start_on, "short"), until,
                     format_date(o.planned_end_on, "short")])
    flow.table(columns, rows, title=_("Office history"), empty_text=_("No offices recorded yet."))
