"""Small readers the GUI tests share (a module, not the conftest: conftest modules are not importable by name)."""
from huurdersgroep_app.core.services.members import members


def active_rows(database):
    with database.reading() as s:
        return members.member_rows(s, active_only=True)
