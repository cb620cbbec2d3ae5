"""All models. Each area keeps its own module in this package; every module is imported here,
so the metadata is complete for migrations and tests without a shared list to edit."""
import importlib as _importlib
import pkgutil as _pkgutil

from huurdersgroep_app.core.db.models.base import Base  # noqa: F401
from huurdersgroep_app.core.db.models.members import (  # noqa: F401
    CONTACT_WAYS, OFFICE_ROLES, Complex, Member, Office)
from huurdersgroep_app.core.db.models.organisation import Organisation, Setting  # noqa: F401

for _info in _pkgutil.iter_modules(__path__):
    _importlib.import_module(f"{__name__}.{_info.name}")
