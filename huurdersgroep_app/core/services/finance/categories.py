"""Income and expense categories. A new group gets the defaults of its rule profile; the group
renames, adds or retires categories. Shipped categories store a code and are shown in the user's
language; a custom name wins over the translated label."""
from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.finance import CATEGORY_KINDS, Category, EntryLine
from huurdersgroep_app.core.db.models.finance_plans import BudgetLine
from huurdersgroep_app.core.errors import DomainError, LockedYearError, NotFoundError, ValidationError
from huurdersgroep_app.core.rules import RuleProfile
from huurdersgroep_app.core.services.finance.years import first_closed_year_using
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _

DUES = "membership_dues"
VOLUNTEER_ALLOWANCES = "volunteer_allowances"
BANK_COSTS = "bank_costs"

LABELS = {
    # income
    "landlord_budget": N_("Landlord's participation budget"),
    "municipal_subsidy": N_("Municipal subsidy"),
    "other_subsidies": N_("Other subsidies"),
    "membership_dues": N_("Membership dues"),
    "donations": N_("Donations"),
    "activity_income": N_("Activity income"),
    "interest": N_("Interest"),
    # expense
    "meeting_rooms": N_("Meeting rooms"),
    "printing": N_("Copies and printing"),
    "refreshments": N_("Drinks and refreshments"),
    "materials": N_("Materials"),
    "communication": N_("Communication (newsletter, flyers)"),
    "training": N_("Training"),
    "experts": N_("Experts"),
    "activities": N_("Activities"),
    "running_costs": N_("Running costs"),
    "volunteer_allowances": N_("Volunteer allowances"),
    "membership_fees": N_("Umbrella / tenants' union membership"),
    "insurance": N_("Insurance"),
    "bank_costs": N_("Bank costs"),
}
# Costs proven by the bank statement itself need no separate receipt.
NO_RECEIPT_NEEDED = {BANK_COSTS}
KIND_LABELS = {"income": N_("Income"), "expense": N_("Expenses")}


def label(category: Category | None) -> str:
    if category is None:
        return _("Not categorised")
    if category.name:
        return category.name
    return _(LABELS[category.code]) if category.code in LABELS else category.code


def ensure_default_categories(session: Session, profile: RuleProfile) -> int:
    """Add the profile's default categories that are missing (never changes existing ones). Called
    when a group is created, in the same transaction; reading never writes."""
    defaults = profile.get("finance", "categories", {}) or {}
    existing = set(session.scalars(select(Category.code)))
    position = session.scalar(select(func.max(Category.position))) or 0
    added = 0
    for kind in CATEGORY_KINDS:
        for code in defaults.get(kind, []):
            if code in existing:
                continue
            position += 1
            session.add(Category(kind=kind, code=code, name="", active=True, position=position,
                                 needs_receipt=kind == "expense" and code not in NO_RECEIPT_NEEDED))
            existing.add(code)
            added += 1
    if added:
        session.flush()
    return added


def list_categories(session: Session, kind: str | None = None, active_only: bool = False) -> list[Category]:
    query = select(Category).order_by(Category.kind.desc(), Category.position, Category.id)
    if kind:
        query = query.where(Category.kind == kind)
    if active_only:
        query = query.where(Category.active.is_(True))
    return list(session.scalars(query))


def get_category(session: Session, category_id: int) -> Category:
    return get_or_raise(session, Category, category_id, N_("This category does not exist (any more)."))


def category_by_code(session: Session, code: str) -> Category:
    category = session.scalar(select(Category).where(Category.code == code))
    if category is None:
        raise NotFoundError(_("There is no category '{code}'.").format(code=code))
    return category


def find_category(session: Session, text: str) -> Category:
    """A category by code or by its shown name (case-insensitive), for the command line."""
    wanted = text.strip().casefold()
    for category in list_categories(session):
        if wanted in (category.code.casefold(), label(category).casefold()):
            return category
    raise NotFoundError(_("There is no category '{name}'.").format(name=text))


def _check_name(session: Session, name: str, exclude_id: int | None = None) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("The name of the category is required.")})
    for category in list_categories(session):
        if category.id != exclude_id and label(category).casefold() == name.casefold():
            raise ValidationError({"name": _("There is already a category called '{name}'.").format(name=name)})
    return name


def add_category(session: Session, kind: str, name: str, needs_receipt: bool | None = None) -> Category:
    if kind not in CATEGORY_KINDS:
        raise ValidationError({"kind": _("Choose income or expense.")})
    name = _check_name(session, name)
    slug = re.sub(r"[^a-z0-9]+", "_", name.casefold()).strip("_")[:30] or "category"
    code, n = f"custom_{slug}", 1
    while session.scalar(select(Category.id).where(Category.code == code)):
        n += 1
        code = f"custom_{slug}_{n}"
    category = Category(kind=kind, code=code, name=name, active=True,
                        position=(session.scalar(select(func.max(Category.position))) or 0) + 1,
                        needs_receipt=kind == "expense" if needs_receipt is None else needs_receipt)
    session.add(category)
    session.flush()
    return category


def rename_category(session: Session, category_id: int, name: str) -> Category:
    category = get_category(session, category_id)
    if name.strip() != label(category):
        _ensure_not_in_closed_year(session, category)
    category.name = _check_name(session, name, exclude_id=category.id)
    return category


def _ensure_not_in_closed_year(session: Session, category: Category) -> None:
    year = first_closed_year_using(session, category_id=category.id)
    if year is not None:
        raise LockedYearError(_("The category '{name}' is used in the closed year {year}, whose books are locked, "
                                "so its name stays as it was. Make it inactive and add a new category instead.")
                              .format(name=label(category), year=year))


def set_category_active(session: Session, category_id: int, active: bool) -> Category:
    """Categories in use are retired, never deleted: closed years still refer to them."""
    category = get_category(session, category_id)
    category.active = active
    return category


def delete_category(session: Session, category_id: int) -> None:
    category = get_category(session, category_id)
    if (session.scalar(select(EntryLine.id).where(EntryLine.category_id == category.id).limit(1)) or
            session.scalar(select(BudgetLine.id).where(BudgetLine.category_id == category.id).limit(1))):
        raise DomainError(_("The category '{name}' is used by entries or a budget; make it inactive instead.").format(
            name=label(category)))
    session.delete(category)
