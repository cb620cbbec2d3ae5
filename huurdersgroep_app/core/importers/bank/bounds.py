"""Every amount a bank file brings is bounded before anything is previewed or booked: a line at
most ``MAX_AMOUNT``, and so are its balances (they are stored, as an opening balance, in the same
Money columns); the lines of one statement together at most ``MAX_TOTAL`` (see
``core.amounts`` for why these bounds). A file beyond them is refused with the line that passes."""
from __future__ import annotations

from decimal import Decimal

from huurdersgroep_app.core.amounts import MAX_AMOUNT, AmountError, check_amount, check_total
from huurdersgroep_app.core.importers.bank.reading import file_error
from huurdersgroep_app.core.importers.bank.statement import BankStatement
from huurdersgroep_app.i18n import N_, _


def check_bounds(statements: list[BankStatement]) -> None:
    for statement in statements:
        for transaction in statement.transactions:
            _bounded(transaction.amount, MAX_AMOUNT, transaction.line, N_("amount"))
        for balance in (statement.opening_balance, statement.closing_balance):
            if balance is not None:
                _bounded(balance, MAX_AMOUNT, None, N_("balance"))
        try:
            check_total((t.amount for t in statement.transactions),
                        what=_("The lines of statement {id}").format(id=statement.statement_id or "?"))
        except AmountError as error:
            raise file_error(error.message) from None


def _bounded(value: Decimal, limit: Decimal, line: int | None, field: str) -> None:
    try:
        check_amount(value, limit=limit)
    except AmountError as error:
        raise file_error(error.message, line, field if line is not None else None) from None
