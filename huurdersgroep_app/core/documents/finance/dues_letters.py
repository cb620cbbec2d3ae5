"""Payment request letters for the membership dues, one page per member, each with the member's
structured reference and an EPC 'scan to pay' QR code that a banking app reads."""
from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.documents.base import build_pdf, styles
from huurdersgroep_app.core.documents.finance.common import info, money
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.finance.dues import (dues_amount, dues_status, epc_payment, epc_qr,
                                                          format_structured_reference, receiving_iban)
from huurdersgroep_app.core.services.organisation import get_organisation
from huurdersgroep_app.i18n import _, format_date


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


def write_dues_letters(session: Session, target, year: int, member_ids: list[int] | None = None,
                       unpaid_only: bool = True, today: date | None = None) -> int:
    today = today or date.today()
    if not dues_amount(session, year):
        raise DomainError(_("Set the dues amount for {year} first.").format(year=year))
    rows = [r for r in dues_status(session, year) if (member_ids is None or r.member_id in member_ids)
            and (not unpaid_only or not r.has_paid)]
    if not rows:
        raise DomainError(_("There is nobody to send a payment request for {year}.").format(year=year))
    org = get_organisation(session)
    st = styles()
    story = []
    for number, row in enumerate(rows):
        member = session.get(Member, row.member_id)
        payment = epc_payment(session, row.member_id, year)
        address = "<br/>".join(_escape(x) for x in (member.full_name, member.address_line,
                                                     f"{member.postcode} {member.city}".strip()) if x)
        story += [Spacer(1, 8 * mm), Paragraph(address, st["body"]), Spacer(1, 12 * mm),
                  Paragraph(format_date(today, "long"), st["body"]), Spacer(1, 6 * mm),
                  Paragraph(_("Membership dues {year}").format(year=year), st["h2"]),
                  Paragraph(_("Dear {name},").format(name=_escape(member.full_name)), st["body"]), Spacer(1, 3 * mm),
                  Paragraph(_("Thank you for being a member of {group}. Your dues keep the group independent and "
                              "let us speak up for all tenants. We kindly ask you to pay the membership dues for "
                              "{year}.").format(group=_escape(org.name), year=year), st["body"]),
                  Spacer(1, 5 * mm)]
        details = [[_("Amount"), money(row.outstanding)], [_("To account"), receiving_iban(session)],
                   [_("In the name of"), org.name],
                   [_("Structured reference"), format_structured_reference(payment.reference)
                    if payment.reference else payment.text]]
        text = Table([[Table(details, colWidths=[50 * mm, 62 * mm],
                             style=TableStyle([("FONT", (0, 0), (-1, -1), "DejaVuSans", 10),
                                               ("FONT", (0, 0), (0, -1), "DejaVuSans-Bold", 10),
                                               ("BOTTOMPADDING", (0, 0), (-1, -1), 4)])),
                       [QrCode(epc_qr(payment)), Paragraph(_("Scan to pay with your banking app"), st["small"])]]],
                     colWidths=[115 * mm, 45 * mm], style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story += [text, Spacer(1, 5 * mm),
                  Paragraph(_("Please use the structured reference, so we can see that you paid. Already paid? "
                              "Then this letter crossed your payment; thank you."), st["body"]),
                  Spacer(1, 8 * mm), Paragraph(_("Kind regards,"), st["body"]),
                  Paragraph(_("The treasurer of {group}").format(group=_escape(org.name)), st["body"])]
        if number < len(rows) - 1:
            story.append(PageBreak())
    return build_pdf(target, info(session, _("Membership dues {year}").format(year=year), today), story)
