"""Importers: members (CSV/XLSX) and bank statements. All-or-nothing and idempotent."""
