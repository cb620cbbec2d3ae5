"""Follow-up action points of an advice dossier: what, who, by when, done when."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from huurdersgroep_app.core.db.models.advices import Advice, AdviceAction
from huurdersgroep_app.core.errors import ValidationError
from huurdersgroep_app.core.services import validation as v
from huurdersgroep_app.core.services.advices.dossiers import get_advice
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _


def _clean(what: str, who: str, due_on) -> tuple[str, str, date | None]:
    problems = {}
    what = (what or "").strip()
    if not what:
        problems["what"] = _("Write down what has to be done.")
    try:
        due_on = v.parse_date(due_on)
    except v.FieldError as exc:
        problems["due_on"] = str(exc)
    if problems:
        raise ValidationError(problems)
    return what, (who or "").strip(), due_on


def add_action(session: Session, advice_id: int, what: str, who: str = "",
               due_on: date | str | None = None) -> AdviceAction:
    advice = get_advice(session, advice_id)
    what, who, due_on = _clean(what, who, due_on)
    action = AdviceAction(what=what, who=who, due_on=due_on)
    advice.actions.append(action)
    session.flush()
    return action


def get_action(session: Session, action_id: int) -> AdviceAction:
    return get_or_raise(session, AdviceAction, action_id, N_("Action point {id} does not exist."), id=action_id)


def update_action(session: Session, action_id: int, what: str, who: str = "",
                  due_on: date | str | None = None) -> AdviceAction:
    action = get_action(session, action_id)
    action.what, action.who, action.due_on = _clean(what, who, due_on)
    return action


def set_action_done(session: Session, action_id: int, done_on: date | None) -> AdviceAction:
    """Tick an action point off (``done_on``) or open it again (``None``)."""
    action = get_action(session, action_id)
    action.done_on = done_on
    return action


def delete_action(session: Session, action_id: int) -> None:
    session.delete(get_action(session, action_id))


def open_actions(session: Session, on: date | None = None) -> list[AdviceAction]:
    """Action points not done, across all dossiers, the most urgent first."""
    stmt = (select(AdviceAction).options(joinedload(AdviceAction.advice)).join(Advice)
            .where(AdviceAction.done_on.is_(None))
            .order_by(AdviceAction.due_on.is_(None), AdviceAction.due_on, AdviceAction.id))
    if on is not None:
        stmt = stmt.where(AdviceAction.due_on <= on)
    return list(session.scalars(stmt))
