"""The consultation history: outcomes, late replies and the Brussels silence rule."""
from datetime import date

from pypdf import PdfReader

from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.documents.consultation_history import write_consultation_history
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.advices import dossiers as a
from huurdersgroep_app.core.services.advices import steps
from huurdersgroep_app.core.services.advices import deadlines
from huurdersgroep_app.core.services.advices.consultation import consultation_history


def test_brussels_request_without_advice_counts_as_favourable(tmp_path):
    with Database(tmp_path / "bxl.sqlite", create=True, backup_on_close=False) as db:
        with db.transaction() as s:
            organisation.create_organisation(s, organisation.OrganisationInput(
                name="Conseil consultatif", region="brussel", language="en"))
            organisation.set_rule_override(s, "advice", "silence_is_favourable_days", 10)  # off by default
            a.create_advice(s, a.AdviceInput(title="Parking rules", topic="house_rules",
                                                      requested_on=date(2026, 3, 2)))
            a.create_advice(s, a.AdviceInput(title="New lifts", topic="maintenance",
                                                       requested_on=date(2026, 3, 20)))
            answered = a.create_advice(s, a.AdviceInput(title="Rent", topic="rent", requested_on=date(2026, 3, 2)))
            steps.save_draft(s, answered.id, "Text", on=date(2026, 3, 5))
            steps.approve(s, answered.id, date(2026, 3, 9))
            steps.mark_sent(s, answered.id, date(2026, 3, 10))
            steps.record_reply(s, answered.id, "followed", date(2026, 3, 30))  # due 24 March: late
        with db.reading() as s:
            history = consultation_history(s, date(2026, 1, 1), date(2026, 12, 31), today=date(2026, 3, 25))
            assert {x.title: x.silence for x in history.not_given} == {
                "Parking rules": deadlines.SILENCE_FAVOURABLE, "New lifts": deadlines.SILENCE_PENDING}
            assert [(x.title, x.silence, x.reply_late) for x in history.given] == [
                ("Rent", deadlines.SILENCE_GIVEN, True)]
            assert history.replied_on_time == 0
            write_consultation_history(s, tmp_path / "h.pdf", date(2026, 1, 1), date(2026, 12, 31),
                                       today=date(2026, 3, 25))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(tmp_path / "h.pdf")).pages).split())
    assert "Parking rules, requested 02/03/2026: no advice in time: counts as favourable" in text
    # an untouched request says so, not "requested …: Requested" twice over
    assert "New lifts, requested 20/03/2026: nothing drafted yet" in text and ": Requested" not in text
    assert "The landlord answered 0 of 1 advices within the agreed term." in text
