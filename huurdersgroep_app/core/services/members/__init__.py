"""Members: the register, likely duplicates, complexes with their reach, and the board."""
