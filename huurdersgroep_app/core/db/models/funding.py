"""Funding: a funder's conditions (as data), the evidence a user gives for them, the categories
a grant may be spent on, the audit committee (kascommissie) of a year and the year plan.

A condition is either a check from the catalogue (``core.services.funding.catalogue``), evaluated
from the recorded data with its parameters, or the funder's own words (``check = 'confirm'``),
which the user confirms per year with a note or an attached file.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Column, Date, ForeignKey, Integer, LargeBinary, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from huurdersgroep_app.core.db.models.base import Base, Timestamps

grant_category = Table(
    "grant_category", Base.metadata,
    Column("grant_id", ForeignKey("grant.id", ondelete="CASCADE"), primary_key=True),
    Column("category_id", ForeignKey("category.id", ondelete="CASCADE"), primary_key=True),
)


class FundingCondition(Timestamps, Base):
    """One condition of a funder: a catalogue check with its parameters, or the funder's own words."""

    __tablename__ = "funding_condition"

    id: Mapped[int] = mapped_column(primary_key=True)
    funder_id: Mapped[int] = mapped_column(ForeignKey("funder.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    check: Mapped[str] = mapped_column(String(50), default="confirm")  # a catalogue key, or 'confirm'
    params: Mapped[str] = mapped_column(Text, default="{}")  # JSON object
    text: Mapped[str] = mapped_column(Text, default="")  # the funder's words (or a label of the group's own)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")

    evidence: Mapped[list["ConditionEvidence"]] = relationship(
        back_populates="condition", cascade="all, delete-orphan", order_by="ConditionEvidence.id")


class ConditionEvidence(Timestamps, Base):
    """The user's confirmation of a condition for a year: a note and/or a file (the municipal
    regulation, a newsletter, a photo of the notice board), stored in the database."""

    __tablename__ = "condition_evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    condition_id: Mapped[int] = mapped_column(ForeignKey("funding_condition.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    confirmed_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    file_name: Mapped[str] = mapped_column(String(255), default="")
    mime: Mapped[str] = mapped_column(String(100), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))  # loaded only when opened

    condition: Mapped[FundingCondition] = relationship(back_populates="evidence")


class AuditCommittee(Timestamps, Base):
    """The kascommissie that checks the books of a financial year, and its report."""

    __tablename__ = "audit_committee"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, unique=True)  # the financial year checked
    checked_on: Mapped[date | None] = mapped_column(Date)
    scope: Mapped[str] = mapped_column(Text, default="")  # what was checked
    findings: Mapped[str] = mapped_column(Text, default="")
    approved: Mapped[bool] = mapped_column(Boolean, default=False)  # the books were found in order

    members: Mapped[list["AuditCommitteeMember"]] = relationship(
        back_populates="committee", cascade="all, delete-orphan", order_by="AuditCommitteeMember.id")


class AuditCommitteeMember(Base):
    __tablename__ = "audit_committee_member"
    __table_args__ = (UniqueConstraint("committee_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("audit_committee.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))

    committee: Mapped[AuditCommittee] = relationship(back_populates="members")


class YearPlan(Timestamps, Base):
    """The plan (jaarplanning) for a year: goals and planned activities and meetings."""

    __tablename__ = "year_plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, unique=True)
    goals: Mapped[str] = mapped_column(Text, default="")
    approved_on: Mapped[date | None] = mapped_column(Date)

    lines: Mapped[list["YearPlanLine"]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="YearPlanLine.position")


class YearPlanLine(Base):
    """A planned activity or meeting, linked to a budget category of the plan's year."""

    __tablename__ = "year_plan_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("year_plan.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text)
    planned_on: Mapped[date | None] = mapped_column(Date)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    category_id: Mapped[int | None] = mapped_column(ForeignKey("category.id", ondelete="SET NULL"))

    plan: Mapped[YearPlan] = relationship(back_populates="lines")


class YearTexts(Timestamps, Base):
    """The free texts a group writes for a year's activity report and funding dossier: the
    foreword, the highlights, the plans, and a note for the cover letter to the funders.
    Kept per year in the database, so a backup carries them and next year starts blank."""

    __tablename__ = "year_texts"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, unique=True)
    foreword: Mapped[str] = mapped_column(Text, default="")
    highlights: Mapped[str] = mapped_column(Text, default="")
    plans: Mapped[str] = mapped_column(Text, default="")
    cover_note: Mapped[str] = mapped_column(Text, default="")
