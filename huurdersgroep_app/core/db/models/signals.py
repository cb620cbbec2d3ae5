"""Signals: tenants' problems reported to the group (repairs, damp, nuisance, service costs …).

A signal may come from a member, from a tenant who is not a member, or anonymously. A
*confidential* signal is kept for the group's own follow-up and never printed in a shared document.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from huurdersgroep_app.core.db.models.advices import Advice
from huurdersgroep_app.core.db.models.base import Base, Timestamps
from huurdersgroep_app.core.db.models.contacts import Contact
from huurdersgroep_app.core.db.models.members import Complex, Member

SIGNAL_CATEGORIES = ("repairs", "damp_mould", "heating", "nuisance", "cleanliness", "safety", "service_costs",
                     "communication", "other")
SIGNAL_STATUSES = ("open", "forwarded", "answered", "resolved", "closed")
REPORTER_KINDS = ("member", "non_member", "anonymous")
SIGNAL_SCOPES = ("individual", "collective")


class Signal(Timestamps, Base):
    __tablename__ = "signal"

    id: Mapped[int] = mapped_column(primary_key=True)
    reported_on: Mapped[date] = mapped_column(Date, index=True)
    reporter_kind: Mapped[str] = mapped_column(String(20), default="anonymous")
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"), index=True)
    reporter_name: Mapped[str] = mapped_column(String(200), default="")  # a tenant who is not a member
    reporter_contact: Mapped[str] = mapped_column(String(200), default="")  # their phone or e-mail
    complex_id: Mapped[int | None] = mapped_column(ForeignKey("complex.id", ondelete="SET NULL"), index=True)
    street: Mapped[str] = mapped_column(String(200), default="")
    house_number: Mapped[str] = mapped_column(String(20), default="")
    box: Mapped[str] = mapped_column(String(20), default="")
    category: Mapped[str] = mapped_column(String(30), default="other", index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    scope: Mapped[str] = mapped_column(String(20), default="individual")
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    forwarded_on: Mapped[date | None] = mapped_column(Date)
    forwarded_to_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"))
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    resolved_on: Mapped[date | None] = mapped_column(Date)
    advice_id: Mapped[int | None] = mapped_column(ForeignKey("advice.id", ondelete="SET NULL"), index=True)
    notes: Mapped[str] = mapped_column(Text, default="")

    member: Mapped[Member | None] = relationship()
    complex: Mapped[Complex | None] = relationship()
    forwarded_to: Mapped[Contact | None] = relationship()
    advice: Mapped[Advice | None] = relationship()
