"""Small widgets shared by dialogs and pages: forms with a message under each field, date fields,
headings, a busy cursor. Everything sizes through layouts and the system font, so the
interface stays readable at 125–150 % display scaling."""
from __future__ import annotations

from contextlib import contextmanager
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (QCalendarWidget, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMenu,
                               QToolButton, QVBoxLayout, QWidget, QWidgetAction)

from huurdersgroep_app.core.services import validation
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.i18n import _

# Dark red keeps a contrast ratio above 7:1 on a white background.
ERROR_COLOUR = "#a00000"


def heading(text: str, level: int = 1) -> QLabel:
    """A bold title, a little larger than the body text (relative, so it scales with the system)."""
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * (1.5 if level == 1 else 1.2))
    label.setFont(font)
    label.setWordWrap(True)
    return label


def hint(text: str) -> QLabel:
    """An explanation in plain words under a title or a field."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def link_text(on_link) -> QLabel:
    """Rich text whose links act inside the app (``on_link(href)``): the Overview's deadlines open
    the dossier or the funder they name."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    label.linkActivated.connect(on_link)
    return label


def button_row(*buttons: QWidget) -> QHBoxLayout:
    """Buttons side by side from the left, as under every table: the space is left over on the right,
    so a button keeps its place when the window is widened."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.setVisible(False)
    return label


def fit_to_screen(widget: QWidget, width_lines: int, height_lines: int) -> None:
    """A first size in text lines (so it grows with the font and the scaling), never larger than
    the screen: at 150 % a 1366×768 laptop offers only about 900×500 points."""
    line = widget.fontMetrics().height()
    width, height = line * width_lines, line * height_lines
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, int(room.width() * 0.95)), min(height, int(room.height() * 0.9))
    widget.resize(width, height)


def room_for_columns(widget: QWidget, width_lines: int) -> bool:
    """Whether the screen is at least ``width_lines`` text lines wide (in the widget's font)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen is None or screen.availableGeometry().width() >= widget.fontMetrics().height() * width_lines


@contextmanager
def busy():
    """A wait cursor while a document or an import is being made."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


class FieldErrors:
    """The message line under each field of one or more forms, filled from
    ``ValidationError.problems`` (field → translated reason) as services raise them, so a dialog
    needs no knowledge of the rules."""

    def __init__(self):
        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}

    def clear(self) -> None:
        for message in self.labels.values():
            message.clear()
            message.setVisible(False)

    def show(self, problems: dict[str, str]) -> dict[str, str]:
        """Show each problem under its field and focus the first; returns the problems without a field."""
        self.clear()
        rest = {}
        for key, reason in problems.items():
            if key in self.labels:
                self.labels[key].setText(reason)
                self.labels[key].setVisible(True)
            else:
                rest[key] = reason
        first = next((widget for key, widget in self.fields.items() if key in problems), None)
        if first is not None:
            first.setFocus()
        return rest

    def problem(self, key: str) -> str:
        """The message shown under a field ('' when none) — what the user reads."""
        message = self.labels[key]
        return message.text() if not message.isHidden() else ""


class Form(QFormLayout):
    """A form whose fields each have a (hidden) message line underneath for validation problems."""

    def __init__(self, errors: FieldErrors | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = errors if errors is not None else FieldErrors()

    def add(self, key: str, label: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        message = error_label()
        column.addWidget(message)
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.addRow(caption, box)
        widget.setAccessibleName(label)
        self.errors.fields[key] = widget
        self.errors.labels[key] = message
        return widget

    def add_line(self, label: str, parts: list[tuple[str, str, int]]) -> dict[str, QLineEdit]:
        """Several short text fields on one row (an address: street, number, box); ``parts`` are
        (key, name, stretch). Each keeps its own name for screen readers; they share one message line."""
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        edits = {}
        for key, name, stretch in parts:
            edit = QLineEdit()
            edit.setPlaceholderText(name)
            # a short field (number, box) still shows its whole placeholder
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(name) + 4 * edit.fontMetrics().averageCharWidth())
            line.addWidget(edit, stretch)
            edits[key] = edit
        first_key = parts[0][0]
        self.add(first_key, label, row)
        for key, name, _stretch in parts:
            edits[key].setAccessibleName(f"{label}: {name}")
            self.errors.fields[key] = edits[key]
            self.errors.labels[key] = self.errors.labels[first_key]
        return edits

    def show_problems(self, problems: dict[str, str]) -> dict[str, str]:
        return self.errors.show(problems)

    def clear_problems(self) -> None:
        self.errors.clear()

    def problem(self, key: str) -> str:
        return self.errors.problem(key)


def landlord_address_rows(form: Form) -> dict[str, QLineEdit]:
    """The landlord's postal address in two rows (street, number, box / postcode, city), keyed as
    the group's service names them (landlord_street, …)."""
    edits = form.add_line(_("Landlord's address"), [
        ("landlord_street", _("Street"), 5), ("landlord_house_number", _("Number"), 1), ("landlord_box", _("Box"), 1)])
    edits.update(form.add_line(_("Landlord's postcode and city"), [
        ("landlord_postcode", _("Postcode"), 1), ("landlord_city", _("City"), 3)]))
    return edits


def calendar_icon(size: int) -> QIcon:
    """A small calendar page (a coloured top bar over a grid of days) in the palette's text colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    colour = QGuiApplication.palette().color(QPalette.ColorRole.ButtonText)
    painter.setPen(colour)
    painter.drawRect(1, 2, size - 3, size - 4)
    painter.fillRect(1, 2, size - 2, max(2, size // 4), colour)
    cell = max(2, (size - 6) // 4)
    for row in range(2):
        for column in range(3):
            painter.fillRect(3 + column * (cell + 1), 3 + size // 4 + row * (cell + 1), cell - 1, cell - 1, colour)
    painter.end()
    return QIcon(pixmap)


class DateField(QWidget):
    """A date typed as people write it (31/12/2024) or picked from a calendar; may stay empty.

    The text goes to the service unchanged, which parses it and reports a wrong date in words.
    """

    changed = Signal()

    def __init__(self, value: date | None = None, parent: QWidget | None = None, placeholder: str | None = None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder or formats.date_placeholder())
        self.edit.setToolTip(formats.date_placeholder())
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self.changed)
        row.addWidget(self.edit, 1)
        self.pick = QToolButton()
        icon = QIcon.fromTheme("x-office-calendar")
        # Windows and bare desktops have no theme icon: a drawn one, not "…" under the menu arrow.
        self.pick.setIcon(calendar_icon(self.pick.fontMetrics().height()) if icon.isNull() else icon)
        self.pick.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
        self.pick.setToolTip(_("Choose the date on a calendar"))
        self.pick.setAccessibleName(_("Choose the date on a calendar"))
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.pick)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._prepare_calendar)
        self.pick.setMenu(menu)
        row.addWidget(self.pick)
        self.setFocusProxy(self.edit)
        self.set_date(value)

    def focus_widget(self) -> QLineEdit:
        return self.edit

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt naming
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def set_date(self, value: date | None) -> None:
        self.edit.setText(formats.short_date(value))

    def text(self) -> str:
        return self.edit.text().strip()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming, used by tests and forms alike
        self.edit.setText(text)

    def date(self) -> date | None:
        """The typed date; raises ``validation.FieldError`` with a readable reason."""
        return validation.parse_date(self.text())

    def _prepare_calendar(self) -> None:
        try:
            current = self.date()
        except validation.FieldError:
            current = None
        self.calendar.setSelectedDate(current or date.today())

    def _picked(self, qdate) -> None:
        self.set_date(qdate.toPython())
        self.pick.menu().close()
        self.edit.setFocus()
