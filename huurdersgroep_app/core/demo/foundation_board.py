"""Ten years of board elections for the demo group, played through the board and members services.

The group started with a board whose first terms were staggered (the first retirement rota), so
that every annual meeting some seats come up. At each annual meeting a holder is re-elected at
most once, so the history has earlier chairs and treasurers; a board member may step up to an
open chair; the aspirant moves into an open board seat; someone who moved away mid-term is
replaced at the next annual meeting for the rest of that term. Members leave on their planned
day in between, through ``end_membership``, which also ends their offices.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member, Office
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.members import members

FIRST_ROTA_NOTE = "Eerste rooster van aftreden: termijn bij loting ingekort."
COMPLETES_TERM_NOTE = "Vervolledigt de termijn van {name}."


def annual_meeting_day(year: int) -> date:
    """The group meets on the last Saturday of March."""
    day = date(year, 3, 31)
    return day - timedelta(days=(day.weekday() - 5) % 7)


def next_annual_meeting_day(today: date) -> date:
    day = annual_meeting_day(today.year)
    return day if day >= today else annual_meeting_day(today.year + 1)


@dataclass
class Seat:
    role: str
    years: int
    planned_end: date
    office: Office | None = None
    terms: int = 0  # consecutive terms of the current holder

    def holder(self, on: date) -> Member | None:
        if self.office is None or (self.office.ended_on is not None and self.office.ended_on <= on):
            return None
        return self.office.member


class BoardHistory:
    def __init__(self, session: Session, rng: random.Random, people: list[Member],
                 leaving: dict[int, tuple[date, str]], founded_on: date, today: date):
        self.session, self.rng, self.people = session, rng, people
        self.leaving, self.founded_on, self.today = leaving, founded_on, today
        self.term = board.term_years(session)
        self.meetings = [annual_meeting_day(y) for y in range(founded_on.year + 1, today.year + 1)
                         if annual_meeting_day(y) < today]
        self.seats: list[Seat] = []

    # -- who can serve -------------------------------------------------------------------------
    def _eligible(self, member: Member, on: date) -> bool:
        if not member.is_tenant or not member.is_active(on) or any(s.holder(on) is member for s in self.seats):
            return False
        planned = self.leaving.get(member.id)
        # Someone who will leave may serve only if a later annual meeting can replace them,
        # so the board of today has every seat filled.
        return planned is None or (bool(self.meetings) and planned[0] < self.meetings[-1])

    def _candidate(self, on: date) -> Member | None:
        pool = [m for m in self.people if self._eligible(m, on)]
        settled = [m for m in pool if m.joined_on is None or m.joined_on <= on - timedelta(days=180)]
        pool = settled or pool
        return self.rng.choice(pool) if pool else None

    # -- what happens ----------------------------------------------------------------------------
    def _assign(self, seat: Seat, member: Member, start: date, end: date, notes: str = "") -> None:
        seat.office = board.assign_office(self.session, member.id, seat.role, start, end, notes)
        seat.planned_end = end

    def _end(self, seat: Seat, on: date) -> Member | None:
        holder = seat.holder(on)
        if holder is not None:
            board.end_office(self.session, seat.office.id, on)
        return holder

    def found(self) -> None:
        start = self.founded_on
        roles = ["chair", "secretary", "treasurer"] + ["board_member"] * self.rng.choice((2, 3))
        for index, role in enumerate(roles):
            years = self.term - index % self.term  # staggered: chair full term, treasurer shortest
            self.seats.append(Seat(role, self.term, annual_meeting_day(start.year + years)))
        self.seats.append(Seat("aspirant", 1, annual_meeting_day(start.year + 1)))
        for seat in self.seats:
            member = self._candidate(start)
            if member is not None:
                shortened = seat.planned_end < annual_meeting_day(start.year + seat.years)
                self._assign(seat, member, start, seat.planned_end, FIRST_ROTA_NOTE if shortened else "")
                seat.terms = 1

    def annual_meeting(self, day: date) -> None:
        full_end = {years: annual_meeting_day(day.year + years) for years in (1, self.term)}
        graduate = None
        aspirant = next(s for s in self.seats if s.role == "aspirant")
        if aspirant.planned_end <= day:
            graduate = self._end(aspirant, day)
        for seat in (s for s in self.seats if s.role != "aspirant"):
            holder = seat.holder(day)
            if holder is not None and seat.planned_end > day:
                continue  # mid-term, nothing to decide
            if holder is not None:
                self._end(seat, day)
                if seat.terms < 2 and self.rng.random() < 0.7:
                    self._assign(seat, holder, day, full_end[self.term])
                    seat.terms += 1
                    continue
            # Open seat: the rest of a vacated term, or a new full term.
            completes = seat.planned_end > day and seat.office is not None
            end, note = (seat.planned_end, COMPLETES_TERM_NOTE.format(name=seat.office.member.full_name)) \
                if completes else (full_end[self.term], "")
            member = self._successor(seat, day, graduate)
            if member is graduate:
                graduate = None
            if member is not None:
                self._assign(seat, member, day, end, note)
                seat.terms = 1
        if graduate is not None and aspirant.terms < 2 and graduate.is_active(day):
            self._assign(aspirant, graduate, day, full_end[1])
            aspirant.terms += 1
        elif aspirant.holder(day) is None:
            member = self._candidate(day)
            if member is not None:
                self._assign(aspirant, member, day, full_end[1])
                aspirant.terms = 1

    def _successor(self, seat: Seat, day: date, graduate: Member | None) -> Member | None:
        if seat.role in board.SINGLE_ROLES and self.rng.random() < 0.6:
            # A sitting board member steps up; their own seat is filled later at this meeting.
            for other in self.seats:
                if other.role == "board_member" and other.holder(day) is not None:
                    member = self._end(other, day)
                    other.terms = 0
                    return member
        if seat.role == "board_member" and graduate is not None and graduate.is_active(day):
            return graduate
        return self._candidate(day)

    def play(self) -> None:
        """Found the board, then process leavings and annual meetings in the order they happened."""
        self.found()
        events = [(left_on, 0, member_id) for member_id, (left_on, _r) in self.leaving.items()]
        events += [(day, 1, None) for day in self.meetings]
        for day, kind, member_id in sorted(events, key=lambda e: (e[0], e[1], e[2] or 0)):
            if kind == 0:
                members.end_membership(self.session, member_id, day, self.leaving[member_id][1])
            else:
                self.annual_meeting(day)
