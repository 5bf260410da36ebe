from newsift.anatomy import anatomy, union_length
from newsift.model import Article, Report, Span


def test_union_length_merges_overlaps():
    assert union_length([(0, 5), (3, 8), (10, 12)]) == 10


def test_furniture_is_counted_once_and_body_is_the_rest():
    text = "Title\n\nTitle\n\nBody text that is longer than the furniture.\n\nLike us on Facebook"
    report = Report(Article(text=text))
    report.anatomy_parts["title"] = [Span(0, 5, "title")]
    report.anatomy_parts["repeated_title"] = [Span(7, 12, "repeated_title")]
    start = text.index("Like")
    report.anatomy_parts["boilerplate"] = [Span(start, len(text), "boilerplate"), Span(start, start + 4, "boilerplate")]
    shares = anatomy(report)["shares"]
    assert round(sum(shares[k] for k in ("title", "repeated_title", "boilerplate", "body")), 3) == 1.0
    assert shares["title"] == shares["repeated_title"]
    assert shares["body"] > shares["boilerplate"] > 0


def test_extra_parts_count_only_body_characters():
    text = "Title\n\n\"Quoted words here.\""
    report = Report(Article(text=text))
    report.anatomy_parts["title"] = [Span(0, 5, "title")]
    report.anatomy_parts["quoted"] = [Span(0, len(text), "quote")]  # overlaps the title on purpose
    shares = anatomy(report)["shares"]
    assert shares["quoted"] == shares["body"]
