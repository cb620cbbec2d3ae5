"""About 80 demo signals over the past year: mostly from members, some from other tenants or
anonymous, a few confidential; older ones mostly answered or resolved, recent ones still open."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.members import Member
from huurdersgroep_app.core.demo import DemoContext
from huurdersgroep_app.core.services.signals import signals as sig

DESCRIPTIONS = {
    "repairs": ("Voordeur van de inkom sluit niet meer.", "Lekkende kraan in de keuken, al drie weken gemeld.",
                "Rolluik in de living is kapot.", "Dakgoot loopt over bij regen.", "Tegels in de badkamer komen los."),
    "damp_mould": ("Schimmel op het plafond van de badkamer.", "Vochtplekken in de slaapkamer aan de buitenmuur.",
                   "Zwarte schimmel achter de kast in de slaapkamer.", "Condens op de ramen, muren blijven nat."),
    "heating": ("Radiatoren blijven koud in de ochtend.", "Geen warm water sinds het weekend.",
                "Verwarmingsketel valt geregeld uit."),
    "nuisance": ("Geluidsoverlast 's nachts in de traphal.", "Hangjongeren aan de fietsenberging.",
                 "Hond blaft de hele dag bij de buren."),
    "cleanliness": ("Sluikstorten bij de containers.", "Traphal wordt niet gepoetst.",
                    "Duiven nestelen onder de luifel, veel vuil."),
    "safety": ("Verlichting in de kelder werkt niet.", "Brandvertragende deur blijft openstaan.",
               "Buitenverlichting op het pad is kapot."),
    "service_costs": ("Afrekening servicekosten is niet duidelijk.", "Voorschot servicekosten fors verhoogd.",
                      "Schoonmaak aangerekend die niet gebeurd is."),
    "communication": ("Geen antwoord op herstelaanvraag.", "Brief over werken kwam pas na de start.",
                      "Telefonisch onthaal onbereikbaar."),
    "other": ("Vraag over de tuinen van de wijk.", "Fietsenberging te klein voor alle bewoners."),
}
CONFIDENTIAL = (("nuisance", "Conflict met de bovenburen, bewoner durft geen klacht in te dienen."),
                ("safety", "Bewoner voelt zich bedreigd door een buurman."),
                ("other", "Financiële problemen, huurachterstand dreigt."))
CATEGORY_WEIGHTS = {"repairs": 22, "damp_mould": 10, "heating": 10, "nuisance": 10, "cleanliness": 8, "safety": 7,
                    "service_costs": 7, "communication": 6, "other": 4}
ANSWERS = ("Aannemer komt langs binnen twee weken.", "Herstelling ingepland.", "Wordt opgenomen in het onderhoudsplan.",
           "Dossier doorgegeven aan de wijkbeheerder.", "Uitleg gegeven per brief.")
FOLLOW_UP = {"repairs": "Bart", "damp_mould": "Bart", "heating": "Kevin", "safety": "Kevin",
             "nuisance": "Hanne", "communication": "Sofie", "service_costs": "Sofie", "cleanliness": "Bart",
             "other": "Sofie"}
GENERAL_SIGNALS = 64


def populate_signals(session: Session, demo: DemoContext, complex_ids: list[int], member_ids: list[int],
                     people: dict) -> dict[str, list[int]]:
    """Create the signals; returns the ids of the groups that belong to advice dossiers."""
    rng, today = demo.rng, demo.today
    by_first = {p.first_name: p for p in people.values() if p.end_on is None}
    members = [session.get(Member, mid) for mid in member_ids]
    members_in = {cid: [m for m in members if m.complex_id == cid] for cid in complex_ids}
    made: dict[str, list[int]] = {"damp_cluster": [], "lifts": []}

    def add(days_ago: int, category: str, description: str, complex_id: int | None, confidential: bool = False,
            scope: str | None = None) -> int:
        reported = today - timedelta(days=days_ago)
        local = members_in.get(complex_id) or members
        draw = rng.random()
        if draw < 0.6 and local:
            data = dict(reporter_kind="member", member_id=rng.choice(local).id)
        elif draw < 0.78:
            neighbour = rng.choice(local) if local else None
            data = dict(reporter_kind="non_member", reporter_name=rng.choice(("mevrouw", "meneer")) + " "
                        + rng.choice(("Demeyer", "Vandenbulcke", "Yilmaz", "Verhaeghe", "Desmet", "Ouali")),
                        street=neighbour.street if neighbour else "", house_number=str(rng.randint(1, 40)))
        else:
            data = dict(reporter_kind="anonymous", street=rng.choice(local).street if local else "")
        signal = sig.add_signal(session, sig.SignalInput(
            reported_on=reported, category=category, description=description, complex_id=complex_id,
            scope=scope or ("collective" if rng.random() < 0.3 else "individual"), confidential=confidential,
            **data))
        _follow_up(session, rng, signal.id, category, days_ago, by_first, today)
        return signal.id

    for _ in range(GENERAL_SIGNALS):
        category = rng.choices(list(CATEGORY_WEIGHTS), weights=list(CATEGORY_WEIGHTS.values()))[0]
        complex_id = rng.choice(complex_ids) if complex_ids and rng.random() < 0.92 else None
        add(rng.randint(1, 360), category, rng.choice(DESCRIPTIONS[category]), complex_id)
    for category, text in CONFIDENTIAL:
        add(rng.randint(10, 200), category, text,
            rng.choice(complex_ids) if complex_ids else None, confidential=True, scope="individual")
    damp_complex = complex_ids[1] if len(complex_ids) > 1 else (complex_ids[0] if complex_ids else None)
    for days in sorted(rng.sample(range(25, 200), 12), reverse=True):
        made["damp_cluster"].append(add(days, "damp_mould", rng.choice(DESCRIPTIONS["damp_mould"]), damp_complex))
    if complex_ids:
        for days in (95, 88, 80):
            made["lifts"].append(add(days, "repairs", "Lift staat opnieuw stil; bewoners van de bovenste "
                                                      "verdiepingen geraken niet buiten.", complex_ids[0],
                                     scope="collective"))
    return made


def _follow_up(session: Session, rng, signal_id: int, category: str, days_ago: int, by_first: dict, today) -> None:
    """Older signals went further: forwarded, answered, resolved; a few forwarded ones wait too long."""
    contact = by_first.get(FOLLOW_UP[category])
    contact_id = contact.id if contact else None
    if days_ago < 5 or (days_ago < 20 and rng.random() < 0.5):
        return  # still open
    forwarded = days_ago - rng.randint(1, 4)
    sig.forward_signal(session, signal_id, today - timedelta(days=forwarded), contact_id)
    draw = rng.random()
    if days_ago < 30 or draw < 0.12:
        return  # forwarded, no answer yet (shows in the overview once past the setting's days)
    answered = max(1, forwarded - rng.randint(3, 25))
    sig.record_answer(session, signal_id, rng.choice(ANSWERS), today - timedelta(days=answered))
    if days_ago > 45 and draw < 0.85:
        sig.resolve_signal(session, signal_id, today - timedelta(days=max(0, answered - rng.randint(2, 20))))
    elif draw > 0.95:
        sig.close_signal(session, signal_id, "Bewoner verhuisd.")
