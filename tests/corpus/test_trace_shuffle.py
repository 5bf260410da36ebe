"""The shuffles of ``corpus trace``: array buckets and partition pieces give what a plain grouping gives."""

import random
from itertools import combinations

import dask
import numpy as np
from dask import delayed

from newsift.corpus.trace import (_bucket_of, _candidates, _groups, _join_bucket, _join_split, _one, _pair_cost,
                                  _prepare, _prepare_bucket, _shuffle, _split_by_id, _split_hashes, _text_cost)
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
        for partitions, whole in ((1, False), (3, False), (8, False), (3, True), (8, True)):
            # piece by piece (a task per piece), or each split whole with the bucket taking its pieces
            pieces = _shuffle(_parts(prepared, 5), _split_hashes, partitions, whole=whole)
            join = _join_split if whole else _join_bucket
            joined = dask.compute([delayed(join)(params.max_postings, *p) for p in pieces])[0]
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
            for order, whole in ((articles, False), (articles[::-1], False), (articles[::-1], True)):
                pieces = _shuffle(_parts(order, 2), _split_by_id, partitions, whole=whole)
                prepare = _prepare_bucket if whole else _prepare
                prepared = dask.compute([delayed(prepare)(IndexParams(), *p) for p in pieces])[0]
                kept = {r["idx"]: r["article"]["text"] for part in prepared for r in part}
                assert kept == {"x": "a text", "y": "some other words here"}


def test_pairs_across_workers_go_where_there_is_less_work_each_once_and_one_text_stays_put():
    rng = random.Random(3)
    keys = [f"k{i:03d}" for i in range(80)]
    words = {k: rng.randrange(50, 3000) for k in keys}
    shared = {pair: rng.randrange(2, 40) for pair in sorted(combinations(keys, 2)) if rng.random() < 0.05}
    partitions, workers = 6, 2
    where = {k: _bucket_of(k, partitions) for k in keys}
    groups = _groups(shared, where, partitions, workers, words)
    dealt = [pair for group in groups for pair in group]
    assert sorted(dealt) == sorted(shared)  # every pair once
    for g, group in enumerate(groups):  # in the group of one of its own articles' partitions
        assert all(g in (_bucket_of(a, partitions), _bucket_of(b, partitions)) for a, b in group)
    cost = {(a, b): _pair_cost(words[a], words[b], n) for (a, b), n in shared.items()}
    text = {k: _text_cost(words[k]) for pair in shared for k in pair}
    load = [0.0] * workers
    for k, c in text.items():
        load[_bucket_of(k, partitions) % workers] += c
    for g, group in enumerate(groups):
        load[g % workers] += sum(cost[pair] for pair in group)
    # the deal evens the work out to within the dearest pair across workers; on this draw, dealing each
    # pair to its first article's partition (the old deal) left the workers further apart
    across = max(c for (a, b), c in cost.items() if _bucket_of(a, partitions) % 2 != _bucket_of(b, partitions) % 2)
    assert abs(load[0] - load[1]) <= across
    first = [0.0] * workers
    for k, c in text.items():
        first[_bucket_of(k, partitions) % workers] += c
    for (a, b), c in cost.items():
        first[_bucket_of(a, partitions) % workers] += c
    assert abs(first[0] - first[1]) > abs(load[0] - load[1])
    assert _groups(shared, where, partitions, 1, words) == _groups(shared, where, partitions, 0, words)  # one worker: no choice


def test_pieces_are_cut_first_on_their_worker():
    # a piece waits for its split's worker to run the task that cuts it, while a worker elsewhere may wait for
    # the piece: the cutting tasks go ahead of the work queued there, and only they do
    parts = [delayed(list)([{"id": "a"}]), delayed(list)([{"id": "b"}])]
    piece = _shuffle(parts, _split_by_id, 2)[0][0]
    annotations = {name.split("-")[0]: layer.annotations for name, layer in piece.__dask_graph__().layers.items()}
    assert annotations == {"list": None, "_split_by_id": None, "getitem": {"priority": 1}}
