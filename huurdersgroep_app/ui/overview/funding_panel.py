"""A box for the Overview beside the advice deadlines: the funders' application and accountability
deadlines, overdue ones in red, and — when nothing is due soon — the next one ahead, so the
secretary always sees when the next dossier is due. The box refreshes itself when shown and after
every change, so the Overview page only has to place it."""
from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QGroupBox, QPushButton, QVBoxLayout

from huurdersgroep_app.core.documents.catalogue import get_kind

from huurdersgroep_app.core.services.funding.deadlines import FunderDeadlines, FundingDeadline, funder_deadlines
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.kit.widgets import ERROR_COLOUR, link_text

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
        self.text = link_text(self.open_link)
        layout.addWidget(self.text)
        # One click from the Overview to the dossier the next accountability asks for.
        self.dossier_button = QPushButton()
        self.dossier_button.clicked.connect(self.make_dossier)
        layout.addWidget(self.dossier_button)
        self.dossier_for: FundingDeadline | None = None
        self.task = None

    def refresh(self) -> None:
        self.show_data(self.ctx.read(funder_deadlines))

    def show_data(self, data: FunderDeadlines) -> None:
        self.data = data
        self.text.setText(deadlines_html(self.data))
        self.dossier_for = self.data.accountability
        self.dossier_button.setVisible(self.dossier_for is not None)
        if self.dossier_for is not None:
            self.dossier_button.setText(_("Make the funding dossier for {funder}, {year}").format(
                funder=self.dossier_for.funder, year=self.dossier_for.year))

    def make_dossier(self):
        """Made in the background into the group's folder and opened, as on the Documents page."""
        from huurdersgroep_app.ui.documents import making

        if self.dossier_for is None:
            return None
        target = self.dossier_for
        order = making.Order(get_kind("funding-dossier"), target.year, target.funder_id, target.funder)
        self.task = making.make_in_folder(self.ctx, order, self)
        return self.task

    def open_link(self, link: str) -> None:
        """'funder:ID:YEAR': the funder on the Funding page, at that year."""
        _kind, funder_id, year = link.split(":")
        page = self.ctx.show_page("funding")
        if page is not None:
            page.show_funder(int(funder_id), int(year))
