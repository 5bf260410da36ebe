"""The hash join of ``corpus trace``: array buckets give what a plain grouping of the fingerprints gives."""

import random

import dask
import dask.bag as db

from newsift.corpus.trace import _held, _one


def _naive(prepared):
    holders = {}
    for d in prepared:
        for h in d["fps"]:
            holders.setdefault(h, set()).add(d["idx"])
    return {h: sorted(ids) for h, ids in holders.items() if len(ids) >= 2}


def test_held_hashes_match_a_plain_grouping():
    rng = random.Random(7)
    prepared = [{"idx": f"a{i:03d}", "fps": sorted(set(rng.randrange(0, 400) for _ in range(rng.randrange(0, 30))))}
                for i in range(60)]
    with dask.config.set(scheduler="sync"):
        for partitions in (1, 3, 8):
            held = dict(_held(db.from_sequence(prepared, npartitions=5), partitions).compute())
            assert held == _naive(prepared)
            assert all(type(h) is int for h in held)


def test_one_version_per_id_whatever_the_order():
    a = {"id": "x", "text": "b text"}
    b = {"id": "x", "text": "a text"}
    assert _one(("x", [a, b])) is b and _one(("x", [b, a])) is b and _one(("x", [a])) is a
