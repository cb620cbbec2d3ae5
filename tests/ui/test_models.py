"""The table models keep Qt's model rules (pytest-qt's modeltester) and sort the way people expect."""
from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt

from huurdersgroep_app.core.services import names, organisation
from huurdersgroep_app.core.services.members import complexes
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.ui.members.model import (STATUS_ALL, STATUS_BOARD, STATUS_FORMER, MemberFilterProxy,
                                               MemberTableModel)
from huurdersgroep_app.core.services.members.views import read_board
from huurdersgroep_app.ui.board.page import history_columns
from huurdersgroep_app.ui.overview.page import complex_columns
from huurdersgroep_app.ui.kit.table_model import ID_ROLE, SORT_ROLE, RowsTableModel


def _rows(db):
    with db.reading() as s:
        return members.member_rows(s)


def test_member_model_and_proxy_pass_the_model_tester(group, qtmodeltester):
    model = MemberTableModel(_rows(group))
    qtmodeltester.check(model)
    proxy = MemberFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search("lindelaan")
    qtmodeltester.check(proxy)
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_small_table_models_pass_the_model_tester(group, qtmodeltester):
    with group.reading() as s:
        complex_rows = complexes.complex_rows(s)
        _current, history, _meeting, _rota = read_board(s)
    for model in (RowsTableModel(complex_columns(), complex_rows), RowsTableModel(history_columns(), history)):
        proxy = QSortFilterProxyModel()
        proxy.setSortRole(SORT_ROLE)
        proxy.setSourceModel(model)
        proxy.sort(1)
        qtmodeltester.check(model)
        qtmodeltester.check(proxy)


def test_names_sort_by_the_groups_surname_convention(group, qapp):
    model = MemberTableModel(_rows(group))
    model.sort(MemberTableModel.NAME_COLUMN)
    by_particle = [r.last_name for r in model.rows]  # a Flemish group: 'Van den Broeck' under V by default
    assert by_particle.index("Peeters") < by_particle.index("Van den Broeck")
    with group.transaction() as s:
        organisation.set_setting(s, members.SURNAME_SORT_SETTING, names.SORT_BY_STEM)
    model.set_rows(_rows(group))
    by_stem = [r.last_name for r in model.rows]
    assert by_stem.index("Van den Broeck") < by_stem.index("Çelik") < by_stem.index("Hansen")  # now B < C < H
    assert model.data(model.index(0, 0), SORT_ROLE) == model.rows[0].sort_key


def test_sorting_keeps_selected_rows_and_descending_reverses(group, qapp):
    model = MemberTableModel(_rows(group))
    model.sort(0)
    ascending = [r.id for r in model.rows]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert [r.id for r in model.rows] == ascending[::-1]
    model.sort(1)  # address: street, then house number as a number
    streets = [(r.street, r.house_number) for r in model.rows]
    assert streets == sorted(streets, key=lambda s: (s[0], int(s[1])))


def test_proxy_filters_by_status_complex_and_folded_text(group, qapp):
    model = MemberTableModel(_rows(group))
    proxy = MemberFilterProxy()
    proxy.setSourceModel(model)

    def shown():
        return {proxy.data(proxy.index(r, 0), ID_ROLE) for r in range(proxy.rowCount())}

    ids = group.ids
    assert ids["De Smet"] not in shown() and len(shown()) == len(ids) - 1  # current members by default
    proxy.set_status(STATUS_FORMER)
    assert shown() == {ids["De Smet"]}
    proxy.set_status(STATUS_BOARD)
    assert shown() == {ids["Peeters"]}
    proxy.set_status(STATUS_ALL)
    proxy.set_complex(group.complex_ids["Rabot"])
    assert shown() == {ids["Nguyễn"], ids["Kowalski"], ids["Peeters"]}
    proxy.set_complex(None)
    proxy.set_search("CELIK")
    assert shown() == {ids["Çelik"]}
    proxy.set_search("rabot   nguyen")  # every word must match, in any field
    assert shown() == {ids["Nguyễn"]}
