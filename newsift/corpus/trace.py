"""``newsift corpus trace``: every copy relation in a corpus, found on Dask.

The job does what ``check`` does one article at a time against the store,
for all articles at once, without a shared SQLite file:

1. articles are read in partitions (the store, JSONL or Parquet) and each
   worker computes their fingerprints and site line keys, with
   provenance's own fingerprint code;
2. candidate pairs come from a shuffle join on fingerprint hashes (a Dask
   bag ``groupby``): a hash held by more than ``max_postings`` articles is
   stock text and dropped, as the store's candidate search drops it; a pair
   needs ``min_shared`` hashes, or one rare hash (a shared quotation);
3. each pair's two articles are brought together by a second shuffle and
   aligned on the workers with provenance's alignment, typing and
   direction code (``provenance.pair``, ``provenance.direction``), with the
   furniture and stock-text counts computed from the corpus itself;
4. weak directions are settled as ``check`` settles them, by how much of
   each text is shared with the rest of the corpus.

The hash postings of fingerprints held by two or more articles and the
site line counts are broadcast to the workers; both grow with the corpus's
shared text, not with its size.
"""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections import Counter, OrderedDict
from dataclasses import asdict, dataclass, field
from itertools import combinations
from typing import Any, Iterable, Iterator

import numpy as np


from ..model import Article
from ..provenance.direction import decide_direction
from ..provenance.fingerprints import fingerprints, tokenize
from ..provenance.furniture import TextInfo
from ..provenance.index import IndexParams
from ..provenance.pair import canonical
from ..provenance.trace import LRU, PairContext, TraceParams, judge_pair
from ..store import line_key

__all__ = ["trace_corpus", "params_from", "Relation", "CorpusStore", "RARE_DF"]

RARE_DF = 4  # a single shared fingerprint held by at most this many articles still makes a candidate


def params_from(trace: TraceParams | None = None) -> TraceParams:
    """The job runs with provenance's own ``TraceParams`` (the same ones ``check`` builds from the options)."""
    return trace or TraceParams()


@dataclass
class Relation:
    """Two articles sharing passages, seen from ``a`` (the pair's canonical first)."""

    a: str
    b: str
    a_domain: str | None
    b_domain: str | None
    shared: int
    is_copy: bool
    narrative_words: int
    quote_words: int
    direction: str
    confidence: float
    score: float
    evidence: list[str] = field(default_factory=list)
    passages: list[dict[str, Any]] = field(default_factory=list)

    def as_row(self) -> dict[str, Any]:
        return asdict(self)


class CorpusStore:
    """What provenance's per-text work asks of the store, answered from corpus-wide counts.

    Site line counts and domain sizes come from the whole corpus (computed
    on the workers and gathered); article domains sit in a small in-memory
    SQLite table, since provenance reads them with SQL. Every article of the
    job counts as stored, as every article is in the store ``check`` reads.
    """

    def __init__(self, sizes: dict[str, int], lines: dict[tuple[str, int], int], domains: dict[int, str | None]) -> None:
        self.sizes, self.lines, self.domains = sizes, lines, domains
        self.job = uuid.uuid4().hex  # names the job's texts on a worker, whichever copy of this a task gets
        self._conn: sqlite3.Connection | None = None

    def __getstate__(self) -> dict[str, Any]:  # the connection is rebuilt on each worker
        return {"sizes": self.sizes, "lines": self.lines, "domains": self.domains, "job": self.job, "_conn": None}

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = sqlite3.connect(":memory:", check_same_thread=False)
            self._conn.execute("CREATE TABLE articles(rowid INTEGER PRIMARY KEY, domain TEXT)")
            self._conn.executemany("INSERT INTO articles VALUES (?, ?)", self.domains.items())
        return self._conn

    def domain_size(self, domain: str) -> int:
        return self.sizes.get(domain, 0)

    def line_counts(self, domain: str, keys: Iterable[int]) -> dict[int, int]:
        return {k: self.lines[(domain, k)] for k in keys if (domain, k) in self.lines}

    def find(self, article: Article) -> int:
        return 0


class _PairContext(PairContext):
    """Provenance's trace context with the corpus in place of the store: pairs are aligned and typed
    by provenance's own code (``PairContext.pair``); only where postings come from differs."""

    def __init__(self, store: CorpusStore, postings: dict[int, list[int]], params: TraceParams,
                 index: IndexParams) -> None:
        self.store = store  # type: ignore[assignment]
        self.params, self.index = params, index
        shared = _worker_texts(store)
        self.texts, self.pairs, self.completing = shared, LRU(64), shared.completing
        self.domains = dict(store.domains)
        self.secondary = {}
        self.postings = postings

    def complete(self, info: TextInfo, known: dict[int, list[int]] | None = None) -> TextInfo:
        if info.postings is None and known is None:
            own = set(fingerprints(info.tokens.words, self.index.ngram, self.index.window).tolist())
            # the job keeps postings of hashes two or more articles hold; a text's other fingerprints are its own
            known = {h: self.postings.get(h) or [info.rowid] for h in own}  # type: ignore[list-item]
        with self.completing:  # a text is shared by the worker's tasks: complete it once, wholly
            return super().complete(info, known)


# A worker's texts, tokenised and completed once per job (one table per job, named by the store): an article
# meets a partner in every pair it is in, about four on BuzzFeed-Webis, and tokenising it each time was
# most of the job's work.
class _SharedTexts(LRU[tuple[str, int], TextInfo]):
    """The LRU, safe when a worker runs tasks on several threads (``completing``: held while a text is
    completed, so no thread reads one half done)."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self._lock = threading.Lock()
        self.completing = threading.RLock()

    def get(self, key: tuple[str, int]) -> TextInfo | None:
        with self._lock:
            return super().get(key)

    def __setitem__(self, key: tuple[str, int], value: TextInfo) -> None:
        with self._lock:
            super().__setitem__(key, value)


_TEXTS: "OrderedDict[str, _SharedTexts]" = OrderedDict()  # job -> its texts, the latest jobs only
_TEXTS_LOCK = threading.Lock()
WORKER_TEXTS = 4096  # texts a worker keeps for a job (each a few tens of kB of token arrays)
WORKER_JOBS = 2  # jobs whose texts a worker keeps


def _worker_texts(store: CorpusStore) -> _SharedTexts:
    """The job's texts on this worker: keyed by the job, since a worker may get several copies of its store."""
    with _TEXTS_LOCK:
        texts = _TEXTS.get(store.job)
        if texts is None:
            texts = _TEXTS[store.job] = _SharedTexts(WORKER_TEXTS)
            while len(_TEXTS) > WORKER_JOBS:
                _TEXTS.popitem(last=False)
        return texts


# --- step 1: per article, on the workers --------------------------------------------------------------

def _prepare(article: dict[str, Any], index: IndexParams) -> dict[str, Any]:
    idx = article["id"]
    words = tokenize(article["text"]).words
    fps = sorted(set(fingerprints(words, index.ngram, index.window).tolist()))
    lines = sorted({k for k in map(line_key, article["text"].splitlines()) if k is not None})
    return {"idx": idx, "fps": fps, "domain": article.get("domain"), "lines": lines}


# --- step 2: the shuffle join on fingerprint hashes --------------------------------------------------

Key = str  # an article id: the job's key for an article everywhere


def _held(prepared: Any, partitions: int) -> Any:
    """Each fingerprint hash held by two or more articles, with their keys, sorted: the shuffle join on hashes.

    Done once: the candidate pairs and the postings the workers complete texts with both come from it.
    The shuffle moves each partition's hashes as arrays, one bucket per output partition (hash modulo the
    partitions), not one Python tuple per fingerprint: most hashes are held by one article and only
    need dropping, and pickling half a million tuples between workers cost more than the join itself.
    """
    import dask.bag as db
    from dask import delayed

    splits = [delayed(_split_hashes)(part, partitions) for part in prepared.to_delayed()]
    buckets = [delayed(_held_in_bucket)([split[b] for split in splits]) for b in range(partitions)]
    return db.from_delayed(buckets)


Bucket = tuple[np.ndarray, np.ndarray, list[Key]]  # hashes, their holders' positions in the keys, the keys


def _split_hashes(part: list[dict[str, Any]], buckets: int) -> list[Bucket]:
    """One partition's fingerprint hashes with their holders, cut into ``buckets`` by hash."""
    keys = [d["idx"] for d in part]
    hashes = np.concatenate([np.asarray(d["fps"], dtype=np.int64) for d in part] + [np.empty(0, np.int64)])
    holders = np.repeat(np.arange(len(part), dtype=np.int64), [len(d["fps"]) for d in part])
    where = hashes % buckets
    return [(hashes[where == b], holders[where == b], keys) for b in range(buckets)]


def _held_in_bucket(pieces: list[Bucket]) -> list[tuple[int, list[Key]]]:
    """The hashes of one bucket held by two or more articles, with their keys sorted."""
    hashes = np.concatenate([h for h, _, _ in pieces] + [np.empty(0, np.int64)])
    piece = np.concatenate([np.full(len(h), i, dtype=np.int64) for i, (h, _, _) in enumerate(pieces)]
                           + [np.empty(0, np.int64)])
    holder = np.concatenate([c for _, c, _ in pieces] + [np.empty(0, np.int64)])
    order = np.argsort(hashes, kind="stable")
    ordered = hashes[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]) if len(ordered) else np.empty(0, np.int64)
    ends = np.r_[starts[1:], len(ordered)]
    out = []
    for start, end in zip(starts[ends - starts >= 2], ends[ends - starts >= 2]):
        keys = sorted({pieces[piece[k]][2][holder[k]] for k in order[start:end]})
        if len(keys) >= 2:
            out.append((int(ordered[start]), keys))
    return out


def _pairs_of(group: tuple[int, list[Key]], max_postings: int) -> Iterator[tuple[tuple[Key, Key], int]]:
    """From one hash's holders, each pair of articles holding it, with the hash's document frequency."""
    _, idxs = group
    if len(idxs) <= max_postings:
        for a, b in combinations(idxs, 2):
            yield (a, b), len(idxs)


def _candidate(pair: tuple[tuple[Key, Key], list[int]], params: TraceParams) -> bool:
    _, dfs = pair
    return len(dfs) >= params.min_shared or min(dfs) <= RARE_DF


# --- step 3: aligning a pair on the workers ----------------------------------------------------------

def _relation(group: tuple[tuple[Key, Key], list[Any]], shared: dict[tuple[Key, Key], int],
              context: dict[str, Any], params: TraceParams) -> tuple[Relation, dict[str, Any], dict[str, Any]] | None:
    """The pair as ``check`` sees it from the canonical first article (provenance's pair, typing and direction)."""
    (ka, kb), members = group
    raw = {art["id"]: art for _, art in members}
    if len(raw) != 2:
        return None
    rowid = context["rowids"]
    ctx = _PairContext(context["store"], context["postings"], params, context["index"])
    infos = [ctx.info(Article(**raw[k]), rowid[k]) for k in (ka, kb)]
    first, second = (infos[0], infos[1]) if canonical(infos[0], infos[1]) else (infos[1], infos[0])
    passages = ctx.pair(first, second)
    if not passages:
        return None
    a, b = first.article, second.article
    verdict = judge_pair(a, b, passages, params)  # the rule check applies, from provenance itself
    direction = verdict.direction
    relation = Relation(a.id, b.id, a.domain, b.domain, shared[(ka, kb)], verdict.is_copy, verdict.narrative,
                        verdict.quote, direction.label, direction.confidence, direction.score, list(direction.evidence),
                        [{"a_start": p.a_start, "a_end": p.a_end, "b_start": p.b_start, "b_end": p.b_end,
                          "kind": p.kind, "similarity": p.similarity, "words": p.tokens} for p in passages])
    return relation, raw[a.id], raw[b.id]


def _relations_of(group: tuple[Key, list[tuple[Key, tuple[tuple[Key, Key], dict[str, Any]]]]],
                  shared: dict[tuple[Key, Key], int], context: dict[str, Any],
                  params: TraceParams) -> list[tuple[Relation, dict[str, Any], dict[str, Any]]]:
    """The relations of the pairs whose first article is the group's, each pair's two articles gathered."""
    by_pair: dict[tuple[Key, Key], list[tuple[tuple[Key, Key], dict[str, Any]]]] = {}
    for _, (pair, article) in group[1]:
        by_pair.setdefault(pair, []).append((pair, article))
    found = (_relation((pair, by_pair[pair]), shared, context, params) for pair in sorted(by_pair))
    return [r for r in found if r is not None]


# --- step 4: weak directions, settled by how much of each text is shared with the corpus -------------

def _cover(text: str, spans: list[tuple[int, int]]) -> float:
    total, end = 0, 0
    for s, e in sorted(spans):
        total += max(0, e - max(s, end))
        end = max(end, e)
    return min(1.0, total / max(1, len(text.strip())))


def _copied_spans(relations: list[Relation], min_shared: int) -> dict[Key, list[tuple[int, int]]]:
    spans: dict[Key, list[tuple[int, int]]] = {}
    for r in relations:
        if r.is_copy and r.shared >= min_shared:
            spans.setdefault(r.a, []).extend((p["a_start"], p["a_end"]) for p in r.passages)
            spans.setdefault(r.b, []).extend((p["b_start"], p["b_end"]) for p in r.passages)
    return spans


def _resolve(item: tuple[Relation, dict[str, Any], dict[str, Any]], copied: dict[Key, list[tuple[int, int]]],
             ) -> Relation:
    """As ``check`` does: without dates or credits, the text more made of shared text is the copy."""
    from ..provenance.alignment import Passage

    relation, a_raw, b_raw = item
    if not relation.is_copy or abs(relation.score) >= 2.0:
        return relation
    a, b = Article(**a_raw), Article(**b_raw)
    passages = [Passage(p["a_start"], p["a_end"], p["b_start"], p["b_end"], p["similarity"], p["words"], p["kind"])
                for p in relation.passages]
    covers = (_cover(a.text, copied.get(a.id, []) + [(p.a_start, p.a_end) for p in passages]),
              _cover(b.text, copied.get(b.id, []) + [(p.b_start, p.b_end) for p in passages]))
    d = decide_direction(a, b, passages, 0, 0, covers=covers)
    relation.direction, relation.confidence, relation.score, relation.evidence = d.label, d.confidence, d.score, list(d.evidence)
    return relation


# --- the job ------------------------------------------------------------------------------------------

def _shared_counts(held: Any, params: TraceParams, partitions: int) -> dict[tuple[Key, Key], int]:
    """Pairs sharing ``min_shared`` fingerprints or one rare one."""
    pairs = held.map(_pairs_of, params.max_postings).flatten()
    by_pair = pairs.groupby(lambda x: x[0], shuffle="tasks", npartitions=partitions)
    kept = by_pair.map(lambda g: (g[0], [df for _, df in g[1]])).filter(lambda g: _candidate(g, params))
    return dict(kept.map(lambda g: (g[0], len(g[1]))).compute())


def _context(prepared: Any, held: Any, index: IndexParams) -> dict[str, Any]:
    """Row ids, postings of fingerprints two or more articles hold, and the corpus store (broadcast)."""
    domains = dict(prepared.map(lambda d: (d["idx"], d["domain"])).compute())
    rowids = {key: n for n, key in enumerate(sorted(domains), start=1)}
    postings = held.map(lambda g: (g[0], [rowids[i] for i in g[1]]))  # row ids follow the keys' order
    lines = prepared.map(lambda d: [(d["domain"], k) for k in d["lines"]] if d["domain"] else []).flatten()
    sizes = Counter(d for d in domains.values() if d)
    store = CorpusStore(dict(sizes), dict(lines.frequencies().compute()),
                        {rowids[k]: d for k, d in domains.items()})
    return {"rowids": rowids, "postings": dict(postings.compute()), "store": store, "index": index}


def trace_corpus(articles: Any, params: TraceParams | None = None, partitions: int = 8, client: Any = None,
                 index: IndexParams = IndexParams()) -> list[Relation]:
    """Every relation in a Dask bag of article dicts (``Article.to_dict`` form), on the current scheduler."""
    params = params_from(params)
    # one article per id (a corpus may hold one twice); the smallest text wins, whatever the order. A
    # shuffle by id, not a fold: a fold passes the whole corpus through one task, which no worker shares
    unique = articles.groupby(lambda a: a["id"], shuffle="tasks", npartitions=partitions)
    articles = unique.map(_one).persist()
    prepared = articles.map(_prepare, index).persist()
    held = _held(prepared, partitions).persist()
    shared = _shared_counts(held, params, partitions)
    context = _context(prepared, held, index)
    by_key: dict[Key, list[tuple[Key, Key]]] = {}
    for pair in sorted(shared):
        for key in pair:
            by_key.setdefault(key, []).append(pair)
    if client is not None:  # one copy per worker, not one per task
        shared_f, context_f = client.scatter([shared, context], broadcast=True)
    else:
        shared_f, context_f = shared, context
    # pairs meet in their first article's group, so that article is tokenised once there for all its pairs
    members = articles.map(lambda a: [(pair[0], (pair, a)) for pair in by_key.get(a["id"], [])]).flatten()
    meetings = members.groupby(lambda x: x[0], shuffle="tasks", npartitions=partitions)
    found = meetings.map(_relations_of, shared_f, context_f, params).flatten().persist()
    relations = found.map(_first).compute()  # only the relations come back here, not the texts
    copied = _copied_spans(relations, params.min_shared)
    resolved = found.map(_resolve, copied).compute()
    return sorted(resolved, key=lambda r: (r.a, r.b))


def _first(item: tuple[Relation, Any, Any]) -> Relation:
    return item[0]


def _one(group: tuple[Key, list[dict[str, Any]]]) -> dict[str, Any]:
    """The article an id stands for: the smallest of its versions (text first), the same in any order."""
    versions = group[1]
    return versions[0] if len(versions) == 1 else min(versions, key=lambda a: (a["text"], str(a)))
