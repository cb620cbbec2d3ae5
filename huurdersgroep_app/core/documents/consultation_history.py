"""Consultation history with the landlord for a period (DESIGN §6.14): the consultation meetings,
the advices given and what became of them, and the requests the group left unanswered."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents.base import DocumentInfo, Letterhead, build_pdf, content_box, page_size, styles
from huurdersgroep_app.core.documents.report_parts import check_period, escape, fitted_table, heading
from huurdersgroep_app.core.services.advices import deadlines
from huurdersgroep_app.core.services.advices.labels import kind_label, outcome_label, status_label, topic_label
from huurdersgroep_app.core.services.advices.consultation import ConsultationHistory, consultation_history
from huurdersgroep_app.core.services.organisation import get_organisation
from huurdersgroep_app.i18n import _, format_date, ngettext


def write_consultation_history(session: Session, target: Path, date_from: date, date_to: date,
                               today: date | None = None) -> int:
    """Write the PDF; returns its page count."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    check_period(date_from, date_to)
    today = today or date.today()
    org = get_organisation(session)
    history = consultation_history(session, date_from, date_to, today)
    st = styles()
    title = _("Consultation with the landlord")
    period = _("{start} to {end}").format(start=format_date(date_from, "long"), end=format_date(date_to, "long"))
    story: list = [Paragraph(escape(title), st["title"]), Paragraph(escape(period), st["muted"]), Spacer(1, 3 * mm)]
    story += [Paragraph(escape(line), st["body"]) for line in summary_lines(history, today)]
    story += _meetings_section(history, st)
    story += _given_section(history, st, today)
    story += _not_given_section(history, st)
    info = DocumentInfo(Letterhead.from_organisation(org), title, subtitle=period, created=today)
    return build_pdf(target, info, story)


def summary_lines(history: ConsultationHistory, today: date) -> list[str]:
    given = len(history.given)
    held = sum(m.held for m in history.meetings)
    if not (held or given or history.signals_forwarded):
        # A new group's first history read '0 consultation meetings … 0 advices given: 0 followed, 0 partly
        # followed …': a row of zeros where one sentence says it.
        return [_("Nothing with the landlord in this period: no consultation meeting, no advice, no signal "
                  "passed on.")]
    lines = [ngettext("{n} consultation meeting with the landlord.", "{n} consultation meetings with the landlord.",
                      held).format(n=held)]
    if not given:
        lines.append(_("No advice given."))
    else:
        lines.append(ngettext("{n} advice given: {followed} followed, {partly} partly followed, {not_followed} not "
                              "followed, {waiting} awaiting a reply.",
                              "{n} advices given: {followed} followed, {partly} partly followed, {not_followed} not "
                              "followed, {waiting} awaiting a reply.", given).format(
            n=given, followed=history.count("followed"), partly=history.count("partly"),
            not_followed=history.count("not_followed"), waiting=history.awaiting_reply))
    replied = given - history.awaiting_reply
    if replied:
        lines.append(_("The landlord answered {on_time} of {replied} advices within the agreed term.").format(
            on_time=history.replied_on_time, replied=replied))
    overdue = sum(a.reply_overdue(today) for a in history.given)
    if overdue:
        lines.append(ngettext("{n} reply is overdue.", "{n} replies are overdue.", overdue).format(n=overdue))
    lines.append(_("Signals passed on to the landlord: {forwarded}; answered: {answered}.").format(
        forwarded=history.signals_forwarded, answered=history.signals_answered))
    return lines


def _meetings_section(history: ConsultationHistory, st) -> list:
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    items = [*heading(_("Consultation meetings"), st["h2"])]
    if not history.meetings:
        return items + [Paragraph(escape(_("No consultation meetings were recorded in this period.")), st["body"])]
    for meeting in history.meetings:
        head = f"<b>{escape(format_date(meeting.date, 'long'))}</b> · {escape(meeting.title)}"
        if not meeting.held:
            head += " · " + escape(_("{label}: {value}").format(label=_("cancelled"), value=meeting.cancel_reason)
                                   if meeting.cancel_reason else _("cancelled"))
        block = [Paragraph(head, st["body"])]
        for label, values in ((_("For the landlord"), meeting.landlord_people), (_("Discussed"), meeting.topics)):
            if values:
                block.append(Paragraph(escape(_("{label}: {value}").format(label=label, value="; ".join(values))),
                                       st["small"]))
        if meeting.decisions:
            block.append(Paragraph(escape(_("Decisions:")), st["small"]))
            block += [Paragraph("• " + escape(line), st["small"]) for line in meeting.decisions]
        items.append(KeepTogether(block + [Spacer(1, 2 * mm)]))
    return items


def _given_section(history: ConsultationHistory, st, today: date) -> list:
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    items: list = [*heading(_("Advices given"), st["h2"])]
    if not history.given:
        return items + [Paragraph(escape(_("No advice was sent in this period.")), st["body"])]
    header = [_("Reference"), _("Subject"), _("Sent"), _("Reply due"), _("Reply"), _("Outcome")]
    rows = []
    for a in history.given:
        reply = format_date(a.replied_on, "short") if a.replied_on else (
            _("overdue") if a.reply_overdue(today) else _("awaited"))
        rows.append([a.reference, f"{a.title} ({topic_label(a.topic).lower()}, {kind_label(a.kind).lower()})",
                     format_date(a.sent_on, "short"), format_date(a.reply_due, "short"), reply,
                     outcome_label(a.outcome)])
    table = fitted_table(header, rows, [24, 64, 20, 20, 20, 26], content_box(page_size())[2], st)
    items += [table, *heading(_("What became of them"), st["h3"])]
    for a in history.given:
        # Not inside the f-string: the extractor does not see a message there, and it stayed English.
        outcome = outcome_label(a.outcome) or _("no reply yet")
        # The colon through the message: French puts a space before it ('Cleaning of the stairwells : Suivi').
        block = [Paragraph(f"<b>{escape(a.reference)}</b> · "
                           + escape(_("{label}: {value}").format(label=a.title, value=outcome)), st["body"])]
        for label, text in ((_("Reasons"), a.reasons), (_("Planning"), a.planning),
                            (_("Open action points"), "; ".join(a.open_actions))):
            if text:
                block.append(Paragraph(escape(_("{label}: {value}").format(label=label, value=text)), st["small"]))
        items.append(KeepTogether(block + [Spacer(1, 2 * mm)]))
    return items


def _not_given_section(history: ConsultationHistory, st) -> list:
    from reportlab.platypus import Paragraph

    if not history.not_given:
        return []
    items = [*heading(_("Requests the group has not (yet) answered"), st["h2"])]
    for a in history.not_given:
        # "requested 04/05/2026: Requested" said the same thing twice; an untouched request says what
        # the reader wants to know, that no text exists yet.
        note = _("nothing drafted yet") if a.status == "requested" else status_label(a.status)
        if a.silence == deadlines.SILENCE_FAVOURABLE:
            note = _("no advice in time: counts as favourable")
        items.append(Paragraph(escape(_("{reference} · {title}, requested {date}: {note}").format(
            reference=a.reference, title=a.title, date=format_date(a.requested_on, "short"), note=note)), st["body"]))
    return items
