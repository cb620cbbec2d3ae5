"""The meetings area of the window."""
