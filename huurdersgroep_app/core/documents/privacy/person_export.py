"""Everything about one person as a readable PDF, the same sections as the JSON export."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents import blocks as b
from huurdersgroep_app.core.documents.base import DocumentInfo, Letterhead, check_target
from huurdersgroep_app.core.documents.member_list import CONTACT_WAY_LABELS
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings.action_points import action_status_label
from huurdersgroep_app.core.services.advices.labels import category_label, signal_status_label
from huurdersgroep_app.core.services.meetings.attendance import attendance_label
from huurdersgroep_app.core.services.members.board import role_label
from huurdersgroep_app.core.services.members.members import FIELD_LABELS
from huurdersgroep_app.core.services.organisation import get_organisation
from huurdersgroep_app.core.services.privacy.export import PersonExport, person_export, to_json
from huurdersgroep_app.core.services.privacy.labels import purpose_label, way_label
from huurdersgroep_app.i18n import LANGUAGE_NAMES, N_, _, format_date, format_money

ROLE_IN_MEETING = {"attendee": N_("Attendee"), "proxy_holder": N_("Proxy holder"), "chair": N_("Chair"),
                   "minute_taker": N_("Minute taker"), "invited": N_("Invited"), "guest": N_("Guest")}
CONTACT_LABELS = {"department": N_("Department"), "role": N_("Role"), "start_on": N_("From"),
                  "end_on": N_("Until"), "organisation": N_("Organisation"), "complex": N_("Complex"),
                  "anonymised": N_("Anonymised"), "id": N_("Number")}


def _value(section: str, key: str, value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, Decimal):
        return format_money(value)
    if isinstance(value, date):
        return format_date(value, "short")
    if key == "language":  # the language's own name, as the member form offers it, not the code 'nl_BE'
        return LANGUAGE_NAMES.get(value, value)
    if key == "contact_way":
        return _(CONTACT_WAY_LABELS[value]) if value in CONTACT_WAY_LABELS else value
    if key == "meeting_type":
        return meetings.type_label(value)
    if key == "role":
        return _(ROLE_IN_MEETING[value]) if value in ROLE_IN_MEETING else role_label(value)
    if key == "status":
        if section == "attendance" or section == "meetings":
            return attendance_label(value)
        if section == "action_points":
            return action_status_label(value)
        return signal_status_label(value)
    if key == "category":
        return category_label(value)
    if key == "purpose":
        return purpose_label(value)
    if key == "how":
        return way_label(value)
    return str(value)


def person_blocks(export: PersonExport) -> list:
    title = _("Personal data of {name}").format(name=export.name)
    out: list = [b.Title(title), b.Para(
        _("Everything {group} holds about this person on {date}, for their request to see their data.").format(
            group=export.group, date=format_date(export.generated_on, "long")), "muted")]
    # The member's (or contact's) number, told apart from the house number, which is also 'Number'.
    own_number = N_("Member number") if export.kind == "member" else N_("Contact number")
    labels = {**CONTACT_LABELS, **FIELD_LABELS, "id": own_number}
    fields = [(_(labels.get(k, k)), _value("subject", k, v)) for k, v in export.subject.items()
              if k not in ("first_name", "last_name")]
    out += [b.Heading(_("Details")), b.Fields([(_("Name"), export.name), *fields])]
    for section in export.sections:
        out.append(b.Heading(_(section.title)))
        if not section.rows:
            out.append(b.Para(_("Nothing recorded."), "muted"))
            continue
        if section.key == "privacy_statements":
            for row in section.rows:
                out.append(b.Para(_("Version {version}, published on {date}").format(
                    version=row["version"], date=format_date(row["published_on"], "long")), bold=True))
                out.append(b.Para(row["text"], "small"))
            continue
        header = [_(label) for _key, label in section.columns]
        rows = [[_value(section.key, key, row.get(key)) for key, _label in section.columns] for row in section.rows]
        # Shares after the longest value of each column (a description wrapped onto three lines beside a
        # half-empty 'Amount' column when every column had the same width).
        longest = [min(max(len(text) for text in column), 40) for column in zip(header, *rows, strict=True)]
        widths = [n / sum(longest) for n in longest]
        out.append(b.Table(header, rows, widths))
    return out


def write_person_pdf(session: Session, target, *, member_id: int | None = None, contact_id: int | None = None,
                     today: date | None = None) -> int:
    export = person_export(session, member_id=member_id, contact_id=contact_id, today=today)
    org = get_organisation(session)
    info = DocumentInfo(Letterhead.from_organisation(org), _("Personal data"), created=export.generated_on)
    return b.write_pdf(target, info, person_blocks(export))


def write_person_json(session: Session, target: Path, *, member_id: int | None = None,
                      contact_id: int | None = None, today: date | None = None) -> None:
    check_target(target)
    export = person_export(session, member_id=member_id, contact_id=contact_id, today=today)
    Path(target).write_text(to_json(export) + "\n", encoding="utf-8")
