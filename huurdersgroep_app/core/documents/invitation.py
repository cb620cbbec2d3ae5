"""Invitation letters (per member, per household, or one letter for all tenants), the hallway
poster, as PDF on the letterhead; the letters also as DOCX with the same text."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents import blocks as b
from huurdersgroep_app.core.documents.base import DocumentInfo, Letterhead
from huurdersgroep_app.core.documents.letter_parts import PLACE_DATE_STYLE, place_and_date
from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services import addresses
from huurdersgroep_app.core.services.meetings.invitations import InvitationText, invitation_addressees, invitation_text
from huurdersgroep_app.core.services.meetings.lifecycle import get_meeting, meeting_heading
from huurdersgroep_app.core.services.organisation import get_organisation
from huurdersgroep_app.i18n import _

LETTER_KINDS = ("member", "household", "generic")


def _info(session: Session, title: str) -> DocumentInfo:
    return DocumentInfo(Letterhead.from_organisation(get_organisation(session)), title, created=date.today())


def letter_blocks(text: InvitationText, address: list[str] | None, place_date: str) -> list:
    """One letter; the e-mail (core.services.invitations) tells the same with the same parts."""
    out: list = []
    if address:
        out.append(b.Address(address))
    out += [b.Para(place_date, PLACE_DATE_STYLE), b.Spacer(3), b.Para(text.subject, bold=True), b.Spacer(2),
            b.Para(text.greeting), b.Para(text.intro), b.Fields(text.details)]
    if text.agenda:
        out += [b.Heading(_("Agenda"), 3), b.Bullets(text.agenda, numbered=True)]
    out += [b.Spacer(2), b.Para(text.closing), b.Spacer(3), b.Para(_("Kind regards,"))]
    if text.sender_name:
        out += [b.Spacer(6), b.Para(text.sender_name), b.Para(f"{text.sender_role}, {text.group_name}", "small")]
    else:
        out += [b.Para(_("The board of {group}").format(group=text.group_name))]
    return out


def invitation_blocks(session: Session, meeting_id: int, per: str = "household", letter_only: bool = False) -> list:
    if per not in LETTER_KINDS:
        raise ValidationError({"per": _("Choose letters per member, per household, or one letter for all.")})
    text = invitation_text(session, meeting_id)
    org = get_organisation(session)
    place_date = place_and_date(org.city, date.today())
    if per == "generic":
        return letter_blocks(text, None, place_date)
    addressees = invitation_addressees(session, meeting_id, per=per, letter_only=letter_only).addressees
    if not addressees:
        raise DomainError(_("Nobody with a postal address is invited to this meeting. Print one letter for all "
                            "instead, or the poster."))
    out: list = []
    for i, addressee in enumerate(addressees):
        if i:
            out.append(b.PageBreak())
        # A letter with a name on it opens with that name, formally; the letter for all keeps the
        # greeting of its audience ('Dear tenant,').
        personal = replace(text, greeting=addresses.salutation(addressee.name))
        out += letter_blocks(personal, [addressee.name, *addressee.lines], place_date)
    return out


def write_invitation(session: Session, meeting_id: int, target, per: str = "household", fmt: str = "pdf",
                     letter_only: bool = False) -> int | None:
    """The invitation letters; returns the number of pages for a PDF."""
    meeting = get_meeting(session, meeting_id)
    blocks = invitation_blocks(session, meeting_id, per, letter_only)
    info = _info(session, _("Invitation: {meeting}").format(meeting=meeting_heading(meeting)))
    if fmt == "docx":
        b.write_docx(target, info, blocks)
        return None
    return b.write_pdf(target, info, blocks)


def poster_blocks(session: Session, meeting_id: int) -> list:
    meeting = get_meeting(session, meeting_id)
    text = invitation_text(session, meeting_id)
    out: list = [b.Spacer(6), b.Para(meeting_heading(meeting), "huge"), b.Spacer(4)]
    # The label's colon as the language writes it ('Date : samedi' in French).
    out += [b.Para(value, "big", bold=True, lead=_("{label}: ").format(label=label)) for label, value in text.details]
    out += [b.Spacer(6), b.Para(text.intro, "big")]
    if text.agenda:
        # As large as the items under it: a heading's 12 pt stood smaller than the 15 pt agenda.
        out += [b.Spacer(4), b.Para(_("Agenda"), "big", bold=True), b.Bullets(text.agenda, numbered=True, style="big")]
    if meeting.audience == "all_tenants":
        out += [b.Spacer(8), b.Para(_("Every tenant is welcome!"), "big", bold=True)]
    out += [b.Spacer(6), b.Para(_("Questions? Ask the board of {group}.").format(group=text.group_name))]
    return out


def write_poster(session: Session, meeting_id: int, target) -> int:
    meeting = get_meeting(session, meeting_id)
    info = replace(_info(session, meeting_heading(meeting)), number_single_page=False)
    return b.write_pdf(target, info, poster_blocks(session, meeting_id))
