"""Membership dues: the yearly amount, who paid, each member's Belgian structured reference
(+++123/4567/89012+++, from member id and year with mod-97 check digits) and the data of the EPC
'scan to pay' QR code on the payment request letter."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.finance import Account
from huurdersgroep_app.core.db.models.finance_plans import DuesPayment, DuesYear
from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services.finance import years
from huurdersgroep_app.core.services.finance.common import ZERO, compact_iban, read_amount
from huurdersgroep_app.core.services.organisation import get_organisation, rule_profile
from huurdersgroep_app.core.services.members.members import surname_sort_mode
from huurdersgroep_app.core.services.names import sort_key
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _

_FORMATTED = re.compile(r"[+*]{3}\s*(\d{3})\s*/?\s*(\d{4})\s*/?\s*(\d{5})\s*[+*]{3}")
_BARE = re.compile(r"^\d{12}$")
_IN_TEXT = re.compile(r"(?<!\d)\d{12}(?!\d)")  # a Dutch group's payment reference inside a description


def structured_reference(member_id: int, year: int) -> str:
    """12 digits: the year (4), the member id (6), then base mod 97 (97 when 0)."""
    if not 0 < member_id < 1_000_000 or not 1000 <= year <= 9999:
        raise ValueError("member id or year out of range for a structured reference")
    base = f"{year:04d}{member_id:06d}"
    check = int(base) % 97 or 97
    return f"{base}{check:02d}"


def format_structured_reference(digits: str) -> str:
    return f"+++{digits[:3]}/{digits[3:7]}/{digits[7:]}+++"


def valid_structured_reference(digits: str) -> bool:
    return bool(_BARE.match(digits or "")) and (int(digits[:10]) % 97 or 97) == int(digits[10:])


def find_structured_reference(*texts: str) -> str | None:
    """The first valid Belgian structured reference in the given texts, as 12 digits."""
    for text in texts:
        text = (text or "").strip()
        candidates = [text] if _BARE.match(text) else (["".join(m.groups()) for m in _FORMATTED.finditer(text)]
                                                       + _IN_TEXT.findall(text))
        for digits in candidates:
            if valid_structured_reference(digits):
                return digits
    return None


def parse_dues_reference(digits: str) -> tuple[int, int] | None:
    """(year, member id) when the reference is one of ours."""
    if not valid_structured_reference(digits):
        return None
    year, member_id = int(digits[:4]), int(digits[4:10])
    if not 2000 <= year <= 2200 or member_id == 0:
        return None
    return year, member_id


def set_dues_amount(session: Session, year: int, amount, due_on: date | None = None) -> DuesYear:
    years.ensure_open(session, year)  # a closed year's dues amount is part of its seal
    problems: dict[str, str] = {}
    value = read_amount(amount, "amount", problems, allow_zero=True, positive=True)
    if problems:
        raise ValidationError(problems)
    row = session.get(DuesYear, year)
    if row is None:
        row = DuesYear(year=year, amount=value, due_on=due_on)
        session.add(row)
    else:
        row.amount, row.due_on = value, due_on
    session.flush()
    return row


def dues_amount(session: Session, year: int) -> Decimal | None:
    row = session.get(DuesYear, year)
    return row.amount if row else None


PAID, UNPAID, NOTHING_DUE = "paid", "unpaid", "nothing_due"


@dataclass(frozen=True)
class DuesRow:
    member_id: int
    name: str
    reference: str  # formatted +++…+++
    due: Decimal | None  # None: the group has not set the dues for the year
    paid: Decimal

    @property
    def outstanding(self) -> Decimal:
        return max(self.due - self.paid, ZERO) if self.due else ZERO

    @property
    def status(self) -> str:
        """Paid, unpaid, or nothing due: before the amount is set (or when it is nil) nobody owes,
        which is not the same as everybody having paid."""
        if not self.due:
            return PAID if self.paid > ZERO else NOTHING_DUE
        return PAID if self.paid >= self.due else UNPAID

    @property
    def has_paid(self) -> bool:
        return self.status == PAID


def _members_in_year(session: Session, year: int) -> list[Member]:
    start, end = date(year, 1, 1), date(year, 12, 31)
    query = select(Member).where(or_(Member.joined_on.is_(None), Member.joined_on <= end),
                                 or_(Member.left_on.is_(None), Member.left_on >= start),
                                 Member.anonymised.is_(False))
    mode = surname_sort_mode(session)  # the group's convention, like the member list
    return sorted(session.scalars(query), key=lambda m: sort_key(m.last_name, m.first_name, mode))


def dues_status(session: Session, year: int) -> list[DuesRow]:
    """Every member of the year with what is due and what was paid."""
    due = dues_amount(session, year)
    paid = dict(session.execute(select(DuesPayment.member_id, func.sum(DuesPayment.amount))
                                .where(DuesPayment.year == year).group_by(DuesPayment.member_id)).all())
    return [DuesRow(m.id, m.full_name, format_structured_reference(structured_reference(m.id, year)), due,
                    paid.get(m.id, ZERO)) for m in _members_in_year(session, year)]


def members_by_iban(session: Session) -> dict[str, int]:
    return {compact_iban(iban): member_id for member_id, iban in
            session.execute(select(Member.id, Member.iban).where(Member.iban != ""))}


@dataclass(frozen=True)
class EpcPayment:
    """What the EPC QR code (and the letter's text) says: pay this to that."""

    name: str
    iban: str
    amount: Decimal
    reference: str  # 12 digits for Belgian groups, '' otherwise
    text: str  # free remittance text when there is no structured reference


def receiving_iban(session: Session) -> str:
    org = get_organisation(session)
    if org.iban:
        return org.iban
    bank = session.scalar(select(Account).where(Account.kind == "bank", Account.active.is_(True)).order_by(Account.id))
    if bank is None:
        raise DomainError(_("Enter the group's IBAN (group details or a bank account) before asking for dues."))
    return bank.iban


def epc_payment(session: Session, member_id: int, year: int) -> EpcPayment:
    get_or_raise(session, Member, member_id, N_("This member does not exist (any more)."))
    due = dues_amount(session, year)
    if not due:
        raise DomainError(_("Set the dues amount for {year} first.").format(year=year))
    org = get_organisation(session)
    digits = structured_reference(member_id, year)
    belgian = rule_profile(session).country == "BE"
    # Outside Belgium a bank knows no structured reference (OGM): the member writes a description, which
    # carries the same 12 digits as a plain payment reference, so the bank import still finds the member.
    text = "" if belgian else _("Membership dues {year}, payment reference {reference}").format(
        year=year, reference=digits)
    return EpcPayment(org.name[:70], compact_iban(receiving_iban(session)), due, digits if belgian else "", text)


def epc_qr(payment: EpcPayment):
    """The EPC QR code (segno) a banking app scans to fill in the transfer."""
    import segno.helpers

    return segno.helpers.make_epc_qr(name=payment.name, iban=payment.iban, amount=payment.amount,
                                     reference=payment.reference or None, text=payment.text or None)
