"""Payment request letters for the membership dues, one page per member, each with the member's
structured reference and an EPC 'scan to pay' QR code that a banking app reads."""
from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.documents.base import FONT_BOLD, build_pdf, content_box, page_size, styles
from huurdersgroep_app.core.documents.finance.common import info, money
from huurdersgroep_app.core.documents.letter_parts import WindowAddress, label_value_table
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services import addresses
from huurdersgroep_app.core.services.finance.dues import (dues_amount, epc_payment, epc_qr,
                                                          format_structured_reference, receiving_iban)
from huurdersgroep_app.core.services.finance.dues_letters import dues_letter_plan
from huurdersgroep_app.core.services.organisation import get_organisation, rule_profile
from huurdersgroep_app.i18n import _, format_date, ngettext


class QrCode(Flowable):
    """A QR code drawn as vector squares from segno's module matrix (sharp at any zoom, no image)."""

    def __init__(self, qr, size: float = 38 * mm):
        super().__init__()
        self.matrix = [list(row) for row in qr.matrix]
        self.size = size
        self.width = self.height = size

    def draw(self):
        count = len(self.matrix) + 8  # the quiet zone of 4 modules around the code
        module = self.size / count
        c = self.canv
        c.setFillColorRGB(0, 0, 0)
        for r, row in enumerate(self.matrix):
            for col, dark in enumerate(row):
                if dark:
                    c.rect((col + 4) * module, self.size - (r + 5) * module, module, module, stroke=0, fill=1)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


QR_COLUMN = 45 * mm
QR_GAP = 6 * mm


def payment_rows(session: Session, row, payment, due_on: date) -> list[tuple[str, str]]:
    """The payment block's label/value pairs, in the words of the group's country: a Belgian group asks
    for its structured reference (OGM), a Dutch one for a description (omschrijving) with the member's
    payment reference, never a Belgian +++…+++ in free text."""
    org = get_organisation(session)
    if payment.reference:
        reference = (_("Structured reference"), format_structured_reference(payment.reference))
    else:
        reference = (_("Payment description"), payment.text)
    return [(_("Amount"), money(row.outstanding)), (_("To account"), receiving_iban(session)),
            (_("In the name of"), org.name), reference, (_("Pay by"), format_date(due_on, "long"))]


def write_dues_letters(session: Session, target, year: int, member_ids: list[int] | None = None,
                       unpaid_only: bool = True, today: date | None = None) -> int:
    """One letter per member who owes the dues of ``year`` (see ``dues_letter_plan``: members who left
    are not written to). Returns the page count."""
    today = today or date.today()
    if not dues_amount(session, year):
        raise DomainError(_("Set the dues amount for {year} first.").format(year=year))
    plan = dues_letter_plan(session, year, member_ids, unpaid_only, today)
    if not plan.letters:
        if plan.left:
            raise DomainError(ngettext(
                "There is nobody to send a payment request for {year}: the one member who did not pay left "
                "during the year. Decide yourself whether to ask them.",
                "There is nobody to send a payment request for {year}: the {count} members who did not pay left "
                "during the year. Decide yourself whether to ask them.", len(plan.left)).format(
                year=year, count=len(plan.left)))
        raise DomainError(_("There is nobody to send a payment request for {year}.").format(year=year))
    org = get_organisation(session)
    st = styles()
    label_style = st["body"].clone("payment_label", fontName=FONT_BOLD)
    width = content_box(page_size())[2]
    block_width = width - QR_COLUMN - QR_GAP
    belgian = rule_profile(session).country == "BE"
    story = []
    for number, row in enumerate(plan.letters):
        member = session.get(Member, row.member_id)
        payment = epc_payment(session, row.member_id, year)
        address = [member.full_name, member.address_line, f"{member.postcode} {member.city}".strip()]
        place_date = f"{org.city}, {format_date(today, 'long')}" if org.city else format_date(today, "long")
        story += [WindowAddress(address), Spacer(1, 4 * mm),
                  Paragraph(_escape(place_date), st["body"]), Spacer(1, 6 * mm),
                  Paragraph(_escape(_("Membership dues {year}").format(year=year)), st["h2"]),
                  Paragraph(_escape(addresses.salutation(member.first_name, member.last_name)), st["body"]),
                  Spacer(1, 3 * mm),
                  Paragraph(_escape(_("Thank you for being a member of {group}. Your dues keep the group independent "
                                      "and let us speak up for all tenants. We kindly ask you to pay the membership "
                                      "dues for {year}.").format(group=org.name, year=year)), st["body"]),
                  Spacer(1, 5 * mm)]
        details = label_value_table(payment_rows(session, row, payment, plan.due_on), block_width, st["body"],
                                    label_style)
        text = Table([[details, "", [QrCode(epc_qr(payment)),
                                     Paragraph(_escape(_("Scan to pay with your banking app")), st["small"])]]],
                     colWidths=[block_width, QR_GAP, QR_COLUMN],
                     style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                       ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        use = (_("Please use the structured reference, so we can see that you paid.") if belgian else
               _("Please use this description, so we can see that you paid."))
        story += [text, Spacer(1, 5 * mm),
                  Paragraph(_escape(use + " " + _("Already paid? Then this letter crossed your payment; thank you.")),
                            st["body"]),
                  Spacer(1, 8 * mm), Paragraph(_escape(_("Kind regards,")), st["body"]), Spacer(1, 10 * mm)]
        if plan.treasurer:
            story += [Paragraph(_escape(plan.treasurer), st["body"]),
                      Paragraph(_escape(_("Treasurer, {group}").format(group=org.name)), st["small"])]
        else:
            story.append(Paragraph(_escape(_("The treasurer of {group}").format(group=org.name)), st["body"]))
        if number < len(plan.letters) - 1:
            story.append(PageBreak())
    return build_pdf(target, info(session, _("Membership dues {year}").format(year=year), today), story)
