"""The landlord's postal address, given with the group (the new-group dialog, Settings or `new`),
addresses an advice letter that has no named contact."""
from datetime import date

from pypdf import PdfReader

from huurdersgroep_app.cli import main
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.documents.advice_letter import write_advice_letter_pdf
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.advices import dossiers as advices
from huurdersgroep_app.core.services.advices import steps


def _letter_text(db, tmp_path) -> str:
    with db.transaction() as s:
        advice = advices.create_advice(s, advices.AdviceInput(title="Heating", requested_on=date(2026, 3, 2)))
        steps.save_draft(s, advice.id, "We advise to replace the boilers.", on=date(2026, 3, 5))
    target = tmp_path / "letter.pdf"
    with db.reading() as s:
        write_advice_letter_pdf(s, target, advice.id, on=date(2026, 3, 9))
    return " ".join(page.extract_text() for page in PdfReader(target).pages)


def test_a_new_groups_letter_is_addressed_to_the_landlords_address(tmp_path, capsys):
    path = tmp_path / "g.sqlite"
    assert main(["new", "--db", str(path), "--name", "Huurdersgroep Zuid", "--region", "vlaanderen",
                 "--landlord", "Woonmaatschappij Zuid", "--landlord-street", "Stationsstraat",
                 "--landlord-number", "12", "--landlord-box", "3", "--landlord-postcode", "2800",
                 "--landlord-city", "Mechelen"]) == 0
    with Database(path, backup_on_close=False) as db:
        with db.reading() as s:
            assert organisation.landlord_address_lines(s) == ("Stationsstraat 12 bus 3", "2800 Mechelen")
        text = _letter_text(db, tmp_path)
    for line in ("Woonmaatschappij Zuid", "Stationsstraat 12 bus 3", "2800 Mechelen", "Dear Sir or Madam,"):
        assert line in text, line
    assert text.index("Woonmaatschappij Zuid") < text.index("Stationsstraat 12") < text.index("2800 Mechelen")


def test_the_landlords_address_is_changed_in_the_groups_details_and_checked(db, tmp_path):
    import pytest

    from huurdersgroep_app.core.errors import ValidationError

    with db.reading() as s:
        assert organisation.landlord_address_lines(s) == ()
    details = dict(name="Huurdersgroep De Linde", region="vlaanderen", landlord_name="Woonmaatschappij Gent",
                   landlord_street="Kortrijksesteenweg", landlord_house_number="100", landlord_city="Gent")
    with pytest.raises(ValidationError) as refused:
        with db.transaction() as s:
            organisation.update_organisation(s, organisation.OrganisationInput(**details, landlord_postcode="90"))
    assert "landlord_postcode" in refused.value.problems
    with db.transaction() as s:
        organisation.update_organisation(s, organisation.OrganisationInput(**details, landlord_postcode="9000"))
    with db.reading() as s:
        assert organisation.landlord_address(s)["landlord_postcode"] == "9000"
    text = _letter_text(db, tmp_path)
    assert "Kortrijksesteenweg 100" in text and "9000 Gent" in text
