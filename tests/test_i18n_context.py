"""The language is per context: a document built in another language on a worker thread never
switches the language of the window's thread, and the other way round."""
from __future__ import annotations

import threading

from huurdersgroep_app import i18n
from huurdersgroep_app.i18n import _


def test_a_worker_in_french_while_the_window_stays_flemish():
    i18n.set_language("nl_BE")
    worker_inside = threading.Event()
    main_checked = threading.Event()
    seen: dict[str, object] = {}

    def worker() -> None:
        # A new thread speaks the interface's language until it asks for another.
        seen["worker_before"] = _("Members")
        with i18n.language("fr_BE"):
            worker_inside.set()
            main_checked.wait(5)  # the main thread translates while this block is open
            seen["worker_inside"] = (_("Members"), i18n.get_language(), i18n.format_money(
                __import__("decimal").Decimal("1234.5")))
        seen["worker_after"] = i18n.get_language()

    thread = threading.Thread(target=worker)
    thread.start()
    assert worker_inside.wait(5)
    # While the worker is inside its French block, this thread is still Flemish.
    seen["main_during"] = (_("Members"), i18n.get_language())
    main_checked.set()
    thread.join(5)
    assert seen["worker_before"] == "Leden"
    assert seen["main_during"] == ("Leden", "nl_BE")
    members_fr, lang_fr, money_fr = seen["worker_inside"]
    assert (members_fr, lang_fr) == ("Membres", "fr_BE")
    assert money_fr.replace("\u202f", " ").replace("\xa0", " ") == "1 234,50 €"
    assert seen["worker_after"] == "nl_BE"
    assert i18n.get_language() == "nl_BE"


def test_the_block_restores_the_language_and_nests():
    i18n.set_language("en")
    with i18n.language("fr_BE") as outer:
        assert outer == "fr_BE" and _("Members") == "Membres"
        with i18n.language("nl_NL"):
            assert i18n.get_language() == "nl_NL"
        assert i18n.get_language() == "fr_BE"
        with i18n.language(None) as same:  # no language asked: the current one stays
            assert same == "fr_BE"
    assert i18n.get_language() == "en" and _("Members") == "Members"


def test_switching_the_interface_inside_a_block_lasts_only_for_the_block():
    # As before the language became per context: set_language inside a block ends with it.
    i18n.set_language("en")
    with i18n.language("fr_BE"):
        i18n.set_language("nl_BE")
        assert _("Members") == "Leden"
    assert i18n.get_language() == "en"
    i18n.set_language("nl_NL")
    assert i18n.get_language() == "nl_NL"
