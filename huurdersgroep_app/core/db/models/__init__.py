"""All models, imported here so the metadata is complete for migrations and tests.
Each area keeps its own module; add one import line per area."""
from huurdersgroep_app.core.db.models.base import Base  # noqa: F401
from huurdersgroep_app.core.db.models.organisation import Organisation, Setting  # noqa: F401
from huurdersgroep_app.core.db.models.members import CONTACT_WAYS, OFFICE_ROLES, Complex, Member, Office  # noqa: F401
