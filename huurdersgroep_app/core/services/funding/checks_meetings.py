"""Checks on meetings: the annual meeting, meetings open to all tenants, consultations with the
landlord, the annual report within months after the year, elections."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from huurdersgroep_app.core.db.models.meetings import Election, Meeting
from huurdersgroep_app.core.services.meetings.agenda import STANDARD_ITEMS, standard_title
from huurdersgroep_app.core.services.meetings.attendance import active_member_ids
from huurdersgroep_app.core.services.funding import facts
from huurdersgroep_app.core.services.funding.checking import MET, NOT_MET, Outcome, check, confirmed, semicolon
from huurdersgroep_app.i18n import N_, _, format_date, format_number, ngettext


def _item_names(keys) -> str:
    return ", ".join(standard_title(k).lower() if k in STANDARD_ITEMS else k for k in keys)


def _annual_text(ctx, meeting: Meeting, keys: list[str]) -> tuple[str, list[str]]:
    """Plain words about a held annual meeting, and the required agenda items it lacked."""
    parts = [_("annual meeting held on {date}").format(date=format_date(meeting.scheduled_on))]
    approved = facts.minutes_approved_on(ctx, meeting.id)
    if approved and approved <= ctx.today:
        parts.append(_("minutes approved on {date}").format(date=format_date(approved)))
    elif meeting.status in ("minutes_drafted", "minutes_approved"):
        parts.append(_("minutes written"))
    else:
        parts.append(_("no minutes yet"))
    present = facts.tenants_present(ctx, meeting.id)
    parts.append(ngettext("{count} tenant present", "{count} tenants present", present).format(count=present))
    on_agenda = facts.agenda_keys(ctx, meeting.id)
    have = [k for k in keys if k in on_agenda]
    missing = [k for k in keys if k not in on_agenda]
    if have:
        parts.append(_("{items} on the agenda").format(items=_item_names(have)))
    return semicolon().join(parts), missing


@check("annual_meeting", N_("A meeting for all tenants this year, accounting for last year and discussing "
                            "next year's plans (on its agenda: {agenda})"),
       "meetings.annual", agenda=["activity_report", "financial_report", "plans_budget"])
def annual_meeting(ctx, params) -> Outcome:
    keys = list(params["agenda"])
    meeting = facts.annual_meeting(ctx)
    if meeting is None:
        planned = ctx.session.scalar(select(Meeting.scheduled_on).where(
            Meeting.type == "annual", Meeting.status.in_(("planned", "invited")),
            Meeting.scheduled_on >= date(ctx.year, 1, 1), Meeting.scheduled_on <= date(ctx.year, 12, 31)))
        if planned:
            return Outcome(NOT_MET, _("The annual meeting of {year} is planned on {date}; it has not been held yet.")
                           .format(year=ctx.year, date=format_date(planned)),
                           _("Hold the annual meeting and record its attendance and minutes."))
        return Outcome(NOT_MET, _("No annual meeting was held in {year}.").format(year=ctx.year),
                       _("Plan the annual meeting for all tenants, with the activity and financial report on its "
                         "agenda."))
    text, missing = _annual_text(ctx, meeting, keys)
    if meeting.status == "held":
        return Outcome(NOT_MET, text, _("Write the minutes of the annual meeting."))
    if missing:
        return Outcome(NOT_MET, text, _("These items are missing on its agenda: {items}. Add them (and their "
                                        "notes) to the minutes.").format(items=_item_names(missing)))
    return Outcome(MET, text)


@check("annual_report_within_months", N_("Board report and accounts to the general meeting within {months} "
                                         "months after the year (BW 2:48)"),
       "meetings.annual", months=6, agenda=["activity_report", "financial_report"])
def annual_report_within_months(ctx, params) -> Outcome:
    months = int(params["months"])
    limit = facts.months_after_year(ctx.year - 1, months)
    meeting = facts.annual_meeting(ctx)
    if meeting is None or meeting.status == "held":
        text = (_("No annual meeting with minutes in {year}.").format(year=ctx.year) if meeting is None else
                _("annual meeting held on {date}; no minutes yet").format(date=format_date(meeting.scheduled_on)))
    else:
        text, missing = _annual_text(ctx, meeting, list(params["agenda"]))
        if not missing and meeting.scheduled_on <= limit:
            return Outcome(MET, text)
        if missing:
            text += semicolon() + _("missing on the agenda: {items}").format(items=_item_names(missing))
        else:
            text += semicolon() + _("held after {date}").format(date=format_date(limit))
    if ctx.evidence:  # the general meeting extended the term
        return Outcome(MET, text + semicolon() + ctx.evidence_text())
    return Outcome(NOT_MET, text, _("Present the board report, the balance and the income statement of {year} to "
                                    "the general meeting by {date}, or record the meeting's decision to extend "
                                    "the term as evidence.").format(year=ctx.year - 1, date=format_date(limit)))


@check("open_meetings", N_("At least {minimum} meetings a year open to all tenants"), "meetings", minimum=4)
def open_meetings(ctx, params) -> Outcome:
    minimum = int(params["minimum"])
    found = [m for m in facts.held_meetings(ctx) if facts.open_to_all(m)]
    text = ngettext("{count} meeting open to all tenants held in {year}", "{count} meetings open to all tenants "
                    "held in {year}", len(found)).format(count=len(found), year=ctx.year)
    if found:
        text = _("{label}: ").format(label=text) + facts.dates(found)  # the language's colon
    if len(found) >= minimum:
        return Outcome(MET, text)
    return Outcome(NOT_MET, text, ngettext("Hold {count} more meeting open to all tenants this year.",
                                           "Hold {count} more meetings open to all tenants this year.",
                                           minimum - len(found)).format(count=minimum - len(found)))


@check("consultations", N_("Consultation with the landlord at least {minimum} time(s) in the year (Overlegwet)"),
       "meetings", minimum=1)
def consultations(ctx, params) -> Outcome:
    minimum = int(params["minimum"])
    found = [m for m in facts.held_meetings(ctx) if m.type == "consultation"]
    text = ngettext("{count} consultation with the landlord held in {year}",
                    "{count} consultations with the landlord held in {year}", len(found)).format(
        count=len(found), year=ctx.year)
    if found:
        text = _("{label}: ").format(label=text) + facts.dates(found)  # the language's colon
    if len(found) >= minimum:
        return Outcome(MET, text)
    return Outcome(NOT_MET, text, _("Plan a consultation with the landlord and record it as a meeting."))


@check("tenants_informed", N_("Tenants are informed and involved (meetings open to all tenants: at least "
                              "{minimum}; newsletters or other communications confirmed with evidence)"),
       "meetings", minimum=1)
def tenants_informed(ctx, params) -> Outcome:
    minimum = int(params["minimum"])
    found = [m for m in facts.held_meetings(ctx) if facts.open_to_all(m)]
    text = ngettext("{count} meeting open to all tenants in {year}", "{count} meetings open to all tenants in {year}",
                    len(found)).format(count=len(found), year=ctx.year)
    if found:
        text += f" ({facts.dates(found)})"
    if len(found) < minimum:
        return Outcome(NOT_MET, text, _("Hold a meeting open to all tenants, and add a newsletter or another "
                                        "communication as evidence."))
    return confirmed(ctx, text, _("Add a newsletter, a notice or another communication to tenants of {year} as "
                                  "evidence.").format(year=ctx.year))


@check("open_to_all_tenants", N_("The group is open to all tenants"), "funding.evidence")
def open_to_all_tenants(ctx, params) -> Outcome:
    return confirmed(ctx, "", _("Confirm that every tenant can join (for instance with the statutes or the "
                                "membership form) as evidence."))


@check("elections_valid", N_("Elections every {every_years} years, valid at a turnout of at least "
                             "{turnout_percent} % with at least {candidates} candidates"),
       "meetings.elections", every_years=4, turnout_percent=5, candidates=5)
def elections_valid(ctx, params) -> Outcome:
    every, turnout, needed = int(params["every_years"]), params["turnout_percent"], int(params["candidates"])
    since = date(ctx.year - every + 1, 1, 1)
    rows = ctx.session.execute(select(Election, Meeting.scheduled_on).join(Meeting, Meeting.id == Election.meeting_id)
                               .where(Meeting.scheduled_on >= since, Meeting.scheduled_on <= ctx.on,
                                      Meeting.status.in_(("held", "minutes_drafted", "minutes_approved")))
                               .order_by(Meeting.scheduled_on.desc(), Election.id.desc())).all()
    if not rows:
        return Outcome(NOT_MET, _("No election was held from {start} to {end}.").format(
            start=format_date(since), end=format_date(ctx.on)),
            _("Organise the elections and record the ballots and candidates."))
    by_meeting: dict[date, list[Election]] = {}
    for election, day in rows:
        by_meeting.setdefault(day, []).append(election)
    day = max(by_meeting)
    held = by_meeting[day]
    candidates = len({c.member_id for e in held for c in e.candidates})
    cast = max((e.ballots_cast or 0) for e in held)
    electorate = len(active_member_ids(ctx.session, day))
    percent = (Decimal(cast * 100) / electorate).quantize(Decimal("0.1")) if electorate else Decimal(0)
    text = _("election held on {date}: {cast} ballots of {electorate} members ({percent} %), {candidates} "
             "candidates").format(date=format_date(day), cast=cast, electorate=electorate,
                                  percent=format_number(percent), candidates=candidates)
    problems = []
    if cast * 100 < turnout * electorate:
        problems.append(_("the turnout is below {percent} %").format(percent=turnout))
    if candidates < needed:
        problems.append(_("fewer than {count} candidates").format(count=needed))
    if problems:
        return Outcome(NOT_MET, text + semicolon() + ", ".join(problems),
                       _("The election is not valid: organise new elections."))
    return Outcome(MET, text)
