"""Payment references and account numbers as banks write them, made comparable.

Membership dues are matched to members by the Belgian structured communication (OGM,
``+++123/4567/89012+++``) or by IBAN, so every parser reduces both to one spelling here.
"""
from __future__ import annotations

import re

from schwifty import registry
from schwifty.exceptions import SchwiftyException

_SEPARATORS = re.compile(r"[\s+*/.\-]")
_OGM_IN_TEXT = re.compile(r"(?:\+{3}|\*{3})\s*(\d{3})\s*/\s*(\d{4})\s*/\s*(\d{5})\s*(?:\+{3}|\*{3})")
_RF = re.compile(r"RF\d{2}[A-Z0-9]{1,21}")
_RF_IN_TEXT = re.compile(r"\bRF\s?\d{2}(?:\s?[A-Z0-9]){1,21}\b")
_IBAN = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}")


def ogm_is_valid(digits: str) -> bool:
    """The last two digits are the first ten modulo 97 (97 when that is 0)."""
    if not re.fullmatch(r"\d{12}", digits):
        return False
    check = int(digits[:10]) % 97 or 97
    return check == int(digits[10:])


def rf_is_valid(reference: str) -> bool:
    """ISO 11649: move 'RFnn' to the end, letters to numbers, the whole modulo 97 is 1."""
    if not _RF.fullmatch(reference):
        return False
    rearranged = reference[4:] + reference[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def format_ogm(digits: str) -> str:
    return f"+++{digits[:3]}/{digits[3:7]}/{digits[7:]}+++"


def normalise_reference(text: str) -> str:
    """A reference the bank marks as structured: a Belgian OGM becomes its 12 digits, an ISO RF
    reference is kept (compact, upper case), anything else (a Dutch betalingskenmerk …) is kept
    without its padding."""
    raw = " ".join((text or "").split())
    if not raw:
        return ""
    compact = _SEPARATORS.sub("", raw)
    if re.fullmatch(r"\d{12}", compact) and (raw.startswith(("+++", "***")) or ogm_is_valid(compact)
                                             or re.fullmatch(r"\d{3}/\d{4}/\d{5}", raw)):
        return compact
    upper = raw.replace(" ", "").upper()
    if _RF.fullmatch(upper):
        return upper
    if compact.isdigit():
        return compact
    return raw


def find_reference(text: str) -> str:
    """A structured reference that someone typed into free text ('+++090/9337/55493+++ dues'),
    only when its check digits are right, so a random number is never taken for one."""
    if not text:
        return ""
    for match in _OGM_IN_TEXT.finditer(text):
        digits = "".join(match.groups())
        if ogm_is_valid(digits):
            return digits
    for match in _RF_IN_TEXT.finditer(text.upper()):
        candidate = match.group(0).replace(" ", "")
        if rf_is_valid(candidate):
            return candidate
    return ""


def compact_iban(text: str) -> str:
    """The IBAN without spaces, or '' when the text is not one (an old domestic account number,
    a card number, an IBAN with 'EUR' glued to it …). Length and layout are checked by the
    country's rules (schwifty's registry), the check digits on purpose not: the bank has checked
    them already, and banks' test files carry made-up numbers that still identify an account."""
    compact = "".join((text or "").split()).upper()
    if not _IBAN.fullmatch(compact):
        return ""
    try:
        spec = registry.get_iban_spec(compact[:2])
    except SchwiftyException:
        return ""
    return compact if len(compact) == spec.iban_length and spec.regex.match(compact[4:]) else ""
