"""The receipts of one entry in its dialog: attach a photo, scan or PDF, open it, take it off.

Changes wait until the entry is saved, so saving the entry and its receipts is one action (one
transaction): a refused save (a closed year, a wrong amount) stores no stray file either.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from huurdersgroep_app import paths
from huurdersgroep_app.core.services.finance import receipts
from huurdersgroep_app.core.services.finance.views import StoredReceipt
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext


def _size(size: int) -> str:
    return _("{size} kB").format(size=max(1, round(size / 1024)))


class ReceiptList(QWidget):
    def __init__(self, ctx: AppContext, stored: list[StoredReceipt], parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.to_attach: list[Path] = []
        self.to_detach: set[int] = set()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Receipts"))
        self.list.setMaximumHeight(self.fontMetrics().height() * 5)
        layout.addWidget(self.list)
        buttons = QHBoxLayout()
        self.attach_button = QPushButton(_("Attach a receipt…"))
        self.open_button = QPushButton(_("Open"))
        self.detach_button = QPushButton(_("Take off"))
        for button in (self.attach_button, self.open_button, self.detach_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.attach_button.clicked.connect(self.choose)
        self.open_button.clicked.connect(self.open_selected)
        self.detach_button.clicked.connect(self.detach_selected)
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.list.currentRowChanged.connect(self._update_buttons)
        for receipt in stored:
            item = QListWidgetItem(f"{receipt.file_name} ({_size(receipt.size)})")
            item.setData(Qt.ItemDataRole.UserRole, receipt.id)
            self.list.addItem(item)
        self._read_only = False
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update_buttons()

    @property
    def changed(self) -> bool:
        return bool(self.to_attach or self.to_detach)

    def count(self) -> int:
        return self.list.count()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.attach_button.setVisible(not read_only)
        self.detach_button.setVisible(not read_only)
        self._update_buttons()

    def attach(self, path: Path) -> None:
        """Add a file to attach when the entry is saved."""
        path = Path(path)
        self.to_attach.append(path)
        item = QListWidgetItem(_("{name} (attached when you save)").format(name=path.name))
        item.setData(Qt.ItemDataRole.UserRole, str(path))
        self.list.addItem(item)
        self.list.setCurrentItem(item)

    def choose(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        chosen, _filter = QFileDialog.getOpenFileNames(
            self, _("Choose the receipt (photo, scan or PDF)"), folder,
            _("Receipts (*.pdf *.jpg *.jpeg *.png *.heic *.tif *.tiff);;All files (*)"))
        for name in chosen:
            self.attach(Path(name))

    def open_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        value = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(value, str):
            target = Path(value)
        else:
            name, _mime, data = self.ctx.read(receipts.receipt_data, value)
            folder = paths.cache_dir() / "receipts"
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"{value}-{name}"
            target.write_bytes(data)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            self.ctx.show_info(_("No program to show this file was found. It is here: {path}").format(path=target),
                               self)

    def detach_selected(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        item = self.list.takeItem(row)
        value = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(value, str):
            self.to_attach = [p for p in self.to_attach if str(p) != value]
        else:
            self.to_detach.add(value)
        self._update_buttons()

    def apply(self, session, entry_id: int) -> None:
        """Inside the save's transaction: take off, then attach."""
        for receipt_id in sorted(self.to_detach):
            receipts.detach_receipt(session, receipt_id)
        for path in self.to_attach:
            receipts.attach_receipt_file(session, entry_id, path)

    def _update_buttons(self, *_args) -> None:
        chosen = self.list.currentItem() is not None
        self.open_button.setEnabled(chosen)
        self.detach_button.setEnabled(chosen and not self._read_only)
