"""Tenants' signals: the register, follow-up with the landlord, and grouping into advice."""
