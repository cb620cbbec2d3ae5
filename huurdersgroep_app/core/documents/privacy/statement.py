"""The privacy statement as a PDF: the latest published version, or else the template to adapt and publish."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents import blocks as b
from huurdersgroep_app.core.documents.base import DocumentInfo, Letterhead
from huurdersgroep_app.core.services.organisation import get_organisation
from huurdersgroep_app.core.services.privacy.consent import latest_statement
from huurdersgroep_app.core.services.privacy.statement import statement_sections
from huurdersgroep_app.i18n import _, format_date


NBSP = "\u00a0"


def _unbroken(text: str, org) -> str:
    """The group's phone number and 'postcode city' kept on one line: 'You can reach us at' ended a
    line on '056 61' with '54 55' on the next."""
    for piece in (org.phone, f"{org.postcode} {org.city}".strip()):
        if piece and " " in piece:
            text = text.replace(piece, piece.replace(" ", NBSP))
    return text


def statement_blocks(session: Session) -> list:
    org = get_organisation(session)
    out: list = [b.Title(_("Privacy statement of {group}").format(group=org.name))]
    published = latest_statement(session)
    if published is not None:
        out.append(b.Para(_("Version {version}, published on {date}").format(
            version=published.version, date=format_date(published.published_on, "long")), "muted"))
        for part in published.text.split("\n\n"):
            heading, _sep, text = part.partition("\n")
            out += [b.Heading(heading), b.Para(_unbroken(text, org))] if text else [b.Para(_unbroken(heading, org))]
        return out
    out.append(b.Para(_("Template: check and adapt this text, then publish it as the first version. The consent "
                        "log records which version each member was shown."), "muted"))
    for heading, text in statement_sections(session):
        out += [b.Heading(heading), b.Para(_unbroken(text, org))]
    return out


def write_privacy_statement(session: Session, target, today: date | None = None) -> int:
    info = DocumentInfo(Letterhead.from_organisation(get_organisation(session)), _("Privacy statement"),
                        created=today or date.today())
    return b.write_pdf(target, info, statement_blocks(session))
