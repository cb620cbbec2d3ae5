"""The column mappings a group made for its bank's CSV, remembered per header layout, so next
month's export of the same bank is read without asking again.

    remember_mapping(session, key, mapping)     key: ``CsvSample.key`` (the file's header line)
    recall_mapping(session, key) -> CsvMapping | None
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from huurdersgroep_app.core.importers.bank.csv_guess import mapping_from_dict, mapping_to_dict
from huurdersgroep_app.core.importers.bank.csv_profiles import CsvMapping
from huurdersgroep_app.core.services.organisation import get_setting, set_setting

SETTING = "bank.csv_mappings"


def remember_mapping(session: Session, key: str, mapping: CsvMapping) -> None:
    """The last mapping wins: a bank that changes its export gets the new one."""
    mappings = dict(get_setting(session, SETTING, {}) or {})
    mappings[key] = mapping_to_dict(mapping)
    set_setting(session, SETTING, mappings)


def recall_mapping(session: Session, key: str) -> CsvMapping | None:
    data = (get_setting(session, SETTING, {}) or {}).get(key)
    if not isinstance(data, dict):
        return None
    try:
        return mapping_from_dict(data)
    except TypeError:  # written by a version that knew other fields: ask again rather than fail
        return None
