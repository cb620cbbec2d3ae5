"""Migration 0008 brings a file of the previous schema to the privacy tables, and the consents
recorded on the member before become the first entries of their consent log."""
from __future__ import annotations

from datetime import date


from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.db.schema import check_schema
from huurdersgroep_app.core.services.privacy.consent import consent_rows
from old_files import file_at


def test_registration_consents_on_the_member_move_into_the_consent_log(db_path):
    con = file_at(db_path, "0005")
    columns = ("first_name, last_name, street, house_number, box, postcode, city, dwelling, is_tenant, phone, email, "
               "iban, language, contact_way, left_reason, consent_how, notes, anonymised, consent_on")
    for last, on, how in (("Peeters", "2019-04-02", "Formulier 2019"), ("Claes", None, "")):
        con.execute(f"INSERT INTO member ({columns}) VALUES ('An', ?, '', '', '', '', '', '', 1, '', '', '', '', "
                    "'letter', '', ?, '', 0, ?)", (last, how, on))
    con.commit()
    con.close()
    assert check_schema(db_path) == "old"
    with Database(db_path, backup_on_close=False) as database, database.reading() as s:
        first, second = consent_rows(s, 1), consent_rows(s, 2)
    assert [(r.purpose, r.given_on, r.how, r.notes, r.statement_version) for r in first] == [
        ("registration", date(2019, 4, 2), "other", "Formulier 2019", None)]
    assert second == []
    assert check_schema(db_path) == "current"
