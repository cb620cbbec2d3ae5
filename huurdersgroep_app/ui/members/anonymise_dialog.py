"""Anonymise a former member: the dialog says, before anything changes, what goes and what is kept
(bookings keep their amount and date; minutes of approved meetings keep the name where they were
published), and lists the places in the minutes that still hold the name."""
from __future__ import annotations


from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.privacy import anonymise
from huurdersgroep_app.core.services.privacy import views as privacy_views
from huurdersgroep_app.core.services.privacy.views import AnonymisePreview
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.kit.widgets import heading, hint


def explanation(preview: AnonymisePreview) -> str:
    lines = [
        _("{name} left on {date}. Anonymising removes their name, address, contact details, bank account and "
          "notes; from then on they are called '{new}'.").format(
            name=preview.name, date=formats.long_date(preview.left_on) if preview.left_on else "–",
            new=preview.new_name),
        "",
        _("What is kept:"),
        "• " + _("Bookings keep their amount and date; attendance and dues stay, under the new name."),
        "• " + _("Bookings in a closed financial year keep the name on their bank line: closed books are locked."),
        "• " + _("Minutes of approved meetings keep the name where they were published."),
        "",
        _("This cannot be undone."),
    ]
    if preview.mentions:
        lines[-1:-1] = [_("The name is written in these places, which stay as they are:"),
                        *(f"• {place}" for place in preview.mentions[:10]), ""]
    return "\n".join(lines)


class AnonymiseDialog(QDialog):
    def __init__(self, ctx: AppContext, member_id: int, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.result_value: anonymise.AnonymiseResult | None = None
        self.preview = ctx.read(privacy_views.read_preview, member_id)
        self.setWindowTitle(_("Anonymise former member: {name}").format(name=self.preview.name))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Anonymise {name}").format(name=self.preview.name), level=2))
        self.text = hint(explanation(self.preview))
        self.text.setAccessibleName(_("What anonymising does"))
        layout.addWidget(self.text)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.addButton(_("Anonymise"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().height() * 32)

    def save(self) -> bool:
        try:
            self.result_value = self.ctx.call(anonymise.anonymise_member, self.member_id)
        except DomainError as exc:  # a current member, or one already anonymised: said here, nothing changed
            self.problem.setText(exc.message)
            self.problem.show()
            return False
        self.accept()
        self.ctx.show_info(_("{name} is now '{new}'.").format(name=self.preview.name, new=self.result_value.label)
                           + "\n\n" + "\n".join(self.result_value.kept), self.parentWidget())
        return True
