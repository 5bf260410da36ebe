"""``newsift bench provenance``: a seeded synthetic copy-detection benchmark from real articles.

Real texts (BuzzFeed-Webis 2016 ``mainText``, PolNeAR texts) become
*sources*; each *derived* article copies sentence runs from one or two
sources with the edits copiers make (quote-mark and dash styles, a swapped
word, case changes, sentences dropped, reordered or rewritten, furniture
added, a credit line or not) around original sentences. *Distractors* are
unrelated real articles that quote one of a source's quotations, so they
share only a quotation with the derived article and must not be reported
as copy sources. The rest of the store is unrelated real articles, then
word-shuffled real articles to reach each requested size.

Gold: the characters of every copied sentence (rewritten ones excluded).
Scores: character-level passage alignment P/R/F1 (non-whitespace
characters), exact source-set accuracy, direction accuracy over both
perspectives of each copy pair, and speed.
"""

from __future__ import annotations

import random
import re
import resource
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ..datasets.buzzfeed_webis import buzzfeed_articles
from ..indexing import index_articles
from ..model import Article
from ..provenance.alignment import quote_regions
from ..provenance.regions import quoted_regions
from ..provenance.direction import OTHER_COPIED, THIS_COPIED
from ..provenance.fingerprints import tokenize
from ..provenance.index import index_size
from ..provenance.trace import TraceParams, trace_article
from ..stages import indexers
from ..store import Store, StoreIndexer

__all__ = ["run_provenance_bench", "load_texts", "load_articles", "build_cases", "Case", "DEFAULT_DATA"]

DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
_SENT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’')]))\s+(?=[\"“‘(]?[A-Z0-9])")
_WORDS = ("capitol daily ledger post wire herald report tribune courier gazette sentinel observer times star "
          "record chronicle dispatch monitor beacon journal bulletin review voice press standard patriot "
          "liberty eagle national american metro valley river summit frontier").split()
_FURNITURE = ["Follow us on Facebook and Twitter for more stories like this.", "Share this article",
              "Leave a comment:", "Sign up for our newsletter to get the latest news in your inbox.",
              "Please like our Facebook page and share this post!", "Start the Discussion:"]
_CREDITS = ["This story was first reported by {name}.", "{name} reported the story earlier.",
            "According to {name}, which first reported the news.", "(via {name})"]


# -- real texts ---------------------------------------------------------------
def load_texts(data: Path, limit: int | None = None) -> list[str]:
    """mainText of BuzzFeed-Webis 2016 articles and PolNeAR texts, long enough to copy from."""
    return [text for text, _ in load_articles(data, limit)]


def load_articles(data: Path, limit: int | None = None) -> list[tuple[str, str]]:
    """``(text, publisher)`` of BuzzFeed-Webis 2016 articles and PolNeAR texts, long enough to copy from."""
    found: dict[str, str] = {}
    for article in buzzfeed_articles(data / "articles" / "buzzfeed-webis-2016"):
        found.setdefault(article.text.strip(), (article.domain or "buzzfeed-webis").split(".")[0])
    for path in sorted((data / "attribution" / "polnear").glob("*/text/*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace").strip()
        found.setdefault(text, path.name.split("_")[0])
    texts = [t for t in found if len(sentences(t)) >= 8 and len(t.split()) >= 200]
    kept = [(t, found[t]) for t in _without_reuse(texts)]
    return kept[:limit] if limit else kept


def _without_reuse(texts: list[str], rare: int = 3) -> list[str]:
    """Keep one text of each group that shares rare passages (real outlets copy each other too),
    so the benchmark's gold is the only copying in the store. Fingerprints in more than ``rare``
    texts are site furniture, which the method sets aside itself."""
    from collections import Counter

    from ..provenance.index import IndexParams, text_fingerprints

    params = IndexParams()
    prints = [set(text_fingerprints(t, params).tolist()) for t in texts]
    df = Counter(h for p in prints for h in p)
    taken: set[int] = set()
    everything: set[int] = set()
    kept = []
    for text, own in zip(texts, prints):
        reused = {h for h in own if df[h] <= rare}
        if not reused & taken and len(own & everything) < 10:  # nor a near-duplicate of a kept text
            kept.append(text)
            taken |= reused
            everything |= own
    return kept


def sentences(text: str) -> list[str]:
    out = []
    for para in re.split(r"\n\s*\n|\n", text):
        out += [s.strip() for s in _SENT.split(para.strip()) if s and len(s.split()) >= 4]
    return out


# -- synthetic cases ------------------------------------------------------------
@dataclass
class Case:
    derived: Article
    sources: list[Article]
    gold: list[tuple[int, int]]  # copied character ranges in derived.text (from expected sources)
    expected: list[Article] = field(default_factory=list)  # sources it copied narrative from
    distractors: list[Article] = field(default_factory=list)


@dataclass
class _Style:
    curly: bool
    dash: str
    joiner: str


def _outlet(rng: random.Random, used: set[str]) -> tuple[str, str]:
    while True:
        a, b = rng.sample(_WORDS, 2)
        domain = f"{a}{b}.example"
        if domain not in used:
            used.add(domain)
            return f"{a.title()} {b.title()}", domain


def _restyle(sentence: str, style: _Style) -> str:
    if style.curly:
        sentence = re.sub(r'"(?=\w)', "“", sentence)
        sentence = sentence.replace('"', "”").replace("'", "’")
    else:
        sentence = re.sub(r"[“”]", '"', sentence).replace("’", "'")
    return re.sub(r"\s*(—|--|–)\s*", style.dash, sentence)


def _edit(sentence: str, rng: random.Random, vocab: list[str]) -> tuple[str, bool]:
    """A copier's light edit (still a copy), or a rewrite (no longer one)."""
    words = sentence.split(" ")
    roll = rng.random()
    if roll < 0.08 and len(words) > 6:  # rewritten: most words replaced
        return " ".join(w if rng.random() < 0.3 else rng.choice(vocab) for w in words), False
    if roll < 0.38 and len(words) > 4:  # a word swapped
        i = rng.randrange(1, len(words))
        words[i] = rng.choice(vocab)
    elif roll < 0.48:  # a word's case changed
        i = rng.randrange(len(words))
        words[i] = words[i].upper()
    return " ".join(words), True


def _take(source: str, rng: random.Random, vocab: list[str]) -> list[tuple[str, bool, bool]]:
    """A run of the source's sentences, some dropped, some swapped in order, edited; each with whether
    the source has it inside a quotation (a sentence from the middle of a long quote has no marks of
    its own, but copying it is still quoting)."""
    sents = sentences(source)
    length = max(3, int(len(sents) * rng.uniform(0.35, 0.85)))
    start = rng.randrange(0, max(1, len(sents) - length + 1))
    chosen = [s for s in sents[start : start + length] if rng.random() > 0.15] or sents[start : start + 3]
    for i in range(len(chosen) - 1):
        if rng.random() < 0.12:
            chosen[i], chosen[i + 1] = chosen[i + 1], chosen[i]
    quoted = quoted_regions(source)
    out = []
    for sentence in chosen:
        edited, copied = _edit(sentence, rng, vocab)
        at = source.find(sentence)
        out.append((edited, copied, at >= 0 and any(s < at + len(sentence) and at < e for s, e in quoted)))
    return out


def _assemble(pieces: list[tuple[str, int | None]], style: _Style,
              rng: random.Random) -> tuple[str, list[tuple[int, int, int]]]:
    """The derived text and its gold: ``(start, end, source index)`` of every copied sentence."""
    text, gold = "", []
    for piece, source in pieces:
        piece = _restyle(piece, style)
        if text:
            text += "\n\n" if rng.random() < 0.5 else style.joiner
        if source is not None:
            gold.append((len(text), len(text) + len(piece), source))
        text += piece
    return text + "\n", gold


def _dates(rng: random.Random, day: int) -> tuple[str | None, str | None]:
    base = f"2016-{1 + day % 12:02d}-{1 + day % 27:02d}"
    roll = rng.random()
    if roll < 0.55:
        later = f"2016-{1 + day % 12:02d}-{2 + day % 27:02d}"
        return base, later
    if roll < 0.75:
        return base + "T08:00:00+00:00", base + f"T{9 + rng.randrange(12):02d}:30:00+00:00"
    if roll < 0.85:
        return base, base
    return (base if rng.random() < 0.5 else None), None


def _narrative_words(text: str, spans: list[tuple[int, int]]) -> int:
    """Words of the copied sentences that carry no quotation here (a quote's attribution is part of
    it); sentences quoted in their source are left out by the caller."""
    quoted = quoted_regions(text)
    narrative = [(a, b) for a, b in spans if not any(qa < b and a < qb for qa, qb in quoted)]
    return sum(len(tokenize(text[a:b])) for a, b in narrative)


_ATTRIBUTIONS = ["a spokesman said in a statement.", "the candidate told supporters on Tuesday.",
                 "one official said.", "according to a transcript of the remarks."]


def build_cases(texts: list[str], n_cases: int, seed: int) -> tuple[list[Case], list[str]]:
    """Derived articles with their sources and distractors; returns the unused texts too."""
    rng = random.Random(seed)
    pool = list(texts)
    rng.shuffle(pool)
    vocab = [w for t in pool[:50] for w in t.split() if w.isalpha() and len(w) > 3][:5000]
    used: set[str] = set()
    cases = []
    for n in range(n_cases):
        if len(pool) < 4:
            break
        n_sources = 2 if rng.random() < 0.3 else 1
        sources = [pool.pop() for _ in range(n_sources)]
        filler = sentences(pool.pop())
        cases.append(_case(n, sources, filler, pool, rng, vocab, used))
    return cases, pool


def _case(n: int, source_texts: list[str], filler: list[str], pool: list[str], rng: random.Random,
          vocab: list[str], used: set[str]) -> Case:
    style = _Style(curly=rng.random() < 0.5, dash=rng.choice([" — ", " -- ", " – ", "—"]),
                   joiner=rng.choice([" ", "  ", "\n"]))
    src_date, own_date = _dates(rng, n)
    sources = []
    for k, text in enumerate(source_texts):
        name, domain = _outlet(rng, used)
        sources.append(Article(text=text, id=f"src-{n}-{k}", domain=domain, url=f"https://{domain}/story/{n}-{k}",
                               title=name + " story", published=src_date))
    pieces: list[tuple[str, int | None]] = [(s, None) for s in filler[: rng.randrange(1, 3)]]
    in_quote: list[bool] = []  # per copied piece, in order
    for k, source in enumerate(sources):
        taken = _take(source.text, rng, vocab)
        pieces += [(text, k if copied else None) for text, copied, _ in taken]
        in_quote += [quoted for _, copied, quoted in taken if copied]
        pieces += [(s, None) for s in filler[3 + k : 4 + k + rng.randrange(0, 2)]]
    if rng.random() < 0.35:
        name = (sources[0].title or "").removesuffix(" story")
        pieces.insert(rng.choice([0, len(pieces)]), (rng.choice(_CREDITS).format(name=name), None))
    pieces += [(f, None) for f in rng.sample(_FURNITURE, rng.randrange(1, 3))]
    text, spans = _assemble(pieces, style, rng)
    _, domain = _outlet(rng, used)
    derived = Article(text=text, id=f"derived-{n}", domain=domain, url=f"https://{domain}/copy/{n}",
                      title=f"Derived {n}", published=own_date)
    # a source whose copied sentences are (nearly) all quotation is not a copy source: quote-only overlap
    by_source = {k: [(a, b) for a, b, j in spans if j == k] for k in range(len(sources))}
    unquoted = {k: [(a, b) for (a, b, j), q in zip(spans, in_quote) if j == k and not q] for k in by_source}
    expected = [k for k in by_source if _narrative_words(text, unquoted[k]) >= TraceParams().copy_min_narrative_words]
    gold = [span for k in expected for span in by_source[k]]
    case = Case(derived, sources, sorted(gold), expected=[sources[k] for k in expected])
    case.distractors = _distractors(n, case, by_source.get(0, []), pool, rng, used)
    return case


def _distractors(n: int, case: Case, copied: list[tuple[int, int]], pool: list[str], rng: random.Random,
                 used: set[str]) -> list[Article]:
    """An unrelated real article that reports one quotation the derived article copied, with its own
    attribution: it shares only that quotation (normal journalism), never the narrative."""
    text = case.derived.text
    quotes = [(a, b) for a, b in quote_regions(text) if len(text[a:b].split()) >= 8
              and any(s <= a < e for s, e in copied)]
    if not quotes or rng.random() < 0.3 or not pool:
        return []
    a, b = rng.choice(quotes)
    sentence = f"“{text[a:b].strip().rstrip(',')},” {rng.choice(_ATTRIBUTIONS)}"
    paras = pool.pop().split("\n\n")
    paras.insert(rng.randrange(1, len(paras) + 1), sentence)
    _, domain = _outlet(rng, used)
    return [Article(text="\n\n".join(paras), id=f"quoter-{n}", domain=domain, url=f"https://{domain}/q/{n}",
                    published=case.sources[0].published)]


def _shuffled(text: str, rng: random.Random) -> str:
    """A real article with the words of each sentence shuffled: realistic length and vocabulary, no copies."""
    out = []
    for s in sentences(text):
        words = s.split()
        rng.shuffle(words)
        out.append(" ".join(words))
    return "\n\n".join(out)


# -- measuring ------------------------------------------------------------------
def _score_spans(gold: list[tuple[int, int]], predicted: list[tuple[int, int]], text: str) -> tuple[int, int, int]:
    """True positives, predicted and gold counts over non-whitespace characters."""
    g = {i for a, b in gold for i in range(a, b) if not text[i].isspace()}
    p = {i for a, b in predicted for i in range(a, b) if not text[i].isspace()}
    return len(g & p), len(p), len(g)


def _evaluate(store: Store, cases: list[Case], params: TraceParams) -> dict[str, Any]:
    tp = n_pred = n_gold = 0
    source_ok = direction_ok = direction_n = quote_false = quote_n = 0
    latencies: list[float] = []
    for case in cases:
        started = time.perf_counter()
        result = trace_article(store, case.derived, params)
        latencies.append(time.perf_counter() - started)
        found = {m.article.id: m for m in result.sources}
        gold_ids = {s.id for s in case.expected}
        source_ok += set(found) == gold_ids
        spans = [(p.a_start, p.a_end) for m in result.sources for p in m.passages]
        t, p, g = _score_spans(case.gold, spans, case.derived.text)
        tp, n_pred, n_gold = tp + t, n_pred + p, n_gold + g
        quote_n += len(case.distractors)
        quote_false += sum(d.id in found for d in case.distractors)
        for source in case.expected:
            direction_n += 2
            direction_ok += source.id in found and found[source.id].direction.label == THIS_COPIED
            started = time.perf_counter()
            back = trace_article(store, source, params)
            latencies.append(time.perf_counter() - started)
            direction_ok += any(m.article.id == case.derived.id and m.direction.label == OTHER_COPIED
                                for m in back.sources)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    latencies.sort()
    return {
        "alignment_precision": round(precision, 4), "alignment_recall": round(recall, 4),
        "alignment_f1": round(f1, 4),
        "source_accuracy": round(source_ok / len(cases), 4) if cases else None,
        "direction_accuracy": round(direction_ok / direction_n, 4) if direction_n else None,
        "quote_only_reported_as_source": f"{quote_false}/{quote_n}",
        "query_p50_ms": round(1000 * latencies[len(latencies) // 2], 2) if latencies else None,
        "query_p95_ms": round(1000 * latencies[int(0.95 * (len(latencies) - 1))], 2) if latencies else None,
    }


def _fill(pool: list[str], publishers: dict[str, str], seed: int) -> Iterator[Article]:
    """Unrelated real articles (under their publisher's name), then word-shuffled copies of them, endlessly."""
    rng = random.Random(seed + 1)
    for n, text in enumerate(pool):
        yield Article(text=text, id=f"real-{n}", domain=f"{publishers.get(text, 'outlet')}.example",
                      published="2016-06-01")
    n = 0
    while True:
        text = _shuffled(pool[n % len(pool)], rng)
        yield Article(text=text, id=f"shuffled-{n}", domain=f"filler{n % 211}.example", published="2016-06-01")
        n += 1


def _index(store: Store, articles: Iterator[Article], count: int, timed: _TimedIndexer) -> float:
    """Index ``count`` articles; returns seconds spent."""
    started = time.perf_counter()
    taken = (next(articles) for _ in range(count))
    for _ in index_articles(store, taken, batch=256, with_indexers=timed.indexers):
        pass
    return time.perf_counter() - started


class _TimedIndexer:
    """The stages' store indexers, with the copy-detection one timed alone (fingerprints and their rows)."""

    def __init__(self) -> None:
        self.calls, self.seconds = 0, 0.0
        self.indexers = [self._timed(ix) if ix.name == "provenance" else ix for ix in indexers()]

    def _timed(self, ix: StoreIndexer) -> StoreIndexer:
        def add(store: Store, rowid: int, article: Article) -> None:
            started = time.perf_counter()
            ix.add(store, rowid, article)
            self.seconds += time.perf_counter() - started
            self.calls += 1

        return StoreIndexer(ix.name, add, ix.schema, ix.stats)


def run_provenance_bench(data: Path, sizes: list[int], n_cases: int = 200, seed: int = 13,
                         workdir: Path | None = None, params: TraceParams = TraceParams(),
                         cache_mb: int = 64) -> dict[str, Any]:
    """Build the benchmark store at each size in turn and measure quality and speed there."""
    articles = load_articles(data)
    if not articles:
        raise FileNotFoundError(str(data))
    texts = [text for text, _ in articles]
    baseline = _peak_mb()  # libraries and the real texts, before any store exists
    publishers = dict(articles)
    cases, pool = build_cases(texts, n_cases, seed)
    base = [a for c in cases for a in (*c.sources, *c.distractors, c.derived)]
    tmp = Path(tempfile.mkdtemp(prefix="newsift-bench-", dir=workdir))
    rows = []
    try:
        timed = _TimedIndexer()
        with Store(tmp / "bench.db") as store:
            store.conn.execute(f"PRAGMA cache_size = -{cache_mb * 1024}")
            seconds = _index(store, iter(base), len(base), timed)
            indexed = len(base)
            filler = _fill(pool, publishers, seed)
            for size in sorted(sizes):
                if size > store.count():
                    add = size - store.count()
                    seconds += _index(store, filler, add, timed)
                    indexed += add
                row: dict[str, Any] = {"stored_articles": store.count(), "cases": len(cases)}
                row.update(_evaluate(store, cases, params))
                row["store_articles_per_s"] = round(indexed / seconds, 1)
                row["fingerprint_index_articles_per_s"] = round(timed.calls / timed.seconds, 1)
                row["index_bytes_per_article"] = index_size(store)["bytes_per_article"]
                row["peak_rss_mb"] = _peak_mb()
                row["peak_rss_over_baseline_mb"] = round(row["peak_rss_mb"] - baseline, 1)
                rows.append(row)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {"seed": seed, "cases": len(cases), "real_texts": len(texts), "sizes": rows,
            "fingerprint_articles_per_s": _fingerprint_rate(texts[:500])}


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _fingerprint_rate(texts: list[str]) -> float:
    from ..provenance.index import IndexParams, text_fingerprints

    params = IndexParams()
    started = time.perf_counter()
    for text in texts:
        text_fingerprints(text, params)
    return round(len(texts) / (time.perf_counter() - started), 1)
