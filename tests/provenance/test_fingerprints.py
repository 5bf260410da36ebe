"""Fingerprints survive light editing; winnowing keeps its guarantee."""

from newsift.provenance.fingerprints import fingerprints, ngram_hashes, tokenize

SOURCE = ('The mayor said the bridge "will stay closed" until repairs — costing $12.5 million — are done. '
          "Engineers found corrosion in two beams after a February inspection of the steel structure.")


def test_tokens_ignore_case_quotes_dashes_and_whitespace() -> None:
    edited = SOURCE.upper().replace('"', "“", 1).replace('"', "”").replace(" — ", "--").replace(" ", "  \n")
    assert tokenize(edited).words == tokenize(SOURCE).words


def test_token_offsets_point_into_the_text() -> None:
    tokens = tokenize(SOURCE)
    for word, start, end in zip(tokens.words, tokens.starts, tokens.ends):
        assert SOURCE[start:end].lower() == word


def test_hashes_are_stable_31_bit_values() -> None:
    hashes = ngram_hashes(tokenize(SOURCE).words, 5)
    assert len(hashes) == len(tokenize(SOURCE)) - 4
    assert int(hashes.max()) < 2**31
    assert list(ngram_hashes(tokenize(SOURCE).words, 5)) == list(hashes)  # deterministic


def test_winnowing_guarantees_a_shared_fingerprint_for_a_long_enough_run() -> None:
    words = tokenize(SOURCE).words
    run = words[3:3 + 5 + 12 - 1]  # ngram + window - 1 words
    other = ["unrelated"] * 10 + run + ["text"] * 10
    assert set(fingerprints(run, 5, 12)) & set(fingerprints(other, 5, 12))
    assert set(fingerprints(words, 5, 12)) & set(fingerprints(other, 5, 12))


def test_short_texts_still_get_a_fingerprint_and_tiny_ones_none() -> None:
    assert len(fingerprints("one two three four five six".split(), 5, 12)) == 1
    assert len(fingerprints("too short".split(), 5, 12)) == 0
