"""huurdersgroep_app: the desktop app for local tenant groups."""

__version__ = "0.1.0"
APP_NAME = "huurdersgroep"
