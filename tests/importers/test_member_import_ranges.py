"""Issue 12: a row of the member import that names no complex gets the complex whose address range
holds its street and number, and the preview says how many were placed that way."""
from __future__ import annotations

from huurdersgroep_app.core.importers import members as importer
from huurdersgroep_app.core.services.members import complexes, members
from huurdersgroep_app.core.services.members.address_ranges import AddressRange

from test_member_import import csv_file, run_import


def test_rows_without_a_complex_column_are_placed_by_their_address(db, tmp_path):
    with db.transaction() as s:
        linde = complexes.add_complex(s, "De Linde", 60, ranges=[AddressRange("Kerkstraat", 1, 39, "odd")]).id
        eik = complexes.add_complex(s, "Den Eik", 40, ranges=[AddressRange("Kerkstraat", 2, 40, "even")]).id
    path = csv_file(tmp_path, ["Voornaam;Naam;Straat;Nr;Postcode;Gemeente",
                               "Jan;Peeters;Kerkstraat;7;9000;Gent",
                               "Ayşe;Çelik;Kerkstr.;12A;9000;Gent",
                               "Piet;Claes;Molenstraat;3;9000;Gent"])
    preview, added = run_import(db, path)
    assert added == 3 and len(preview.placed_by_address) == 2
    with db.reading() as s:
        placed = {r.last_name: members.get_member(s, r.id).complex_id for r in members.member_rows(s)}
    assert placed == {"Peeters": linde, "Çelik": eik, "Claes": None}


def test_a_named_complex_wins_over_the_address(db, tmp_path):
    with db.transaction() as s:
        complexes.add_complex(s, "De Linde", 60, ranges=[AddressRange("Kerkstraat", 1, 39)])
        eik = complexes.add_complex(s, "Den Eik", 40).id
    path = csv_file(tmp_path, ["Voornaam;Naam;Straat;Nr;Wijk", "Jan;Peeters;Kerkstraat;7;Den Eik",
                               "An;Smet;Kerkstraat;9;"])
    table = importer.read_table(path)
    with db.reading() as s:
        preview = importer.preview(s, table, importer.guess_mapping(table.headers))
    by_line = {line: data.complex_id for line, data in preview.valid}
    assert by_line[2] == eik and by_line[3] != eik and preview.placed_by_address == [3]


def test_the_command_line_import_says_how_many_were_placed_by_address(tmp_path, capsys):
    from huurdersgroep_app.cli import main
    from huurdersgroep_app.core.db.engine import Database

    path = tmp_path / "group.sqlite"
    assert main(["new", "--db", str(path), "--name", "Huurdersgroep De Linde", "--region", "vlaanderen"]) == 0
    with Database(path, backup_on_close=False) as db, db.transaction() as s:
        complexes.add_complex(s, "De Linde", 60, ranges=[AddressRange("Kerkstraat", 1, 39, "odd")])
    leden = csv_file(tmp_path, ["Voornaam;Naam;Straat;Nr;Postcode;Gemeente", "Jan;Peeters;Kerkstraat;7;9000;Gent",
                                "Piet;Claes;Kerkstraat;8;9000;Gent"])
    capsys.readouterr()
    assert main(["import", "members", str(leden), "--db", str(path)]) == 0
    assert "1 member was placed in a complex by their address." in capsys.readouterr().out
    with Database(path, backup_on_close=False) as db, db.reading() as s:
        assert {r.last_name: r.complex_name for r in members.member_rows(s)} == {"Peeters": "De Linde", "Claes": ""}
