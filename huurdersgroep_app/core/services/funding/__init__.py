"""Funding: who pays the group (funders, their grants per year), on which conditions (as data,
copied from the region's rule profile and edited per funder), and whether the group meets them.

- ``funders``: funders, linked to an organisation of the contacts register, with their IBAN;
- ``grants``: grants per year (lump sum, per dwelling, per project), status, deadlines,
  eligible categories, payments received;
- ``conditions``: a funder's conditions and the user's evidence for them;
- ``catalogue`` and ``checks_*``: the checks the app evaluates from its data;
- ``compliance``: the check per funder and year (met / not met / to confirm);
- ``rule_values``: rule values kept per year (the volunteer allowance caps);
- ``deadlines``: funders' application and accountability deadlines (due soon, overdue);
- ``records``: the audit committee of a year and the year plan, which some conditions ask for.

The modules import each other only where needed; this package imports nothing on its own.
"""
