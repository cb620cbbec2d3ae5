from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, insert, select, text

from huurdersgroep_app.core.db.money import Money, from_cents, parse_amount, to_cents, to_decimal

amounts = st.decimals(min_value=Decimal("-99999999.99"), max_value=Decimal("99999999.99"), places=2,
                      allow_nan=False, allow_infinity=False)


@given(amounts)
def test_cents_round_trip_is_exact(value):
    assert from_cents(to_cents(value)) == value


def _money_table():
    engine = create_engine("sqlite://")
    meta = MetaData()
    table = Table("t", meta, Column("id", Integer, primary_key=True), Column("amount", Money))
    meta.create_all(engine)
    return engine, table


@given(st.lists(amounts, min_size=1, max_size=20))
def test_money_column_round_trips_decimal_and_stores_integer_cents(values):
    engine, table = _money_table()
    with engine.begin() as con:
        con.execute(insert(table), [{"amount": v} for v in values])
        back = [row[0] for row in con.execute(select(table.c.amount).order_by(table.c.id))]
        raw = [row[0] for row in con.execute(text("SELECT amount FROM t ORDER BY id"))]
    assert back == values
    assert all(isinstance(v, Decimal) for v in back)
    assert raw == [int(v * 100) for v in values]
    assert all(isinstance(r, int) for r in raw)


def test_float_is_refused():
    with pytest.raises(TypeError):
        to_decimal(0.1)


def test_rounding_is_half_up():
    assert to_decimal(Decimal("0.005")) == Decimal("0.01")
    assert to_decimal(Decimal("-0.005")) == Decimal("-0.01")
    assert to_decimal(Decimal("2.675")) == Decimal("2.68")


@pytest.mark.parametrize("text_value, expected", [
    ("1.234,56", "1234.56"), ("1234,56", "1234.56"), ("12.50", "12.50"), ("€ -12,5", "-12.50"),
    ("1 234,56", "1234.56"), ("1,234.56", "1234.56"), ("1.234", "1234"), ("0,99", "0.99"), ("(5,00)", "-5.00"),
])
def test_parse_amount_as_people_type_it(text_value, expected):
    assert to_decimal(parse_amount(text_value)) == Decimal(expected)
