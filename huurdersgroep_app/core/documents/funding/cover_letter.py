"""The cover letter to a funder on the letterhead: the funder's address from the contacts
register, what the dossier holds, the year's cover note, and the names of the chair and the
secretary. PDF for the dossier, DOCX to edit before sending."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.contacts import Partner
from huurdersgroep_app.core.documents import blocks as b
from huurdersgroep_app.core.documents.funding.common import document_info, write_blocks
from huurdersgroep_app.core.documents.letter_parts import PLACE_DATE_STYLE, place_and_date
from huurdersgroep_app.core.services.funding.funders import get_funder
from huurdersgroep_app.core.services.funding.texts import get_year_texts
from huurdersgroep_app.core.services import addresses
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.organisation import get_organisation
from huurdersgroep_app.i18n import _


def funder_address(session: Session, funder_id: int) -> list[str]:
    funder = get_funder(session, funder_id)
    partner = session.get(Partner, funder.partner_id) if funder.partner_id else None
    lines = [funder.name]
    if partner is not None:
        street = f"{partner.street} {partner.house_number}".strip()
        place = f"{partner.postcode} {partner.city}".strip()
        lines += [x for x in (street, place) if x]
    return lines


def _signers(session: Session, today: date) -> list[tuple[str, str]]:
    offices = {o.role: o.member.full_name for o in board.current_offices(session, today)}
    found = [(board.role_label(role), offices[role]) for role in ("chair", "secretary") if role in offices]
    return found or [(_("The board"), "")]


def cover_letter_blocks(session: Session, year: int, funder_id: int, contents: list[str] | None = None,
                        today: date | None = None) -> list:
    """The letter; ``contents`` names the documents enclosed (the dossier passes its sections)."""
    today = today or date.today()
    org = get_organisation(session)
    funder = get_funder(session, funder_id)
    note = get_year_texts(session, year).cover_note
    out: list = [b.Address(funder_address(session, funder_id)),
                 b.Para(place_and_date(org.city, today), PLACE_DATE_STYLE),
                 b.Spacer(3), b.Para(_("Funding dossier {year}").format(year=year), bold=True), b.Spacer(2),
                 b.Para(addresses.salutation()),
                 b.Para(_("With this letter {group} sends {funder} its funding dossier for {year}: the accountability "
                          "for the year and what the funder's conditions ask for.").format(
                     group=org.name, funder=funder.name, year=year))]
    if contents:
        out += [b.Para(_("The dossier holds:")), b.Bullets(contents)]
    out += [b.Para(part.strip()) for part in note.split("\n\n") if part.strip()]
    out += [b.Para(_("We remain at your disposal for any question.")), b.Spacer(2), b.Para(_("Kind regards,")),
            b.Signatures(_signers(session, today))]
    return out


def write_cover_letter(session: Session, year: int, funder_id: int, target, fmt: str = "pdf", *,
                       contents: list[str] | None = None, today: date | None = None, progress=None) -> int | None:
    """The cover letter as PDF (returns the page count) or DOCX to edit (returns None)."""
    info = document_info(session, _("Cover letter: funding dossier {year}").format(year=year), today)
    return write_blocks(target, info, cover_letter_blocks(session, year, funder_id, contents, today), fmt, progress)
