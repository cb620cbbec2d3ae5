"""Documents: every document the app makes for a year, grouped (members, meetings, advices, money,
funding), with the day each was last made; make it (into the group's documents folder), preview it
or save it elsewhere. The list is ``core.documents.catalogue``; this page only shows it."""
from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from huurdersgroep_app.core.documents.catalogue import GROUPS, DocumentKind, get_kind, kinds
from huurdersgroep_app.core.services.documents.made import made_key
from huurdersgroep_app.core.services.documents import views as document_views
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.documents import making
from huurdersgroep_app.ui.documents.texts_dialogs import TEXT_DIALOGS, open_texts
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.kit.widgets import heading, hint

KIND_ROLE = Qt.ItemDataRole.UserRole
DOSSIER = "funding-dossier"
FORMAT_NAMES = {"pdf": "PDF", "docx": "Word", "xlsx": "Excel"}
SAVE_LABELS = {"pdf": lambda: _("Save as PDF…"), "docx": lambda: _("Save as Word…"),
               "xlsx": lambda: _("Save as Excel…")}


def made_text(when: datetime | None) -> str:
    return _("never") if when is None else f"{formats.short_date(when.date())} {when:%H:%M}"


class Page(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.snapshot: document_views.Snapshot | None = None
        self.task = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(_("Documents")), 1)
        for label, attr in ((_("Year:"), "year"), (_("Funder:"), "funder")):
            caption = QLabel(label)
            box = QComboBox()
            box.setAccessibleName(label.rstrip(":"))
            caption.setBuddy(box)
            top.addWidget(caption)
            top.addWidget(box)
            setattr(self, attr, box)
        self.dossier_button = QPushButton(_("Make the funding dossier"))
        self.dossier_button.setToolTip(_("The whole dossier for the chosen funder and year, in one PDF."))
        top.addWidget(self.dossier_button)
        self.parts_button = QPushButton(_("Parts of the dossier…"))
        self.parts_button.setToolTip(_("Choose, for this funder, which documents go into its dossier."))
        top.addWidget(self.parts_button)
        layout.addLayout(top)
        layout.addWidget(hint(_("Every document is made from what was recorded. 'Make' puts it in the group's "
                                "folder under Documents and opens it; 'Preview' only shows it.")))
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(_("Documents"))
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([_("Document"), _("Formats"), _("Last made")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setStyleSheet("QTreeView::item { padding: 3px; }")  # rows a finger's breadth apart
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        unit = self.fontMetrics().averageCharWidth()
        self.tree.setColumnWidth(1, unit * 16)
        self.tree.setColumnWidth(2, unit * 20)
        layout.addWidget(self.tree, 1)
        self.description = hint("")
        layout.addWidget(self.description)
        row = QHBoxLayout()
        self.format = QComboBox()
        self.format.setAccessibleName(_("Format"))
        self.make_button = QPushButton(_("Make"))
        self.preview_button = QPushButton(_("Preview"))
        self.save_button = QPushButton(_("Save as PDF…"))
        self.print_button = QPushButton(_("Print…"))
        self.texts_button = QPushButton(_("Write the contents…"))
        self.texts_button.setToolTip(_("What the board writes itself: the year plan, the audit committee, the "
                                       "texts of the activity report and the cover letter."))
        row.addWidget(QLabel(_("Format:")))
        row.addWidget(self.format)
        for button in (self.make_button, self.preview_button, self.save_button, self.print_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.texts_button)
        layout.addLayout(row)
        self._build_tree()
        self.tree.currentItemChanged.connect(self._selection_changed)
        self.tree.itemDoubleClicked.connect(lambda *_a: self.make())
        self.year.currentIndexChanged.connect(lambda _i: self._show_made())
        self.funder.currentIndexChanged.connect(lambda _i: self._show_made())
        self.format.currentIndexChanged.connect(lambda _i: self._update_buttons())
        self.dossier_button.clicked.connect(self.make_dossier)
        self.parts_button.clicked.connect(self.choose_parts)
        self.make_button.clicked.connect(self.make)
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_document)
        self.texts_button.clicked.connect(self.write_texts)
        self._selection_changed()

    def _build_tree(self) -> None:
        by_group: dict[str, list[DocumentKind]] = {}
        for kind in kinds():
            by_group.setdefault(kind.group, []).append(kind)
        for group, title in GROUPS:
            if not by_group.get(group):
                continue
            parent = QTreeWidgetItem([_(title)])
            font = QFont(parent.font(0))
            font.setBold(True)
            parent.setFont(0, font)
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(parent)
            for kind in by_group[group]:
                item = QTreeWidgetItem([kind.title, ", ".join(FORMAT_NAMES.get(f, f) for f in kind.formats), ""])
                item.setData(0, KIND_ROLE, kind)
                parent.addChild(item)
            parent.setExpanded(True)

    # -- data -----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.snapshot = self.ctx.read(document_views.read_snapshot)
        wanted_year = self.chosen_year()
        wanted_funder = self.funder.currentData()
        for box, values, wanted in ((self.year, [(y, str(y)) for y in self.snapshot.years], wanted_year),
                                    (self.funder, self.snapshot.funders, wanted_funder)):
            box.blockSignals(True)
            box.clear()
            for value, label in values:
                box.addItem(label, value)
            box.setCurrentIndex(max(box.findData(wanted), 0))
            box.blockSignals(False)
        self._show_made()

    def chosen_year(self) -> int:
        return self.year.currentData() or date.today().year

    def items(self) -> list[QTreeWidgetItem]:
        found = []
        for number in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(number)
            found += [group.child(i) for i in range(group.childCount())]
        return found

    def item_for(self, key: str) -> QTreeWidgetItem | None:
        return next((i for i in self.items() if i.data(0, KIND_ROLE).key == key), None)

    def select(self, key: str) -> None:
        item = self.item_for(key)
        if item is not None:
            self.tree.setCurrentItem(item)

    def _show_made(self) -> None:
        made = self.snapshot.made if self.snapshot else {}
        for item in self.items():
            kind = item.data(0, KIND_ROLE)
            funder = self.funder.currentData() if kind.per_funder else None
            item.setText(2, made_text(made.get(made_key(kind.key, self.chosen_year(), funder))))
        self._update_buttons()

    def selected_kind(self) -> DocumentKind | None:
        item = self.tree.currentItem()
        return item.data(0, KIND_ROLE) if item is not None else None

    def _selection_changed(self, *_args) -> None:
        kind = self.selected_kind()
        self.format.blockSignals(True)
        self.format.clear()
        for fmt in kind.formats if kind else ():
            self.format.addItem(FORMAT_NAMES.get(fmt, fmt), fmt)
        self.format.blockSignals(False)
        self.description.setText(kind.description if kind else _("Choose a document in the list."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        kind = self.selected_kind()
        usable = kind is not None and (not kind.per_funder or self.funder.currentData() is not None)
        self.make_button.setEnabled(usable)
        self.save_button.setEnabled(usable)
        fmt = self.format.currentData() or "pdf"
        self.preview_button.setEnabled(usable and fmt == "pdf")
        self.print_button.setEnabled(usable and fmt == "pdf")
        self.save_button.setText(SAVE_LABELS.get(fmt, SAVE_LABELS["pdf"])())
        has_funder = self.funder.currentData() is not None
        self.dossier_button.setEnabled(has_funder)
        self.parts_button.setEnabled(has_funder)
        self.texts_button.setEnabled(kind is not None and kind.key in TEXT_DIALOGS)

    # -- actions --------------------------------------------------------------------------------------
    def order(self) -> making.Order | None:
        kind = self.selected_kind()
        if kind is None:
            return None
        funder_id = self.funder.currentData() if kind.per_funder else None
        return making.Order(kind, self.chosen_year(), funder_id, self.funder.currentText() if funder_id else "",
                            self.format.currentData() or kind.formats[0])

    def make(self):
        order = self.order()
        if order is not None and self.make_button.isEnabled():
            self.task = making.make_in_folder(self.ctx, order, self)
            return self.task
        return None

    def write_texts(self) -> bool:
        kind = self.selected_kind()
        if kind is None or kind.key not in TEXT_DIALOGS:
            return False
        return open_texts(self.ctx, kind.key, self.chosen_year(), self)

    def make_dossier(self):
        """One click: the funding dossier of the chosen funder and year, made and opened."""
        if self.funder.currentData() is None:
            return None
        self.select(DOSSIER)
        order = making.Order(get_kind(DOSSIER), self.chosen_year(), self.funder.currentData(),
                             self.funder.currentText())
        self.task = making.make_in_folder(self.ctx, order, self)
        return self.task

    def choose_parts(self) -> bool:
        from huurdersgroep_app.ui.documents.dossier_parts import DossierPartsDialog

        if self.funder.currentData() is None:
            return False
        return bool(DossierPartsDialog(self.ctx, self.funder.currentData(), self.funder.currentText(), self).exec())

    def preview(self):
        order = self.order()
        if order is not None and self.preview_button.isEnabled():
            self.task = making.preview(self.ctx, order, self)
            return self.task
        return None

    def save(self):
        order = self.order()
        if order is not None and self.save_button.isEnabled():
            self.task = making.save_as(self.ctx, order, self)
            return self.task
        return None

    def print_document(self):
        order = self.order()
        if order is not None and self.print_button.isEnabled():
            self.task = making.print_order(self.ctx, order, self)
            return self.task
        return None
