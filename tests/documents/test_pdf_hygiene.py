"""Every PDF the app writes embeds every font it names (print shops flag a named, unembedded Helvetica
even when it draws nothing), says its language in the catalog (/Lang), and carries the document's
title and the group's name as its metadata (issue 9)."""
from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

from huurdersgroep_app import i18n
from huurdersgroep_app.core.documents.advice_letter import write_advice_letter_pdf
from huurdersgroep_app.core.documents.ballot import write_ballot
from huurdersgroep_app.core.documents.finance.dues_letters import write_dues_letters
from huurdersgroep_app.core.documents.invitation import write_invitation, write_poster
from huurdersgroep_app.core.documents.privacy.person_export import write_person_pdf
from huurdersgroep_app.core.documents.privacy.processing_register import write_processing_register
from huurdersgroep_app.core.documents.privacy.statement import write_privacy_statement
from huurdersgroep_app.core.services.finance import dues
from huurdersgroep_app.core.services.meetings import elections
from huurdersgroep_app.core.services.meetings import lifecycle as meetings

from long_sample import TODAY, YEAR, build_long_group, write_table_documents


def unembedded_fonts(path) -> set[str]:
    """Names of the fonts that a page's resources (or a form's) name without embedding them."""
    bad: set[str] = set()

    def walk(resources, seen):
        if resources is None:
            return
        resources = resources.get_object()
        for ref in (resources.get("/Font") or {}).values():
            font = ref.get_object()
            fonts = [font] + [d.get_object() for d in font.get("/DescendantFonts", [])]
            embedded = any(
                any(k in (f.get("/FontDescriptor") or {}).get_object() for k in ("/FontFile", "/FontFile2",
                                                                                 "/FontFile3"))
                for f in fonts if f.get("/FontDescriptor") is not None)
            if not embedded and font.get("/Subtype") != "/Type3":
                bad.add(str(font.get("/BaseFont")))
        for ref in (resources.get("/XObject") or {}).values():
            xobject = ref.get_object()
            if id(xobject) not in seen and xobject.get("/Subtype") == "/Form":
                seen.add(id(xobject))
                walk(xobject.get("/Resources"), seen)

    for page in PdfReader(str(path)).pages:
        walk(page.get("/Resources"), set())
    return bad


def write_every_document(db, folder) -> dict:
    sample = build_long_group(db)
    with db.transaction() as s:
        dues.set_dues_amount(s, YEAR, "12.50", date(YEAR, 3, 31))
        annual = meetings.create_annual_meeting(s, date(YEAR + 1, 3, 28), "10:00", "Zaal Sint-Jan")
        election = elections.create_election(s, annual.id)
        elections.add_candidate(s, election.id, sample["people"]["jan"])
    made = {}

    def out(name):
        made[name] = folder / f"{name}.pdf"
        return made[name]

    with db.reading() as s:
        made.update(write_table_documents(s, folder, sample["meeting"]))
        write_dues_letters(s, out("dues-letters"), YEAR, today=TODAY)
        write_advice_letter_pdf(s, out("advice-letter"), sample["advice"], on=TODAY)
        write_invitation(s, sample["meeting"], out("invitation"), per="member")
        write_poster(s, sample["meeting"], out("poster"))
        write_ballot(s, annual.id, out("ballot"))
        write_invitation(s, annual.id, out("annual-invitation"), per="household")
        write_privacy_statement(s, out("privacy-statement"), today=TODAY)
        write_processing_register(s, out("processing-register"), today=TODAY)
        write_person_pdf(s, out("person-export"), member_id=sample["people"]["long"])
    return made


@pytest.mark.parametrize("lang, tag", [("nl_BE", "nl-BE"), ("fr_BE", "fr-BE"), ("nl_NL", "nl-NL")])
def test_every_pdf_embeds_its_fonts_and_says_its_language_title_and_author(db, tmp_path, lang, tag):
    with i18n.language(lang):
        made = write_every_document(db, tmp_path)
    assert len(made) >= 20
    problems = []
    for name, path in made.items():
        reader = PdfReader(str(path))
        bad = unembedded_fonts(path)
        if bad:
            problems.append(f"{name}: fonts not embedded {sorted(bad)}")
        if reader.trailer["/Root"].get("/Lang") != tag:
            problems.append(f"{name}: /Lang is {reader.trailer['/Root'].get('/Lang')!r}, not {tag!r}")
        meta = reader.metadata
        if meta.author != "Huurdersgroep De Linde":
            problems.append(f"{name}: author {meta.author!r}")
        first_page = " ".join(reader.pages[0].extract_text().split())  # no-break spaces as spaces
        if not meta.title or " ".join(meta.title.split()) not in first_page:
            problems.append(f"{name}: title {meta.title!r} is not the document's (not in its first page)")
    assert not problems, "\n".join(problems)
