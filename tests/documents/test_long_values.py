"""Every table document with deliberately long values (issue 9, item 3): a 60-character name, account
and category names, € 9.999.999,99, a structured reference, a long meeting title. Read back from the
PDF: each amount, date and reference stands whole in one piece of text, no word of a name is cut
('…') or broken, and no two pieces of text are drawn over each other."""
from __future__ import annotations

import re
from datetime import date

import pytest

from huurdersgroep_app import i18n
from huurdersgroep_app.core.documents.finance.audit_pack import write_audit_pack
from huurdersgroep_app.core.services.finance.dues import format_structured_reference
from huurdersgroep_app.i18n import format_date, format_money

from long_sample import (HUGE, LONG_ACCOUNT, LONG_CATEGORY, LONG_COMPLEX, LONG_NAME, LONG_STREET, TODAY, YEAR,
                         build_long_group, write_table_documents)
from pdf_layout import lines, normal, overlapping

LANGUAGES = ("nl_BE", "fr_BE", "en")


@pytest.fixture
def long_group(db):
    return build_long_group(db)


# Which values each document must show, as one piece of text.
def _values(lang_reference: str) -> dict[str, list[str]]:
    huge = format_money(HUGE)
    negative = format_money("-" + HUGE)
    short = lambda d: format_date(d, "short")  # noqa: E731
    return {
        "board-list": [short(date(2022, 3, 30)), short(date(2025, 3, 30))],
        "financial-report": [huge],
        "budget": [huge],
        "budget-vs-actual": [huge],
        "audit-pack": [huge, negative, short(date(YEAR, 4, 27)), lang_reference, "ONTV-2025-000123"],
        "decisions-register": [short(date(YEAR, 4, 27))],
        "action-points": [short(date(YEAR, 11, 30))],
        "minutes": [format_date(date(YEAR, 11, 30), "long")],  # every date in the minutes in the long form
        "consultation-history": [short(date(YEAR, 3, 23))],
        "signals-report": [short(date(YEAR, 2, 1))],
    }


WORDS = [w for text in (LONG_NAME, LONG_ACCOUNT, LONG_CATEGORY, LONG_STREET, LONG_COMPLEX) for w in text.split()]


def _broken_words(texts: list[str]) -> list[str]:
    """Words of the long names printed in two pieces: one line ends in a start of the word and
    another line starts with the rest."""
    ends = {t.split()[-1] for t in texts if t.split()}
    starts = {t.split()[0] for t in texts if t.split()}
    return [f"{end} / {word[len(end):]}" for word in WORDS for end in ends
            if len(end) >= 2 and word.startswith(end) and word != end and word[len(end):] in starts]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_table_shows_long_values_whole_and_nothing_overlaps(db, long_group, tmp_path, lang):
    with i18n.language(lang), db.reading() as s:
        made = write_table_documents(s, tmp_path, long_group["meeting"])
        expected = _values(format_structured_reference(long_group["reference"]))
    problems = []
    for name, path in made.items():
        texts = [line.text for line in lines(path)]
        for value in expected.get(name, []):
            if not any(normal(value) in text for text in texts):
                problems.append(f"{name}: {value!r} is not printed whole")
        problems += [f"{name}: cut text {text!r}" for text in texts if "…" in text]
        problems += [f"{name}: word broken {broken!r}" for broken in _broken_words(texts)]
        problems += [f"{name} p.{page}: {a!r} overlaps {b!r}" for page, a, b in overlapping(path)]
    assert not problems, "\n".join(problems)


def test_the_cash_book_shows_the_structured_reference_and_the_description(db, long_group, tmp_path):
    with db.reading() as s:
        write_audit_pack(s, tmp_path / "audit.pdf", YEAR, today=TODAY)
    text = " ".join(line.text for line in lines(tmp_path / "audit.pdf"))
    assert format_structured_reference(long_group["reference"]) in text
    # The description wraps in its column, word by word, in order.
    assert re.search(r"Terugbetaling\s.*verplaatsingen\s.*studiedag", text)

