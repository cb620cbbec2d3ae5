"""The day the funding document tests take as 'today' in the demo (seed 5): 2024 is closed and
accounted for, 2025 runs, 2026 is planned. A plain module, so tests can import it."""
from datetime import date

TODAY = date(2025, 11, 20)
SEED = 5
