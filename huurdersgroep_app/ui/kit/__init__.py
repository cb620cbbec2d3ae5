"""Shared widgets every area uses: forms, table models, filters, formats, document buttons."""
