"""The board area of the window."""
