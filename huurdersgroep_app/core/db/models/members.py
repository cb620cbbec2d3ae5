"""Complexes, members and board offices."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from huurdersgroep_app.core.db.models.base import Base, Timestamps


class Complex(Timestamps, Base):
    """A building or estate of the landlord; the group's reach is counted per complex."""

    __tablename__ = "complex"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    code: Mapped[str] = mapped_column(String(50), default="")
    address: Mapped[str] = mapped_column(String(300), default="")  # address range, free text
    postcode: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    dwellings: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")

    members: Mapped[list["Member"]] = relationship(back_populates="complex")
    ranges: Mapped[list["ComplexRange"]] = relationship(
        back_populates="complex", cascade="all, delete-orphan", order_by="ComplexRange.id")


RANGE_PARITIES = ("all", "even", "odd")


class ComplexRange(Base):
    """A street's house numbers that belong to a complex ('Rootputtenlaan 1–120', 'Lijnzaadhof 2–4 even'),
    so an import or 'Assign complexes by address' can put a member in the complex from the address."""

    __tablename__ = "complex_range"

    id: Mapped[int] = mapped_column(primary_key=True)
    complex_id: Mapped[int] = mapped_column(ForeignKey("complex.id", ondelete="CASCADE"), index=True)
    street: Mapped[str] = mapped_column(String(200))
    first_number: Mapped[int] = mapped_column(Integer)
    last_number: Mapped[int] = mapped_column(Integer)
    parity: Mapped[str] = mapped_column(String(4), default="all")  # RANGE_PARITIES
    postcode: Mapped[str] = mapped_column(String(10), default="")  # empty: any postcode

    complex: Mapped[Complex] = relationship(back_populates="ranges")


CONTACT_WAYS = ("letter", "email", "phone")


class Member(Timestamps, Base):
    __tablename__ = "member"

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(150), index=True)
    street: Mapped[str] = mapped_column(String(200), default="")
    house_number: Mapped[str] = mapped_column(String(20), default="")
    box: Mapped[str] = mapped_column(String(20), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    complex_id: Mapped[int | None] = mapped_column(ForeignKey("complex.id", ondelete="SET NULL"), index=True)
    dwelling: Mapped[str] = mapped_column(String(50), default="")
    is_tenant: Mapped[bool] = mapped_column(Boolean, default=True)
    tenant_since: Mapped[date | None] = mapped_column(Date)
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    iban: Mapped[str] = mapped_column(String(40), default="")
    language: Mapped[str] = mapped_column(String(10), default="")
    contact_way: Mapped[str] = mapped_column(String(10), default="letter")
    joined_on: Mapped[date | None] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date, index=True)
    left_reason: Mapped[str] = mapped_column(String(200), default="")
    consent_on: Mapped[date | None] = mapped_column(Date)
    consent_how: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    anonymised: Mapped[bool] = mapped_column(Boolean, default=False)

    complex: Mapped[Complex | None] = relationship(back_populates="members")
    offices: Mapped[list["Office"]] = relationship(back_populates="member", cascade="all, delete-orphan")

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def address_line(self) -> str:
        from huurdersgroep_app.core.services.addresses import street_line  # a leaf: no cycle, lazily for the models

        return street_line(self.street, self.house_number, self.box, postcode=self.postcode)

    def is_active(self, on: date) -> bool:
        return (self.joined_on is None or self.joined_on <= on) and (self.left_on is None or self.left_on > on)


OFFICE_ROLES = ("chair", "secretary", "treasurer", "board_member", "aspirant")


class Office(Timestamps, Base):
    """A board office held by a member from a date; ``planned_end_on`` drives the retirement rota."""

    __tablename__ = "office"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    start_on: Mapped[date] = mapped_column(Date)
    planned_end_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")

    member: Mapped[Member] = relationship(back_populates="offices")

    def is_current(self, on: date) -> bool:
        return self.start_on <= on and (self.ended_on is None or self.ended_on > on)
