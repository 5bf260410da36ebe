"""Same-event retrieval benchmark: WikiRef220 stories among distractors, at several store sizes.

Queries and relevant sets come from WikiRef220 (articles grouped by story;
the five big stories give the queries, every other article of the same
story is relevant). The store is padded with real distractor articles (the
other corpora under ``shared/data/articles``) and then with synthetic ones
made of sentences drawn from those real articles (seeded, so reproducible)
up to each size. Each size is measured on the same growing store:
precision@5, recall@10 (of all relevant, and of at most 10), query latency
p50/p95 of ``find_related``, latency of the whole coverage section (what a
check pays), and indexing throughput.
"""

from __future__ import annotations

import csv
import random
import re
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterator

from ..coverage import CoverageParams, RetrievalParams, coverage_section, find_related, index_article, quotes_of
from ..coverage._retrieval import Reranker
from ..datasets.buzzfeed_webis import buzzfeed_articles
from ..errors import Errors, InputError
from ..model import Article
from ..store import Store

__all__ = ["run_coverage_bench", "run_same_event_bench", "buzzfeed_articles", "load_wikiref", "load_distractors",
           "synthetic_articles", "story_of", "read_labels", "DEFAULT_DATA", "LABELS"]

DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
_STORY = re.compile(r"^(.*?)(?:\s*\(\d+\)|\.\d+)?$")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
MIN_STORY = 10  # stories with at least this many articles give queries


def story_of(filename: str) -> str:
    """The story of a WikiRef220 file name.

    ``'ParisAttacks2015 (12).txt'`` -> ``'ParisAttacks2015'``; ``'malaysia.airlines.flight.14.txt'`` ->
    ``'malaysia.airlines.flight'``.
    """
    stem = filename[:-4] if filename.endswith(".txt") else filename
    return _STORY.match(stem).group(1)  # type: ignore[union-attr]


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def load_wikiref(folder: Path) -> list[tuple[str, Article]]:
    """``(story, article)`` for each WikiRef220 file (first line the title)."""
    out = []
    for path in sorted(folder.glob("*.txt")):
        if path.name.lower() == "readme.txt":
            continue
        text = _read(path)
        if not text.strip():
            continue
        title = text.strip().splitlines()[0].strip()
        out.append((story_of(path.name), Article(text=text, id=f"wikiref:{path.name}", title=title)))
    return out


def _buzzfeed(folder: Path) -> Iterator[tuple[str, str]]:
    for article in buzzfeed_articles(folder):
        yield article.title or "", article.text


def _text_files(folder: Path) -> Iterator[tuple[str, str]]:
    for path in sorted(folder.rglob("*.txt")):
        if "title" in str(path.parent).lower() or path.name.lower() == "readme.txt":
            continue
        text = _read(path)
        yield text.strip().splitlines()[0][:200] if text.strip() else "", text


def _csv_articles(path: Path) -> Iterator[tuple[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.DictReader(fh):
            yield row.get("title") or "", row.get("content") or ""


def load_distractors(data: Path) -> list[tuple[str, str]]:
    """``(title, text)`` of real articles from the other corpora (none is about a WikiRef story's event)."""
    articles = data / "articles"
    sources: list[Iterator[tuple[str, str]]] = [
        _buzzfeed(articles / "buzzfeed-webis-2016" / "articles"),
        _text_files(articles / "deception_detection_fake_news" / "data"),
        _text_files(articles / "fake_news_vs_satire" / "data"),
        _text_files(articles / "this_just_in" / "data"),
    ]
    if (articles / "fakenewscorpus-sample" / "news_sample.csv").exists():
        sources.append(_csv_articles(articles / "fakenewscorpus-sample" / "news_sample.csv"))
    out: list[tuple[str, str]] = []
    for source in sources:
        out.extend((title, text) for title, text in source if len(text.split()) >= 40)
    return out


def synthetic_articles(pool: list[tuple[str, str]], seed: int = 7) -> Iterator[tuple[str, str]]:
    """Endless articles of 8–20 sentences drawn from random real articles (realistic words and names)."""
    rng = random.Random(seed)
    sentences = [s for _, text in pool for s in _SENTENCE.split(text) if 40 <= len(s) <= 400]
    titles = [title for title, _ in pool if title]
    if not sentences:
        return
    while True:
        body = " ".join(rng.choice(sentences) for _ in range(rng.randint(8, 20)))
        yield rng.choice(titles) if titles else body[:80], body


def _fill(store: Store, articles: Iterator[Article], upto: int, batch: int = 1000) -> int:
    """Store and index articles until the store holds ``upto``; returns how many were added."""
    added = 0
    while store.count() < upto:
        chunk = [a for _, a in zip(range(min(batch, upto - store.count())), articles)]
        if not chunk:
            break
        with store.transaction():
            for article in chunk:
                rowid, new = store.add_article(article)
                if new:
                    index_article(store, rowid, article)
                    added += 1
    return added


def _stream(wikiref: list[tuple[str, Article]], distractors: list[tuple[str, str]], seed: int) -> Iterator[Article]:
    yield from (a for _, a in wikiref)
    for n, (title, text) in enumerate(distractors):
        yield Article(text=text, id=f"real:{n}", title=title or None)
    for n, (title, text) in enumerate(synthetic_articles(distractors, seed)):
        yield Article(text=text, id=f"synthetic:{n}", title=title or None)


def _evaluate(store: Store, queries: list[tuple[str, Article]], relevant: dict[str, set[str]],
              reranker: Reranker | None = None) -> dict[str, Any]:
    """P@5 and R@10 of retrieval, its latency, and the latency of the whole coverage section.

    The whole section is what ``check`` pays: retrieval, then reading each
    listed report, its furniture, names, quotations and the same-event
    evidence (regex names here: the bench runs no spaCy).
    """
    params = RetrievalParams(limit=10, min_relevance=0.0)
    p5, r10, r10c, latencies, stage = [], [], [], [], []
    for story, article in queries:
        started = time.perf_counter()
        found = [c.doc.id for c in find_related(store, article, params, reranker)]
        latencies.append(1000 * (time.perf_counter() - started))
        started = time.process_time()  # CPU: what the stage costs, whatever else shares the machine
        coverage_section(store, article, quotes_of(article.text, None), None,
                         CoverageParams(retrieval=RetrievalParams()), rate=lambda d: None, reranker=reranker)
        stage.append(1000 * (time.process_time() - started))
        rel = relevant[story] - {article.id}
        p5.append(sum(1 for i in found[:5] if i in rel) / 5)
        hits10 = sum(1 for i in found[:10] if i in rel)
        r10.append(hits10 / len(rel))
        r10c.append(hits10 / min(10, len(rel)))
    latencies.sort()
    stage.sort()
    return {
        "queries": len(queries),
        "precision_at_5": round(statistics.mean(p5), 4),
        "recall_at_10": round(statistics.mean(r10), 4),
        "recall_at_10_of_10": round(statistics.mean(r10c), 4),
        "latency_p50_ms": round(latencies[len(latencies) // 2], 2),
        "latency_p95_ms": round(latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))], 2),
        "stage_cpu_p50_ms": round(stage[len(stage) // 2], 2),
        "stage_cpu_p95_ms": round(stage[min(len(stage) - 1, int(0.95 * len(stage)))], 2),
    }


def _megabytes(folder: Path) -> float:
    """Size of the store's files (database, write-ahead log)."""
    return round(sum(p.stat().st_size for p in folder.glob("bench.db*")) / 1e6, 1)


def run_coverage_bench(data: Path | None = None, sizes: list[int] | None = None, max_queries: int | None = None,
                       seed: int = 7, workdir: Path | None = None, reranker: Reranker | None = None) -> dict[str, Any]:
    """Build a growing store up to each size and measure same-event retrieval at each.

    With a ``reranker`` (the MiniLM one), each size is measured with it too.
    """
    data = Path(data or DEFAULT_DATA)
    wikiref = load_wikiref(data / "coverage" / "wikiref220")
    if not wikiref:
        raise InputError(Errors.E302.format(path=data / "coverage" / "wikiref220"))
    relevant: dict[str, set[str]] = defaultdict(set)
    for story, article in wikiref:
        relevant[story].add(article.id)
    queries = [(s, a) for s, a in wikiref if len(relevant[s]) >= MIN_STORY]
    if max_queries:
        queries = random.Random(seed).sample(queries, min(max_queries, len(queries)))
    distractors = load_distractors(data)
    stream = _stream(wikiref, distractors, seed)
    results = []
    with tempfile.TemporaryDirectory(dir=workdir) as tmp, Store(Path(tmp) / "bench.db") as store:
        for size in sorted(sizes or [10_000, 100_000]):
            started = time.perf_counter()
            added = _fill(store, stream, max(size, len(wikiref)))
            seconds = time.perf_counter() - started
            row: dict[str, Any] = {"size": store.count(),
                                   "index_articles_per_s": round(added / seconds, 1) if added else None,
                   "store_mb": _megabytes(Path(tmp))}
            row.update(_evaluate(store, queries, relevant))
            if reranker is not None:
                row["semantic"] = _evaluate(store, queries, relevant, reranker)
            results.append(row)
    return {"benchmark": "coverage", "dataset": "wikiref220", "stories_queried": len({s for s, _ in queries}),
            "real_distractors": len(distractors), "seed": seed, "sizes": results}


# -- same event on a real corpus: BuzzFeed-Webis 2016, judged by reading --------------------------------------
LABELS = Path(__file__).resolve().parent / "labels" / "same-event.tsv"
BUZZFEED = Path("articles") / "buzzfeed-webis-2016" / "articles"
_STAGES = ["cleaning", "language", "attribution", "provenance", "coverage"]


def read_labels(path: Path) -> dict[tuple[str, str], str]:
    """``(query id, listed id) -> verdict`` ("same" or "different") from a tab-separated file with a header."""
    labels: dict[tuple[str, str], str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(Errors.E307.format(path=path, why=exc.strerror)) from None
    for n, line in enumerate(lines[1:], 2):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 3 or parts[2] not in ("same", "different"):
            raise InputError(Errors.E307.format(path=path, why=f"line {n}: expected query, other, same|different"))
        labels[(parts[0], parts[1])] = parts[2]
    return labels


def sample_queries(ids: list[str], n: int, seed: int) -> list[str]:
    """``n`` article ids drawn at random (seeded) from the corpus: the queries that were labelled."""
    return sorted(random.Random(seed).sample(sorted(ids), min(n, len(ids))))


def run_same_event_bench(data: Path | None = None, labels_path: Path | None = None, queries: int = 20,
                         seeds: tuple[int, ...] = (12, 13), top: int = 5, workdir: Path | None = None) -> dict[str, Any]:
    """Same-event precision on undated real articles, against verdicts made by reading both sides.

    The whole corpus is indexed into a scratch store; for each seed,
    ``queries`` articles drawn at random are checked with the cleaning,
    language, attribution, provenance and coverage stages; each of their
    first ``top`` listed reports that coverage calls the same event is
    scored against the labels (seed 12 was used to set the thresholds,
    seed 13 was held out). Listed pairs without a verdict are returned for
    reading.
    """
    from ..analysis import Analyzer
    from ..indexing import index_articles
    from ..settings import Options

    labels = read_labels(labels_path or LABELS)  # a bad labels file fails before the corpus is read
    folder = Path(data or DEFAULT_DATA) / BUZZFEED
    articles = [a for a in buzzfeed_articles(folder) if len(a.text.split()) >= 40]
    if not articles:
        raise InputError(Errors.E306.format(path=folder))
    ids = [a.id or "" for a in articles]
    started = time.perf_counter()
    per_seed: dict[int, list[dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        db = str(Path(tmp) / "same-event.db")
        with Store(db) as store:
            for _ in index_articles(store, iter(articles)):
                pass
        analyzer = Analyzer(Options(db=db), stages=_STAGES)
        try:
            for seed in seeds:
                chosen = set(sample_queries(ids, queries, seed))
                per_seed[seed] = [row for a in articles if a.id in chosen
                                  for row in _listed(a, _items(analyzer, a, top), labels)]
        finally:
            analyzer.close()
    results = {seed: _score_same_event(rows) for seed, rows in per_seed.items()}
    every = [row for rows in per_seed.values() for row in rows]
    return {"benchmark": "coverage-same-event", "dataset": "buzzfeed-webis-2016", "queries_per_seed": queries,
            "top": top, "seconds": round(time.perf_counter() - started, 1), "seeds": results,
            "all": _score_same_event(every)}


def _items(analyzer: Any, article: Article, top: int) -> list[dict[str, Any]]:
    section = analyzer.analyze(article).sections.get("coverage") or {}
    return list(section.get("items", []))[:top]


def _listed(article: Article, items: list[dict[str, Any]], labels: dict[tuple[str, str], str]) -> list[dict[str, Any]]:
    return [{"query": article.id, "query_title": article.title, "other": it["article_id"], "title": it.get("title"),
             "domain": it.get("domain"), "rank": n, "same_event": it["same_event"], "copy": it["copy"],
             "evidence": it.get("event_evidence"), "verdict": labels.get((article.id or "", it["article_id"]))}
            for n, it in enumerate(items, 1)]


def _score_same_event(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Precision of the same-event calls that have a verdict; recall among the listed pairs judged the same."""
    judged = [r for r in rows if r["verdict"]]
    flagged = [r for r in judged if r["same_event"]]
    same = [r for r in judged if r["verdict"] == "same"]
    hits = sum(1 for r in flagged if r["verdict"] == "same")
    return {
        "listed": len(rows), "judged": len(judged), "judged_same": len(same),
        "flagged_same_event": sum(1 for r in rows if r["same_event"]), "flagged_judged": len(flagged),
        "precision": round(hits / len(flagged), 4) if flagged else None,
        "recall_of_listed": round(hits / len(same), 4) if same else None,
        "unjudged": [r for r in rows if not r["verdict"]],
        "false_same": [r for r in flagged if r["verdict"] != "same"],
        "rows": rows,
    }
