"""Advice letter (PDF, DOCX), signals report and consultation history: their text, and no
confidential signal in any of them."""
from __future__ import annotations

import re
from datetime import date

import docx
import pytest

from huurdersgroep_app.core.documents.advice_letter import write_advice_letter_docx, write_advice_letter_pdf
from huurdersgroep_app.core.documents.consultation_history import write_consultation_history
from huurdersgroep_app.core.documents.signals_report import count_grid, write_signals_report
from huurdersgroep_app.core.services.signals.register import shareable_signals
from huurdersgroep_app.core.errors import DomainError, NotFoundError, ValidationError

from advice_sample import BODY, SECRET_NAME, SECRET_TEXT, YEAR_END, YEAR_START, build_advice_group

TODAY = date(2026, 6, 1)


@pytest.fixture
def sample(db):
    return build_advice_group(db)


def flat(text: str) -> str:
    """PDF text with line breaks and runs of spaces folded: table cells wrap anywhere."""
    return re.sub(r"\s+", " ", text)


def docx_text(path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    parts += [p.text for p in document.sections[0].header.paragraphs]
    return "\n".join(parts).replace("\u00a0", " ")  # the no-break spaces that keep dates whole read as spaces


def test_advice_letter_pdf(db, sample, tmp_path, pdf_pages):
    target = tmp_path / "letter.pdf"
    with db.reading() as s:
        assert write_advice_letter_pdf(s, target, sample.advice_ids["heating"]) == 1
    text = flat(pdf_pages(target)[0])
    for expected in ("Huurdersgroep De Linde", "An Peeters", "Director, Management", "Woonmaatschappij Gent",
                     "Kortrijksesteenweg 100", "Gent, 23 March 2026", "Our reference: ADV-2026-01",
                     "Your request of 2 March 2026", "Subject: New central heating in Rabot", "Dear An Peeters,",
                     "On 2 March you asked our advice on the new central heating.",
                     "outside the heating season", "in writing by 6 April 2026", "Kind regards,",
                     "Ayşe Çelik", "Chair", "Thi Lan Nguyễn", "Secretary", "Page 1 of 1"):
        assert expected in text, expected
    assert "An early draft" not in text  # the letter carries the latest version only


def test_advice_letter_docx_has_the_same_text(db, sample, tmp_path):
    target = tmp_path / "letter.docx"
    with db.reading() as s:
        write_advice_letter_docx(s, target, sample.advice_ids["heating"])
    text = docx_text(target)
    for expected in ("Huurdersgroep De Linde", "An Peeters", "Our reference: ADV-2026-01",
                     "Subject: New central heating in Rabot", *BODY.split("\n\n"), "Ayşe Çelik", "Thi Lan Nguyễn"):
        assert expected in text, expected
    assert "An early draft" not in text


def test_letter_without_a_contact_or_draft(db, sample, tmp_path):
    with db.reading() as s:
        with pytest.raises(DomainError, match="ADV-2026-03 has no draft yet"):
            write_advice_letter_pdf(s, tmp_path / "x.pdf", sample.advice_ids["rules"])
        with pytest.raises(NotFoundError):
            write_advice_letter_pdf(s, tmp_path / "x.pdf", 999)
        with pytest.raises(DomainError, match="does not exist"):
            write_advice_letter_pdf(s, tmp_path / "no-folder" / "x.pdf", sample.advice_ids["heating"])
    assert not (tmp_path / "x.pdf").exists()


def test_signals_report_is_anonymised(db, sample, tmp_path, pdf_pages):
    target = tmp_path / "signals.pdf"
    with db.reading() as s:
        write_signals_report(s, target, YEAR_START, YEAR_END)
    text = flat(" ".join(pdf_pages(target)))
    assert "Signals from tenants" in text
    assert "3 signals, of which 1 collective." in text  # the confidential one and last year's are left out
    assert "Forwarded to the landlord: 1." in text
    for expected in ("Rabot", "Westveld", "Radiators stay cold", "Kerkstraat", "Land van Waaslaan",
                     "[…] reports mould, Land van Waaslaan, since winter", "[…] hears noise at night"):
        assert expected in text, expected
    for absent in ("Van den Broeck", "Karim", "Bouzid", "Waaslaan 7", "Kerkstraat 12", "Leaking roof"):
        assert absent not in text, absent


def test_signals_report_count_table(db, sample, tmp_path, pdf_pages):
    with db.reading() as s:
        present, rows, totals = count_grid(shareable_signals(s, YEAR_START, YEAR_END))
        write_signals_report(s, tmp_path / "signals.pdf", YEAR_START, YEAR_END)
    assert present == ["damp_mould", "heating", "nuisance"]
    assert rows == [("Rabot", [0, 1, 1], 2), ("Westveld", [1, 0, 0], 1)]
    assert totals == [1, 1, 1]
    # Empty cells stay empty in the PDF, so the numbers read row by row.
    text = flat(pdf_pages(tmp_path / "signals.pdf")[0])
    assert "Complex Damp and mould Heating Nuisance Total Rabot 1 1 2 Westveld 1 1 Total 1 1 1 3" in text


def test_consultation_history(db, sample, tmp_path, pdf_pages):
    target = tmp_path / "history.pdf"
    with db.reading() as s:
        write_consultation_history(s, target, YEAR_START, YEAR_END, today=TODAY)
    text = flat(" ".join(pdf_pages(target)))
    for expected in ("Consultation with the landlord", "1 consultation meeting with the landlord.",
                     "2 advices given: 0 followed, 1 partly followed, 0 not followed, 1 awaiting a reply.",
                     "The landlord answered 1 of 1 advices within the agreed term.", "1 reply is overdue.",
                     "Signals passed on to the landlord: 1; answered: 0.",
                     "10 February 2026", "Consultation February", "For the landlord: An Peeters",
                     "Planning of the heating works", "2026-01: The landlord sends the heating plan by March.",
                     "ADV-2026-01", "New central heating in Rabot", "Partly followed",
                     "Reasons: The budget allows one complex a year", "Planning: Rabot in 2027",
                     "ADV-2026-02", "overdue", "ADV-2026-03", "New house rules"):
        assert expected in text, expected
    assert "Rent calculation of last year" not in text


def test_no_confidential_signal_in_any_document(db, sample, tmp_path, pdf_pages):
    with db.reading() as s:
        write_advice_letter_pdf(s, tmp_path / "l.pdf", sample.advice_ids["heating"])
        write_advice_letter_docx(s, tmp_path / "l.docx", sample.advice_ids["heating"])
        write_signals_report(s, tmp_path / "s.pdf", YEAR_START, YEAR_END)
        write_consultation_history(s, tmp_path / "h.pdf", YEAR_START, YEAR_END, today=TODAY)
    texts = {name: flat(" ".join(pdf_pages(tmp_path / name))) for name in ("l.pdf", "s.pdf", "h.pdf")}
    texts["l.docx"] = docx_text(tmp_path / "l.docx")
    for name, text in texts.items():
        assert len(text) > 200, name  # each document really has content
        for secret in (SECRET_TEXT, "bedreigd", "Kurtuluş", SECRET_NAME, "Geheim", "Safety"):
            assert secret not in text, (name, secret)


def test_period_is_checked(db, sample, tmp_path):
    with db.reading() as s, pytest.raises(ValidationError) as exc:
        write_signals_report(s, tmp_path / "s.pdf", YEAR_END, YEAR_START)
    assert exc.value.problems == {"date_to": "The period ends before it starts."}


def test_empty_period(db, sample, tmp_path, pdf_pages):
    with db.reading() as s:
        write_signals_report(s, tmp_path / "s.pdf", date(2020, 1, 1), date(2020, 12, 31))
        write_consultation_history(s, tmp_path / "h.pdf", date(2020, 1, 1), date(2020, 12, 31), today=TODAY)
    assert "No signals were reported in this period." in flat(pdf_pages(tmp_path / "s.pdf")[0])
    history = flat(pdf_pages(tmp_path / "h.pdf")[0])
    assert "No consultation meetings were recorded in this period." in history
    assert "No advice was sent in this period." in history
    # One sentence, not '0 consultation meetings … 0 advices given: 0 followed, 0 partly followed …'
    assert ("Nothing with the landlord in this period: no consultation meeting, no advice, no signal passed on."
            in history)
    assert "0 advices given" not in history and "0 consultation meetings" not in history


def test_the_french_signals_report_counts_collective_signals_without_a_plural_in_brackets(db, sample, tmp_path,
                                                                                          pdf_pages):
    from huurdersgroep_app import i18n

    target = tmp_path / "signals.pdf"
    with db.reading() as s, i18n.language("fr_BE"):
        write_signals_report(s, target, YEAR_START, YEAR_END)
    text = flat(" ".join(pdf_pages(target)))
    # 'dont 1 collectif(s)': the plural followed the signals, not the collective ones
    assert "3 signalements, dont 1 de portée collective." in text and "(s)" not in text


def test_a_complex_whose_signals_run_over_a_page_is_named_on_the_next(db, sample, tmp_path, pdf_pages):
    # The column header repeated on the next page, but not the complex: a page of signals without
    # saying whose they were.
    from huurdersgroep_app.core.services.signals import signals as sig

    with db.transaction() as s:
        for day in range(1, 61):
            sig.add_signal(s, sig.SignalInput(reported_on=date(2026, 3, 1 + day % 28), category="heating",
                                              description=f"Radiator {day} stays cold", complex_id=sample.complex_ids[
                                                  "Westveld"]))
    target = tmp_path / "signals.pdf"
    with db.reading() as s:
        write_signals_report(s, target, YEAR_START, YEAR_END)
    pages = [flat(text) for text in pdf_pages(target)]
    with_rows = [n for n, text in enumerate(pages) if "stays cold" in text]
    assert len(with_rows) >= 2
    assert "Westveld (61)" in pages[with_rows[0]]
    for n in with_rows[1:]:
        assert "Westveld (continued)" in pages[n]
    assert not any("Rabot (continued)" in text for text in pages)
