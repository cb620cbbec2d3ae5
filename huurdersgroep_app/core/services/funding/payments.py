"""Recognising a funder's payment on bank import: money in from the funder's IBAN is charged to
the funder's open grant of that year and gets the funder's income category unless the group's
own history suggests another."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.finance import Category
from huurdersgroep_app.core.db.models.finance_plans import Funder
from huurdersgroep_app.core.services.finance.common import compact_iban
from huurdersgroep_app.core.services.funding.funders import funders_by_iban
from huurdersgroep_app.core.services.funding.grants import grant_for_payment

# The shipped income category for each kind of funder (codes of finance.categories).
INCOME_CATEGORY = {"landlord": "landlord_budget", "municipality": "municipal_subsidy"}
OTHER_INCOME = "other_subsidies"


class FunderPayments:
    def __init__(self, session: Session):
        self.session = session
        self.by_iban = funders_by_iban(session)
        self.kinds = dict(session.execute(select(Funder.id, Funder.kind)).all()) if self.by_iban else {}
        self.categories = dict(session.execute(select(Category.code, Category.id)).all()) if self.by_iban else {}

    def fill(self, line, suggestion) -> bool:
        """Fill ``line`` (a bank_import.PreviewLine, money in) when it comes from a funder; True if it did."""
        funder_id = self.by_iban.get(compact_iban(line.transaction.counterparty_iban))
        if funder_id is None:
            return False
        line.grant_id = grant_for_payment(self.session, funder_id, line.transaction.booking_date.year)
        if suggestion:
            line.category_id = suggestion.category_id
        else:
            code = INCOME_CATEGORY.get(self.kinds.get(funder_id), OTHER_INCOME)
            line.category_id = self.categories.get(code)
        line.reason = "funder_iban"
        return True


def mark_grants_paid(session: Session, grant_ids: set[int]) -> None:
    """A grant that received a payment is paid (unless it is further along already)."""
    from huurdersgroep_app.core.db.models.finance_plans import Grant

    for grant_id in grant_ids:
        grant = session.get(Grant, grant_id)
        if grant is not None and grant.status in ("applied", "granted"):
            grant.status = "paid"
