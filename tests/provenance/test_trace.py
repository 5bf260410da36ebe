"""Tracing an article through a store: sources, quote-only overlap, self-exclusion, chains."""

from pathlib import Path

from newsift.indexing import index_articles
from newsift.model import Article
from newsift.provenance import THIS_COPIED, index_size, trace_article
from newsift.store import Store

NARRATIVE = [
    "The county water board voted on Tuesday to raise rates by nine percent starting in July.",
    "Board members said the increase would pay for replacing lead service lines in older neighbourhoods.",
    "The utility has replaced about four hundred lines since the program began three years ago.",
    "Residents who spoke at the hearing complained that the notice of the vote came too late.",
    "A second vote on a separate sewer fee was postponed until the board's meeting next month.",
]
QUOTE = '"We cannot keep patching pipes that were laid before the Second World War," said board chair Ana Ruiz.'
OTHER_NEWS = [
    "A different outlet covered the same meeting with its own reporting and its own sentences entirely.",
    "Its reporter counted the people in the room and described the mood as tense but civil throughout.",
    "It also interviewed a plumber who explained how lead lines are found and dug up from the street.",
]


def _store(tmp_path: Path, articles: list[Article]) -> Store:
    store = Store(tmp_path / "store.db")
    list(index_articles(store, articles))
    return store


def test_copy_source_found_with_aligned_passages_and_direction(tmp_path: Path) -> None:
    original = Article("\n\n".join(NARRATIVE + [QUOTE]), id="orig", domain="first.example", published="2026-01-05")
    copy = Article("\n\n".join(["Our summary of the news today.", *NARRATIVE[:3], QUOTE]), id="copy",
                   domain="second.example", published="2026-01-06")
    store = _store(tmp_path, [original, copy])
    result = trace_article(store, copy)
    assert result.store_articles == 1  # the copy itself is stored and excluded
    [source] = result.sources
    assert source.article.id == "orig" and source.direction.label == THIS_COPIED
    kinds = {p.kind for p in source.passages}
    assert kinds == {"narrative", "quote"}
    for p in source.passages:
        assert copy.text[p.a_start:p.a_end].split()[:3] == original.text[p.b_start:p.b_end].split()[:3]


def test_outlet_sharing_only_a_quote_is_not_a_copy_source(tmp_path: Path) -> None:
    quoter = Article("\n\n".join(OTHER_NEWS[:2] + [QUOTE] + OTHER_NEWS[2:]), id="quoter", domain="third.example")
    article = Article("\n\n".join(NARRATIVE + [QUOTE]), id="orig", domain="first.example")
    store = _store(tmp_path, [quoter])
    result = trace_article(store, article)
    assert result.sources == []
    [overlap] = result.quote_only
    assert overlap.article.id == "quoter" and {p.kind for p in overlap.passages} == {"quote"}


def test_empty_store_and_store_without_index(tmp_path: Path) -> None:
    store = Store(tmp_path / "empty.db")
    result = trace_article(store, Article("Some text that nobody has stored anywhere at all today."))
    assert result.store_articles == 0 and result.matches == []
    assert index_size(store)["articles"] == 0


def test_copy_chain_through_the_store(tmp_path: Path) -> None:
    c = Article("\n\n".join(NARRATIVE), id="c", published="2026-01-01")
    b = Article("\n\n".join(OTHER_NEWS[:1] + NARRATIVE[:4]), id="b", published="2026-01-02")
    a = Article("\n\n".join(OTHER_NEWS[1:2] + NARRATIVE[:3]), id="a", published="2026-01-03")
    store = _store(tmp_path, [c, b, a])
    result = trace_article(store, a)
    assert ["c", "b", "a"] in result.chains
    by_id = {m.article.id: m for m in result.sources}
    assert by_id["b"].via is None and by_id["c"].via == "b"


def test_index_stays_small(tmp_path: Path) -> None:
    store = _store(tmp_path, [Article("\n\n".join(NARRATIVE * 3), id="x")])
    size = index_size(store)
    assert size["articles"] == 1 and 0 < size["fingerprints"] < 40
