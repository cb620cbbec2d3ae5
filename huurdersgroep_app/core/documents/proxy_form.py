"""The proxy form (volmacht, procuration): a member who cannot come gives another member their vote at
one meeting. A blank form to put with the invitation, or one filled in per member (name and address),
each on its own page and numbered on its own. PDF on the letterhead, and DOCX with the same text.

It tells what the group's rules say about proxies (how many one member may hold, that the holder is
a member who is present, by when the form is handed in), so nobody learns at the door that their
proxy does not count. Only for a meeting that takes proxies (``services.meetings.proxies``).
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents import blocks as b
from huurdersgroep_app.core.documents.invitation import _info
from huurdersgroep_app.core.errors import ValidationError
from huurdersgroep_app.core.services.meetings.invitations import time_text
from huurdersgroep_app.core.services.meetings.lifecycle import get_meeting, meeting_heading
from huurdersgroep_app.core.services.meetings.proxies import (ProxyGiver, ProxyRules, check_takes_proxies,
                                                              proxy_givers)
from huurdersgroep_app.core.services.organisation import get_organisation
from huurdersgroep_app.i18n import _, format_date, ngettext

FORM_KINDS = ("blank", "member")
# Room to write by hand: as long as a name or an address, and it reads as a line in every viewer.
LINE = "_" * 44


def rule_lines(rules: ProxyRules, group: str, with_quorum: bool = True) -> list[str]:
    """What the rules say about proxies, in the words of the form. ``with_quorum``: the meeting has a
    quorum (the annual meeting usually has none: then proxies count in the votes only)."""
    if rules.per_holder:
        held = ngettext("A member who is present may hold at most {n} proxy.",
                        "A member who is present may hold at most {n} proxies.", rules.per_holder).format(
            n=rules.per_holder)
    else:
        held = _("A member who is present may hold several proxies: the rules set no limit.")
    if rules.hand_in_by:
        hand_in = _("Hand this form in to the secretary by {date} at the latest.").format(
            date=format_date(rules.hand_in_by, "full"))
    else:
        hand_in = _("The proxy holder hands this form in at the sign-in, before the meeting opens.")
    return [_("The proxy holder must be a member of {group} and be present at the meeting.").format(group=group),
            held, _("Proxies count for the quorum and in the votes.") if with_quorum
            else _("Proxies count in the votes."), hand_in]


def _fill_in(rows: list[tuple[str, str]]) -> list:
    """Label: value rows; an empty value is a line to write on, with room above it for a hand."""
    out: list = []
    for label, value in rows:
        if value:
            out.append(b.Fields([(label, value)]))
        else:
            out += [b.Spacer(4), b.Fields([(label, LINE)])]
    return out


def form_blocks(meeting, rules: ProxyRules, group: str, giver: ProxyGiver | None) -> list:
    """One form: blank (lines to fill in) or for ``giver``."""
    details = [(_("Meeting"), meeting_heading(meeting)), (_("Date"), format_date(meeting.scheduled_on, "full"))]
    if meeting.start_time:
        details.append((_("Time"), time_text(meeting)))
    if meeting.place:
        details.append((_("Place"), meeting.place))
    name = giver.name if giver else ""
    address = giver.address if giver else ""
    return [b.Title(_("Proxy")), b.Fields(details), b.Spacer(5),
            b.Para(_("I, the undersigned,")), *_fill_in([(_("Name"), name), (_("Address"), address)]),
            b.Para(_("member of {group}, give proxy to").format(group=group)),
            *_fill_in([(_("Name"), "")]),
            b.Para(_("also a member of {group}, to represent me at this meeting and to vote in my name on every "
                     "item of its agenda.").format(group=group)),
            b.Heading(_("What the rules say"), 3), b.Bullets(rule_lines(rules, group, meeting.quorum_kind != "none")),
            b.Spacer(2), *_fill_in([(_("Place and date"), "")]),
            b.Signatures([(_("Signature of the member who gives the proxy"), giver.name if giver else ""),
                          (_("Signature of the proxy holder"), "")])]


def proxy_form_blocks(session: Session, meeting_id: int, per: str = "blank",
                      member_ids: list[int] | None = None) -> list:
    if per not in FORM_KINDS:
        raise ValidationError({"per": _("Choose a blank proxy form or one filled in per member.")})
    rules = check_takes_proxies(session, meeting_id)
    meeting = get_meeting(session, meeting_id)
    group = get_organisation(session).name
    if per == "blank":
        return form_blocks(meeting, rules, group, None)
    out: list = []
    for number, giver in enumerate(proxy_givers(session, meeting_id, member_ids)):
        if number:
            out.append(b.PageBreak(new_document=True))
        out += form_blocks(meeting, rules, group, giver)
    if not out:
        # Everyone expected is marked present: a blank form is all that is left to print.
        return form_blocks(meeting, rules, group, None)
    return out


def write_proxy_form(session: Session, meeting_id: int, target, per: str = "blank", fmt: str = "pdf",
                     member_ids: list[int] | None = None) -> int | None:
    """The proxy form(s); returns the number of pages for a PDF, None for a DOCX."""
    blocks = proxy_form_blocks(session, meeting_id, per, member_ids)
    info = _info(session, _("Proxy form: {meeting}").format(meeting=meeting_heading(get_meeting(session,
                                                                                                meeting_id))))
    if fmt == "docx":
        b.write_docx(target, info, blocks)
        return None
    return b.write_pdf(target, info, blocks)
