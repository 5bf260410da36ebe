import newsift


def test_public_names_are_exported_and_exist():
    assert "analyze" in newsift.__all__ and "Report" in newsift.__all__
    for name in newsift.__all__:
        assert hasattr(newsift, name), name


def test_analyze_accepts_text_with_metadata(analyzer):
    report = analyzer.analyze("Body text about the council.", url="https://news.example.org/x", title="T")
    assert report.article.domain == "example.org" and report.article.title == "T"
