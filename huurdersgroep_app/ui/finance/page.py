"""Money: the cash book, bank import, accounts and balances, budget, year closing, dues and
volunteer allowances of one financial year, chosen at the top. Each tab is its own module
(``ui.finance.*``); a tab is built when first shown and refreshed when shown after a change."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from huurdersgroep_app.core.services.finance import views
from huurdersgroep_app.i18n import N_, _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.finance.models import YearInfo
from huurdersgroep_app.ui.kit.widgets import heading


def _tab_classes() -> dict[str, type]:
    """The tab classes by name, imported when the first tab is built (not with the page)."""
    from huurdersgroep_app.ui.finance.accounts import AccountsTab
    from huurdersgroep_app.ui.finance.allowances import AllowancesTab
    from huurdersgroep_app.ui.finance.bank_import import BankImportTab
    from huurdersgroep_app.ui.finance.budget import BudgetTab
    from huurdersgroep_app.ui.finance.cashbook import CashBookTab
    from huurdersgroep_app.ui.finance.closing import ClosingTab
    from huurdersgroep_app.ui.finance.dues import DuesTab

    return {"cashbook": CashBookTab, "import": BankImportTab, "accounts": AccountsTab, "budget": BudgetTab,
            "closing": ClosingTab, "dues": DuesTab, "allowances": AllowancesTab}


# (name, title): the order of the tabs.
TABS = (("cashbook", N_("Cash book")),
        ("import", N_("Bank import")),
        ("accounts", N_("Accounts and balances")),
        ("budget", N_("Budget")),
        ("closing", N_("Year closing")),
        ("dues", N_("Dues")),
        ("allowances", N_("Volunteer allowances")))


class Page(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(_("Money")), 1)
        year_label = QLabel(_("Financial year:"))
        self.year = QComboBox()
        self.year.setAccessibleName(_("Financial year"))
        year_label.setBuddy(self.year)
        top.addWidget(year_label)
        top.addWidget(self.year)
        layout.addLayout(top)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.built: dict[str, QWidget] = {}
        self._stale: set[str] = set()
        for name, title in TABS:
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            holder.setObjectName(name)
            self.tabs.addTab(holder, _(title))
        layout.addWidget(self.tabs, 1)
        self.year.currentIndexChanged.connect(self._year_changed)
        self.tabs.currentChanged.connect(self._tab_changed)

    # -- the year ------------------------------------------------------------------------------------
    def year_info(self) -> YearInfo:
        data = self.year.currentData()
        return YearInfo(*data) if data else YearInfo(date.today().year, False)

    def set_year(self, year: int) -> None:
        found = next((i for i in range(self.year.count()) if self.year.itemData(i)[0] == year), -1)
        if found >= 0:
            self.year.setCurrentIndex(found)

    def _year_changed(self, *_args) -> None:
        self._stale.update(self.built)
        self._refresh_current()

    # -- tabs ------------------------------------------------------------------------------------------
    def tab(self, name: str) -> QWidget:
        """The tab called ``name``, built the first time it is asked for."""
        if name not in self.built:
            number = [t[0] for t in TABS].index(name)
            widget = _tab_classes()[name](self.ctx, parent=self)
            self.tabs.widget(number).layout().addWidget(widget)
            self.built[name] = widget
            self._stale.add(name)
        return self.built[name]

    def show_tab(self, name: str) -> QWidget:
        widget = self.tab(name)
        self.tabs.setCurrentIndex([t[0] for t in TABS].index(name))
        self._refresh_current()
        return widget

    def current_tab_name(self) -> str:
        return TABS[self.tabs.currentIndex()][0]

    def _tab_changed(self, *_args) -> None:
        self._refresh_current()

    def _refresh_current(self) -> None:
        name = self.current_tab_name()
        widget = self.tab(name)
        if name in self._stale:
            self._stale.discard(name)
            widget.set_year(self.year_info())
            widget.refresh()

    def refresh(self) -> None:
        """After any change: the years again (one may have been closed), then the visible tab."""
        rows = self.ctx.read(views.year_choices)
        wanted = self.year_info().year if self.year.count() else date.today().year
        self.year.blockSignals(True)
        self.year.clear()
        for row in rows:
            closed = row.status == "closed"
            self.year.addItem(_("{year} (closed)").format(year=row.year) if closed else str(row.year),
                              (row.year, closed))
        self.set_year(wanted)
        self.year.blockSignals(False)
        self._stale.update(self.built)
        self._refresh_current()

    # -- shortcuts ---------------------------------------------------------------------------------
    def new_entry(self) -> None:
        tab = self.show_tab("cashbook")
        if tab.new_button.isEnabled():
            tab.new_entry()
