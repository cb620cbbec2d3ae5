"""`huurdersgroep import members FILE`: all-or-nothing, every problem on stderr, one line per user error."""
import openpyxl
import pytest

from huurdersgroep_app.cli import main
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.services.members import members

HEADER = "Voornaam;Naam;Straat;Nr;Postcode;Gemeente;E-mail;Lid sinds;Wijk;Lidnummer"
GOOD = ["Jan;Peeters;Lindelaan;12;9000;Gent;jan@example.be;31/12/2020;De Linde;1",
        "Ayşe;Çelik;Kerkstraat;5;9000;Gent;;2021-01-05;Rabot;2",
        "Anna;Vandenbroucke-Müller;Kerkstraat;7;9000;Gent;;;Rabot;3"]
BAD = "Piet;;Kerkstraat;9;900;Gent;piet@;32/1/2020;;4"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def group(tmp_path, capsys):
    path = tmp_path / "group.sqlite"
    assert run(capsys, "new", "--db", path, "--name", "Huurdersgroep De Linde", "--region", "vlaanderen")[0] == 0
    return path


def stored(path):
    with Database(path, backup_on_close=False) as db, db.reading() as s:
        return sorted((r.first_name, r.last_name, r.complex_name) for r in members.member_rows(s))


def csv_file(tmp_path, lines, encoding="utf-8-sig"):
    path = tmp_path / "leden.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def test_good_file_is_imported(group, tmp_path, capsys):
    code, out, err = run(capsys, "import", "members", csv_file(tmp_path, [HEADER, *GOOD]), "--db", group)
    assert (code, err) == (0, "")
    assert "Imported 3 members." in out
    assert "New complexes: De Linde, Rabot." in out
    assert "Columns not imported: Lidnummer." in out
    assert stored(group) == [("Anna", "Vandenbroucke-Müller", "Rabot"), ("Ayşe", "Çelik", "Rabot"),
                             ("Jan", "Peeters", "De Linde")]


def test_windows_1252_file(group, tmp_path, capsys):
    # Ayşe's 'ş' does not exist in Windows-1252, so this file holds the names that do.
    path = csv_file(tmp_path, [HEADER, "Mehmet;Çelik;Kerkstraat;5;9000;Gent;;;Rabot;2", GOOD[2]], encoding="cp1252")
    code, out, _err = run(capsys, "import", "members", path, "--db", group)
    assert code == 0
    assert stored(group) == [("Anna", "Vandenbroucke-Müller", "Rabot"), ("Mehmet", "Çelik", "Rabot")]


def test_xlsx_file(group, tmp_path, capsys):
    book = openpyxl.Workbook()
    book.active.append(["Naam", "Adres", "Postcode", "Gemeente"])
    book.active.append(["Łukasz Nowak", "Lindelaan 3 bus 1", 9000, "Gent"])
    path = tmp_path / "leden.xlsx"
    book.save(path)
    code, out, _err = run(capsys, "import", "members", path, "--db", group)
    assert code == 0 and "Imported 1 member." in out
    assert stored(group) == [("Łukasz", "Nowak", "")]


def test_bad_rows_are_all_listed_and_nothing_is_written(group, tmp_path, capsys):
    path = csv_file(tmp_path, [HEADER, GOOD[0], BAD, GOOD[1]])
    code, out, err = run(capsys, "import", "members", path, "--db", group)
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert lines[:-1] == [
        "line 3, Last name: The last name is required.",
        "line 3, E-mail: 'piet@' is not a valid e-mail address.",
        "line 3, Postcode: '900' is not a Belgian postcode (four digits, for example 9000).",
        "line 3, Member since: '32/1/2020' is not a date. Write it as 31/12/2024.",
    ]
    assert "4 problems found; nothing was imported" in lines[-1] and "--valid-only" in lines[-1]
    assert "Traceback" not in err
    assert stored(group) == []


def test_valid_only_imports_the_rest_and_a_second_run_adds_nothing(group, tmp_path, capsys):
    path = csv_file(tmp_path, [HEADER, GOOD[0], BAD, GOOD[1]])
    code, out, err = run(capsys, "import", "members", path, "--db", group, "--valid-only")
    assert code == 0
    assert "Imported 2 members." in out and "1 row with problems was skipped." in out
    assert "line 3, Postcode" in err  # the skipped rows are still reported
    assert [name for _first, name, _c in stored(group)] == ["Çelik", "Peeters"]
    code, out, _err = run(capsys, "import", "members", path, "--db", group, "--valid-only")
    assert code == 0
    assert "Imported 0 members." in out and "2 rows were already registered." in out
    assert len(stored(group)) == 2


def test_same_good_file_twice_adds_nothing(group, tmp_path, capsys):
    path = csv_file(tmp_path, [HEADER, *GOOD])
    assert run(capsys, "import", "members", path, "--db", group)[0] == 0
    code, out, _err = run(capsys, "import", "members", path, "--db", group)
    assert code == 0 and "Imported 0 members." in out and "3 rows were already registered." in out
    assert len(stored(group)) == 3


def test_map_chooses_columns(group, tmp_path, capsys):
    path = csv_file(tmp_path, ["Wie;Lidnummer;Info", "Jan Peeters;12;nieuw lid"])
    code, out, _err = run(capsys, "import", "members", path, "--db", group, "--map", "Wie=full_name",
                          "--map", "Info=notes", "--map", "Lidnummer=ignore")
    assert code == 0 and "Columns not imported" not in out
    with Database(group, backup_on_close=False) as db, db.reading() as s:
        (row,) = members.member_rows(s)
        assert (row.first_name, row.last_name, members.get_member(s, row.id).notes) == ("Jan", "Peeters", "nieuw lid")


def test_map_with_a_bad_column_or_field_is_one_clear_line(group, tmp_path, capsys):
    path = csv_file(tmp_path, [HEADER, *GOOD])
    code, _out, err = run(capsys, "import", "members", path, "--db", group, "--map", "Nam=last_name")
    assert code == 1
    line = one_line_error(err)
    assert "no column 'Nam'" in line and "Voornaam, Naam, Straat" in line
    code, _out, err = run(capsys, "import", "members", path, "--db", group, "--map", "Naam=surname")
    assert code == 1 and "Unknown field 'surname'" in one_line_error(err)
    code, _out, err = run(capsys, "import", "members", path, "--db", group, "--map", "Naam")
    assert code == 2 and "COLUMN=field" in one_line_error(err)
    assert stored(group) == []


def test_missing_file_and_wrong_format(group, tmp_path, capsys):
    code, _out, err = run(capsys, "import", "members", tmp_path / "nergens.csv", "--db", group)
    assert code == 1 and "does not exist" in one_line_error(err)
    pdf = tmp_path / "leden.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    code, _out, err = run(capsys, "import", "members", pdf, "--db", group)
    assert code == 1 and "leden.pdf is not a CSV or Excel" in one_line_error(err)


def test_missing_database(tmp_path, capsys):
    path = csv_file(tmp_path, [HEADER, *GOOD])
    code, _out, err = run(capsys, "import", "members", path, "--db", tmp_path / "geen.sqlite")
    assert code == 1 and "does not exist" in one_line_error(err)
