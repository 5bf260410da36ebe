"""`bench names`: the names coverage lists as people, scored against names read by hand."""

from collections import Counter

import pytest

from newsift.bench.names import LABELS, listed_people, read_name_labels, score_people
from newsift.cli import main
from newsift.errors import InputError


def _report(*items):
    return {"sections": {"coverage": {"items": [{"adds": {"people": adds}, "omits": {"people": omits}}
                                                for adds, omits in items]}}}


def test_people_listed_on_both_sides_of_every_item_are_counted():
    reports = [_report((["Ann Lee", "New York"], ["Tom Ruiz"])), _report((["Ann Lee"], [])), {"sections": {}}]
    assert listed_people(reports) == Counter({"Ann Lee": 2, "New York": 1, "Tom Ruiz": 1})


def test_shares_are_of_the_listings_with_a_verdict_and_unread_names_are_returned():
    labels = {"Ann Lee": "person", "New York": "not a person", "Moderator Tom Ruiz": "titled"}
    listed = Counter({"Ann Lee": 6, "New York": 3, "Moderator Tom Ruiz": 1, "Zed Quux": 5})
    score = score_people(listed, labels)
    assert score["listings"] == 15 and score["read_listings"] == 10 and score["read_names"] == 3
    assert score["not_a_person"] == 0.3 and score["titled"] == 0.1
    assert score["not_a_person_names"] == round(1 / 3, 4) and score["not_people"] == ["New York"]
    assert score["unread"] == ["Zed Quux"]


def test_the_projects_labels_read_and_a_bad_line_is_one_coded_error(tmp_path):
    labels = read_name_labels(LABELS)
    assert labels["New York"] == "not a person" and labels["Lester Holt"] == "person"
    bad = tmp_path / "bad.tsv"
    bad.write_text("name\tverdict\nAnn Lee\tmaybe\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"\[E307\].*line 2"):
        read_name_labels(bad)


def test_bench_names_with_a_missing_labels_file_is_one_coded_line(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("The mayor closed the bridge on Monday, officials said.\n", encoding="utf-8")
    with pytest.raises(SystemExit) as done:
        main(["--db", str(tmp_path / "x.db"), "bench", "names", str(article), "--labels", str(tmp_path / "none.tsv")])
    err = capsys.readouterr().err.strip().splitlines()
    assert done.value.code == 2 and len(err) == 1 and "[E307]" in err[0]


def test_bench_names_on_the_examples(examples_db, capsys):
    import json

    from shared_data import EXAMPLES

    with pytest.raises(SystemExit) as done:
        main(["--db", examples_db, "bench", "names", str(EXAMPLES)])
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert done.value.code == 0 and result["benchmark"] == "coverage-people" and result["articles"] >= 3
    assert result["read_listings"] <= result["listings"] and isinstance(result["unread"], int)
