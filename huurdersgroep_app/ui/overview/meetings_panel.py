"""The meetings on the Overview page: whether this year's annual meeting was held with minutes —
the first funding condition in every region, in green or red and always in words — the next
meetings and the action points past their date."""
from __future__ import annotations


from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout

from huurdersgroep_app.core.services.meetings import views
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.meetings.tab import set_signal
from huurdersgroep_app.ui.kit.widgets import hint

SHOWN = 5  # upcoming meetings and overdue action points listed; the rest is counted


def upcoming_text(rows) -> str:
    if not rows:
        return _("No meetings planned. Plan them on the Meetings page.")
    return "\n".join(_("{date}: {title} ({status})").format(date=formats.short_date(r.scheduled_on), title=r.title,
                                                            status=r.status_label) for r in rows)


def overdue_text(rows) -> str:
    if not rows:
        return _("No action point is past its date.")
    lines = [ngettext("{n} action point is past its date:", "{n} action points are past their date:",
                      len(rows)).format(n=len(rows))]
    oldest_first = sorted(rows, key=lambda r: (r.due_on, r.id))
    for row in oldest_first[:SHOWN]:
        who = f" – {row.owner_name}" if row.owner_name else ""
        lines.append(_("• {text}{who} (due {date})").format(text=row.description, who=who,
                                                           date=formats.short_date(row.due_on)))
    if len(rows) > SHOWN:
        lines.append(_("… and {n} more (Meetings page, 'Open action points').").format(n=len(rows) - SHOWN))
    return "\n".join(lines)


class MeetingsPanel(QGroupBox):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(_("Meetings"), parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.annual = QLabel()
        self.annual.setWordWrap(True)
        self.annual.setAccessibleName(_("Annual meeting"))
        layout.addWidget(self.annual)
        layout.addWidget(QLabel(_("Next meetings:")))
        self.upcoming = hint("")
        layout.addWidget(self.upcoming)
        self.overdue = hint("")
        layout.addWidget(self.overdue)

    def refresh(self) -> None:
        self.show_data(self.ctx.read(views.read_meetings_snapshot, shown=SHOWN))

    def show_data(self, snap: views.MeetingsSnapshot) -> None:
        set_signal(self.annual, snap.annual.signal, snap.annual.text)
        self.upcoming.setText(upcoming_text(snap.upcoming))
        self.overdue.setText(overdue_text(snap.overdue))
