"""The contacts register: partner organisations and the people in them.

People at the landlord change often; a contact's role is ended, never deleted, so letters and
meetings of the past still name the person who was there. A successor is a new contact.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from huurdersgroep_app.core.db.models.contacts import PARTNER_KINDS, Contact, Partner
from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services import validation as v
from huurdersgroep_app.core.services.organisation import country as group_country
from huurdersgroep_app.core.services.organisation import get_setting, set_setting
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _

PARTNER_KIND_LABELS = {
    "landlord": N_("Landlord"), "municipality": N_("Municipality"), "tenants_union": N_("Tenants' union"),
    "welfare": N_("Welfare service"), "umbrella": N_("Umbrella network"), "support": N_("Supporting organisation"),
    "other": N_("Other"),
}
# Suggested departments; a form offers these, but any other text is accepted and stored as typed.
DEPARTMENT_LABELS = {
    "management": N_("Management"), "social_service": N_("Social service"),
    "technical_service": N_("Technical service"), "rental": N_("Rental service"),
    "finance": N_("Finance"), "communication": N_("Communication"),
}
# The group may pick who receives its advice letters; otherwise management is preferred.
ADDRESSEE_SETTING = "advices.addressee_contact_id"


def kind_label(kind: str) -> str:
    return _(PARTNER_KIND_LABELS.get(kind, kind))


def department_label(department: str) -> str:
    return _(DEPARTMENT_LABELS[department]) if department in DEPARTMENT_LABELS else department


@dataclass
class PartnerInput:
    name: str
    kind: str = "other"
    street: str = ""
    house_number: str = ""
    postcode: str = ""
    city: str = ""
    email: str = ""
    phone: str = ""
    notes: str = ""


@dataclass
class ContactInput:
    partner_id: int
    last_name: str
    first_name: str = ""
    department: str = ""
    role: str = ""
    email: str = ""
    phone: str = ""
    start_on: date | str | None = None
    end_on: date | str | None = None
    notes: str = ""


def _stripped(data) -> dict:
    return {f.name: (getattr(data, f.name).strip() if isinstance(getattr(data, f.name), str)
                     else getattr(data, f.name)) for f in fields(data)}


def _check_email_phone(values: dict, country: str, problems: dict) -> None:
    try:
        values["email"] = v.clean_email(values["email"])
    except v.FieldError as exc:
        problems["email"] = str(exc)
    try:
        values["phone"] = v.clean_phone(values["phone"], country)
    except v.FieldError as exc:
        problems["phone"] = str(exc)


def clean_partner(data: PartnerInput, country: str) -> dict:
    values, problems = _stripped(data), {}
    if not values["name"]:
        problems["name"] = _("The name of the organisation is required.")
    if values["kind"] not in PARTNER_KINDS:
        problems["kind"] = _("Unknown kind of organisation '{kind}'.").format(kind=values["kind"])
    _check_email_phone(values, country, problems)
    try:
        values["postcode"] = v.clean_postcode(values["postcode"], country)
    except v.FieldError as exc:
        problems["postcode"] = str(exc)
    if problems:
        raise ValidationError(problems)
    return values


def clean_contact(session: Session, data: ContactInput, country: str) -> dict:
    values, problems = _stripped(data), {}
    if session.get(Partner, values["partner_id"]) is None:
        problems["partner_id"] = _("Choose the organisation this person works for.")
    if not values["last_name"]:
        problems["last_name"] = _("The last name is required.")
    _check_email_phone(values, country, problems)
    for key in ("start_on", "end_on"):
        try:
            values[key] = v.parse_date(values[key])
        except v.FieldError as exc:
            problems[key] = str(exc)
    if values.get("start_on") and values.get("end_on") and "start_on" not in problems \
            and "end_on" not in problems and values["end_on"] < values["start_on"]:
        problems["end_on"] = _("A role cannot end before it starts.")
    if problems:
        raise ValidationError(problems)
    return values


def add_partner(session: Session, data: PartnerInput) -> Partner:
    partner = Partner(**clean_partner(data, group_country(session)))
    session.add(partner)
    session.flush()
    return partner


def get_partner(session: Session, partner_id: int) -> Partner:
    return get_or_raise(session, Partner, partner_id, N_("Organisation {id} does not exist."), id=partner_id)


def update_partner(session: Session, partner_id: int, data: PartnerInput) -> Partner:
    partner = get_partner(session, partner_id)
    for key, value in clean_partner(data, group_country(session)).items():
        setattr(partner, key, value)
    return partner


def partner_input(partner: Partner) -> PartnerInput:
    return PartnerInput(**{f.name: getattr(partner, f.name) for f in fields(PartnerInput)})


def delete_partner(session: Session, partner_id: int) -> None:
    """Only an organisation without people can go; people's history is kept by ending roles."""
    partner = get_partner(session, partner_id)
    if partner.contacts:
        raise DomainError(_("{name} still has contact persons. End their roles instead of deleting the "
                            "organisation, so the history stays.").format(name=partner.name))
    session.delete(partner)


def list_partners(session: Session, kind: str | None = None) -> list[Partner]:
    stmt = select(Partner).order_by(Partner.kind, Partner.name)
    if kind:
        stmt = stmt.where(Partner.kind == kind)
    return list(session.scalars(stmt))


def add_contact(session: Session, data: ContactInput) -> Contact:
    contact = Contact(**clean_contact(session, data, group_country(session)))
    session.add(contact)
    session.flush()
    return contact


def get_contact(session: Session, contact_id: int) -> Contact:
    return get_or_raise(session, Contact, contact_id, N_("Contact person {id} does not exist."), id=contact_id)


def update_contact(session: Session, contact_id: int, data: ContactInput) -> Contact:
    contact = get_contact(session, contact_id)
    for key, value in clean_contact(session, data, group_country(session)).items():
        setattr(contact, key, value)
    return contact


def contact_input(contact: Contact) -> ContactInput:
    return ContactInput(**{f.name: getattr(contact, f.name) for f in fields(ContactInput)})


def end_contact(session: Session, contact_id: int, end_on: date) -> Contact:
    """The person leaves the role on ``end_on``; they stay in the register as history."""
    contact = get_contact(session, contact_id)
    if contact.end_on is not None:
        raise DomainError(_("{name}'s role already ended on {date}.").format(name=contact.full_name,
                                                                            date=contact.end_on))
    if contact.start_on and end_on < contact.start_on:
        raise ValidationError({"end_on": _("A role cannot end before it starts.")})
    contact.end_on = end_on
    return contact


def hand_over(session: Session, contact_id: int, successor: ContactInput, on: date) -> Contact:
    """A staff change: the old person's role ends on ``on``, the successor starts that day."""
    old = end_contact(session, contact_id, on)
    successor.partner_id = successor.partner_id or old.partner_id
    successor.department = successor.department or old.department
    successor.role = successor.role or old.role
    successor.start_on = successor.start_on or on
    return add_contact(session, successor)


def is_current(contact: Contact, on: date) -> bool:
    return (contact.start_on is None or contact.start_on <= on) and (contact.end_on is None or contact.end_on > on)


def _current_clause(on: date):
    return ((Contact.start_on.is_(None)) | (Contact.start_on <= on)) & \
        ((Contact.end_on.is_(None)) | (Contact.end_on > on))


def list_contacts(session: Session, *, partner_id: int | None = None, department: str | None = None,
                  kind: str | None = None, on: date | None = None, include_past: bool = False) -> list[Contact]:
    """Contacts by organisation, department and name; only current ones unless ``include_past``."""
    stmt = (select(Contact).join(Partner).options(joinedload(Contact.partner))
            .order_by(Partner.name, Contact.department, Contact.last_name, Contact.first_name, Contact.id))
    if partner_id is not None:
        stmt = stmt.where(Contact.partner_id == partner_id)
    if department is not None:
        stmt = stmt.where(Contact.department == department)
    if kind is not None:
        stmt = stmt.where(Partner.kind == kind)
    if not include_past:
        stmt = stmt.where(_current_clause(on or date.today()))
    return list(session.scalars(stmt))


def contacts_by_department(session: Session, partner_id: int, on: date | None = None,
                           include_past: bool = False) -> dict[str, list[Contact]]:
    """{department: contacts} for one organisation, in the register's order."""
    grouped: dict[str, list[Contact]] = {}
    for contact in list_contacts(session, partner_id=partner_id, on=on, include_past=include_past):
        grouped.setdefault(contact.department, []).append(contact)
    return grouped


def landlord_contacts(session: Session, on: date | None = None) -> list[Contact]:
    """The people at the landlord in their role on ``on`` (today by default)."""
    return list_contacts(session, kind="landlord", on=on)


def set_default_addressee(session: Session, contact_id: int | None) -> None:
    if contact_id is not None:
        get_contact(session, contact_id)
    set_setting(session, ADDRESSEE_SETTING, contact_id)


def choose_addressee(session: Session, on: date | None = None) -> Contact | None:
    """Who receives the group's letters to the landlord on ``on``.

    The contact chosen in Settings while still in the role; else the landlord's management
    (longest in the role first); else any current landlord contact; None when nobody is known.
    """
    on = on or date.today()
    chosen = get_setting(session, ADDRESSEE_SETTING)
    if chosen:
        contact = session.get(Contact, chosen)
        if contact is not None and is_current(contact, on):
            return contact
    people = landlord_contacts(session, on)
    if not people:
        return None
    people.sort(key=lambda c: (c.department != "management", c.start_on or date.min, c.id))
    return people[0]


def contact_label(contact: Contact | None) -> str:
    """'An Peeters (Management, Woonmaatschappij Gent)' for lists and combo boxes."""
    if contact is None:
        return ""
    detail = ", ".join(x for x in (department_label(contact.department), contact.partner.name) if x)
    return f"{contact.full_name} ({detail})" if detail else contact.full_name


# -- the register as the window shows it: plain rows that hold no database objects ---------------
@dataclass(frozen=True)
class PartnerRow:
    id: int
    name: str
    kind: str
    city: str
    people: int   # in their role today


@dataclass(frozen=True)
class ContactRow:
    id: int
    partner_id: int
    first_name: str
    last_name: str
    department: str
    role: str
    phone: str
    email: str
    start_on: date | None
    end_on: date | None
    current: bool

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class Register:
    partners: list[PartnerRow]
    people: list[ContactRow]       # everyone, past ones included; the page filters
    addressee_id: int | None       # who receives advice letters today
    addressee_label: str
    addressee_chosen: bool         # chosen by the group (else picked by the rule)


def read_register(session, today: date | None = None) -> Register:
    today = today or date.today()
    people = [ContactRow(c.id, c.partner_id, c.first_name, c.last_name, c.department, c.role, c.phone, c.email,
                         c.start_on, c.end_on, is_current(c, today))
              for c in list_contacts(session, include_past=True)]
    current = {}
    for person in people:
        current[person.partner_id] = current.get(person.partner_id, 0) + person.current
    partners = [PartnerRow(p.id, p.name, p.kind, p.city, current.get(p.id, 0)) for p in list_partners(session)]
    addressee = choose_addressee(session, today)
    chosen = get_setting(session, ADDRESSEE_SETTING)
    return Register(partners, people, addressee.id if addressee else None, contact_label(addressee),
                    bool(addressee and chosen == addressee.id))


# -- the forms' readers (plain inputs, no rows) --------------------------------------------------------
def partner_form_input(session: Session, partner_id: int) -> PartnerInput:
    return partner_input(get_partner(session, partner_id))


def contact_form_input(session: Session, contact_id: int) -> ContactInput:
    return contact_input(get_contact(session, contact_id))


def contact_form(session: Session, contact_id: int | None, partner_id: int | None
                 ) -> tuple[ContactInput, list[tuple[int, str]]]:
    """The contact to change (or a new one at ``partner_id``) and the organisations to choose from."""
    current = contact_input(get_contact(session, contact_id)) if contact_id else \
        ContactInput(partner_id=partner_id or 0, last_name="", start_on=date.today())
    return current, [(p.id, p.name) for p in list_partners(session)]
