"""Retention: what the group keeps longer than its region's periods allow, and one action to fix it.

The periods are rule-profile values (``[privacy]`` in resources/rules/*.toml, with their sources),
which the group may override. Three kinds of item:

- ``former_member``: left more than ``former_member_contact_years`` ago and not anonymised yet;
  the action anonymises them;
- ``former_contact``: a contact whose role ended more than ``former_contact_years`` ago; the
  action anonymises the contact;
- ``books``: a financial year older than ``financial_records_years``; shown so the group knows it
  may archive those books, never changed by the app (a closed year stays locked).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.contacts import Contact
from huurdersgroep_app.core.services.members.board import add_years
from huurdersgroep_app.core.services.finance.years import list_years
from huurdersgroep_app.core.services.organisation import rule_profile
from huurdersgroep_app.core.services.privacy.anonymise import (anonymise_contact, anonymise_member,
                                                             anonymised_contact_ids)
from huurdersgroep_app.i18n import N_, _, rule_note

KIND_LABELS = {"former_member": N_("Former member"), "former_contact": N_("Former contact"),
               "books": N_("Financial year")}
ACTIONABLE = ("former_member", "former_contact")


@dataclass(frozen=True)
class RetentionPolicy:
    former_member_years: int
    former_contact_years: int
    financial_years: int
    former_member_note: str
    financial_note: str


@dataclass(frozen=True)
class RetentionItem:
    kind: str
    record_id: int  # member id, contact id, or the year
    name: str
    since: date  # left on, role ended on, or 31 December of the year
    due_on: date  # the day its retention ended
    action: str  # 'anonymise', or '' when the app only reports it

    @property
    def kind_label(self) -> str:
        return _(KIND_LABELS[self.kind])


def retention_policy(session: Session) -> RetentionPolicy:
    profile = rule_profile(session)
    return RetentionPolicy(int(profile.get("privacy", "former_member_contact_years", 2)),
                           int(profile.get("privacy", "former_contact_years", 2)),
                           int(profile.get("privacy", "financial_records_years", 7)),
                           rule_note(profile.note("privacy", "former_member_contact_years")),
                           rule_note(profile.note("privacy", "financial_records_years")))


def _former_members(policy: RetentionPolicy, today: date):
    """Not-yet-anonymised members who left more than the policy's years before ``today``."""
    latest_leave = add_years(today, -policy.former_member_years)
    return select(Member).where(Member.anonymised.is_(False), Member.left_on.is_not(None),
                                Member.left_on <= latest_leave)


def _former_contacts(session: Session, policy: RetentionPolicy, today: date):
    """Contacts whose role ended more than the policy's years before ``today``, not anonymised yet."""
    latest_end = add_years(today, -policy.former_contact_years)
    return select(Contact).where(Contact.end_on.is_not(None), Contact.end_on <= latest_end,
                                 Contact.id.not_in(anonymised_contact_ids(session)))


def past_retention(session: Session, today: date | None = None) -> list[RetentionItem]:
    """Everything past its retention on ``today``, oldest first within each kind."""
    today = today or date.today()
    policy = retention_policy(session)
    items: list[RetentionItem] = []
    for member in session.scalars(_former_members(policy, today).order_by(Member.left_on)):
        items.append(RetentionItem("former_member", member.id, member.full_name, member.left_on,
                                   add_years(member.left_on, policy.former_member_years), "anonymise"))
    for contact in session.scalars(_former_contacts(session, policy, today).order_by(Contact.end_on)):
        items.append(RetentionItem("former_contact", contact.id, contact.full_name, contact.end_on,
                                   add_years(contact.end_on, policy.former_contact_years), "anonymise"))
    for row in sorted(list_years(session), key=lambda r: r.year):
        end = date(row.year, 12, 31)
        due = add_years(end, policy.financial_years)
        if due <= today:
            items.append(RetentionItem("books", row.year, str(row.year), end, due, ""))
    return items


def reminder_count(session: Session, today: date | None = None) -> int:
    """How many people are past their retention: the Overview's reminder ('3 former members …').
    Counted by SQLite from the queries ``past_retention`` lists (on every Overview refresh, the
    register's hundreds of former members are not loaded to be counted)."""
    today = today or date.today()
    policy = retention_policy(session)
    return sum(session.scalar(select(func.count()).select_from(query.subquery()))
               for query in (_former_members(policy, today), _former_contacts(session, policy, today)))


def anonymise_past_retention(session: Session, today: date | None = None) -> list[RetentionItem]:
    """The one action: anonymise every person past retention; returns the items done."""
    today = today or date.today()
    done = []
    for item in past_retention(session, today):
        if item.kind == "former_member":
            anonymise_member(session, item.record_id, today)
        elif item.kind == "former_contact":
            anonymise_contact(session, item.record_id, today)
        else:
            continue
        done.append(item)
    return done
