"""The money area: the books, the bank import, dues, budget, year closing and the figures behind
the financial reports. One module per subject; every function takes a Session and raises typed
domain errors (never returns False). Sign convention: see ``core.db.models.finance``.

- ``years``: financial years, open/closed, the lock check used by every writer;
- ``accounts``: cash box and bank accounts, opening balances;
- ``balances``: opening + income − expense ± transfers = closing, per account and year;
- ``categories``: income and expense categories (defaults from the rule profile);
- ``entries``: entries split over categories, search and filter;
- ``receipts``: receipts stored with the entries; missing receipts;
- ``transfers``: money moved between the group's own accounts;
- ``suggestions``: a category for a bank line, learned from earlier entries;
- ``bank_import``: booking parsed bank statements (preview, idempotent, all-or-nothing);
- ``dues``: membership dues, structured references, who paid, EPC payment data;
- ``budget``: the budget per year and category, per-dwelling calculator;
- ``figures``: actuals per category, budget vs actual;
- ``closing``: year-closing checks and closing;
- ``grants``: funders and grants; ``allowances``: volunteer allowances;
- ``ledger``: the rows of the ledger for the audit pack and the XLSX export.
"""
