"""Attribution benchmark on PolNeAR-format data (``newsift bench quotes``).

A folder holds ``text/NAME.txt`` and brat standoff ``attributions/NAME_ANNOTATOR.ann``
(``Source``, ``Cue`` and ``Content`` text-bound spans, possibly discontinuous,
joined by ``Attribution`` events). A text with several ``.ann`` files is
scored against each annotator and the scores are averaged per text group.

Matching: a predicted attribution (the union of the quote spans that share a
cue) matches a gold ``Content`` when it covers at least ``overlap`` of the
gold characters; pairs are taken one-to-one, best coverage first. Speaker
accuracy: among matched pairs whose gold has a ``Source``, the predicted
speaker mention overlaps it. Cue accuracy: among matched pairs with a gold
``Cue``, the predicted cue overlaps it.

Scored four ways: the union of the ``quotes`` and ``attributions`` layers
against all gold (as before the two layers were split), each layer alone,
and the ``quotes`` layer against the gold attributions of speech (gold whose
cue holds a speech verb or noun of the cue lexicon, or "according to"; a
quotation with no cue). Resolved speaker: over quotes matched to speech gold
whose Source names someone (its person or organisation entity, or for
he/she/it and "the <noun>" the nearest named Source before it that can
agree), whether the quote's resolved ``speaker`` is that name (surname or
word overlap); unresolved counts as wrong, and the share resolved and the
accuracy when resolved are reported beside it.
"""

from __future__ import annotations

import itertools
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from ..attribution.cues import CUES, SPEECH_VERBS
from ..attribution.names import FEMALE_NAMES, MALE_NAMES
from ..attribution.parsed import ParsedText
from ..datasets.polnear import Fragments, GoldAttribution, PolnearItem, coverage, read_polnear
from ..model import Article, Span

SPEECH_NOUN_KINDS = {key for key, entry in CUES.items() if key[1] == "NOUN" and entry.kind == "speech"}

__all__ = ["GoldAttribution", "PredAttribution", "read_polnear", "predictions_from", "coverage", "score_article",
           "score_items", "summarize", "run_quotes_bench", "OVERLAPS", "REAL_LABELS", "read_real_labels",
           "score_real_quotes"]

OVERLAPS = (0.3, 0.8)


@dataclass
class PredAttribution:
    content: Fragments
    cue: Fragments
    source: Fragments
    direct: bool
    speaker: str | None = None


def predictions_from(quotes: Iterable[Span]) -> list[PredAttribution]:
    """Group quote spans into attributions: parts sharing a cue are one attribution."""
    groups: dict[Any, PredAttribution] = {}
    for q in quotes:
        cue = q.attrs.get("cue")
        key = ("cue", cue.start, cue.end) if cue is not None else ("span", q.start, q.end)
        mention = q.attrs.get("speaker_mention")
        pred = groups.get(key)
        if pred is None:
            pred = PredAttribution([], [(cue.start, cue.end)] if cue else [],
                                   [(mention.start, mention.end)] if mention else [], q.label == "direct",
                                   q.attrs.get("speaker"))
            groups[key] = pred
        pred.content.append((q.start, q.end))
    return list(groups.values())


def _overlaps(a: Fragments, b: Fragments) -> bool:
    return any(x < w and v < y for x, y in a for v, w in b)


def _match(gold: list[GoldAttribution], pred: list[PredAttribution], overlap: float) -> list[tuple[int, int]]:
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            cover = coverage(g.content, p.content)
            if cover >= overlap:
                pairs.append((cover, gi, pi))
    pairs.sort(key=lambda t: -t[0])
    used_g, used_p, matched = set(), set(), []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            matched.append((gi, pi))
    return matched


def score_article(gold: list[GoldAttribution], pred: list[PredAttribution]) -> dict[str, float]:
    """Raw counts for one annotator's gold: per overlap and per kind (all/direct/indirect)."""
    counts: dict[str, float] = defaultdict(float)
    for overlap in OVERLAPS:
        matched = _match(gold, pred, overlap)
        for kind in ("all", "direct", "indirect"):
            keep_g = {i for i, g in enumerate(gold) if kind == "all" or g.direct == (kind == "direct")}
            keep_p = {i for i, p in enumerate(pred) if kind == "all" or p.direct == (kind == "direct")}
            tag = f"{kind}@{overlap}"
            counts[f"{tag}:gold"] += len(keep_g)
            counts[f"{tag}:pred"] += len(keep_p)
            # a match counts for a kind when the gold is of that kind (recall) or the prediction is (precision)
            counts[f"{tag}:tp_r"] += sum(1 for gi, _ in matched if gi in keep_g)
            counts[f"{tag}:tp_p"] += sum(1 for _, pi in matched if pi in keep_p)
            if overlap == OVERLAPS[0]:
                _speaker_cue_counts(counts, kind, gold, pred, matched, keep_g)
    return counts


def _speaker_cue_counts(counts: dict[str, float], kind: str, gold: list[GoldAttribution],
                        pred: list[PredAttribution], matched: list[tuple[int, int]], keep_g: set[int]) -> None:
    for gi, pi in matched:
        if gi not in keep_g:
            continue
        g, p = gold[gi], pred[pi]
        if g.source:
            counts[f"{kind}:speaker_n"] += 1
            counts[f"{kind}:speaker_ok"] += _overlaps(g.source, p.source)
        if g.cue:
            counts[f"{kind}:cue_n"] += 1
            counts[f"{kind}:cue_ok"] += _overlaps(g.cue, p.cue)


def _prf(tp_p: float, tp_r: float, n_pred: float, n_gold: float) -> dict[str, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def summarize(counts: dict[str, float]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for kind in ("all", "direct", "indirect"):
        entry: dict[str, Any] = {}
        for overlap in OVERLAPS:
            tag = f"{kind}@{overlap}"
            entry[f"@{overlap}"] = _prf(counts[f"{tag}:tp_p"], counts[f"{tag}:tp_r"],
                                         counts[f"{tag}:pred"], counts[f"{tag}:gold"])
        entry["gold"] = round(counts[f"{kind}@{OVERLAPS[0]}:gold"], 1)
        entry["speaker_acc"] = round(counts[f"{kind}:speaker_ok"] / counts[f"{kind}:speaker_n"], 4) \
            if counts[f"{kind}:speaker_n"] else None
        entry["cue_acc"] = round(counts[f"{kind}:cue_ok"] / counts[f"{kind}:cue_n"], 4) \
            if counts[f"{kind}:cue_n"] else None
        out[kind] = entry
    return out


def score_items(items: list[PolnearItem], predict: Callable[[str, str], list[Span]]) -> dict[str, Any]:
    """Score ``predict(name, text) -> quote spans`` against every annotator of every text.

    Per text, counts are averaged over its annotators, so a text annotated
    six times weighs as much as one annotated once.
    """
    totals: dict[str, float] = defaultdict(float)
    for name, text, annotators in items:
        pred = predictions_from(predict(name, text))
        for gold in annotators:
            for key, value in score_article(gold, pred).items():
                totals[key] += value / len(annotators)
    result = summarize(totals)
    result["texts"] = len(items)
    result["annotations"] = sum(len(a) for _, _, a in items)
    return result


def is_speech_gold(gold: GoldAttribution, parsed: ParsedText) -> bool:
    """A gold attribution of speech: its cue is a speech verb or noun of the lexicon, or "according to";
    a quotation with no cue annotated counts as speech too."""
    if not gold.cue:
        return gold.direct
    for a, b in gold.cue:
        for token in parsed.tokens_in(a, b):
            lemma = token.lemma_.lower()
            if token.lower_ == "according" or lemma in SPEECH_VERBS or (lemma, "NOUN") in SPEECH_NOUN_KINDS:
                return True
    return False


_NOT_NAME = frozenset("the a an mr mr. mrs mrs. ms ms. dr dr. 's ’s president sen. rep. gov. senator governor "
                      "representative former candidate nominee".split())
_MALE_PRONOUNS, _FEMALE_PRONOUNS = frozenset("he him his".split()), frozenset("she her".split())
_NAME_LABELS = ("PERSON", "ORG", "GPE")


def _name_words(words: Iterable[str]) -> list[str]:
    out = [w.lower().strip(".,’'") for w in words if w.lower() not in _NOT_NAME and w[:1].isupper()]
    return [w[:-2] if w.endswith(("’s", "'s")) else w for w in out]


@dataclass
class _GoldNamer:
    """What the article itself says about its people, read independently of the resolver under test: the
    gender its honorifics and full first names give each surname, and the role nouns it attaches to names
    ("Democratic nominee Hillary Clinton", "Phil Lovas, the state's campaign chairman")."""

    gender: dict[str, str]
    roles: dict[str, list[tuple[int, str]]]  # role lemma -> (where, name), in text order
    subjects: list[tuple[int, str]]  # people named as the subject of a clause, outside any gold content

    @classmethod
    def read(cls, parsed: ParsedText, gold: list[GoldAttribution]) -> "_GoldNamer":
        gender: dict[str, set[str]] = defaultdict(set)
        roles: dict[str, list[tuple[int, str]]] = defaultdict(list)
        subjects: list[tuple[int, str]] = []
        contents = [f for g in gold for f in g.content]
        for off, doc in parsed.docs:
            for ent in doc.ents:
                words = _name_words(t.text for t in ent) if ent.label_ == "PERSON" else []
                if not words:
                    continue
                pos = off + ent.start_char
                if ent.root.dep_ in ("nsubj", "nsubjpass") and not any(a <= pos < b for a, b in contents):
                    subjects.append((pos, " ".join(words)))
                before = doc[ent.start - 1].lower_.strip(".") if ent.start else ""
                first = words[0] if len(words) > 1 else ""
                if before in ("mrs", "ms", "miss") or first in FEMALE_NAMES:
                    gender[words[-1]].add("f")
                if before == "mr" or first in MALE_NAMES:
                    gender[words[-1]].add("m")
                for role in _attached_roles(ent):
                    roles[role].append((off + ent.start_char, " ".join(words)))
        return cls({k: next(iter(v)) for k, v in gender.items() if len(v) == 1}, roles, subjects)

    def agrees(self, name: str, pronoun: str) -> bool:
        known = self.gender.get(name.split()[-1])
        first = name.split()[0] if len(name.split()) > 1 else ""
        known = known or ("f" if first in FEMALE_NAMES else "m" if first in MALE_NAMES else None)
        return known is None or known == ("m" if pronoun in _MALE_PRONOUNS else "f")


def _attached_roles(ent: Any) -> list[str]:
    """Common nouns a name is given as its title or apposition: "President Barack Obama" (a title tagged
    outside the name), "Republican nominee Donald Trump", "Comey, the FBI director", "the director, Comey"."""
    root = ent.root
    roles = [t.lemma_.lower() for t in root.lefts if t.i < ent.start and t.pos_ in ("NOUN", "PROPN")
             and t.dep_ == "compound" and t.lower_ not in _NOT_NAME]
    roles += [t.lower_ for t in ent if t.pos_ in ("NOUN", "PROPN") and t.lower_ in ("president", "senator", "governor")]
    roles += [c.lemma_.lower() for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        roles.append(root.head.lemma_.lower())
    return roles


def gold_names(gold: list[GoldAttribution], parsed: ParsedText, text: str) -> list[str | None]:
    """The speaker's name for each gold attribution, read from the gold Sources in text order:
    - a Source whose head is (in) a person, organisation or place name: that name ("Sen. Bernie Sanders" ->
      "bernie sanders"); a name elsewhere in the Source does not count ("a narrator in the Clinton ad",
      "Scott's family" name no one);
    - "the <noun>" / "this <noun>": the nearest name before it that the article gives that noun as a title or
      apposition ("the president" after "President Barack Obama"); none, no name;
    - he/she: the nearest Source before it named (so far) as a person whose gender, from the article's
      honorifics and first names, can agree; it: the nearest named non-person Source;
    - None otherwise (generic: "officials", "they", "the group" never attached to a name)."""
    namer = _GoldNamer.read(parsed, gold)
    names: list[str | None] = [None] * len(gold)
    seen: list[tuple[int, str, bool]] = []  # (start, name, a person), the Sources named so far
    for i in sorted(range(len(gold)), key=lambda i: gold[i].source[0][0] if gold[i].source else -1):
        g = gold[i]
        tokens = [t for a, b in g.source for t in parsed.tokens_in(a, b)]
        if not tokens:
            continue
        found = _source_name(tokens) or _antecedent(tokens, g.source[0][0], seen, namer)
        if found is not None:
            names[i] = found[0]
            seen.append((g.source[0][0], *found))
    return names


def _source_name(tokens: list[Any]) -> tuple[str, bool] | None:
    """The name a Source's head is part of ("Paradis, who volunteered for Bill Clinton" -> "paradis"), else
    a proper-noun head that no tagger named ("Politico")."""
    ids = {t.i for t in tokens}
    head = next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[-1])
    for ent in head.doc.ents:
        if ent.label_ in _NAME_LABELS and ent.start <= head.i < ent.end:
            words = _name_words(t.text for t in ent)
            if words:
                return " ".join(words), ent.label_ == "PERSON"
    if head.pos_ == "PROPN" and head.ent_type_ not in ("DATE", "TIME", "NORP"):
        words = _name_words(t.text for t in tokens if t.pos_ == "PROPN" and (t.i == head.i or t.head.i == head.i))
        if words:
            return " ".join(words), False
    return None


def _antecedent(tokens: list[Any], start: int, seen: list[tuple[int, str, bool]],
                namer: _GoldNamer) -> tuple[str, bool] | None:
    first = tokens[0].lower_
    ids = {t.i for t in tokens}
    head = next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[-1])
    if first in _MALE_PRONOUNS | _FEMALE_PRONOUNS and len(tokens) == 1:
        # the nearest person before it, named as a Source or as the subject of a clause, who can agree
        people = sorted([(pos, n) for pos, n, person in seen if person] + [m for m in namer.subjects if m[0] < start])
        agreeing = [n for _, n in people if namer.agrees(n, first)]
        return (agreeing[-1], True) if agreeing else None
    if first == "it" and len(tokens) == 1:
        bodies = [n for _, n, person in seen if not person]
        return (bodies[-1], False) if bodies else None
    if first in ("the", "this") and head.tag_ == "NN":
        linked = [name for pos, name in namer.roles.get(head.lemma_.lower(), []) if pos < start]
        return (linked[-1], True) if linked else None
    return None


def same_speaker(predicted: str, gold: str) -> bool:
    """Names agree when their last words do or one's words hold the other's: "Vladimir Putin" ~ "putin"."""
    p = _name_words(predicted.split()) or [predicted.lower()]
    g = gold.split()
    return p[-1] == g[-1] or set(p) <= set(g) or set(g) <= set(p)


def speaker_name_counts(gold: list[GoldAttribution], pred: list[PredAttribution], parsed: ParsedText,
                        text: str) -> dict[str, float]:
    """Resolved-speaker counts over matched pairs (overlap 0.3) whose gold speaker has a name."""
    counts: dict[str, float] = defaultdict(float)
    names = gold_names(gold, parsed, text)
    for gi, pi in _match(gold, pred, OVERLAPS[0]):
        name, said = names[gi], pred[pi].speaker
        if name is None:
            counts["generic_n"] += 1
            counts["generic_named"] += said is not None  # a name given where the gold source names no one
            continue
        counts["named_n"] += 1
        counts["named_resolved"] += said is not None
        counts["named_ok"] += said is not None and same_speaker(said, name)
    return counts


def human_agreement(items: list[PolnearItem]) -> dict[str, Any] | None:
    """The same measures, one annotator scored against another, over texts annotated more than once:
    the ceiling a system can be expected to reach (None when no text has two annotations)."""
    totals: dict[str, float] = defaultdict(float)
    shared = [annotators for _, _, annotators in items if len(annotators) > 1]
    for annotators in shared:
        pairs = list(itertools.permutations(range(len(annotators)), 2))
        for a, b in pairs:
            as_predicted = [PredAttribution(g.content, g.cue, g.source, g.direct) for g in annotators[a]]
            for key, value in score_article(annotators[b], as_predicted).items():
                totals[key] += value / len(pairs)
    if not shared:
        return None
    result = summarize(totals)
    result["texts"] = len(shared)
    return result


def run_quotes_bench(folder: str | Path, analyzer: Any, limit: int | None = None) -> dict[str, Any]:
    """Run ``analyzer`` (a pipeline ending with the attribution stage) over a PolNeAR-format folder: the
    union of both layers against all gold (as before the split), each layer alone, the quotes layer against
    the gold attributions of speech, and whether quotes name the right speaker."""
    items = read_polnear(folder)[: limit or None]
    totals: dict[str, dict[str, float]] = {k: defaultdict(float) for k in ("union", "quotes", "attributions", "speech")}
    names: dict[str, float] = defaultdict(float)
    stage_seconds = 0.0
    started = time.perf_counter()
    for name, text, annotators in items:
        report = analyzer.analyze(Article(text=text, id=name))
        stage_seconds += sum(r.seconds for r in report.stages if r.name == "attribution")
        quotes, others = report.spans("quotes"), report.spans("attributions")
        preds = {"union": predictions_from(quotes + others), "quotes": predictions_from(quotes),
                 "attributions": predictions_from(others)}
        parsed = ParsedText(report.scratch.get("docs", []))
        for gold in annotators:
            share = 1 / len(annotators)
            speech = [g for g in gold if is_speech_gold(g, parsed)]
            scored = [(k, gold, preds[k]) for k in ("union", "quotes", "attributions")] + [("speech", speech, preds["quotes"])]
            for key, g, p in scored:
                for count, value in score_article(g, p).items():
                    totals[key][count] += value * share
            for count, value in speaker_name_counts(speech, preds["quotes"], parsed, text).items():
                names[count] += value * share
    result = summarize(totals["union"])
    result["layers"] = {k: summarize(totals[k]) for k in ("quotes", "attributions", "speech")}
    result["speaker_names"] = _name_summary(names)
    result["texts"] = len(items)
    result["annotations"] = sum(len(a) for _, _, a in items)
    result["seconds"] = round(time.perf_counter() - started, 2)
    result["attribution_stage_ms_per_text"] = round(1000 * stage_seconds / max(1, len(items)), 2)
    result["human"] = human_agreement(items)
    return result


def _name_summary(names: dict[str, float]) -> dict[str, Any]:
    def ratio(a: str, b: str) -> float | None:
        return round(names[a] / names[b], 4) if names[b] else None

    return {"named_gold": round(names["named_n"], 1), "accuracy": ratio("named_ok", "named_n"),
            "resolved": ratio("named_resolved", "named_n"), "precision": ratio("named_ok", "named_resolved"),
            "generic_gold": round(names["generic_n"], 1), "generic_named": ratio("generic_named", "generic_n")}


REAL_LABELS = Path(__file__).with_name("labels") / "real-quotes.tsv"


def read_real_labels(path: Path = REAL_LABELS) -> dict[str, dict[tuple[int, int], str]]:
    """Per article id, the verdict (``speech`` or ``not``) on each labelled quote, keyed by its first part's offsets."""
    labels: dict[str, dict[tuple[int, int], str]] = defaultdict(dict)
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("#") or len(fields) != 4 or fields[0] == "article":
            continue
        labels[fields[0]][(int(fields[1]), int(fields[2]))] = fields[3]
    return dict(labels)


def score_real_quotes(articles: Iterable[Article], analyzer: Any,
                      labels: dict[str, dict[tuple[int, int], str]]) -> dict[str, Any]:
    """Precision of the ``quotes`` layer's reported and mixed quotes on labelled news from other outlets: of the
    quotes predicted now that a reader labelled, the share labelled speech. Quotes predicted now but never
    labelled, and labelled ones no longer predicted (by verdict), are counted beside it, so a change of spans
    shows instead of passing unseen."""
    counts: dict[str, int] = defaultdict(int)
    for article in articles:
        wanted = labels.get(article.id or "")
        if wanted is None:
            continue
        counts["articles"] += 1
        groups: set[int] = set()
        predicted: set[tuple[int, int]] = set()
        for span in analyzer.analyze(article).spans("quotes"):
            if span.label != "direct" and span.attrs["group"] not in groups:
                groups.add(span.attrs["group"])
                predicted.add((span.start, span.end))
        for key in predicted:
            counts[wanted.get(key, "unlabelled")] += 1
        for key, verdict in wanted.items():
            counts[f"gone_{verdict}"] += key not in predicted
    labelled = counts["speech"] + counts["not"]
    return {"articles": counts["articles"], "labelled": labelled, "speech": counts["speech"], "not": counts["not"],
            "precision": round(counts["speech"] / labelled, 4) if labelled else None,
            "unlabelled": counts["unlabelled"], "gone_speech": counts["gone_speech"], "gone_not": counts["gone_not"]}
