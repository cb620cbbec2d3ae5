"""Dates that make no sense are refused or questioned by the services (GUI and CLI alike):
a discharge at a meeting still to come or for books still open, an approval through a future
meeting's decision or dated in the future, a future meeting marked held."""
from datetime import date, timedelta
from decimal import Decimal

import pytest

from huurdersgroep_app.core.db.models.finance import FinancialYear
from huurdersgroep_app.core.errors import ConfirmationNeeded, DomainError, ValidationError
from huurdersgroep_app.core.services.advices import dossiers as advices
from huurdersgroep_app.core.services.advices import steps as advice_steps
from huurdersgroep_app.core.services.finance import budget as budgets
from huurdersgroep_app.core.services.finance import categories
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings import minutes

FUTURE = date.today() + timedelta(days=60)


def test_discharge_at_a_meeting_not_yet_held_is_refused(db):
    with db.transaction() as s:
        annual = meetings.create_annual_meeting(s, FUTURE)
        with pytest.raises(DomainError, match="has not been held yet"):
            minutes.record_discharge(s, annual.id, FUTURE.year - 1, confirm_open_books=True)
        assert minutes.discharge_decision(s, FUTURE.year - 1) is None


def test_discharge_for_open_books_is_asked_and_recorded_once_confirmed(db):
    with db.transaction() as s:
        annual = meetings.create_annual_meeting(s, "29/03/2025")
        meetings.set_meeting_status(s, annual.id, "held")
        with pytest.raises(ConfirmationNeeded, match="books of 2024 are still open"):
            minutes.record_discharge(s, annual.id, 2024)
        assert minutes.discharge_decision(s, 2024) is None
        assert minutes.record_discharge(s, annual.id, 2024, confirm_open_books=True).financial_year == 2024


def test_discharge_for_closed_books_needs_no_question(db):
    with db.transaction() as s:
        s.add(FinancialYear(year=2024, status="closed", closed_on=date(2025, 2, 1)))
        annual = meetings.create_annual_meeting(s, "29/03/2025")
        meetings.set_meeting_status(s, annual.id, "held")
        assert minutes.record_discharge(s, annual.id, 2024).financial_year == 2024


def _future_decision(s):
    annual = meetings.create_annual_meeting(s, FUTURE)
    return minutes.add_decision(s, annual.id, minutes.DecisionInput(text="The budget is approved."))


def test_a_budget_is_not_approved_by_a_future_meetings_decision(db):
    with db.transaction() as s:
        decision = _future_decision(s)
        budgets.set_budget_line(s, FUTURE.year, categories.list_categories(s)[0].id, Decimal("250.00"))
        with pytest.raises(DomainError, match="has not taken place yet"):
            budgets.approve_budget(s, FUTURE.year, decision_id=decision.id)
        with pytest.raises(ValidationError, match="lies in the future"):
            budgets.approve_budget(s, FUTURE.year, FUTURE.strftime("%d/%m/%Y"), "by hand")
        assert budgets.get_budget(s, FUTURE.year).approved_on is None


def test_an_advice_is_not_approved_in_the_future(db):
    with db.transaction() as s:
        decision = _future_decision(s)
        advice = advices.create_advice(s, advices.AdviceInput(title="Heating", requested_on=date.today()))
        advice_steps.change_status(s, advice.id, "drafting", date.today())
        advice_steps.save_draft(s, advice.id, "We advise to replace the boilers.", on=date.today())
        with pytest.raises(DomainError, match="has not taken place yet"):
            advice_steps.approve(s, advice.id, decision_id=decision.id)
        with pytest.raises(ValidationError, match="lies in the future"):
            advice_steps.approve(s, advice.id, FUTURE, "board")
        assert advices.get_advice(s, advice.id).status == "drafting"


def test_a_future_meeting_cannot_be_marked_held(db):
    with db.transaction() as s:
        meeting = meetings.create_meeting(s, meetings.MeetingInput(type="board", scheduled_on=FUTURE))
        with pytest.raises(DomainError, match="cannot be held before then"):
            meetings.set_meeting_status(s, meeting.id, "held")
        assert meeting.status == "planned"
