"""The funding documents: the activity annual report, the year plan, the accountability per
grant, the kascommissie report, the cover letter and the funding dossier that binds them.

The stable API (the GUI and the CLI call only these; each takes a read session, and ``target``
is a path whose folder exists, or a binary file object):

- ``activity_report.write_activity_report(session, year, target, fmt="pdf", *, today=None, progress=None)``
  — PDF or DOCX;
- ``year_plan.write_year_plan(session, year, target, fmt="pdf", *, today=None, progress=None)``
  — PDF or DOCX; ``year`` is the plan's year (usually next year);
- ``grant_accountability.write_grant_accountability(session, year, target, fmt="pdf", *, funder_id=None,
  today=None, progress=None)`` — PDF or XLSX; all grants of the year, or one funder's;
- ``audit_committee.write_audit_committee_report(session, year, target, fmt="pdf", *, today=None,
  progress=None)`` — PDF; a closed year only (``audit_committee_problem(session, year)`` says why
  not, '' when it can be made).

Each returns the page count of a PDF and None for DOCX/XLSX; bad input raises a DomainError
with a message in the user's language before any file is written. ``progress(done, total)`` is
called from the writer's thread (the GUI runs the writers as background tasks).
The free texts (foreword, highlights, plans, cover note) are kept per year by
``core.services.funding.texts`` (``get_year_texts`` / ``set_year_texts``).
"""
