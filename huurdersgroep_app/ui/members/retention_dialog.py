"""What is past its retention period (the region's rule: e.g. contact data of former members about
2 years after they left in the Netherlands), with one action to anonymise every person listed.
Financial years past their retention are listed for information: the app never deletes books."""
from __future__ import annotations


from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout

from huurdersgroep_app.core.services.privacy import retention
from huurdersgroep_app.core.services.privacy import views as privacy_views
from huurdersgroep_app.core.services.privacy.views import RetentionView
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.kit.table_model import Column, RowsTableModel, size_columns, table_view
from huurdersgroep_app.ui.kit.widgets import hint


def retention_columns() -> list[Column]:
    return [Column(_("What"), lambda r: r.kind_label, chars=20),
            Column(_("Name"), lambda r: r.name, chars=28),
            Column(_("Since"), lambda r: formats.short_date(r.since), sort=lambda r: r.since, chars=10),
            Column(_("Retention ended"), lambda r: formats.short_date(r.due_on), sort=lambda r: r.due_on, chars=10),
            Column(_("Action"), lambda r: _("anonymise") if r.action == "anonymise" else _("keep (books)"), chars=12)]


def policy_text(view: RetentionView) -> str:
    policy = view.policy
    text = _("Former members' contact data are kept {members} years after they left, former contacts' {contacts} "
             "years; the books {books} years.").format(members=policy.former_member_years,
                                                       contacts=policy.former_contact_years,
                                                       books=policy.financial_years)
    notes = " ".join(note for note in (policy.former_member_note, policy.financial_note) if note)
    return f"{text} {notes}".strip()


class RetentionDialog(QDialog):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("Past their retention period"))
        layout = QVBoxLayout(self)
        self.policy = hint("")
        layout.addWidget(self.policy)
        self.model = RowsTableModel(retention_columns(), parent=self)
        self.table = table_view(self.model)
        self.table.setAccessibleName(_("Past their retention period"))
        size_columns(self.table, self.model.columns)
        layout.addWidget(self.table, 1)
        self.summary = hint("")
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.anonymise_button = QPushButton(_("Anonymise everyone listed…"))
        buttons.addButton(self.anonymise_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.anonymise_button.clicked.connect(self.anonymise_all)
        self.setMinimumWidth(self.fontMetrics().height() * 40)
        self.refresh()

    def refresh(self) -> None:
        view = self.ctx.read(privacy_views.read_view)
        self.policy.setText(policy_text(view))
        self.model.set_rows(view.items)
        self.summary.setText(ngettext("{count} person is past the retention period.",
                                      "{count} people are past the retention period.", view.people).format(
            count=view.people) if view.people else _("Nobody is past the retention period."))
        self.anonymise_button.setEnabled(view.people > 0)

    def anonymise_all(self) -> bool:
        view = self.ctx.read(privacy_views.read_view)
        if not view.people:
            return False
        question = ngettext(
            "Anonymise {count} person past the retention period? Names, addresses and contact details go; bookings "
            "keep their amount and date, and minutes of approved meetings keep the name where they were published. "
            "This cannot be undone.",
            "Anonymise {count} people past the retention period? Names, addresses and contact details go; bookings "
            "keep their amount and date, and minutes of approved meetings keep the name where they were published. "
            "This cannot be undone.", view.people).format(count=view.people)
        if not self.ctx.ask(question, self):
            return False
        done = self.ctx.run(retention.anonymise_past_retention, parent=self)
        self.refresh()
        if done:
            self.ctx.show_info(ngettext("{count} person was anonymised.", "{count} people were anonymised.",
                                        len(done.value)).format(count=len(done.value)), self)
        return bool(done)
