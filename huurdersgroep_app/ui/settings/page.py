"""Settings: the group's details and logo, how the group works (term, name sorting, annual
meeting), the rules (rules_tab), the interface language, and backups (backup_tab)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QRadioButton, QScrollArea, QSpinBox, QTabWidget, QVBoxLayout, QWidget)

from huurdersgroep_app import i18n, paths
from huurdersgroep_app.core.services.organisation import REGION_LABELS, REGIONS
from huurdersgroep_app.core.services import names, organisation, validation
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.core.services.settings import views as settings_views
from huurdersgroep_app.i18n import LANGUAGE_NAMES, SUPPORTED_LANGUAGES, _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.form_actions import attempt
from huurdersgroep_app.ui.kit.logo import LogoProblem, read_logo
from huurdersgroep_app.ui.kit.widgets import (DateField, FieldErrors, Form, error_label, heading, hint,
                                              landlord_address_rows)
from huurdersgroep_app.ui.settings.backup_tab import BackupTab
from huurdersgroep_app.ui.settings.display_tab import DisplayTab
from huurdersgroep_app.ui.settings.rules_tab import RulesTab

GROUP_FIELDS = ("name", "street", "house_number", "box", "postcode", "city", "landlord_name", "email", "phone",
                "iban", "registration_number")


def group_field_labels() -> dict[str, str]:
    return {"name": _("Name of the group"), "landlord_name": _("Landlord"), "street": _("Street"),
            "house_number": _("Number"), "box": _("Box"), "postcode": _("Postcode"), "city": _("City"),
            "email": _("E-mail"), "phone": _("Phone"), "iban": _("Bank account (IBAN)"),
            "registration_number": _("Registration number")}


def save_habits(session, term_years: int, surname_sort: str, next_meeting: date | None) -> None:
    organisation.set_rule_override(session, "board", "term_years", term_years)
    organisation.set_setting(session, members.SURNAME_SORT_SETTING, surname_sort)
    organisation.set_setting(session, board.NEXT_ANNUAL_MEETING_SETTING,
                             next_meeting.isoformat() if next_meeting else None)


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


class Page(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Settings")))
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(_scrolled(self._group_tab()), _("The group"))
        self.tabs.addTab(_scrolled(self._habits_tab()), _("How the group works"))
        self.rules = RulesTab(ctx)
        self.tabs.addTab(_scrolled(self.rules), _("Rules"))
        self.tabs.addTab(_scrolled(self._language_tab()), _("Language"))
        self.display = DisplayTab(ctx)
        self.tabs.addTab(_scrolled(self.display), _("Display"))
        self.backups = BackupTab(ctx)
        self.tabs.addTab(_scrolled(self.backups), _("Backups"))

    # The tabs by name, so the window rebuilt for a new language or text size shows the same tab.
    TAB_NAMES = ("group", "habits", "rules", "language", "display", "backups")

    def current_tab_name(self) -> str:
        return self.TAB_NAMES[self.tabs.currentIndex()]

    def show_tab(self, name: str) -> QWidget:
        self.tabs.setCurrentIndex(self.TAB_NAMES.index(name))
        return self.tabs.currentWidget()

    # -- the group ------------------------------------------------------------------------------------
    def _group_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(hint(_("These details appear on the letterhead of every document.")))
        self.group_errors = FieldErrors()
        form = Form(self.group_errors)
        labels = group_field_labels()
        self.group_fields: dict[str, QLineEdit] = {}
        self.group_fields["name"] = form.add("name", labels["name"], QLineEdit())
        self.region = QComboBox()
        for region in REGIONS:
            self.region.addItem(_(REGION_LABELS[region]), region)
        form.add("region", _("Region (sets the rules)"), self.region)
        self.document_language = QComboBox()
        for code in SUPPORTED_LANGUAGES:
            self.document_language.addItem(LANGUAGE_NAMES[code], code)
        form.add("language", _("Language of the documents"), self.document_language)
        for key in GROUP_FIELDS[1:]:
            self.group_fields[key] = form.add(key, labels[key], QLineEdit())
            if key == "landlord_name":
                self.group_fields.update(landlord_address_rows(form))
        layout.addLayout(form)
        save = QPushButton(_("Save the group's details"))
        save.clicked.connect(self.save_group)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(save)
        layout.addLayout(row)

        layout.addWidget(heading(_("Logo"), 2))
        self.logo = QLabel()
        self.logo.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.logo)
        logo_buttons = QHBoxLayout()
        choose = QPushButton(_("Choose logo…"))
        choose.clicked.connect(self.choose_logo)
        self.remove_logo_button = QPushButton(_("Remove logo"))
        self.remove_logo_button.clicked.connect(self.remove_logo)
        logo_buttons.addWidget(choose)
        logo_buttons.addWidget(self.remove_logo_button)
        logo_buttons.addStretch(1)
        layout.addLayout(logo_buttons)
        layout.addStretch(1)
        return tab

    def save_group(self) -> bool:
        values = {key: field.text() for key, field in self.group_fields.items()}
        data = organisation.OrganisationInput(region=self.region.currentData(),
                                              language=self.document_language.currentData(), **values)
        if not attempt(self.ctx, self, self.group_errors, lambda: self.ctx.call(organisation.update_organisation,
                                                                                data)):
            return False
        self.ctx.show_info(_("The group's details were saved."), self)
        return True

    def choose_logo(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        chosen, _filter = QFileDialog.getOpenFileName(self, _("Choose the logo"), folder,
                                                      _("Pictures (*.png *.jpg *.jpeg)"))
        if chosen:
            self.set_logo_file(Path(chosen))

    def set_logo_file(self, path: Path) -> bool:
        try:
            data, mime = read_logo(path)
        except LogoProblem as exc:
            self.ctx.show_error(str(exc), self)
            return False
        return bool(self.ctx.run(organisation.set_logo, data, mime, parent=self))

    def remove_logo(self) -> None:
        self.ctx.run(organisation.set_logo, None, parent=self)

    # -- how the group works -----------------------------------------------------------------------------
    def _habits_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.habit_errors = FieldErrors()
        form = Form(self.habit_errors)
        self.term_years = QSpinBox()
        self.term_years.setRange(1, 10)
        self.term_years.setSuffix(" " + _("years"))
        form.add("term_years", _("Length of a board term"), self.term_years)
        self.next_meeting = form.add("next_meeting", _("Next annual meeting"), DateField())
        form.addRow(hint(_("The retirement rota shows who steps down at this meeting. Left empty, the end of "
                           "March is assumed.")))
        layout.addLayout(form)
        layout.addWidget(heading(_("Sorting surnames"), 2))
        layout.addWidget(hint(_("Where does “Van den Broeck” go in a list? In Belgium usually under V, in the "
                                "Netherlands under B. “El Amrani” and “Ben Haddou” follow the same choice.")))
        self.surname_sort = QButtonGroup(self)
        stem = QRadioButton(_("Under B: words like “van den” and “de” are skipped when sorting"))
        particle = QRadioButton(_("Under V: sorted exactly as the name is written"))
        stem.setProperty("mode", names.SORT_BY_STEM)
        particle.setProperty("mode", names.SORT_BY_PARTICLE)
        for number, button in enumerate((stem, particle)):
            self.surname_sort.addButton(button, number)
            layout.addWidget(button)
        self.habits_error = error_label()
        layout.addWidget(self.habits_error)
        save = QPushButton(_("Save"))
        save.clicked.connect(self.save_habits)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(save)
        layout.addLayout(row)
        layout.addStretch(1)
        return tab

    def save_habits(self) -> bool:
        self.habit_errors.clear()
        try:
            meeting = self.next_meeting.date()
        except validation.FieldError as exc:
            self.habit_errors.show({"next_meeting": str(exc)})
            return False
        mode = self.surname_sort.checkedButton().property("mode")
        if not self.ctx.run(save_habits, self.term_years.value(), mode, meeting, parent=self):
            return False
        self.ctx.show_info(_("Saved."), self)
        return True

    # -- language --------------------------------------------------------------------------------------
    def _language_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(hint(_("The language of this program on this computer. The documents use the "
                                "language chosen under “The group”.")))
        row = QHBoxLayout()
        self.ui_language = QComboBox()
        self.ui_language.setAccessibleName(_("Language of the program"))
        for code in SUPPORTED_LANGUAGES:
            self.ui_language.addItem(LANGUAGE_NAMES[code], code)
        self.ui_language.setCurrentIndex(max(self.ui_language.findData(i18n.get_language()), 0))
        row.addWidget(self.ui_language, 1)
        apply = QPushButton(_("Use this language"))
        apply.clicked.connect(self.apply_language)
        row.addWidget(apply)
        layout.addLayout(row)
        layout.addStretch(1)
        return tab

    def apply_language(self) -> None:
        lang = self.ui_language.currentData()
        paths.save_config(ui_language=lang)
        self.ctx.switch_language(lang)

    # -- backups (their own tab module; these two are what the window and tests call) -----------------
    def write_backup(self, target: Path):
        return self.backups.write_backup(target)

    def restore(self) -> None:
        self.backups.restore()

    # -- refresh ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        values = self.ctx.read(settings_views.read_settings)
        for key, field in self.group_fields.items():
            field.setText(values.details.get(key, ""))
        self.region.setCurrentIndex(max(self.region.findData(values.region), 0))
        self.document_language.setCurrentIndex(max(self.document_language.findData(values.language), 0))
        pixmap = QPixmap()
        if values.logo and pixmap.loadFromData(values.logo):
            self.logo.setPixmap(pixmap.scaledToHeight(self.fontMetrics().height() * 5,
                                                      Qt.TransformationMode.SmoothTransformation))
        else:
            self.logo.setText(_("No logo yet."))
        self.remove_logo_button.setEnabled(bool(values.logo))
        self.term_years.setValue(values.term_years)
        stored = values.next_meeting
        self.next_meeting.set_date(date.fromisoformat(stored) if stored else None)
        self.rules.refresh()
        mode = values.surname_sort
        for button in self.surname_sort.buttons():
            button.setChecked(button.property("mode") == mode)
