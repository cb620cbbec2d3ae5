"""The neutral shape of a bank statement, whatever the file format (CAMT.053, MT940, CODA, CSV)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from huurdersgroep_app.core.errors import DomainError


class BankFileError(DomainError):
    """The file cannot be read as a bank statement; the message names the line. Nothing is written."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class BankTransaction:
    booking_date: date
    amount: Decimal  # positive: money in; negative: money out. Exact, never float.
    currency: str = "EUR"
    value_date: date | None = None
    counterparty_name: str = ""
    counterparty_iban: str = ""
    description: str = ""  # remittance information as free text
    structured_reference: str = ""  # Belgian +++123/4567/89012+++ as 12 digits, or an RF / Dutch payment reference
    bank_reference: str = ""  # the bank's own id of the line when the format has one
    line: int | None = None  # where it stands in the file, for messages

    def fingerprint(self, account: str) -> str:
        """Identity of the line for idempotent imports (the line number is left out on purpose,
        so the same transaction in another export of the same period still matches)."""
        parts = (account, self.booking_date.isoformat(), str(self.amount), self.currency,
                 self.counterparty_iban.replace(" ", ""), self.counterparty_name.strip().lower(),
                 self.description.strip().lower(), self.structured_reference, self.bank_reference)
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


@dataclass
class BankStatement:
    account_iban: str = ""  # compact IBAN when the file has one
    account_number: str = ""  # the account as written in the file (may not be an IBAN)
    currency: str = "EUR"
    statement_id: str = ""
    opening_balance: Decimal | None = None
    opening_date: date | None = None
    closing_balance: Decimal | None = None
    closing_date: date | None = None
    transactions: list[BankTransaction] = field(default_factory=list)

    def balance_mismatch(self) -> Decimal | None:
        """closing − (opening + sum of lines); None when both balances are known and agree
        or when the file gives no balances to check."""
        if self.opening_balance is None or self.closing_balance is None:
            return None
        difference = self.closing_balance - (self.opening_balance + sum((t.amount for t in self.transactions),
                                                                        Decimal("0")))
        return difference or None
