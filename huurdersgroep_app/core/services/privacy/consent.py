"""The consent log and the versioned privacy statement it refers to.

A statement is published once and never edited: a changed text is a new version, so the text a
member was shown when they consented can always be printed as it was.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.privacy import CONSENT_PURPOSES, CONSENT_WAYS, Consent, PrivacyStatement
from huurdersgroep_app.core.errors import DomainError, NotFoundError, ValidationError
from huurdersgroep_app.core.services import validation as v
from huurdersgroep_app.core.services.members.members import get_member
from huurdersgroep_app.core.services.organisation import get_organisation
from huurdersgroep_app.core.services.privacy.labels import purpose_label, way_label
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _


@dataclass(frozen=True)
class ConsentRow:
    id: int
    member_id: int
    purpose: str
    purpose_label: str
    given_on: date
    how: str
    how_label: str
    statement_version: int | None
    withdrawn_on: date | None
    notes: str

    @property
    def active(self) -> bool:
        return self.withdrawn_on is None


def publish_statement(session: Session, text: str, *, language: str | None = None,
                      published_on: date | None = None) -> PrivacyStatement:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("The privacy statement has no text.")})
    latest = session.scalar(select(func.max(PrivacyStatement.version))) or 0
    statement = PrivacyStatement(version=latest + 1, text=text, published_on=published_on or date.today(),
                                 language=language or get_organisation(session).language)
    session.add(statement)
    session.flush()
    return statement


def latest_statement(session: Session) -> PrivacyStatement | None:
    return session.scalar(select(PrivacyStatement).order_by(PrivacyStatement.version.desc()).limit(1))


def statement_by_version(session: Session, version: int) -> PrivacyStatement:
    statement = session.scalar(select(PrivacyStatement).where(PrivacyStatement.version == version))
    if statement is None:
        raise NotFoundError(_("Version {version} of the privacy statement does not exist.").format(version=version))
    return statement


def record_consent(session: Session, member_id: int, purpose: str, given_on, how: str = "paper_form", *,
                   statement_version: int | None = None, notes: str = "", today: date | None = None) -> Consent:
    """Log a consent; without a version, the latest published statement is the one shown."""
    member = get_member(session, member_id)
    if member.anonymised:
        raise DomainError(_("This member was anonymised; no consent can be recorded for them."))
    problems: dict[str, str] = {}
    if purpose not in CONSENT_PURPOSES:
        problems["purpose"] = _("Unknown purpose '{value}'. Choose one of: {choices}.").format(
            value=purpose, choices=", ".join(CONSENT_PURPOSES))
    if how not in CONSENT_WAYS:
        problems["how"] = _("Unknown way of consent '{value}'. Choose one of: {choices}.").format(
            value=how, choices=", ".join(CONSENT_WAYS))
    day = None
    try:
        day = v.parse_date(given_on)
        if day is None:
            problems["given_on"] = _("The date of the consent is required.")
        else:
            v.check_not_future(day, today or date.today(), _("Consent given on"))
    except v.FieldError as exc:
        problems["given_on"] = str(exc)
    statement = (statement_by_version(session, statement_version) if statement_version is not None
                 else latest_statement(session))
    if problems:
        raise ValidationError(problems)
    consent = Consent(member_id=member.id, purpose=purpose, given_on=day, how=how, notes=notes.strip(),
                      statement_id=statement.id if statement else None)
    session.add(consent)
    if purpose == "registration":
        # The member's own fields show the registration consent in the members table.
        member.consent_on, member.consent_how = day, way_label(how)
    session.flush()
    return consent


def withdraw_consent(session: Session, consent_id: int, on, today: date | None = None) -> Consent:
    consent = get_or_raise(session, Consent, consent_id, N_("Consent {id} does not exist."), id=consent_id)
    if consent.withdrawn_on is not None:
        raise DomainError(_("This consent was already withdrawn on {date}.").format(date=consent.withdrawn_on))
    try:
        day = v.parse_date(on) or (today or date.today())
    except v.FieldError as exc:
        raise ValidationError({"withdrawn_on": str(exc)}) from None
    if day < consent.given_on:
        raise ValidationError({"withdrawn_on": _("A consent cannot be withdrawn before it was given.")})
    consent.withdrawn_on = day
    return consent


def consent_rows(session: Session, member_id: int) -> list[ConsentRow]:
    stmt = (select(Consent, PrivacyStatement.version).outerjoin(PrivacyStatement, Consent.statement_id ==
                                                                PrivacyStatement.id)
            .where(Consent.member_id == member_id).order_by(Consent.given_on, Consent.id))
    return [ConsentRow(c.id, c.member_id, c.purpose, purpose_label(c.purpose), c.given_on, c.how, way_label(c.how),
                       version, c.withdrawn_on, c.notes) for c, version in session.execute(stmt)]


def _without_consent(on: date):
    consented = select(Consent.member_id).where(Consent.purpose == "registration", Consent.withdrawn_on.is_(None))
    return select(Member.id).where(Member.anonymised.is_(False), (Member.left_on.is_(None)) | (Member.left_on > on),
                                   Member.id.not_in(consented))


def members_without_consent(session: Session, on: date | None = None) -> list[int]:
    """Active, not anonymised members with no standing registration consent."""
    return list(session.scalars(_without_consent(on or date.today())))


def count_without_consent(session: Session, on: date | None = None) -> int:
    """How many ``members_without_consent`` there are, counted by SQLite (the Overview's figure)."""
    return session.scalar(select(func.count()).select_from(_without_consent(on or date.today()).subquery()))
