import json

import pytest

from newsift.errors import InputError
from newsift.model import Article
from newsift.readers import ReadProblem, read_inputs, read_path


def _one(path, **kw):
    items = list(read_path(str(path), **kw))
    assert len(items) == 1
    return items[0]


def test_txt_keeps_text_exactly_and_takes_first_line_as_title(tmp_path):
    raw = "A Title Line\r\n\r\nBody text.\r\nMore.\n"
    path = tmp_path / "a.txt"
    path.write_bytes(raw.encode("utf-8"))
    article = _one(path)
    assert article.text == raw  # no newline translation
    assert article.title == "A Title Line"


def test_txt_first_line_that_is_a_sentence_is_not_a_title(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The mayor spoke on Monday.\n\nShe said more.\n")
    assert _one(path).title is None


def test_json_article_object_with_metadata(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": "Body.", "url": "https://www.news.example.co.uk/a", "id": 7,
                                "title": "T", "published": "2017-06-15"}))
    article = _one(path)
    assert (article.id, article.domain, article.published) == ("7", "example.co.uk", "2017-06-15")


@pytest.mark.parametrize(
    "content, code",
    [
        (b"", "E002"),
        (b"  \n\t\n", "E003"),
        (b"\x00\x01\x02binary\x00data" * 10, "E004"),
    ],
)
def test_unreadable_txt(tmp_path, content, code):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=code):
        list(read_path(str(path)))


def test_file_over_the_size_limit_is_refused_without_reading(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # 50 MB, sparse
    with pytest.raises(InputError, match="E005.*52.4 MB"):
        list(read_path(str(path), max_bytes=20_000_000))


def test_invalid_utf8_is_decoded_with_a_note(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Café au lait in the café, said the mayor.".encode("latin-1"))
    article = _one(path)
    assert "Café" in article.text
    assert any("E024" in note for note in article.notes)


def test_html_without_article_is_refused(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>Home | About</nav></body></html>")
    with pytest.raises(InputError, match="E006"):
        list(read_path(str(path)))


def test_malformed_html_still_yields_main_text(tmp_path):
    body = " ".join(["The council voted on Tuesday to close the old bridge after engineers found corrosion."] * 6)
    path = tmp_path / "broken.html"
    path.write_text(f"<html><head><title>Bridge vote</title><body><div><p>{body}<p>Second <b>paragraph with more"
                    " words about the vote and its cost to the town.</div></span></html")
    article = _one(path)
    assert "council voted" in article.text
    assert article.title == "Bridge vote"


def test_json_without_text_and_non_object(tmp_path):
    (tmp_path / "a.json").write_text('{"title": "x"}')
    (tmp_path / "b.json").write_text("[1, 2]")
    (tmp_path / "c.json").write_text("{not json")
    for name, code in (("a.json", "E007"), ("b.json", "E010"), ("c.json", "E009")):
        with pytest.raises(InputError, match=code):
            list(read_path(str(tmp_path / name)))


def test_jsonl_broken_line_reported_by_number_and_good_lines_kept(tmp_path):
    path = tmp_path / "many.jsonl"
    path.write_text('{"text": "One."}\n{"text": broken\n\n{"title": "no text"}\n{"text": "Four."}\n')
    items = list(read_path(str(path)))
    problems = [i.message for i in items if isinstance(i, ReadProblem)]
    texts = [i.text for i in items if isinstance(i, Article)]
    assert texts == ["One.", "Four."]
    assert "line 2" in problems[0] and "E008" in problems[0]
    assert "line 4" in problems[1]


def test_csv_needs_a_text_column(tmp_path):
    good = tmp_path / "good.csv"
    good.write_text('id,text,url\n1,"First, with comma.",https://a.example.org/x\n2,Second.,\n')
    items = list(read_path(str(good)))
    assert [a.text for a in items] == ["First, with comma.", "Second."]
    bad = tmp_path / "bad.csv"
    bad.write_text("id,body\n1,x\n")
    with pytest.raises(InputError, match="E011"):
        list(read_path(str(bad)))


def test_read_inputs_turns_errors_into_problems_and_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Body text here.")
    items = list(read_inputs([str(tmp_path / "missing.txt"), str(good), str(tmp_path / "x.pdf")]))
    assert isinstance(items[0], ReadProblem) and "E001" in items[0].message
    assert isinstance(items[1], Article)
    assert isinstance(items[2], ReadProblem)


def test_stdin(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"text": "From stdin."}')))
    assert _one("-").text == "From stdin."
