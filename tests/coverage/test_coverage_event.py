"""Same-event decisions with evidence, quotations for comparison, and the same-event bench's scoring."""

from collections import Counter

import pytest

from newsift.bench.coverage import LABELS, _score_same_event, read_labels
from newsift.coverage import quotes_of
from newsift.coverage._event import EventEvidence, EventParams, cosine, judge
from newsift.errors import InputError
from newsift.model import Span

P = EventParams()


def test_inside_the_window_names_and_some_narrative_suffice():
    ev = judge(EventEvidence(0.3, 0.2, 0.1, 0.0), 1, 3, False, P)
    assert ev.same_event and "within the window" in ev.reason


def test_undated_needs_stronger_text_and_says_date_unknown():
    weak = judge(EventEvidence(0.22, 0.2, 0.1, 0.0), None, 3, False, P)
    assert not weak.same_event and weak.reason.startswith("date unknown")
    lead = judge(EventEvidence(0.1, 0.2, 0.45, 0.0), None, 3, False, P)
    assert lead.same_event and lead.reason.startswith("date unknown: lead similarity")


def test_no_names_in_common_is_never_the_same_event_without_a_date():
    assert not judge(EventEvidence(0.0, 0.9, 0.9, 0.9), None, 3, False, P).same_event


def test_outside_the_window_is_never_the_same_event_and_copies_sharing_names_always_are():
    assert not judge(EventEvidence(0.9, 0.9, 0.9, 0.9), 30, 3, False, P).same_event
    assert judge(EventEvidence(0.15, 0.0, 0.0, 0.0), 30, 3, True, P).same_event


def test_a_copy_of_background_with_no_names_in_common_is_not_the_same_story():
    # two opinion pieces that print the same block of crime statistics, about different happenings
    background = judge(EventEvidence(0.04, 0.46, 0.13, 0.17), None, 3, True, P)
    assert not background.same_event and "shared background" in background.reason


def test_cosine_weights_rare_words():
    a, b = Counter({"rahami": 2, "police": 1}), Counter({"rahami": 1, "police": 3})
    assert cosine(a, b, {"rahami": 5.0, "police": 0.5}) > cosine(a, b, {"rahami": 0.5, "police": 0.5}) - 1e-9
    assert cosine(a, Counter(), {}) == 0.0


def test_quotes_for_comparison_are_speech_only():
    text = 'Ortiz said the repairs were "long overdue and costly" and would start. "We will not gamble," she said.'
    direct = text.index("We will")
    layer = [
        Span(0, text.index(". ") + 1, "mixed", {"speaker": "Ortiz"}),
        Span(direct, direct + len("We will not gamble,"), "direct", {"speaker": "Ortiz", "cue_kind": "speech"}),
        Span(0, 20, "indirect", {"speaker": "Ortiz"}),
        Span(direct, direct + 7, "direct", {"cue_kind": "belief"}),
    ]
    found = [(q.kind, q.text) for q in quotes_of(text, layer)]
    assert found == [("mixed", "long overdue and costly"), ("direct", "We will not gamble,")]
    assert quotes_of(text, []) == []  # attribution ran and found nothing: no quote marks guessed


def test_labels_file_reads_and_bad_rows_are_one_coded_error(tmp_path):
    labels = read_labels(LABELS)
    assert len(labels) >= 190 and set(labels.values()) == {"same", "different"}
    bad = tmp_path / "bad.tsv"
    bad.write_text("query\tother\tverdict\na\tb\tmaybe\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"\[E307\]"):
        read_labels(bad)
    with pytest.raises(InputError, match=r"\[E307\]"):
        read_labels(tmp_path / "absent.tsv")


def test_scoring_counts_only_judged_calls():
    rows = [{"same_event": True, "verdict": "same"}, {"same_event": True, "verdict": "different"},
            {"same_event": True, "verdict": None}, {"same_event": False, "verdict": "same"}]
    score = _score_same_event(rows)
    assert score["precision"] == 0.5 and score["recall_of_listed"] == 0.5
    assert len(score["unjudged"]) == 1 and len(score["false_same"]) == 1
