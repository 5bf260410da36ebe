"""Cheap features: entities, quotations, figures, dates."""

from newsift.coverage._text import day_number, entities, entity_terms, key_terms, numbers, quotations


def test_entities_keeps_names_and_drops_sentence_openers():
    text = ("Drivers waited as Mayor Elena Ortiz closed the Old Mill Bridge on Monday.\n\n"
            "Water pooled on the beams, said Marcus Bell of the State Department of Transportation.")
    names = entities(text)
    assert "elena ortiz" in names
    assert "old mill bridge" in names
    assert "marcus bell" in names
    assert "state department of transportation" in names
    assert "drivers" not in names and "water" not in names and "monday" not in names


def test_entities_skip_title_case_headlines():
    text = "Riverside Mayor Shuts Down Crumbling Bridge\n\nThe mayor of Riverside spoke."
    assert entities(text) == ["riverside"]


def test_entity_terms_include_single_words():
    assert {"elena ortiz", "elena", "ortiz"} <= entity_terms(["elena ortiz"])


def test_key_terms_weight_names_above_common_words():
    weights = key_terms("Bridge shut", "Ortiz said the bridge was shut. Ortiz spoke.", ["ortiz"])
    assert weights["ortiz"] > weights["bridge"] >= 1.0
    assert "said" not in weights and "the" not in weights


def test_quotations_pair_straight_quotes_in_order():
    text = 'It was rated "critical", the lowest rating. "We will not gamble with lives," Ortiz said.'
    found = [text[a:b] for a, b in quotations(text)]
    assert found == ["We will not gamble with lives,"]


def test_quotations_curly_across_paragraphs():
    text = "“I know how hard this is.\n\nBut a detour is better,” she said."
    (start, end), = quotations(text)
    assert text[start:end].startswith("I know") and text[start:end].endswith("better,")


def test_numbers_as_printed_without_trailing_comma():
    assert numbers("In 2021, repairs cost $12.5 million for 14,000 cars, up 4 percent.") == [
        "2021", "$12.5 million", "14,000", "4 percent"]


def test_day_number_reads_dates_and_datetimes():
    assert day_number("2026-03-02T09:00:00+00:00") == day_number("2026-03-02")
    assert day_number("2026-03-03") - day_number("2026-03-02") == 1
    assert day_number("last week") is None and day_number(None) is None


def test_entities_survive_whitespace_only_lines():
    assert entities("    \t   \n\nAnn Lee spoke.") == ["ann lee"]
