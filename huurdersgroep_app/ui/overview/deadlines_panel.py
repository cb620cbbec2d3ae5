"""A box for the Overview: what needs attention today (``deadline_overview``) — the group's advice
due within two weeks or late, the landlord's replies overdue, signals left without an answer.
Each line is a link that opens the dossier or the signal."""
from __future__ import annotations

from html import escape as _escape

from PySide6.QtWidgets import QGroupBox, QVBoxLayout

from huurdersgroep_app.core.services.deadline_overview import DeadlineItem, DeadlineOverview, deadline_overview
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.advices.model import days_text
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.widgets import ERROR_COLOUR, link_text

def escape(text: str) -> str:
    """Text for the rich-text label; apostrophes (the landlord's) stay as they are."""
    return _escape(text, quote=False)


MAX_LINES = 5  # per section; the rest is on the Advices and Signals pages


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[:length - 1] + "…"


def _line(item: DeadlineItem, when: str) -> str:
    link = f"advice:{item.advice_id}" if item.advice_id is not None else f"signal:{item.signal_id}"
    colour = f' style="color:{ERROR_COLOUR}"' if item.days_left < 0 else ""
    return (f'<li><a href="{link}">{escape(item.reference)}</a> {escape(_short(item.title))} '
            f'<span{colour}>({escape(when)})</span></li>')


def _section(title: str, items: list[DeadlineItem], when) -> str:
    if not items:
        return ""
    lines = "".join(_line(item, when(item)) for item in items[:MAX_LINES])
    more = len(items) - MAX_LINES
    if more > 0:
        lines += "<li>" + escape(ngettext("and {n} more", "and {n} more", more).format(n=more)) + "</li>"
    return f"<p><b>{escape(title)}</b></p><ul style='margin-top:0'>{lines}</ul>"


def overview_html(overview: DeadlineOverview) -> str:
    if overview.is_empty:
        return escape(_("No advice due within two weeks, no late replies, no signals waiting for an answer."))
    return "".join((
        _section(_("Our advice due soon"), overview.advice_due,
                 lambda i: _("due {date}, {left}").format(date=formats.short_date(i.deadline),
                                                          left=days_text(i.days_left))),
        _section(_("The landlord's reply is late"), overview.replies_overdue,
                 lambda i: _("was due {date}").format(date=formats.short_date(i.deadline))),
        _section(ngettext("Signals without an answer after {n} day", "Signals without an answer after {n} days",
                          overview.unanswered_after_days).format(n=overview.unanswered_after_days),
                 overview.signals_unanswered,
                 lambda i: ngettext("{n} day waiting", "{n} days waiting",
                                    -i.days_left + overview.unanswered_after_days).format(
                     n=-i.days_left + overview.unanswered_after_days)),
    ))


class DeadlinesPanel(QGroupBox):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(_("Deadlines"), parent)
        self.ctx = ctx
        self.overview: DeadlineOverview | None = None
        layout = QVBoxLayout(self)
        self.text = link_text(self.open_link)
        layout.addWidget(self.text)

    def refresh(self) -> None:
        self.show_data(self.ctx.read(deadline_overview))

    def show_data(self, overview: DeadlineOverview) -> None:
        self.overview = overview
        self.text.setText(overview_html(self.overview))

    def open_link(self, link: str) -> None:
        kind, _sep, number = link.partition(":")
        if kind == "advice":
            from huurdersgroep_app.ui.advices.dossier_dialog import AdviceDossierDialog as Dialog
        else:
            from huurdersgroep_app.ui.signals.signal_dialog import SignalDialog as Dialog
        dialog = Dialog(self.ctx, int(number), parent=self)
        dialog.exec()
        dialog.deleteLater()
