"""'Parts of the dossier…': which documents go into one funder's dossier, ticked once and kept for that
funder (core.documents.funding.dossier_parts), so the one-click dossier stays one click."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QVBoxLayout

from huurdersgroep_app.core.documents.funding.dossier_parts import choose_parts, chosen_parts
from huurdersgroep_app.core.documents.funding.sections import SECTIONS
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.widgets import fit_to_screen, heading, hint


class DossierPartsDialog(QDialog):
    def __init__(self, ctx: AppContext, funder_id: int, funder: str, parent=None):
        super().__init__(parent)
        self.ctx, self.funder_id = ctx, funder_id
        self.setWindowTitle(_("Parts of the dossier"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("What goes into the dossier for {funder}").format(funder=funder), 2))
        layout.addWidget(hint(_("Untick what this funder does not ask for; the choice is kept for this funder. "
                                "The cover letter, the contents and the compliance checklist are always in it, "
                                "and a part whose data is missing is named on the checklist.")))
        chosen = set(ctx.read(chosen_parts, funder_id))
        self.boxes: dict[str, QCheckBox] = {}
        for key, label in SECTIONS:
            box = QCheckBox(_(label))
            box.setChecked(key in chosen)
            layout.addWidget(box)
            self.boxes[key] = box
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addStretch(1)
        layout.addWidget(buttons)
        fit_to_screen(self, 44, 26)

    def save(self) -> None:
        keys = [key for key, box in self.boxes.items() if box.isChecked()]
        if self.ctx.run(choose_parts, self.funder_id, keys, parent=self).ok:
            self.accept()
