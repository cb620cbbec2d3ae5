"""Advices to the landlord: dossiers with their deadlines, drafts and steps, follow-up actions,
labels, and the consultation history."""
