"""The privacy documents: one person's data (access request), the privacy statement and the
register of processing activities. Read through ``core.services.privacy``."""
