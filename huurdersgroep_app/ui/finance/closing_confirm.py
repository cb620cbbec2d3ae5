"""Before a year is closed: what the books cannot prove (statements missing from the series, months
without a bank line, a 1 January balance taken from a later statement), one tick box each. The year
closes only when every one is ticked: a single "yes" to a list is too easily given unread."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.kit.widgets import fit_to_screen, heading, hint


class ConfirmClosingDialog(QDialog):
    def __init__(self, year: int, questions: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Close the year {year}").format(year=year))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Confirm before closing {year}").format(year=year), 2))
        layout.addWidget(hint(_("The books cannot show these by themselves. Tick each one you have checked; "
                                "after closing, nothing in {year} can be changed and corrections go into "
                                "{next}.").format(year=year, next=year + 1)))
        self.boxes: list[QCheckBox] = []
        for question in questions:
            box = QCheckBox(_("Checked"))
            box.setAccessibleName(question)
            text = QLabel(question)
            text.setWordWrap(True)
            text.setBuddy(box)
            layout.addWidget(text)
            layout.addWidget(box)
            box.toggled.connect(self._update)
            self.boxes.append(box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(_("Close the year {year}").format(year=year),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._update()
        fit_to_screen(self, 46, 30)

    def _update(self, *_args) -> None:
        self.close_button.setEnabled(all(box.isChecked() for box in self.boxes))
