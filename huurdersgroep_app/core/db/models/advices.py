"""Advice dossiers: the group's written advice to the landlord, asked for or on its own initiative.

A dossier keeps every saved draft (``AdviceVersion``), a timeline (``AdviceEvent``), the follow-up
action points (``AdviceAction``) and the complexes it is about. Deadlines are stored on the dossier:
computed from the rule profile when the request comes in, then editable (terms are often agreed).
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Column, Date, DateTime, ForeignKey, Integer, String, Table, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from huurdersgroep_app.core.db.models.base import Base, Timestamps
from huurdersgroep_app.core.db.models.contacts import Contact
from huurdersgroep_app.core.db.models.members import Complex

ADVICE_KINDS = ("asked", "own_initiative")
ADVICE_SCOPES = ("one_complex", "several", "whole_stock")
ADVICE_STATUSES = ("requested", "drafting", "consulting", "approved", "sent", "replied", "closed", "withdrawn")
REPLY_OUTCOMES = ("followed", "partly", "not_followed")

advice_complex = Table(
    "advice_complex", Base.metadata,
    Column("advice_id", ForeignKey("advice.id", ondelete="CASCADE"), primary_key=True),
    Column("complex_id", ForeignKey("complex.id", ondelete="CASCADE"), primary_key=True),
)


class Advice(Timestamps, Base):
    __tablename__ = "advice"
    __table_args__ = (UniqueConstraint("year", "sequence"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Reference 'ADV-2026-03': the year of the request and a number within that year.
    year: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20), default="asked")
    topic: Mapped[str] = mapped_column(String(40), default="other")
    title: Mapped[str] = mapped_column(String(300))
    scope: Mapped[str] = mapped_column(String(20), default="whole_stock")
    requested_on: Mapped[date] = mapped_column(Date, index=True)
    information_complete: Mapped[bool] = mapped_column(Boolean, default=True)
    information_note: Mapped[str] = mapped_column(Text, default="")
    # The computed deadline is kept beside the one in force, so an edited term stays visible as such.
    computed_deadline: Mapped[date | None] = mapped_column(Date)
    group_deadline: Mapped[date | None] = mapped_column(Date, index=True)
    # Set only where the profile says silence counts as favourable advice (Brussels).
    silence_deadline: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="requested", index=True)
    consultation_summary: Mapped[str] = mapped_column(Text, default="")
    consultation_on: Mapped[date | None] = mapped_column(Date)
    approved_on: Mapped[date | None] = mapped_column(Date)
    approval_reference: Mapped[str] = mapped_column(String(300), default="")
    # The meeting decision that approved the advice, when the approval was taken in a meeting.
    approval_decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id", ondelete="SET NULL"))
    sent_on: Mapped[date | None] = mapped_column(Date, index=True)
    addressee_contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"))
    reply_due: Mapped[date | None] = mapped_column(Date, index=True)
    reply_outcome: Mapped[str] = mapped_column(String(20), default="")
    reply_reasons: Mapped[str] = mapped_column(Text, default="")
    reply_planning: Mapped[str] = mapped_column(Text, default="")
    replied_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")

    addressee: Mapped[Contact | None] = relationship()
    complexes: Mapped[list[Complex]] = relationship(secondary=advice_complex, order_by=Complex.name)
    versions: Mapped[list["AdviceVersion"]] = relationship(
        back_populates="advice", cascade="all, delete-orphan", order_by="AdviceVersion.number")
    events: Mapped[list["AdviceEvent"]] = relationship(
        back_populates="advice", cascade="all, delete-orphan", order_by="[AdviceEvent.happened_on, AdviceEvent.id]")
    actions: Mapped[list["AdviceAction"]] = relationship(
        back_populates="advice", cascade="all, delete-orphan", order_by="AdviceAction.id")

    @property
    def reference(self) -> str:
        return f"ADV-{self.year}-{self.sequence:02d}"

    @property
    def latest_version(self) -> "AdviceVersion | None":
        return self.versions[-1] if self.versions else None


class AdviceVersion(Base):
    """A saved draft. Never changed afterwards: saving again makes the next number."""

    __tablename__ = "advice_version"
    __table_args__ = (UniqueConstraint("advice_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    advice_id: Mapped[int] = mapped_column(ForeignKey("advice.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    saved_on: Mapped[date] = mapped_column(Date)
    saved_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    body: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(String(300), default="")

    advice: Mapped[Advice] = relationship(back_populates="versions")


class AdviceEvent(Base):
    """One line of the dossier's timeline. ``kind`` and the statuses are codes, so the timeline
    reads in whatever language the user has chosen; ``detail`` is the user's own text."""

    __tablename__ = "advice_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    advice_id: Mapped[int] = mapped_column(ForeignKey("advice.id", ondelete="CASCADE"), index=True)
    happened_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(30))
    from_status: Mapped[str] = mapped_column(String(20), default="")
    to_status: Mapped[str] = mapped_column(String(20), default="")
    detail: Mapped[str] = mapped_column(Text, default="")

    advice: Mapped[Advice] = relationship(back_populates="events")


class AdviceAction(Timestamps, Base):
    """A follow-up action point of a dossier: what, who, by when, done when."""

    __tablename__ = "advice_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    advice_id: Mapped[int] = mapped_column(ForeignKey("advice.id", ondelete="CASCADE"), index=True)
    what: Mapped[str] = mapped_column(Text)
    who: Mapped[str] = mapped_column(String(200), default="")
    due_on: Mapped[date | None] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)

    advice: Mapped[Advice] = relationship(back_populates="actions")
