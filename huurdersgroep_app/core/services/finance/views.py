"""The money pages as the window (and the command line) show them: each reader takes a session and
returns plain frozen rows, read in one session, so no database object leaves it and a reader can
run on a worker thread. The window calls these through ``AppContext.read``."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from huurdersgroep_app.core.services.finance import (accounts, allowances, bank_import, budget, categories, dues,
                                                     entries, grants, receipts, transfers, years)
from huurdersgroep_app.core.progress import CancelToken, ProgressCallback
from huurdersgroep_app.core.services.finance.allowances import AllowanceRow
from huurdersgroep_app.core.services.finance.balances import AccountBalance, account_balances
from huurdersgroep_app.core.services.finance.budget import BudgetLineRow
from huurdersgroep_app.core.services.finance.common import year_bounds
from huurdersgroep_app.core.services.finance.dues import DuesRow
from huurdersgroep_app.core.services.finance.entries import EntryInput
from huurdersgroep_app.core.services.finance.figures import FigureTable, budget_vs_actual
from huurdersgroep_app.core.services.finance.search import EntryFilter, EntryRow, search_entries
from huurdersgroep_app.core.services.finance.transfers import TransferRow
from huurdersgroep_app.core.services.members import members
# The Overview's money readers live in snapshot.py, which imports none of the bank import.
from huurdersgroep_app.core.services.finance.snapshot import MoneySnapshot, read_cash_warnings, read_money_snapshot  # noqa: F401,E501
from huurdersgroep_app.i18n import _


@dataclass(frozen=True)
class AccountView:
    id: int
    name: str
    kind: str  # bank | cash
    iban: str
    notes: str
    active: bool


def _account(account) -> AccountView:
    return AccountView(account.id, account.name, account.kind, account.iban or "", account.notes or "",
                       bool(account.active))


def account_rows(session: Session, active_only: bool = False) -> list[AccountView]:
    return [_account(a) for a in accounts.list_accounts(session, active_only)]


def account_view(session: Session, account_id: int) -> AccountView:
    return _account(accounts.get_account(session, account_id))


@dataclass(frozen=True)
class CategoryChoice:
    id: int
    label: str
    kind: str  # income | expense
    active: bool


def category_choices(session: Session, active_only: bool = False) -> list[CategoryChoice]:
    return [CategoryChoice(c.id, categories.label(c), c.kind, c.active)
            for c in categories.list_categories(session, active_only=active_only)]


@dataclass(frozen=True)
class CashBook:
    entries: list[EntryRow]
    missing_receipts: frozenset[int]  # entry ids that need a receipt and have none
    accounts: list[tuple[int, str]]
    categories: list[tuple[int, str, str]]  # (id, label, kind)


def read_cash_book(session: Session, year: int) -> CashBook:
    start, end = year_bounds(year)
    return CashBook(search_entries(session, EntryFilter(start=start, end=end)),
                    frozenset(row.id for row in receipts.missing_receipts(session, year)),
                    [(a.id, a.name) for a in accounts.list_accounts(session)],
                    [(c.id, c.label, c.kind) for c in category_choices(session)])


@dataclass(frozen=True)
class AccountsView:
    accounts: list[AccountView]
    balances: list[AccountBalance]
    transfers: list[TransferRow]
    previous_closed: bool  # the year before is closed, so this year's opening balances follow from it


def read_accounts(session: Session, year: int) -> AccountsView:
    return AccountsView(account_rows(session), account_balances(session, year), transfers.list_transfers(session, year),
                        years.is_closed(session, year - 1))


@dataclass(frozen=True)
class DuesView:
    amount: Decimal | None  # the year's dues per member, None while not set
    rows: list[DuesRow]
    left: list = field(default_factory=list)  # LeftMember: left and not paid, no letter; the treasurer decides


def read_dues(session: Session, year: int) -> DuesView:
    from huurdersgroep_app.core.services.finance.dues_letters import left_without_paying

    rows = dues.dues_status(session, year)
    return DuesView(dues.dues_amount(session, year), rows, left_without_paying(session, year, rows))


@dataclass(frozen=True)
class BudgetView:
    lines: list[BudgetLineRow]
    approval: str  # "Approved on …" or "Not yet approved."
    figures: FigureTable  # the budget against the actuals of the chosen period


def read_budget(session: Session, year: int, start: date, end: date) -> BudgetView:
    return BudgetView(budget.budget_lines(session, year), budget.approval_text(budget.get_budget(session, year)),
                      budget_vs_actual(session, year, start, end))


@dataclass(frozen=True)
class AllowancesView:
    rows: list[AllowanceRow]
    cap: Decimal


def read_allowances(session: Session, year: int) -> AllowancesView:
    return AllowancesView(allowances.allowance_rows(session, year), allowances.allowance_cap(session, year))


def year_choices(session: Session) -> list[years.YearRow]:
    """The years with books, this year, and next year (to prepare its budget)."""
    rows = {row.year: row for row in years.list_years(session)}
    this_year = date.today().year
    for year in (this_year, this_year + 1):
        rows.setdefault(year, years.YearRow(year, "open", None))
    return [rows[year] for year in sorted(rows)]


@dataclass(frozen=True)
class StoredReceipt:
    id: int
    file_name: str
    size: int


def stored_receipts(session: Session, entry_id: int | None) -> list[StoredReceipt]:
    if entry_id is None:
        return []
    return [StoredReceipt(r.id, r.file_name, r.size) for r in receipts.receipts_of(session, entry_id)]


@dataclass(frozen=True)
class EntryChoices:
    """Everything the entry form offers, read in one session."""

    data: EntryInput
    accounts: list[tuple[int, str, bool]]  # (id, name, in use)
    categories: list[CategoryChoice]
    members: list[tuple[int, str]]
    grants: list[tuple[int, str]]
    receipts: list[StoredReceipt] = field(default_factory=list)
    closed: frozenset[int] = frozenset()


def load_choices(session: Session, entry_id: int | None, default: EntryInput) -> EntryChoices:
    data = entries.entry_input(entries.get_entry(session, entry_id)) if entry_id else default
    member_list = members.member_choices(session, keep=(data.member_id,), mark_former=True)
    return EntryChoices(
        data,
        [(a.id, a.name, a.active) for a in accounts.list_accounts(session)],
        category_choices(session),
        member_list,
        [(g.grant_id, f"{g.funder} {g.year}") for g in grants.grant_rows(session)],
        stored_receipts(session, entry_id),
        frozenset(years.closed_years(session)))


@dataclass(frozen=True)
class PreviewNames:
    """Names to show for the ids in the bank import preview's lines."""

    categories: list[CategoryChoice]
    members: dict[int, str]
    accounts: dict[int, str]
    dues_category_id: int | None = None

    def category(self, category_id: int | None) -> str:
        return next((c.label for c in self.categories if c.id == category_id), _("Not categorised"))


def preview_names(session: Session) -> PreviewNames:
    return PreviewNames(category_choices(session), {m.id: m.full_name for m in members.member_rows(session)},
                        {a.id: a.name for a in accounts.list_accounts(session)},
                        categories.category_by_code(session, categories.DUES).id)


@dataclass(frozen=True)
class BankPreview:
    """The bank import's dry run and the names its preview table shows, read in one session."""

    preview: bank_import.ImportPreview
    names: PreviewNames


def read_bank_preview(session: Session, account_id: int, statements: list, file_name: str,
                      progress: ProgressCallback | None = None, cancel: CancelToken | None = None) -> BankPreview:
    """What booking ``statements`` on the account would do (bank_import.import_statements' dry run);
    ``progress``/``cancel`` as in core/progress.py, so the window runs it as a task."""
    preview = bank_import.import_statements(session, accounts.get_account(session, account_id), statements,
                                            dry_run=True, file_name=file_name, progress=progress, cancel=cancel)
    return BankPreview(preview, preview_names(session))


def account_id_by_iban(session: Session, iban: str) -> int | None:
    """The id of the group's account with this IBAN (spaces and case do not matter), or None."""
    found = accounts.find_by_iban(session, iban)
    return found.id if found is not None else None


@dataclass(frozen=True)
class BudgetApproval:
    """How the year's budget was approved, for the approval form; None fields while it is not."""

    decision_id: int | None
    approved_on: date | None
    reference: str


def budget_approval(session: Session, year: int) -> BudgetApproval | None:
    """None while the year has no budget."""
    found = budget.get_budget(session, year)
    if found is None:
        return None
    return BudgetApproval(found.approval_decision_id, found.approved_on, found.approval_reference or "")
