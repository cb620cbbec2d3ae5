"""The Settings page's readers (the settings themselves are stored by services.organisation)."""
