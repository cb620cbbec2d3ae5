"""Signals together: make an own-initiative advice of a group of signals, add signals to an existing
dossier, and the two reports over a period (signals, anonymised; consultation history)."""
from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtWidgets import QComboBox, QLineEdit

from huurdersgroep_app.core.services.advices import dossiers as advices
from huurdersgroep_app.core.services.signals import register as signal_register
from huurdersgroep_app.core.services.advices.labels import topic_label
from huurdersgroep_app.core.services.signals import views as signal_views
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.form_dialog import FormDialog
from huurdersgroep_app.ui.kit.document_buttons import DocumentButtons

# The advice topic that usually follows from a category of signals.
TOPIC_FOR_CATEGORY = {"repairs": "maintenance", "damp_mould": "maintenance", "heating": "maintenance",
                      "nuisance": "liveability", "cleanliness": "liveability", "safety": "liveability",
                      "service_costs": "service_costs", "communication": "communication"}


class AdviceFromSignalsDialog(FormDialog):
    """'12 signals about damp in De Linde' → an own-initiative dossier with those signals linked."""

    def __init__(self, ctx: AppContext, signal_ids: list[int], title: str = "", category: str = "", parent=None):
        count = len(signal_ids)
        super().__init__(ctx, _("Make an advice of these signals"), ngettext(
            "A dossier on the group's own initiative is opened for {n} signal; it stays linked to the dossier.",
            "A dossier on the group's own initiative is opened for these {n} signals; they stay linked to it.",
            count).format(n=count), _("Open the dossier"), parent)
        self.signal_ids = list(signal_ids)
        topics = ctx.read(advices.topics)
        self.title = self.add("title", _("Title"), QLineEdit(title))
        self.topic = self.add("topic", _("Topic"), QComboBox())
        for code in topics:
            self.topic.addItem(topic_label(code), code)
        self.topic.setCurrentIndex(max(self.topic.findData(TOPIC_FOR_CATEGORY.get(category, "other")), 0))
        self.started_on = self.add_date("requested_on", _("Started on"), date.today())

    def save(self) -> bool:
        dates = self.read_dates({"requested_on": (self.started_on, _("Fill in the day the group started."))})
        return dates is not None and self.submit(signal_register.advice_from_signals, self.signal_ids,
                                                 self.title.text(), self.topic.currentData(), dates["requested_on"])


class LinkSignalsDialog(FormDialog):
    def __init__(self, ctx: AppContext, signal_ids: list[int], parent=None):
        count = len(signal_ids)
        super().__init__(ctx, _("Add signals to a dossier"), ngettext(
            "Add {n} signal to an open advice dossier.", "Add {n} signals to an open advice dossier.",
            count).format(n=count), _("Add"), parent)
        self.signal_ids = list(signal_ids)
        self.dossier = self.add("advice_id", _("Dossier"), QComboBox())
        for advice_id, label in ctx.read(signal_views.open_dossiers):
            self.dossier.addItem(label, advice_id)

    def save(self) -> bool:
        if self.dossier.currentData() is None:
            self.form.show_problems({"advice_id": _("There is no open dossier. Make a new one instead.")})
            return False
        return self.submit(signal_register.link_signals, self.signal_ids, self.dossier.currentData())


def signals_report_writer(start: date, end: date):
    def write(session, target):
        from huurdersgroep_app.core.documents.signals_report import write_signals_report

        return write_signals_report(session, target, start, end)
    return write


def consultation_history_writer(start: date, end: date):
    def write(session, target):
        from huurdersgroep_app.core.documents.consultation_history import write_consultation_history

        return write_consultation_history(session, target, start, end)
    return write


class PeriodReportDialog(FormDialog):
    """A report over a period: choose the dates, then preview or save the PDF."""

    def __init__(self, ctx: AppContext, title: str, explanation: str, writer: Callable, name: str, parent=None):
        super().__init__(ctx, title, explanation, "", parent)
        self.writer, self.name = writer, name
        today = date.today()
        self.start = self.add_date("date_from", _("From"), date(today.year, 1, 1))
        self.end = self.add_date("date_to", _("Until"), today)
        self.documents = DocumentButtons(ctx, self._writer, lambda: self.name)
        self.form.addRow("", self.documents)
        self.buttons.clear()
        self.buttons.addButton(self.buttons.StandardButton.Close)  # still wired to reject

    def _writer(self):
        dates = self.read_dates({"date_from": (self.start, _("Fill in the first day of the period.")),
                                 "date_to": (self.end, _("Fill in the last day of the period."))})
        if dates is None:
            return None
        if dates["date_to"] < dates["date_from"]:
            self.form.show_problems({"date_to": _("The period ends before it starts.")})
            return None
        self.form.clear_problems()
        return self.writer(dates["date_from"], dates["date_to"])

    def save(self) -> bool:
        """The dialog's accept: show the report (there is nothing to store)."""
        return self.documents.preview() is not None


def signals_report_dialog(ctx: AppContext, parent=None) -> PeriodReportDialog:
    return PeriodReportDialog(ctx, _("Signals report"), _(
        "Signals per complex and category for a period, for the landlord or a funder. Names and house numbers are "
        "left out; confidential signals are never in it."), signals_report_writer, _("signals-report"), parent)


def consultation_history_dialog(ctx: AppContext, parent=None) -> PeriodReportDialog:
    return PeriodReportDialog(ctx, _("Consultation history"), _(
        "Meetings with the landlord, advices given and what became of them, signals passed on: the file to bring "
        "to the landlord's performance review."), consultation_history_writer, _("consultation-history"), parent)
