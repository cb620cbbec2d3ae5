"""The board list PDF: current offices, the retirement rota with who steps down, the office history."""
from __future__ import annotations

from datetime import date

from sample_group import TODAY
from huurdersgroep_app.core.documents.board_list import write_board_list
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.organisation import set_setting
from huurdersgroep_app.i18n import format_date


def short(day: date) -> str:
    return format_date(day, "short")


def sections(lines: list[str]) -> dict[str, list[str]]:
    """Split the document's lines at its three section titles."""
    starts = {"current": "Current board", "rota": "Retirement rota for the annual meeting of",
              "history": "Office history"}
    found: dict[str, list[str]] = {}
    key = None
    for line in lines:
        for name, title in starts.items():
            if line.startswith(title):
                key = name
                found[key] = [line]
                break
        else:
            if key:
                found[key].append(line)
    return found


def write(db, path) -> int:
    with db.reading() as s:
        return write_board_list(s, path, today=TODAY)


def test_board_list_shows_offices_rota_and_history(db, group, tmp_path, pdf_lines):
    path = tmp_path / "board.pdf"
    assert write(db, path) == 1
    lines = pdf_lines(path)
    assert "Board of Huurdersgroep De Linde" in lines
    part = sections(lines)

    assert f"Chair Ayşe Çelik {short(date(2021, 4, 1))} {short(date(2024, 4, 1))}" in part["current"]
    assert f"Secretary Thi Lan Nguyễn {short(date(2023, 4, 1))} {short(date(2026, 4, 1))}" in part["current"]
    assert f"Treasurer Łukasz Kowalski {short(date(2022, 5, 1))} {short(date(2025, 5, 1))}" in part["current"]
    assert not any("Ådne Hansen" in line for line in part["current"])  # her office ended in 2022

    assert part["rota"][0].endswith(format_date(date(2025, 3, 31), "long"))
    assert "1 board member is due to step down at this annual meeting (marked below)." in part["rota"]
    celik = next(line for line in part["rota"] if "Ayşe Çelik" in line)
    assert celik.endswith("Due to step down")
    for name in ("Thi Lan Nguyễn", "Łukasz Kowalski"):
        assert next(line for line in part["rota"] if name in line).endswith("Stays on")
    # The rota runs by end of term: who goes first comes first.
    rota_names = [n for line in part["rota"] for n in ("Ayşe Çelik", "Łukasz Kowalski", "Thi Lan Nguyễn")
                  if n in line]
    assert rota_names == ["Ayşe Çelik", "Łukasz Kowalski", "Thi Lan Nguyễn"]

    hansen = next(line for line in part["history"] if "Ådne Hansen" in line)
    assert hansen == (f"Board member Ådne Hansen {short(date(2019, 6, 1))} {short(date(2022, 6, 1))} "
                      f"{short(date(2022, 6, 1))}")
    assert any(line.startswith("Chair Ayşe Çelik") and "current" in line for line in part["history"])


def test_rota_follows_the_annual_meeting_date_in_settings(db, group, tmp_path, pdf_lines):
    with db.transaction() as s:
        set_setting(s, board.NEXT_ANNUAL_MEETING_SETTING, "2025-06-28")
    path = tmp_path / "board.pdf"
    write(db, path)
    part = sections(pdf_lines(path))
    assert part["rota"][0].endswith(format_date(date(2025, 6, 28), "long"))
    assert "2 board members are due to step down at this annual meeting (marked below)." in part["rota"]
    assert next(line for line in part["rota"] if "Łukasz Kowalski" in line).endswith("Due to step down")


def test_board_list_without_offices(db, tmp_path, pdf_lines):
    path = tmp_path / "board.pdf"
    write(db, path)
    lines = pdf_lines(path)
    assert "No one holds an office today." in lines
    assert "No board member is due to step down at this annual meeting." in lines
    assert "No offices recorded yet." in lines
