"""The privacy reminder as the Overview shows it: plain counts, read in one session."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from huurdersgroep_app import i18n
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.core.services.privacy import anonymise, consent, retention
from huurdersgroep_app.core.services.privacy.labels import former_member_label


@dataclass(frozen=True)
class PrivacyCounts:
    past_retention: int  # former members and contacts past their retention period
    without_consent: int  # current members without a recorded consent to being registered


def read_counts(session: Session) -> PrivacyCounts:
    return PrivacyCounts(retention.reminder_count(session), consent.count_without_consent(session))


def read_consent_log(session: Session, member_id: int) -> tuple[str, list[consent.ConsentRow], int | None]:
    statement = consent.latest_statement(session)
    return (members.get_member(session, member_id).full_name, consent.consent_rows(session, member_id),
            statement.version if statement else None)


@dataclass(frozen=True)
class RetentionView:
    policy: retention.RetentionPolicy
    items: list[retention.RetentionItem]

    @property
    def people(self) -> int:
        return sum(1 for item in self.items if item.kind in retention.ACTIONABLE)


def read_view(session: Session) -> RetentionView:
    return RetentionView(retention.retention_policy(session), retention.past_retention(session))


@dataclass(frozen=True)
class AnonymisePreview:
    name: str
    left_on: date | None
    new_name: str
    mentions: list[str] = field(default_factory=list)


def read_preview(session: Session, member_id: int) -> AnonymisePreview:
    member = members.get_member(session, member_id)
    with i18n.language(organisation.get_organisation(session).language):  # the name is stored in the group's
        new_name = former_member_label(member.left_on)
    return AnonymisePreview(member.full_name, member.left_on, new_name,
                            anonymise.name_mentions(session, member.full_name))
