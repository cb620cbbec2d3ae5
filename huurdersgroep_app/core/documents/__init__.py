"""Documents on the group's letterhead (reportlab, fonts embedded). One module per document."""
