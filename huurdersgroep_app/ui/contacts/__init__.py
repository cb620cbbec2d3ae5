"""The contacts area of the window."""
