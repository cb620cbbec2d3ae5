"""Overview page: the group's reach and managing its complexes."""
from __future__ import annotations

from huurdersgroep_app.core.services.members import complexes
from huurdersgroep_app.ui.members.complex_dialog import ComplexDialog
from huurdersgroep_app.ui.overview import page as overview


def test_overview_shows_reach_and_manages_complexes(ctx, qtbot):
    page = overview.Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    ctx.data_changed.connect(page.refresh)
    with ctx.db.reading() as s:
        expected = {r.name: (r.members, r.dwellings) for r in complexes.complex_rows(s)}
    shown = {page.model.row_at(r).name: (page.model.row_at(r).members, page.model.row_at(r).dwellings)
             for r in range(page.model.rowCount())}
    assert shown == expected
    total = sum(m for m, _d in expected.values())
    assert f"{total} current members" in page.summary.text()
    assert "Marie Peeters" in page.board_text.text()
    dialog = ComplexDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.name.setText("Rabot")  # exists already
    assert dialog.save() is False and "Rabot" in dialog.form.problem("name")
    dialog.name.setText("Nieuw Gent")
    dialog.dwellings.setValue(80)
    assert dialog.save()
    assert "Nieuw Gent" in {page.model.row_at(r).name for r in range(page.model.rowCount())}

