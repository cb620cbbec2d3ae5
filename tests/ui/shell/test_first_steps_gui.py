"""The first-run guide: shown after a group is created in the welcome dialog, its buttons open the
places, its ticks follow the data; reachable again from the Help menu."""
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.shell.first_steps import FirstStepsDialog
from huurdersgroep_app.ui.shell.welcome import WelcomeDialog


def test_the_guide_ticks_what_is_done_and_its_buttons_open_the_places(group, qapp, qtbot):
    ctx = AppContext(group)
    opened = []
    ctx.set_navigator(lambda name: opened.append(name))
    dialog = FirstStepsDialog(ctx)
    qtbot.addWidget(dialog)
    ticks = {key: label.text() for key, label in dialog.ticks.items()}
    # the test group has a chair, complexes with dwellings and members; no bank account, no landlord address
    assert ticks == {"board": "✔", "complexes": "✔", "members": "✔", "bank": "○", "landlord": "○"}
    assert dialog.summary.text() == "3 of 5 done."
    dialog.buttons["landlord"].click()
    dialog.buttons["members"].click()
    assert opened == ["settings", "members"]
    ctx.call(organisation.update_organisation, organisation.OrganisationInput(
        name="Huurdersgroep De Linde", region="vlaanderen", landlord_street="Kortrijksesteenweg",
        landlord_house_number="100", landlord_postcode="9000", landlord_city="Gent"))
    assert dialog.ticks["landlord"].text() == "✔" and dialog.summary.text() == "4 of 5 done."


def test_a_group_created_in_the_welcome_dialog_opens_the_guide(controller, qtbot, tmp_path, monkeypatch):
    def create_now(dialog):  # what the user does in the dialog, instead of its event loop
        dialog.create_button.click()
        dialog.path.setText(str(tmp_path / "nieuw.sqlite"))
        dialog.fields["name"].setText("Huurdersgroep Het Anker")
        task = dialog.create_group()
        qtbot.waitUntil(lambda: task.done, timeout=20_000)
        return 1

    monkeypatch.setattr(WelcomeDialog, "exec", create_now)
    db = controller.welcome()
    assert db is not None
    controller.show_main(db)
    guide = controller.first_steps
    assert isinstance(guide, FirstStepsDialog) and guide.isVisible()
    assert set(guide.ticks) == {"board", "complexes", "members", "bank", "landlord"}
    assert all(label.text() == "○" for label in guide.ticks.values())  # a new group: nothing set up yet
    guide.close()
    qtbot.waitUntil(lambda: not controller.window.findChildren(FirstStepsDialog))  # closed and deleted
    menu = next(a for a in controller.window.menuBar().actions() if a.text() == "&Help").menu()
    next(a for a in menu.actions() if a.text().startswith("First steps")).trigger()
    shown = controller.window.findChildren(FirstStepsDialog)
    assert len(shown) == 1 and shown[0].isVisible()


def test_opening_an_existing_group_does_not_open_the_guide(controller, group):
    controller.show_main(group)
    assert controller.first_steps is None
