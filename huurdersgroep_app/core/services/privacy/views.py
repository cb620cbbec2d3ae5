"""The privacy reminder as the Overview shows it: plain counts, read in one session."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from huurdersgroep_app.core.services.privacy import consent, retention


@dataclass(frozen=True)
class PrivacyCounts:
    past_retention: int  # former members and contacts past their retention period
    without_consent: int  # current members without a recorded consent to being registered


def read_counts(session: Session) -> PrivacyCounts:
    return PrivacyCounts(retention.reminder_count(session), len(consent.members_without_consent(session)))
