"""Issue 12: the complex dialog edits the complex's address ranges, and 'Assign complexes by address'
on the Members page places the members without a complex whose address lies in a range."""
from __future__ import annotations

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.services.members import address_ranges
from huurdersgroep_app.core.services.members.address_ranges import AddressRange
from huurdersgroep_app.ui.members.complex_dialog import ComplexDialog
from huurdersgroep_app.ui.members.complex_ranges import PARITY, POSTCODE
from huurdersgroep_app.ui.members.page import Page


def _ranges(ctx, complex_id):
    with ctx.db.reading() as s:
        return address_ranges.ranges_of(s, complex_id)


def test_the_complex_dialog_saves_and_shows_its_ranges(ctx, qtbot):
    rabot = ctx.db.complex_ids["Rabot"]
    dialog = ComplexDialog(ctx, rabot)
    qtbot.addWidget(dialog)
    assert dialog.ranges.table.rowCount() == 0
    dialog.ranges.add_button.click()
    row = dialog.ranges.table.rowCount() - 1
    cell = dialog.ranges.table.cellWidget
    cell(row, 0).setText("Kerkstr.")
    cell(row, 1).setValue(1)
    cell(row, 2).setValue(49)
    cell(row, PARITY).setCurrentIndex(cell(row, PARITY).findData("odd"))
    cell(row, POSTCODE).setText("9000")
    assert dialog.save()
    assert _ranges(ctx, rabot) == [AddressRange("Kerkstr.", 1, 49, "odd", "9000")]
    again = ComplexDialog(ctx, rabot)
    qtbot.addWidget(again)
    assert again.ranges.ranges() == [AddressRange("Kerkstr.", 1, 49, "odd", "9000")]


def test_an_overlapping_range_is_shown_under_the_table_and_nothing_is_saved(ctx, qtbot):
    linde, rabot = ctx.db.complex_ids["De Linde"], ctx.db.complex_ids["Rabot"]
    with ctx.db.transaction() as s:
        address_ranges.set_ranges(s, rabot, [AddressRange("Kerkstraat", 1, 49)])
    dialog = ComplexDialog(ctx, linde)
    qtbot.addWidget(dialog)
    dialog.dwellings.setValue(77)
    dialog.ranges.add_range(AddressRange("Kerkstraat", 5, 5))
    assert dialog.save() is False
    assert "Rabot" in dialog.form.problem("ranges")
    assert _ranges(ctx, linde) == []
    with ctx.db.reading() as s:
        assert address_ranges.complex_for_address(s, "Kerkstraat", "5") == rabot


def test_assign_complexes_by_address_places_members_without_one(ctx, qtbot, message_boxes):
    linde, rabot = ctx.db.complex_ids["De Linde"], ctx.db.complex_ids["Rabot"]
    page = Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    page.by_address_button.click()
    assert "No complex has address ranges" in message_boxes[-1][1]
    with ctx.db.transaction() as s:
        address_ranges.set_ranges(s, linde, [AddressRange("Kerkstraat", 1, 5, "odd")])
    page.by_address_button.click()
    assert "1 member was placed" in message_boxes[-1][1]
    with ctx.db.reading() as s:
        assert s.get(Member, ctx.db.ids["Hansen"]).complex_id == linde       # Kerkstraat 5, had none
        assert s.get(Member, ctx.db.ids["Peeters"]).complex_id == rabot      # Kerkstraat 7 keeps Rabot
