"""The catalogue of documents: every kind is made from the demo's last (closed) year into a real
file — a PDF whose text names the group, a Word or Excel file that opens — and the catalogue
refuses a format a kind does not have, a funder's document without a funder and a kind it does
not know."""
from __future__ import annotations

import zipfile
from datetime import date

import pypdf
import pytest

from demo_files import demo_copy
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.documents.catalogue import DocumentKind, get_kind, kinds, make_document
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.funding.funders import funder_rows

LAST_YEAR = date.today().year - 1


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    database = Database(demo_copy(tmp_path_factory.mktemp("catalogue") / "demo.sqlite"), backup_on_close=False)
    yield database
    database.close()


@pytest.mark.parametrize("kind", kinds(), ids=lambda k: k.key)
def test_every_kind_is_made_from_the_demo(demo, kind: DocumentKind, tmp_path):
    for fmt in kind.formats:
        target = tmp_path / kind.file_name(LAST_YEAR, fmt)
        with demo.reading() as s:
            group = organisation.get_organisation(s).name
            funder_id = funder_rows(s)[0].id if kind.per_funder else None
            pages = make_document(s, kind.key, target, LAST_YEAR, funder_id, fmt=fmt)
        assert target.exists() and target.stat().st_size > 0
        if fmt == "pdf":
            reader = pypdf.PdfReader(target)
            assert pages == len(reader.pages) >= 1
            assert group in reader.pages[0].extract_text()
        else:
            assert zipfile.is_zipfile(target)  # docx and xlsx are zip packages


def test_the_catalogue_refuses_what_a_kind_cannot_be(demo, tmp_path):
    with demo.reading() as s, pytest.raises(DomainError, match="cannot be made as docx"):
        make_document(s, "financial-report", tmp_path / "x.docx", LAST_YEAR, fmt="docx")
    with demo.reading() as s, pytest.raises(DomainError, match="Choose the funder"):
        make_document(s, "funding-dossier", tmp_path / "x.pdf", LAST_YEAR)
    with demo.reading() as s, pytest.raises(DomainError, match="Unknown document"):
        make_document(s, "no-such-thing", tmp_path / "x.pdf", LAST_YEAR)
    assert not list(tmp_path.iterdir())


def test_file_names_leave_out_what_windows_refuses():
    kind = get_kind("financial-report")
    assert kind.file_name(2025, "pdf", 'Stad "Gent"/Wonen') == "financial-report-2025-stad-gentwonen.pdf"
    assert kind.file_name(2025, "xlsx", "CON") == "financial-report-2025-con.xlsx"


def test_file_names_are_translated_and_carry_the_year():
    from huurdersgroep_app.core.documents.catalogue import safe_file_stem
    from huurdersgroep_app.i18n import language

    with language("nl_BE"):
        assert get_kind("financial-report").file_name(2025) == "financieel-verslag-2025.pdf"
    with language("fr_BE"):
        name = get_kind("financial-report").file_name(2025)
    assert name.endswith("-2025.pdf") and " " not in name and name != "financial-report-2025.pdf"
    assert safe_file_stem("CON") == "con-1" and safe_file_stem("...") == "document-1"
