"""Issue 12: several members selected in the members table are put in one complex at once, in one
transaction; a member that vanished meanwhile refuses the whole action."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.members import complexes, members
from huurdersgroep_app.core.services.members.members import MemberInput
from huurdersgroep_app.ui.members.assign_complex import NO_COMPLEX, AssignComplexDialog
from huurdersgroep_app.ui.members.page import ID_ROLE, Page


def _complex_of(ctx, member_id):
    with ctx.db.reading() as s:
        return s.get(Member, member_id).complex_id


def test_selected_members_are_assigned_to_a_complex_at_once(ctx, qtbot, monkeypatch):
    page = Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    wanted = {ctx.db.ids["Hansen"], ctx.db.ids["Peeters"]}   # no complex, and Rabot
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in range(page.proxy.rowCount()):
        index = page.proxy.index(row, 0)
        if page.proxy.data(index, ID_ROLE) in wanted:
            page.table.selectionModel().select(index, flags)
    assert set(page.selected_ids()) == wanted and page.assign_button.isEnabled()
    shown = []
    monkeypatch.setattr(AssignComplexDialog, "exec", lambda self: shown.append(self) or 0)
    page.assign_button.click()
    (dialog,) = shown
    assert sorted(dialog.member_ids) == sorted(wanted)
    dialog.complex.setCurrentIndex(dialog.complex.findText("De Linde"))
    assert dialog.save() and dialog.assigned == 2
    linde = ctx.db.complex_ids["De Linde"]
    assert {_complex_of(ctx, m) for m in wanted} == {linde}
    dialog = AssignComplexDialog(ctx, sorted(wanted))
    qtbot.addWidget(dialog)
    dialog.complex.setCurrentIndex(dialog.complex.findData(NO_COMPLEX))
    assert dialog.save()
    assert {_complex_of(ctx, m) for m in wanted} == {None}


def test_a_missing_member_changes_nobody(db):
    with db.transaction() as s:
        linde = complexes.add_complex(s, "De Linde", 10).id
        jan = members.add_member(s, MemberInput(last_name="Peeters", first_name="Jan")).id
    with pytest.raises(DomainError):
        with db.transaction() as s:
            complexes.assign_members(s, [jan, 9999], linde)
    with db.reading() as s:
        assert s.get(Member, jan).complex_id is None
    with pytest.raises(DomainError):
        with db.transaction() as s:
            complexes.assign_members(s, [], linde)
