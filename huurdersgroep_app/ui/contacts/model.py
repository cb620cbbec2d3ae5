"""Plain rows for the contacts register: organisations, and their people by department with the
period each held the role (people who left stay, greyed, as history)."""
from __future__ import annotations


from huurdersgroep_app.core.services.contacts import PARTNER_KINDS
from huurdersgroep_app.core.services import contacts
from huurdersgroep_app.core.services.contacts import ContactRow
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.kit.table_model import ESSENTIAL, HIGH, LOW, Column


def partner_columns() -> list[Column]:
    return [Column(_("Organisation"), lambda r: r.name, chars=26, tooltip=lambda r: r.name, priority=ESSENTIAL),
            Column(_("Kind"), lambda r: contacts.kind_label(r.kind),
                   sort=lambda r: PARTNER_KINDS.index(r.kind) if r.kind in PARTNER_KINDS else 99, chars=14),
            Column(_("People"), lambda r: str(r.people), sort=lambda r: r.people, align_right=True, chars=6,
                   tooltip=lambda r: _("People in their role today"))]


def contact_columns() -> list[Column]:
    return [Column(_("Department"), lambda r: contacts.department_label(r.department),
                   sort=lambda r: (contacts.department_label(r.department).casefold(), r.last_name.casefold()),
                   chars=14),
            Column(_("Name"), lambda r: r.full_name, sort=lambda r: (r.last_name.casefold(), r.first_name.casefold()),
                   chars=18, priority=ESSENTIAL),
            Column(_("Role"), lambda r: r.role, chars=18, tooltip=lambda r: r.role, priority=HIGH),
            Column(_("Phone"), lambda r: r.phone, chars=13, priority=HIGH),
            Column(_("E-mail"), lambda r: r.email, chars=22, tooltip=lambda r: r.email),
            Column(_("From"), lambda r: formats.short_date(r.start_on), sort=lambda r: r.start_on, chars=10,
                   priority=LOW),
            Column(_("Until"), lambda r: formats.short_date(r.end_on), sort=lambda r: r.end_on, chars=10,
                   priority=HIGH)]


def contact_search_text(row: ContactRow) -> str:
    return " ".join((row.full_name, row.role, contacts.department_label(row.department), row.email, row.phone))
