"""Plain rows for the contacts register: organisations, and their people by department with the
period each held the role (people who left stay, greyed, as history)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from huurdersgroep_app.core.services.contacts import PARTNER_KINDS
from huurdersgroep_app.core.services import contacts
from huurdersgroep_app.core.services.organisation import get_setting
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.kit.table_model import Column


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
                         c.start_on, c.end_on, contacts.is_current(c, today))
              for c in contacts.list_contacts(session, include_past=True)]
    current = {}
    for person in people:
        current[person.partner_id] = current.get(person.partner_id, 0) + person.current
    partners = [PartnerRow(p.id, p.name, p.kind, p.city, current.get(p.id, 0)) for p in contacts.list_partners(session)]
    addressee = contacts.choose_addressee(session, today)
    chosen = get_setting(session, contacts.ADDRESSEE_SETTING)
    return Register(partners, people, addressee.id if addressee else None, contacts.contact_label(addressee),
                    bool(addressee and chosen == addressee.id))


def partner_columns() -> list[Column]:
    return [Column(_("Organisation"), lambda r: r.name, chars=26, tooltip=lambda r: r.name),
            Column(_("Kind"), lambda r: contacts.kind_label(r.kind),
                   sort=lambda r: PARTNER_KINDS.index(r.kind) if r.kind in PARTNER_KINDS else 99, chars=14),
            Column(_("People"), lambda r: str(r.people), sort=lambda r: r.people, align_right=True, chars=6,
                   tooltip=lambda r: _("People in their role today"))]


def contact_columns() -> list[Column]:
    return [Column(_("Department"), lambda r: contacts.department_label(r.department),
                   sort=lambda r: (contacts.department_label(r.department).casefold(), r.last_name.casefold()),
                   chars=14),
            Column(_("Name"), lambda r: r.full_name, sort=lambda r: (r.last_name.casefold(), r.first_name.casefold()),
                   chars=18),
            Column(_("Role"), lambda r: r.role, chars=18, tooltip=lambda r: r.role),
            Column(_("Phone"), lambda r: r.phone, chars=13),
            Column(_("E-mail"), lambda r: r.email, chars=22, tooltip=lambda r: r.email),
            Column(_("From"), lambda r: formats.short_date(r.start_on), sort=lambda r: r.start_on, chars=10),
            Column(_("Until"), lambda r: formats.short_date(r.end_on), sort=lambda r: r.end_on, chars=10)]


def contact_search_text(row: ContactRow) -> str:
    return " ".join((row.full_name, row.role, contacts.department_label(row.department), row.email, row.phone))
