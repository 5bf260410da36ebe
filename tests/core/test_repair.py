import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from newsift.readers import read_path, repair_text
from shared_data import DATA

BUZZFEED = DATA / "articles" / "buzzfeed-webis-2016" / "articles"


def test_mojibake_and_entities_are_repaired_and_counted():
    text, places = repair_text("He said â€œwe will winâ€\x9d &amp; itâ€™s over.")
    assert text == "He said “we will win” & it’s over."
    assert places == 4


def test_clean_text_is_left_exactly_as_it_is():
    original = "“Curly” quotes, ﬁ ligatures, ＦＵＬＬ width and\r\nline breaks stay."
    assert repair_text(original) == (original, 0)


def test_a_reader_says_the_text_was_repaired(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("Title here\n\nThe mayor said â€œnoâ€\x9d to the plan.\n", encoding="utf-8")
    (article,) = list(read_path(str(path)))
    assert "“no”" in article.text and "â€" not in article.text
    assert any("repaired" in note and "2 places" in note for note in article.notes)


@pytest.mark.integration
def test_real_mojibake_in_the_corpus_is_repaired():
    if not BUZZFEED.exists():
        pytest.skip(f"shared data not available: {BUZZFEED}")
    from newsift.datasets.buzzfeed_webis import read_article

    def damaged(text: str) -> bool:  # UTF-8 quotes and apostrophes read as Latin-1/Windows-1252
        return "â\x80" in text or "â€" in text

    raw = [p for p in sorted(BUZZFEED.glob("*.xml")) if damaged(ET.parse(p).getroot().findtext("mainText") or "")]
    assert len(raw) >= 20, "the corpus has articles with mojibake"
    for path in raw:
        article = read_article(path)
        assert article is not None and not damaged(article.text), path.name
        assert any("repaired" in note for note in article.notes)
