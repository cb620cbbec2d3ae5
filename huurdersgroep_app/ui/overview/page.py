"""Overview: the group at a glance — members per complex and its reach, the board, who steps down
at the next annual meeting. The landlord's complexes are managed here too."""
from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (QFrame, QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout,
                               QWidget)

from huurdersgroep_app.core.services import names
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.members import complexes
from huurdersgroep_app.core.services.overview import read_overview
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.overview.cash_warning_panel import CashWarningPanel
from huurdersgroep_app.ui.overview.deadlines_panel import DeadlinesPanel
from huurdersgroep_app.ui.overview.finance_panel import FinancePanel
from huurdersgroep_app.ui.overview.funding_panel import FundingDeadlinesPanel
from huurdersgroep_app.ui.overview.meetings_panel import SHOWN as MEETINGS_SHOWN
from huurdersgroep_app.ui.overview.meetings_panel import MeetingsPanel
from huurdersgroep_app.ui.overview.privacy_panel import PrivacyPanel
from huurdersgroep_app.ui.overview.year_panel import YearPanel
from huurdersgroep_app.ui.kit.table_model import (SORT_ROLE, Column, RowsTableModel, selected_row, size_columns,
                                                  table_view)
from huurdersgroep_app.ui.kit.widgets import button_row, heading, hint


def complex_columns() -> list[Column]:
    return [Column(_("Complex"), lambda r: r.name, chars=28,
                   sort=lambda r: ("1" if r.id is None else "0") + names.fold(r.name)),  # 'No complex' last
            Column(_("Dwellings"), lambda r: str(r.dwellings) if r.dwellings else "–", sort=lambda r: r.dwellings,
                   align_right=True, chars=8),
            Column(_("Members"), lambda r: str(r.members), sort=lambda r: r.members, align_right=True, chars=8),
            Column(_("Reach"), lambda r: formats.percent(r.reach),
                   sort=lambda r: float(r.reach) if r.reach is not None else -1.0, align_right=True,
                   tooltip=lambda r: _("Members divided by dwellings"), chars=8)]


class Page(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.title = heading("")
        layout.addWidget(self.title)
        self.summary = hint("")
        layout.addWidget(self.summary)
        columns = QHBoxLayout()
        layout.addLayout(columns, 1)

        reach = QGroupBox(_("Members per complex"))
        reach_layout = QVBoxLayout(reach)
        self.model = RowsTableModel(complex_columns(), parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSourceModel(self.model)
        self.table = table_view(self.proxy)
        self.table.setAccessibleName(_("Members per complex"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setStretchLastSection(False)
        size_columns(self.table, self.model.columns)
        reach_layout.addWidget(self.table, 1)
        self.total = QLabel()
        self.total.setWordWrap(True)
        reach_layout.addWidget(self.total)
        self.add_button = QPushButton(_("Add complex…"))
        self.edit_button = QPushButton(_("Change…"))
        self.delete_button = QPushButton(_("Remove…"))
        reach_layout.addLayout(button_row(self.add_button, self.edit_button, self.delete_button))
        columns.addWidget(reach, 3)

        # The panels beside the table scroll together: on a small or scaled screen they keep their
        # full text instead of being squeezed and clipped.
        side_widget = QWidget()
        side = QVBoxLayout(side_widget)
        side.setContentsMargins(0, 0, 0, 0)
        self.year_panel = YearPanel(ctx)
        side.addWidget(self.year_panel)  # what is due this year, and the set-up still to do
        # The annual meeting comes first: it is the first condition of every funder.
        self.meetings_panel = MeetingsPanel(ctx)
        side.addWidget(self.meetings_panel)
        self.deadlines = DeadlinesPanel(ctx)
        side.addWidget(self.deadlines)
        self.funding_panel = FundingDeadlinesPanel(ctx)
        side.addWidget(self.funding_panel)
        board_box = QGroupBox(_("Board"))
        board_layout = QVBoxLayout(board_box)
        self.board_text = hint("")
        board_layout.addWidget(self.board_text)
        side.addWidget(board_box)
        rota_box = QGroupBox(_("Next annual meeting"))
        rota_layout = QVBoxLayout(rota_box)
        self.rota_text = hint("")
        rota_layout.addWidget(self.rota_text)
        side.addWidget(rota_box)
        self.finance_panel = FinancePanel(ctx)
        side.addWidget(self.finance_panel)
        self.cash_panel = CashWarningPanel(ctx)
        side.addWidget(self.cash_panel)
        self.privacy_panel = PrivacyPanel(ctx)
        side.addWidget(self.privacy_panel)
        side.addStretch(1)
        side_scroll = QScrollArea()
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_scroll.setWidget(side_widget)
        columns.addWidget(side_scroll, 2)

        self.add_button.clicked.connect(self.add_complex)
        self.edit_button.clicked.connect(self.edit_complex)
        self.delete_button.clicked.connect(self.delete_complex)
        self.table.doubleClicked.connect(lambda _index: self.edit_complex())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def refresh(self) -> None:
        data = self.ctx.read(read_overview, meetings_shown=MEETINGS_SHOWN)
        for panel, part in ((self.year_panel, data.year), (self.meetings_panel, data.meetings),
                            (self.deadlines, data.deadlines), (self.funding_panel, data.funding),
                            (self.finance_panel, data.money), (self.cash_panel, data.cash_warnings),
                            (self.privacy_panel, data.privacy)):
            panel.show_data(part)
        snap = data.group
        self.title.setText(snap.group)
        self.summary.setText(ngettext("{count} current member.", "{count} current members.",
                                      snap.total.members).format(count=snap.total.members))
        self.model.set_rows(snap.complexes)
        if snap.total.dwellings:
            self.total.setText(" ".join(filter(None, [_(
                "All complexes: {members} members in {dwellings} dwellings, a reach of {reach}.").format(
                members=snap.total.counted, dwellings=snap.total.dwellings, reach=formats.percent(snap.total.reach)),
                complexes.reach_note(snap.total)])))
        else:
            self.total.setText(_("Fill in the number of dwellings of each complex to see the group's reach."))
        if snap.offices:
            self.board_text.setText("\n".join(
                _("{office}: {name}, until {date}").format(office=office, name=name, date=formats.short_date(end))
                if end else f"{office}: {name}" for office, name, end in snap.offices))
        else:
            self.board_text.setText(_("No board offices yet. Add them on the Board page."))
        when = formats.long_date(snap.meeting)
        if snap.due:
            names = "\n".join(f"• {entry.member_name} ({board.role_label(entry.role).lower()})" for entry in snap.due)
            self.rota_text.setText(_("At the annual meeting of {date} these board members reach the end of their "
                                     "term:\n{names}").format(date=when, names=names))
        else:
            self.rota_text.setText(_("Nobody reaches the end of their term at the annual meeting of {date}.").format(
                date=when))
        self._update_buttons()

    def _selected(self):
        row = selected_row(self.table)
        return row if row is not None and row.id is not None else None

    def _update_buttons(self, *_args) -> None:
        chosen = self._selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def add_complex(self) -> None:
        from huurdersgroep_app.ui.members.complex_dialog import ComplexDialog

        ComplexDialog(self.ctx, parent=self).exec()

    def edit_complex(self) -> None:
        row = self._selected()
        if row is None:
            return
        from huurdersgroep_app.ui.members.complex_dialog import ComplexDialog

        ComplexDialog(self.ctx, row.id, parent=self).exec()

    def delete_complex(self) -> None:
        row = self._selected()
        if row is None:
            return
        question = _(
            "Remove the complex '{name}'? Its {count} members stay in the register, without a complex.").format(
            name=row.name, count=row.members)
        if self.ctx.ask(question, self):
            self.ctx.run(complexes.delete_complex, row.id, parent=self)
