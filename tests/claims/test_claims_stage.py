"""The claims stage: on a hand-built report (quotes layer given) and on the seed."""

from __future__ import annotations

import jsonschema
import pytest

from newsift.claims import load_model
from newsift.model import Article, Report, Span
from newsift.pipeline import Resources
from newsift.readers import read_path
from newsift.stages import section_schemas
from newsift.settings import Options
from newsift.stages.claims import ClaimsStage, rank_claims

TEXT = ("Bridge Closed\n\n"
        "The county spent $4 million on the bridge in 2019. "
        "“Unemployment fell to 3 percent last year,” the mayor said. "
        "Thank you, it is a pleasure to be here.\n\n"
        "Like our Facebook page.")


def _span(needle: str, label: str, **attrs: object) -> Span:
    start = TEXT.index(needle)
    return Span(start, start + len(needle), label, dict(attrs))


def _report(with_quotes: bool = True) -> Report:
    report = Report(Article(TEXT))
    report.add_spans("sentences", [
        _span("Bridge Closed", "sentence", furniture=True),
        _span("The county spent $4 million on the bridge in 2019.", "sentence"),
        _span("“Unemployment fell to 3 percent last year,” the mayor said.", "sentence"),
        _span("Thank you, it is a pleasure to be here.", "sentence"),
        _span("Like our Facebook page.", "sentence", furniture=True),
    ])
    report.add_spans("entities", [_span("$4 million", "MONEY"), _span("2019", "DATE"),
                                  _span("3 percent", "PERCENT"), _span("last year", "DATE")])
    if with_quotes:
        report.add_spans("quotes", [_span("Unemployment fell to 3 percent last year,", "direct",
                                          cue=_span("said", "cue"), speaker="Ann Lee",
                                          speaker_mention=_span("the mayor", "speaker_mention"),
                                          insertions=[], confidence=0.9)])
    return report


@pytest.fixture(scope="module")
def resources() -> Resources:
    res = Resources(Options(db="/nonexistent/absent.db"))
    res.put("claims_model", load_model())
    return res


def test_every_body_sentence_gets_a_scored_claim_span(resources: Resources) -> None:
    report = _report()
    ClaimsStage().run(report, resources)
    claims = report.spans("claims")
    assert [TEXT[c.start:c.end][:9] for c in claims] == ["The count", "“Unemploy", "Thank you"]
    assert all(0 <= c.attrs["score"] <= 1 for c in claims)
    own, quoted, thanks = claims
    assert own.attrs["checkworthy"] and quoted.attrs["checkworthy"] and not thanks.attrs["checkworthy"]
    assert (own.attrs["whose"], own.attrs["speaker"]) == ("outlet", None)
    assert (quoted.attrs["whose"], quoted.attrs["speaker"]) == ("speaker", "Ann Lee")
    assert [TEXT[s.start:s.end] for s in own.attrs["numbers"]] == ["$4 million"]
    assert [TEXT[s.start:s.end] for s in own.attrs["dates"]] == ["2019"]


def test_section_ranks_the_outlets_claims_first_and_fits_its_schema(resources: Resources) -> None:
    report = _report()
    ClaimsStage().run(report, resources)
    section = report.to_dict()["sections"]["claims"]
    jsonschema.validate(section, section_schemas()["claims"])
    assert [r["whose"] for r in section["ranking"]] == ["outlet", "speaker"]
    assert section["whose_from"] == "attribution" and section["outlet_claims"] == 1
    assert any(s.name == "unsourced_claims" for s in report.signals)
    assert ClaimsStage().render_text(report)[0].startswith("2 of 3 sentences check-worthy")


def test_without_a_quotes_layer_the_fallback_finds_the_speaker(resources: Resources) -> None:
    report = _report(with_quotes=False)
    ClaimsStage().run(report, resources)
    quoted = report.spans("claims")[1]
    assert quoted.attrs["whose"] == "speaker"
    assert report.sections["claims"]["whose_from"] == "claims-fallback"


def test_threshold_setting_overrides_the_models(resources: Resources) -> None:
    strict = Resources(Options(db="/nonexistent/absent.db", claims_threshold=1.0))
    strict.put("claims_model", resources.get("claims_model"))
    report = _report()
    ClaimsStage().run(report, strict)
    assert report.sections["claims"]["checkworthy"] == 0 and report.sections["claims"]["threshold"] == 1.0


def test_rank_claims_orders_outlet_then_score() -> None:
    claims = [Span(0, 1, "claim", {"checkworthy": True, "score": 0.9, "whose": "speaker", "speaker": "A"}),
              Span(1, 2, "claim", {"checkworthy": True, "score": 0.6, "whose": "outlet", "speaker": None}),
              Span(2, 3, "claim", {"checkworthy": False, "score": 0.1, "whose": "outlet", "speaker": None}),
              Span(3, 4, "claim", {"checkworthy": True, "score": 0.7, "whose": "outlet", "speaker": None})]
    assert [r["claim"] for r in rank_claims(claims, "abcd")] == [3, 1, 0]


@pytest.fixture(scope="module")
def seed_claims(analyzer, seed_path) -> list[tuple[str, Span]]:  # type: ignore[no-untyped-def]
    report = analyzer.analyze(next(read_path(str(seed_path))))
    assert report.stage_ran("claims")
    return [(" ".join(report.text[c.start:c.end].split()), c) for c in report.spans("claims")]


def _claim(seed_claims: list[tuple[str, Span]], words: str) -> Span:
    return next(c for text, c in seed_claims if words in text)


def test_seed_putins_factual_assertions_are_his_checkworthy_claims(seed_claims) -> None:  # type: ignore[no-untyped-def]
    for words in ("provided no proof", "sponsors NGOs worldwide"):
        claim = _claim(seed_claims, words)
        assert claim.attrs["checkworthy"], words
        assert claim.attrs["whose"] == "speaker" and "Putin" in (claim.attrs["speaker"] or ""), words


def test_seed_outlets_own_statements_are_checkworthy(seed_claims) -> None:  # type: ignore[no-untyped-def]
    own = [c for _, c in seed_claims if c.attrs["whose"] == "outlet" and c.attrs["checkworthy"]]
    assert own
    assert _claim(seed_claims, "Putin commented on the congressional testimony").attrs["whose"] == "outlet"


def test_seed_pleasantries_and_opinions_score_low(seed_claims) -> None:  # type: ignore[no-untyped-def]
    for words in ("He should be aware of that", "We have our opinion", "It sounds very strange",
                  "They just don’t want to spoil relations"):
        assert not _claim(seed_claims, words).attrs["checkworthy"], words


def test_seed_furniture_gets_no_claim(seed_claims) -> None:  # type: ignore[no-untyped-def]
    texts = [text for text, _ in seed_claims]
    assert not any("Facebook page" in t or t.startswith("Putin Trolls Comey") for t in texts)


def test_article_with_only_furniture_gets_an_empty_section(resources: Resources) -> None:
    report = Report(Article("Like our Facebook page."))
    report.add_spans("sentences", [Span(0, 23, "sentence", {"furniture": True})])
    ClaimsStage().run(report, resources)
    assert report.spans("claims") == []
    assert report.sections["claims"]["checkworthy"] == 0 and report.sections["claims"]["ranking"] == []
    assert not report.signals


GERMAN = ("Die Bundesregierung hat am Mittwoch beschlossen, die Steuern für kleine Unternehmen um zehn Prozent zu "
          "senken. Der Finanzminister sagte, das koste den Staat jedes Jahr rund vier Milliarden Euro. Die Opposition "
          "kritisierte den Plan scharf und sprach von einem Geschenk an die Wirtschaft. Im Jahr 2019 waren die "
          "Einnahmen aus der Unternehmenssteuer auf einen Rekordwert gestiegen.")


def test_a_german_paragraph_is_left_unscored_with_the_reason(analyzer) -> None:  # type: ignore[no-untyped-def]
    report = analyzer.analyze(Article(GERMAN))
    claims = report.spans("claims")
    section = report.sections["claims"]
    assert report.sections["language"]["english"] is False and len(claims) >= 3
    assert all(c.attrs["score"] is None and not c.attrs["checkworthy"] for c in claims)
    assert section["checkworthy"] == 0 and section["ranking"] == []
    assert section["unscored"]["sentences"] == len(claims) and "not English" in section["unscored"]["reason"]
    assert "not English" in claims[0].attrs["unscored"]
    assert ClaimsStage().render_text(report)[0].startswith(f"{len(claims)} sentences left unscored")
    jsonschema.validate(report.to_dict()["sections"]["claims"], section_schemas()["claims"])


def test_a_belief_from_the_attributions_layer_is_never_checkworthy(resources: Resources) -> None:
    report = _report()
    sentence = report.spans("sentences")[1]  # "The county spent $4 million on the bridge in 2019."
    report.add_spans("attributions", [Span(sentence.start, sentence.end, "indirect", {
        "cue": None, "cue_kind": "belief", "speaker": "Ann Lee", "speaker_mention": None})])
    ClaimsStage().run(report, resources)
    belief = report.spans("claims")[0]
    assert belief.attrs["score"] > 0.5 and not belief.attrs["checkworthy"]
    assert (belief.attrs["whose"], belief.attrs["cue_kind"], belief.attrs["asserted"]) == ("speaker", "belief", False)
    assert report.sections["claims"]["not_asserted"] == 1
