"""The signals area of the window."""
