"""Alembic environment, run in code by core.db.schema (never from an alembic.ini)."""
from alembic import context

from huurdersgroep_app.core.db.models import Base

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
