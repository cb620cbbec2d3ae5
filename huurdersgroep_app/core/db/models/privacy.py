"""Privacy records: the versioned privacy statement, the consent log, and the log of
anonymisations and erasures (accountability, GDPR art. 5(2)).

A consent names the statement version the member was shown, so the exact text they agreed to
can always be printed again; a statement that a consent refers to cannot be deleted (RESTRICT).
The log of privacy actions holds no personal data: only the kind, the id it had and the label
that replaced the name.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from huurdersgroep_app.core.db.models.base import Base

CONSENT_PURPOSES = ("registration", "contact", "newsletter", "photos", "share_with_landlord")
CONSENT_WAYS = ("paper_form", "email", "verbal", "online_form", "other")
PRIVACY_ACTIONS = ("anonymised", "erased")
SUBJECT_KINDS = ("member", "contact")


class PrivacyStatement(Base):
    """One published version of the group's privacy statement; never edited once used."""

    __tablename__ = "privacy_statement"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, unique=True)
    language: Mapped[str] = mapped_column(String(10))
    published_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class Consent(Base):
    """A member's consent to one purpose: when, how, which statement they were shown, and its withdrawal."""

    __tablename__ = "consent"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(30))
    given_on: Mapped[date] = mapped_column(Date)
    how: Mapped[str] = mapped_column(String(20), default="paper_form")
    statement_id: Mapped[int | None] = mapped_column(ForeignKey("privacy_statement.id", ondelete="RESTRICT"))
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())

    statement: Mapped[PrivacyStatement | None] = relationship()


class PrivacyAction(Base):
    """That a person was anonymised or erased, and when; no personal data is kept here."""

    __tablename__ = "privacy_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    done_on: Mapped[date] = mapped_column(Date, index=True)
    action: Mapped[str] = mapped_column(String(20))
    subject_kind: Mapped[str] = mapped_column(String(10))
    subject_id: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(String(200), default="")
