"""The money documents: budget vs actual, the financial annual report, the budget, the audit pack
for the kascommissie, dues payment request letters, and the ledger as a spreadsheet."""
