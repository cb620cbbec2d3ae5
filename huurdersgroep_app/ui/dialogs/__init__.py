"""Dialogs opened from the pages; imported when first needed, not at start-up."""
