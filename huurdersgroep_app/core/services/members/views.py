"""Plain views of the board for the window and the command line: the offices held today, their
history and the retirement rota, as rows that hold no database objects."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy.orm import Session

from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.members import address_ranges, board, complexes, members


@dataclass(frozen=True)
class OfficeRow:
    id: int
    role: str
    member_name: str
    start_on: date
    planned_end_on: date | None
    ended_on: date | None = None
    due: bool = False


class BoardView(NamedTuple):
    current: list[OfficeRow]
    history: list[OfficeRow]
    meeting: date  # the day of the next annual meeting, when the rota says who steps down
    rota: list[OfficeRow]


def read_board(session: Session) -> BoardView:
    current = [OfficeRow(o.id, o.role, o.member.full_name, o.start_on, o.planned_end_on)
               for o in board.current_offices(session)]
    history = [OfficeRow(o.id, o.role, o.member.full_name, o.start_on, o.planned_end_on, o.ended_on)
               for o in board.office_history(session)]
    meeting, rota = board.retirement_rota(session)
    rota_rows = [OfficeRow(e.office_id, e.role, e.member_name, e.start_on, e.planned_end_on, due=e.due) for e in rota]
    return BoardView(current, history, meeting, rota_rows)


@dataclass(frozen=True)
class GroupSnapshot:
    """The Overview page: the group at a glance, read in one session as plain values."""

    group: str
    complexes: list  # complexes.ComplexRow per complex
    total: complexes.ReachTotal
    offices: list[tuple[str, str, date | None]]   # office, name, end of term
    meeting: date
    due: list[board.RotaEntry]


def read_group_snapshot(session: Session) -> GroupSnapshot:
    rows = complexes.complex_rows(session)
    meeting, rota = board.retirement_rota(session)
    offices = [(board.role_label(o.role), o.member.full_name, o.planned_end_on) for o in board.current_offices(session)]
    return GroupSnapshot(organisation.get_organisation(session).name, rows, complexes.total_reach(rows), offices,
                         meeting, [entry for entry in rota if entry.due])


class MemberPage(NamedTuple):
    rows: list  # members.member_rows
    complexes: list[tuple[int, str]]  # (id, name) for the filter


def read_member_page(session: Session) -> MemberPage:
    return MemberPage(members.member_rows(session), [(c.id, c.name) for c in complexes.list_complexes(session)])


class MemberForm(NamedTuple):
    current: members.MemberInput
    complexes: list[tuple[int, str]]


def member_form(session: Session, member_id: int | None) -> MemberForm:
    current = (members.member_input(members.get_member(session, member_id)) if member_id
               else members.MemberInput(last_name="", joined_on=date.today()))
    return MemberForm(current, [(c.id, c.name) for c in complexes.list_complexes(session)])


def office_choices(session: Session) -> tuple[list[tuple[int, str]], int]:
    return members.member_choices(session), board.term_years(session)


def complex_choices(session: Session) -> list[tuple[int, str]]:
    """(id, name) of every complex, for 'Assign to complex…'."""
    return [(c.id, c.name) for c in complexes.list_complexes(session)]


@dataclass(frozen=True)
class ComplexForm:
    """One complex as its dialog edits it."""
    name: str
    dwellings: int
    code: str
    address: str
    postcode: str
    city: str
    notes: str
    ranges: tuple = ()  # address_ranges.AddressRange


def complex_form(session: Session, complex_id: int) -> ComplexForm:
    item = complexes.get_complex(session, complex_id)
    return ComplexForm(item.name, item.dwellings, item.code or "", item.address or "", item.postcode or "",
                       item.city or "", item.notes or "", tuple(address_ranges.ranges_of(session, complex_id)))
