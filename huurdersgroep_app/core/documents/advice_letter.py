"""The advice letter to the landlord: on the letterhead, to the landlord's contact, with the
dossier's reference and date, the latest draft as its body, signed by the chair and the secretary.

The content is gathered once (``letter_content``) and laid out twice: PDF (reportlab) and DOCX
(python-docx, so the secretary can still touch up the wording in a word processor).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents.base import DocumentInfo, Letterhead, build_pdf, check_target, styles
from huurdersgroep_app.core.documents.report_parts import escape
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services import board, deadlines
from huurdersgroep_app.core.services.advices import get_advice
from huurdersgroep_app.core.services.contacts import choose_addressee, department_label
from huurdersgroep_app.core.services.organisation import get_organisation, rule_profile
from huurdersgroep_app.i18n import _, format_date


@dataclass(frozen=True)
class LetterContent:
    letterhead: Letterhead
    title: str
    addressee_lines: tuple[str, ...]
    place_date: str
    references: tuple[str, ...]
    subject: str
    salutation: str
    paragraphs: tuple[str, ...]
    reply_request: str
    closing: str
    signatures: tuple[tuple[str, str], ...]  # (office, name)
    letter_date: date


def _addressee_lines(session: Session, advice, on: date) -> tuple[tuple[str, ...], str]:
    contact = advice.addressee or choose_addressee(session, on)
    if contact is None:
        name = get_organisation(session).landlord_name
        return ((name,) if name else ()), _("Dear Sir or Madam,")
    partner = contact.partner
    lines = [contact.full_name]
    function = ", ".join(x for x in (contact.role, department_label(contact.department)) if x)
    if function:
        lines.append(function)
    lines.append(partner.name)
    street = f"{partner.street} {partner.house_number}".strip()
    place = f"{partner.postcode} {partner.city}".strip()
    lines += [x for x in (street, place) if x]
    return tuple(lines), _("Dear {name},").format(name=contact.full_name)


def letter_content(session: Session, advice_id: int, on: date | None = None) -> LetterContent:
    """What the letter says; ``on`` is the letter's date (the sent date, else today)."""
    advice = get_advice(session, advice_id)
    if advice.latest_version is None:
        raise DomainError(_("Dossier {reference} has no draft yet; save the text of the advice first.").format(
            reference=advice.reference))
    org = get_organisation(session)
    on = on or advice.sent_on or date.today()
    addressee, salutation = _addressee_lines(session, advice, on)
    references = [_("Our reference: {reference}").format(reference=advice.reference)]
    if advice.kind == "asked":
        references.append(_("Your request of {date}").format(date=format_date(advice.requested_on, "long")))
    due = advice.reply_due or deadlines.reply_due(on, rule_profile(session))
    reply_request = _("We ask you to let us know in writing by {date} whether you follow this advice, and if "
                      "not, why.").format(date=format_date(due, "long")) if due else ""
    offices = {o.role: o.member.full_name for o in board.current_offices(session, on)}
    signatures = tuple((board.role_label(role), offices.get(role, "")) for role in ("chair", "secretary"))
    paragraphs = tuple(p.strip() for p in advice.latest_version.body.replace("\r\n", "\n").split("\n\n") if p.strip())
    place = ", ".join(x for x in (org.city, format_date(on, "long")) if x)
    return LetterContent(Letterhead.from_organisation(org), _("Advice {reference}").format(reference=advice.reference),
                         addressee, place, tuple(references), _("Subject: {title}").format(
                             title=advice.title), salutation, paragraphs, reply_request, _("Kind regards,"),
                         signatures, on)



def write_advice_letter_pdf(session: Session, target: Path, advice_id: int, on: date | None = None) -> int:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle
    from reportlab.lib.units import mm

    content = letter_content(session, advice_id, on)
    st = styles()
    story: list = [Spacer(1, 4 * mm)]
    story += [Paragraph(escape(line), st["body"]) for line in content.addressee_lines]
    story += [Spacer(1, 10 * mm), Paragraph(escape(content.place_date), st["right"]), Spacer(1, 4 * mm)]
    story += [Paragraph(escape(line), st["muted"]) for line in content.references]
    story += [Spacer(1, 5 * mm), Paragraph(f"<b>{escape(content.subject)}</b>", st["body"]), Spacer(1, 5 * mm),
              Paragraph(escape(content.salutation), st["body"]), Spacer(1, 3 * mm)]
    for paragraph in content.paragraphs:
        story += [Paragraph(escape(paragraph).replace("\n", "<br/>"), st["body"]), Spacer(1, 3 * mm)]
    if content.reply_request:
        story += [Paragraph(escape(content.reply_request), st["body"]), Spacer(1, 3 * mm)]
    cells = [[Paragraph(escape(name) or "&nbsp;", st["body"]) for _office, name in content.signatures],
             [Paragraph(escape(office), st["muted"]) for office, _name in content.signatures]]
    signature = Table([[Spacer(1, 14 * mm)] * 2] + cells, colWidths=[80 * mm, 80 * mm], hAlign="LEFT")
    signature.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(KeepTogether([Paragraph(escape(content.closing), st["body"]), signature]))
    info = DocumentInfo(content.letterhead, content.title, created=content.letter_date)
    return build_pdf(target, info, story)


def write_advice_letter_docx(session: Session, target: Path, advice_id: int, on: date | None = None) -> None:
    """The same letter as an editable Word file."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from huurdersgroep_app.core.documents.docx_letterhead import new_document

    check_target(target)
    content = letter_content(session, advice_id, on)
    doc = new_document(content.letterhead, content.title)
    for line in content.addressee_lines:
        doc.add_paragraph(line).paragraph_format.space_after = Pt(0)
    doc.add_paragraph()
    doc.add_paragraph(content.place_date).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for line in content.references:
        doc.add_paragraph(line).paragraph_format.space_after = Pt(0)
    doc.add_paragraph()
    doc.add_paragraph().add_run(content.subject).bold = True
    doc.add_paragraph(content.salutation)
    for paragraph in content.paragraphs:
        doc.add_paragraph(paragraph)
    if content.reply_request:
        doc.add_paragraph(content.reply_request)
    doc.add_paragraph(content.closing)
    table = doc.add_table(rows=3, cols=len(content.signatures))
    for column, (office, name) in enumerate(content.signatures):
        table.cell(1, column).text = name
        table.cell(2, column).text = office
    doc.save(str(target))
