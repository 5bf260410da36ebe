"""Names for coverage: furniture left out, people only when they look like people."""

from newsift.coverage._entities import names_from_layer, names_from_text, person_shaped
from newsift.model import Span


def _spans(text, tagged):
    """Entity spans at each occurrence of ``(phrase, label)`` in order."""
    spans, pos = [], {}
    for phrase, label in tagged:
        start = text.index(phrase, pos.get(phrase, 0))
        pos[phrase] = start + 1
        spans.append(Span(start, start + len(phrase), label))
    return spans


POLITICO = ("Gary Johnson said the ticket can still make an impact in New York.\n"
            "Story Continued Below\n"
            "Johnson spoke in New York before Election Day. Voters said the election day lines were long.\n"
            "Viewers of Kremlin-controlled TV heard it too, said Marcus Bell.")


def test_furniture_is_never_a_name():
    furniture = [(POLITICO.index("Story"), POLITICO.index("Below") + len("Below"))]
    spans = _spans(POLITICO, [("Gary Johnson", "PERSON"), ("Story Continued Below", "PERSON")])
    names = names_from_layer(POLITICO, spans, furniture, [])
    assert "story continued below" not in names.display
    assert "gary johnson" in names.people


def test_a_place_spacy_also_tags_as_a_place_is_not_a_person():
    spans = _spans(POLITICO, [("New York", "PERSON"), ("New York", "GPE")])
    names = names_from_layer(POLITICO, spans, [], [])
    assert "new york" in names.display and "new york" not in names.people


def test_ordinary_words_in_title_case_are_not_a_person():
    spans = _spans(POLITICO, [("Election Day", "PERSON")])
    names = names_from_layer(POLITICO, spans, [], [])
    assert "election day" not in names.people  # the text says "election day" in lower case too


def test_a_person_label_on_no_name_at_all_is_dropped():
    spans = _spans(POLITICO, [("Kremlin-controlled TV", "PERSON")])
    assert not names_from_layer(POLITICO, spans, [], []).display


def test_a_two_word_name_spacy_called_an_organisation_is_a_person():
    spans = _spans(POLITICO, [("Marcus Bell", "ORG")])
    assert "marcus bell" in names_from_layer(POLITICO, spans, [], []).people


def test_title_case_headline_lines_give_no_names():
    text = "Riverside Mayor Shuts Down Crumbling Bridge, Blames Decades of Neglect\n\nThe bridge closed."
    spans = _spans(text, [("Blames Decades", "PERSON")])
    assert not names_from_layer(text, spans, [], []).display


def test_names_only_inside_quotations_are_marked():
    text = 'Ann Lee spoke. "We met Tom Ruiz there," she said.'
    quoted = [(text.index("We met"), text.index('," she'))]
    names = names_from_layer(text, _spans(text, [("Ann Lee", "PERSON"), ("Tom Ruiz", "PERSON")]), [], quoted)
    assert names.quoted_only == {"tom ruiz"}
    assert names.ordered(narrative=True) == ["ann lee"]


def test_stored_text_names_skip_furniture_and_learn_people_from_the_checked_article():
    known = names_from_layer(POLITICO, _spans(POLITICO, [("Gary Johnson", "PERSON")]), [], [])
    other = "Story Continued Below\nThe governor met Johnson in Albany on Monday, with Ruth Engel."
    names = names_from_text(other, [(0, len("Story Continued Below"))], [], known)
    assert "story continued below" not in names.display
    assert "johnson" in names.people and "ruth engel" in names.people
    assert "albany" not in names.people


def test_person_shape():
    ordinary = {"story", "continued", "below", "new"}
    assert person_shaped("Elena Ortiz", ordinary) and person_shaped("J. Edgar Hoover", ordinary)
    assert not person_shaped("Story Continued Below", ordinary)
    assert not person_shaped("NATO", ordinary) and not person_shaped("Kremlin-controlled TV", ordinary)


def test_place_names_are_not_people_even_where_the_text_never_says_new_or_north():
    other = "The debate at Hofstra in New York drew Jill Stein, who protested in North Dakota, then in Las Vegas."
    names = names_from_text(other, [], [])
    assert {"new york", "north dakota", "las vegas"} <= set(names.display)
    assert names.people == {"jill stein"}
    spans = _spans(POLITICO, [("New York", "ORG")])  # tagged an organisation, never a place
    assert "new york" not in names_from_layer(POLITICO, spans, [], []).people


def test_organisations_and_things_named_by_their_words_are_not_people_even_tagged_person():
    text = ("Opinion Research Corp ran the poll for the Red Cross before the Iraq War, Anita Hill said. "
            "Ann Lee agreed on the Axe Files.")
    names = names_from_text(text, [], [])
    assert {"opinion research corp", "red cross", "iraq war"}.isdisjoint(names.people)
    assert {"anita hill", "ann lee"} <= names.people  # "hill" ends names too
    spans = _spans(text, [("Opinion Research Corp", "ORG"), ("Iraq War", "PERSON"), ("Anita Hill", "PERSON"),
                          ("Ann Lee", "PERSON"), ("Axe Files", "PERSON")])
    assert names_from_layer(text, spans, [], []).people == {"anita hill", "ann lee"}


def test_a_persons_titles_are_left_out_and_their_mentions_counted_together():
    text = "Moderator Lester Holt asked first. Lester Holt then turned to Iraqi Prime Minister Haider Abadi."
    spans = _spans(text, [("Moderator Lester Holt", "PERSON"), ("Lester Holt", "PERSON"),
                          ("Iraqi Prime Minister Haider Abadi", "PERSON")])
    names = names_from_layer(text, spans, [], [])
    assert names.counts["lester holt"] == 2 and "moderator lester holt" not in names.display
    assert names.display["haider abadi"] == "Haider Abadi" and "haider abadi" in names.people


def test_a_dateline_glued_to_a_name_is_left_out():
    text = "(CNN)Massachusetts Sen. Elizabeth Warren spoke on Monday."
    spans = _spans(text, [("CNN)Massachusetts", "GPE"), ("Elizabeth Warren", "PERSON")])
    assert set(names_from_layer(text, spans, [], []).display) == {"massachusetts", "elizabeth warren"}


def test_missing_people_are_listed_once_and_a_surname_not_beside_its_full_name():
    from newsift.coverage._compare import _people
    from newsift.coverage._entities import Names

    names = Names(display={"serge kovaleski": "Serge Kovaleski", "kovaleski": "Kovaleski", "ceo andy puzder":
                           "Andy Puzder", "andy puzder": "Andy Puzder", "obama": "Obama"},
                  people={"serge kovaleski", "kovaleski", "ceo andy puzder", "andy puzder", "obama"})
    assert _people(names, list(names.display)) == ["Serge Kovaleski", "Andy Puzder", "Obama"]
