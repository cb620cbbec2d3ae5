"""Board elections at the annual (or members') meeting.

The open seats come from the retirement rota: offices whose term ends by the meeting date.
Candidates are checked against the rule profile (members, and tenants where the board must
consist of tenants). Applying the result ends the retiring offices and starts the new terms on
the meeting date, through the board service, and records the result as a numbered decision.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import OFFICE_ROLES, Member, Office
from huurdersgroep_app.core.db.models.meetings import ELECTION_METHODS, Election, ElectionCandidate, \
    ElectionRetiringOffice
from huurdersgroep_app.core.errors import DomainError, NotFoundError, ValidationError
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.meetings.attendance import active_member_ids, attendance_counts
from huurdersgroep_app.core.services.meetings.lifecycle import HELD_STATUSES, editable_meeting, get_meeting
from huurdersgroep_app.core.services.meetings.minutes import DecisionInput, _item_with_key, add_decision
from huurdersgroep_app.core.services.organisation import rule_profile
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _, format_date, ngettext

ELECTING_TYPES = ("annual", "members")


def open_seats(session: Session, meeting_id: int) -> list[board.RotaEntry]:
    """Offices in the retirement rota whose term ends on or before the meeting date."""
    meeting = get_meeting(session, meeting_id)
    _, entries = board.retirement_rota(session, meeting.scheduled_on)
    return [e for e in entries if e.planned_end_on is not None and e.planned_end_on <= meeting.scheduled_on]


def create_election(session: Session, meeting_id: int, role: str = "board_member", seats: int | None = None,
                    retiring_office_ids: list[int] | None = None, method: str = "vote") -> Election:
    meeting = editable_meeting(session, meeting_id)
    if meeting.type not in ELECTING_TYPES:
        raise DomainError(_("Elections take place at the annual meeting or a members' meeting."))
    if role not in OFFICE_ROLES:
        raise ValidationError({"role": _("Unknown office '{role}'.").format(role=role)})
    if method not in ELECTION_METHODS:
        raise ValidationError({"method": _("Choose a vote or election by acclamation.")})
    taken = set(session.scalars(select(ElectionRetiringOffice.office_id).join(Election).where(
        Election.meeting_id == meeting.id)))
    if retiring_office_ids is None:
        retiring_office_ids = [e.office_id for e in open_seats(session, meeting.id) if e.office_id not in taken]
    for office_id in retiring_office_ids:
        if session.get(Office, office_id) is None:
            raise ValidationError({"retiring_office_ids": _("Office {id} does not exist.").format(id=office_id)})
    seats = len(retiring_office_ids) if seats is None else seats
    if seats < 1:
        raise ValidationError({"seats": _("An election needs at least one seat. No terms end at this meeting; "
                                          "give the number of seats.")})
    election = Election(meeting_id=meeting.id, role=role, seats=seats, method=method,
                        agenda_item_id=_item_with_key(session, meeting.id, ("elections",)))
    election.retiring = [ElectionRetiringOffice(office_id=i) for i in dict.fromkeys(retiring_office_ids)]
    session.add(election)
    session.flush()
    return election


def get_election(session: Session, election_id: int) -> Election:
    return get_or_raise(session, Election, election_id, N_("Election {id} does not exist."), id=election_id)


def _open_election(session: Session, election_id: int) -> Election:
    election = get_election(session, election_id)
    editable_meeting(session, election.meeting_id)
    if election.applied_on is not None:
        raise DomainError(_("The result of this election was already applied to the board."))
    return election


def check_candidate(session: Session, election: Election, member: Member) -> None:
    """Raises ValidationError when the member cannot stand (not a member, not a tenant, …)."""
    on = get_meeting(session, election.meeting_id).scheduled_on
    if not member.is_active(on) or member.anonymised:
        raise ValidationError({"member_id": _("{name} is not a member on {date}.").format(
            name=member.full_name, date=format_date(on))})
    if rule_profile(session).get("board", "board_members_must_be_tenants", False) and not member.is_tenant:
        raise ValidationError({"member_id": _("{name} is not a tenant; the board must consist of tenants.").format(
            name=member.full_name)})
    retiring = {r.office_id for r in election.retiring}
    for office in member.offices:
        if office.role == election.role and office.is_current(on) and office.id not in retiring \
                and (office.planned_end_on is None or office.planned_end_on > on):
            raise ValidationError({"member_id": _("{name} already holds this office for a term that continues.").format(
                name=member.full_name)})


def add_candidate(session: Session, election_id: int, member_id: int) -> ElectionCandidate:
    election = _open_election(session, election_id)
    member = get_or_raise(session, Member, member_id, N_("Member {id} does not exist."), id=member_id)
    if any(c.member_id == member_id for c in election.candidates):
        raise DomainError(_("{name} is already a candidate.").format(name=member.full_name))
    check_candidate(session, election, member)
    candidate = ElectionCandidate(member_id=member_id)
    election.candidates.append(candidate)
    session.flush()
    return candidate


def remove_candidate(session: Session, election_id: int, member_id: int) -> None:
    election = _open_election(session, election_id)
    for candidate in list(election.candidates):
        if candidate.member_id == member_id:
            election.candidates.remove(candidate)
            return
    raise NotFoundError(_("This member is not a candidate."))


def record_votes(session: Session, election_id: int, votes: dict[int, int], ballots_cast: int | None = None,
                 ballots_blank: int = 0, ballots_invalid: int = 0) -> Election:
    """Votes per candidate (member id → votes), from the count of the ballot papers.

    Every paper handed in is accounted for: cast = valid + blank + invalid. A valid paper carries at
    least one vote and at most one per seat, so with one seat the votes are exactly the valid papers.
    """
    election = _open_election(session, election_id)
    by_member = {c.member_id: c for c in election.candidates}
    unknown = set(votes) - set(by_member)
    if unknown:
        raise ValidationError({"votes": _("Votes were given for someone who is not a candidate.")})
    if any(n is None or n < 0 for n in votes.values()) or ballots_blank < 0 or ballots_invalid < 0 \
            or (ballots_cast or 0) < 0:
        raise ValidationError({"votes": _("Votes cannot be negative.")})
    if ballots_cast is not None:
        _check_ballots(session, election, sum(votes.values()), ballots_cast, ballots_blank, ballots_invalid)
    for member_id, candidate in by_member.items():
        candidate.votes = votes.get(member_id, 0)
    election.method, election.ballots_cast = "vote", ballots_cast
    election.ballots_blank, election.ballots_invalid = ballots_blank, ballots_invalid
    return election


def voters_at(session: Session, meeting_id: int) -> int | None:
    """Who may hand in a ballot paper: the members present, plus the proxies they hold where the meeting's
    rule says proxies count. None while attendance is not ticked (nothing to check against)."""
    meeting = get_meeting(session, meeting_id)
    counts = attendance_counts(session, meeting_id)
    if not counts.present:
        return None
    return counts.present + (counts.proxies if meeting.proxies_count else 0)


def _check_ballots(session: Session, election: Election, votes: int, cast: int, blank: int, invalid: int) -> None:
    valid = cast - blank - invalid
    if valid < 0:
        raise ValidationError({"ballots_blank": _("There are more blank and invalid ballot papers than papers "
                                                  "handed in.")})
    if votes > valid * election.seats:
        raise ValidationError({"ballots_cast": _("There are more votes than the ballot papers allow.")})
    if election.seats == 1 and votes != valid:
        raise ValidationError({"ballots_cast": _(
            "The ballot papers do not add up: {cast} handed in, but {votes} votes + {blank} blank + {invalid} "
            "invalid make {total}.").format(cast=cast, votes=votes, blank=blank, invalid=invalid,
                                           total=votes + blank + invalid)})
    if votes < valid:
        raise ValidationError({"ballots_cast": _(
            "The ballot papers do not add up: {valid} valid papers (handed in minus blank and invalid) but only "
            "{votes} votes; a valid paper carries at least one vote.").format(valid=valid, votes=votes)})
    voters = voters_at(session, election.meeting_id)
    if voters is not None and cast > voters:
        meeting = get_meeting(session, election.meeting_id)
        reason = (_("the members present and the proxies they hold") if meeting.proxies_count
                  else _("the members present (proxies do not count at this meeting)"))
        raise ValidationError({"ballots_cast": _("{cast} ballot papers were handed in, but only {voters} may vote: "
                                                 "{reason}.").format(cast=cast, voters=voters, reason=reason)})


def elect_by_acclamation(session: Session, election_id: int) -> Election:
    """No vote: as many candidates as seats (or fewer) are elected together."""
    election = _open_election(session, election_id)
    if not election.candidates:
        raise DomainError(_("Add the candidates first."))
    if len(election.candidates) > election.seats:
        raise DomainError(_("There are more candidates than seats; hold a vote."))
    election.method = "acclamation"
    for candidate in election.candidates:
        candidate.votes = None
    return election


@dataclass(frozen=True)
class CandidateResult:
    member_id: int
    name: str
    votes: int | None
    elected: bool


@dataclass(frozen=True)
class ElectionResult:
    election_id: int
    role: str
    seats: int
    method: str
    candidates: list[CandidateResult]
    problems: list[str]  # empty when the result can be applied
    text: str
    ballots_cast: int | None = None
    ballots_blank: int = 0
    ballots_invalid: int = 0

    @property
    def ballots_text(self) -> str:
        """How every ballot paper handed in was counted, for the minutes; empty when they were not counted."""
        if self.method != "vote" or self.ballots_cast is None:
            return ""
        valid = self.ballots_cast - self.ballots_blank - self.ballots_invalid
        return ngettext("{cast} ballot paper handed in: valid {valid}, blank {blank}, invalid {invalid}.",
                        "{cast} ballot papers handed in: valid {valid}, blank {blank}, invalid {invalid}.",
                        self.ballots_cast).format(cast=self.ballots_cast, valid=valid, blank=self.ballots_blank,
                                                  invalid=self.ballots_invalid)

    @property
    def elected(self) -> list[CandidateResult]:
        return [c for c in self.candidates if c.elected]


def election_result(session: Session, election_id: int) -> ElectionResult:
    election = get_election(session, election_id)
    names = {c.member_id: session.get(Member, c.member_id).full_name for c in election.candidates}
    problems: list[str] = []
    if not election.candidates:
        problems.append(_("There are no candidates."))
    if election.method == "acclamation":
        ranked = [(c, True) for c in election.candidates]
    else:
        if any(c.votes is None for c in election.candidates):
            problems.append(_("Record the votes of every candidate."))
        order = sorted(election.candidates, key=lambda c: -(c.votes or 0))
        ranked = [(c, i < election.seats and (c.votes or 0) > 0) for i, c in enumerate(order)]
        if len(order) > election.seats and order[election.seats - 1].votes == order[election.seats].votes \
                and order[election.seats].votes is not None:
            tied = [names[c.member_id] for c in order if c.votes == order[election.seats].votes]
            problems.append(_("A tie for the last seat between {names}; vote again, then record the new count.").format(
                names=", ".join(tied)))
        problems += _turnout_problems(session, election)
    results = [CandidateResult(c.member_id, names[c.member_id], c.votes, elected) for c, elected in ranked]
    chosen = [c.name if c.votes is None else ngettext("{name} ({n} vote)", "{name} ({n} votes)", c.votes).format(
        name=c.name, n=c.votes) for c in results if c.elected]
    role = board.role_label(election.role).lower()
    # One message per number: French says "… est élu(e)" for one person and "… sont élus" for more.
    text = (ngettext("Elected as {role}: {names}.", "Elected as {role}: {names}.", len(chosen)).format(
        role=role, names=", ".join(chosen)) if chosen else _("Nobody was elected."))
    if not problems and len(chosen) < election.seats:
        text += " " + ngettext("{n} seat remains open.", "{n} seats remain open.",
                               election.seats - len(chosen)).format(n=election.seats - len(chosen))
    return ElectionResult(election.id, election.role, election.seats, election.method, results, problems, text,
                          election.ballots_cast, election.ballots_blank or 0, election.ballots_invalid or 0)


def _turnout_problems(session: Session, election: Election) -> list[str]:
    minimum = rule_profile(session).get("board", "election_turnout_minimum_percent")
    if not minimum or election.ballots_cast is None:
        return []
    electorate = len(active_member_ids(session, get_meeting(session, election.meeting_id).scheduled_on))
    if electorate and election.ballots_cast * 100 < minimum * electorate:
        return [_("The turnout ({cast} of {electorate}) is below the required {minimum} %; the election is not "
                  "valid.").format(cast=election.ballots_cast, electorate=electorate, minimum=minimum)]
    return []


def apply_election(session: Session, election_id: int) -> list[Office]:
    """End the retiring offices and start the elected members' terms on the meeting date."""
    election = _open_election(session, election_id)
    meeting = get_meeting(session, election.meeting_id)
    if meeting.status not in HELD_STATUSES:
        raise DomainError(_("Mark the meeting as held before applying the election result."))
    result = election_result(session, election_id)
    if result.problems:
        raise DomainError(result.problems[0])
    on = meeting.scheduled_on
    for retiring in election.retiring:
        office = session.get(Office, retiring.office_id)
        if office.ended_on is None or office.ended_on > on:
            office.ended_on = max(on, office.start_on)
    session.flush()
    note = _("Elected at the meeting of {date}.").format(date=format_date(on))
    offices = [board.assign_office(session, c.member_id, election.role, on, notes=note) for c in result.elected]
    for candidate in election.candidates:
        candidate.elected = candidate.member_id in {c.member_id for c in result.elected}
    decision = add_decision(session, meeting.id, DecisionInput(
        result.text, "ballot" if election.method == "vote" else "acclamation",
        agenda_item_id=election.agenda_item_id), kind="election")
    election.decision_id, election.applied_on = decision.id, on
    return offices


def elections_of_meeting(session: Session, meeting_id: int) -> list[ElectionResult]:
    ids = session.scalars(select(Election.id).where(Election.meeting_id == meeting_id).order_by(Election.id))
    return [election_result(session, i) for i in ids]


def retiring_names(session: Session, election_id: int) -> list[str]:
    election = get_election(session, election_id)
    return [session.get(Office, r.office_id).member.full_name for r in election.retiring]
