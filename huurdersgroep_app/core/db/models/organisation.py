"""The group itself (one per database file) and its settings."""
from __future__ import annotations

from sqlalchemy import LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from huurdersgroep_app.core.db.models.base import Base, Timestamps


class Organisation(Timestamps, Base):
    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    region: Mapped[str] = mapped_column(String(20))  # vlaanderen | nederland | brussel
    language: Mapped[str] = mapped_column(String(10))  # language of the group's documents
    landlord_name: Mapped[str] = mapped_column(String(200), default="")
    street: Mapped[str] = mapped_column(String(200), default="")
    house_number: Mapped[str] = mapped_column(String(20), default="")
    box: Mapped[str] = mapped_column(String(20), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    iban: Mapped[str] = mapped_column(String(40), default="")
    registration_number: Mapped[str] = mapped_column(String(50), default="")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    logo_mime: Mapped[str] = mapped_column(String(50), default="")


class Setting(Base):
    """Group settings that must travel with the backups (term length, sort convention, …).

    Values are JSON text so that later areas can store numbers, lists and dates.
    """

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
