"""Documents as the group keeps track of them: when each was last made (``made``). The catalogue of
document kinds is ``core.documents.catalogue``."""
