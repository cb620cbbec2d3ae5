"""What a check of a funder's condition is made of, and how a check module registers one.

Each check has a key, a label with its parameters, default parameters, a "where to fix it" key that the GUI
maps to a page, and a function that evaluates it from the recorded data for a year.

The year checked is "this year" (the year of the grant): a condition about "last year" looks at
``year - 1`` and one about "next year" at ``year + 1``; where funders differ, that offset is a
parameter. Dates after ``today`` are never counted as done.

Statuses: MET, NOT_MET, TO_CONFIRM (the data cannot tell; the user confirms with evidence).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from sqlalchemy.orm import Session

from huurdersgroep_app.core.rules import RuleProfile
from huurdersgroep_app.i18n import N_, _, format_date, pgettext


def semicolon() -> str:
    """Between the parts of an evidence ('5 board members; all tenants'): French puts a no-break space
    before the semicolon, which a '; ' in the code never did."""
    # TRANSLATORS: between two parts of one sentence; French: a no-break space, the semicolon, a space.
    return pgettext("between parts of a sentence", "; ")


MET, NOT_MET, TO_CONFIRM = "met", "not_met", "to_confirm"
STATUS_LABELS = {MET: N_("met"), NOT_MET: N_("not met"), TO_CONFIRM: N_("to confirm")}
CONFIRM = "confirm"  # a condition in the funder's own words, confirmed by the user
# Where the user confirms a condition with a note or a file.
EVIDENCE_FIX = "funding.evidence"


def status_label(status: str) -> str:
    return _(STATUS_LABELS.get(status, status))


@dataclass(frozen=True)
class Outcome:
    status: str
    evidence: str  # plain words, with real dates and counts
    todo: str = ""  # what to do when it is not met or to confirm
    fix: str = ""  # overrides the check's "where to fix it" key


@dataclass(frozen=True)
class EvidenceNote:
    confirmed_on: date
    note: str
    file_name: str

    def text(self) -> str:
        words = _("confirmed on {date}").format(date=format_date(self.confirmed_on))
        if self.note:
            words = _("{label}: ").format(label=words) + self.note  # the language's colon
        if self.file_name:
            words += " " + _("(file: {name})").format(name=self.file_name)
        return words


@dataclass
class CheckContext:
    session: Session
    year: int
    today: date
    profile: RuleProfile
    funder_id: int | None = None
    evidence: list[EvidenceNote] = field(default_factory=list)  # the user's, for this condition and year
    cache: dict = field(default_factory=dict)  # facts shared by the checks of one run

    @property
    def on(self) -> date:
        """The day the state is looked at: the end of the year, or today if that comes first."""
        return min(self.today, date(self.year, 12, 31))

    def evidence_text(self) -> str:
        return semicolon().join(e.text() for e in self.evidence)


@dataclass(frozen=True)
class Check:
    key: str
    label: str  # N_ text with {parameter} fields
    fix: str
    defaults: dict
    evaluate: Callable[[CheckContext, dict], Outcome]

    def params(self, given: dict | None) -> dict:
        merged = dict(self.defaults)
        merged.update({k: v for k, v in (given or {}).items() if v is not None})
        return merged

    def describe(self, given: dict | None = None, year: int | None = None) -> str:
        """The label with its parameters; ``{year}`` is the year the condition looks at."""
        params = self.params(given)
        shown = {k: _shown(k, v) for k, v in params.items()}
        offset = int(params.get("year_offset", 0) or 0)
        if year is not None:
            shown["year"] = year + offset
        else:
            shown["year"] = {-1: _("last year"), 0: _("this year"), 1: _("next year")}.get(
                offset, _("the year {offset:+d}").format(offset=offset))
        try:
            return _(self.label).format(**shown)
        except (KeyError, IndexError, ValueError):
            return _(self.label)


def _shown(key: str, value):
    if key == "agenda":  # standard agenda items, by their names in the user's language
        from huurdersgroep_app.core.services.meetings.agenda import STANDARD_ITEMS, standard_title

        return ", ".join(standard_title(k).lower() if k in STANDARD_ITEMS else str(k) for k in value)
    return ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else value


CATALOGUE: dict[str, Check] = {}


def check(key: str, label: str, fix: str, **defaults):
    """Register a check function under ``key``."""
    def register(function: Callable[[CheckContext, dict], Outcome]):
        CATALOGUE[key] = Check(key, label, fix, defaults, function)
        return function
    return register


def confirmed(ctx: CheckContext, data_text: str, todo: str) -> Outcome:
    """For a condition the data cannot settle: met once the user confirmed it for the year."""
    if ctx.evidence:
        text = semicolon().join(t for t in (data_text, ctx.evidence_text()) if t)
        return Outcome(MET, text)
    return Outcome(TO_CONFIRM, data_text or _("Nothing in the app shows this."), todo, EVIDENCE_FIX)
