"""The landlord's postal address in the new-group dialog and in Settings, stored through the group's service."""
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.ui.settings import page as settings
from huurdersgroep_app.ui.shell.welcome import WelcomeDialog


def test_the_new_group_dialog_takes_the_landlords_address(qtbot, tmp_path, wait_tasks):
    welcome = WelcomeDialog()
    qtbot.addWidget(welcome)
    welcome.create_button.click()
    welcome.path.setText(str(tmp_path / "nieuw.sqlite"))
    welcome.fields["name"].setText("Huurdersgroep Het Anker")
    welcome.fields["landlord_name"].setText("Woonmaatschappij Kust")
    welcome.fields["landlord_postcode"].setText("84")
    welcome.create_group()
    wait_tasks()
    assert welcome.form.problem("landlord_postcode")  # shown on the landlord's row, nothing made
    assert not (tmp_path / "nieuw.sqlite").exists()
    for key, text in (("landlord_street", "Zeedijk"), ("landlord_house_number", "5"), ("landlord_postcode", "8400"),
                      ("landlord_city", "Oostende")):
        welcome.fields[key].setText(text)
    assert welcome.create_group()
    wait_tasks()
    with welcome.database.reading() as s:
        assert organisation.landlord_address_lines(s) == ("Zeedijk 5", "8400 Oostende")
    welcome.database.close()


def test_settings_show_and_change_the_landlords_address(ctx, qtbot, message_boxes):
    page = settings.Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    assert page.group_fields["landlord_street"].text() == ""
    page.group_fields["landlord_street"].setText("Kortrijksesteenweg")
    page.group_fields["landlord_house_number"].setText("100")
    page.group_fields["landlord_postcode"].setText("9000")
    page.group_fields["landlord_city"].setText("Gent")
    assert page.save_group()
    with ctx.db.reading() as s:
        assert organisation.landlord_address_lines(s) == ("Kortrijksesteenweg 100", "9000 Gent")
    again = settings.Page(ctx)
    qtbot.addWidget(again)
    again.refresh()
    assert again.group_fields["landlord_city"].text() == "Gent"
