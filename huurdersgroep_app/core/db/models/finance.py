"""The books: accounts, financial years, categories, entries with their split lines, transfers,
receipts and the bank statements that were imported.

Sign convention (one rule everywhere): an amount on an ``Entry`` or ``EntryLine`` is seen from
the group's account — **positive is money in, negative is money out**. A cost is a negative line
in an expense category; a refund of a cost is a positive line in the same category and lowers
that category's expense. The lines of an entry always add up to the entry's amount.
A ``Transfer`` moves a positive amount between two of the group's own accounts and is neither
income nor expense. Budget lines (``finance_plans``) hold positive amounts for both kinds.
Amounts are ``Money`` columns: integer cents in the database, ``Decimal`` in Python.

Closed financial years are locked by ``core.db.year_lock`` (a session event) and by triggers
(``core.db.lock_triggers``, for any SQL that bypasses the ORM), and sealed (``core.db.seal``).
Dates that decide a year are ISO text by construction: a CHECK refuses anything else.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (Boolean, CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, LargeBinary, String,
                        Text, UniqueConstraint, func)
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from huurdersgroep_app.core.db.lock_triggers import iso_date_check
from huurdersgroep_app.core.db.models.base import Base, Timestamps
from huurdersgroep_app.core.db.money import Money

ACCOUNT_KINDS = ("cash", "bank")
CATEGORY_KINDS = ("income", "expense")
YEAR_STATUSES = ("open", "closed")


class Account(Timestamps, Base):
    """A cash box or a bank account of the group."""

    __tablename__ = "account"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # cash | bank
    name: Mapped[str] = mapped_column(String(100), unique=True)
    iban: Mapped[str] = mapped_column(String(40), default="")  # formatted, '' for cash
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class FinancialYear(Base):
    """A calendar year of the books; once closed it is locked for good."""

    __tablename__ = "financial_year"
    __table_args__ = (CheckConstraint(iso_date_check("closed_on"), name="closed_on_iso"),)

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    status: Mapped[str] = mapped_column(String(10), default="open")
    closed_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class OpeningBalance(Base):
    """What an account held on 1 January of a year. For a year after a closed year it is the
    closed year's closing balance, written by the year closing."""

    __tablename__ = "opening_balance"
    __table_args__ = (UniqueConstraint("account_id", "year", name="uq_opening_balance_account_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="RESTRICT"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    amount = mapped_column(Money, nullable=False, default=0)


class Category(Base):
    """An income or expense category. Shipped ones have a ``code`` (the label is translated when
    shown); ``name`` overrides the label when the group renames or adds one."""

    __tablename__ = "category"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # income | expense
    code: Mapped[str] = mapped_column(String(50), unique=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Whether an entry in this category needs a receipt (bank costs and income do not).
    needs_receipt: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Entry(Timestamps, Base):
    """One movement on one account, split over categories by its lines."""

    __tablename__ = "entry"
    __table_args__ = (Index("ix_entry_account_booked_on", "account_id", "booked_on"),
                      CheckConstraint(iso_date_check("booked_on"), name="booked_on_iso"))

    id: Mapped[int] = mapped_column(primary_key=True)
    booked_on: Mapped[date] = mapped_column(Date, index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="RESTRICT"))
    amount = mapped_column(Money, nullable=False)  # + money in, − money out
    counterparty: Mapped[str] = mapped_column(String(200), default="")
    counterparty_iban: Mapped[str] = mapped_column(String(40), default="")  # compact
    description: Mapped[str] = mapped_column(Text, default="")
    # A member's row is never deleted while the books need it (anonymised instead); SET NULL keeps
    # a hard deletion possible without touching the amounts of a locked year.
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"), index=True)
    grant_id: Mapped[int | None] = mapped_column(ForeignKey("grant.id", ondelete="RESTRICT"), index=True)
    receipt_number: Mapped[str] = mapped_column(String(50), default="")
    structured_reference: Mapped[str] = mapped_column(String(40), default="")
    bank_reference: Mapped[str] = mapped_column(String(100), default="")
    # fingerprint of the bank line + '#' + its occurrence in the file: re-importing adds nothing.
    bank_fingerprint: Mapped[str | None] = mapped_column(String(48), unique=True)

    account: Mapped[Account] = relationship()
    lines: Mapped[list["EntryLine"]] = relationship(back_populates="entry", cascade="all, delete-orphan",
                                                    order_by="EntryLine.id")
    receipts: Mapped[list["Receipt"]] = relationship(back_populates="entry", cascade="all, delete-orphan",
                                                     order_by="Receipt.id")

    @property
    def year(self) -> int:
        return self.booked_on.year


class EntryLine(Base):
    """A part of an entry in one category (None: not categorised yet, e.g. fresh from the bank)."""

    __tablename__ = "entry_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"), index=True)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("category.id", ondelete="RESTRICT"), index=True)
    amount = mapped_column(Money, nullable=False)  # same sign convention as the entry
    note: Mapped[str] = mapped_column(String(200), default="")

    entry: Mapped[Entry] = relationship(back_populates="lines")
    category: Mapped[Category | None] = relationship()


class Transfer(Timestamps, Base):
    """Money moved between two of the group's accounts (cash deposited at the bank)."""

    __tablename__ = "transfer"
    __table_args__ = (CheckConstraint(iso_date_check("transferred_on"), name="transferred_on_iso"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    transferred_on: Mapped[date] = mapped_column(Date, index=True)
    from_account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="RESTRICT"), index=True)
    to_account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="RESTRICT"), index=True)
    amount = mapped_column(Money, nullable=False)  # always positive
    description: Mapped[str] = mapped_column(Text, default="")
    bank_fingerprint: Mapped[str | None] = mapped_column(String(48), unique=True)

    from_account: Mapped[Account] = relationship(foreign_keys=[from_account_id])
    to_account: Mapped[Account] = relationship(foreign_keys=[to_account_id])


class Receipt(Base):
    """A photo, scan or PDF of a receipt, stored in the database so every backup carries it."""

    __tablename__ = "receipt"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(200))
    mime: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary))  # loaded only when opened
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())

    entry: Mapped[Entry] = relationship(back_populates="receipts")


class BankStatementRecord(Base):
    """A statement that was imported: its balances let the year closing compare our balance
    with the bank's."""

    __tablename__ = "bank_statement"
    __table_args__ = (CheckConstraint(iso_date_check("opening_date"), name="opening_date_iso"),
                      CheckConstraint(iso_date_check("closing_date"), name="closing_date_iso"))

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="RESTRICT"), index=True)
    statement_id: Mapped[str] = mapped_column(String(100), default="")
    opening_date: Mapped[date | None] = mapped_column(Date)
    opening_balance = mapped_column(Money, nullable=True)
    closing_date: Mapped[date | None] = mapped_column(Date, index=True)
    closing_balance = mapped_column(Money, nullable=True)
    transactions: Mapped[int] = mapped_column(Integer, default=0)
    file_name: Mapped[str] = mapped_column(String(300), default="")
    imported_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class YearSeal(Base):
    """The digest over the rows of a closed year, stored when it was closed (see ``core.db.seal``)."""

    __tablename__ = "year_seal"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    format: Mapped[int] = mapped_column(Integer)  # version of the canonical serialisation
    digest: Mapped[str] = mapped_column(String(64))  # SHA-256, hex
    sealed_at: Mapped[str] = mapped_column(String(32))  # ISO timestamp, as text: it is part of no digest
