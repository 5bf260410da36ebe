"""Outlets credited in the text, resolved through names the rating sets give."""

from newsift.model import Span
from newsift.sources import find_credits

NAMES = {"politico": "politico.com", "washingtonpost": "washingtonpost.com", "reuters": "reuters.com",
         "nbcnews": "nbcnews.com", "trump": "trump.news"}


def resolve(name):
    if "." in name:
        return name.lower() if name.lower() in NAMES.values() else None
    key = "".join(c for c in name.lower().removeprefix("the ") if c.isalnum())
    return NAMES.get(key)


def credits(text, not_outlets=None):
    return [(d, text[s.start:s.end]) for d, s in find_credits(text, resolve, not_outlets)]


def test_outlet_reported_and_according_to():
    text = "Politico reported on Monday that talks failed. According to The Washington Post, they did not."
    assert credits(text) == [("politico.com", "Politico reported"),
                             ("washingtonpost.com", "According to The Washington Post")]


def test_told_and_first_reported_by_and_bare_domains():
    text = "Sources told NBC News the plan changed, as first reported by Reuters and then politico.com."
    assert [d for d, _ in credits(text)] == ["nbcnews.com", "reuters.com", "politico.com"]


def test_unknown_names_and_people_are_not_outlets():
    text = "According to Trump, it went well. Local Gazette reported nothing."
    assert credits(text, [Span(13, 18, "PERSON")]) == []


def test_possessive_name_before_cue():
    assert credits("Politico's Jake Sherman reported it first.") == [("politico.com", "Politico's Jake Sherman reported")]
