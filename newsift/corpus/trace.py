"""``newsift corpus trace``: every copy relation in a corpus, found on Dask.

The job does what ``check`` does one article at a time against the store,
for all articles at once, without a shared SQLite file:

1. articles are read in partitions (the store, JSONL or Parquet), shuffled
   by id so each id keeps one version (not the store's: it holds each id
   once), and each worker computes their fingerprints and site line keys
   with provenance's own fingerprint code;
2. candidate pairs come from a shuffle join on fingerprint hashes: a hash
   held by more than ``max_postings`` articles is stock text and dropped,
   as the store's candidate search drops it; a pair needs ``min_shared``
   hashes, or one rare hash (a shared quotation);
3. each paired text is tokenised and completed (quotations, furniture,
   stock-text counts from the corpus itself) once, on the worker holding
   it, and sent to the groups that need it; pairs are aligned there with
   provenance's alignment, typing and direction code
   (``provenance.pair``, ``provenance.direction``);
4. weak directions are settled as ``check`` settles them, by how much of
   each text is shared with the rest of the corpus.

Partition ``b``'s tasks run on worker ``b`` modulo the workers in every
step, so a partition's data stays put and only texts paired across
workers move. The hash postings of fingerprints held by two or more
articles and the site line counts go to every worker; both grow with the
corpus's shared text, not with its size.
"""

from __future__ import annotations

import contextlib
import pickle
import sqlite3
import threading
import zlib
from collections import Counter
from dataclasses import asdict, dataclass, field
from itertools import combinations
from typing import Any, Iterable

import numpy as np


from ..model import Article
from ..provenance.direction import decide_direction
from ..provenance.fingerprints import fingerprints, tokenize, words_of
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
        self._local = threading.local()

    def __getstate__(self) -> dict[str, Any]:  # connections are rebuilt where the store lands
        return {"sizes": self.sizes, "lines": self.lines, "domains": self.domains}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._local = threading.local()

    @property
    def conn(self) -> sqlite3.Connection:
        # one connection per thread: a worker with several threads runs several tasks on this one object,
        # and a SQLite connection is not for concurrent use
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = sqlite3.connect(":memory:")
            conn.execute("CREATE TABLE articles(rowid INTEGER PRIMARY KEY, domain TEXT)")
            conn.executemany("INSERT INTO articles VALUES (?, ?)", self.domains.items())
        return conn

    def domain_size(self, domain: str) -> int:
        return self.sizes.get(domain, 0)

    def line_counts(self, domain: str, keys: Iterable[int]) -> dict[int, int]:
        return {k: self.lines[(domain, k)] for k in keys if (domain, k) in self.lines}

    def find(self, article: Article) -> int:
        return 0


class _PairContext(PairContext):
    """Provenance's trace context with the corpus in place of the store: texts are completed and pairs
    aligned and typed by provenance's own code; only where postings come from differs."""

    def __init__(self, store: CorpusStore, postings: dict[int, list[int]], params: TraceParams,
                 index: IndexParams) -> None:
        self.store = store  # type: ignore[assignment]
        self.params, self.index = params, index
        self.texts, self.pairs = LRU(0), LRU(64)
        self.domains = dict(store.domains)
        self.secondary = {}
        self.postings = postings

    def complete_from(self, info: TextInfo, fps: Iterable[int]) -> TextInfo:
        # the job keeps postings of hashes two or more articles hold; a text's other fingerprints are its own
        return self.complete(info, {h: self.postings.get(h) or [info.rowid] for h in fps})  # type: ignore[list-item]


Key = str  # an article id: the job's key for an article everywhere
Parts = list[Any]  # one delayed list per partition


def _shuffle(parts: Parts, split: Any, partitions: int, *args: Any, place: "_Places | None" = None,
             whole: bool = False) -> list[Parts]:
    """Each output partition's pieces: ``split(part, partitions, *args)`` cuts a partition into one list
    per output partition, and output partition ``b`` gathers piece ``b`` of every input.

    With ``whole``, output partition ``b`` gets ``b`` and every input's whole split, to take its pieces
    itself (``_pieces``): no task per piece, and a worker fetches another's split once for all its
    partitions. For splits that are cheap to send whole; a split whose pieces go to different workers
    for most of its bulk is sent piece by piece.
    """
    import dask
    from dask import delayed

    place = place or _Places(None)
    splits = []
    for i, part in enumerate(parts):
        with place(i):
            splits.append(delayed(split, nout=None if whole else partitions)(part, partitions, *args))
    if whole:
        return [[b, *splits] for b in range(partitions)]
    # a piece is cut out of its split by a task of its own on the split's worker; first, before the work
    # queued there, as a worker elsewhere may be waiting for it
    with dask.annotate(priority=1):
        return [[pieces[b] for pieces in splits] for b in range(partitions)]


def _pieces(b: int, splits: tuple[list[Any], ...]) -> list[Any]:
    return [split[b] for split in splits]


class _Places:
    """Partition ``b``'s tasks on worker ``b`` modulo the workers, in every step: a partition's data stays
    on one worker from step to step, and each worker gets its share of the partitions. Left to itself
    the scheduler piles tasks on the worker holding the broadcast context, then moves data to balance,
    and on a few busy workers a move waits for the sender to let go of Python's lock. A worker may still
    take another's task when it is idle (``allow_other_workers``: Dask's work stealing, which a local
    cluster runs every 100 ms, see ``batch.dask_client``)."""

    def __init__(self, client: Any) -> None:
        self.workers = sorted(client.nthreads()) if client is not None else []

    def __call__(self, b: int) -> Any:
        import dask

        if not self.workers:
            return contextlib.nullcontext()
        return dask.annotate(workers=[self.workers[b % len(self.workers)]], allow_other_workers=True)


def _bucket_of(key: Key, partitions: int) -> int:
    """A key's partition, the same in every process (``hash`` of a string is not)."""
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % partitions


# --- step 1: one version of each article, prepared where it lands --------------------------------------

def _split_by_id(part: list[dict[str, Any]], partitions: int) -> list[list[dict[str, Any]]]:
    out: list[list[dict[str, Any]]] = [[] for _ in range(partitions)]
    for article in part:
        out[_bucket_of(article["id"], partitions)].append(article)
    return out


def _prepare_bucket(index: IndexParams, b: int, *splits: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    return _prepare(index, *_pieces(b, splits))


def _prepare(index: IndexParams, *pieces: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The partition's articles, one per id, each with its fingerprints and site line keys."""
    versions: dict[Key, list[dict[str, Any]]] = {}
    for piece in pieces:
        for article in piece:
            versions.setdefault(article["id"], []).append(article)
    out = []
    for key in sorted(versions):
        article = _one((key, versions[key]))
        words = words_of(article["text"])
        fps = fingerprints(words, index.ngram, index.window)  # sorted, each once
        lines = sorted({k for k in map(line_key, article["text"].splitlines()) if k is not None})
        out.append({"idx": key, "article": article, "fps": fps, "domain": article.get("domain"), "lines": lines,
                    "words": len(words)})
    return out


def _one(group: tuple[Key, list[dict[str, Any]]]) -> dict[str, Any]:
    """The article an id stands for: the smallest of its versions (text first), the same in any order."""
    versions = group[1]
    return versions[0] if len(versions) == 1 else min(versions, key=lambda a: (a["text"], str(a)))


# --- step 2: the shuffle join on fingerprint hashes, and the corpus's site line counts ------------------

Bucket = tuple[np.ndarray, np.ndarray, list[Key]]  # hashes, their holders' positions in the keys, the keys


def _split_hashes(part: list[dict[str, Any]], buckets: int) -> list[Bucket]:
    """One partition's fingerprint hashes with their holders, cut into ``buckets`` by hash.

    Hashes move as arrays, one bucket per output partition, not one Python tuple per fingerprint: most
    hashes are held by one article and only need dropping.
    """
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


PairCounts = dict[tuple[Key, Key], list[int]]  # a pair -> [hashes both hold, the rarest one's holders]


def _join_split(max_postings: int, b: int, *splits: list[Bucket]) -> tuple[list[tuple[int, list[Key]]], PairCounts]:
    return _join_bucket(max_postings, *_pieces(b, splits))


def _join_bucket(max_postings: int, *pieces: Bucket) -> tuple[list[tuple[int, list[Key]]], PairCounts]:
    """A bucket's held hashes, and the pairs of articles holding its hashes (stock text dropped)."""
    held = _held_in_bucket(list(pieces))
    pairs: PairCounts = {}
    for _, keys in held:
        if len(keys) <= max_postings:
            for pair in combinations(keys, 2):
                seen = pairs.get(pair)
                if seen is None:
                    pairs[pair] = [1, len(keys)]
                else:
                    seen[0] += 1
                    seen[1] = min(seen[1], len(keys))
    return held, pairs


def _sites(part: list[dict[str, Any]]) -> tuple[list[tuple[Key, str | None, int]], Counter[tuple[str, int]]]:
    """A partition's article domains and word counts, and how many of its articles print each site line."""
    lines = Counter((d["domain"], k) for d in part if d["domain"] for k in d["lines"])
    return [(d["idx"], d["domain"], d["words"]) for d in part], lines


def _candidates(joined: list[PairCounts], params: TraceParams) -> dict[tuple[Key, Key], int]:
    """Pairs sharing ``min_shared`` fingerprints or one rare one, with the fingerprints they share."""
    total: PairCounts = {}
    for pairs in joined:  # each hash lies in one bucket: counts add up, rarest holders take the minimum
        for pair, (count, rarest) in pairs.items():
            seen = total.setdefault(pair, [0, rarest])
            seen[0] += count
            seen[1] = min(seen[1], rarest)
    return {pair: count for pair, (count, rarest) in sorted(total.items())
            if count >= params.min_shared or rarest <= RARE_DF}


# Seconds on one core, fitted on BuzzFeed-Webis (1,225 texts, 3,182 pairs): completing a text, and aligning
# a pair (which grows with both texts and with the fingerprints they share). Only their ratios matter.
def _text_cost(words: int) -> float:
    return 3e-4 + 2.3e-6 * words


def _pair_cost(words_a: int, words_b: int, shared: int) -> float:
    return 1.4e-4 + 3.9e-7 * (words_a + words_b) + 3.5e-5 * shared


def _groups(shared: dict[tuple[Key, Key], int], where: dict[Key, int], partitions: int, workers: int,
            words: dict[Key, int]) -> list[list[tuple[Key, Key]]]:
    """Pairs dealt to the partition of one of their two articles, so that one text never moves.

    Partition ``g``'s group runs on worker ``g`` modulo ``workers``. A pair whose articles lie on one worker
    stays there; a pair across two goes, costliest first, to whichever worker has less work so far (each
    worker starts with its own texts to complete), so that no worker idles at the end while another
    aligns. The deal depends only on the pairs and the number of workers, never on timing.
    """
    workers = max(1, workers)
    load = [0.0] * workers
    for key in dict.fromkeys(key for pair in shared for key in pair):  # in order: the same sums every run
        load[where[key] % workers] += _text_cost(words[key])
    groups: list[list[tuple[Key, Key]]] = [[] for _ in range(partitions)]
    across = []
    for (ka, kb), n in shared.items():
        cost = _pair_cost(words[ka], words[kb], n)
        ga, gb = where[ka], where[kb]
        if ga % workers == gb % workers:
            groups[ga].append((ka, kb))
            load[ga % workers] += cost
        else:
            across.append((-cost, ka, kb))
    for cost, ka, kb in sorted(across):
        ga, gb = where[ka], where[kb]
        g = ga if load[ga % workers] <= load[gb % workers] else gb
        groups[g].append((ka, kb))
        load[g % workers] -= cost
    return groups


# --- step 3: each text completed once, where it lies; pairs aligned in their group -------------------

Piece = list[TextInfo] | bytes  # a group's texts from one partition; pickled when bound for another worker


def _complete(part: list[dict[str, Any]], partitions: int, context: dict[str, Any],
              params: TraceParams, workers: int) -> list[Piece]:
    """The partition's texts that are in a pair, tokenised and completed (quotations, furniture,
    postings) once, each sent to every group holding one of its pairs.

    A group on another worker (of ``workers``, placed as ``_Places`` places them) gets its texts
    pickled here, in the task: left to Dask, a worker's event loop pickles them while its task thread
    holds Python's lock, and the other worker waits for them with nothing to do.
    """
    out: list[list[TextInfo]] = [[] for _ in range(partitions)]
    needs, rowids = context["needs"], context["rowids"]
    ctx = _PairContext(context["store"], context["postings"], params, context["index"])
    for record in part:
        groups = needs.get(record["idx"])
        if not groups:
            continue
        article = Article(**record["article"])
        info = ctx.complete_from(TextInfo(article, rowids[record["idx"]], tokenize(article.text)),
                                 record["fps"].tolist())
        for g in groups:
            out[g].append(info)
    if workers < 2 or not part:
        return list(out)
    here = context["where"][part[0]["idx"]] % workers
    return [pickle.dumps(infos, protocol=5) if g % workers != here else infos for g, infos in enumerate(out)]


def _unpacked(piece: Piece) -> list[TextInfo]:
    return pickle.loads(piece) if isinstance(piece, bytes) else piece


Found = tuple[Relation, Article | None, Article | None]  # the articles only when the direction is weak


def _align(cell: tuple[int, int], context: dict[str, Any], params: TraceParams,
           *pieces: Piece) -> list[Found]:
    """A cell's pairs (one article in partition ``g``, the other in ``b``) as ``check`` sees each from its
    canonical first article."""
    pairs, shared = context["cells"].get(cell, []), context["shared"]
    infos = {info.article.id: info for piece in pieces for info in _unpacked(piece)}
    ctx = _PairContext(context["store"], context["postings"], params, context["index"])
    out = []
    for ka, kb in pairs:
        first, second = (infos[ka], infos[kb]) if canonical(infos[ka], infos[kb]) else (infos[kb], infos[ka])
        passages = ctx.pair(first, second)
        if not passages:
            continue
        a, b = first.article, second.article
        verdict = judge_pair(a, b, passages, params)  # the rule check applies, from provenance itself
        direction = verdict.direction
        relation = Relation(a.id, b.id, a.domain, b.domain, shared[(ka, kb)], verdict.is_copy, verdict.narrative,
                            verdict.quote, direction.label, direction.confidence, direction.score,
                            list(direction.evidence),
                            [{"a_start": p.a_start, "a_end": p.a_end, "b_start": p.b_start, "b_end": p.b_end,
                              "kind": p.kind, "similarity": p.similarity, "words": p.tokens} for p in passages])
        weak = relation.is_copy and abs(relation.score) < 2.0
        out.append((relation, a if weak else None, b if weak else None))
    return out


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


def _resolve(found: Found, copied: dict[Key, list[tuple[int, int]]]) -> Relation:
    """As ``check`` does: without dates or credits, the text more made of shared text is the copy."""
    from ..provenance.alignment import Passage

    relation, a, b = found
    if a is None or b is None:
        return relation
    passages = [Passage(p["a_start"], p["a_end"], p["b_start"], p["b_end"], p["similarity"], p["words"], p["kind"])
                for p in relation.passages]
    covers = (_cover(a.text, copied.get(a.id, []) + [(p.a_start, p.a_end) for p in passages]),
              _cover(b.text, copied.get(b.id, []) + [(p.b_start, p.b_end) for p in passages]))
    d = decide_direction(a, b, passages, 0, 0, covers=covers)
    relation.direction, relation.confidence, relation.score, relation.evidence = d.label, d.confidence, d.score, list(d.evidence)
    return relation


# --- the job ------------------------------------------------------------------------------------------

Sites = tuple[list[tuple[Key, str | None, int]], Counter[tuple[str, int]]]
Joined = tuple[list[tuple[int, list[Key]]], PairCounts]


def _context(partitions: int, workers: int, index: IndexParams, params: TraceParams, *parts: Any) -> dict[str, Any]:
    """What every worker needs, built by one task from the join: the candidate pairs and their cells, row
    ids, postings of the fingerprints two or more articles hold, the corpus store, and which groups need
    each text. All grow with the corpus's shared text and its paired articles, the row ids and domains
    with its size."""
    sites: list[Sites] = list(parts[:partitions])  # each partition's sites, then each bucket's join
    joined: list[Joined] = list(parts[partitions:])
    shared = _candidates([pairs for _, pairs in joined], params)
    domains = {key: domain for part, _ in sites for key, domain, _ in part}
    where = {key: p for p, (part, _) in enumerate(sites) for key, _, _ in part}  # each article's partition
    groups = _groups(shared, where, partitions, workers, {key: n for part, _ in sites for key, _, n in part})
    rowids = {key: n for n, key in enumerate(sorted(domains), start=1)}
    lines: Counter[tuple[str, int]] = Counter()
    for _, counts in sites:
        lines.update(counts)
    # keys sorted, so row ids too
    postings = {h: [rowids[k] for k in keys] for held, _ in joined for h, keys in held}
    needs: dict[Key, list[int]] = {}
    cells: dict[tuple[int, int], list[tuple[Key, Key]]] = {}
    for g, pairs in enumerate(groups):
        for key in {k for pair in pairs for k in pair}:
            needs.setdefault(key, []).append(g)
        for ka, kb in pairs:  # one article lies in partition g; the cell is the other's partition
            other = kb if where[ka] == g else ka
            cells.setdefault((g, where[other]), []).append((ka, kb))
    store = CorpusStore(dict(Counter(d for d in domains.values() if d)), dict(lines),
                        {rowids[k]: d for k, d in domains.items()})
    return {"rowids": rowids, "postings": postings, "store": store, "index": index, "needs": needs,
            "shared": shared, "cells": cells, "where": where}


def trace_corpus(articles: Any, params: TraceParams | None = None, partitions: int = 8, client: Any = None,
                 index: IndexParams = IndexParams(), unique: bool = False) -> list[Relation]:
    """Every relation in a Dask bag of article dicts (``Article.to_dict`` form), on the current scheduler.

    The work goes to the workers in two graphs: the articles are prepared; their fingerprints are
    joined, one task builds the context from the join, and each paired text is completed once and its
    pairs aligned, each cell's relations gathered as it ends. ``unique``: the bag holds each id once
    (the store does), so its partitions are kept as they are, not shuffled by id.
    """
    import dask
    from dask import delayed

    params = params_from(params)
    place = _Places(client)

    # a task's inputs are passed one by one, never in a list: Dask re-culls the whole graph for a list
    # of tasks given as one argument, and building the job's graph took a second that way
    def each(func: Any, inputs: list[list[Any]], *args: Any) -> list[Any]:
        out = []
        for b, pieces in enumerate(inputs):
            with place(b):
                out.append(delayed(func)(*args, *pieces))
        return out

    if unique:
        parts = articles.to_delayed()
        partitions = len(parts)
        prepared = each(_prepare, [[part] for part in parts], index)
    else:
        # one article per id (a corpus may hold one twice); the smallest text wins, whatever the order. A
        # shuffle by id, not a fold: a fold passes the whole corpus through one task, which no worker shares
        prepared = each(_prepare_bucket, _shuffle(articles.to_delayed(), _split_by_id, partitions, place=place,
                                                  whole=True), index)
    # started now (on a cluster ``persist`` does not wait), and the rest of the graph is built on its keys:
    # built on the input's own graph, each later task re-culled that whole graph and building took a second
    prepared = list(dask.persist(*prepared))
    joined = each(_join_split, _shuffle(prepared, _split_hashes, partitions, place=place, whole=True),
                  params.max_postings)
    # built on a worker, not here: the job needs no round trip to this machine between its steps
    with place(0):
        context = delayed(_context)(partitions, len(place.workers), index, params,
                                    *each(_sites, [[part] for part in prepared]), *joined)
    completed = _shuffle(prepared, _complete, partitions, context, params, len(place.workers), place=place)
    # a group's pairs are aligned in cells by the partition of their other article: a cell starts when its
    # two pieces are ready, so texts move from worker to worker while other cells are aligned
    aligned = []
    for g, pieces in enumerate(completed):
        for b in range(partitions):
            with place(g):
                aligned.append(delayed(_align)((g, b), context, params, pieces[g], *([pieces[b]] if b != g else [])))
    found = [item for cell in _gathered(aligned, client) for item in cell]
    copied = _copied_spans([relation for relation, _, _ in found], params.min_shared)
    return sorted((_resolve(item, copied) for item in found), key=lambda r: (r.a, r.b))


def _gathered(tasks: list[Any], client: Any) -> list[Any]:
    """The tasks' results, each fetched as soon as its task ends (in any order): fetched all at once at the
    end, the last results' transfer was time no worker computed in."""
    if client is None:
        import dask

        return list(dask.compute(tasks)[0])
    from distributed import as_completed

    return [result for _, result in as_completed(client.compute(tasks), with_results=True)]
