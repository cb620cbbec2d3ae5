"""Settings › Display: the text size of the whole program, for this person on this computer."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication, QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget

from huurdersgroep_app import i18n
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit import appearance
from huurdersgroep_app.ui.kit.widgets import heading, hint


class DisplayTab(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Text size"), 2))
        layout.addWidget(hint(_("The size of the letters everywhere in this program, on this computer. The "
                                "documents are not affected.")))
        self.sizes = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        current = appearance.text_size()
        for number, size in enumerate(appearance.TEXT_SIZES):
            button = QRadioButton(_(appearance.TEXT_SIZE_LABELS[size]))
            button.setChecked(size == current)
            self.sizes.addButton(button, number)
            self.buttons[size] = button
            layout.addWidget(button)
        # A sample in each size, so the choice can be made before clicking.
        self.sample = QLabel(_("Example: Annual meeting on Thursday 26 March, 19:30."))
        layout.addWidget(self.sample)
        self.sizes.idClicked.connect(lambda number: self.choose(list(appearance.TEXT_SIZES)[number]))
        layout.addStretch(1)

    def choose(self, size: str) -> None:
        """Store and apply at once: every plain widget follows the application font now; the window is
        rebuilt (as for a new language) so headings and the sidebar, sized when built, follow too."""
        if size == appearance.text_size():
            return
        appearance.save_text_size(size)
        appearance.apply_appearance(QApplication.instance(), size)
        self.ctx.switch_language(i18n.get_language())
