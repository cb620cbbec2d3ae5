"""The advice letter to the landlord: on the letterhead, to the landlord's contact, with the
dossier's reference and date, the latest draft as its body, signed by the chair and the secretary.

The content is gathered once (``letter_content``), written in the shared block model
(``documents.blocks``) and rendered twice: PDF on the letterhead and DOCX, so the secretary can
still touch up the wording in a word processor.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents.base import DocumentInfo, Letterhead, check_target
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services import addresses
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.advices import deadlines
from huurdersgroep_app.core.services.advices.dossiers import get_advice
from huurdersgroep_app.core.services.contacts import choose_addressee, department_label
from huurdersgroep_app.core.services.organisation import get_organisation, landlord_address_lines, rule_profile
from huurdersgroep_app.i18n import _, format_date, pgettext


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
    signatures: tuple[tuple[str, str], ...]  # (office, name) of the chair and the secretary
    letter_date: date
    draft: str = ""  # the draft word ('ONTWERP') while the advice is not approved; empty once it is final


# Until the board approves the advice the letter is a draft: marked as one, and not signed.
DRAFT_STATUSES = ("requested", "drafting", "consulting")


def is_draft(advice) -> bool:
    return advice.status in DRAFT_STATUSES or (advice.status == "withdrawn" and advice.sent_on is None)


def draft_word() -> str:
    # TRANSLATORS: the word across every page of a letter that is not final: 'ONTWERP' (nl_BE), 'CONCEPT' (nl_NL).
    return pgettext("draft mark on a document", "DRAFT")


def _addressee_lines(session: Session, advice, on: date) -> tuple[tuple[str, ...], str]:
    contact = advice.addressee or choose_addressee(session, on)
    if contact is None:
        name = get_organisation(session).landlord_name
        return ((name,) if name else ()) + landlord_address_lines(session), addresses.salutation()
    partner = contact.partner
    lines = [contact.full_name]
    function = ", ".join(x for x in (contact.role, department_label(contact.department)) if x)
    if function:
        lines.append(function)
    lines.append(partner.name)
    street = f"{partner.street} {partner.house_number}".strip()
    place = f"{partner.postcode} {partner.city}".strip()
    # a landlord's contact whose organisation has no address on file: the group's own note of it
    lines += [x for x in (street, place) if x] or list(landlord_address_lines(session))
    return tuple(lines), addresses.salutation(contact.first_name, contact.last_name)


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
                         signatures, on, draft_word() if is_draft(advice) else "")



def letter_blocks(content: LetterContent) -> list:
    """The letter in the shared block model, so PDF and DOCX hold the same text."""
    from huurdersgroep_app.core.documents import blocks as b

    story = [b.Address(list(content.addressee_lines)), b.Para(content.place_date)]
    story += [b.Para(line, style="muted") for line in content.references]
    story += [b.Spacer(3), b.Para(content.subject, bold=True), b.Spacer(2), b.Para(content.salutation)]
    story += [b.Para(paragraph) for paragraph in content.paragraphs]
    if content.reply_request:
        story.append(b.Para(content.reply_request))
    story += [b.Spacer(2), b.Para(content.closing)]
    if content.draft:
        story.append(b.Para(_("Not signed: the board has not approved this advice yet."), style="muted"))
    else:
        story.append(b.Signatures(list(content.signatures)))
    return story


def _info(content: LetterContent) -> DocumentInfo:
    return DocumentInfo(content.letterhead, content.title, created=content.letter_date, draft=content.draft)


def write_advice_letter_pdf(session: Session, target: Path, advice_id: int, on: date | None = None) -> int:
    """The letter as PDF on the letterhead; returns the page count."""
    from huurdersgroep_app.core.documents.blocks import write_pdf

    check_target(target)
    content = letter_content(session, advice_id, on)
    return write_pdf(target, _info(content), letter_blocks(content))


def write_advice_letter_docx(session: Session, target: Path, advice_id: int, on: date | None = None) -> None:
    """The same letter as an editable Word file."""
    from huurdersgroep_app.core.documents.blocks import write_docx

    check_target(target)
    content = letter_content(session, advice_id, on)
    write_docx(Path(target), _info(content), letter_blocks(content))
