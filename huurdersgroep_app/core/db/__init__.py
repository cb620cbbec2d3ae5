"""Persistence: engine with safe SQLite pragmas, the Money type, models, migrations, backups."""
