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

- ``cover_letter.write_cover_letter(session, year, funder_id, target, fmt="pdf", *, contents=None, today=None,
  progress=None)`` — PDF or DOCX (to edit before sending);
- ``dossier.write_funding_dossier(session, year, funder_id, target, *, sections=None, today=None, progress=None,
  cancel=None)`` — one PDF; returns a ``DossierResult`` (``pages``, ``parts`` with each part's first
  page, ``missing``: the parts whose data is missing, as named on the checklist). ``sections`` are
  keys of ``dossier.SECTIONS`` ((key, N_ label) pairs, for the GUI's check boxes; default all);
  ``cancel`` is a ``core.progress.CancelToken`` (raises ``Cancelled``, writes nothing).

``year`` is the year accounted for: the dossier of 2025 holds the reports of 2025, the budget
and the year plan of 2026, and the minutes of the annual meeting of 2026 once it was held.
Each other writer returns the page count of a PDF and None for DOCX/XLSX; bad input raises a DomainError
with a message in the user's language before any file is written. ``progress(done, total)`` is
called from the writer's thread (the GUI runs the writers as background tasks).
The free texts (foreword, highlights, plans, cover note) are kept per year by
``core.services.funding.texts`` (``get_year_texts`` / ``set_year_texts``).
"""
