"""Proxies (volmachten) before a meeting: whether the meeting takes them, what the group's rules say
about them (how many one member may hold, by when the form is handed in), and who may give one.

A meeting takes proxies when its quorum rule counts them and it is a meeting of the members (not of
the board, not the consultation with the landlord): that is also when the invitation tells members
they may give a written proxy, and when the votes count them (``elections.py``).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.meetings import Meeting
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services import addresses
from huurdersgroep_app.core.services.meetings.attendance import attendance_rows
from huurdersgroep_app.core.services.meetings.lifecycle import get_meeting
from huurdersgroep_app.core.services.organisation import rule_profile
from huurdersgroep_app.i18n import _

# Meetings of people who each speak for themselves or for the board: nobody hands their vote to another.
NO_PROXY_AUDIENCES = ("board", "landlord_and_group")


@dataclass(frozen=True)
class ProxyRules:
    allowed: bool
    per_holder: int  # 0: the rules set no limit (as attendance.set_proxy reads it)
    hand_in_days: int  # 0: handed in at the sign-in, before the meeting opens
    hand_in_by: date | None  # the last day to hand it in, when the rules ask for it before the meeting day


@dataclass(frozen=True)
class ProxyGiver:
    """A member who may give a proxy: their name and address as the form prints them."""
    member_id: int
    name: str
    address: str


def meeting_takes_proxies(meeting: Meeting) -> bool:
    return bool(meeting.proxies_count) and meeting.audience not in NO_PROXY_AUDIENCES


def proxy_rules(session: Session, meeting_id: int) -> ProxyRules:
    meeting = get_meeting(session, meeting_id)
    profile = rule_profile(session)
    per_holder = int(profile.get("meetings", "proxies_per_holder", 1) or 0)
    days = int(profile.get("meetings", "proxy_hand_in_days", 0) or 0)
    hand_in_by = meeting.scheduled_on - timedelta(days=days) if days > 0 else None
    return ProxyRules(meeting_takes_proxies(meeting), per_holder, days, hand_in_by)


def check_takes_proxies(session: Session, meeting_id: int) -> ProxyRules:
    """The rules, or a DomainError in words when the meeting takes no proxies."""
    rules = proxy_rules(session, meeting_id)
    if not rules.allowed:
        raise DomainError(_("This meeting takes no proxies: only a members' meeting whose quorum rule counts "
                            "proxies has a proxy form. Change the quorum rule in the meeting's details if the "
                            "statutes allow proxies."))
    return rules


def proxy_givers(session: Session, meeting_id: int, member_ids: list[int] | None = None) -> list[ProxyGiver]:
    """The members expected at the meeting who are not marked present, in the attendance order;
    ``member_ids`` narrows them to those (a member who is not expected is refused by name)."""
    rows = [r for r in attendance_rows(session, meeting_id) if not r.is_guest and r.status != "present"]
    if member_ids is not None:
        wanted = set(member_ids)
        unknown = wanted - {r.member_id for r in rows}
        if unknown:
            raise DomainError(_("Member {id} is not expected at this meeting, or is marked present, and gives "
                                "no proxy.").format(id=min(unknown)))
        rows = [r for r in rows if r.member_id in wanted]
    country = rule_profile(session).country
    found: dict[int, str] = {}
    ids = [r.member_id for r in rows]
    for start in range(0, len(ids), 900):  # SQLite's limit on bound parameters
        for mid, street, number, box, postcode, city in session.execute(
                select(Member.id, Member.street, Member.house_number, Member.box, Member.postcode, Member.city)
                .where(Member.id.in_(ids[start:start + 900]))):
            first = addresses.street_line(street, number, box, postcode=postcode, default_country=country)
            found[mid] = ", ".join(p for p in (first, f"{postcode} {city}".strip()) if p)
    return [ProxyGiver(r.member_id, r.name, found.get(r.member_id, "")) for r in rows]
