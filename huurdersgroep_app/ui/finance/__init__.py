"""The finance area of the window."""
