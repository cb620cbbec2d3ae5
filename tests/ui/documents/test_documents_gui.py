"""The Documents page through the real main window (pytest-qt, offscreen): every kind of the
catalogue listed by group; from the demo, a finance document is made in the background into the
group's folder, its text holds the figures of the finance services, and the day it was made is
kept in the group's file; a document the year cannot have is refused in words and nothing is
recorded; 'Save as…' writes where the user chose."""
from __future__ import annotations

from datetime import date

import pypdf
from laptop_window import laptop_window

from huurdersgroep_app.core.documents.catalogue import GROUPS, kinds
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.documents.made import last_made, made_key
from huurdersgroep_app.core.services.finance.balances import account_balances
from huurdersgroep_app.i18n import format_money, language
from huurdersgroep_app.ui.documents import making
from huurdersgroep_app.ui.kit import formats

LAST_YEAR = date.today().year - 1


def _page(db, qtbot):
    win = laptop_window(db, qtbot, "documents")
    return win, win.page("documents")


def _choose_year(page, year: int) -> None:
    page.year.setCurrentIndex(page.year.findData(year))
    assert page.chosen_year() == year


def test_the_page_lists_every_kind_of_the_catalogue_by_group(demo, qtbot):
    _win, page = _page(demo, qtbot)
    shown = {}
    for number in range(page.tree.topLevelItemCount()):
        group = page.tree.topLevelItem(number)
        shown[group.text(0)] = [group.child(i).text(0) for i in range(group.childCount())]
    expected = {}
    for key, title in GROUPS:
        titles = [k.title for k in kinds() if k.group == key]
        if titles:
            expected[title] = titles  # English: the N_ text is the title shown
    assert shown == expected and sum(map(len, shown.values())) == len(kinds())
    assert all(item.text(2) == "never" for item in page.items())


def test_a_finance_document_is_made_in_the_background_and_its_date_kept(demo, qtbot, opened, wait_tasks):
    win, page = _page(demo, qtbot)
    _choose_year(page, LAST_YEAR)
    page.select("financial-report")
    assert page.make_button.isEnabled() and page.preview_button.isEnabled()
    assert page.make() is not None
    wait_tasks()
    (path,) = opened
    assert path.parent == making.group_folder(demo_name(demo), LAST_YEAR) and path.suffix == ".pdf"
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(path).pages)
    with demo.reading() as s:
        lang = organisation.get_organisation(s).language
        closing = [row.closing for row in account_balances(s, LAST_YEAR)]
        assert closing
        made = last_made(s)
    with language(lang):
        for amount in closing:
            assert format_money(amount).replace("\xa0", " ") in text.replace("\xa0", " ")
    when = made[made_key("financial-report", LAST_YEAR)]
    assert when.date() == date.today()
    assert page.item_for("financial-report").text(2).startswith(formats.short_date(date.today()))
    assert page.item_for("budget").text(2) == "never"
    _choose_year(page, LAST_YEAR + 1)  # another year: not made yet
    assert page.item_for("financial-report").text(2) == "never"


def demo_name(db) -> str:
    with db.reading() as s:
        return organisation.get_organisation(s).name


def test_a_document_the_year_cannot_have_is_refused_in_words(ctx, qtbot, opened, message_boxes, wait_tasks):
    _win, page = _page(ctx.db, qtbot)
    page.select("annual-minutes")
    assert [page.format.itemData(i) for i in range(page.format.count())] == ["pdf", "docx"]
    page.preview()
    wait_tasks()
    assert opened == []
    # Made in the group's own language (a Flemish group), whatever the interface's.
    assert ("warning", f"Er is geen jaarvergadering in {date.today().year}.") in message_boxes
    with ctx.db.reading() as s:
        assert last_made(s) == {}
    assert page.item_for("annual-minutes").text(2) == "never"


def test_save_as_writes_the_spreadsheet_where_the_user_chose(demo, qtbot, opened, monkeypatch, tmp_path,
                                                             wait_tasks, message_boxes):
    _win, page = _page(demo, qtbot)
    _choose_year(page, LAST_YEAR)
    page.select("ledger")
    assert not page.preview_button.isEnabled()  # a spreadsheet is saved, not previewed
    chosen = tmp_path / "mine" / "kasboek.xlsx"
    asked = []
    monkeypatch.setattr(making, "ask_target", lambda parent, name, suffix, file_filter:
                        asked.append((name, suffix)) or chosen)
    page.save()
    wait_tasks()
    assert asked and asked[0][1] == ".xlsx"
    assert chosen.exists() and chosen.read_bytes()[:2] == b"PK"
    assert any(str(chosen) in text for _kind, text in message_boxes)
