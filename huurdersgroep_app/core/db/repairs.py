"""Files whose structure does not match their recorded version, put right before the upgrade.

Revision 0001 gained the contacts register (tables ``partner`` and ``contact``) after the first
release had already written files at 0001. Those files say "0001" but lack the two tables, so the
later migrations, which refer to them, failed half-way. The missing tables are created exactly as
today's 0001 creates them, inside the upgrade's own transaction.
"""
from __future__ import annotations

from functools import lru_cache

ADDED_TO_0001 = ("partner", "contact")


@lru_cache(maxsize=1)
def _tables_of_0001() -> dict[str, tuple[str, ...]]:
    """CREATE statements (table first, then its indexes) of each table as migration 0001 makes it."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from huurdersgroep_app.core.db.migrations import MIGRATIONS_DIR

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = create_engine("sqlite://")
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0001")
            rows = connection.exec_driver_sql(
                "SELECT tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                "ORDER BY tbl_name, type = 'index', name").fetchall()
    finally:
        engine.dispose()
    found: dict[str, list[str]] = {}
    for table, sql in rows:
        found.setdefault(table, []).append(sql)
    return {table: tuple(sqls) for table, sqls in found.items()}


def before_upgrade(connection) -> list[str]:
    """Create what a file at 0001 should have and lacks; returns the tables created."""
    tables = {r[0] for r in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "alembic_version" not in tables:
        return []
    versions = {r[0] for r in connection.exec_driver_sql("SELECT version_num FROM alembic_version")}
    missing = [t for t in ADDED_TO_0001 if t not in tables]
    if versions != {"0001"} or not missing:
        return []
    statements = _tables_of_0001()
    for table in missing:  # partner before contact: contact refers to it
        for sql in statements[table]:
            connection.exec_driver_sql(sql)
    return missing
