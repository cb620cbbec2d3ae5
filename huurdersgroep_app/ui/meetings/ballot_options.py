"""How the ballot papers are printed: 1, 2 or 4 to an A4 page, and how many of each election.

Both are remembered between meetings in the person's settings (like the window's size): the way a
secretary cuts paper does not change per meeting. Once attendance is ticked, the number of papers
is the number of people who may vote (members present and the proxies that count), so papers
printed during the meeting match the count the votes are checked against."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QSpinBox, QWidget

from huurdersgroep_app.i18n import _, pgettext
from huurdersgroep_app.ui.kit import appearance

PER_PAGE_KEY = "ballots/per_page"
COPIES_KEY = "ballots/copies"
DEFAULT_PER_PAGE = 2
DEFAULT_COPIES = 20


def _stored_int(key: str, default: int, allowed=None) -> int:
    try:
        value = int(appearance.settings().value(key, default))
    except (TypeError, ValueError):
        return default
    return value if (allowed is None or value in allowed) and value >= 1 else default


class BallotOptions(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._suggested: tuple[int, int] | None = None
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.per_page_box = QComboBox()
        for number, label in ((1, _("1 (a whole page)")), (2, _("2 (halves)")), (4, _("4 (quarters)"))):
            self.per_page_box.addItem(label, number)
        self.per_page_box.setAccessibleName(_("Ballot papers per page"))
        self.per_page_box.setToolTip(_("Ballot papers per A4 page, with dashed lines to cut along"))
        self.per_page_box.setCurrentIndex(self.per_page_box.findData(_stored_int(PER_PAGE_KEY, DEFAULT_PER_PAGE,
                                                                                 (1, 2, 4))))
        self.copies_box = QSpinBox()
        self.copies_box.setRange(1, 999)
        self.copies_box.setValue(_stored_int(COPIES_KEY, DEFAULT_COPIES))
        self.copies_box.setAccessibleName(_("Ballot papers of each election"))
        self.copies_box.setToolTip(_("Ballot papers of each election"))
        form.addRow(pgettext("ballot papers", "Per page"), self.per_page_box)
        form.addRow(pgettext("ballot papers", "Copies"), self.copies_box)
        self.per_page_box.currentIndexChanged.connect(
            lambda _i: appearance.settings().setValue(PER_PAGE_KEY, self.per_page()))
        self.copies_box.valueChanged.connect(lambda value: appearance.settings().setValue(COPIES_KEY, value))

    def per_page(self) -> int:
        return int(self.per_page_box.currentData())

    def copies(self) -> int:
        return self.copies_box.value()

    def suggest_copies(self, meeting_id: int, voters: int | None) -> None:
        """One paper per person who may vote, once attendance says who; not remembered as the person's
        own choice (the next meeting starts from what they chose). Suggested once per meeting and count,
        so a number typed afterwards stays while the tab refreshes."""
        if voters and (meeting_id, voters) != self._suggested:
            self._suggested = (meeting_id, voters)
            self.copies_box.blockSignals(True)
            self.copies_box.setValue(voters)
            self.copies_box.blockSignals(False)
