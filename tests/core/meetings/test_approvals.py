"""Approvals point at the meeting decision that took them: the date and reference follow from it."""
from datetime import date
from decimal import Decimal

import pytest

from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.advices import dossiers as advices
from huurdersgroep_app.core.services.advices import steps as advice_steps
from huurdersgroep_app.core.services.meetings import approvals
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings import minutes
from huurdersgroep_app.core.services.finance import budget as budgets
from huurdersgroep_app.core.services.finance import categories


def make_meetings(s):
    annual = meetings.create_annual_meeting(s, date(2026, 3, 28))
    board = meetings.create_meeting(s, meetings.MeetingInput(type="board", scheduled_on=date(2026, 4, 9)))
    approve_budget = minutes.add_decision(s, annual.id, minutes.DecisionInput(text="The budget 2026 is approved."))
    approve_advice = minutes.add_decision(s, board.id, minutes.DecisionInput(text="The advice on heating is approved."))
    return approve_budget, approve_advice


def test_budget_approved_by_the_annual_meetings_decision(db):
    with db.transaction() as s:
        decision, _ = make_meetings(s)
        category = categories.list_categories(s)[0]
        budgets.set_budget_line(s, 2026, category.id, Decimal("250.00"), "copies")
        budget = budgets.approve_budget(s, 2026, decision_id=decision.id)
    assert budget.approved_on == date(2026, 3, 28)
    assert budget.approval_decision_id == decision.id
    assert f"{decision.label}" in budget.approval_reference


def test_budget_refuses_a_decision_of_another_meeting(db):
    with db.transaction() as s:
        _, board_decision = make_meetings(s)
        category = categories.list_categories(s)[0]
        budgets.set_budget_line(s, 2026, category.id, Decimal("250.00"))
    with pytest.raises(DomainError) as exc:
        with db.transaction() as s:
            budgets.approve_budget(s, 2026, decision_id=board_decision.id)
    assert "annual meeting" in str(exc.value)
    with db.reading() as s:
        assert budgets.get_budget(s, 2026).approved_on is None


def test_advice_approved_by_a_board_decision(db):
    with db.transaction() as s:
        _, decision = make_meetings(s)
        advice = advices.create_advice(s, advices.AdviceInput(title="Heating", requested_on=date(2026, 3, 1)))
        advice_steps.change_status(s, advice.id, "drafting", date(2026, 3, 2))
        advice_steps.save_draft(s, advice.id, "We advise to replace the boilers.", on=date(2026, 3, 5))
        advice_steps.approve(s, advice.id, decision_id=decision.id)
    with db.reading() as s:
        stored = advices.get_advice(s, advice.id)
        assert stored.status == "approved"
        assert stored.approved_on == date(2026, 4, 9)
        assert stored.approval_decision_id == decision.id
        assert decision.label in stored.approval_reference


def test_decision_choices_list_annual_decisions_first_newest(db):
    with db.transaction() as s:
        make_meetings(s)
    with db.reading() as s:
        every = approvals.decision_choices(s)
        annual = approvals.decision_choices(s, annual_only=True)
    assert len(every) == 2 and "heating" in every[0].label
    assert len(annual) == 1 and "budget 2026" in annual[0].label
