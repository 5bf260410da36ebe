"""Whose claim a sentence is, on hand-built quote spans (the attribution contract)."""

from __future__ import annotations

from newsift.claims.fallback import fallback_quotes
from newsift.claims.whose import whose_claim
from newsift.model import Span

TEXT = (
    "The mayor said the bridge will reopen in May. "                      # 0: reported speech
    "“It cost $4 million,” she added. "                                    # 1: direct quote
    "The council voted 5-2 to close it. "                                  # 2: narrative
    "Jones criticised the repairs. "                                       # 3: topic, not a claim
    "Jones said it was “a mess” and that costs doubled since 2019. "       # 4: mixed, cue inside
)


def _sentences(text: str) -> list[Span]:
    spans, start = [], 0
    for part in text.split(". ")[:-1]:
        spans.append(Span(start, start + len(part) + 1, "sentence"))
        start += len(part) + 2
    return spans


def _find(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def _quote(label: str, content: str, cue: str, speaker: str | None, mention: str | None = None) -> Span:
    start, end = _find(TEXT, content)
    c_start, c_end = _find(TEXT, cue)
    attrs = {"cue": Span(c_start, c_end, "cue"), "speaker": speaker, "insertions": [], "confidence": 0.9,
             "speaker_mention": Span(*_find(TEXT, mention), "speaker_mention") if mention else None}
    return Span(start, end, label, attrs)


QUOTES = [
    _quote("indirect", "the bridge will reopen in May", "said the bridge", "Ann Lee", "The mayor"),
    _quote("direct", "It cost $4 million,", "added", None, "she"),
    _quote("indirect", "the repairs", "criticised", "Bob Jones", "Jones"),
    _quote("mixed", "it was “a mess”", "said it", "Bob Jones", "Jones said"),
]


def test_reported_speech_is_the_speakers_claim() -> None:
    owner = whose_claim(_sentences(TEXT)[0], QUOTES, TEXT)
    assert (owner.whose, owner.speaker, owner.quote) == ("speaker", "Ann Lee", 0)


def test_unresolved_speaker_falls_back_to_the_mention_words() -> None:
    owner = whose_claim(_sentences(TEXT)[1], QUOTES, TEXT)
    assert (owner.whose, owner.speaker) == ("speaker", "she")


def test_sentence_without_quotes_is_the_outlets_claim() -> None:
    owner = whose_claim(_sentences(TEXT)[2], QUOTES, TEXT)
    assert (owner.whose, owner.speaker, owner.quote) == ("outlet", None, None)


def test_topic_of_a_non_saying_cue_stays_the_outlets_claim() -> None:
    owner = whose_claim(_sentences(TEXT)[3], QUOTES, TEXT)
    assert owner.whose == "outlet"


def test_short_quote_with_its_cue_inside_the_sentence_is_the_speakers() -> None:
    owner = whose_claim(_sentences(TEXT)[4], QUOTES, TEXT)
    assert (owner.whose, owner.speaker) == ("speaker", "Bob Jones")
    assert owner.quoted_share < 0.5


def test_short_quote_without_cue_in_the_sentence_stays_the_outlets() -> None:
    text = "Officials called the plan “bold” in a statement released on Monday evening."
    quote = Span(text.index("bold"), text.index("bold") + 4, "direct", {"cue": None, "speaker": "X"})
    assert whose_claim(Span(0, len(text), "sentence"), [quote], text).whose == "outlet"


def test_fallback_finds_reported_speech_and_resolves_pronouns() -> None:
    text = ("Vladimir Putin spoke on Thursday. The president said America sponsors NGOs worldwide. "
            "“Comey provided no proof,” he said.")
    sentences = _sentences(text + " ")
    entities = [Span(0, 14, "PERSON")]
    quotes = fallback_quotes(text, sentences, entities)
    owners = [whose_claim(s, quotes, text) for s in sentences]
    assert [o.whose for o in owners] == ["outlet", "speaker", "speaker"]
    assert {o.speaker for o in owners[1:]} == {"Vladimir Putin"}


BELIEFS = ("Putin believes that the sanctions will fail. "
           "He said that Russia spent $3 billion on the games. "
           "Sanctions cost Europe 1 percent of its growth. ")


def _belief_layers(with_kinds: bool) -> tuple[list[Span], list[Span]]:
    def span(content: str, cue: str, kind: str) -> Span:
        attrs: dict[str, object] = {"cue": Span(*_find(BELIEFS, cue), "cue"), "speaker": "Vladimir Putin",
                                    "speaker_mention": None}
        if with_kinds:
            attrs["cue_kind"] = kind
        return Span(*_find(BELIEFS, content), "indirect", attrs)

    quotes = [span("that Russia spent $3 billion on the games", "said", "speech")]
    others = [span("that the sanctions will fail", "believes", "belief")]
    return quotes, others


def test_a_belief_is_the_holders_but_not_an_asserted_claim() -> None:
    quotes, others = _belief_layers(with_kinds=True)
    belief, speech, narrative = (whose_claim(s, quotes, BELIEFS, others) for s in _sentences(BELIEFS))
    assert (belief.whose, belief.speaker, belief.cue_kind, belief.asserted) == ("speaker", "Vladimir Putin",
                                                                               "belief", False)
    assert (speech.whose, speech.cue_kind, speech.asserted, speech.quote) == ("speaker", "speech", True, 0)
    assert (narrative.whose, narrative.asserted) == ("outlet", True)


def test_spans_without_cue_kinds_count_as_speech() -> None:
    quotes, others = _belief_layers(with_kinds=False)  # an attribution layer from before cue kinds
    belief, speech, _ = (whose_claim(s, quotes, BELIEFS, others) for s in _sentences(BELIEFS))
    assert belief.asserted and belief.cue_kind == "speech" and speech.asserted
    assert whose_claim(_sentences(BELIEFS)[0], quotes, BELIEFS).whose == "outlet"  # no attributions layer given


def test_an_attribution_outside_the_lexicon_leaves_the_claim_to_the_outlet():
    from newsift.claims.whose import whose_claim
    from newsift.model import Span

    text = "The senator wrote a check to the campaign in March."
    sentence = Span(0, len(text), "sentence")
    event = Span(12, len(text) - 1, "other", {"cue_kind": "other", "speaker": "the senator",
                                              "speaker_mention": Span(0, 11, "speaker_mention")})
    owner = whose_claim(sentence, [], text, [event])
    assert owner.whose == "outlet"
