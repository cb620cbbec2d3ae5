"""Documents attached to a meeting or to one of its agenda items (a quote, a plan, the landlord's
letter). The bytes live in the database, so backups and a hand-over to a successor carry them."""
from __future__ import annotations

import mimetypes

from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.meetings import MeetingAttachment
from huurdersgroep_app.core.errors import ValidationError
from huurdersgroep_app.core.services.meetings.agenda import get_item
from huurdersgroep_app.core.services.meetings.lifecycle import get_meeting
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _

MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024


def add_attachment(session: Session, meeting_id: int, file_name: str, data: bytes,
                   agenda_item_id: int | None = None, mime: str = "") -> MeetingAttachment:
    get_meeting(session, meeting_id)
    if agenda_item_id is not None and get_item(session, agenda_item_id).meeting_id != meeting_id:
        raise ValidationError({"agenda_item_id": _("This agenda item belongs to another meeting.")})
    name = (file_name or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    if not name:
        raise ValidationError({"file_name": _("The attachment needs a file name.")})
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise ValidationError({"data": _("{name} is larger than 25 MB; attach a smaller file.").format(name=name)})
    attachment = MeetingAttachment(meeting_id=meeting_id, agenda_item_id=agenda_item_id, file_name=name,
                                   mime=mime or mimetypes.guess_type(name)[0] or "application/octet-stream",
                                   size=len(data), data=data)
    session.add(attachment)
    session.flush()
    return attachment


def attachment_data(session: Session, attachment_id: int) -> tuple[str, bytes]:
    attachment = get_or_raise(session, MeetingAttachment, attachment_id, N_("Attachment {id} does not exist."),
                              id=attachment_id)
    return attachment.file_name, attachment.data


def remove_attachment(session: Session, attachment_id: int) -> None:
    attachment = get_or_raise(session, MeetingAttachment, attachment_id, N_("Attachment {id} does not exist."),
                              id=attachment_id)
    session.delete(attachment)
