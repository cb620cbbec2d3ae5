"""Letters fit to send (issue 9): formal salutations, the draft mark on an advice that is not final,
the box word and the enterprise number's label by the country of the thing, and words of the
consultation history in the reader's language. Checked on the text extracted from the PDF/DOCX."""
from __future__ import annotations

import re
from datetime import date

import docx
import pytest

from huurdersgroep_app import i18n
from huurdersgroep_app.core.documents.advice_letter import write_advice_letter_docx, write_advice_letter_pdf
from huurdersgroep_app.core.documents.consultation_history import write_consultation_history
from huurdersgroep_app.core.documents.finance.dues_letters import write_dues_letters
from huurdersgroep_app.core.documents.invitation import write_invitation
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.advices import steps
from huurdersgroep_app.core.services.finance import accounts, dues
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.members.members import MemberInput, add_member

from advice_sample import YEAR_END, YEAR_START, build_advice_group

DRAFT_WORDS = {"nl_BE": "ONTWERP", "nl_NL": "CONCEPT", "fr_BE": "PROJET", "en": "DRAFT"}
LANGUAGES = tuple(DRAFT_WORDS)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def docx_text(path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs]
    return "\n".join(parts)


@pytest.fixture
def sample(db):
    sample = build_advice_group(db)
    with db.transaction() as s:
        steps.save_draft(s, sample.advice_ids["rules"], "The new house rules forbid bicycles in the hall.\n\n"
                         + "We ask to keep the bicycle shed open. " * 80, on=date(2026, 5, 10))
    return sample


# -- the draft mark ------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_advice_letter_not_yet_approved_is_marked_a_draft_on_every_page_and_unsigned(db, sample, tmp_path,
                                                                                        pdf_pages, lang):
    target = tmp_path / "draft.pdf"
    with db.reading() as s, i18n.language(lang):
        pages = write_advice_letter_pdf(s, target, sample.advice_ids["rules"], on=date(2026, 5, 12))
    texts = pdf_pages(target)
    assert pages == len(texts) >= 2  # long enough to show the mark is on every page, not the first only
    for text in texts:
        assert DRAFT_WORDS[lang] in text
    whole = flat(" ".join(texts))
    assert "Ayşe Çelik" not in whole and "Thi Lan Nguyễn" not in whole  # nobody signs a draft


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_sent_advice_letter_carries_no_draft_mark_and_is_signed(db, sample, tmp_path, pdf_pages, lang):
    target = tmp_path / "sent.pdf"
    with db.reading() as s, i18n.language(lang):
        write_advice_letter_pdf(s, target, sample.advice_ids["heating"])
    text = flat(" ".join(pdf_pages(target)))
    assert DRAFT_WORDS[lang] not in text
    assert "Ayşe Çelik" in text and "Thi Lan Nguyễn" in text


def test_the_word_copy_of_a_draft_says_so_in_its_header(db, sample, tmp_path):
    draft, sent = tmp_path / "draft.docx", tmp_path / "sent.docx"
    with db.reading() as s, i18n.language("nl_NL"):
        write_advice_letter_docx(s, draft, sample.advice_ids["rules"], on=date(2026, 5, 12))
        write_advice_letter_docx(s, sent, sample.advice_ids["heating"])
    header = "\n".join(p.text for p in docx.Document(str(draft)).sections[0].header.paragraphs)
    assert "CONCEPT" in header
    assert "Ayşe Çelik" not in docx_text(draft)
    signed = docx.Document(str(sent))
    assert "CONCEPT" not in docx_text(sent)
    assert "Ayşe Çelik" in "\n".join(c.text for t in signed.tables for r in t.rows for c in r.cells)


# -- salutations ---------------------------------------------------------------------------------
@pytest.mark.parametrize("lang, formal, informal", [("nl_BE", "Geachte An Peeters,", "Beste"),
                                                    ("nl_NL", "Geachte An Peeters,", "Beste"),
                                                    ("fr_BE", "Madame, Monsieur,", "Bonjour"),
                                                    ("en", "Dear An Peeters,", "Hello")])
def test_the_advice_letter_opens_formally(db, sample, tmp_path, pdf_pages, lang, formal, informal):
    target = tmp_path / "letter.pdf"
    with db.reading() as s, i18n.language(lang):
        write_advice_letter_pdf(s, target, sample.advice_ids["heating"])
    text = flat(pdf_pages(target)[0])
    assert formal in text and informal not in text


@pytest.mark.parametrize("lang, formal, informal", [("nl_BE", "Geachte Mevrouw Aerts,", "Beste"),
                                                    ("fr_BE", "Madame, Monsieur,", "Bonjour")])
def test_dues_letters_open_formally(db, tmp_path, pdf_pages, lang, formal, informal):
    with db.transaction() as s:
        accounts.add_account(s, "Bank", "bank", "BE68 5390 0754 7034")
        add_member(s, MemberInput(first_name="Mevrouw", last_name="Aerts", street="Lindelaan", house_number="7",
                                  postcode="9000", city="Gent", joined_on=date(2020, 1, 1)))
        dues.set_dues_amount(s, 2025, "12.50", date(2025, 5, 31))
    target = tmp_path / "dues.pdf"
    with db.reading() as s, i18n.language(lang):
        write_dues_letters(s, target, 2025, today=date(2025, 4, 1))
    text = flat(pdf_pages(target)[0])
    assert formal in text and informal not in text


def test_an_addressed_invitation_opens_with_the_persons_name(db, tmp_path, pdf_pages):
    with db.transaction() as s:
        add_member(s, MemberInput(first_name="Karel", last_name="Aerts", street="Lindelaan", house_number="7",
                                  box="3", postcode="9000", city="Gent", joined_on=date(2020, 1, 1)))
        meeting = meetings.create_meeting(s, meetings.MeetingInput(type="members", scheduled_on="20/05/2026"))
    target = tmp_path / "invitation.pdf"
    with db.reading() as s, i18n.language("nl_BE"):
        write_invitation(s, meeting.id, target, per="member")
    text = flat(pdf_pages(target)[0])
    assert "Geachte Karel Aerts," in text and "Beste" not in text
    assert "Lindelaan 7 bus 3" in text


# -- the country of the thing --------------------------------------------------------------------
def _belgian_group_with_box(s):
    organisation.update_organisation(s, organisation.OrganisationInput(
        name="Huurdersgroep De Linde", region="vlaanderen", landlord_name="Woonmaatschappij Gent",
        street="Lindelaan", house_number="12", box="3", postcode="9000", city="Gent", iban="BE68 5390 0754 7034",
        registration_number="0751.950.136"))


@pytest.mark.parametrize("lang, box, number", [
    ("nl_BE", "Lindelaan 12 bus 3", "Ondernemingsnummer 0751.950.136"),
    ("nl_NL", "Lindelaan 12 bus 3", "Ondernemingsnummer 0751.950.136"),
    ("fr_BE", "Lindelaan 12 bte 3", "N° d'entreprise 0751.950.136"),
    ("en", "Lindelaan 12 bus 3", "Enterprise no. 0751.950.136")])
def test_the_letterhead_of_a_belgian_group_speaks_belgian_in_every_language(db, sample, tmp_path, pdf_pages,
                                                                             lang, box, number):
    with db.transaction() as s:
        _belgian_group_with_box(s)
    target, word = tmp_path / "letter.pdf", tmp_path / "letter.docx"
    with db.reading() as s, i18n.language(lang):
        write_advice_letter_pdf(s, target, sample.advice_ids["heating"])
        write_advice_letter_docx(s, word, sample.advice_ids["heating"])
    for text in (flat(pdf_pages(target)[0]), flat(docx_text(word))):
        assert box in text and number in text
        assert "KvK" not in text


def test_a_dutch_group_writes_a_house_number_suffix_and_its_kvk_number(nl_db, tmp_path, pdf_pages):
    with nl_db.transaction() as s:
        organisation.update_organisation(s, organisation.OrganisationInput(
            name="Huurdersorganisatie Het Anker", region="nederland", street="Dorpsweg", house_number="12",
            box="2", postcode="1012 AB", city="Amsterdam", registration_number="12345678"))
        add_member(s, MemberInput(first_name="Els", last_name="de Vries", street="Kade", house_number="4",
                                  box="A", postcode="1012 AC", city="Amsterdam", joined_on=date(2020, 1, 1)))
        meeting = meetings.create_meeting(s, meetings.MeetingInput(type="members", scheduled_on="20-05-2026"))
    target = tmp_path / "invitation.pdf"
    with nl_db.reading() as s, i18n.language("nl_NL"):
        write_invitation(s, meeting.id, target, per="member")
    text = flat(pdf_pages(target)[0])
    assert "Dorpsweg 12-2" in text and "Kade 4A" in text and "KvK-nummer 12345678" in text
    assert not re.search(r"\bbus\b", text)
    assert "Geachte Els de Vries," in text


# -- wrong words ---------------------------------------------------------------------------------
@pytest.mark.parametrize("lang, words", [("nl_BE", "nog geen antwoord"), ("nl_NL", "nog geen antwoord"),
                                         ("fr_BE", "pas encore de réponse")])
def test_the_consultation_history_says_no_reply_yet_in_the_readers_language(db, sample, tmp_path, pdf_pages,
                                                                             lang, words):
    target = tmp_path / "history.pdf"
    with db.reading() as s, i18n.language(lang):
        write_consultation_history(s, target, YEAR_START, YEAR_END, today=date(2026, 6, 1))
    text = flat(" ".join(pdf_pages(target)))
    assert words in text and "no reply yet" not in text


def test_the_consultation_history_puts_the_french_space_before_the_colon(db, sample, tmp_path, pdf_pages):
    target = tmp_path / "history.pdf"
    with db.reading() as s, i18n.language("fr_BE"):
        write_consultation_history(s, target, YEAR_START, YEAR_END, today=date(2026, 6, 1))
    text = flat(" ".join(pdf_pages(target))).replace("\u00a0", " ").replace("\u202f", " ")
    # each advice's outcome after its title (the colon was typed in the code, with no space before it)
    assert "New central heating in Rabot : " in text
    assert "Cleaning of the stairwells : pas encore de réponse" in text
    # the counts agree whatever their number ("1 suivi(s)" wrote the English way)
    assert "suivis : 0, partiellement suivis : 1" in text and "(s)" not in text

