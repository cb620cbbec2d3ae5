"""The register of processing activities as a PDF (GDPR art. 30): what, why, how long, who has access."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents import blocks as b
from huurdersgroep_app.core.documents.base import DocumentInfo, Letterhead
from huurdersgroep_app.core.services.organisation import get_organisation
from huurdersgroep_app.core.services.privacy.register import processing_activities
from huurdersgroep_app.core.services.privacy.retention import retention_policy
from huurdersgroep_app.i18n import _, format_date, format_number


def register_blocks(session: Session, today: date) -> list:
    org = get_organisation(session)
    policy = retention_policy(session)
    out: list = [b.Title(_("Register of processing activities")),
                 b.Para(_("{group} · {date}").format(group=org.name, date=format_date(today, "long")), "muted")]
    for activity in processing_activities(session):
        # Each activity's six lines stay on one page with their heading (the dues' 'How long' and 'Who
        # has access' went over to the next page, away from what they are about).
        out += [b.Heading(activity.name, keep_mm=60), b.Fields([
            (_("What"), activity.data), (_("Why"), activity.purpose), (_("Ground"), activity.legal_basis),
            (_("How long"), activity.retention), (_("Who has access"), activity.access),
            (_("Records now"), format_number(activity.records))])]
    notes = [n for n in (policy.former_member_note, policy.financial_note) if n]
    if notes:
        out += [b.Heading(_("Sources of the retention periods")), b.Bullets(notes, style="body")]
    return out


def write_processing_register(session: Session, target, today: date | None = None) -> int:
    today = today or date.today()
    info = DocumentInfo(Letterhead.from_organisation(get_organisation(session)),
                        _("Register of processing activities"), created=today)
    return b.write_pdf(target, info, register_blocks(session, today))
