"""The Invitation tab: is there still time (the rules' invitation period, with a plain warning when
it is too late), recording the day the invitations went out, the letters per household or per
member, the poster, the proxy form (for a meeting that takes proxies), the e-mail text with the
addresses for BCC, and the calendar file."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QRadioButton, QVBoxLayout)

from huurdersgroep_app.core.services.meetings import invitations, proxies
from huurdersgroep_app.core.services.meetings.record import MeetingRecord
from huurdersgroep_app.core.services.meetings.lifecycle import HELD_STATUSES
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.meetings import documents as docs
from huurdersgroep_app.ui.kit.form_actions import attempt
from huurdersgroep_app.ui.meetings.tab import MeetingTab, set_signal
from huurdersgroep_app.ui.kit.widgets import DateField, error_label, hint


def timing_text(record: MeetingRecord) -> tuple[bool, str]:
    """(in time?, the sentence): the warning of the invitation check, or why all is well."""
    check = record.invitation
    if check.too_late:
        return False, _("Too late: {warning}").format(warning=check.warning)
    if record.invitations_sent_on:
        return True, _("The invitations went out on {date}, in time.").format(
            date=formats.long_date(record.invitations_sent_on))
    return True, _("There is still time: send the invitations by {date}.").format(
        date=formats.long_date(check.send_by))


class InvitationTab(MeetingTab):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.email = None
        columns = QHBoxLayout(self)
        left = QVBoxLayout()
        columns.addLayout(left, 2)

        timing = QGroupBox(_("When to send"))
        timing_layout = QVBoxLayout(timing)
        self.rule = hint("")
        timing_layout.addWidget(self.rule)
        self.timing = QLabel()
        self.timing.setWordWrap(True)
        timing_layout.addWidget(self.timing)
        row = QHBoxLayout()
        sent_label = QLabel(_("Sent on:"))
        self.sent_on = DateField(date.today())
        self.sent_on.setAccessibleName(_("Sent on"))
        sent_label.setBuddy(self.sent_on)
        self.record_button = QPushButton(_("Record as sent"))
        row.addWidget(sent_label)
        row.addWidget(self.sent_on, 1)
        row.addWidget(self.record_button)
        timing_layout.addLayout(row)
        self.sent_error = error_label()
        timing_layout.addWidget(self.sent_error)
        left.addWidget(timing)

        letters = QGroupBox(_("Letters and poster"))
        letters_layout = QVBoxLayout(letters)
        self.per = QButtonGroup(self)
        self.per_household = QRadioButton(_("One letter per household (one per address)"))
        self.per_member = QRadioButton(_("One letter per member"))
        self.per_household.setChecked(True)
        for button in (self.per_household, self.per_member):
            self.per.addButton(button)
            letters_layout.addWidget(button)
        self.letters_button = docs.document_button(
            ctx, _("Invitation letters"), lambda fmt: docs.invitation_writer(self.meeting_id, self.letters_per(), fmt),
            lambda: docs.meeting_file_name(self.record, _("invitation")), self, word=True)
        self.poster_button = docs.document_button(
            ctx, _("Poster for the hallway"), lambda fmt: docs.poster_writer(self.meeting_id),
            lambda: docs.meeting_file_name(self.record, _("poster")), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.letters_button)
        buttons.addWidget(self.poster_button)
        buttons.addStretch(1)
        letters_layout.addLayout(buttons)
        left.addWidget(letters)

        self.proxy_box = QGroupBox(_("Proxy form"))
        proxy_layout = QVBoxLayout(self.proxy_box)
        self.proxy_hint = hint("")
        proxy_layout.addWidget(self.proxy_hint)
        self.proxy_filled = QCheckBox(_("One form per member, with their name and address filled in"))
        proxy_layout.addWidget(self.proxy_filled)
        self.proxy_button = docs.document_button(
            ctx, _("Proxy form"), lambda fmt: docs.proxy_form_writer(
                self.meeting_id, "member" if self.proxy_filled.isChecked() else "blank", fmt),
            lambda: docs.meeting_file_name(self.record, _("proxy-form")), self, word=True)
        proxy_layout.addLayout(self._left_aligned(self.proxy_button))
        left.addWidget(self.proxy_box)

        calendar = QGroupBox(_("Calendar"))
        calendar_layout = QVBoxLayout(calendar)
        calendar_layout.addWidget(hint(_("A calendar file puts the meeting in the members' agenda on their phone or "
                                         "computer. Send it along with the e-mail.")))
        self.ics_button = QPushButton(_("Save the calendar file (.ics)…"))
        calendar_layout.addLayout(self._left_aligned(self.ics_button))
        left.addWidget(calendar)
        left.addStretch(1)

        mail = QGroupBox(_("E-mail"))
        grid = QGridLayout(mail)
        grid.addWidget(hint(_("Copy the parts into your e-mail program. Put the addresses in the BCC field, so "
                              "members do not see each other's address.")), 0, 0, 1, 2)
        self.subject = QLineEdit()
        self.subject.setReadOnly(True)
        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        self.bcc = QPlainTextEdit()
        self.bcc.setReadOnly(True)
        self.bcc.setMaximumHeight(self.fontMetrics().height() * 5)
        self.copy_buttons = {}
        for number, (key, label, field) in enumerate(((
                "subject", _("Subject"), self.subject), ("body", _("Text"), self.body),
                ("bcc", _("Addresses for BCC"), self.bcc)), start=1):
            caption = QLabel(label)
            caption.setBuddy(field)
            field.setAccessibleName(label)
            button = QPushButton(_("Copy"))
            button.setAccessibleName(_("Copy: {what}").format(what=label))
            button.clicked.connect(lambda _c=False, k=key: self.copy(k))
            self.copy_buttons[key] = button
            grid.addWidget(caption, number * 2 - 1, 0, 1, 2)
            grid.addWidget(field, number * 2, 0)
            grid.addWidget(button, number * 2, 1, 1, 1, Qt.AlignmentFlag.AlignTop)
        self.without_email = hint("")
        grid.addWidget(self.without_email, 8, 0, 1, 2)
        grid.setRowStretch(4, 1)
        columns.addWidget(mail, 3)

        self.record_button.clicked.connect(self.record_sent)
        self.ics_button.clicked.connect(lambda: docs.save_ics(ctx, self.meeting_id, _("meeting"), self))

    @staticmethod
    def _left_aligned(button: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        return row

    def letters_per(self) -> str:
        return "member" if self.per_member.isChecked() else "household"

    # -- showing -----------------------------------------------------------------------------------------
    def fill(self, record: MeetingRecord) -> None:
        check = record.invitation
        self.rule.setText(ngettext(
            "The rules ask to send the invitation at least {n} day before the meeting: by {date} at the latest.",
            "The rules ask to send the invitation at least {n} days before the meeting: by {date} at the latest.",
            check.days_required).format(n=check.days_required, date=formats.long_date(check.send_by)))
        set_signal(self.timing, *timing_text(record))
        self.sent_on.set_date(record.invitations_sent_on or date.today())
        can_record = self.editable and record.status not in HELD_STATUSES
        self.sent_on.setEnabled(can_record)
        self.record_button.setEnabled(can_record)
        self.sent_error.setVisible(False)

    def load_extra(self) -> None:
        self.show_proxy_rules(self.ctx.read(proxies.proxy_rules, self.meeting_id))
        self.email = self.ctx.read(invitations.invitation_email, self.meeting_id)
        self.subject.setText(self.email.subject)
        self.body.setPlainText(self.email.body)
        self.bcc.setPlainText(self.email.bcc_text)
        count = len(self.email.without_email)
        names = ", ".join(self.email.without_email[:20])
        if count > 20:
            names = _("{names} and {n} more").format(names=names, n=count - 20)
        self.without_email.setText(ngettext(
            "{n} member has no e-mail address and needs a letter: {names}.",
            "{n} members have no e-mail address and need a letter: {names}.", count).format(n=count, names=names)
            if count else _("Every invited member has an e-mail address."))

    def show_proxy_rules(self, rules: proxies.ProxyRules) -> None:
        """The proxy form only where the meeting takes proxies; elsewhere a sentence says why not."""
        self.proxy_filled.setVisible(rules.allowed)
        self.proxy_button.setVisible(rules.allowed)
        if not rules.allowed:
            self.proxy_hint.setText(_("This meeting takes no proxies (a board meeting, or its quorum rule does not "
                                      "count them), so it has no proxy form."))
        else:
            self.proxy_hint.setText(_("Put it with the invitation: a member who cannot come gives another member "
                                      "their vote. The form says what the rules allow."))

    # -- actions -----------------------------------------------------------------------------------------
    def copy(self, key: str) -> str:
        if self.email is None:
            self.load_extra()
        text = {"subject": self.email.subject, "body": self.email.body, "bcc": self.email.bcc_text}[key]
        QGuiApplication.clipboard().setText(text)
        return text

    def record_sent(self) -> bool:
        done = attempt(self.ctx, self, None, lambda: self.ctx.call(
            invitations.record_invitations_sent, self.meeting_id, self.sent_on.text()), self.sent_error)
        if not done:
            return False
        check = done.value
        if check.too_late:
            self.ctx.show_error(_("The date was recorded. {warning}").format(warning=check.warning), self,
                                _("The invitation is late"))
        return True
