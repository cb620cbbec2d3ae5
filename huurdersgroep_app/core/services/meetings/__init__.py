"""Meetings: lifecycle, agenda, invitations, attendance, minutes and decisions, action points,
approvals, elections, attachments, and the plain-row views a meeting page shows."""
