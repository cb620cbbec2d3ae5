"""The table models of advices, signals and contacts keep Qt's model rules (qtmodeltester), sort
as people expect, and the Overview's deadlines panel lists what is due."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from huurdersgroep_app.core.services import contacts, organisation
from huurdersgroep_app.core.services.advices import dossiers as advices
from huurdersgroep_app.core.services.advices import steps as advice_steps
from huurdersgroep_app.core.services.advices import deadlines
from huurdersgroep_app.core.services.signals import register as signal_register
from huurdersgroep_app.core.services.signals import signals
from huurdersgroep_app.core.services.advices.record import advice_record
from huurdersgroep_app.core.services.advices.dossiers import AdviceInput
from huurdersgroep_app.core.services.signals.signals import SignalInput
from huurdersgroep_app.ui.advices.model import AdviceTableModel, advice_search_text, advice_test, days_text
from huurdersgroep_app.core.services.contacts import read_register
from huurdersgroep_app.ui.contacts.model import contact_columns, contact_search_text, partner_columns
from huurdersgroep_app.ui.overview.deadlines_panel import DeadlinesPanel
from huurdersgroep_app.ui.advices.drafts import version_columns
from huurdersgroep_app.ui.advices.followup import timeline_columns
from huurdersgroep_app.ui.overview.page import Page as OverviewPage
from huurdersgroep_app.ui.kit.row_filter import RowFilterProxy
from huurdersgroep_app.ui.signals.model import SignalFilters, SignalTableModel, cluster_columns, signal_search_text
from huurdersgroep_app.ui.kit.table_model import RowsTableModel

TODAY = date.today()


def _dossiers(ctx):
    made = []
    for n, title in enumerate(("Heating", "Lifts", "Rent")):
        made.append(ctx.call(advices.create_advice, AdviceInput(title=title,
                                                                requested_on=TODAY - timedelta(days=n * 30))))
    ctx.call(advice_steps.save_draft, made[1].id, "Text")
    ctx.call(advice_steps.approve, made[1].id, TODAY - timedelta(days=20))
    ctx.call(advice_steps.mark_sent, made[1].id, TODAY - timedelta(days=19))
    return made


def _signals(ctx):
    for n, category in enumerate(("damp_mould", "damp_mould", "damp_mould", "repairs")):
        ctx.call(signals.add_signal, SignalInput(reported_on=TODAY - timedelta(days=n + 1), category=category,
                                                 description=f"Problem {n}", confidential=n == 3,
                                                 complex_id=ctx.db.complex_ids["Rabot"]))


def test_advice_model_and_proxy_pass_the_model_tester(ctx, qtmodeltester):
    _dossiers(ctx)
    model = AdviceTableModel(ctx.read(advices.advice_rows))
    qtmodeltester.check(model)
    proxy = RowFilterProxy(advice_search_text)
    proxy.setSourceModel(model)
    proxy.set_test(advice_test("open", None))
    proxy.set_search("lif")
    qtmodeltester.check(proxy)
    assert [r.title for r in proxy.source_rows()] == ["Lifts"]
    proxy.set_search("")
    proxy.sort(6, Qt.SortOrder.AscendingOrder)  # days left: the most urgent first, sent dossiers last
    assert [r.title for r in proxy.source_rows()] == ["Rent", "Heating", "Lifts"]
    qtmodeltester.check(proxy)


def test_days_left_in_words():
    assert (days_text(None), days_text(0), days_text(1), days_text(5), days_text(-2)) == \
        ("", "due today", "1 day left", "5 days left", "2 days late")


def test_signal_models_pass_the_model_tester(ctx, qtmodeltester):
    _signals(ctx)
    model = SignalTableModel(ctx.read(signal_register.signal_rows))
    qtmodeltester.check(model)
    proxy = RowFilterProxy(signal_search_text)
    proxy.setSourceModel(model)
    proxy.set_test(SignalFilters(category="damp_mould").accepts)
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 3
    proxy.set_test(None)
    proxy.set_search("confidential")
    assert [r.description for r in proxy.source_rows()] == ["Problem 3"]
    clusters = RowsTableModel(cluster_columns(), ctx.read(signal_register.clusters))
    qtmodeltester.check(clusters)
    assert clusters.index(0, 3).data() == "3 signals about damp and mould in Rabot"


def test_contact_and_dossier_part_models_pass_the_model_tester(ctx, qtmodeltester):
    with ctx.db.transaction() as s:
        partner = contacts.add_partner(s, contacts.PartnerInput(name="Stad Gent", kind="municipality"))
        contacts.add_contact(s, contacts.ContactInput(partner_id=partner.id, last_name="Debaene",
                                                      department="Dienst Wonen", end_on=date(2020, 1, 1)))
    register = ctx.read(read_register)
    people = RowsTableModel(contact_columns(), register.people)
    qtmodeltester.check(people)
    assert people.index(0, 0).data() == "Dienst Wonen" and not register.people[0].current
    proxy = RowFilterProxy(contact_search_text)
    proxy.setSourceModel(people)
    proxy.set_search("wonen")
    qtmodeltester.check(proxy)
    qtmodeltester.check(RowsTableModel(partner_columns(), register.partners))
    advice = _dossiers(ctx)[1]
    record = ctx.read(advice_record, advice.id)
    qtmodeltester.check(RowsTableModel(version_columns(), record.versions))
    qtmodeltester.check(RowsTableModel(timeline_columns(), record.timeline))


def test_the_overview_lists_an_advice_due_soon(ctx, qtbot):
    with ctx.db.reading() as s:
        profile = organisation.rule_profile(s)
    # Requested so long ago that the group's deadline falls within the coming fortnight.
    requested = TODAY - timedelta(days=deadlines.advice_term_days(profile) - 10)
    due = ctx.call(advices.create_advice, AdviceInput(title="House rules", requested_on=requested))
    ctx.call(advices.create_advice, AdviceInput(title="Far away", requested_on=TODAY))
    late = _dossiers(ctx)[1]
    ctx.call(advices.set_reply_due, late.id, TODAY - timedelta(days=1))
    page = OverviewPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    text = page.deadlines.text.text()
    left = (ctx.read(advice_record, due.id).group_deadline - TODAY).days
    assert f">{due.reference}</a> House rules" in text and days_text(left) in text
    assert "Far away" not in text
    assert f">{late.reference}</a> Lifts" in text and "The landlord's reply is late" in text


def test_the_deadlines_panel_says_when_nothing_is_due(ctx, qtbot):
    panel = DeadlinesPanel(ctx)
    qtbot.addWidget(panel)
    panel.refresh()
    assert panel.overview.is_empty and "No advice due" in panel.text.text()
