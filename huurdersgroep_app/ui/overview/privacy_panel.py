"""The privacy reminder on the Overview: how many former members and contacts are past their
retention period, and the way to the list where one action anonymises them. The panel keeps
itself current (when shown and after every change), so the page only adds it."""
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
        ctx.data_changed.connect(self._changed)
        self.refresh()
        # The panel is shown right after it is built: that first showEvent would read the counts
        # again (on 10,000 members a tenth of the first page's data time).
        self._just_built = True

    def _changed(self) -> None:
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if not self._just_built:
            self.refresh()
        self._just_built = False
        super().showEvent(event)

    def refresh(self) -> None:
        counts = self.ctx.read(views.read_counts)
        past, without_consent = counts.past_retention, counts.without_consent
        self.text.setText(reminder_text(past, without_consent))
        self.show_button.setEnabled(past > 0)

    def show_list(self) -> None:
        from huurdersgroep_app.ui.members.retention_dialog import RetentionDialog

        RetentionDialog(self.ctx, self).exec()
        self.refresh()
