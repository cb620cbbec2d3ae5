"""What the money is for and who pays it: funders and grants, the budget, membership dues and
volunteer allowances. Amounts are positive ``Money`` (see the sign convention in ``finance``)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from huurdersgroep_app.core.db.lock_triggers import iso_date_check
from huurdersgroep_app.core.db.models.base import Base, Timestamps
from huurdersgroep_app.core.db.money import Money

FUNDER_KINDS = ("landlord", "municipality", "province", "foundation", "other")
# How a grant's amount is set: a fixed sum, a rate per dwelling (the calculator), or per project.
GRANT_AMOUNT_KINDS = ("lump_sum", "per_dwelling", "per_project")
GRANT_STATUSES = ("applied", "granted", "paid", "accounted", "closed")


class Funder(Timestamps, Base):
    """Who pays: the landlord, the municipality, a foundation …"""

    __tablename__ = "funder"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="other")
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partner.id", ondelete="SET NULL"))
    iban: Mapped[str] = mapped_column(String(40), default="")  # compact; matches its payments on bank import
    notes: Mapped[str] = mapped_column(Text, default="")

    grants: Mapped[list["Grant"]] = relationship(back_populates="funder", cascade="all, delete-orphan",
                                                 order_by="Grant.year")


class Grant(Timestamps, Base):
    """An amount a funder grants for a year, on conditions, with an accountability deadline."""

    __tablename__ = "grant"

    id: Mapped[int] = mapped_column(primary_key=True)
    funder_id: Mapped[int] = mapped_column(ForeignKey("funder.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    amount = mapped_column(Money, nullable=False)
    reference: Mapped[str] = mapped_column(String(100), default="")
    conditions: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[date | None] = mapped_column(Date)  # accountability due
    notes: Mapped[str] = mapped_column(Text, default="")
    amount_kind: Mapped[str] = mapped_column(String(20), default="lump_sum", server_default="lump_sum")
    dwelling_rate = mapped_column(Money, nullable=True)  # per_dwelling: the rate agreed with this funder
    dwellings: Mapped[int | None] = mapped_column(Integer)  # per_dwelling: dwellings counted
    status: Mapped[str] = mapped_column(String(20), default="granted", server_default="granted")
    application_deadline: Mapped[date | None] = mapped_column(Date)
    applied_on: Mapped[date | None] = mapped_column(Date)
    accounted_on: Mapped[date | None] = mapped_column(Date)  # the accountability was filed

    funder: Mapped[Funder] = relationship(back_populates="grants")


class Budget(Timestamps, Base):
    """The budget of a year, approved by the annual meeting: ``approval_decision_id`` links the
    meeting's numbered decision; date and reference are kept as text too, for approvals recorded
    before the meetings were kept in the app."""

    __tablename__ = "budget"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, unique=True)
    approved_on: Mapped[date | None] = mapped_column(Date)
    approval_reference: Mapped[str] = mapped_column(String(300), default="")
    approval_decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id", ondelete="SET NULL"))
    notes: Mapped[str] = mapped_column(Text, default="")

    lines: Mapped[list["BudgetLine"]] = relationship(back_populates="budget", cascade="all, delete-orphan",
                                                     order_by="BudgetLine.id")


class BudgetLine(Base):
    __tablename__ = "budget_line"
    __table_args__ = (UniqueConstraint("budget_id", "category_id", name="uq_budget_line_budget_category"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    budget_id: Mapped[int] = mapped_column(ForeignKey("budget.id", ondelete="CASCADE"), index=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("category.id", ondelete="RESTRICT"), index=True)
    amount = mapped_column(Money, nullable=False)  # positive: expected income or expected expense
    justification: Mapped[str] = mapped_column(Text, default="")

    budget: Mapped[Budget] = relationship(back_populates="lines")


class DuesYear(Base):
    """The yearly membership dues."""

    __tablename__ = "dues_year"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    amount = mapped_column(Money, nullable=False)
    due_on: Mapped[date | None] = mapped_column(Date)


class DuesPayment(Base):
    """A member's dues for a year, paid by an entry (December payments may be for next year)."""

    __tablename__ = "dues_payment"
    __table_args__ = (UniqueConstraint("entry_id", name="uq_dues_payment_entry"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"))
    amount = mapped_column(Money, nullable=False)


class VolunteerAllowance(Timestamps, Base):
    """An allowance paid to a volunteer; the yearly total per volunteer is checked against the cap."""

    __tablename__ = "volunteer_allowance"
    __table_args__ = (CheckConstraint(iso_date_check("paid_on"), name="paid_on_iso"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    amount = mapped_column(Money, nullable=False)
    paid_on: Mapped[date | None] = mapped_column(Date)
    description: Mapped[str] = mapped_column(String(300), default="")
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("entry.id", ondelete="SET NULL"))
    # Days of volunteering the allowance pays for: Belgium caps the allowance per day too.
    days: Mapped[int | None] = mapped_column(Integer)
