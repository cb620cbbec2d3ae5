"""Checks on the board and the members: chosen by and from the tenants, its size, consent."""
from __future__ import annotations

from sqlalchemy import func, select

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.meetings import Election, ElectionCandidate, Meeting
from huurdersgroep_app.core.services.members.board import current_offices
from huurdersgroep_app.core.services.funding.checking import MET, NOT_MET, TO_CONFIRM, Outcome, check, semicolon
from huurdersgroep_app.core.services.meetings.lifecycle import HELD_STATUSES
from huurdersgroep_app.i18n import N_, _, format_date, ngettext

BOARD_ROLES = ("chair", "secretary", "treasurer", "board_member")  # aspirants do not count


def _board(ctx):
    return [o for o in current_offices(ctx.session, ctx.on) if o.role in BOARD_ROLES]


@check("board_chosen_by_tenants", N_("The board is chosen by and from the tenants (elected at an annual meeting; "
                                     "board members are tenants)"), "board")
def board_chosen_by_tenants(ctx, params) -> Outcome:
    offices = _board(ctx)
    if not offices:
        return Outcome(NOT_MET, _("Nobody holds a board office on {date}.").format(date=format_date(ctx.on)),
                       _("Record the board and its elections."))
    elected = {(member_id, day) for member_id, day in ctx.session.execute(
        select(ElectionCandidate.member_id, Meeting.scheduled_on)
        .join(Election, Election.id == ElectionCandidate.election_id).join(Meeting, Meeting.id == Election.meeting_id)
        .where(ElectionCandidate.elected.is_(True), Meeting.type == "annual", Meeting.status.in_(HELD_STATUSES)))}
    first_record = ctx.session.scalar(select(func.min(Meeting.scheduled_on)).where(Meeting.type == "annual"))
    not_tenants = sorted({o.member.full_name for o in offices if not o.member.is_tenant})
    unelected, before_records = [], []
    for office in offices:
        if (office.member_id, office.start_on) in elected:
            continue
        if first_record is None or office.start_on < first_record:
            before_records.append(office.member.full_name)
        else:
            unelected.append(office.member.full_name)
    people = len({o.member_id for o in offices})
    text = ngettext("{count} board member on {date}", "{count} board members on {date}", people).format(
        count=people, date=format_date(ctx.on))
    if not_tenants:
        return Outcome(NOT_MET, text + semicolon() + _("not a tenant: {names}").format(names=", ".join(not_tenants)),
                       _("Board members must be tenants: correct the member's record or the board."))
    text += semicolon() + _("all tenants")
    if unelected:
        return Outcome(NOT_MET, text + semicolon() + _("not elected at an annual meeting: {names}").format(
            names=", ".join(sorted(set(unelected)))), _("Record their election at the annual meeting."))
    if before_records:
        words = text + semicolon() + _("elected before the app's records began: {names}").format(
            names=", ".join(sorted(set(before_records))))
        if ctx.evidence:
            return Outcome(MET, words + semicolon() + ctx.evidence_text())
        return Outcome(TO_CONFIRM, words, _("Add the minutes of the annual meeting that elected them as evidence."),
                       "funding.evidence")
    return Outcome(MET, text + semicolon() + _("all elected at an annual meeting"))


@check("board_minimum", N_("A board of at least {minimum} members"), "board", minimum=3)
def board_minimum(ctx, params) -> Outcome:
    minimum = int(params["minimum"])
    people = sorted({o.member.full_name for o in _board(ctx)})
    text = ngettext("{count} board member on {date}", "{count} board members on {date}", len(people)).format(
        count=len(people), date=format_date(ctx.on))
    if people:
        text = _("{label}: ").format(label=text) + ", ".join(people)  # the language's colon
    if len(people) >= minimum:
        return Outcome(MET, text)
    return Outcome(NOT_MET, text, ngettext("Find {count} more board member.", "Find {count} more board members.",
                                           minimum - len(people)).format(count=minimum - len(people)))


@check("members_consent", N_("Members' consent to being registered is recorded (at least {percent} %)"),
       "members", percent=100)
def members_consent(ctx, params) -> Outcome:
    percent = params["percent"]
    # Counted in SQL (Member.is_active's rule): loading 10,000 members as objects took seconds.
    active = (Member.anonymised.is_(False), (Member.joined_on.is_(None)) | (Member.joined_on <= ctx.on),
              (Member.left_on.is_(None)) | (Member.left_on > ctx.on))
    total = ctx.session.scalar(select(func.count(Member.id)).where(*active)) or 0
    given = ctx.session.scalar(select(func.count(Member.id)).where(
        *active, Member.consent_on.is_not(None), Member.consent_on <= ctx.on)) or 0
    text = _("{given} of {total} active members gave their consent (on {date})").format(
        given=given, total=total, date=format_date(ctx.on))
    if total and given * 100 >= percent * total:
        return Outcome(MET, text)
    if not total:
        return Outcome(NOT_MET, _("No active members on {date}.").format(date=format_date(ctx.on)),
                       _("Record the members and their consent."))
    return Outcome(NOT_MET, text, _("Record the consent of the {count} other members (date and how).").format(
        count=total - given))
