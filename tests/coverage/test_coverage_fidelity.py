"""Quote fidelity: matching the same remark across outlets and aligning it word by word."""

from newsift.coverage import QuoteText, align_quotes, match_quotes, render_alignment, summarize_alignment

LEDGER = ("We will not gamble with people's lives. When the engineers told us the beams had lost a third of "
          "their thickness, we closed the bridge that same afternoon,")
HERALD = ("We are not going to gamble with anybody's life. Once the engineers told us the beams had lost a third "
          "of their thickness, we shut the bridge the same afternoon,")


def _ops(segments):
    return [(s["op"], s["a"], s["b"]) for s in segments]


def test_changed_words_are_marked():
    segments = align_quotes(LEDGER, HERALD)
    ops = _ops(segments)
    assert ("changed", "closed", "shut") in ops
    assert ("added", "", "going to") in ops
    counts = summarize_alignment(segments)
    assert counts["words_changed"] >= 4 and counts["words_same"] >= 20
    assert "{closed → shut}" in render_alignment(segments)


def test_identical_quote_is_all_same():
    segments = align_quotes(LEDGER, LEDGER.replace("'", "’"))
    assert all(s["op"] == "same" for s in segments)


def test_bracketed_insertion_is_its_own_segment_in_place():
    segments = align_quotes("This bridge was built in 1958 for a town half our size.",
                            "It [the bridge] was built in 1958 for a town half our size.")
    assert _ops(segments)[:2] == [("changed", "This bridge", "It"), ("insertion", "", "[the bridge]")]


def test_ellipsis_and_cut_words():
    segments = align_quotes("The drains were last replaced in 1987. It was a scandal.",
                            "The drains were last replaced in 1987 … a scandal.")
    ops = _ops(segments)
    assert ("cut", "It was", "") in ops
    assert ("ellipsis", "", "…") in ops


def test_match_quotes_pairs_translations_and_rejects_unrelated():
    mine = [QuoteText(0, 10, LEDGER), QuoteText(20, 30, "Half my customers come over that bridge,")]
    theirs = [QuoteText(0, 5, "Drivers should notice a much smoother ride,"), QuoteText(9, 19, HERALD)]
    assert [(i, j) for i, j, _ in match_quotes(mine, theirs, 60)] == [(0, 1)]


def test_match_quotes_respects_known_speakers():
    mine = [QuoteText(0, 10, LEDGER, speaker="Elena Ortiz")]
    assert match_quotes(mine, [QuoteText(0, 10, HERALD, speaker="Marcus Bell")], 60) == []
    assert match_quotes(mine, [QuoteText(0, 10, HERALD, speaker="Ortiz")], 60)


def test_different_translations_of_one_remark_are_matched_and_aligned():
    # two English renderings of the same Russian sentence (Putin on Comey, 15 June 2017; wording illustrative)
    first = ("If he is going to face any kind of persecution in this connection, we are ready to grant him "
             "political asylum in Russia as well")
    second = "Should he be persecuted because of this, we are prepared to give him political asylum in Russia"
    pairs = match_quotes([QuoteText(0, 1, first)], [QuoteText(0, 1, "Nothing to do with it at all, really."),
                                                     QuoteText(5, 9, second)], 60)
    assert [(i, j) for i, j, _ in pairs] == [(0, 1)]
    ops = _ops(align_quotes(first, second))
    assert ("changed", "grant", "give") in ops and ("changed", "ready", "prepared") in ops
    assert ("cut", "as well", "") in ops


def test_one_other_quote_is_the_counterpart_of_one_quote_here_only():
    mine = [QuoteText(0, 1, LEDGER), QuoteText(2, 3, LEDGER.replace("same afternoon", "very afternoon"))]
    pairs = match_quotes(mine, [QuoteText(0, 1, HERALD)], 60)
    assert len(pairs) == 1


def test_one_shared_word_or_name_is_not_the_same_remark():
    mine = [QuoteText(0, 1, "Putin's puppet")]
    theirs = [QuoteText(0, 1, "Putin said the talks with Washington would resume next week")]
    assert match_quotes(mine, theirs, 60) == []
    fragment = [QuoteText(0, 1, "racist lie")]
    assert match_quotes(fragment, [QuoteText(0, 1, "that racist lie about his birth")], 60)  # two of two words


def test_two_common_words_of_a_short_quote_are_not_the_same_remark():
    # real pairs from two outlets' coverage of one press call: a short quote and a longer one sharing two words
    dream = [QuoteText(0, 1, "a really bad dream")]
    rude = [QuoteText(0, 1, "He was really aggressive. He was really rude. He was a bad person with me.")]
    assert match_quotes(dream, rude, 60) == []
    end = [QuoteText(0, 1, "I'm with Mrs. Clinton until the end")]
    debate = [QuoteText(0, 1, "I think he had high points and low points and at the end of the day I'm looking forward to "
                              "the next debate")]
    assert match_quotes(end, debate, 60) == []
    assert match_quotes(dream, [QuoteText(0, 1, "It was like a really bad dream, she said of it all")], 60)


def test_pairs_carry_their_similarity_and_aligned_words():
    from newsift.coverage import QuoteKeys, match_keyed

    (pair,) = match_keyed(QuoteKeys.of([QuoteText(0, 1, LEDGER)]), QuoteKeys.of([QuoteText(0, 1, HERALD)]), 60)
    assert pair.similarity >= 60
    assert {"gamble", "engineers", "beams", "bridge", "afternoon"} <= set(pair.aligned)
