"""The privacy reminder on the Overview: how many former members and contacts are past their
retention period, and the way to the list where one action anonymises them. The page fills it
with the rest of the Overview, in one read (and again after every change, see the main window)."""
from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout

from huurdersgroep_app.core.services.privacy import views
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.widgets import hint


def reminder_text(past: int, without_consent: int) -> str:
    lines = [ngettext("{count} former member or contact is past the retention period: anonymise them.",
                      "{count} former members or contacts are past the retention period: anonymise them.",
                      past).format(count=past) if past else _("Nobody is past the retention period.")]
    if without_consent:
        lines.append(ngettext("{count} member has no recorded consent to being registered.",
                              "{count} members have no recorded consent to being registered.",
                              without_consent).format(count=without_consent))
    return "\n".join(lines)


class PrivacyPanel(QGroupBox):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(_("Privacy"), parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.text = hint("")
        self.text.setAccessibleName(_("Privacy"))
        layout.addWidget(self.text)
        row = QHBoxLayout()
        self.show_button = QPushButton(_("Show the list…"))
        row.addWidget(self.show_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.show_button.clicked.connect(self.show_list)

    def refresh(self) -> None:
        self.show_data(self.ctx.read(views.read_counts))

    def show_data(self, counts: views.PrivacyCounts) -> None:
        past, without_consent = counts.past_retention, counts.without_consent
        self.text.setText(reminder_text(past, without_consent))
        self.show_button.setEnabled(past > 0)

    def show_list(self) -> None:
        from huurdersgroep_app.ui.members.retention_dialog import RetentionDialog

        RetentionDialog(self.ctx, self).exec()
        self.refresh()
