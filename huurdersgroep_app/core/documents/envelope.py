"""Where a window envelope shows the address on an A4 letter folded in three.

The common window envelope in Belgium and the Netherlands (DL / EA5/6, left window of 90 × 45 mm,
20 mm from the left edge, about 15 mm above the bottom) shows, on the folded letter, the area from
about 45 to 90 mm below the top of the page. The address goes in the upper part of that area,
clear of the fold and of the letterhead above it (as DIN 5008 form B places it). Every letter
(PDF and DOCX) puts its addressee here, so one measure decides it."""
from __future__ import annotations

LEFT_MM = 20.0  # from the left edge of the page
TOP_MM = 50.0  # from the top edge of the page
WIDTH_MM = 85.0
HEIGHT_MM = 40.0  # about eight lines of 10 pt
