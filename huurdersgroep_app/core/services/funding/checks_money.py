"""Checks on the money: the budget, the closed books, the cash book, the year plan, the
accountability to the funder and the audit committee."""
from __future__ import annotations

from sqlalchemy import func, select

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.finance import Entry, FinancialYear
from huurdersgroep_app.core.db.models.finance_plans import Grant
from huurdersgroep_app.core.services.finance.budget import budget_totals, get_budget
from huurdersgroep_app.core.services.funding import facts, records
from huurdersgroep_app.core.services.funding.checking import MET, NOT_MET, Outcome, check, semicolon
from huurdersgroep_app.i18n import N_, _, format_date, format_money, ngettext


@check("budget_approved", N_("A budget for {year} approved"), "finance.budget", year_offset=1)
def budget_approved(ctx, params) -> Outcome:
    year = ctx.year + int(params["year_offset"])
    budget = get_budget(ctx.session, year)
    if budget is None or not budget.lines:
        return Outcome(NOT_MET, _("There is no budget for {year}.").format(year=year),
                       _("Make the budget for {year} and have the annual meeting approve it.").format(year=year))
    income, expense = budget_totals(ctx.session, year)
    text = _("budget {year}: income {income}, expenses {expense}").format(
        year=year, income=format_money(income), expense=format_money(expense))
    if budget.approved_on is None or budget.approved_on > ctx.today:
        return Outcome(NOT_MET, text + semicolon() + _("not yet approved"),
                       _("Have the annual meeting approve the budget for {year} and record the decision.").format(
                           year=year))
    approval = _("approved on {date}").format(date=format_date(budget.approved_on))
    if budget.approval_reference:
        approval += f" ({budget.approval_reference})"
    return Outcome(MET, text + semicolon() + approval)


@check("books_closed", N_("The books of {year} closed and its financial report made"), "finance.closing",
       year_offset=-1)
def books_closed(ctx, params) -> Outcome:
    year = ctx.year + int(params["year_offset"])
    row = ctx.session.get(FinancialYear, year)
    start, end = facts.year_bounds(year)
    count = ctx.session.scalar(select(func.count()).select_from(Entry).where(Entry.booked_on.between(start, end))) or 0
    entries = ngettext("{count} entry", "{count} entries", count).format(count=count)
    if row is None or row.status != "closed":
        return Outcome(NOT_MET, _("The books of {year} are still open ({entries}).").format(year=year, entries=entries),
                       _("Run the year-closing checks for {year}, close the year and make its financial report.")
                       .format(year=year))
    closed = format_date(row.closed_on) if row.closed_on else "?"
    return Outcome(MET, _("books of {year} closed on {date} ({entries}); the financial report is made from the "
                          "closed books").format(year=year, date=closed, entries=entries))


@check("cash_book", N_("A cash book kept for the year"), "finance.cashbook")
def cash_book(ctx, params) -> Outcome:
    start, end = facts.year_bounds(ctx.year)
    count, last = ctx.session.execute(select(func.count(), func.max(Entry.booked_on)).where(
        Entry.booked_on.between(start, min(end, ctx.today)))).one()
    if not count:
        return Outcome(NOT_MET, _("No entries booked in {year}.").format(year=ctx.year),
                       _("Book the year's income and expenses in the cash book or import the bank statements."))
    return Outcome(MET, ngettext("{count} entry booked in {year}, the last on {date}",
                                 "{count} entries booked in {year}, the last on {date}", count).format(
        count=count, year=ctx.year, date=format_date(last)))


@check("year_plan", N_("A year plan for {year}"), "funding.year_plan", year_offset=1)
def year_plan(ctx, params) -> Outcome:
    year = ctx.year + int(params["year_offset"])
    plan = records.year_plan(ctx.session, year)
    if plan is None or not plan.lines:
        return Outcome(NOT_MET, _("There is no year plan for {year}.").format(year=year),
                       _("Write the year plan for {year}: goals, activities and meetings.").format(year=year))
    text = ngettext("year plan {year} with {count} planned activity", "year plan {year} with {count} planned "
                    "activities", len(plan.lines)).format(year=year, count=len(plan.lines))
    if plan.approved_on:
        text += semicolon() + _("approved on {date}").format(date=format_date(plan.approved_on))
    return Outcome(MET, text)


@check("accountability_filed", N_("The accountability for {year} filed before the funder's deadline"),
       "funding.grants", year_offset=-1, months_after_year=None)
def accountability_filed(ctx, params) -> Outcome:
    year = ctx.year + int(params["year_offset"])
    months = params.get("months_after_year")
    grants = list(ctx.session.scalars(select(Grant).where(Grant.funder_id == ctx.funder_id, Grant.year == year)
                                      .order_by(Grant.id))) if ctx.funder_id else []
    if not grants:
        return Outcome(MET, _("No grant from this funder for {year}: nothing to account for.").format(year=year))
    parts, todo = [], []
    for grant in grants:
        name = _("grant {year}").format(year=year) + (f" {grant.reference}" if grant.reference else "")
        due = grant.deadline or (facts.months_after_year(year, int(months)) if months else None)
        if grant.accounted_on and grant.accounted_on <= ctx.today and (due is None or grant.accounted_on <= due):
            parts.append(_("{grant}: filed on {date}").format(grant=name, date=format_date(grant.accounted_on)) +
                         (" " + _("(deadline {date})").format(date=format_date(due)) if due else ""))
            continue
        if grant.accounted_on:
            parts.append(_("{grant}: filed on {date}, after the deadline of {due}").format(
                grant=name, date=format_date(grant.accounted_on), due=format_date(due)))
            todo.append(_("Ask the funder whether the late accountability is accepted."))
        elif due and due < ctx.today:
            parts.append(_("{grant}: not filed; the deadline was {due}").format(grant=name, due=format_date(due)))
            todo.append(_("File the accountability for {year} now and record the date.").format(year=year))
        else:
            parts.append(_("{grant}: not filed yet").format(grant=name) +
                         (" " + _("(deadline {date})").format(date=format_date(due)) if due else ""))
            todo.append(_("File the accountability for {year} and record the date.").format(year=year))
    return Outcome(NOT_MET if todo else MET, semicolon().join(parts), " ".join(dict.fromkeys(todo)))


@check("audit_committee",
       N_("A kascommissie for {year} of at least {minimum} members not on the board, with its report"),
       "finance.audit_committee", minimum=2, year_offset=-1)
def audit_committee(ctx, params) -> Outcome:
    year, minimum = ctx.year + int(params["year_offset"]), int(params["minimum"])
    committee = records.audit_committee(ctx.session, year)
    if committee is None or not committee.members:
        return Outcome(NOT_MET, _("No kascommissie recorded for {year}.").format(year=year),
                       _("Record the kascommissie for {year}: at least {count} members not on the board.").format(
                           year=year, count=minimum))
    ids = [m.member_id for m in committee.members]
    names = [ctx.session.get(Member, i).full_name for i in ids]
    on_board = [ctx.session.get(Member, i).full_name for i in ids if i in records.board_member_ids_in_year(
        ctx.session, year)]
    text = _("kascommissie {year}: {names}").format(year=year, names=", ".join(names))
    problems = []
    if len(ids) < minimum:
        problems.append(ngettext("it has {count} member", "it has {count} members", len(ids)).format(count=len(ids)))
    if on_board:
        problems.append(_("on the board: {names}").format(names=", ".join(on_board)))
    if committee.checked_on is None or committee.checked_on > ctx.today:
        problems.append(_("no report yet"))
    else:
        text += semicolon() + _("report of {date}").format(date=format_date(committee.checked_on))
        if committee.approved:
            text += ", " + _("books found in order")
    if problems:
        return Outcome(NOT_MET, text + semicolon() + semicolon().join(problems),
                       _("Complete the kascommissie for {year} ({count} members not on the board) and record "
                         "its report.").format(year=year, count=minimum))
    return Outcome(MET, text)
