"""The shuffles of ``corpus trace``: array buckets and partition pieces give what a plain grouping gives."""

import random
from itertools import combinations

import dask
import numpy as np
from dask import delayed

from newsift.corpus.trace import (_candidates, _join_bucket, _one, _prepare, _shuffle, _split_by_id, _split_hashes)
from newsift.provenance.index import IndexParams
from newsift.provenance.trace import TraceParams


def _naive(prepared):
    holders = {}
    for d in prepared:
        for h in d["fps"]:
            holders.setdefault(h, set()).add(d["idx"])
    return {h: sorted(ids) for h, ids in holders.items() if len(ids) >= 2}


def _parts(items, n):
    return [delayed(items[i::n]) for i in range(n)]


def test_held_hashes_and_pair_counts_match_a_plain_grouping():
    rng = random.Random(7)
    prepared = [{"idx": f"a{i:03d}", "fps": np.array(sorted(set(rng.randrange(0, 400)
                                                                 for _ in range(rng.randrange(0, 30)))), np.int64)}
                for i in range(60)]
    want = _naive(prepared)
    params = TraceParams(min_shared=3, max_postings=4)
    counts = {}
    for keys in want.values():
        if len(keys) <= params.max_postings:
            for pair in combinations(keys, 2):
                counts.setdefault(pair, []).append(len(keys))
    want_pairs = {p: len(dfs) for p, dfs in counts.items() if len(dfs) >= 3 or min(dfs) <= 4}
    with dask.config.set(scheduler="sync"):
        for partitions in (1, 3, 8):
            pieces = _shuffle(_parts(prepared, 5), _split_hashes, partitions)
            joined = dask.compute([delayed(_join_bucket)(params.max_postings, *p) for p in pieces])[0]
            held = dict(h for bucket, _ in joined for h in bucket)
            assert held == want
            assert all(type(h) is int for h in held)
            assert _candidates([pairs for _, pairs in joined], params) == dict(sorted(want_pairs.items()))


def test_one_version_per_id_whatever_the_order_and_the_partitions():
    a = {"id": "x", "text": "b text"}
    b = {"id": "x", "text": "a text"}
    assert _one(("x", [a, b])) is b and _one(("x", [b, a])) is b and _one(("x", [a])) is a
    articles = [dict(a), {"id": "y", "text": "some other words here"}, dict(b)]
    with dask.config.set(scheduler="sync"):
        for partitions in (1, 2, 5):
            for order in (articles, articles[::-1]):
                pieces = _shuffle(_parts(order, 2), _split_by_id, partitions)
                prepared = dask.compute([delayed(_prepare)(IndexParams(), *p) for p in pieces])[0]
                kept = {r["idx"]: r["article"]["text"] for part in prepared for r in part}
                assert kept == {"x": "a text", "y": "some other words here"}
