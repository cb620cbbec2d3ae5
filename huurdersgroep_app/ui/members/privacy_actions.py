"""The privacy actions on one member (issue 13 §4), as the members page offers them in its Privacy
menu: export everything about the person (an access request: PDF to read, JSON for a machine),
the consent log, anonymising a former member, erasing a person who appears in no decision or
booking, and the list of what is past its retention. The rules are the privacy services'; this
module only asks, shows and calls them."""
from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from huurdersgroep_app.core.services.privacy import erase
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.documents import save_as
from huurdersgroep_app.ui.tasks import Task


def export_writer(member_id: int, fmt: str):
    def write(session, target):
        from huurdersgroep_app.core.documents.privacy.person_export import write_person_json, write_person_pdf

        if fmt == "json":
            write_person_json(session, target, member_id=member_id)
            return 1
        return write_person_pdf(session, target, member_id=member_id)
    return write


def export_person(ctx: AppContext, member_id: int, name: str, fmt: str, parent: QWidget | None = None
                  ) -> Task | None:
    """Save everything the group holds about the member where the user chooses."""
    file_name = _("Personal data {name}").format(name=name).strip()
    if fmt == "json":
        return save_as(ctx, export_writer(member_id, "json"), file_name, parent, suffix=".json",
                       file_filter=_("JSON files (*.json)"),
                       saved=_("Everything about {name} was saved as {{path}}.").format(name=name))
    return save_as(ctx, export_writer(member_id, "pdf"), file_name, parent,
                   saved=_("Everything about {name} was saved as {{path}}.").format(name=name))


def erase_person(ctx: AppContext, member_id: int, name: str, parent: QWidget | None = None) -> bool:
    """Erase a person who appears in no decision or booking, after asking; otherwise say why not."""
    reasons = ctx.read(erase.member_erase_blockers, member_id)
    if reasons:
        ctx.show_error(_("{name} cannot be erased:\n{reasons}\n\nA former member can be anonymised instead: "
                         "the books and the minutes keep what they need, without the name.").format(
            name=name, reasons="\n".join(f"• {reason}" for reason in reasons)), parent)
        return False
    question = _("Erase {name} completely? Their details, attendance and consents are deleted; signals they "
                 "reported stay, without a reporter. This cannot be undone.").format(name=name)
    return bool(ctx.ask(question, parent) and ctx.run(erase.erase_member, member_id, parent=parent))


def anonymise_person(ctx: AppContext, member_id: int, parent: QWidget | None = None) -> bool:
    from huurdersgroep_app.ui.members.anonymise_dialog import AnonymiseDialog

    return bool(AnonymiseDialog(ctx, member_id, parent).exec())


def show_consents(ctx: AppContext, member_id: int, parent: QWidget | None = None) -> None:
    from huurdersgroep_app.ui.members.consent_dialog import ConsentDialog

    ConsentDialog(ctx, member_id, parent).exec()


def show_retention(ctx: AppContext, parent: QWidget | None = None) -> None:
    from huurdersgroep_app.ui.members.retention_dialog import RetentionDialog

    RetentionDialog(ctx, parent).exec()


class PrivacyMenu(QMenu):
    """The members page's Privacy menu; ``set_member`` follows the selected row."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.row = None
        self.export_pdf = self._add(_("Export everything about this person (PDF)…"),
                                    lambda: export_person(ctx, self.row.id, self.row.full_name, "pdf", self.parent()))
        self.export_json = self._add(_("Export everything about this person (JSON)…"),
                                     lambda: export_person(ctx, self.row.id, self.row.full_name, "json",
                                                           self.parent()))
        self.consents = self._add(_("Consents…"), lambda: show_consents(ctx, self.row.id, self.parent()))
        self.addSeparator()
        self.anonymise = self._add(_("Anonymise former member…"),
                                   lambda: anonymise_person(ctx, self.row.id, self.parent()))
        self.erase = self._add(_("Erase…"), lambda: erase_person(ctx, self.row.id, self.row.full_name, self.parent()))
        self.addSeparator()
        self.retention = self._add(_("Past their retention period…"), lambda: show_retention(ctx, self.parent()))
        self.set_member(None)

    def _add(self, text: str, slot) -> QAction:
        action = self.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def set_member(self, row) -> None:
        """``row``: the selected member's row of the members table, or None."""
        self.row = row
        chosen = row is not None
        for action in (self.export_pdf, self.export_json, self.consents, self.erase):
            action.setEnabled(chosen)
        # Only a former member can be anonymised (the service says so too, for one already anonymised).
        self.anonymise.setEnabled(chosen and row.left_on is not None)
