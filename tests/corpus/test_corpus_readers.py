"""Corpus inputs: folders, named columns, Parquet and WARC, each keeping good records past bad ones."""

from __future__ import annotations

import io
import json

import pytest

from newsift.errors import InputError
from newsift.model import Article
from newsift.readers import Columns, ReadProblem, read_inputs, read_path

BODY = ("The council voted on Tuesday to close the bridge for repairs. The mayor said the work would take "
        "three months and cost the town about two million dollars, paid from the road fund.")


def _split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, ReadProblem)]


def test_folder_is_read_recursively_and_filtered_by_suffix(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("Bridge closes\n" + BODY)
    (tmp_path / "a" / "b" / "two.json").write_text(json.dumps({"text": BODY + " Again.", "id": "two"}))
    (tmp_path / "a" / "b" / "skip.bin").write_bytes(b"\x00\x01")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "three.txt").write_text(BODY)
    articles, problems = _split(read_inputs([str(tmp_path)]))
    assert [a.source_path.rsplit("/", 1)[-1] for a in articles] == ["one.txt", "two.json"]
    assert not problems
    only_json, _ = _split(read_inputs([str(tmp_path)], suffixes=(".json",)))
    assert [a.id for a in only_json] == ["two"]


def test_empty_folder_is_one_coded_problem(tmp_path):
    (tmp_path / "x.bin").write_bytes(b"zz")
    _, problems = _split(read_inputs([str(tmp_path)]))
    assert len(problems) == 1 and problems[0].message.startswith("[E405]") and problems[0].exit_code == 2


def test_csv_with_named_columns_keeps_good_rows(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(f'doc,content,link\n7,"{BODY}",http://news.example/a\n8,,http://news.example/b\n'
                    f'9,"{BODY} More.",http://news.example/c\n')
    columns = Columns.from_options(text="content", id="doc", url="link")
    articles, problems = _split(read_inputs([str(path)], columns=columns))
    assert [(a.id, a.domain) for a in articles] == [("7", "news.example"), ("9", "news.example")]
    assert len(problems) == 1 and problems[0].message.startswith("[E014]") and ":3:" not in problems[0].message
    assert "line 3" in problems[0].message


def test_named_column_missing_is_e401(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(f'content\n"{BODY}"\n')
    with pytest.raises(InputError, match=r"\[E401\].*'body' column for --text-column"):
        list(read_path(str(path), columns=Columns.from_options(text="body")))
    with pytest.raises(InputError, match=r"\[E401\].*--id-column"):
        list(read_path(str(path), columns=Columns.from_options(text="content", id="doc")))


def test_parquet_rows_become_articles_and_bad_rows_problems(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from datetime import date

    table = pa.table({"content": [BODY, "  ", BODY + " Later."], "id": [1, 2, 3],
                      "when": [date(2016, 9, 20), None, date(2016, 9, 21)]})
    path = tmp_path / "t.parquet"
    pq.write_table(table, path)
    columns = Columns.from_options(text="content", published="when")
    articles, problems = _split(read_inputs([str(path)], columns=columns))
    assert [(a.id, a.published) for a in articles] == [("1", "2016-09-20"), ("3", "2016-09-21")]
    assert len(problems) == 1 and problems[0].message.startswith("[E404]") and "record 2" in problems[0].message


def test_damaged_parquet_is_one_coded_line(tmp_path):
    path = tmp_path / "bad.parquet"
    path.write_bytes(b"PAR1 not really")
    _, problems = _split(read_inputs([str(path)]))
    assert len(problems) == 1 and problems[0].message.startswith("[E402]") and "\n" not in problems[0].message


def _warc(path, pages):
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=str(path).endswith(".gz"))
        for url, ctype, body, when in pages:
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                               warc_headers_dict={"WARC-Date": when})
            writer.write_record(record)
    assert warcio


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_pages_carry_record_url_and_fetch_date(tmp_path, name):
    page = (f"<html><head><title>Bridge vote</title></head><body><article><p>{BODY}</p>"
            f"<p>{BODY}</p></article></body></html>").encode()
    path = tmp_path / name
    _warc(path, [("http://news.example/bridge", "text/html; charset=utf-8", page, "2016-09-20T10:00:00Z"),
                 ("http://news.example/logo.png", "image/png", b"\x89PNG", "2016-09-20T10:00:01Z"),
                 ("http://news.example/menu", "text/html", b"<html><body><p>Home</p></body></html>",
                  "2016-09-20T10:00:02Z")])
    articles, problems = _split(read_inputs([str(path)]))
    assert len(articles) == 1
    article = articles[0]
    assert article.url == "http://news.example/bridge" and article.domain == "news.example"
    assert "council voted" in article.text and article.title == "Bridge vote"
    assert any("fetched 2016-09-20T10:00:00Z" in note for note in article.notes)
    assert article.published is None  # a fetch date is not a publication date
    assert len(problems) == 1 and problems[0].message.startswith("[E404]") and "/menu" in problems[0].message


def test_not_a_warc_is_one_coded_line(tmp_path):
    path = tmp_path / "x.warc"
    path.write_bytes(b"this is not an archive at all\n" * 5)
    _, problems = _split(read_inputs([str(path)]))
    assert len(problems) == 1 and problems[0].message.startswith("[E402]")
