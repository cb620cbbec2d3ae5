"""The Overview's 'year of the group' strip and its way back to the first-run guide."""
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.overview.year_panel import YearPanel
from huurdersgroep_app.ui.shell.first_steps import FirstStepsDialog


def test_the_strip_names_what_is_due_and_offers_the_guide_until_all_is_set_up(group, qapp, qtbot):
    ctx = AppContext(group)
    panel = YearPanel(ctx)
    qtbot.addWidget(panel)
    panel.refresh()
    assert panel.labels["setup"].text() == "Setting up the group: 3 of 5 done."
    assert set(panel.labels) >= {"annual_meeting", "budget", "funding"}
    assert panel.labels["annual_meeting"].text().startswith("✖")  # the test group has no annual meeting
    assert not panel.guide_button.isHidden()
    panel.guide_button.click()
    guide = panel.window().findChildren(FirstStepsDialog) or [w for w in qapp.topLevelWidgets()
                                                               if isinstance(w, FirstStepsDialog)]
    assert guide and guide[0].isVisible()
    guide[0].close()
