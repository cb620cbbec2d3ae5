"""Two years of the demo group's meetings, played through the meeting services in date order:
monthly board meetings, consultations with the landlord, a tenants' evening each autumn and the
annual meetings, each invited, attended, held, minuted and approved at the next meeting of its
body, with decisions and action points that roll forward until done. What lies ahead is planned:
the next board meetings and the next annual meeting with its election and candidates.

The elections at past annual meetings are recorded from the board history the foundation's demo
module played (the offices that started and ended that day), so the minutes match the board.
Leaves ``demo.shared["meeting_ids"]`` and ``["annual_meeting_ids"]``.
"""
from __future__ import annotations

from datetime import date, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member, Office
from huurdersgroep_app.core.db.models.meetings import AgendaItem, Election, ElectionCandidate, \
    ElectionRetiringOffice
from huurdersgroep_app.core.demo import DemoContext
from huurdersgroep_app.core.demo import meetings_texts as texts
from huurdersgroep_app.core.demo.foundation_board import annual_meeting_day
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.meetings import action_points as ap
from huurdersgroep_app.core.services.meetings import agenda
from huurdersgroep_app.core.services.meetings import attendance, roles
from huurdersgroep_app.core.services.meetings import elections
from huurdersgroep_app.core.services.meetings import invitations
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings import minutes

ORDER = 20
TYPES_WITH_APPROVAL = ("board", "consultation", "annual")
BOARD_MONTHS = (1, 2, 3, 4, 5, 6, 9, 10, 11, 12)
CONSULTATION_MONTHS = (2, 5, 9, 11)


def _weekday_in_month(year: int, month: int, weekday: int, nth: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _plan(demo: DemoContext) -> list[tuple[date, str, str]]:
    today = demo.today
    start, end = date(today.year - 2, today.month, 1), today + timedelta(days=75)
    plan = []
    for year in range(start.year, end.year + 1):
        for month in BOARD_MONTHS:
            plan.append((_weekday_in_month(year, month, 1, 2), "board", ""))
        for month in CONSULTATION_MONTHS:
            plan.append((_weekday_in_month(year, month, 3, 3), "consultation", ""))
        plan.append((_weekday_in_month(year, 10, 2, 2), "open_tenants", texts.OPEN_MEETING_TITLES[year % 2]))
    annual = set(demo.shared.get("annual_meeting_days") or [])
    annual |= {annual_meeting_day(y) for y in range(start.year, end.year + 1)}
    if demo.shared.get("next_annual_meeting"):
        annual.add(demo.shared["next_annual_meeting"])
    plan += [(day, "annual", "") for day in annual]
    # The next annual meeting is prepared even when it lies further ahead: its election is set up.
    return sorted(p for p in plan if start <= p[0] <= end or p[0] == demo.shared.get("next_annual_meeting"))


def populate(session: Session, demo: DemoContext) -> None:
    made, annual_ids = [], []
    for day, kind, title in _plan(demo):
        if day < demo.today:
            meeting = _hold(session, demo, day, kind, title)
        else:
            meeting = _prepare(session, demo, day, kind, title)
        made.append(meeting.id)
        if kind == "annual":
            annual_ids.append(meeting.id)
    _leave_recent_minutes_unwritten(session, demo)
    demo.shared["meeting_ids"] = made
    demo.shared["annual_meeting_ids"] = annual_ids


def _create(session: Session, day: date, kind: str, title: str):
    hours = {"board": (time(19, 30), time(21, 30)), "consultation": (time(14), time(16)),
             "open_tenants": (time(19), time(21)), "annual": (time(10), time(12, 30))}[kind]
    place = texts.ANNUAL_PLACE if kind in ("annual", "open_tenants") else texts.PLACE
    if kind == "consultation":
        place = "Kantoor Woonmaatschappij Vlasland, Leiestraat 90"
    return meetings.create_meeting(session, meetings.MeetingInput(
        type=kind, scheduled_on=day, start_time=hours[0], end_time=hours[1], place=place, title=title))


def _hold(session: Session, demo: DemoContext, day: date, kind: str, title: str):
    rng = demo.rng
    meeting = _create(session, day, kind, title)
    lead = invitations.invitation_days(session, kind)
    invitations.record_invitations_sent(session, meeting.id, day - timedelta(days=lead + rng.randint(0, 6)))
    present = _attend(session, demo, meeting, day)
    meetings.set_meeting_status(session, meeting.id, "held", today=demo.today)
    items = {i.key: i for i in session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id))}
    for key, item in items.items():
        if key in texts.NOTES and rng.random() < 0.8:
            agenda.set_item_notes(session, item.id, texts.NOTES[key])
    for row in ap.review_action_points(session, meeting.id):
        if rng.random() < 0.7:
            ap.set_action_status(session, row.id, "done", on=day)
    if kind in TYPES_WITH_APPROVAL and meetings.previous_meeting(session, meeting) is not None:
        minutes.approve_previous_minutes(session, meeting.id)
    if kind == "annual":
        _annual_business(session, demo, meeting, present, items)
    else:
        _decide_and_act(session, demo, meeting, present, items)
    meetings.set_meeting_status(session, meeting.id, "minutes_drafted")
    return meeting


def _attend(session: Session, demo: DemoContext, meeting, day: date) -> list[int]:
    rng = demo.rng
    board_ids = sorted(attendance.board_member_ids(session, day))
    present = [m for m in board_ids if rng.random() < 0.85] or board_ids[:1]
    for mid in present:
        attendance.set_attendance(session, meeting.id, mid, "present")
    # An excused chair or secretary is replaced by a board member who came, as groups do.
    if present:
        chair = meeting.chair_id if meeting.chair_id in present else present[0]
        minute_taker = meeting.minute_taker_id if meeting.minute_taker_id in present else next(
            (m for m in present if m != chair), chair)
        roles.set_meeting_roles(session, meeting.id, chair, minute_taker)
    for mid in board_ids:
        if mid not in present:
            attendance.set_attendance(session, meeting.id, mid, "excused")
    if meeting.type in ("annual", "open_tenants"):
        others = sorted(attendance.active_member_ids(session, day) - set(board_ids))
        share = rng.uniform(0.12, 0.2) if meeting.type == "annual" else rng.uniform(0.08, 0.14)
        come = rng.sample(others, min(len(others), max(5, round(len(others) * share))))
        for mid in come:
            attendance.set_attendance(session, meeting.id, mid, "present")
        present += come
        rest = [m for m in others if m not in come]
        for mid, holder in zip(rng.sample(rest, min(len(rest), 3)), come, strict=False):
            attendance.set_proxy(session, meeting.id, mid, holder)
        guests = texts.ANNUAL_GUESTS if meeting.type == "annual" else texts.LANDLORD_GUESTS[:1]
    else:
        guests = texts.LANDLORD_GUESTS if meeting.type == "consultation" else ()
    for name, organisation in guests:
        attendance.add_guest(session, meeting.id, name, organisation)
    return present


def _topic_item(rng, items: dict, keys: tuple[str, ...]):
    found = [items[k] for k in keys if k in items]
    return rng.choice(found).id if found else None


def _decide_and_act(session: Session, demo: DemoContext, meeting, present: list[int], items: dict) -> None:
    rng = demo.rng
    pool = texts.CONSULTATION_DECISIONS if meeting.type == "consultation" else texts.BOARD_DECISIONS
    topics = ("finances", "advices", "landlord_news", "signals", "working_groups", "maintenance", "service_costs",
              "group_items", "liveability", "group_news", "tenants_questions")
    for text in rng.sample(pool, rng.randint(1, 2)):
        if rng.random() < 0.7 or len(present) < 3:
            data = minutes.DecisionInput(text, agenda_item_id=_topic_item(rng, items, topics))
        else:
            against = rng.randint(0, 1)
            data = minutes.DecisionInput(text, "vote", len(present) - against, against, 0,
                                         agenda_item_id=_topic_item(rng, items, topics))
        minutes.add_decision(session, meeting.id, data)
    board_present = sorted(set(present) & attendance.board_member_ids(session, meeting.scheduled_on)) or present
    for text in rng.sample(texts.ACTIONS, rng.randint(1, 3)):
        ap.add_action_point(session, meeting.id, ap.ActionPointInput(
            text, owner_member_id=rng.choice(board_present) if board_present else None,
            due_on=meeting.scheduled_on + timedelta(days=rng.randint(14, 42)),
            agenda_item_id=_topic_item(rng, items, topics)))


def _annual_business(session: Session, demo: DemoContext, meeting, present: list[int], items: dict) -> None:
    rng, day = demo.rng, meeting.scheduled_on
    voters = len(present)
    big = voters >= 3  # a tiny demo group decides by consensus
    # The accounts first, under their own item, then the discharge for them (the standard agenda's order).
    accounts = items.get("accounts_approval")
    minutes.add_decision(session, meeting.id, minutes.DecisionInput(
        f"De jaarvergadering keurt de jaarrekening {day.year - 1} goed.", *(("vote", voters - 1, 0, 1) if big else ()),
        agenda_item_id=accounts.id if accounts else None))
    # The finance part of the demo closes these years afterwards, so the open-books question is answered here.
    minutes.record_discharge(session, meeting.id, day.year - 1, *(("vote", voters - 1, 0, 1) if big else ()),
                             confirm_open_books=True, today=demo.today)
    _record_election_history(session, demo, meeting, present, items.get("elections"))
    budget_decision = minutes.add_decision(session, meeting.id, minutes.DecisionInput(
        f"De jaarvergadering keurt het jaarplan en de begroting {day.year} goed.",
        *(("vote", voters - 2, 0, 2) if big else ()),
        agenda_item_id=items["plans_budget"].id if "plans_budget" in items else None))
    # The finance demo links the budget's approval to this decision.
    demo.shared.setdefault("budget_decisions", {})[day.year] = budget_decision.id
    board_ids = attendance.board_member_ids(session, day)
    auditors = [m for m in present if m not in board_ids][:2]
    if len(auditors) == 2:
        people = [session.get(Member, m).full_name for m in auditors]
        minutes.add_decision(session, meeting.id, minutes.DecisionInput(
            f"{people[0]} en {people[1]} vormen de kascommissie voor het boekjaar {day.year}.",
            agenda_item_id=items["audit_committee"].id if "audit_committee" in items else None))
    ap.add_action_point(session, meeting.id, ap.ActionPointInput(
        "Verslag van de jaarvergadering in de nieuwsbrief zetten",
        owner_member_id=rng.choice(sorted(board_ids)) if board_ids else None,
        due_on=day + timedelta(days=30)))


def _record_election_history(session: Session, demo: DemoContext, meeting, present: list[int], item) -> None:
    """The board history already holds this day's changes; record them as the election that made them."""
    rng, day = demo.rng, meeting.scheduled_on
    started = session.scalars(select(Office).where(Office.start_on == day).order_by(Office.id)).all()
    ended = session.scalars(select(Office).where(Office.ended_on == day).order_by(Office.id)).all()
    for role in dict.fromkeys(o.role for o in started):
        elected = [o.member_id for o in started if o.role == role]
        for mid in elected:
            attendance.set_attendance(session, meeting.id, mid, "present")
        acclaimed = rng.random() < 0.4
        election = Election(meeting_id=meeting.id, agenda_item_id=item.id if item else None, role=role,
                            seats=len(elected), method="acclamation" if acclaimed else "vote",
                            ballots_cast=None if acclaimed else len(present), applied_on=day)
        election.retiring = [ElectionRetiringOffice(office_id=o.id) for o in ended if o.role == role]
        votes = sorted((rng.randint(len(present) // 2 + 1, len(present)) for _m in elected), reverse=True)
        for mid, count in zip(elected, votes, strict=True):
            election.candidates.append(ElectionCandidate(member_id=mid, votes=None if acclaimed else count,
                                                         elected=True))
        if not acclaimed and len(elected) == 1:
            # One seat: a valid paper carries exactly one vote, so the papers without one for the only
            # candidate were blank (the minutes printed '22 handed in: valid 22' beside 12 votes).
            election.ballots_blank = len(present) - votes[0]
        session.add(election)
        session.flush()
        result = elections.election_result(session, election.id)
        decision = minutes.add_decision(session, meeting.id, minutes.DecisionInput(
            result.text, "acclamation" if acclaimed else "ballot", agenda_item_id=election.agenda_item_id),
            kind="election")
        election.decision_id = decision.id


def _prepare(session: Session, demo: DemoContext, day: date, kind: str, title: str):
    """A meeting still to come: planned; invited when it is close; the annual meeting with its election."""
    meeting = _create(session, day, kind, title)
    if (day - demo.today).days <= invitations.invitation_days(session, kind) + 7:
        invitations.record_invitations_sent(session, meeting.id, max(demo.today - timedelta(days=2),
                                                                     day - timedelta(days=30)))
    if kind == "annual" and elections.open_seats(session, meeting.id):
        election = elections.create_election(session, meeting.id)
        retiring = [e.office_id for e in elections.open_seats(session, meeting.id)]
        candidates = [session.get(Office, i).member_id for i in retiring]
        board_ids = attendance.board_member_ids(session, demo.today)
        newcomers = sorted(attendance.active_member_ids(session, demo.today) - board_ids)
        candidates += demo.rng.sample(newcomers, min(2, len(newcomers)))
        for member_id in dict.fromkeys(candidates):
            try:
                elections.add_candidate(session, election.id, member_id)
            except DomainError:
                pass  # not eligible (not a tenant, or no longer a member): the demo simply leaves them out
    return meeting


def _leave_recent_minutes_unwritten(session: Session, demo: DemoContext) -> None:
    """The last board meeting, if less than ten days ago, has no minutes yet: something to do."""
    from huurdersgroep_app.core.db.models.meetings import Meeting

    last = session.scalar(select(Meeting).where(Meeting.type == "board", Meeting.scheduled_on < demo.today)
                          .order_by(Meeting.scheduled_on.desc()).limit(1))
    if last is not None and (demo.today - last.scheduled_on).days < 10 and last.status == "minutes_drafted":
        last.status = "held"
