"""Import members from a CSV or XLSX file: read it, map its columns, preview every row, add the valid ones.

The preview checks each row with the same rules as the member form and reports every problem
with its line number; likely duplicates (inside the file or against the register) are problems
too. A member who is already registered with the same name and address is skipped quietly, so
importing the same file twice adds nothing. ``apply`` refuses a preview with problems unless the
user chose to import only the valid rows.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Complex, Member
from huurdersgroep_app.core.errors import DomainError, ImportError_, ValidationError
from huurdersgroep_app.core.importers import member_cells as cells
from huurdersgroep_app.core.importers.member_columns import (IGNORE, IMPORT_FIELDS, MULTI_FIELDS, check_mapping,
                                                             guess_mapping, merge_mapping)
from huurdersgroep_app.core.importers.tabular import Table, read_table
from huurdersgroep_app.core.progress import CancelToken, ProgressCallback, Steps
from huurdersgroep_app.core.services import addresses, names
from huurdersgroep_app.core.services.members.address_ranges import RangeIndex
from huurdersgroep_app.core.services.members.complexes import add_complex
from huurdersgroep_app.core.services.members.duplicates import DuplicateIndex
from huurdersgroep_app.core.services.members.members import FIELD_LABELS, MemberInput, clean_member
from huurdersgroep_app.core.services.organisation import country as group_country
from huurdersgroep_app.i18n import N_, _, ngettext

__all__ = ["IGNORE", "IMPORT_FIELDS", "Preview", "RowProblem", "Table", "apply", "check_mapping", "guess_mapping",
           "merge_mapping", "preview", "read_table"]

DUPLICATE = "duplicate"  # the RowProblem.field of a likely duplicate
DUPLICATE_LABEL = N_("Possible duplicate")
_MEMBER_FIELDS = [f.name for f in fields(MemberInput)]
_DATE_FIELDS = {"tenant_since", "joined_on", "left_on", "consent_on"}


@dataclass(frozen=True)
class RowProblem:
    line: int
    field: str         # an IMPORT_FIELDS / MemberInput field name, or DUPLICATE
    field_label: str   # translated
    reason: str        # translated


@dataclass
class Preview:
    valid: list[tuple[int, MemberInput]]   # cleaned values; complex_id None for a complex made on apply
    problems: list[RowProblem]
    already_present: list[int]             # lines of members who are already registered
    new_complexes: list[str]               # complexes the valid rows name that do not exist yet
    skipped_rows: int                      # rows with at least one problem
    total_rows: int = 0
    unmapped_columns: list[str] = field(default_factory=list)   # neither recognised nor chosen
    complex_of_line: dict[int, str] = field(default_factory=dict)  # valid line → new complex name
    placed_by_address: list[int] = field(default_factory=list)     # valid lines given a complex by their address

    @property
    def problem_lines(self) -> list[int]:
        return sorted({p.line for p in self.problems})


def _identity(first: str, last: str, street: str, number: str, box: str, postcode: str) -> str:
    """Same person, same address: raw file text and cleaned database values give the same key."""
    def alnum(text):
        return cells.key(text or "")

    return "|".join((alnum(first), alnum(last), names.normalise_address(street or "", number or "", postcode or ""),
                     alnum(box)))


class _Register:
    """What the database already holds, read once: identities, the duplicate index, complexes."""

    def __init__(self, session: Session):
        self.index = DuplicateIndex()
        self.identities: set[str] = set()
        self.described: dict[int, str] = {}
        stmt = select(Member.id, Member.first_name, Member.last_name, Member.street, Member.house_number,
                      Member.box, Member.postcode, Member.city, Member.complex_id).where(Member.anonymised.is_(False))
        for mid, first, last, street, number, box, postcode, city, cid in session.execute(stmt):
            values = {"first_name": first, "last_name": last, "street": street, "house_number": number,
                      "postcode": postcode, "complex_id": cid}
            self.index.add(mid, values)
            self.identities.add(_identity(first, last, street, number, box, postcode))
            address = addresses.one_line(street, number, box, postcode, city)
            self.described[mid] = f"{first} {last}".strip() + (f", {address}" if address else "")
        self.complexes: dict[str, int] = {}
        for cid, name, code in session.execute(select(Complex.id, Complex.name, Complex.code)):
            self.complexes.setdefault(names.fold(name).strip(), cid)
            if code:
                self.complexes.setdefault(names.fold(code).strip(), cid)


def _columns_by_field(table: Table, mapping: dict[str, str | None]) -> dict[str, list[int]]:
    by_field: dict[str, list[int]] = {}
    for column, field_name in mapping.items():
        if not field_name:
            continue
        if column not in table.headers:
            raise DomainError(_("The file has no column '{column}'. Its columns are: {columns}.").format(
                column=column, columns=", ".join(table.headers)))
        if field_name not in IMPORT_FIELDS:
            raise DomainError(_("Unknown field '{field}'. Choose one of: {fields}.").format(
                field=field_name, fields=", ".join(IMPORT_FIELDS)))
        by_field.setdefault(field_name, []).append(table.headers.index(column))
    for indexes in by_field.values():
        indexes.sort()
    if not by_field.keys() & {"last_name", "full_name"}:
        raise ImportError_(_("No column holds the members' names. Name a column 'Naam' or 'Achternaam', or "
                             "choose the column with --map COLUMN=last_name (or full_name)."))
    return by_field


class _RowReader:
    """Turns one row of text cells into a MemberInput, collecting the problems of interpretation."""

    def __init__(self, table: Table, by_field: dict[str, list[int]], country: str):
        self.headers, self.by_field, self.country = table.headers, by_field, country
        # In a column that marks tenants with an 'x', an empty cell means 'no'.
        tenant_cols = by_field.get("is_tenant", [])
        self.blank_tenant = not any(cells.key(row[i]) in ("x", "✓", "✔") for row in table.rows for i in tenant_cols)

    def read(self, row: list[str]) -> tuple[dict, list[tuple[str, str]], str]:
        """(MemberInput values, [(field, reason)], complex name)."""
        text, notes = {}, []
        for field_name, indexes in self.by_field.items():
            filled = [(i, row[i]) for i in indexes if row[i]]
            text[field_name] = filled[0][1] if filled else ""
            if field_name in MULTI_FIELDS and field_name != "notes":
                notes += [f"{self.headers[i]}: {value}" for i, value in filled[1:]]
            elif field_name == "notes":
                text["notes"] = "\n".join(value for _i, value in filled)
        values = {key: text.get(key, "") for key in _MEMBER_FIELDS if key in text and key != "is_tenant"}
        for key in _DATE_FIELDS & values.keys():
            values[key] = cells.date_text(values[key])
        self._split_combined(text, values)
        problems: list[tuple[str, str]] = []
        if "is_tenant" in text:
            answer = cells.yes_no(text["is_tenant"]) if text["is_tenant"] else self.blank_tenant
            if answer is None:
                problems.append(("is_tenant", _("'{value}' is not yes or no. Write ja or nee (oui/non, yes/no), "
                                                "or mark tenants with x.").format(value=text["is_tenant"])))
            else:
                values["is_tenant"] = answer
        if text.get("language"):
            values["language"] = cells.language(text["language"], self.country) or ""
            if not values["language"]:  # a language the app does not speak is still worth keeping
                notes.append(f"{self._header('language')}: {text['language']}")
        if text.get("contact_way"):
            way = cells.contact_way(text["contact_way"])
            if way is None:
                problems.append(("contact_way", _("'{value}' is not a way to contact. Write letter, e-mail or "
                                                  "phone.").format(value=text["contact_way"])))
            values["contact_way"] = way or "letter"
        elif "contact_way" in values:
            values["contact_way"] = "letter"
        consent = text.get("consent_on", "")
        if consent and cells.yes_no(consent) is not None:
            # A yes/no column instead of a date: keep the answer, invent no date.
            values["consent_on"] = None
            if cells.yes_no(consent):
                values["consent_how"] = values.get("consent_how") or f"{self._header('consent_on')}: {consent}"
            else:
                notes.append(f"{self._header('consent_on')}: {consent}")
        if notes:
            values["notes"] = "\n".join(filter(None, [values.get("notes", "")] + notes))
        return values, problems, text.get("complex_name", "")

    def _header(self, field_name: str) -> str:
        return self.headers[self.by_field[field_name][0]]

    def _split_combined(self, text: dict, values: dict) -> None:
        """Fill first/last name, street/number/box and postcode/city from combined columns where empty."""
        if text.get("full_name") and not (values.get("first_name") or values.get("last_name")):
            values["first_name"], values["last_name"] = cells.split_full_name(text["full_name"])
        if text.get("address") and not values.get("street"):
            street, number, box = cells.split_address(text["address"])
            values["street"] = street
            values["house_number"] = values.get("house_number") or number
            values["box"] = values.get("box") or box
        if text.get("postcode_city") and not (values.get("postcode") or values.get("city")):
            values["postcode"], values["city"] = cells.split_postcode_city(text["postcode_city"], self.country)
        values.setdefault("last_name", "")


def _label(field_name: str) -> str:
    return _(IMPORT_FIELDS.get(field_name) or FIELD_LABELS.get(field_name) or field_name)


def preview(session: Session, table: Table, mapping: dict[str, str | None], today: date | None = None,
            progress: ProgressCallback | None = None, cancel: CancelToken | None = None) -> Preview:
    """Check every row; nothing is written. ``mapping`` is column → field (None or absent: not imported).
    ``progress(rows checked, rows)`` per row; ``cancel`` is looked at between rows."""
    steps = Steps(progress, cancel, total=len(table.rows))
    by_field = _columns_by_field(table, mapping)
    country = group_country(session)
    today = today or date.today()
    register = _Register(session)
    ranges = RangeIndex(session)
    reader = _RowReader(table, by_field, country)
    in_file, in_file_identities = DuplicateIndex(), {}
    valid, problems, present, complex_of_line, new_complexes, by_address = [], [], [], {}, {}, []
    for line, row in zip(table.lines, table.rows, strict=True):
        steps.advance()
        values, row_problems, complex_name = reader.read(row)
        complex_key = names.fold(complex_name).strip()
        values["complex_id"] = register.complexes.get(complex_key) if complex_name else None
        # A row that names no complex gets the one whose address range holds its address.
        placed = not complex_name and ranges and ranges.find(
            values.get("street", ""), values.get("house_number", ""), values.get("postcode", ""))
        if placed:
            values["complex_id"] = placed
        identity = _identity(values.get("first_name"), values["last_name"], values.get("street"),
                             values.get("house_number"), values.get("box"), values.get("postcode"))
        if values["last_name"].strip() and identity in register.identities:
            present.append(line)
            continue
        try:
            cleaned = clean_member(MemberInput(**values), country, today)
        except ValidationError as exc:
            cleaned = None
            row_problems += list(exc.problems.items())
        reasons = [RowProblem(line, key, _label(key), reason) for key, reason in row_problems]
        probe = dict(values, complex_id=values["complex_id"] or (f"new:{complex_key}" if complex_key else None))
        for reason in _duplicates(line, probe, identity, register, in_file, in_file_identities):
            reasons.append(RowProblem(line, DUPLICATE, _(DUPLICATE_LABEL), reason))
        problems += reasons
        if not reasons and cleaned is not None:
            valid.append((line, MemberInput(**cleaned)))
            if placed:
                by_address.append(line)
            if complex_name and values["complex_id"] is None:
                complex_of_line[line] = new_complexes.setdefault(complex_key, " ".join(complex_name.split()))
    return Preview(valid=valid, problems=problems, already_present=present, new_complexes=list(new_complexes.values()),
                   skipped_rows=len({p.line for p in problems}), total_rows=len(table.rows),
                   unmapped_columns=[h for h in table.headers if h not in mapping], complex_of_line=complex_of_line,
                   placed_by_address=by_address)


def _duplicates(line: int, probe: dict, identity: str, register: _Register, in_file: DuplicateIndex,
                in_file_identities: dict[str, int]) -> list[str]:
    """Reasons this row looks like a registered member or an earlier row; the row joins the file's index."""
    if not probe["last_name"].strip():
        return []
    reasons = []
    found = register.index.find(probe, households=True)
    if found:
        reasons.append(_("Probably the same person as {member}, who is already registered.").format(
            member="; ".join(register.described[i] for i in found[:3])))
    earlier = in_file_identities.get(identity)
    if earlier is not None:
        reasons.append(_("The same person as on line {line}.").format(line=earlier))
    else:
        lines = in_file.find(probe, households=True)
        if lines:
            reasons.append(ngettext("Probably the same person as on line {lines}.",
                                    "Probably the same person as on lines {lines}.", len(lines)).format(
                lines=", ".join(str(n) for n in lines)))
        in_file_identities[identity] = line
    in_file.add(line, probe)
    return reasons


def apply(session: Session, preview: Preview, *, valid_only: bool = False) -> int:
    """Add the preview's valid rows (and their new complexes) in the caller's transaction.

    All or nothing: with problems in the file this refuses, unless ``valid_only``. Members who were
    registered after the preview was made are skipped, so nothing is added twice."""
    if preview.problems and not valid_only:
        raise ImportError_(ngettext("The file has {count} problem; nothing was imported.",
                                    "The file has {count} problems; nothing was imported.",
                                    len(preview.problems)).format(count=len(preview.problems)))
    if not preview.valid:
        return 0
    register = _Register(session)
    complex_ids = {}
    for name in preview.new_complexes:
        key = names.fold(name).strip()
        complex_ids[key] = register.complexes.get(key) or add_complex(session, name).id
    rows = []
    for line, data in preview.valid:
        values = {key: getattr(data, key) for key in _MEMBER_FIELDS}
        if line in preview.complex_of_line:
            values["complex_id"] = complex_ids[names.fold(preview.complex_of_line[line]).strip()]
        identity = _identity(values["first_name"], values["last_name"], values["street"], values["house_number"],
                             values["box"], values["postcode"])
        if identity not in register.identities:
            register.identities.add(identity)
            rows.append(values)
    if rows:
        # One executemany instead of 10,000 ORM objects: the rows are already checked.
        session.execute(insert(Member), rows)
    return len(rows)
