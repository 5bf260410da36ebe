from pathlib import Path

from shared_data import DATA, need

from newsift.bench.cleaning import run_cleaning_bench


def test_cleaning_bench_on_public_news():
    polnear = need(DATA / "attribution" / "polnear")
    wikiref = need(DATA / "coverage" / "wikiref220")
    result = run_cleaning_bench(Path(polnear), Path(wikiref))
    for split in ("train", "dev"):
        row = result["furniture_on_news"][split]
        assert row["quoted_content_chars_labelled_furniture"] <= 0.001  # news quotes are never furniture
        assert row["lines_labelled_furniture"] < 0.005
    titles = result["repeated_title"]
    assert titles["articles"] > 200 and titles["false_repeated_title_rate"] < 0.02
    assert min(titles["recall"].values()) > 0.9
