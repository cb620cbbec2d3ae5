"""Privacy tools (GDPR for an association): the consent log and the versioned privacy statement,
everything about one person for an access request, anonymising former members and erasing people
who appear in no decision or booking, retention per region, and the register of processing activities.

Each module takes a Session and returns plain data; documents and the command line read through them.
"""
