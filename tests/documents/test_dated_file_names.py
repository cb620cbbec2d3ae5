from datetime import date

from huurdersgroep_app.core.documents.catalogue import dated_file_stem


def test_dated_stem_carries_the_day():
    assert dated_file_stem("board-list", date(2026, 12, 4)) == "board-list-2026-12-04"


def test_dated_stem_keeps_words_safe():
    assert dated_file_stem('Leden "lijst"', date(2026, 3, 28)) == "leden-lijst-2026-03-28"
