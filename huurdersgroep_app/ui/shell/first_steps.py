"""The first-run guide: the five things a new group sets up, each with a button that opens the
place where it is done and a tick once the file holds it. Shown after a group is created, and
again from the Help menu or the Overview until everything is ticked. The ticks are read again
whenever the data changes, so the guide can stay open beside the window."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QPushButton, QVBoxLayout

from huurdersgroep_app.core.services import first_steps
from huurdersgroep_app.i18n import N_, _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.widgets import fit_to_screen, heading, hint

OK_COLOUR = "#1b5e20"  # the dark green of the meetings signals, above 7:1 on white

# Where each step is done: a page of ui.pages and, on a page with tabs, the tab.
PLACES = {"board": ("board", None), "complexes": ("overview", None), "members": ("members", None),
          "bank": ("finance", "accounts"), "landlord": ("settings", None)}
BUTTONS = {"board": N_("Open the board"), "complexes": N_("Open the complexes"), "members": N_("Open the members"),
           "bank": N_("Open the accounts"), "landlord": N_("Open the group's details")}


class FirstStepsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("First steps"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Setting up your group"), 2))
        layout.addWidget(hint(_("Five things to set up before the group's year can run. Each button opens the "
                                "place where it is done; the tick appears once it is done. You find this list "
                                "again in the Help menu and on the Overview.")))
        grid = QGridLayout()
        self.ticks: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        for row, step in enumerate(self.ctx.read(first_steps.first_steps)):
            tick = QLabel()
            text = QLabel(f"<b>{step.label}</b><br>{step.explanation}")
            text.setWordWrap(True)
            button = QPushButton(_(BUTTONS[step.key]))
            button.clicked.connect(lambda _checked=False, key=step.key: self.open_place(key))
            grid.addWidget(tick, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, row, 1)
            grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
            self.ticks[step.key], self.buttons[step.key] = tick, button
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.summary = hint("")
        layout.addWidget(self.summary)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        ctx.data_changed.connect(self.refresh)
        self.refresh()
        fit_to_screen(self, 44, 26)

    def refresh(self) -> None:
        steps = self.ctx.read(first_steps.first_steps)
        for step in steps:
            tick = self.ticks[step.key]
            tick.setText("✔" if step.done else "○")
            tick.setAccessibleName(_("done") if step.done else _("still to do"))
            tick.setStyleSheet(f"color: {OK_COLOUR}; font-weight: bold;" if step.done else "")
        left = sum(not step.done for step in steps)
        self.summary.setText(_("Everything is set up.") if not left else
                             _("{done} of {total} done.").format(done=len(steps) - left, total=len(steps)))

    def open_place(self, key: str) -> None:
        page, tab = PLACES[key]
        self.ctx.show_page(page, tab)
