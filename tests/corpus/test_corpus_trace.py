"""`corpus trace` finds the relations article-by-article `check` finds; `corpus network` draws them."""

from __future__ import annotations

import json
from itertools import islice

import pytest

from newsift import Options
from newsift.analysis import Analyzer
from newsift.batch import dask_client
from newsift.cli import main
from newsift.corpus.inputs import store_bag
from newsift.corpus.network import build_network, uncredited
from newsift.corpus.parity import compare, from_relations, from_reports
from newsift.corpus.trace import trace_corpus
from newsift.indexing import index_articles
from newsift.provenance.direction import OTHER_COPIED, THIS_COPIED
from newsift.readers import read_inputs
from newsift.store import Store
from shared_data import DATA, EXAMPLES, need


def _store_and_reports(tmp_path, articles):
    db = str(tmp_path / "store.db")
    with Store(db) as store:
        list(index_articles(store, articles))
        stored = {a.id for _, a in store.iter_articles()}
    analyzer = Analyzer(Options(db=db, stages=["provenance"]))
    try:
        reports = [r.to_dict() for r in analyzer.analyze_many(a for a in articles if a.id in stored)]
    finally:
        analyzer.close()
    return db, reports


def _trace(db, unique=True):
    """As the command traces the store: its partitions as they are (each id is stored once)."""
    with dask_client(2, "threads") as client:
        return [r.as_row() for r in trace_corpus(store_bag(db, 4), partitions=4, client=client, unique=unique)]


def test_trace_matches_check_on_the_examples(tmp_path):
    articles = [a for a in read_inputs([str(EXAMPLES)]) if hasattr(a, "text")]
    db, reports = _store_and_reports(tmp_path, articles)
    rows = _trace(db)
    assert _trace(db, unique=False) == rows  # shuffled by id first, as files are: the same relations
    result = compare(from_reports(reports), from_relations(rows))
    assert result["check_pairs"] > 0
    assert result["same"] == result["check_pairs"] == result["trace_pairs"], result
    copies = [r for r in rows if r["is_copy"]]
    assert copies and all(r["direction"] in (THIS_COPIED, OTHER_COPIED) for r in copies)


@pytest.mark.integration
def test_trace_matches_check_on_buzzfeed_webis(tmp_path):
    from newsift.datasets.buzzfeed_webis import buzzfeed_articles

    articles = list(islice(buzzfeed_articles(need(DATA / "articles" / "buzzfeed-webis-2016")), 120))
    db, reports = _store_and_reports(tmp_path, articles)
    result = compare(from_reports(reports), from_relations(_trace(db)))
    assert result["check_pairs"] >= 20  # the sample shares quotations and copies
    assert not result["check_only"] and not result["trace_only"] and not result["differ"], result


def _row(a, b, ad, bd, direction, words=50, credit=None):
    return {"a": a, "b": b, "a_domain": ad, "b_domain": bd, "is_copy": True, "narrative_words": words,
            "quote_words": 0, "direction": direction, "evidence": [credit] if credit else ["published later"]}


def test_network_edges_go_from_source_to_copier_and_uncredited_copies_are_listed():
    rows = [_row("1", "2", "copier.example", "source.example", THIS_COPIED),
            _row("3", "4", "source.example", "copier.example", OTHER_COPIED, words=30),
            _row("5", "6", "credit.example", "source.example", THIS_COPIED,
                 credit="this article credits the other: 'via source'"),
            _row("9", "10", "source.example", "credit2.example", OTHER_COPIED,
                 credit="the other article credits this one: 'source - After'"),
            # the source crediting its copier is no credit for the copy
            _row("11", "12", "late.example", "source.example", THIS_COPIED,
                 credit="the other article credits this one: 'late'"),
            _row("7", "8", "copier.example", "copier.example", THIS_COPIED)]
    net = build_network(rows, rate=lambda d: {"source.example": 0.9}.get(d))
    edge = net.edges[("source.example", "copier.example")]
    assert edge["relations"] == 2 and edge["narrative_words"] == 80
    assert net.nodes["copier.example"]["internal_reuse"] == 1
    assert net.nodes["source.example"]["score"] == 0.9 and net.nodes["copier.example"]["rated"] is False
    table = uncredited(rows)
    assert [r["outlet"] for r in table] == ["copier.example", "late.example"]  # credit*.example credit theirs
    assert table[0]["uncredited_words"] == 80 and table[0]["sources"] == "source.example"


def test_trace_and_network_commands_write_their_files(tmp_path, capsys):
    pytest.importorskip("matplotlib")
    db = str(tmp_path / "s.db")
    with pytest.raises(SystemExit) as done:
        main(["--db", db, "index", str(EXAMPLES)])
    assert done.value.code == 0
    out = tmp_path / "rel.parquet"
    with pytest.raises(SystemExit) as done:
        main(["--db", db, "corpus", "trace", "-o", str(out), "--workers", "1", "--partitions", "2"])
    assert done.value.code == 0 and out.exists()
    with pytest.raises(SystemExit) as done:
        main(["--db", db, "corpus", "network", str(out), "-o", str(tmp_path / "net"), "--picture", "n.svg"])
    assert done.value.code == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary["outlets"] >= 2 and summary["edges"] >= 1
    for name in ("network.graphml", "edges.csv", "outlets.csv", "uncredited.csv", "n.svg"):
        assert (tmp_path / "net" / name).exists()


def test_network_on_a_file_that_is_not_relations_is_one_coded_line(tmp_path, capsys):
    bad = tmp_path / "x.parquet"
    bad.write_bytes(b"nope")
    with pytest.raises(SystemExit) as done:
        main(["corpus", "network", str(bad), "-o", str(tmp_path / "n")])
    assert done.value.code == 2
    assert capsys.readouterr().err.startswith("newsift: [E402]")


def test_partitioned_inputs_give_the_same_articles(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from newsift.corpus.inputs import corpus_bag
    from newsift.errors import InputError

    articles = [a for a in read_inputs([str(EXAMPLES)]) if hasattr(a, "text")]
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("".join(json.dumps(a.to_dict()) + "\n" for a in articles) + "{bad\n")
    table = pa.Table.from_pylist([{"body": a.text, "id": a.id, "url": a.url} for a in articles])
    parquet = tmp_path / "a.parquet"
    pq.write_table(table, parquet, row_group_size=2)
    from newsift.readers import Columns

    want = sorted(a.id for a in articles)
    assert sorted(r["id"] for r in corpus_bag([str(jsonl)], "", 2).compute(scheduler="sync")) == want
    got = corpus_bag([str(parquet)], "", 2, Columns.from_options(text="body")).compute(scheduler="sync")
    assert sorted(r["id"] for r in got) == want and all(r["domain"] for r in got)
    with pytest.raises(InputError, match=r"\[E409\]"):
        corpus_bag([str(tmp_path / "x.csv")], "", 2)
