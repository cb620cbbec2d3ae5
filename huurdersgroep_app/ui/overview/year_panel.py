"""The year of the group, on top of the Overview: what is due this year in one strip — the set-up
still to do (with the first-run guide), the annual meeting, the budget, the funders' and the advice
deadlines. The page fills it with the rest of the Overview, in one read."""
from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from huurdersgroep_app.core.services.year_of_group import YearOfGroup, year_of_group
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.meetings.tab import set_signal


class YearPanel(QGroupBox):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(_("The year of the group"), parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.lines_layout = QVBoxLayout()
        layout.addLayout(self.lines_layout)
        row = QHBoxLayout()
        self.guide_button = QPushButton(_("First steps…"))
        self.guide_button.clicked.connect(lambda: self.ctx.open_first_steps(self.window()))
        row.addWidget(self.guide_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.labels: dict[str, QLabel] = {}

    def refresh(self) -> None:
        self.show_data(self.ctx.read(year_of_group))

    def show_data(self, year: YearOfGroup) -> None:
        self.setTitle(_("The year of the group: {year}").format(year=year.year))
        for label in self.labels.values():
            label.deleteLater()
        self.labels = {}
        for line in year.lines:
            label = QLabel()
            label.setWordWrap(True)
            set_signal(label, line.signal, line.text)
            self.lines_layout.addWidget(label)
            self.labels[line.key] = label
        self.guide_button.setVisible(year.setup_left > 0)
