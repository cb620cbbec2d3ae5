"""A box for the Overview beside the advice deadlines: the funders' application and accountability
deadlines, overdue ones in red, and — when nothing is due soon — the next one ahead, so the
secretary always sees when the next dossier is due. The box refreshes itself when shown and after
every change, so the Overview page only has to place it."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout

from huurdersgroep_app.core.services.funding.deadlines import FundingDeadline
from huurdersgroep_app.core.services.funding.views import FunderDeadlines, funder_deadlines
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.kit.widgets import ERROR_COLOUR

MAX_LINES = 6


def when_text(item: FundingDeadline) -> str:
    day = formats.short_date(item.deadline)
    if item.days_left < 0:
        return ngettext("was due {date}, {n} day late", "was due {date}, {n} days late", -item.days_left).format(
            date=day, n=-item.days_left)
    if item.days_left == 0:
        return _("due today")
    return ngettext("due {date}, in {n} day", "due {date}, in {n} days", item.days_left).format(
        date=day, n=item.days_left)


def _line(item: FundingDeadline) -> str:
    colour = f' style="color:{ERROR_COLOUR}"' if item.overdue else ""
    return (f'<li><a href="funder:{item.funder_id}:{item.year}">{escape(item.title, quote=False)}</a> '
            f'<span{colour}>({escape(when_text(item), quote=False)})</span></li>')


def deadlines_html(data: FunderDeadlines) -> str:
    parts = []
    if data.overdue:
        parts.append(f"<p><b>{escape(_('Overdue'))}</b></p><ul style='margin-top:0'>"
                     + "".join(_line(d) for d in data.overdue[:MAX_LINES]) + "</ul>")
    if data.soon:
        title = ngettext("Due within {n} day", "Due within {n} days", data.within_days).format(n=data.within_days)
        parts.append(f"<p><b>{escape(title)}</b></p><ul style='margin-top:0'>"
                     + "".join(_line(d) for d in data.soon[:MAX_LINES]) + "</ul>")
    if not data.due:
        parts.append(escape(ngettext("No funder's deadline within {n} day.", "No funder's deadline within {n} days.",
                                     data.within_days).format(n=data.within_days)))
    if data.next is not None and not data.due:
        parts.append("<p>" + escape(_("Next:")) + "</p><ul style='margin-top:0'>" + _line(data.next) + "</ul>")
    elif data.next is None and not data.due:
        parts.append("<p>" + escape(_("Add the funders and their grants with their deadlines on the Funding page."))
                     + "</p>")
    return "".join(parts)


class FundingDeadlinesPanel(QGroupBox):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(_("Funders' deadlines"), parent)
        self.ctx = ctx
        self.data: FunderDeadlines | None = None
        layout = QVBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.text.linkActivated.connect(self.open_link)
        layout.addWidget(self.text)
        ctx.data_changed.connect(self._changed)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        self.refresh()
        super().showEvent(event)

    def _changed(self) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self.data = self.ctx.read(funder_deadlines)
        self.text.setText(deadlines_html(self.data))

    def open_link(self, link: str) -> None:
        """'funder:ID:YEAR': the funder on the Funding page, at that year."""
        _kind, funder_id, year = link.split(":")
        page = self.ctx.show_page("funding")
        if page is not None:
            page.show_funder(int(funder_id), int(year))
