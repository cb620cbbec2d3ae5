"""The Discharge and elections tab of an annual (or members') meeting: the discharge of the board
for a financial year, and board elections — the seats whose terms end (from the retirement
rota), candidates, votes or acclamation, ballot papers, and applying the result to the board."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QGroupBox, QHBoxLayout, QLabel, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout)

from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.meetings import elections
from huurdersgroep_app.core.services.meetings.record import MeetingRecord
from huurdersgroep_app.core.services.meetings.lifecycle import HELD_STATUSES
from huurdersgroep_app.core.services.meetings import views
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.meetings import documents as docs
from huurdersgroep_app.ui.meetings.ballot_options import BallotOptions
from huurdersgroep_app.ui.meetings.tab import MeetingTab, button_column, button_row, set_signal
from huurdersgroep_app.ui.kit.table_columns import section_width
from huurdersgroep_app.ui.kit.widgets import hint

ELECTION_ROLE = Qt.ItemDataRole.UserRole
MEMBER_ROLE = Qt.ItemDataRole.UserRole + 1


def election_title(result) -> str:
    how = _("by acclamation") if result.method == "acclamation" else _("by vote")
    return ngettext("{office}: {n} seat, {how}", "{office}: {n} seats, {how}", result.seats).format(
        office=board.role_label(result.role), n=result.seats, how=how)


class ElectionsTab(MeetingTab):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.free_seats: list = []
        self.details: dict = {}
        layout = QVBoxLayout(self)

        discharge = QGroupBox(_("Discharge of the board"))
        box = QVBoxLayout(discharge)
        box.addWidget(hint(_("After the financial report and the audit committee's report, the meeting releases the "
                             "board for the past financial year. Funders ask for this decision.")))
        self.discharge_text = QLabel()
        self.discharge_text.setWordWrap(True)
        box.addWidget(self.discharge_text)
        self.discharge_button = QPushButton(_("Record the discharge…"))
        box.addLayout(button_row(self.discharge_button))
        layout.addWidget(discharge)

        voting = QGroupBox(_("Elections"))
        box = QVBoxLayout(voting)
        self.seats_text = hint("")
        box.addWidget(self.seats_text)
        row = QHBoxLayout()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([_("Election and candidates"), _("Votes"), _("Result")])
        self.tree.setAccessibleName(_("Elections"))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setStyleSheet("QTreeWidget::item { padding: 3px 0; }")
        # Never narrower than the header's text: in Dutch "Stemmen" was cut at 10 characters' width.
        for number, chars in ((0, 48), (1, 10)):
            title = self.tree.headerItem().text(number)
            self.tree.setColumnWidth(number, max(self.fontMetrics().averageCharWidth() * chars,
                                                 section_width(self.tree.header(), title)))
        row.addWidget(self.tree, 1)
        self.new_button = QPushButton(_("New election…"))
        self.candidate_button = QPushButton(_("Add a candidate…"))
        self.remove_candidate_button = QPushButton(_("Remove the candidate"))
        self.votes_button = QPushButton(_("Record the votes…"))
        self.acclamation_button = QPushButton(_("Elected by acclamation"))
        self.apply_button = QPushButton(_("Apply the result to the board…"))
        self.ballot_options = BallotOptions(self)
        self.ballot_button = docs.document_button(ctx, _("Ballot papers"), lambda fmt: docs.ballot_writer(
            self.meeting_id, self.ballot_options.per_page(), self.ballot_options.copies()),
            lambda: docs.meeting_file_name(self.record, _("ballot-papers")), self)
        row.addLayout(button_column(self.new_button, self.candidate_button, self.remove_candidate_button, None,
                                    self.votes_button, self.acclamation_button, self.apply_button, None,
                                    self.ballot_button, self.ballot_options))
        box.addLayout(row, 1)
        self.result_text = QLabel()
        self.result_text.setWordWrap(True)
        box.addWidget(self.result_text)
        layout.addWidget(voting, 1)

        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.discharge_button.clicked.connect(self.record_discharge)
        self.new_button.clicked.connect(self.new_election)
        self.candidate_button.clicked.connect(self.add_candidate)
        self.remove_candidate_button.clicked.connect(self.remove_candidate)
        self.votes_button.clicked.connect(self.record_votes)
        self.acclamation_button.clicked.connect(self.acclamation)
        self.apply_button.clicked.connect(self.apply_result)

    # -- showing -----------------------------------------------------------------------------------------
    def fill(self, record: MeetingRecord) -> None:
        granted = [d for d in record.decisions if d.kind == "discharge"]
        if granted:
            set_signal(self.discharge_text, True, "\n".join(_("Decision {label}: {text} ({vote})").format(
                label=d.label, text=d.text, vote=d.vote) for d in granted))
        else:
            set_signal(self.discharge_text, None, _("No discharge recorded at this meeting yet."))
        self.discharge_button.setEnabled(self.editable)
        keep = self.selected()
        self.tree.clear()
        for result in record.elections:
            node = QTreeWidgetItem([election_title(result), "", ""])
            node.setData(0, ELECTION_ROLE, result.election_id)
            font = node.font(0)
            font.setBold(True)
            node.setFont(0, font)
            for candidate in result.candidates:
                child = QTreeWidgetItem([candidate.name, "" if candidate.votes is None else str(candidate.votes),
                                         _("elected") if candidate.elected else ""])
                child.setData(0, ELECTION_ROLE, result.election_id)
                child.setData(0, MEMBER_ROLE, candidate.member_id)
                node.addChild(child)
            self.tree.addTopLevelItem(node)
            node.setFirstColumnSpanned(True)
            node.setExpanded(True)
        if keep is not None:
            self._select(*keep)
        elif self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))  # its result shows at once
        self._update_buttons()

    def load_extra(self) -> None:
        ids = [e.election_id for e in self.record.elections]
        view = self.ctx.read(views.read_election_details, self.meeting_id, ids)
        seats, self.free_seats, self.details = view.seats, view.free_seats, view.details
        self.ballot_options.suggest_copies(self.meeting_id, self.ctx.read(elections.voters_at, self.meeting_id))
        if seats:
            self.seats_text.setText(_("Terms that end at this meeting: {names}.").format(names="; ".join(
                _("{name} ({office}, until {date})").format(name=s.member_name, office=board.role_label(s.role).lower(),
                                                            date=formats.short_date(s.planned_end_on))
                for s in seats)))
        else:
            self.seats_text.setText(_("No board terms end at this meeting (retirement rota on the Board page)."))
        self._update_buttons()

    def selected(self) -> tuple[int, int | None] | None:
        nodes = self.tree.selectedItems()
        if not nodes:
            return None
        return nodes[0].data(0, ELECTION_ROLE), nodes[0].data(0, MEMBER_ROLE)

    def _select(self, election_id: int, member_id: int | None) -> None:
        for n in range(self.tree.topLevelItemCount()):
            node = self.tree.topLevelItem(n)
            if node.data(0, ELECTION_ROLE) != election_id:
                continue
            if member_id is None:
                self.tree.setCurrentItem(node)
            for c in range(node.childCount()):
                if node.child(c).data(0, MEMBER_ROLE) == member_id:
                    self.tree.setCurrentItem(node.child(c))

    def selected_result(self):
        chosen = self.selected()
        if chosen is None or self.record is None:
            return None
        return next((e for e in self.record.elections if e.election_id == chosen[0]), None)

    def _update_buttons(self) -> None:
        result, chosen = self.selected_result(), self.selected()
        applied = result is not None and self.details.get(result.election_id, ((), None))[1] is not None
        open_ = self.editable and result is not None and not applied
        self.new_button.setEnabled(self.editable)
        self.candidate_button.setEnabled(open_)
        self.remove_candidate_button.setEnabled(open_ and chosen[1] is not None)
        self.votes_button.setEnabled(open_ and bool(result.candidates))
        self.acclamation_button.setEnabled(open_ and bool(result.candidates))
        self.apply_button.setEnabled(open_ and self.record.status in HELD_STATUSES)
        self.apply_button.setToolTip("" if self.record is None or self.record.status in HELD_STATUSES else
                                     _("Mark the meeting as held first."))
        if result is None:
            self.result_text.setText(_("Select an election to see its result."))
            self.result_text.setStyleSheet("")
            return
        retiring, applied_on = self.details.get(result.election_id, ([], None))
        lines = [result.text]
        if retiring:
            lines.append(_("Stepping down: {names}.").format(names=", ".join(retiring)))
        if applied_on is not None:
            lines.append(_("The result was applied to the board on {date}.").format(
                date=formats.short_date(applied_on)))
        set_signal(self.result_text, False if result.problems else (True if applied_on else None),
                   "\n".join(result.problems + lines))

    # -- actions -----------------------------------------------------------------------------------------
    def record_discharge(self) -> None:
        from huurdersgroep_app.ui.meetings.decision_dialog import DischargeDialog

        DischargeDialog(self.ctx, self.record, parent=self).exec()

    def new_election(self) -> None:
        from huurdersgroep_app.ui.meetings.election_dialog import NewElectionDialog

        self.refresh_extra()
        NewElectionDialog(self.ctx, self.meeting_id, self.free_seats, parent=self).exec()

    def add_candidate(self) -> None:
        result = self.selected_result()
        if result is not None:
            from huurdersgroep_app.ui.meetings.election_dialog import CandidateDialog

            CandidateDialog(self.ctx, result.election_id, parent=self).exec()

    def remove_candidate(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen[1] is not None:
            self.ctx.run(elections.remove_candidate, chosen[0], chosen[1], parent=self)

    def record_votes(self) -> None:
        result = self.selected_result()
        if result is not None:
            from huurdersgroep_app.ui.meetings.election_dialog import VotesDialog

            VotesDialog(self.ctx, result, parent=self).exec()

    def acclamation(self) -> None:
        result = self.selected_result()
        if result is not None:
            self.ctx.run(elections.elect_by_acclamation, result.election_id, parent=self)

    def apply_result(self) -> bool:
        result = self.selected_result()
        if result is None or not self.ctx.ask(_("Apply the result? The terms of those stepping down end, and the "
                                                 "elected members start their term on the day of the meeting. {text}")
                                               .format(text=result.text), self):
            return False
        return bool(self.ctx.run(elections.apply_election, result.election_id, parent=self))
