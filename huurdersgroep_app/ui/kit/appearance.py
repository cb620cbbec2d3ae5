"""How the interface looks for this person on this computer: the text size and the keyboard focus.

Like the window's size these are the person's, not the group's, so they live in QSettings
(``window.ini`` in the config folder) rather than in the group's file. They are applied to the
application before the first window is built, and again when changed in Settings.
"""
from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from huurdersgroep_app import paths
from huurdersgroep_app.i18n import N_

NORMAL, LARGE, VERY_LARGE = "normal", "large", "very_large"
TEXT_SIZES = {NORMAL: 1.0, LARGE: 1.25, VERY_LARGE: 1.5}
TEXT_SIZE_LABELS = {NORMAL: N_("Normal"), LARGE: N_("Large"), VERY_LARGE: N_("Very large")}
_TEXT_SIZE_KEY = "interface/text_size"
_BASE_SIZE = "_huurdersgroep_base_point_size"  # the system's own font size, before our scaling

# A thick outline in the highlight colour around whatever has the keyboard focus, so someone who
# works with Tab and Enter sees where they are; the platform's own focus hint is a faint dotted
# line or a one-pixel tint. Only the :focus state is styled: unfocused widgets keep the native look.
FOCUS_STYLE = """
QPushButton:focus, QToolButton:focus, QCommandLinkButton:focus {
    border: 3px solid palette(highlight); border-radius: 3px; padding: 3px 10px;
    background-color: palette(button);
}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QSpinBox:focus, QDoubleSpinBox:focus,
QDateEdit:focus, QComboBox:focus {
    border: 3px solid palette(highlight); border-radius: 2px;
}
QCheckBox:focus, QRadioButton:focus { border: 2px solid palette(highlight); border-radius: 2px; }
QListView:focus, QTreeView:focus, QTableView:focus { border: 2px solid palette(highlight); }
QAbstractItemView::item:focus { border: 3px solid palette(highlight); }
"""


def settings() -> QSettings:
    return QSettings(str(paths.config_dir() / "window.ini"), QSettings.Format.IniFormat)


def text_size() -> str:
    stored = settings().value(_TEXT_SIZE_KEY, NORMAL)
    return stored if stored in TEXT_SIZES else NORMAL


def save_text_size(size: str) -> None:
    if size not in TEXT_SIZES:
        raise ValueError(size)
    settings().setValue(_TEXT_SIZE_KEY, size)


def apply_appearance(app: QApplication, size: str | None = None) -> None:
    """Scale the application font to the text size (the stored one without ``size``) and install
    the focus outline. Widgets that take their font from the application follow at once; headings,
    which set a relative font when built, follow when their window is rebuilt."""
    base = app.property(_BASE_SIZE)
    if not base:
        base = app.font().pointSizeF()
        if base <= 0:  # a font given in pixels: keep it, scaling the pixel size instead
            base = -float(app.font().pixelSize())
        app.setProperty(_BASE_SIZE, base)
    factor = TEXT_SIZES[size or text_size()]
    font = QFont(app.font())
    if base > 0:
        font.setPointSizeF(base * factor)
    else:
        font.setPixelSize(round(-base * factor))
    app.setFont(font)
    if FOCUS_STYLE not in app.styleSheet():
        app.setStyleSheet(app.styleSheet() + FOCUS_STYLE)
