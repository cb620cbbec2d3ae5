"""Settings, Rules: the region's values with their kind and source, changed by the group."""
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.ui.settings import page as settings


def test_the_rules_tab_shows_kinds_and_notes_and_saves_a_change(ctx, qtbot, message_boxes):
    page = settings.Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "Rules" in tabs
    rules = page.rules
    assert rules.kinds["advice.advice_weeks"].text() == "[default]"
    assert rules.kinds["privacy.financial_records_years"].text() == "[law]"
    assert rules.kinds["finance.funding_norm_per_dwelling"].text() == "[proposal]"
    texts = [label.text() for label in rules.body.findChildren(type(rules.kinds["advice.advice_weeks"]))]
    assert any("agreed with the landlord" in t and "6 weeks" in t for t in texts)
    rules.editors["advice.advice_weeks"].setValue(8)
    rules.editors["finance.funding_norm_per_dwelling"].setText("7,5O")  # a letter O: not an amount
    assert rules.save() is False
    assert rules.errors.problem("finance.funding_norm_per_dwelling")
    with ctx.db.reading() as s:
        assert organisation.rule_profile(s).get("advice", "advice_weeks") == 6  # nothing stored
    rules.editors["finance.funding_norm_per_dwelling"].setText("7,50")
    assert rules.save()
    with ctx.db.reading() as s:
        assert organisation.rule_profile(s).get("advice", "advice_weeks") == 8
    texts = [label.text() for label in page.rules.body.findChildren(type(rules.kinds["advice.advice_weeks"]))]
    assert any(t.startswith("A default") and "the region's is 6 weeks" in t for t in texts)
