"""Member import: preview every row with the form's rules, then add the valid rows all at once."""
from datetime import date

import openpyxl
import pytest

from huurdersgroep_app.core.errors import ImportError_
from huurdersgroep_app.core.importers import members as importer
from huurdersgroep_app.core.services.members import complexes
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.core.services.members.members import MemberInput

HEADER = "Voornaam;Naam;Straat;Nr;Bus;Postcode;Gemeente;E-mail;GSM;Lid sinds;Huurder;Wijk"
GOOD = [
    "Jan;Peeters;Lindelaan;12;;9000;Gent;jan@example.be;0471 12 34 56;31/12/2020;ja;De Linde",
    "Ayşe;Çelik;Kerkstraat;5;3;9000;Gent;;;2021-01-05;ja;Rabot",
    "Łukasz;Nowak;Kerkstraat;7;;9000;Gent;;09 225 12 34;05-03-2019;nee;rabot",
]


def csv_file(tmp_path, lines, name="leden.csv", encoding="utf-8-sig", delimiter=";"):
    path = tmp_path / name
    path.write_text("\r\n".join(line.replace(";", delimiter) for line in lines) + "\r\n", encoding=encoding)
    return path


def run_preview(db, path, mapping=None, today=date(2025, 1, 15)):
    table = importer.read_table(path)
    with db.reading() as s:
        return importer.preview(s, table, mapping or importer.guess_mapping(table.headers), today=today)


def run_import(db, path, valid_only=False, **kw):
    result = run_preview(db, path, **kw)
    with db.transaction() as s:
        added = importer.apply(s, result, valid_only=valid_only)
    return result, added


def stored(db):
    """Every member's stored fields, read inside the session (a read session expires what it loaded)."""
    with db.reading() as s:
        return {r.last_name: {k: v for k, v in vars(members.get_member(s, r.id)).items() if not k.startswith("_")}
                for r in members.member_rows(s)}


def rows(db):
    with db.reading() as s:
        return {r.last_name: r for r in members.member_rows(s)}


def test_good_file_is_imported_with_cleaned_fields_and_new_complexes(db, tmp_path):
    with db.transaction() as s:
        complexes.add_complex(s, "Rabot", 120)
    result, added = run_import(db, csv_file(tmp_path, [HEADER, *GOOD]))
    assert (result.problems, result.already_present, added) == ([], [], 3)
    assert [line for line, _data in result.valid] == [2, 3, 4]
    assert result.new_complexes == ["De Linde"]  # 'rabot' matches the existing 'Rabot'
    found = rows(db)
    assert found["Peeters"].joined_on == date(2020, 12, 31) and found["Peeters"].complex_name == "De Linde"
    assert found["Peeters"].phone == "0471 12 34 56"
    assert found["Çelik"].first_name == "Ayşe" and found["Çelik"].box == "3"
    assert found["Çelik"].complex_name == found["Nowak"].complex_name == "Rabot"
    assert found["Nowak"].is_tenant is False and found["Nowak"].joined_on == date(2019, 3, 5)


def test_bad_rows_list_every_problem_and_nothing_is_written(db, tmp_path):
    path = csv_file(tmp_path, [HEADER, GOOD[0],
                               "Piet;;Kerkstraat;9;;900;Gent;piet@;12;32/1/2020;misschien;",
                               GOOD[1],
                               "Els;Claes;Dorpsweg;1;;9000;Gent;els@example;;2030-01-01;ja;"])
    result = run_preview(db, path)
    found = {(p.line, p.field) for p in result.problems}
    assert found == {(3, "last_name"), (3, "postcode"), (3, "email"), (3, "phone"), (3, "joined_on"),
                     (3, "is_tenant"), (5, "email"), (5, "joined_on")}
    by_key = {(p.line, p.field): p for p in result.problems}
    assert by_key[(3, "postcode")].field_label == "Postcode" and "'900'" in by_key[(3, "postcode")].reason
    assert "future" in by_key[(5, "joined_on")].reason
    assert result.skipped_rows == 2 and result.problem_lines == [3, 5]
    assert [line for line, _ in result.valid] == [2, 4]
    with pytest.raises(ImportError_, match="8 problems"):
        with db.transaction() as s:
            importer.apply(s, result)
    assert rows(db) == {}


def test_valid_only_imports_the_rest(db, tmp_path):
    path = csv_file(tmp_path, [HEADER, GOOD[0], "Piet;Pieters;;;;90;;;;;;", GOOD[1]])
    result, added = run_import(db, path, valid_only=True)
    assert added == 2 and result.skipped_rows == 1
    assert set(rows(db)) == {"Peeters", "Çelik"}


def test_importing_the_same_file_twice_adds_nothing(db, tmp_path):
    path = csv_file(tmp_path, [HEADER, *GOOD])
    run_import(db, path)
    again, added = run_import(db, path)
    assert added == 0 and again.valid == [] and again.problems == []
    assert again.already_present == [2, 3, 4]
    assert len(rows(db)) == 3


def test_the_same_member_is_recognised_across_spellings_of_the_address(db, tmp_path):
    with db.transaction() as s:
        members.add_member(s, MemberInput(first_name="Jan", last_name="Peeters", street="Lindelaan",
                                          house_number="12", postcode="9000", city="Gent"))
    result = run_preview(db, csv_file(tmp_path, ["Naam;Adres;Postcode", "jan PEETERS;LINDELAAN 12;9000"]))
    assert result.already_present == [2] and result.valid == []


def test_likely_duplicates_inside_the_file_and_against_the_register(db, tmp_path):
    with db.transaction() as s:
        members.add_member(s, MemberInput(first_name="Mohamed", last_name="El Amrani", street="Lindelaan",
                                          house_number="3", postcode="9000", city="Gent"))
    path = csv_file(tmp_path, [HEADER, GOOD[0],
                               "Mohammed;El Amrani;Lindelaan;3;;9000;Gent;;;;;",    # spelling variant, registered
                               "Jan;Peeters;Lindelaan;12;;9000;Gent;;;;;",          # exactly line 2 again
                               "Jan;Peters;Lindelaan;12;;9000;Gent;;;;;"])          # a variant of line 2
    result = run_preview(db, path)
    reasons = {p.line: p.reason for p in result.problems}
    assert {p.field for p in result.problems} == {importer.DUPLICATE}
    assert "Mohamed El Amrani, Lindelaan 3 9000 Gent" in reasons[3] and "already registered" in reasons[3]
    assert reasons[4] == "The same person as on line 2."
    assert reasons[5] == "Probably the same person as on lines 2, 4."
    assert [line for line, _ in result.valid] == [2]


def test_full_name_address_and_place_columns_are_split(db, tmp_path):
    path = csv_file(tmp_path, ["Naam;Adres;Postcode en gemeente",
                               "Jan Van den Broeck;Lindelaan 12 bus 3;9000 Gent",
                               "Peeters, An;Kerkstraat 5;9050 Gentbrugge"])
    run_import(db, path)
    found = rows(db)
    assert (found["Van den Broeck"].first_name, found["Van den Broeck"].street, found["Van den Broeck"].house_number,
            found["Van den Broeck"].box, found["Van den Broeck"].postcode) == ("Jan", "Lindelaan", "12", "3", "9000")
    assert (found["Peeters"].first_name, found["Peeters"].city) == ("An", "Gentbrugge")


def test_french_file_with_words_for_yes_language_and_contact(db, tmp_path):
    path = csv_file(tmp_path, ["Prénom,Nom,Courriel,Locataire,Langue,Contact par,Membre depuis",
                               "Marie,Dubois,marie@example.be,oui,Français,courriel,01/02/2022",
                               "Ahmet,Yılmaz,,non,Turks,tel,",
                               "Anna,Vos,,,NL,brief,"], delimiter=",")
    result, added = run_import(db, path)
    assert added == 3, result.problems
    found = stored(db)
    dubois, yilmaz, vos = found["Dubois"], found["Yılmaz"], found["Vos"]
    assert (dubois["language"], dubois["contact_way"], dubois["is_tenant"]) == ("fr_BE", "email", True)
    assert dubois["joined_on"] == date(2022, 2, 1)
    assert yilmaz["language"] == "" and yilmaz["notes"] == "Langue: Turks"
    assert (yilmaz["is_tenant"], yilmaz["contact_way"]) == (False, "phone")
    assert (vos["language"], vos["contact_way"], vos["is_tenant"]) == ("nl_BE", "letter", True)


def test_x_marks_tenants_and_a_second_phone_goes_to_the_notes(db, tmp_path):
    path = csv_file(tmp_path, ["Naam;Huurder;Telefoon;GSM;Toestemming",
                               "Jan Peeters;x;09 225 12 34;0471 12 34 56;ja",
                               "An Claes;;;0472 11 22 33;2023-05-01"])
    run_import(db, path)
    found = stored(db)
    peeters, claes = found["Peeters"], found["Claes"]
    assert (peeters["is_tenant"], claes["is_tenant"]) == (True, False)
    assert peeters["phone"] == "09 225 12 34" and peeters["notes"] == "GSM: 0471 12 34 56"
    assert claes["phone"] == "0472 11 22 33" and claes["notes"] == ""
    assert (peeters["consent_on"], peeters["consent_how"]) == (None, "Toestemming: ja")
    assert claes["consent_on"] == date(2023, 5, 1)


def test_xlsx_file_end_to_end_in_a_dutch_group(nl_db, tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["Voornaam", "Achternaam", "Postcode", "Woonplaats", "Lid sinds", "Telefoon"])
    book.active.append(["Sanne", "de Vries", "1012ab", "Amsterdam", date(2022, 9, 1), "0612345678"])
    book.active.append(["Bram", "Jansen", "9000", "Gent", "gisteren", None])
    path = tmp_path / "leden.xlsx"
    book.save(path)
    result = run_preview(nl_db, path)
    assert {(p.line, p.field) for p in result.problems} == {(3, "postcode"), (3, "joined_on")}
    with nl_db.transaction() as s:
        assert importer.apply(s, result, valid_only=True) == 1
    with nl_db.reading() as s:
        (row,) = members.member_rows(s)
    assert (row.postcode, row.joined_on) == ("1012 AB", date(2022, 9, 1))


def test_a_file_without_a_name_column_is_refused(db, tmp_path):
    path = csv_file(tmp_path, ["Straat;Gemeente", "Lindelaan;Gent"])
    with pytest.raises(ImportError_, match="names"):
        run_preview(db, path)


def test_a_user_mapping_is_used(db, tmp_path):
    path = csv_file(tmp_path, ["Wie;Waar", "Jan Peeters;Gent"])
    table = importer.read_table(path)
    mapping = importer.check_mapping(table.headers, {"Wie": "full_name", "Waar": "city"})
    result = run_preview(db, path, mapping=mapping)
    (line, data), = result.valid
    assert (line, data.first_name, data.last_name, data.city) == (2, "Jan", "Peeters", "Gent")
    assert result.unmapped_columns == []


def test_partners_at_one_address_are_a_household_not_duplicates(db, tmp_path):
    from huurdersgroep_app.core.importers import members as importer

    path = tmp_path / "household.csv"
    path.write_text("Voornaam;Naam;Straat;Huisnummer;Postcode\n"
                    "Jan;Peeters;Kerkstraat;5;9000\nMaria;Peeters;Kerkstraat;5;9000\n"
                    "Jan;Peeters;Kerkstr.;5;9000\n", encoding="utf-8")
    table = importer.read_table(path)
    with db.reading() as s:
        preview = importer.preview(s, table, importer.guess_mapping(table.headers))
    assert [line for line, _ in preview.valid] == [2, 3]
    assert {p.line for p in preview.problems} == {4}


def test_reading_and_checking_report_progress_and_can_be_stopped(db, tmp_path):
    from huurdersgroep_app.core.progress import CancelToken, Cancelled

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Voornaam", "Naam"])
    for number in range(120):
        sheet.append([f"Lid{number}", f"Naam{number}"])
    path = tmp_path / "leden.xlsx"
    book.save(path)
    seen = []
    table = importer.read_table(path, progress=lambda done, total: seen.append((done, total)))
    assert len(table.rows) == 120 and seen == [(50, 0), (100, 0)]  # rows read so far; the total is unknown
    checked = []
    with db.reading() as s:
        result = importer.preview(s, table, importer.guess_mapping(table.headers),
                                  progress=lambda done, total: checked.append((done, total)))
    assert len(result.valid) == 120 and checked[0] == (1, 120) and checked[-1] == (120, 120)
    stop = CancelToken()
    stop.cancel()
    with pytest.raises(Cancelled):
        importer.read_table(path, cancel=stop)
    with db.reading() as s, pytest.raises(Cancelled):
        importer.preview(s, table, importer.guess_mapping(table.headers), cancel=stop)
