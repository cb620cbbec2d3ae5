"""The PySide6 desktop interface. Qt lives only in this package; it calls core.services and
never builds queries itself."""
