"""The Overview page and its panels (deadlines, money, meetings): the one area that shows the others."""
