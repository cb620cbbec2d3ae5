"""Advice deadlines from the rule profile. Pure functions: no session, no today() inside.

- the group's deadline: request date + ``advice.advice_days`` (Brussels) or ``advice.advice_weeks``;
- the landlord's reply: date sent (or decided) + ``advice.reply_days``;
- Brussels: advice not given within ``advice.silence_is_favourable_days`` counts as favourable;
- a deadline on a Saturday or Sunday moves to the next Monday when ``advice.weekend_moves_to_monday``.

The values computed here are the defaults of a dossier; the user may change them per dossier.
"""
from __future__ import annotations

from datetime import date, timedelta

from huurdersgroep_app.core.rules import RuleProfile
from huurdersgroep_app.i18n import N_, _

SILENCE_PENDING = "pending"        # the term runs, no advice sent yet
SILENCE_GIVEN = "given"            # the advice went out in time
SILENCE_FAVOURABLE = "favourable"  # the term passed without advice: it counts as favourable
SILENCE_LABELS = {
    SILENCE_PENDING: N_("Term running: without advice by {date} it counts as favourable"),
    SILENCE_GIVEN: N_("Advice given in time"),
    SILENCE_FAVOURABLE: N_("No advice given by {date}: counts as favourable"),
}
# Statuses after which the group's advice is out of its hands.
_ADVICE_GIVEN = ("sent", "replied", "closed")


def moves_off_weekend(profile: RuleProfile) -> bool:
    return bool(profile.get("advice", "weekend_moves_to_monday", True))


def next_working_day(day: date) -> date:
    """Saturday and Sunday move to Monday; other days stay."""
    return day + timedelta(days=(7 - day.weekday()) % 7) if day.weekday() >= 5 else day


def _due(start: date, days: int, profile: RuleProfile) -> date:
    due = start + timedelta(days=days)
    return next_working_day(due) if moves_off_weekend(profile) else due


def advice_term_days(profile: RuleProfile) -> int:
    """The group's term in days: ``advice_days`` where the profile counts days, else weeks × 7."""
    days = int(profile.get("advice", "advice_days", 0) or 0)
    return days if days > 0 else int(profile.get("advice", "advice_weeks", 6) or 0) * 7


def group_deadline(requested_on: date, profile: RuleProfile) -> date | None:
    """The last day for the group's advice; None when the profile sets no term."""
    days = advice_term_days(profile)
    return _due(requested_on, days, profile) if days > 0 else None


def reply_due(sent_on: date, profile: RuleProfile) -> date | None:
    """The last day for the landlord's written answer, counted from the date the advice was sent."""
    days = int(profile.get("advice", "reply_days", 0) or 0)
    return _due(sent_on, days, profile) if days > 0 else None


def silence_deadline(requested_on: date, profile: RuleProfile) -> date | None:
    """After this day, asked advice not given counts as favourable; None where silence means nothing."""
    days = int(profile.get("advice", "silence_is_favourable_days", 0) or 0)
    return _due(requested_on, days, profile) if days > 0 else None


def silence_outcome(advice, today: date) -> str | None:
    """What the silence rule says about a dossier today: one of SILENCE_* or None (no rule applies).

    Reads ``kind``, ``status``, ``sent_on`` and ``silence_deadline`` (stored on the dossier when the
    request came in, so a later change of the profile does not rewrite the past).
    """
    deadline = advice.silence_deadline
    if deadline is None or advice.kind != "asked" or advice.status == "withdrawn":
        return None
    if advice.sent_on is not None and advice.sent_on <= deadline:
        return SILENCE_GIVEN
    if today <= deadline and advice.status not in _ADVICE_GIVEN:
        return SILENCE_PENDING
    return SILENCE_FAVOURABLE


def silence_label(outcome: str | None, deadline: date | None) -> str:
    from huurdersgroep_app.i18n import format_date

    if outcome is None:
        return ""
    return _(SILENCE_LABELS[outcome]).format(date=format_date(deadline))


def days_left(deadline: date | None, today: date) -> int | None:
    """Days until the deadline (0 = today, negative = overdue)."""
    return None if deadline is None else (deadline - today).days
