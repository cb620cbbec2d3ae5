"""The activity annual report (jaarverslag): what the group did in a year, compiled from the
recorded data (``core.services.funding.activity``) and the year's free texts. Written once as
blocks, so the PDF and the editable DOCX hold the same text.

Nothing personal beyond the board's names: members are counted, signals are counted (never a
confidential one, never a description)."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents import blocks as b
from huurdersgroep_app.core.documents.funding.common import document_info, write_blocks
from huurdersgroep_app.core.services.advices.labels import category_label, outcome_label, signal_status_label
from huurdersgroep_app.core.services.funding.activity import ActivityYear, activity_year
from huurdersgroep_app.core.services.funding.checking import semicolon
from huurdersgroep_app.core.services.members.complexes import reach_note, total_reach
from huurdersgroep_app.core.services.meetings.lifecycle import type_label
from huurdersgroep_app.core.services.members.board import role_label
from huurdersgroep_app.core.services.organisation import get_organisation
from huurdersgroep_app.i18n import _, format_date, format_money, format_number, format_percent, ngettext, pgettext


def _free_text(title: str, text: str) -> list:
    if not text:
        return []
    return [b.Heading(title)] + [b.Para(part.strip()) for part in text.split("\n\n") if part.strip()]


def _board(report: ActivityYear) -> list:
    out: list = [b.Heading(_("The board"))]
    if report.board:
        out.append(b.Table([_("Office"), _("Name")], [[role_label(r), n] for r, n in report.board], [0.35, 0.65]))
    else:
        out.append(b.Para(_("No one held an office on 31 December {year}.").format(year=report.year)))
        if not report.board_changes:
            # A group without a board yet: 'the board did not change' and a rota of no one say nothing more.
            return out
    if report.board_changes:
        rows = [[format_date(c.on, "short"), c.name, role_label(c.role),
                 _("took office") if c.started else _("stepped down")] for c in report.board_changes]
        out += [b.Heading(_("Changes in {year}").format(year=report.year), 3),
                b.Table([_("Date"), _("Name"), _("Office"),
                                 # TRANSLATORS: a column heading (a noun): what happened to the office, "took office" /
                                 # "stepped down" — not the button "Change".
                                 pgettext("board change column", "Change")], rows, [0.16, 0.4, 0.24, 0.2])]
    else:
        out.append(b.Para(_("The board did not change in {year}.").format(year=report.year)))
    if report.rota_meeting and report.rota_due:
        due = ", ".join(f"{n} ({role_label(r)})" for r, n in report.rota_due)
        out.append(b.Para(_("Retirement rota: at the annual meeting of {date} due to step down: {names}.").format(
            date=format_date(report.rota_meeting, "long"), names=due)))
    elif report.rota_meeting:
        # Not '… due to step down: no one.', a list of nobody.
        out.append(b.Para(_("Retirement rota: no board member's term ends at the annual meeting of {date}.").format(
            date=format_date(report.rota_meeting, "long"))))
    return out


def _members(report: ActivityYear) -> list:
    out: list = [b.Heading(_("Members")), b.Fields([
        (_("1 January {year}").format(year=report.year), format_number(report.members_start)),
        (_("Joined"), format_number(report.joined)), (_("Left"), format_number(report.left)),
        (_("31 December {year}").format(year=report.year), format_number(report.members_end))])]
    if not any(c.name for c in report.complexes):
        # A group without complexes: a table of one 'No complex' row would only repeat the count above.
        return out
    rows = []
    for c in report.complexes:
        reach = format_percent(c.reach) if c.reach is not None else "–"
        rows.append([c.name or _("No complex"), format_number(c.dwellings) if c.dwellings else "–",
                     format_number(c.members), reach])
    total = total_reach(report.complexes, without_complex=lambda c: not c.name)
    # No complex with a known number of dwellings: '–' as on the rows, not a total of 0 dwellings.
    rows.append([_("Total"), format_number(total.dwellings) if total.dwellings else "–", format_number(total.members),
                 format_percent(total.reach) if total.reach is not None else "–"])
    out.append(b.Table([_("Complex"), _("Dwellings"), _("Members"), _("Reach")], rows, [0.46, 0.18, 0.18, 0.18],
                       wrap=False))  # plain cells: fast for a hundred complexes; names fit a line
    if reach_note(total):
        out.append(b.Para(reach_note(total), "small"))
    return out


def _meetings(report: ActivityYear) -> list:
    out: list = [b.Heading(_("Meetings"))]
    if not report.meetings:
        return out + [b.Para(_("No meetings were held in {year}.").format(year=report.year))]
    rows = [[type_label(m.type), format_number(m.held), format_number(m.present)] for m in report.meetings]
    rows.append([_("Total"), format_number(sum(m.held for m in report.meetings)),
                 format_number(sum(m.present for m in report.meetings))])
    out.append(b.Table([_("Kind of meeting"), _("Held"), _("Present (all meetings together)")], rows,
                       [0.5, 0.15, 0.35]))
    return out


def _consultations(report: ActivityYear) -> list:
    out: list = [b.Heading(_("Consultation with the landlord"))]
    if not report.consultations:
        return out + [b.Para(_("No consultation with the landlord was held in {year}.").format(year=report.year))]
    rows = [[format_date(m.date, "short"), semicolon().join(m.topics) or "–"] for m in report.consultations]
    return out + [b.Table([_("Date"), _("Topics")], rows, [0.18, 0.82])]


def _advices(report: ActivityYear) -> list:
    out: list = [b.Heading(_("Advices"))]
    if not report.advices:
        out.append(b.Para(_("No advice was sent to the landlord in {year}.").format(year=report.year)))
    else:
        rows = []
        for a in report.advices:
            if a.replied_on:
                reply = format_date(a.replied_on, "short") + (" · " + _("late") if a.reply_late else "")
            elif a.reply_due:
                reply = _("awaited (due {date})").format(date=format_date(a.reply_due, "short"))
            else:
                reply = "–"
            rows.append([a.reference, a.title, format_date(a.sent_on, "short"), reply,
                         outcome_label(a.outcome) or "–"])
        out.append(b.Table([_("Ref."), _("Advice"), _("Sent"), _("Landlord's reply"), _("Outcome")], rows,
                           [0.12, 0.38, 0.13, 0.2, 0.17]))
        on_time = sum(1 for a in report.advices if a.replied_on and not a.reply_late)
        replied = sum(1 for a in report.advices if a.replied_on)
        out.append(b.Para(_("The landlord replied to {replied} of {total} advices, {on_time} of them within the "
                            "legal term.").format(replied=replied, total=len(report.advices), on_time=on_time),
                          "small"))
    if report.advices_not_given:
        out.append(b.Para(ngettext("{count} request for advice was not answered.",
                                   "{count} requests for advice were not answered.",
                                   report.advices_not_given).format(count=report.advices_not_given), "small"))
    return out


def _signals(report: ActivityYear) -> list:
    out: list = [b.Heading(_("Signals from tenants"))]
    if not report.signals:
        return out + [b.Para(_("No signals were recorded in {year}.").format(year=report.year))]
    out.append(b.Para(ngettext("{count} signal was recorded.", "{count} signals were recorded.",
                               report.signals).format(count=report.signals)))
    rows = [[category_label(k), format_number(n)] for k, n in report.signals_by_category.items()]
    out.append(b.Table([_("Category"), _("Signals")], rows, [0.7, 0.3]))
    status = [[signal_status_label(k), format_number(n)] for k, n in report.signals_by_status.items()]
    out.append(b.Table([_("Status at the end of the year"), _("Signals")], status, [0.7, 0.3]))
    return out


def _communications(report: ActivityYear) -> list:
    out: list = [b.Heading(_("Communication with tenants"))]
    if not report.communications:
        return out + [b.Para(_("No communications to tenants were recorded in {year}.").format(year=report.year))]
    # The language's colon ('11/03/2025 : Assemblée générale' in French).
    return out + [b.Bullets([_("{label}: ").format(label=format_date(on, "short")) + text
                             for on, text in report.communications])]


def _money(report: ActivityYear) -> list:
    m = report.money
    return [b.Heading(_("Money in brief")), b.Fields([
        (_("Income"), format_money(m.income)), (_("Expenses"), format_money(m.expense)),
        (_("Result"), format_money(m.result)),
        (_("Balances on 1 January"), format_money(m.opening)),
        (_("Balances on 31 December"), format_money(m.closing))]),
        b.Para(_("The financial annual report gives the figures per category."), "small")]


def activity_report_blocks(session: Session, year: int, today: date | None = None,
                           facts: ActivityYear | None = None) -> list:
    report = facts or activity_year(session, year, today)
    org = get_organisation(session)
    texts = report.texts
    out: list = [b.Title(_("Activity report {year}").format(year=year)), b.Para(org.name, "muted")]
    out += _free_text(_("Foreword"), texts.foreword)
    out += _board(report) + _members(report) + _meetings(report) + _consultations(report) + _advices(report)
    out += _signals(report) + _communications(report)
    out += _free_text(_("Highlights"), texts.highlights)
    out += _money(report)
    out += _free_text(_("Plans"), texts.plans)
    return out


def write_activity_report(session: Session, year: int, target, fmt: str = "pdf", *, today: date | None = None,
                          progress=None, facts: ActivityYear | None = None) -> int | None:
    """The activity report of ``year`` as PDF (returns the page count) or DOCX (returns None);
    ``facts``: the year's ``activity_year`` when the caller has read it already (the dossier)."""
    blocks = activity_report_blocks(session, year, today, facts)
    # its "money in brief" are the year's figures: marked when that closed year no longer matches its seal
    info = document_info(session, _("Activity report {year}").format(year=year), today, year)
    return write_blocks(target, info, blocks, fmt, progress)
