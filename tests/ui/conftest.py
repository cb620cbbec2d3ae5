"""GUI fixtures (pytest-qt, offscreen): a group with members built through the services."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.members import complexes
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.core.services.members.members import MemberInput
from huurdersgroep_app.ui.context import AppContext

PEOPLE = [
    ("Jan", "Van den Broeck", "Lindelaan", "1", "De Linde"),
    ("Ayşe", "Çelik", "Lindelaan", "3", "De Linde"),
    ("Thi Lan", "Nguyễn", "Rabotstraat", "10", "Rabot"),
    ("Łukasz", "Kowalski", "Rabotstraat", "12", "Rabot"),
    ("Ådne", "Hansen", "Kerkstraat", "5", None),
    ("Marie", "Peeters", "Kerkstraat", "7", "Rabot"),
    ("Koen", "De Smet", "Lindelaan", "9", "De Linde"),
]


@pytest.fixture(autouse=True)
def _no_blocking_message_boxes(monkeypatch):
    """A message box would wait for a click forever offscreen; record them instead."""
    shown = []

    def record(kind):
        def box(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return QMessageBox.StandardButton.Ok
        return staticmethod(box)

    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    monkeypatch.setattr(QMessageBox, "about", record("about"))
    return shown


@pytest.fixture
def message_boxes(_no_blocking_message_boxes):
    return _no_blocking_message_boxes


@pytest.fixture
def group(db):
    """The 'De Linde' group with two complexes, seven members (one former) and a chair."""
    with db.transaction() as s:
        ids = {name: complexes.add_complex(s, name, dwellings).id for name, dwellings in (("De Linde", 40),
                                                                                            ("Rabot", 120))}
        made = {}
        for first, last, street, number, complex_name in PEOPLE:
            member = members.add_member(s, MemberInput(
                first_name=first, last_name=last, street=street, house_number=number, postcode="9000",
                city="Gent", complex_id=ids.get(complex_name), joined_on=date(2020, 1, 15)))
            made[last] = member.id
        members.end_membership(s, made["De Smet"], date(2024, 6, 30), "Moved")
        board.assign_office(s, made["Peeters"], "chair", date(2023, 3, 1))
    db.ids = made
    db.complex_ids = ids
    return db


@pytest.fixture
def ctx(group, qapp):
    return AppContext(group)



@pytest.fixture
def wait_tasks(qapp):
    """Wait until every background task (ui/tasks.py) has come back and run its callbacks, as
    Vorta's tests wait for their Borg jobs; fails the test when one hangs."""
    from huurdersgroep_app.ui import tasks

    def wait(timeout_ms: int = 60000) -> None:
        assert tasks.wait_all(timeout_ms), f"tasks still running: {[t.label for t in tasks.running()]}"

    yield wait
    tasks.wait_all(60000)  # none may outlive its test
