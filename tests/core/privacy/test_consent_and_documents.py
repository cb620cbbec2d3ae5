"""The consent log with the statement version shown, the statement template and the register."""
from __future__ import annotations

from datetime import date

import pytest

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.documents.privacy.processing_register import write_processing_register
from huurdersgroep_app.core.documents.privacy.statement import write_privacy_statement
from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services.privacy import consent
from huurdersgroep_app.core.services.privacy.statement import statement_text

from privacy_people import TODAY


def test_a_consent_records_what_when_how_and_the_statement_shown(db, people):
    with db.transaction() as s:
        consent.publish_statement(s, "Version two of our statement.", published_on=date(2026, 1, 1))
        consent.record_consent(s, people.current, "newsletter", "2026-02-03", "email", today=TODAY)
        consent.record_consent(s, people.current, "photos", date(2026, 2, 4), "verbal", statement_version=1,
                               today=TODAY)
    with db.reading() as s:
        rows = consent.consent_rows(s, people.current)
    assert [(r.purpose, r.given_on, r.how, r.statement_version) for r in rows] == [
        ("newsletter", date(2026, 2, 3), "email", 2), ("photos", date(2026, 2, 4), "verbal", 1)]
    assert rows[0].purpose_label == "Receiving the newsletter"


def test_a_registration_consent_fills_the_members_own_fields_and_can_be_withdrawn(db, people):
    with db.transaction() as s:
        record = consent.record_consent(s, people.newcomer, "registration", date(2026, 5, 2), "online_form",
                                        today=TODAY)
        member = s.get(Member, people.newcomer)
        assert (member.consent_on, member.consent_how) == (date(2026, 5, 2), "Online form")
        consent.withdraw_consent(s, record.id, date(2026, 5, 20))
        assert consent.members_without_consent(s, TODAY) == [people.current, people.newcomer]
        assert consent.count_without_consent(s, TODAY) == 2  # the Overview's figure, counted by SQLite
        with pytest.raises(DomainError, match="already withdrawn"):
            consent.withdraw_consent(s, record.id, date(2026, 5, 21))


def test_bad_consents_are_refused_field_by_field(db, people):
    with db.transaction() as s:
        with pytest.raises(ValidationError) as caught:
            consent.record_consent(s, people.current, "marketing", "2030-01-01", "carrier pigeon", today=TODAY)
    assert set(caught.value.problems) == {"purpose", "how", "given_on"}


def test_statement_versions_count_up_and_an_empty_text_is_refused(db, people):
    with db.transaction() as s:
        assert consent.publish_statement(s, statement_text(s)).version == 2
        with pytest.raises(ValidationError, match="no text"):
            consent.publish_statement(s, "  ")


def test_the_statement_template_names_the_group_periods_and_authority(db, tmp_path, pdf_text):
    with db.reading() as s:
        write_privacy_statement(s, tmp_path / "statement.pdf")
    text = pdf_text(tmp_path / "statement.pdf")
    assert "Privacy statement of Huurdersgroep De Linde" in text
    assert "Template" in text and "10 years after the end of the financial year" in text
    assert "Gegevensbeschermingsautoriteit" in text


def test_the_published_version_is_printed_with_its_number(db, people, tmp_path, pdf_text):
    with db.reading() as s:
        write_privacy_statement(s, tmp_path / "statement.pdf")
    text = pdf_text(tmp_path / "statement.pdf")
    assert "Version 1, published on 1 May 2018" in text and "De Linde keeps your name." in text
    assert "Template" not in text


def test_the_processing_register_says_what_why_how_long_and_who(nl_db, tmp_path, pdf_text):
    with nl_db.reading() as s:
        write_processing_register(s, tmp_path / "register.pdf", today=date(2026, 6, 1))
    text = pdf_text(tmp_path / "register.pdf")
    assert "Register of processing activities" in text
    for words in ("Member administration", "Signals from tenants", "7 years after the end of the financial year",
                  "the audit committee", "Who has access", "BW 2:10"):
        assert words in text, words
