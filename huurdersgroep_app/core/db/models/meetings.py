"""Meetings and what happens in them: agenda, attendance, decisions, action points, elections.

A meeting's rows hang off it with ``ON DELETE CASCADE``; people (members, contacts) are referred
to with ``SET NULL`` or ``CASCADE`` so that anonymising or removing a person never breaks old minutes.
"""
from __future__ import annotations

from datetime import date, time

from sqlalchemy import (Boolean, Column, Date, ForeignKey, Integer, LargeBinary, String, Table, Text, Time,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from huurdersgroep_app.core.db.models.base import Base, Timestamps

MEETING_TYPES = ("board", "members", "open_tenants", "consultation", "annual", "working_group", "informal")
MEETING_STATUSES = ("planned", "invited", "held", "minutes_drafted", "minutes_approved", "cancelled")
AUDIENCES = ("board", "members", "all_tenants", "landlord_and_group")
QUORUM_KINDS = ("none", "count", "percent")
ITEM_ORIGINS = ("group", "landlord", "tenant")
ATTENDANCE_STATUSES = ("present", "excused", "absent")
ACTION_STATUSES = ("open", "done", "cancelled")
DECISION_KINDS = ("general", "minutes_approval", "discharge", "election")
VOTE_KINDS = ("vote", "consensus", "ballot", "acclamation")  # ballot: secret; acclamation: elections
ELECTION_METHODS = ("vote", "acclamation")

meeting_contact = Table(
    "meeting_contact", Base.metadata,
    Column("meeting_id", ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True),
    Column("contact_id", ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True),
)


class Meeting(Timestamps, Base):
    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(String(20), index=True)
    title: Mapped[str] = mapped_column(String(200), default="")  # empty: the type's name is shown
    scheduled_on: Mapped[date] = mapped_column(Date, index=True)
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    place: Mapped[str] = mapped_column(String(300), default="")
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    minute_taker_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    audience: Mapped[str] = mapped_column(String(20), default="members")
    status: Mapped[str] = mapped_column(String(20), default="planned", index=True)
    invitations_sent_on: Mapped[date | None] = mapped_column(Date)
    cancel_reason: Mapped[str] = mapped_column(String(300), default="")
    # The quorum rule is copied from the group's default for the type, and can differ per meeting.
    quorum_kind: Mapped[str] = mapped_column(String(10), default="none")
    quorum_value: Mapped[int] = mapped_column(Integer, default=0)
    proxies_count: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")

    contacts = relationship("Contact", secondary=meeting_contact, order_by="Contact.last_name")
    items: Mapped[list["AgendaItem"]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="AgendaItem.position",
        foreign_keys="AgendaItem.meeting_id")


class AgendaItem(Timestamps, Base):
    __tablename__ = "agenda_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    # A standard item's key ('opening', 'action_review', 'elections', …) lets the app find the
    # review item, the minutes item and so on; empty for items the user added.
    key: Mapped[str] = mapped_column(String(40), default="")
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    introduced_by: Mapped[str] = mapped_column(String(200), default="")
    origin: Mapped[str] = mapped_column(String(10), default="group")
    minutes_notes: Mapped[str] = mapped_column(Text, default="")
    parked: Mapped[bool] = mapped_column(Boolean, default=False)
    moved_to_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))

    meeting: Mapped[Meeting] = relationship(back_populates="items", foreign_keys=[meeting_id])


class MeetingAttachment(Timestamps, Base):
    """A document for a meeting or one of its items; the bytes live in the database so backups carry them."""

    __tablename__ = "meeting_attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"),
                                                       index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    mime: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer, default=0)
    # Deferred: listing a meeting's attachments must not load megabytes of PDFs.
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary))


class Attendance(Timestamps, Base):
    """A member's presence, or a guest (name and organisation, maybe a known contact)."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"))
    guest_name: Mapped[str] = mapped_column(String(200), default="")
    guest_organisation: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(10), default="present")
    # The present member who votes for this (absent or excused) member.
    proxy_holder_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    notes: Mapped[str] = mapped_column(String(300), default="")


class Decision(Timestamps, Base):
    """A numbered decision: numbers run per calendar year across all meetings (2026-07)."""

    __tablename__ = "decision"
    __table_args__ = (UniqueConstraint("year", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="SET NULL"),
                                                       index=True)
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20), default="general")
    text: Mapped[str] = mapped_column(Text)
    vote_kind: Mapped[str] = mapped_column(String(10), default="consensus")
    votes_for: Mapped[int | None] = mapped_column(Integer)
    votes_against: Mapped[int | None] = mapped_column(Integer)
    votes_abstain: Mapped[int | None] = mapped_column(Integer)
    # Discharge decisions: the financial year the board is released for.
    financial_year: Mapped[int | None] = mapped_column(Integer, index=True)
    # Minutes approvals: the meeting whose minutes were approved.
    approves_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))

    @property
    def label(self) -> str:
        return f"{self.year}-{self.number:02d}"


class ActionPoint(Timestamps, Base):
    __tablename__ = "action_point"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="SET NULL"))
    description: Mapped[str] = mapped_column(Text)
    owner_member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    owner_contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"))
    due_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)
    # The day it was closed: done, or cancelled.
    done_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class Election(Timestamps, Base):
    """Board elections at a meeting: seats from the retirement rota, candidates, the result."""

    __tablename__ = "election"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="SET NULL"))
    role: Mapped[str] = mapped_column(String(20), default="board_member")
    seats: Mapped[int] = mapped_column(Integer, default=1)
    method: Mapped[str] = mapped_column(String(12), default="vote")
    ballots_cast: Mapped[int | None] = mapped_column(Integer)
    ballots_blank: Mapped[int] = mapped_column(Integer, default=0)
    # Counted apart from the blank ones so that cast = valid + blank + invalid (migration 0012).
    ballots_invalid: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    applied_on: Mapped[date | None] = mapped_column(Date)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id", ondelete="SET NULL"))
    notes: Mapped[str] = mapped_column(Text, default="")

    candidates: Mapped[list["ElectionCandidate"]] = relationship(
        back_populates="election", cascade="all, delete-orphan", order_by="ElectionCandidate.id")
    retiring: Mapped[list["ElectionRetiringOffice"]] = relationship(
        back_populates="election", cascade="all, delete-orphan")


class ElectionRetiringOffice(Base):
    """An office whose term ends at this election (from the retirement rota)."""

    __tablename__ = "election_retiring_office"

    election_id: Mapped[int] = mapped_column(ForeignKey("election.id", ondelete="CASCADE"), primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), primary_key=True)

    election: Mapped[Election] = relationship(back_populates="retiring")


class ElectionCandidate(Base):
    __tablename__ = "election_candidate"
    __table_args__ = (UniqueConstraint("election_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(ForeignKey("election.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    votes: Mapped[int | None] = mapped_column(Integer)
    elected: Mapped[bool] = mapped_column(Boolean, default=False)

    election: Mapped[Election] = relationship(back_populates="candidates")
