"""Elections at an annual or members' meeting: a new election for the seats whose terms end, a
candidate, and the counted votes."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QLabel, QListWidget, QListWidgetItem, QSpinBox,
                               QVBoxLayout)

from huurdersgroep_app.core.services.members.board import OFFICE_ROLES
from huurdersgroep_app.core.errors import ValidationError
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.meetings import elections
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.form_actions import dialog_buttons, save_and_close
from huurdersgroep_app.ui.kit.choices import combo_value, member_combo
from huurdersgroep_app.ui.kit.widgets import Form, error_label, fit_to_screen, hint


class _ElectionForm(QDialog):
    def __init__(self, ctx: AppContext, title: str, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.form = Form()
        self.general_error = error_label()

    def finish(self, width: int = 34, height: int = 16) -> None:
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.general_error)
        self.layout_.addWidget(dialog_buttons(self))
        fit_to_screen(self, width, height)

    def submit(self):
        raise NotImplementedError

    def save(self) -> bool:
        return save_and_close(self, self.form.errors, self.submit, self.general_error).ok


class NewElectionDialog(_ElectionForm):
    """``seats``: the open seats of the meeting (RotaEntry) not yet in another election."""

    def __init__(self, ctx: AppContext, meeting_id: int, seats: list, parent=None):
        super().__init__(ctx, _("New election"), parent)
        self.meeting_id = meeting_id
        self.role = QComboBox()
        for role in OFFICE_ROLES:
            self.role.addItem(board.role_label(role), role)
        self.role.setCurrentIndex(max(self.role.findData("board_member"), 0))
        self.form.add("role", _("Office"), self.role)
        self.retiring = QListWidget()
        self.retiring.setAccessibleName(_("Terms that end"))
        self.retiring.setMaximumHeight(self.fontMetrics().height() * 7)
        for seat in seats:
            entry = QListWidgetItem(_("{name} ({office}, until {date})").format(
                name=seat.member_name, office=board.role_label(seat.role).lower(),
                date=formats.short_date(seat.planned_end_on)))
            entry.setData(Qt.ItemDataRole.UserRole, seat.office_id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked)
            self.retiring.addItem(entry)
        if seats:
            self.form.add("retiring_office_ids", _("Terms that end"), self.retiring)
        else:
            self.form.add("retiring_office_ids", _("Terms that end"), hint(_("No terms end at this meeting.")))
        self.seats = QSpinBox()
        self.seats.setRange(1, 99)
        self.seats.setValue(max(1, len(seats)))
        self.form.add("seats", _("Seats to fill"), self.seats)
        self.retiring.itemChanged.connect(lambda _i: self.seats.setValue(max(1, len(self.retiring_ids()))))
        self.finish(46, 18)

    def retiring_ids(self) -> list[int]:
        return [self.retiring.item(n).data(Qt.ItemDataRole.UserRole) for n in range(self.retiring.count())
                if self.retiring.item(n).checkState() == Qt.CheckState.Checked]

    def submit(self):
        return self.ctx.call(elections.create_election, self.meeting_id, self.role.currentData(), self.seats.value(),
                             self.retiring_ids())


class CandidateDialog(_ElectionForm):
    def __init__(self, ctx: AppContext, election_id: int, parent=None):
        super().__init__(ctx, _("Add a candidate"), parent)
        self.election_id = election_id
        people = ctx.read(members.member_choices)
        self.layout_.addWidget(hint(_("The app checks that the candidate may stand (a member, and a tenant where "
                                      "the rules ask for it).")))
        self.member = self.form.add("member_id", _("Candidate"), member_combo(people, ""))
        self.finish()

    def submit(self):
        member_id = combo_value(self.member)
        if member_id is None:
            raise ValidationError({"member_id": _("Choose a member from the list.")})
        return self.ctx.call(elections.add_candidate, self.election_id, member_id)


class VotesDialog(_ElectionForm):
    """``result``: the ElectionResult whose candidates get their votes."""

    def __init__(self, ctx: AppContext, result, parent=None):
        super().__init__(ctx, _("Record the votes"), parent)
        self.result = result
        self.layout_.addWidget(hint(_("Count the ballot papers, then fill in the votes of each candidate.")))
        self.votes: dict[int, QSpinBox] = {}
        for candidate in result.candidates:
            spin = QSpinBox()
            spin.setRange(0, 100000)
            spin.setValue(candidate.votes or 0)
            self.votes[candidate.member_id] = self.form.add(f"votes_{candidate.member_id}", candidate.name, spin)
        self.form.errors.fields["votes"] = next(iter(self.votes.values()), QLabel())
        self.cast = QSpinBox()
        self.cast.setRange(0, 100000)
        self.form.add("ballots_cast", _("Ballot papers handed in"), self.cast)
        self.cast.setValue(result.ballots_cast or 0)
        self.blank = QSpinBox()
        self.blank.setRange(0, 100000)
        self.blank.setValue(result.ballots_blank)
        self.form.add("ballots_blank", _("Blank ballot papers"), self.blank)
        self.invalid = QSpinBox()
        self.invalid.setRange(0, 100000)
        self.invalid.setValue(result.ballots_invalid)
        self.form.add("ballots_invalid", _("Invalid ballot papers"), self.invalid)
        self.layout_.addWidget(hint(_("Every paper handed in is counted once: valid, blank or invalid.")))
        self.finish(30, 12 + 2 * len(self.votes))

    def submit(self):
        cast = self.cast.value() or None  # 0: not counted; the turnout check then does not apply
        return self.ctx.call(elections.record_votes, self.result.election_id,
                             {mid: spin.value() for mid, spin in self.votes.items()}, cast, self.blank.value(),
                             self.invalid.value())
