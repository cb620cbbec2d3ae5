"""Issue 12: complexes get address ranges, and a member is placed in the complex whose range holds
their address (on import, and with 'Assign complexes by address' for members already registered)."""
from __future__ import annotations

import sqlite3

import pytest

from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.members import address_ranges, complexes, members
from huurdersgroep_app.core.services.members.address_ranges import AddressRange
from huurdersgroep_app.core.services.members.members import MemberInput
from demo_files import demo_copy
from old_files import file_at


def _two_complexes(db):
    with db.transaction() as s:
        linde = complexes.add_complex(s, "De Linde", 60, ranges=[
            AddressRange("Kerkstraat", 1, 39, "odd"), AddressRange("Lindelaan", 2, 20, "all", "9000")])
        eik = complexes.add_complex(s, "Den Eik", 40, ranges=[AddressRange("Kerkstraat", 2, 40, "even")])
        return linde.id, eik.id


def test_an_address_finds_the_complex_whose_range_holds_it(db):
    linde, eik = _two_complexes(db)
    with db.reading() as s:
        find = lambda *address: address_ranges.complex_for_address(s, *address)  # noqa: E731
        assert find("Kerkstraat", "7", "") == linde          # odd side
        assert find("Kerkstraat", "8", "9000") == eik        # even side
        assert find("Kerkstraat", "41", "") is None          # past the odd range
        assert find("Kerkstraat", "42", "") is None          # past the even range
        assert find("Kerkstr.", "12A", "") == eik            # abbreviated street, suffix
        assert find("KÉRK-STRAAT", "13 bus 3", "") == linde  # case, accent, hyphen, box
        assert find("Lindelaan", "12", "9000") == linde
        assert find("Lindelaan", "12", "") == linde          # no postcode: the street and number decide
        assert find("Lindelaan", "12", "9050") is None       # another town's Lindelaan
        assert find("Lindelaan", "", "9000") is None         # no number
        assert find("Molenstraat", "3", "9000") is None


def test_a_range_overlapping_another_complexs_is_refused(db):
    linde, eik = _two_complexes(db)
    with db.transaction() as s, pytest.raises(DomainError) as refused:
        address_ranges.set_ranges(s, eik, [AddressRange("Kerkstr.", 30, 50, "all")])
    assert "De Linde" in refused.value.message and "Kerkstraat 1–39" in refused.value.message
    # Even numbers beside the other complex's odd ones do not overlap; another postcode does not either.
    with db.transaction() as s:
        address_ranges.set_ranges(s, eik, [AddressRange("Kerkstraat", 2, 60, "even"),
                                           AddressRange("Lindelaan", 2, 20, "all", "9050")])
    with db.reading() as s:
        assert [r.describe() for r in address_ranges.ranges_of(s, eik)] == [
            "Kerkstraat 2–60 (even numbers)", "Lindelaan 2–20, 9050"]
    with db.transaction() as s, pytest.raises(DomainError):
        address_ranges.set_ranges(s, eik, [AddressRange("Lindelaan", 20, 20, "even")])  # any postcode: 9000 too


@pytest.mark.parametrize("bad", [AddressRange("", 1, 5), AddressRange("Kerkstraat", 9, 5),
                                 AddressRange("Kerkstraat", 0, 5), AddressRange("Kerkstraat", 1, 5, "some")])
def test_an_incomplete_range_is_refused(db, bad):
    with db.transaction() as s, pytest.raises(DomainError) as refused:
        complexes.add_complex(s, "De Linde", 10, ranges=[bad])
    assert "Address range 1" in refused.value.message


def test_assign_by_address_places_members_without_a_complex(db):
    linde, eik = _two_complexes(db)
    with db.transaction() as s:
        for name, street, number, complex_id in (("A", "Kerkstraat", "3", None), ("B", "Kerkstraat", "4B", None),
                                                 ("C", "Molenstraat", "1", None), ("D", "Kerkstraat", "5", eik),
                                                 ("E", "", "", None)):
            members.add_member(s, MemberInput(last_name=name, street=street, house_number=number, postcode="9000",
                                              city="Gent", complex_id=complex_id), allow_duplicate=True)
    with db.transaction() as s:
        result = address_ranges.assign_by_address(s)
    assert (result.placed, result.unmatched) == (2, 2)
    with db.reading() as s:
        placed = {r.last_name: members.get_member(s, r.id).complex_id for r in members.member_rows(s)}
    assert placed == {"A": linde, "B": eik, "C": None, "D": eik, "E": None}  # D keeps the complex it had


def test_migration_0013_keeps_complexes_and_members(db_path):
    con = file_at(db_path, "0012")
    con.execute("INSERT INTO complex (id, name, code, address, postcode, city, dwellings, notes, created_at, "
                "updated_at) VALUES (1, 'De Linde', 'DL', 'Kerkstraat 1-39', '9000', 'Gent', 60, '', "
                "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
    con.execute("INSERT INTO member (id, first_name, last_name, street, house_number, box, postcode, city, complex_id,"
                " dwelling, is_tenant, phone, email, iban, language, contact_way, left_reason, consent_how, notes, "
                "anonymised, created_at, updated_at) VALUES (1, 'Jan', 'Peeters', 'Kerkstraat', '7', '', '9000', "
                "'Gent', 1, '', 1, '', '', '', '', 'letter', '', '', '', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
    con.commit()
    con.close()
    with Database(db_path, backup_on_close=False) as database:
        with database.reading() as s:
            kept = complexes.get_complex(s, 1)
            assert (kept.name, kept.address, kept.dwellings) == ("De Linde", "Kerkstraat 1-39", 60)
            assert members.get_member(s, 1).complex_id == 1
            assert address_ranges.ranges_of(s, 1) == []
        with database.transaction() as s:
            address_ranges.set_ranges(s, 1, [AddressRange("Kerkstraat", 1, 39, "odd")])
        with database.reading() as s:
            assert address_ranges.complex_for_address(s, "Kerkstraat", "7") == 1
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [("0013",)]
    con.close()


def test_the_demos_members_lie_in_their_complexs_ranges(tmp_path):
    """Every demo member in a complex lives at an address its ranges hold, and nobody else does."""
    with Database(demo_copy(tmp_path / "demo.sqlite", members=60), backup_on_close=False) as demo, \
            demo.reading() as s:
        index = address_ranges.RangeIndex(s)
        rows = [members.get_member(s, r.id) for r in members.member_rows(s)]
        assert rows and all(index.find(m.street, m.house_number, m.postcode) == m.complex_id for m in rows
                            if not m.anonymised)
