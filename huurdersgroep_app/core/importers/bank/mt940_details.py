"""The ``:86:`` field of MT940, which every bank fills its own way.

- Rabobank, ING and today's ABN AMRO: structured ``/KEY/value`` pairs (/EREF/, /NAME/, /REMI/,
  /IBAN/, /CNTP/IBAN/BIC/NAME/CITY/ …): one long text cut into lines, even in the middle of a
  word, so its lines are joined as they are (a cut between words keeps its trailing space).
- Triodos (and German-style banks with ``?``): a three-digit code and ``>NN`` sub-fields:
  >20-29 and >60-63 the description, >31 the counterparty account, >32-33 its name.
- ABN AMRO's older export: free text in columns ('GIRO 428428 KPN …', 'BEA NR:… 12.54 SHOP,PAS999').
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from huurdersgroep_app.core.importers.bank.reading import squeeze
from huurdersgroep_app.core.importers.bank.references import compact_iban, find_reference, normalise_reference

_KEYS = ("EREF", "MARF", "CSID", "CNTP", "BENM", "ORDP", "NAME", "REMI", "IBAN", "BIC", "ADDR", "ISDT",
         "PURP", "RTRN", "ULTC", "ULTD", "ULTB", "TRTP", "RTYP", "SVCL", "PREF", "BUSP", "CDTRREF")
_KEY = re.compile(r"/(" + "|".join(_KEYS) + r")/")
_SUBFIELDS = re.compile(r"^\d{3}\s*[>?]\d{2}")
_SUBFIELD = re.compile(r"[>?](\d{2})")
_GIRO = re.compile(r"^GIRO\s+\d+\s+(.+?)(?:\s{2,}|$)")
_CARD = re.compile(r"^(?:BEA|GEA)\s+.*?\d{2}[.:]\d{2}\s+(.+?)(?:,PAS\d*|$)")
_OLD_ACCOUNT = re.compile(r"^(\d{1,3}(?:\.\d{2,3}){2,4}|\d{7,10})\s{2,}(.+?)(?:\s{2,}|$)")
_DUTCH_REFERENCE = re.compile(r"BETALINGSKENM\.?\s*:?\s*(\d{7,16})")


@dataclass(frozen=True)
class Details:
    counterparty_name: str = ""
    counterparty_account: str = ""  # as written; the caller keeps it only when it is an IBAN
    description: str = ""
    structured_reference: str = ""


def read_details(text: str) -> Details:
    """``text``: the :86: content as in the file, its lines separated by newlines."""
    lines = (text or "").strip("\n").split("\n")
    if not "".join(lines).strip():
        return Details()
    joined = "".join(lines)
    if _SUBFIELDS.match(lines[0]):
        return _subfields(joined)
    if _KEY.search(joined) and joined.lstrip().startswith("/"):
        return _structured(joined)
    return _free_text([line.strip() for line in lines])


def _structured(text: str) -> Details:
    parts = _KEY.split(text)
    fields: dict[str, str] = {}
    for key, value in zip(parts[1::2], parts[2::2], strict=True):
        fields.setdefault(key, value.strip().strip("/").strip())
    name, account = fields.get("NAME", ""), fields.get("IBAN", "")
    if fields.get("CNTP"):  # /CNTP/account/BIC/name/city/
        counterparty = [part.strip() for part in fields["CNTP"].split("/")]
        account = account or counterparty[0]
        name = name or (counterparty[2] if len(counterparty) > 2 else "")
    remittance, reference = fields.get("REMI", ""), ""
    if remittance.startswith("USTD"):
        remittance = remittance[4:].strip("/ ")
    elif remittance.startswith(("STRD", "CDTRREFTP")) or fields.get("CDTRREF"):
        # /REMI/STRD/CUR/1234567890123456/ or /REMI/CDTRREFTP//CD/SCOR/ISSR/CUR/CDTRREF/1234…/
        reference = normalise_reference(fields.get("CDTRREF") or remittance.rstrip("/").rpartition("/")[2])
        remittance = ""
    description = squeeze(remittance) or squeeze(fields.get("EREF", ""))
    return Details(counterparty_name=squeeze(name), counterparty_account=account.replace(" ", ""),
                   description=description, structured_reference=reference or find_reference(description))


def _subfields(text: str) -> Details:
    parts = _SUBFIELD.split(text)
    fields: dict[str, str] = {}
    for key, value in zip(parts[1::2], parts[2::2], strict=True):
        fields[key] = fields.get(key, "") + value
    description = squeeze("".join(fields.get(f"{n}", "") for n in (*range(20, 30), *range(60, 64))))
    name = squeeze(fields.get("32", "") + fields.get("33", ""))
    account = (fields.get("31") or fields.get("10") or "").strip()
    return Details(counterparty_name=name, counterparty_account=account, description=description,
                   structured_reference=find_reference(description))


def _free_text(lines: list[str]) -> Details:
    first = lines[0].strip()
    name = ""
    for pattern in (_GIRO, _CARD, _OLD_ACCOUNT):
        match = pattern.match(first)
        if match:
            name = squeeze(match.groups()[-1])
            break
    description = squeeze(" ".join(lines))
    reference = _DUTCH_REFERENCE.search(description)
    return Details(counterparty_name=name, description=description,
                   structured_reference=reference.group(1) if reference else find_reference(description))


def counterparty_iban(details: Details, supplementary: str = "") -> str:
    """The IBAN from :86:, else from the :61: supplementary details (Rabobank puts it there)."""
    return compact_iban(details.counterparty_account) or compact_iban((supplementary or "").split(" ")[0])
