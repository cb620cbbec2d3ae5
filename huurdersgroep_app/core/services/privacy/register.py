"""The register of processing activities (GDPR art. 30): what the group keeps, why, on what
ground, how long, and who sees it. The periods come from the retention policy, so the register
always says what the app enforces."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.contacts import Contact
from huurdersgroep_app.core.db.models.finance import Entry
from huurdersgroep_app.core.db.models.meetings import Meeting
from huurdersgroep_app.core.db.models.privacy import Consent
from huurdersgroep_app.core.db.models.signals import Signal
from huurdersgroep_app.core.services.privacy.retention import retention_policy
from huurdersgroep_app.i18n import _, ngettext


@dataclass(frozen=True)
class Activity:
    name: str
    purpose: str
    data: str
    legal_basis: str
    retention: str
    access: str
    records: int


def _years(n: int) -> str:
    return ngettext("{n} year", "{n} years", n).format(n=n)


def processing_activities(session: Session) -> list[Activity]:
    policy = retention_policy(session)

    def count(model) -> int:
        return session.scalar(select(func.count()).select_from(model)) or 0

    members_after = _years(policy.former_member_years)
    books = _years(policy.financial_years)
    return [
        Activity(_("Member administration"),
                 _("Keeping the member list, inviting members to meetings, counting the group's reach per complex "
                   "for its funders."),
                 _("Name, address, complex and dwelling, phone, e-mail, language, preferred way of contact, dates "
                   "of membership."),
                 _("Membership (GDPR art. 6(1)(b)) and the member's consent (art. 6(1)(a))."),
                 _("During the membership and {period} after leaving; then anonymised.").format(period=members_after),
                 _("The board; the secretary keeps the file."), count(Member)),
        Activity(_("Board, meetings and minutes"),
                 _("Running the group as its statutes say: board offices, attendance, decisions, action points, "
                   "elections."),
                 _("Name, office and term, attendance and proxies, what was said and decided."),
                 _("The group's statutes and legitimate interest (GDPR art. 6(1)(f))."),
                 _("Approved minutes are kept as the group's record; names stay where they were published."),
                 _("The board; approved minutes are shared with the members."), count(Meeting)),
        Activity(_("Signals from tenants"),
                 _("Following up tenants' problems with the landlord and grouping them into advice."),
                 _("Reporter's name and contact (unless anonymous), address, the problem, the follow-up."),
                 _("The reporter's consent (GDPR art. 6(1)(a)); their name goes to the landlord only with consent."),
                 _("Until the signal is finished and, for members, as long as their member data."),
                 _("The board; confidential signals are never printed in a shared document."), count(Signal)),
        Activity(_("Dues, payments and allowances"),
                 _("Keeping the books, collecting dues, paying volunteer allowances, accounting to funders."),
                 _("Name, IBAN, amounts and dates of payments."),
                 _("A legal obligation to keep books (GDPR art. 6(1)(c))."),
                 _("{period} after the end of the financial year.").format(period=books),
                 _("The treasurer and the board; the audit committee when it checks the books; funders see totals "
                   "only."), count(Entry)),
        Activity(_("Contacts at partner organisations"),
                 _("Reaching the landlord, the municipality and other partners."),
                 _("Name, organisation, department, role, work e-mail and phone."),
                 _("Legitimate interest (GDPR art. 6(1)(f))."),
                 _("While they hold the role and {period} after; then anonymised.").format(
                     period=_years(policy.former_contact_years)),
                 _("The board."), count(Contact)),
        Activity(_("Consent log"),
                 _("Showing what each member consented to, when, how, and which privacy statement they were shown."),
                 _("Member, purpose, date, way of consent, version of the privacy statement, withdrawal."),
                 _("A legal obligation to be able to show consent (GDPR art. 7(1))."),
                 _("As long as the data the consent covers."),
                 _("The board."), count(Consent)),
    ]
