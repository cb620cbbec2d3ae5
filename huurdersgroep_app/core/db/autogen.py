"""Developer tool: write a new migration from the models' difference to the current head.

    python -m huurdersgroep_app.core.db.autogen 0002 meetings

Review the generated file before committing it.
"""
import sys
import tempfile
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine

from huurdersgroep_app.core.db.schema import MIGRATIONS_DIR


def main(rev_id: str, message: str) -> None:
    db = Path(tempfile.mkdtemp()) / "autogen.sqlite"
    engine = create_engine(f"sqlite:///{db}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.revision(config, message=message, autogenerate=True, rev_id=rev_id)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
