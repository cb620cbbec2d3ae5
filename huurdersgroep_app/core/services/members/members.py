"""Members: add, edit, end membership, likely duplicates, and the rows behind the members table."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import CONTACT_WAYS, Complex, Member, Office, Organisation
from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services import addresses, names
from huurdersgroep_app.core.services.members.duplicates import DuplicateIndex, near
from huurdersgroep_app.core.services import validation as v
from huurdersgroep_app.core.services.organisation import country as group_country
from huurdersgroep_app.core.services.organisation import get_setting
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, SUPPORTED_LANGUAGES, _

SURNAME_SORT_SETTING = "members.surname_sort"

FIELD_LABELS = {
    "first_name": N_("First name"), "last_name": N_("Last name"), "street": N_("Street"),
    "house_number": N_("Number"), "box": N_("Box"), "postcode": N_("Postcode"), "city": N_("City"),
    "complex_id": N_("Complex"), "dwelling": N_("Dwelling"), "is_tenant": N_("Tenant"),
    "tenant_since": N_("Tenant since"), "phone": N_("Phone"), "email": N_("E-mail"), "iban": N_("IBAN"),
    "language": N_("Language"), "contact_way": N_("Contact by"), "joined_on": N_("Member since"),
    "left_on": N_("Left on"), "left_reason": N_("Reason for leaving"), "consent_on": N_("Consent given on"),
    "consent_how": N_("Consent given how"), "notes": N_("Notes"),
}


@dataclass
class MemberInput:
    """What a form or an import row gives; strings are cleaned and checked by ``clean_member``."""

    last_name: str
    first_name: str = ""
    street: str = ""
    house_number: str = ""
    box: str = ""
    postcode: str = ""
    city: str = ""
    complex_id: int | None = None
    dwelling: str = ""
    is_tenant: bool = True
    tenant_since: date | str | None = None
    phone: str = ""
    email: str = ""
    iban: str = ""
    language: str = ""
    contact_way: str = "letter"
    joined_on: date | str | None = None
    left_on: date | str | None = None
    left_reason: str = ""
    consent_on: date | str | None = None
    consent_how: str = ""
    notes: str = ""


class DuplicateMemberError(DomainError):
    """Not an error in the data: a warning that needs the user's 'save anyway'."""

    def __init__(self, candidates: list[Member]):
        self.candidates = candidates
        listed = "; ".join(f"{m.full_name}, {m.address_line}".strip(", ") for m in candidates[:3])
        super().__init__(_("This looks like a member who is already registered: {names}. Save anyway?").format(
            names=listed))


def clean_member(data: MemberInput, country: str, today: date | None = None) -> dict:
    """Check every field; raises ValidationError with one translated reason per bad field."""
    today = today or date.today()
    values = {f.name: getattr(data, f.name) for f in fields(data)}
    values = {k: (val.strip() if isinstance(val, str) else val) for k, val in values.items()}
    problems: dict[str, str] = {}
    if not values["last_name"]:
        problems["last_name"] = _("The last name is required.")
    checks = {
        "email": lambda x: v.clean_email(x), "iban": lambda x: v.clean_iban(x),
        "phone": lambda x: v.clean_phone(x, country), "postcode": lambda x: v.clean_postcode(x, country),
    }
    for key in ("tenant_since", "joined_on", "left_on", "consent_on"):
        checks[key] = v.parse_date
    for key, check in checks.items():
        try:
            values[key] = check(values[key])
        except v.FieldError as exc:
            problems[key] = str(exc)
    for key in ("tenant_since", "joined_on", "consent_on"):
        if key not in problems:
            try:
                v.check_not_future(values[key], today, _(FIELD_LABELS[key]))
            except v.FieldError as exc:
                problems[key] = str(exc)
    if not problems.get("left_on") and not problems.get("joined_on") and values["left_on"] and values["joined_on"] \
            and values["left_on"] < values["joined_on"]:
        problems["left_on"] = _("A member cannot leave before joining.")
    if values["contact_way"] not in CONTACT_WAYS:
        problems["contact_way"] = _("Choose letter, e-mail or phone as the way to contact.")
    elif values["contact_way"] == "email" and not values["email"] and "email" not in problems:
        problems["email"] = _("An e-mail address is needed when the member is contacted by e-mail.")
    if values["language"] and values["language"] not in SUPPORTED_LANGUAGES:
        problems["language"] = _("Unsupported language '{value}'.").format(value=values["language"])
    if problems:
        raise ValidationError(problems)
    return values


def duplicate_index(session: Session, near_values: dict | None = None) -> DuplicateIndex:
    """The index of the register; with ``near_values``, only of the members those values can be
    a duplicate of (one form's save), else of all (an import checks every row against it)."""
    index = DuplicateIndex()
    stmt = select(Member.id, Member.first_name, Member.last_name, Member.street, Member.house_number,
                  Member.postcode, Member.complex_id).where(Member.anonymised.is_(False))
    narrowing = near(Member.postcode, Member.complex_id, near_values) if near_values is not None else None
    if narrowing is not None:
        stmt = stmt.where(narrowing)
    for mid, first, last, street, number, postcode, cid in session.execute(stmt):
        index.add(mid, {"first_name": first, "last_name": last, "street": street, "house_number": number,
                        "postcode": postcode, "complex_id": cid})
    return index


def find_likely_duplicates(session: Session, values: dict, exclude_id: int | None = None) -> list[Member]:
    """Members who are probably the same person (see core.services.duplicates)."""
    ids = duplicate_index(session, near_values=values).find(values, exclude=exclude_id)
    return [session.get(Member, i) for i in ids]


def _check_complex(session: Session, complex_id: int | None) -> None:
    if complex_id is not None and session.get(Complex, complex_id) is None:
        raise ValidationError({"complex_id": _("This complex does not exist.")})


def add_member(session: Session, data: MemberInput, allow_duplicate: bool = False) -> Member:
    values = clean_member(data, group_country(session))
    _check_complex(session, values["complex_id"])
    if not allow_duplicate:
        duplicates = find_likely_duplicates(session, values)
        if duplicates:
            raise DuplicateMemberError(duplicates)
    member = Member(**values)
    session.add(member)
    session.flush()
    return member


def get_member(session: Session, member_id: int) -> Member:
    return get_or_raise(session, Member, member_id, N_("Member {id} does not exist."), id=member_id)


def update_member(session: Session, member_id: int, data: MemberInput, allow_duplicate: bool = False) -> Member:
    member = get_member(session, member_id)
    values = clean_member(data, group_country(session))
    _check_complex(session, values["complex_id"])
    if not allow_duplicate:
        duplicates = find_likely_duplicates(session, values, exclude_id=member_id)
        if duplicates:
            raise DuplicateMemberError(duplicates)
    for key, value in values.items():
        setattr(member, key, value)
    return member


def member_input(member: Member) -> MemberInput:
    """The form's starting values for an existing member."""
    return MemberInput(**{f.name: getattr(member, f.name) for f in fields(MemberInput)})


def end_membership(session: Session, member_id: int, left_on: date, reason: str = "") -> Member:
    """The member leaves; their board offices end the same day. History stays."""
    member = get_member(session, member_id)
    if member.left_on is not None:
        raise DomainError(_("{name} already left on {date}.").format(name=member.full_name, date=member.left_on))
    if member.joined_on and left_on < member.joined_on:
        raise ValidationError({"left_on": _("A member cannot leave before joining.")})
    member.left_on, member.left_reason = left_on, reason.strip()
    for office in member.offices:
        if office.ended_on is None or office.ended_on > left_on:
            office.ended_on = max(left_on, office.start_on)
    return member


def surname_sort_mode(session: Session) -> str:
    """The group's choice, else its region's habit (Flanders and Brussels under the particle, the
    Netherlands under the stem)."""
    mode = get_setting(session, SURNAME_SORT_SETTING)
    if mode in names.SURNAME_SORTS:
        return mode
    region = session.scalar(select(Organisation.region).limit(1))
    return names.default_sort(region or "")


@dataclass(frozen=True)
class MemberRow:
    """A plain row for tables, lists and documents: no ORM object, no lazy loading."""

    id: int
    first_name: str
    last_name: str
    sort_key: str
    street: str
    house_number: str
    box: str
    postcode: str
    city: str
    complex_id: int | None
    complex_name: str
    phone: str
    email: str
    contact_way: str
    is_tenant: bool
    joined_on: date | None
    left_on: date | None
    is_board: bool
    search_text: str = field(repr=False, default="")

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def address_line(self) -> str:
        return addresses.street_line(self.street, self.house_number, self.box, postcode=self.postcode)

    @property
    def active(self) -> bool:
        return self.left_on is None or self.left_on > date.today()


def member_rows(session: Session, *, active_only: bool = False, on: date | None = None) -> list[MemberRow]:
    """All members as plain rows, sorted by the group's surname convention, in one query."""
    on = on or date.today()
    mode = surname_sort_mode(session)
    board_ids = set(session.scalars(
        select(Office.member_id).where(Office.start_on <= on, (Office.ended_on.is_(None)) | (Office.ended_on > on))
    ))
    stmt = (select(Member.id, Member.first_name, Member.last_name, Member.street, Member.house_number, Member.box,
                   Member.postcode, Member.city, Member.complex_id, Complex.name, Member.phone, Member.email,
                   Member.contact_way, Member.is_tenant, Member.joined_on, Member.left_on)
            .outerjoin(Complex, Member.complex_id == Complex.id))
    if active_only:
        stmt = stmt.where((Member.left_on.is_(None)) | (Member.left_on > on))
    rows = []
    for (mid, first, last, street, number, box, postcode, city, cid, cname, phone, email, way, tenant,
         joined, left) in session.execute(stmt):
        search = names.fold(" ".join((first, last, street, number, postcode, city, cname or "", phone, email)))
        rows.append(MemberRow(mid, first, last, names.sort_key(last, first, mode), street, number, box, postcode,
                              city, cid, cname or "", phone, email, way, tenant, joined, left, mid in board_ids,
                              search))
    rows.sort(key=lambda r: r.sort_key)
    return rows


def member_choices(session: Session, *, active_only: bool = True, keep: tuple[int | None, ...] = (),
                   mark_former: bool = False, on: date | None = None) -> list[tuple[int, str]]:
    """(id, "Last, First") of the members a form offers, sorted by the group's surname convention:
    one narrow query, for the member fields of the dialogs (the full rows of ``member_rows`` cost
    ten times as much on a large group). ``keep``: members listed even when they have left (the
    chair of an old meeting, the member of an old entry); ``mark_former`` says '(former member)' after them."""
    on = on or date.today()
    mode = surname_sort_mode(session)
    stmt = select(Member.id, Member.first_name, Member.last_name, Member.left_on)
    kept = {k for k in keep if k is not None}
    if active_only:
        current = (Member.left_on.is_(None)) | (Member.left_on > on)
        stmt = stmt.where(current | Member.id.in_(kept)) if kept else stmt.where(current)
    rows = []
    for mid, first, last, left in session.execute(stmt):
        label = f"{last}, {first}" if first else last
        if mark_former and left is not None and left <= on:
            label = _("{name} (former member)").format(name=label)
        rows.append((names.sort_key(last, first, mode), mid, label))
    rows.sort()
    return [(mid, label) for _key, mid, label in rows]
