from newsift import Article
from newsift.store import Store, line_key


def test_add_is_idempotent_by_id_url_or_text(tmp_path):
    with Store(tmp_path / "s.db") as store:
        a = Article(text="Body one.", url="https://a.example/1")
        rowid, added = store.add_article(a)
        assert added
        assert store.add_article(Article(text="Body one.")) == (rowid, False)
        assert store.add_article(Article(text="Changed.", url="https://a.example/1")) == (rowid, False)
        assert store.add_article(Article(text="Other.", id=a.id)) == (rowid, False)
        assert store.count() == 1
        assert store.get(a.id).text == "Body one."


def test_failed_transaction_keeps_what_was_committed(tmp_path):
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.add_article(Article(text="Kept."))
        try:
            with store.transaction():
                store.add_article(Article(text="Rolled back."))
                raise RuntimeError("interrupted")
        except RuntimeError:
            pass
    with Store(path) as store:
        assert [a.text for _, a in store.iter_articles()] == ["Kept."]


def test_line_key_ignores_case_and_punctuation():
    assert line_key("Like us on Facebook!") == line_key("like us on  facebook")
    assert line_key("--") is None
