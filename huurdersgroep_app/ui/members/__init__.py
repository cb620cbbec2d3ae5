"""The members area of the window."""
