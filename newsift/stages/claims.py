"""Claims layer: every body sentence scored for check-worthiness, and whose claim it is.

One span per non-furniture sentence (label ``claim``) with attrs ``score``
(0..1), ``checkworthy`` (score at or above the model's documented threshold,
or ``claims_threshold``), ``whose`` (``outlet`` or ``speaker``), ``speaker``,
``cue_kind`` and ``asserted`` (a belief, stance or intention is the holder's
but not a factual claim, so never check-worthy), and the ``entities``,
``numbers`` and ``dates`` it mentions. Whose claim it is comes from the
``quotes`` and ``attributions`` layers when the attribution stage ran, else
from the stand-in rules in ``newsift.claims.fallback``. Section ``claims``
ranks the check-worthy claims, the outlet's own first. On text the language
stage finds not English, every sentence is left unscored (``score`` null,
attr ``unscored`` and section ``unscored`` give the reason).
"""

from __future__ import annotations

from typing import Any, Sequence

from ..claims.fallback import fallback_quotes
from ..claims.features import find_numbers
from ..claims import ClaimScorer, load_model
from ..claims.whose import whose_claim
from ..errors import InputError, ResourceUnavailable
from ..model import Report, Signal, Span
from ..pipeline import Resources, Stage

__all__ = ["ClaimsStage", "rank_claims", "mentions", "not_english"]

NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
DATE_LABELS = frozenset({"DATE", "TIME"})


def load_claims_model(resources: Resources) -> ClaimScorer:
    options = resources.options
    if options.claims_model == "strong":  # chosen by name and built apart: absent, the stage fails (E526), not skips
        return load_model("strong", options.claims_strong_dir)
    try:
        return load_model(options.claims_model, options.claims_strong_dir)
    except InputError as exc:
        raise ResourceUnavailable(str(exc)) from None


def mentions(sentence: Span, entities: Sequence[Span], text: str) -> dict[str, list[Span]]:
    """Entities, numbers and dates inside a sentence (numbers also found by pattern)."""
    inside = [e for e in entities if sentence.start <= e.start and e.end <= sentence.end]
    numbers = [Span(e.start, e.end, e.label) for e in inside if e.label in NUMBER_LABELS]
    dates = [Span(e.start, e.end, e.label) for e in inside if e.label in DATE_LABELS]
    named = [Span(e.start, e.end, e.label) for e in inside if e.label not in NUMBER_LABELS | DATE_LABELS]
    covered = numbers + dates
    for start, end in find_numbers(text[sentence.start : sentence.end]):
        start, end = start + sentence.start, end + sentence.start
        if not any(s.overlaps(start, end) for s in covered):
            numbers.append(Span(start, end, "NUMBER"))
    return {"entities": named, "numbers": sorted(numbers, key=lambda s: s.start), "dates": dates}


def not_english(report: Report) -> str | None:
    """Why sentences go unscored: the language stage found the text not English (None when it is, or did not say)."""
    language = report.sections.get("language")
    if not isinstance(language, dict) or language.get("english") is not False:
        return None
    share = language.get("english_function_word_share")
    found = f" ({share:.0%} English function words)" if isinstance(share, (int, float)) else ""
    return (f"the language stage found the text not English{found}; the check-worthiness model reads English "
            "only, so no sentence is scored")


def rank_claims(claims: Sequence[Span], text: str) -> list[dict[str, Any]]:
    """Check-worthy claims, the outlet's own first, then by score."""
    chosen = [(i, c) for i, c in enumerate(claims) if c.attrs["checkworthy"]]
    chosen.sort(key=lambda ic: (ic[1].attrs["whose"] != "outlet", -ic[1].attrs["score"], ic[1].start))
    return [{"claim": i, "start": c.start, "end": c.end, "text": text[c.start : c.end], "score": c.attrs["score"],
             "whose": c.attrs["whose"], "speaker": c.attrs["speaker"]} for i, c in chosen]


CLAIMS_SCHEMA = {
    "type": "object",
    "required": ["model", "threshold", "sentences", "checkworthy", "ranking"],
    "properties": {
        "model": {"type": "string"},
        "threshold": {"type": "number", "minimum": 0, "maximum": 1},
        "sentences": {"type": "integer", "minimum": 0},
        "checkworthy": {"type": "integer", "minimum": 0},
        "outlet_claims": {"type": "integer", "minimum": 0},
        "speaker_claims": {"type": "integer", "minimum": 0},
        "not_asserted": {"type": "integer", "minimum": 0},
        "unscored": {"type": ["object", "null"], "required": ["sentences", "reason"], "properties": {
            "sentences": {"type": "integer", "minimum": 0}, "reason": {"type": "string"}}},
        "whose_from": {"enum": ["attribution", "claims-fallback"]},
        "ranking": {"type": "array", "items": {
            "type": "object",
            "required": ["claim", "start", "end", "score", "whose", "speaker"],
            "properties": {
                "claim": {"type": "integer", "minimum": 0},
                "start": {"type": "integer", "minimum": 0},
                "end": {"type": "integer", "minimum": 0},
                "text": {"type": "string"},
                "score": {"type": "number", "minimum": 0, "maximum": 1},
                "whose": {"enum": ["outlet", "speaker"]},
                "speaker": {"type": ["string", "null"]},
            },
        }},
    },
}


class ClaimsStage(Stage):
    name = "claims"
    requires = ("sentences",)
    uses = ("entities", "quotes", "attributions", "cleaning")
    assigns = ("claims",)
    sections = {"claims": CLAIMS_SCHEMA}
    layers = {"claims": "claims: each body sentence's check-worthiness, and whose claim it is"}
    resources = {"claims_model": load_claims_model}

    def run(self, report: Report, resources: Resources) -> None:
        model: ClaimScorer = resources.get("claims_model")
        threshold = resources.options.claims_threshold
        threshold = model.threshold if threshold is None else threshold
        text = report.text
        sentences = [s for s in report.spans("sentences") if not s.attrs.get("furniture")]
        unscored = not_english(report)
        # the model reads English only: elsewhere a score would be noise, so none is given
        scores = [None] * len(sentences) if unscored else model.scores([text[s.start : s.end] for s in sentences])
        quotes, quote_source = self._quotes(report, sentences)
        attributions = report.spans("attributions") if quote_source == "attribution" else []
        entities = report.spans("entities")
        claims = []
        for sentence, score in zip(sentences, scores):
            owner = whose_claim(sentence, quotes, text, attributions)
            attrs: dict[str, Any] = {"score": None if score is None else round(float(score), 4),
                                     "checkworthy": score is not None and owner.asserted and bool(score >= threshold)}
            if unscored:
                attrs["unscored"] = unscored
            attrs.update(owner.to_attrs())
            attrs.update(mentions(sentence, entities, text))
            claims.append(Span(sentence.start, sentence.end, "claim", attrs))
        report.add_spans("claims", claims)
        self._summarise(report, model, threshold, quote_source, unscored)

    @staticmethod
    def _quotes(report: Report, sentences: list[Span]) -> tuple[list[Span], str]:
        if "quotes" in report.layers:
            return report.spans("quotes"), "attribution"
        return fallback_quotes(report.text, sentences, report.spans("entities")), "claims-fallback"

    @staticmethod
    def _summarise(report: Report, model: ClaimScorer, threshold: float, quote_source: str,
                   unscored: str | None) -> None:
        claims = report.spans("claims")
        ranking = rank_claims(claims, report.text)
        own = [claims[r["claim"]] for r in ranking if r["whose"] == "outlet"]
        report.sections["claims"] = {
            "model": model.name, "threshold": threshold, "sentences": len(claims),
            "checkworthy": len(ranking), "outlet_claims": len(own), "speaker_claims": len(ranking) - len(own),
            "not_asserted": sum(1 for c in claims if not c.attrs["asserted"]),
            "unscored": {"sentences": len(claims), "reason": unscored} if unscored else None,
            "whose_from": quote_source, "ranking": ranking,
        }
        if own:
            report.signals.append(Signal(
                "unsourced_claims", len(own),
                f"{len(own)} check-worthy sentence(s) are the outlet's own claims, attributed to no speaker", own))

    def render_text(self, report: Report) -> list[Any]:
        section = report.sections.get("claims")
        if not section:
            return []
        if section.get("unscored"):
            return [f"{section['sentences']} sentences left unscored: {section['unscored']['reason']}"]
        lines = [f"{section['checkworthy']} of {section['sentences']} sentences check-worthy "
                 f"(score >= {section['threshold']}): {section['outlet_claims']} the outlet's own, "
                 f"{section['speaker_claims']} a speaker's"
                 + (f"; {section['not_asserted']} belief(s) or stance(s), not asserted, left out"
                    if section.get("not_asserted") else "")]
        for entry in section["ranking"][:10]:
            who = "outlet" if entry["whose"] == "outlet" else (entry["speaker"] or "unnamed speaker")
            snippet = " ".join(entry["text"].split())
            room = max(30, 84 - len(who))  # one terminal line each
            lines.append(f"  {entry['score']:.2f} [{who}] {snippet[:room]}{'…' if len(snippet) > room else ''}")
        return lines
