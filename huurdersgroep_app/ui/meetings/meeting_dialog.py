"""Plan a meeting or change its details: type, date and times, place, chair, minute-taker, who is
invited (and which contacts), the quorum rule. The meetings service checks everything."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLineEdit,
                               QListWidget, QListWidgetItem, QPlainTextEdit, QScrollArea, QSpinBox, QVBoxLayout,
                               QWidget)

from huurdersgroep_app.core.services.meetings.lifecycle import AUDIENCES, MEETING_TYPES
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings.lifecycle import MeetingInput, QuorumRule
from huurdersgroep_app.core.services.meetings import views
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.choices import combo_value, member_combo
from huurdersgroep_app.ui.kit.form_actions import dialog_buttons, save_and_close
from huurdersgroep_app.ui.kit.widgets import DateField, Form, error_label, fit_to_screen, hint


class MeetingDialog(QDialog):
    def __init__(self, ctx: AppContext, meeting_id: int | None = None, kind: str = "board", parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.saved_id: int | None = None
        self.choices = ctx.read(views.read_choices, meeting_id)
        current = self.choices.current
        annual = (current.type if current else kind) == "annual"
        if meeting_id is None:
            self.setWindowTitle(_("New annual meeting") if annual else _("New meeting"))
        else:
            self.setWindowTitle(_("Change the meeting"))

        self.form = Form()
        self.type = QComboBox()
        for code in MEETING_TYPES:
            self.type.addItem(meetings.type_label(code), code)
        self.form.add("type", _("Type of meeting"), self.type)
        self.title = self.form.add("title", _("Title (if it needs one)"), QLineEdit())
        self.title.setPlaceholderText(_("e.g. Tenants' evening on the renovation"))
        self.scheduled_on = self.form.add("scheduled_on", _("Date"), DateField())
        times = QWidget()
        row = QHBoxLayout(times)
        row.setContentsMargins(0, 0, 0, 0)
        self.start_time, self.end_time = QLineEdit(), QLineEdit()
        for field, placeholder, name in ((self.start_time, "19:30", _("Starts at")),
                                         (self.end_time, "21:30", _("Ends at"))):
            field.setPlaceholderText(placeholder)
            field.setAccessibleName(name)
            field.setMaximumWidth(self.fontMetrics().averageCharWidth() * 10)
        row.addWidget(self.start_time)
        row.addWidget(hint(_("until")))
        row.addWidget(self.end_time)
        row.addStretch(1)
        self.form.add("start_time", _("Time"), times)
        self.form.errors.fields["end_time"] = self.end_time
        self.form.errors.labels["end_time"] = self.form.errors.labels["start_time"]
        self.place = self.form.add("place", _("Place"), QLineEdit())
        self.chair = self.form.add("chair_id", _("Chair"), member_combo(self.choices.members,
                                                                         _("The chair in office")))
        self.minute_taker = self.form.add("minute_taker_id", _("Minute-taker"),
                                          member_combo(self.choices.members, _("The secretary in office")))
        self.audience = QComboBox()
        for code in AUDIENCES:
            self.audience.addItem(meetings.audience_label(code), code)
        self.form.add("audience", _("Who is invited"), self.audience)
        self.contacts = QListWidget()
        self.contacts.setAccessibleName(_("Invited contacts"))
        self.contacts.setMaximumHeight(self.fontMetrics().height() * 6)
        for contact_id, label in self.choices.contacts:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, contact_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.contacts.addItem(item)
        if not self.choices.contacts:
            self.contacts.setVisible(False)
            self.form.add("contact_ids", _("Invited contacts"), hint(_("No contacts yet (landlord staff, experts).")))
        else:
            self.form.add("contact_ids", _("Invited contacts"), self.contacts)
        self._quorum_row()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(self.fontMetrics().height() * 4)
        self.form.add("notes", _("Notes"), self.notes)
        self.annual_hint = hint(_("The agenda starts from the annual meeting template of the rules. All tenants of "
                                  "the area are invited, members or not."))

        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addLayout(self.form)
        inner.addWidget(self.annual_hint)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.general_error = error_label()
        buttons = dialog_buttons(self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

        self.type.currentIndexChanged.connect(self._type_changed)
        self.quorum_kind.currentIndexChanged.connect(self._quorum_kind_changed)
        self._fill(current or MeetingInput(kind, None))
        if meeting_id is None:
            self._type_changed()
        self.type.setEnabled(meeting_id is None or not annual)
        self.scheduled_on.setFocus()
        fit_to_screen(self, 52, 38)

    def _quorum_row(self) -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        column.addLayout(row)
        column.addWidget(hint(_("Counted among the board members at a board meeting, among all members otherwise.")))
        self.quorum_kind = QComboBox()
        for code, label in (("none", _("No quorum")), ("count", _("At least this many people")),
                            ("percent", _("At least this percentage"))):
            self.quorum_kind.addItem(label, code)
        self.quorum_kind.setAccessibleName(_("Quorum"))
        self.quorum_value = QSpinBox()
        self.quorum_value.setRange(0, 100000)
        self.quorum_value.setAccessibleName(_("Quorum number"))
        self.proxies_count = QCheckBox(_("proxies count"))
        row.addWidget(self.quorum_kind, 1)
        row.addWidget(self.quorum_value)
        row.addWidget(self.proxies_count)
        self.form.add("quorum_kind", _("Quorum"), box)
        self.form.errors.fields["quorum_value"] = self.quorum_value
        self.form.errors.labels["quorum_value"] = self.form.errors.labels["quorum_kind"]


    # -- filling and reading -------------------------------------------------------------------------
    def _fill(self, data: MeetingInput) -> None:
        self.type.setCurrentIndex(max(self.type.findData(data.type), 0))
        self.title.setText(data.title)
        self.scheduled_on.set_date(data.scheduled_on if isinstance(data.scheduled_on, date) else None)
        self.start_time.setText(str(data.start_time or ""))
        self.end_time.setText(str(data.end_time or ""))
        self.place.setText(data.place)
        for box, value in ((self.chair, data.chair_id), (self.minute_taker, data.minute_taker_id)):
            box.setCurrentIndex(max(box.findData(value), 0) if value is not None else 0)
        self.audience.setCurrentIndex(max(self.audience.findData(data.audience), 0))
        for number in range(self.contacts.count()):
            item = self.contacts.item(number)
            checked = item.data(Qt.ItemDataRole.UserRole) in data.contact_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._set_quorum(data.quorum or self.choices.quorum.get(data.type, QuorumRule()))
        self.notes.setPlainText(data.notes)
        self.annual_hint.setVisible(data.type == "annual")

    def _set_quorum(self, rule: QuorumRule) -> None:
        self.quorum_kind.setCurrentIndex(max(self.quorum_kind.findData(rule.kind), 0))
        self.quorum_value.setValue(rule.value)
        self.proxies_count.setChecked(rule.proxies_count)
        self._quorum_kind_changed()

    def _type_changed(self, *_args) -> None:
        kind = self.type.currentData()
        self.audience.setCurrentIndex(max(self.audience.findData(meetings.DEFAULT_AUDIENCE.get(kind, "members")), 0))
        self.audience.setEnabled(kind != "annual")
        self.annual_hint.setVisible(kind == "annual")
        if self.meeting_id is None:
            self._set_quorum(self.choices.quorum.get(kind, QuorumRule()))

    def _quorum_kind_changed(self, *_args) -> None:
        kind = self.quorum_kind.currentData()
        self.quorum_value.setEnabled(kind != "none")
        self.quorum_value.setSuffix(" %" if kind == "percent" else "")

    def meeting_input(self) -> MeetingInput:
        contact_ids = [self.contacts.item(n).data(Qt.ItemDataRole.UserRole) for n in range(self.contacts.count())
                       if self.contacts.item(n).checkState() == Qt.CheckState.Checked]
        kind = self.quorum_kind.currentData()
        # Proxies count in the votes even where no quorum is required (the annual meeting's usual rule):
        # the box stays as ticked, else editing such a meeting silently took its proxies away.
        quorum = QuorumRule(kind, self.quorum_value.value() if kind != "none" else 0, self.proxies_count.isChecked())
        return MeetingInput(type=self.type.currentData(), scheduled_on=self.scheduled_on.text(),
                            start_time=self.start_time.text().strip(), end_time=self.end_time.text().strip(),
                            title=self.title.text(), place=self.place.text(), chair_id=combo_value(self.chair),
                            minute_taker_id=combo_value(self.minute_taker), audience=self.audience.currentData(),
                            notes=self.notes.toPlainText(), quorum=quorum, contact_ids=contact_ids)

    def _unknown_names(self) -> dict[str, str]:
        problems = {}
        for key, box in (("chair_id", self.chair), ("minute_taker_id", self.minute_taker)):
            text = box.currentText().strip()
            if text and text != box.itemText(0) and combo_value(box) is None:
                problems[key] = _("Choose a member from the list, or leave it empty.")
        return problems

    def save(self) -> bool:
        self.form.clear_problems()
        self.general_error.setVisible(False)
        problems = self._unknown_names()
        if problems:
            self.form.show_problems(problems)
            return False
        data = self.meeting_input()

        def work():
            if self.meeting_id is not None:
                meeting = self.ctx.call(meetings.update_meeting, self.meeting_id, data)
            else:
                meeting = self.ctx.call(meetings.create_meeting, data)
            self.saved_id = meeting.id  # set before the dialog closes

        return save_and_close(self, self.form.errors, work, self.general_error).ok
