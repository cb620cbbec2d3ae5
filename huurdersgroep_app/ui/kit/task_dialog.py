"""The small window of a long task (ui/tasks.py): what is being done, how far, and Cancel where
stopping is safe. It appears only for work that takes longer than half a second."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout

from huurdersgroep_app import i18n
from huurdersgroep_app.i18n import _


class TaskDialog(QDialog):
    cancel_requested = Signal()

    def __init__(self, label: str, cancellable: bool, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Please wait"))
        self.setWindowModality(Qt.WindowModality.WindowModal if parent is not None
                               else Qt.WindowModality.ApplicationModal)
        # No close button in the title bar: the work ends by itself, or through Cancel.
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        layout = QVBoxLayout(self)
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the work says how much there is
        layout.addWidget(self.bar)
        self.count = QLabel("")
        layout.addWidget(self.count)
        self.buttons = QDialogButtonBox()
        self.cancel_button = None
        if cancellable:
            self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
            self.cancel_button.clicked.connect(self.cancel_requested.emit)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 50)

    def show_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.count.setText(_("{done} of {total}").format(done=i18n.format_number(done),
                                                             total=i18n.format_number(total)))
        else:
            self.bar.setRange(0, 0)
            self.count.setText("")

    def set_cancelling(self) -> None:
        self.label.setText(_("Stopping…"))
        if self.cancel_button is not None:
            self.cancel_button.setEnabled(False)

    def reject(self) -> None:  # Escape asks to cancel; the dialog closes when the work has stopped
        if self.cancel_button is not None:
            self.cancel_requested.emit()
