"""The real-corpus bench: labels, scores, consistency; the project's examples read the same from both sides;
BuzzFeed-Webis reading and store-learnt furniture (skipped without the shared data)."""

from pathlib import Path

from newsift.bench.realcopies import LABELS, Label, Relation, Side, collect, read_labels, score
from newsift.cleaning import lines_of, site_recurring_spans
from newsift.indexing import index_articles
from newsift.provenance.direction import OTHER_COPIED, THIS_COPIED, UNKNOWN
from newsift.provenance.trace import TraceParams
from newsift.model import Article
from newsift.readers import read_path
from newsift.store import Store
from shared_data import DATA, EXAMPLES, need


def _side(copy: bool, direction: str, passages: list[tuple[int, int, int, int, str]]) -> Side:
    return Side(copy, 30 if copy else 0, 10, direction, 0.5, passages, [])


def test_consistency_needs_both_sides_the_same_passages_and_one_direction() -> None:
    rel = Relation("a", "b", sides={"a": _side(True, THIS_COPIED, [(0, 10, 5, 15, "narrative")]),
                                    "b": _side(True, OTHER_COPIED, [(5, 15, 0, 10, "narrative")])})
    assert rel.consistent()
    rel.sides["b"] = _side(True, THIS_COPIED, [(5, 15, 0, 10, "narrative")])
    assert not rel.consistent()  # both say "this copied from other"
    rel.sides["b"] = _side(False, UNKNOWN, [(5, 15, 0, 10, "quote")])
    assert not rel.consistent()


def test_score_counts_precision_recall_and_quote_only_reported() -> None:
    copy = _side(True, UNKNOWN, [])
    relations = {("a", "b"): Relation("a", "b", sides={"a": copy}),
                 ("c", "d"): Relation("c", "d", sides={"c": copy}),
                 ("e", "f"): Relation("e", "f", sides={"e": _side(False, UNKNOWN, [])})}
    labels = {("a", "b"): Label("a", "b", "both", "copy"), ("c", "d"): Label("c", "d", "sample", "quote"),
              ("e", "f"): Label("e", "f", "scan", "copy")}
    result = score(relations, labels, [relations[("a", "b")], relations[("c", "d")]])
    assert result["precision"] == 0.5 and result["recall_scan_copies"] == 0.5
    assert result["not_copy_reported"]["quote"] == 1 and result["missed"] == ["e f (scan)"]


def test_labels_file_holds_ids_and_verdicts_only() -> None:
    labels = read_labels(LABELS)
    assert labels, "the labelled sample is part of the project"
    assert {lab.set for lab in labels.values()} <= {"sample", "scan", "both"}
    assert {lab.verdict for lab in labels.values()} <= {"copy", "quote", "tweet", "furniture", "unrelated"}
    assert all(lab.first.startswith("buzzfeed-webis:") for lab in labels.values())


def test_examples_read_the_same_from_both_sides(tmp_path: Path) -> None:
    paths = sorted(need(EXAMPLES).glob("*.json"))
    with Store(tmp_path / "ex.db") as store:
        list(index_articles(store, [a for p in paths for a in read_path(str(p)) if isinstance(a, Article)]))
        relations, _, traced = collect(store, TraceParams())
    assert traced == len(paths) and relations
    assert all(rel.consistent() for rel in relations.values())
    copies = [rel for rel in relations.values() if rel.is_copy]
    assert copies and all(any(s.direction != UNKNOWN for s in rel.sides.values()) for rel in copies)
    quote_only = [rel for rel in relations.values() if not rel.is_copy]
    assert all(s.direction == UNKNOWN for rel in quote_only for s in rel.sides.values())


def test_buzzfeed_reader_and_politico_furniture_learnt_from_the_store(tmp_path: Path) -> None:
    from newsift.datasets.buzzfeed_webis import read_article

    folder = need(DATA / "articles" / "buzzfeed-webis-2016")
    rows = [line.split(",") for line in (folder / "overview.csv").read_text(encoding="utf-8").splitlines()[1:]]
    paths = [folder / "articles" / row[0] for row in rows if row[1] == "politico"][:45]
    politico = [a for a in map(read_article, paths) if a is not None and a.domain == "politico.com"][:30]
    assert len(politico) == 30 and all("\n" in a.text for a in politico)
    with Store(tmp_path / "bf.db") as store:
        list(index_articles(store, politico))
        article = next(a for a in politico if "Story Continued Below" in a.text)
        spans = site_recurring_spans(article, list(lines_of(article.text)), store, 3, 0.3)
    assert any(article.text[s.start:s.end] == "Story Continued Below" for s in spans)
