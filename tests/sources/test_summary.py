"""The combining rule, on a hand-built store."""

import pytest

from newsift.sources import SETS, rate_domain, rebuild_summary
from newsift.sources._base import Rating
from newsift.sources.store import replace_set
from newsift.store import Store


@pytest.fixture
def store():
    with Store(":memory:") as s:
        yield s


def _load(store, name, ratings):
    replace_set(store, SETS[name], ratings, origin=f"/data/{name}")


def _lin_and_mbfc(store, n=40):
    lin = [Rating(f"d{i}.com", f"pc1 {i / n:.2f}", i / n) for i in range(n)]
    mbfc = [Rating(f"d{i}.com", "x", 0.0 if i < n / 2 else 1.0) for i in range(n)]
    _load(store, "lin2023", lin)
    _load(store, "mbfc", mbfc + [Rating("only-mbfc.com", "factual reporting: high", 1.0, bias="right")])


def test_pc1_is_the_score_where_lin_rates_the_domain(store):
    _lin_and_mbfc(store)
    rebuild_summary(store)
    out = rate_domain(store, "https://www.d30.com/story")
    assert out["score"] == pytest.approx(0.75) and out["summary"]["rule"] == "Lin et al. 2023 pc1"
    assert {r["rater"] for r in out["raters"]} == {"lin2023", "mbfc"}
    assert out["summary"]["spread"] is not None


def test_other_raters_are_mapped_onto_pc1_by_a_fit(store):
    _lin_and_mbfc(store)
    rebuild_summary(store)
    out = rate_domain(store, "only-mbfc.com")
    # mbfc "1.0" domains have pc1 0.5 … 0.975: the isotonic fit maps 1.0 to their mean
    assert out["score"] == pytest.approx(sum(i / 40 for i in range(20, 40)) / 20, abs=1e-3)
    assert "isotonic" in out["summary"]["rule"]
    assert out["summary"]["bias"] == [{"rater": "mbfc", "bias": "right"}]
    assert out["raters"][0]["source"] == "/data/mbfc" and out["raters"][0]["fetched_at"]


def test_without_lin_the_raters_own_values_are_averaged(store):
    _load(store, "mbfc", [Rating("a.com", "x", 0.25)])
    _load(store, "cred1", [Rating("a.com", "y", 0.75)])
    rebuild_summary(store)
    out = rate_domain(store, "a.com")
    assert out["score"] == 0.5 and out["summary"]["spread"] == 0.5


def test_unrated_domain_has_no_score_and_says_so(store):
    _lin_and_mbfc(store)
    rebuild_summary(store)
    out = rate_domain(store, "nowhere-listed.com")
    assert out["score"] is None and out["rated"] is False and out["raters"] == []
    assert "unrated" in out["summary"]["note"]


def test_sibling_under_another_suffix_is_reported(store):
    _lin_and_mbfc(store)
    rebuild_summary(store)
    out = rate_domain(store, "d3.co.uk")
    assert out["score"] is None
    assert [s["domain"] for s in out["siblings"]] == ["d3.com"]


def test_rerunning_a_set_replaces_it(store):
    _load(store, "mbfc", [Rating("a.com", "old", 0.0), Rating("b.com", "old", 0.0)])
    _load(store, "mbfc", [Rating("a.com", "new", 1.0)])
    rebuild_summary(store)
    assert rate_domain(store, "b.com")["rated"] is False
    assert rate_domain(store, "a.com")["raters"][0]["label"] == "new"


def test_no_ratings_loaded_gives_none(store):
    assert rate_domain(store, "politico.com") is None


def test_subdomain_falls_back_to_its_site_but_not_across_platforms(store):
    _load(store, "mbfc", [Rating("cnn.com", "x", 1.0), Rating("wordpress.com", "x", 0.0)])
    rebuild_summary(store)
    assert rate_domain(store, "edition.cnn.com")["matched"] == "cnn.com"
    assert rate_domain(store, "someblog.wordpress.com")["rated"] is False


def test_a_set_repeating_another_counts_once(store):
    _load(store, "newsguard", [Rating("a.com", "90/100", 0.9)])
    _load(store, "nela-gt-2018", [Rating("a.com", "NewsGuard 90/100", 0.9)])
    _load(store, "cred1", [Rating("a.com", "y", 0.3)])
    rebuild_summary(store)
    out = rate_domain(store, "a.com")
    assert set(out["summary"]["counted"]) == {"newsguard", "cred1"} and out["score"] == 0.6
    assert len(out["raters"]) == 3  # still listed


def test_lookalikes_of_an_unrated_domain(store):
    from newsift.sources import Ratings

    _load(store, "mbfc", [Rating("cnn.com", "x", 1.0), Rating("breitbart.com", "x", 0.2)])
    rebuild_summary(store)
    ratings = Ratings(store)
    assert ratings.lookalikes("cnn-news.com")[0]["domain"] == "cnn.com"
    assert ratings.lookalikes("breitbarts.com")[0]["relation"] == "name one letter away"
    assert ratings.lookalikes("dailywesterner.com") == []
    assert ratings.resolve("CNN") is None  # a domain's own name needs two raters to count as an outlet name


def test_an_edition_host_takes_its_outlets_fuller_rating_but_another_outlet_keeps_its_own(store):
    _load(store, "lin2023", [Rating("edition.cnn.com", "pc1 0.68", 0.68), Rating("abcnews.go.com", "pc1 0.86", 0.86)])
    _load(store, "mbfc", [Rating("cnn.com", "x", 0.5), Rating("go.com", "x", 0.2)])
    _load(store, "cred1", [Rating("cnn.com", "y", 0.6), Rating("go.com", "y", 0.3)])
    rebuild_summary(store)
    assert rate_domain(store, "edition.cnn.com")["matched"] == "cnn.com"
    assert rate_domain(store, "abcnews.go.com")["matched"] == "abcnews.go.com"
