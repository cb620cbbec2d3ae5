"""Bank statement parsers. Every format is read into the neutral ``BankStatement`` of
``statement.py``; booking the lines is the finance service's job, not the parser's."""
