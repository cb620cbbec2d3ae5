"""The year plan (jaarplanning): the goals and every planned activity and meeting, each with the
budget line of the plan year that pays for it. PDF and DOCX from the same blocks."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents import blocks as b
from huurdersgroep_app.core.documents.funding.common import document_info, write_blocks
from huurdersgroep_app.core.services.funding.plan import year_plan_view
from huurdersgroep_app.core.services.meetings.lifecycle import type_label
from huurdersgroep_app.core.services.organisation import get_organisation
from huurdersgroep_app.i18n import _, format_date, format_money


def year_plan_blocks(session: Session, year: int) -> list:
    view = year_plan_view(session, year)
    out: list = [b.Title(_("Year plan {year}").format(year=year)), b.Para(get_organisation(session).name, "muted")]
    if view.approved_on:
        out.append(b.Para(_("Approved on {date}.").format(date=format_date(view.approved_on, "long")), "small"))
    elif view.exists:
        out.append(b.Para(_("Draft: not yet approved."), "small"))
    else:
        out.append(b.Para(_("There is no year plan for {year} yet.").format(year=year), bold=True))
    out.append(b.Heading(_("Goals")))
    goals = [p.strip() for p in view.goals.split("\n\n") if p.strip()]
    out += [b.Para(p) for p in goals] or [b.Para(_("No goals written yet."), "muted")]
    out.append(b.Heading(_("Planned activities and meetings")))
    if view.lines:
        rows = []
        for line in view.lines:
            what = line.description
            if line.kind != "activity" and line.description != type_label(line.kind):
                what += f" ({type_label(line.kind)})"
            if line.budget_line:
                money = format_money(line.budgeted) if line.budgeted is not None else _("not in the budget")
                # The language's colon ('Formation : 400,00 €' in French).
                budget = _("{label}: ").format(label=line.budget_line) + money
            else:
                budget = "–"
            rows.append([format_date(line.planned_on, "short") if line.planned_on else _("to be set"), what, budget])
        # 'When' whole on one line, a date or 'to be set' alike ('nog te / bepalen' broke in Word).
        out.append(b.Table([_("When"), _("What"), _("Budget line {year}").format(year=year)], rows,
                           [0.15, 0.5, 0.35], whole=(0,)))
    else:
        out.append(b.Para(_("Nothing planned yet."), "muted"))
    if view.unbudgeted:
        out.append(b.Para(_("Some activities are linked to a budget line that the budget of {year} does not hold.")
                          .format(year=year), bold=True))
    if view.budget_approved_on:
        out.append(b.Para(_("The budget of {year} was approved on {date}.").format(
            year=year, date=format_date(view.budget_approved_on, "long")), "small"))
    else:
        out.append(b.Para(_("The budget of {year} is not yet approved.").format(year=year), "small"))
    return out


def write_year_plan(session: Session, year: int, target, fmt: str = "pdf", *, today: date | None = None,
                    progress=None) -> int | None:
    """The year plan of ``year`` as PDF (returns the page count) or DOCX (returns None)."""
    info = document_info(session, _("Year plan {year}").format(year=year), today)
    return write_blocks(target, info, year_plan_blocks(session, year), fmt, progress)
