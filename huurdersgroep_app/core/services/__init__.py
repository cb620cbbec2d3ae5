"""Services: one module per area. Each takes a Session, validates, and raises DomainError
subclasses with a translated message. The GUI and the CLI call only these."""
