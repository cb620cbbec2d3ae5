"""default categories: a group whose file holds no category gets its rule profile's defaults.

Earlier versions added the default categories inside reading sessions that were never committed,
so a group created with them has none in its file: its bank import failed on a foreign key and a
new entry or budget line was refused. A group that has any category chose its own list and is left
alone; a file without a group gets its categories when the group is created.

Revision ID: 0010
Revises: 0011
"""
import json

from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0011'
branch_labels = None
depends_on = None

# The shipped codes that need no receipt (the bank statement proves them); kept here, not imported,
# so this migration does the same thing whatever later versions change.
_NO_RECEIPT_NEEDED = {"bank_costs"}


def upgrade() -> None:
    from huurdersgroep_app.core.rules import load_profile

    connection = op.get_bind()
    region = connection.execute(sa.text("SELECT region FROM organisation ORDER BY id LIMIT 1")).scalar()
    if region is None or connection.execute(sa.text("SELECT count(*) FROM category")).scalar():
        return
    stored = connection.execute(sa.text("SELECT value FROM setting WHERE key = 'rules.overrides'")).scalar()
    profile = load_profile(region, json.loads(stored) if stored else {})
    defaults = profile.get("finance", "categories", {}) or {}
    insert = sa.text("INSERT INTO category (kind, code, name, active, needs_receipt, position) "
                     "VALUES (:kind, :code, '', 1, :needs_receipt, :position)")
    position = 0
    for kind in ("income", "expense"):
        for code in defaults.get(kind, []):
            position += 1
            connection.execute(insert, {"kind": kind, "code": code, "position": position,
                                        "needs_receipt": kind == "expense" and code not in _NO_RECEIPT_NEEDED})


def downgrade() -> None:
    # The categories may be in use by then; a downgrade keeps them.
    pass
