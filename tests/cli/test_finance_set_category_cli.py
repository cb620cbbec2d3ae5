"""`huurdersgroep finance set-category`: several entries in one category, or a one-line refusal that
writes nothing."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from huurdersgroep_app.cli import main
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.db.models.finance import Entry
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.finance import accounts, categories, entries


@pytest.fixture
def group_file(tmp_path):
    """A new group (no demo) with three uncategorised entries: two out, one in."""
    path = tmp_path / "group.sqlite"
    with Database(path, create=True, backup_on_close=False) as db, db.transaction() as s:
        organisation.create_organisation(s, organisation.OrganisationInput(name="Huurdersgroep Ter Linde",
                                                                           region="vlaanderen"))
        cash = accounts.add_account(s, "Kas", "cash").id
        ids = [entries.add_entry(s, entries.EntryInput(date(2025, 3, day), cash, amount, None,
                                                       counterparty=who)).id
               for day, amount, who in ((1, "-12.35", "Colruyt"), (2, "-4.10", "Aldi"), (3, "20.00", "Stad Gent"))]
    return path, ids


def _categories(path):
    with Database(path, backup_on_close=False) as db, db.reading() as s:
        return [categories.label(line.category) if line.category else None
                for entry in s.scalars(select(Entry).order_by(Entry.id))
                for line in entry.lines]


def test_set_category_for_several_entries(group_file, capsys):
    path, (colruyt, aldi, _city) = group_file
    assert main(["finance", "set-category", str(colruyt), str(aldi), "--category", "refreshments",
                 "--db", str(path)]) == 0
    assert capsys.readouterr().out == "2 entries put in 'Drinks and refreshments'.\n"
    assert _categories(path) == ["Drinks and refreshments", "Drinks and refreshments", None]


def test_a_wrong_kind_or_an_unknown_category_is_one_line_and_writes_nothing(group_file, capsys):
    path, (colruyt, _aldi, city) = group_file
    assert main(["finance", "set-category", str(colruyt), str(city), "--category", "Materials",
                 "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("huurdersgroep: 'Materials' is an expense category, but the entry of ")
    assert "(Stad Gent, €20.00) is money in" in err and "Nothing was changed." in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert main(["finance", "set-category", str(colruyt), "--category", "Cookies", "--db", str(path)]) == 1
    assert "There is no category 'Cookies'" in capsys.readouterr().err
    assert main(["finance", "set-category", "--category", "Materials", "--db", str(path)]) == 2
    capsys.readouterr()
    assert _categories(path) == [None, None, None]
