"""The Funding page: funders, their grants and conditions, and the compliance check per year."""
