"""The Documents page: every document the app makes, per year, grouped, with the day it was last made."""
