"""Funders: the landlord, the municipality, a province, a foundation. A funder is an organisation
of the contacts register (a ``Partner``); its IBAN lets a bank import recognise its payments."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.contacts import Partner
from huurdersgroep_app.core.db.models.finance_plans import FUNDER_KINDS, Funder
from huurdersgroep_app.core.db.models.funding import FundingCondition
from huurdersgroep_app.core.errors import ValidationError
from huurdersgroep_app.core.services import validation as v
from huurdersgroep_app.core.services.finance.common import compact_iban
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _

KIND_LABELS = {"landlord": N_("Landlord"), "municipality": N_("Municipality"), "province": N_("Province"),
               "foundation": N_("Foundation"), "other": N_("Other funder")}
# The contacts register's kind for a new organisation made for a funder.
_PARTNER_KIND = {"landlord": "landlord", "municipality": "municipality"}


def kind_label(kind: str) -> str:
    return _(KIND_LABELS.get(kind, kind))


@dataclass
class FunderInput:
    name: str = ""
    kind: str = "other"
    partner_id: int | None = None  # an organisation of the contacts register; None: one is made
    iban: str = ""
    notes: str = ""


def _clean(session: Session, data: FunderInput, funder_id: int | None = None) -> dict:
    problems: dict[str, str] = {}
    partner = session.get(Partner, data.partner_id) if data.partner_id is not None else None
    if data.partner_id is not None and partner is None:
        problems["partner_id"] = _("This organisation is not in the contacts register (any more).")
    name = (data.name or "").strip() or (partner.name if partner else "")
    if not name:
        problems["name"] = _("The name of the funder is required.")
    else:
        clash = session.scalar(select(Funder.id).where(func.lower(Funder.name) == name.lower()))
        if clash is not None and clash != funder_id:
            problems["name"] = _("There is already a funder called '{name}'.").format(name=name)
    if data.kind not in FUNDER_KINDS:
        problems["kind"] = _("Unknown kind of funder '{kind}'. Choose one of: {choices}.").format(
            kind=data.kind, choices=", ".join(FUNDER_KINDS))
    try:
        iban = compact_iban(v.clean_iban(data.iban))
    except v.FieldError as exc:
        problems["iban"] = str(exc)
        iban = ""
    if problems:
        raise ValidationError(problems)
    return dict(name=name, kind=data.kind, partner_id=data.partner_id, iban=iban, notes=(data.notes or "").strip())


def add_funder(session: Session, data: FunderInput) -> Funder:
    """A new funder; without an organisation of the contacts register, one is added there for it."""
    values = _clean(session, data)
    if values["partner_id"] is None:
        partner = Partner(name=values["name"], kind=_PARTNER_KIND.get(values["kind"], "other"))
        session.add(partner)
        session.flush()
        values["partner_id"] = partner.id
    funder = Funder(**values)
    session.add(funder)
    session.flush()
    return funder


def get_funder(session: Session, funder_id: int) -> Funder:
    return get_or_raise(session, Funder, funder_id, N_("Funder {id} does not exist."), id=funder_id)


def update_funder(session: Session, funder_id: int, data: FunderInput) -> Funder:
    funder = get_funder(session, funder_id)
    values = _clean(session, data, funder_id)
    if values["partner_id"] is None:
        values["partner_id"] = funder.partner_id
    for key, value in values.items():
        setattr(funder, key, value)
    return funder


@dataclass(frozen=True)
class FunderRow:
    id: int
    name: str
    kind: str
    iban: str
    organisation: str  # the name in the contacts register
    conditions: int

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)


def funder_rows(session: Session) -> list[FunderRow]:
    counts = dict(session.execute(select(FundingCondition.funder_id, func.count())
                                  .where(FundingCondition.active.is_(True)).group_by(FundingCondition.funder_id)).all())
    rows = session.execute(select(Funder.id, Funder.name, Funder.kind, Funder.iban, Partner.name)
                           .outerjoin(Partner, Partner.id == Funder.partner_id).order_by(Funder.name))
    return [FunderRow(fid, name, kind, iban, partner or "", counts.get(fid, 0))
            for fid, name, kind, iban, partner in rows]


def funders_by_iban(session: Session) -> dict[str, int]:
    """Compact IBAN → funder id, for matching bank lines."""
    return {iban: fid for fid, iban in session.execute(select(Funder.id, Funder.iban).where(Funder.iban != ""))}
