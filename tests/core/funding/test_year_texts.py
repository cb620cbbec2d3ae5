"""The free texts of a year: kept per year, changed one at a time, refused when absurdly long,
and read without writing."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from huurdersgroep_app.core.db.models.funding import YearTexts
from huurdersgroep_app.core.errors import ValidationError
from huurdersgroep_app.core.services.funding.texts import MAX_LENGTH, get_year_texts, set_year_texts


def test_texts_are_kept_per_year_and_changed_one_at_a_time(db):
    with db.transaction() as s:
        set_year_texts(s, 2025, foreword="  Voorwoord 2025\r\n\r\nTweede alinea ", plans="Plannen")
        set_year_texts(s, 2026, foreword="Voorwoord 2026")
    with db.transaction() as s:
        set_year_texts(s, 2025, highlights="Hoogtepunten")  # the others stay
    with db.reading() as s:
        texts = get_year_texts(s, 2025)
        other = get_year_texts(s, 2026)
    assert (texts.foreword, texts.highlights, texts.plans, texts.cover_note) == (
        "Voorwoord 2025\n\nTweede alinea", "Hoogtepunten", "Plannen", "")
    assert other.foreword == "Voorwoord 2026" and other.plans == ""


def test_reading_an_empty_year_writes_nothing(db):
    with db.reading() as s:  # a write here would fail: reads are query_only
        assert get_year_texts(s, 2030).foreword == ""
        assert s.scalar(select(func.count(YearTexts.id))) == 0


def test_too_long_text_is_refused_and_changes_nothing(db):
    with db.transaction() as s:
        set_year_texts(s, 2025, foreword="Kort")
    with pytest.raises(ValidationError) as caught, db.transaction() as s:
        set_year_texts(s, 2025, foreword="x" * (MAX_LENGTH + 1), plans="Nieuw")
    assert "foreword" in caught.value.problems
    with db.reading() as s:
        assert (get_year_texts(s, 2025).foreword, get_year_texts(s, 2025).plans) == ("Kort", "")
