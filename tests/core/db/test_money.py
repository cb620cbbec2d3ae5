from decimal import Decimal

import pytest
from babel.numbers import format_currency, format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, insert, select, text

from huurdersgroep_app import i18n
from huurdersgroep_app.core.db.money import (MAX_AMOUNT, AmountError, Money, StoredAmountError, from_cents,
                                             parse_amount, plain_text, to_cents, to_decimal)
from huurdersgroep_app.core.errors import DomainError

LANGUAGES = ("nl_BE", "nl_NL", "fr_BE", "en")
amounts = st.decimals(min_value=Decimal("-99999999.99"), max_value=Decimal("99999999.99"), places=2,
                      allow_nan=False, allow_infinity=False)
bounded = st.decimals(min_value=-MAX_AMOUNT, max_value=MAX_AMOUNT, places=2, allow_nan=False, allow_infinity=False)


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


def test_rounding_of_computed_decimals_is_half_up():
    assert to_decimal(Decimal("0.005")) == Decimal("0.01")
    assert to_decimal(Decimal("-0.005")) == Decimal("-0.01")
    assert to_decimal(Decimal("2.675")) == Decimal("2.68")


@pytest.mark.parametrize("lang, text_value, expected", [
    ("nl_BE", "1.234,56", "1234.56"), ("nl_BE", "1234,56", "1234.56"), ("nl_BE", "12.50", "12.50"),
    ("nl_BE", "€ -12,5", "-12.50"), ("nl_BE", "1 234,56", "1234.56"), ("nl_BE", "1.234", "1234"),
    ("nl_BE", "0,99", "0.99"), ("nl_BE", "(5,00)", "-5.00"), ("nl_BE", "12,50-", "-12.50"),
    ("nl_BE", "- € 12,50", "-12.50"), ("nl_BE", "12,50 €", "12.50"), ("nl_BE", "+7", "7"),
    ("nl_NL", "€ 1.234,56", "1234.56"), ("nl_NL", "12,50-", "-12.50"),
    ("fr_BE", "1 234,56", "1234.56"), ("fr_BE", "1\u202f234,56\u00a0€", "1234.56"), ("fr_BE", "12,50-", "-12.50"),
    ("en", "1,234.56", "1234.56"), ("en", "1,234", "1234"), ("en", "-€1,234.50", "-1234.50"),
    ("en", "12.50-", "-12.50"), ("en", "12,5", "12.50"),
])
def test_parse_amount_as_people_type_it(lang, text_value, expected):
    assert parse_amount(text_value, lang) == Decimal(expected)
    i18n.set_language(lang)  # without a locale: the interface language
    assert to_decimal(text_value) == Decimal(expected)


# -- the defects of issue 8 §3: each of these was silently changed by the old parser --------------
def test_a_trailing_minus_is_a_minus():
    assert to_decimal("12,50-") == Decimal("-12.50")  # the old parser stored +12.50
    assert parse_amount("12,50-", "nl_BE") == Decimal("-12.50")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_more_than_two_decimals_is_refused_in_every_language(lang):
    for typed in ("0,005", "0.005", "12,345", "2,675"):
        if lang == "en" and typed in ("12,345", "2,675"):
            continue  # '12,345' is twelve thousand three hundred and forty-five in English
        with pytest.raises(AmountError):
            parse_amount(typed, lang)


def test_ambiguous_grouping_is_read_by_the_locale_or_refused():
    assert parse_amount("1.234", "nl_BE") == Decimal("1234")
    with pytest.raises(AmountError, match="more than two decimals"):
        parse_amount("1,234", "nl_BE")  # the old parser read 1.23
    assert parse_amount("1,234", "en") == Decimal("1234")
    with pytest.raises(AmountError, match="more than two decimals"):
        parse_amount("1.234", "en")
    with pytest.raises(AmountError, match="not an amount"):
        parse_amount("1,234.56", "nl_BE")  # English notation in a Flemish field: refused, not guessed
    with pytest.raises(AmountError, match="not an amount"):
        parse_amount("1.234,56", "en")


@pytest.mark.parametrize("typed", ["", "abc", "--5", "-5-", "1E5", "NaN", "Infinity", "12,5x", "1..234", "٣",
                                   "1" * 60, "(-5)", "5 5 5", "€"])
def test_what_is_not_an_amount_is_refused_with_a_translated_message(typed):
    with pytest.raises(AmountError) as caught:
        parse_amount(typed, "nl_BE")
    assert isinstance(caught.value, DomainError) and isinstance(caught.value, ValueError)
    i18n.set_language("nl_BE")
    with pytest.raises(AmountError) as dutch:
        parse_amount(typed)
    assert "is geen bedrag" in dutch.value.message or "meer dan" in dutch.value.message


@pytest.mark.parametrize("lang", LANGUAGES)
@settings(max_examples=150, deadline=None)
@given(value=bounded)
def test_shown_amounts_read_back_exactly(lang, value):
    """Whatever the app shows — the currency format, the number format, the text put back in a
    field — the parser reads back to the same cent, in every language."""
    assert parse_amount(format_currency(value, "EUR", locale=lang), lang) == value
    assert parse_amount(format_decimal(value, locale=lang), lang) == value
    assert parse_amount(plain_text(value, lang), lang) == value
    assert parse_amount(i18n.format_money(value, lang=lang), lang) == value


@pytest.mark.parametrize("lang", LANGUAGES)
@settings(max_examples=100, deadline=None)
@given(cents=st.integers(min_value=-MAX_AMOUNT * 100, max_value=MAX_AMOUNT * 100),
       extra=st.integers(min_value=1, max_value=9), places=st.integers(min_value=3, max_value=6))
def test_more_than_two_decimals_is_never_rounded(lang, cents, extra, places):
    value = Decimal(int(cents)).scaleb(-2) + Decimal(extra).scaleb(-places)
    shown = format_decimal(value, format="#,##0." + "0" * places, locale=lang)
    with pytest.raises(AmountError):
        parse_amount(shown, lang)


# -- bounds (issue 13 §3) ---------------------------------------------------------------------------
@pytest.mark.parametrize("value", [Decimal("1000000000"), Decimal("-1000000000.00"), Decimal("6e16"),
                                   Decimal("1e30"), Decimal("Infinity"), Decimal("999999999.995"), 10**20])
def test_amounts_beyond_the_bound_are_refused(value):
    with pytest.raises(AmountError, match="largest amount"):
        to_decimal(value)


def test_the_bound_itself_is_accepted():
    assert to_decimal(MAX_AMOUNT) == MAX_AMOUNT
    assert parse_amount("-999.999.999,99", "nl_BE") == -MAX_AMOUNT
    with pytest.raises(AmountError, match="largest amount"):
        parse_amount("1.000.000.000,00", "nl_BE")


def test_money_column_refuses_out_of_range_with_a_domain_error_not_a_wrapped_traceback():
    engine, table = _money_table()
    with engine.begin() as con, pytest.raises(StoredAmountError) as caught:
        con.execute(insert(table), [{"amount": Decimal("60000000000000000")}])
    assert isinstance(caught.value, DomainError) and "largest amount" in caught.value.message
    with engine.begin() as con:
        assert con.execute(text("SELECT count(*) FROM t")).scalar() == 0
