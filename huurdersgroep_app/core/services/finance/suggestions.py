"""A category for a new bank line, learned from the group's earlier choices: the same
counterparty IBAN first, then the same name, then the same words in the description.
Money in and money out are learned apart (a refund from a supplier is not its invoice)."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.finance import Entry, EntryLine
from huurdersgroep_app.core.services.finance.common import compact_iban
from huurdersgroep_app.core.services.names import fold
from huurdersgroep_app.i18n import N_

# Enough history to know every regular counterparty (years of a usual group's books), little
# enough to stay fast on big books.
HISTORY = 5000
_WORD = re.compile(r"[a-z]{3,}")
REASONS = {"iban": N_("same account number as before"), "name": N_("same counterparty as before"),
           "text": N_("same description as before")}


def text_keys(description: str) -> list[str]:
    """The first three, then the first two words of a description without numbers:
    'Huur zaal De Spoel 03/2024' → ['huur zaal spoel', 'huur zaal'] (a month name often follows)."""
    words = _WORD.findall(fold(description))
    return list(dict.fromkeys(" ".join(words[:n]) for n in (3, 2) if len(words) >= n)) or words[:1]


@dataclass(frozen=True)
class Suggestion:
    category_id: int
    reason: str  # a key of REASONS


class CategorySuggester:
    def __init__(self):
        self._seen: dict[tuple, Counter] = defaultdict(Counter)

    @classmethod
    def from_session(cls, session: Session) -> "CategorySuggester":
        """Learn from the latest unsplit, categorised entries."""
        suggester = cls()
        single = (select(EntryLine.entry_id).group_by(EntryLine.entry_id).having(func.count() == 1)
                  .where(EntryLine.category_id.is_not(None)).subquery())
        rows = session.execute(
            select(Entry.counterparty_iban, Entry.counterparty, Entry.description, Entry.amount,
                   EntryLine.category_id)
            .join(single, single.c.entry_id == Entry.id).join(EntryLine, EntryLine.entry_id == Entry.id)
            .order_by(Entry.id.desc()).limit(HISTORY))
        for iban, name, description, amount, category_id in rows:
            suggester.learn(iban, name, description, amount > 0, category_id)
        return suggester

    @staticmethod
    def _keys(iban: str, name: str, description: str, money_in: bool):
        iban, name = compact_iban(iban), fold(name).strip()
        if iban:
            yield "iban", ("iban", iban, money_in)
        if name:
            yield "name", ("name", name, money_in)
        for text in text_keys(description):
            yield "text", ("text", text, money_in)

    def learn(self, iban: str, name: str, description: str, money_in: bool, category_id: int) -> None:
        for _kind, key in self._keys(iban, name, description, money_in):
            self._seen[key][category_id] += 1

    def suggest(self, iban: str, name: str, description: str, money_in: bool) -> Suggestion | None:
        for kind, key in self._keys(iban, name, description, money_in):
            counts = self._seen.get(key)
            if counts:
                return Suggestion(counts.most_common(1)[0][0], kind)
        return None
