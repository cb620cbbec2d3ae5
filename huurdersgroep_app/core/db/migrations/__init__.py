"""Alembic migrations, run in code by core.db.schema."""
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent
