"""`sources update` against a local HTTP server serving ../shared/data/sources."""

import shutil
import statistics
import time

import pytest

from newsift.errors import InputError
from newsift.settings import Options
from newsift.sources import SETS, loaded_sets, rate_domain, update_sources
from newsift.store import Store

pytestmark = pytest.mark.integration


def test_every_set_loads_with_where_and_when(ratings_store, sources_url):
    sets = loaded_sets(ratings_store)
    assert set(sets) == set(SETS)
    for meta in sets.values():
        assert meta["origin"].startswith(sources_url) and meta["fetched_at"] and meta["rows"] > 0


def test_at_least_15000_distinct_domains(ratings_store):
    (n,) = ratings_store.conn.execute("SELECT COUNT(*) FROM source_summary").fetchone()
    assert n >= 15000


def test_canonical_addresses_are_settings(tmp_path, sources_url):
    """With no --from, each file comes from its canonical URL, which the sources_urls setting overrides."""
    urls = {local: f"{sources_url}/{local}" for local in SETS["newsguard"].files}
    options = Options(db=str(tmp_path / "s.db"), sources_urls=urls)
    with Store(options.db) as store:
        result = update_sources(store, options, names=["newsguard"])
        assert result["sets"][0]["origin"] == urls["idiap/newsguard.csv"]
        assert rate_domain(store, "abcnews.go.com")["score"] is not None


def test_from_a_local_folder(tmp_path, sources_dir):
    options = Options(db=str(tmp_path / "s.db"))
    with Store(options.db) as store:
        update_sources(store, options, origin=str(sources_dir), names=["baly2018"])
        assert loaded_sets(store)["baly2018"]["origin"].endswith("baly2018/corpus.tsv")


def test_a_failed_rerun_keeps_the_set_already_loaded(tmp_path, sources_dir):
    """Each set is replaced in one transaction: a broken download leaves the old rows in place."""
    mirror = tmp_path / "mirror"
    shutil.copytree(sources_dir / "baly2018", mirror / "baly2018")
    options = Options(db=str(tmp_path / "s.db"))
    with Store(options.db) as store:
        update_sources(store, options, origin=str(mirror), names=["baly2018"])
        before = rate_domain(store, "villagevoice.com")
        (mirror / "baly2018" / "corpus.tsv").write_text("nothing\tuseful\n")
        with pytest.raises(InputError, match="E202"):
            update_sources(store, options, origin=str(mirror), names=["baly2018"])
        assert rate_domain(store, "villagevoice.com")["raters"] == before["raters"]


def test_missing_file_on_the_server_is_one_clear_error(tmp_path, serve_folder):
    url = serve_folder(tmp_path)
    with Store(str(tmp_path / "s.db")) as store, pytest.raises(InputError, match=r"E201.*HTTP 404"):
        update_sources(store, Options(db=str(tmp_path / "s.db")), origin=url, names=["cred1"])


def test_bad_origin_and_unknown_set(tmp_path):
    with Store(str(tmp_path / "s.db")) as store:
        with pytest.raises(InputError, match="E205"):
            update_sources(store, Options(db=str(tmp_path / "s.db")), origin=str(tmp_path / "absent"))
        with pytest.raises(InputError, match="E203"):
            update_sources(store, Options(db=str(tmp_path / "s.db")), names=["nosuchset"])


def test_must_show_outlets(ratings_store):
    for domain in ("freebeacon.com", "politico.com"):
        out = rate_domain(ratings_store, domain)
        assert out["rated"] and 0 <= out["score"] <= 1
        assert len(out["raters"]) >= 5 and all(r["label"] and r["source"] for r in out["raters"])
        assert out["summary"]["rule"] == "Lin et al. 2023 pc1"
    assert rate_domain(ratings_store, "freebeacon.com")["score"] < rate_domain(ratings_store, "politico.com")["score"]
    unrated = rate_domain(ratings_store, "http://dailywesterner.com/2017/06/putin")
    assert unrated["score"] is None and unrated["rated"] is False and unrated["raters"] == []


def test_lookup_under_one_millisecond(ratings_store):
    domains = [d for (d,) in ratings_store.conn.execute("SELECT domain FROM source_summary LIMIT 300")]
    timings = []
    for domain in domains:
        started = time.perf_counter()
        rate_domain(ratings_store, domain)
        timings.append(time.perf_counter() - started)
    assert statistics.median(timings) < 0.001
