"""Each reader turns a small hand-written file in the set's published format into ratings."""

import json

from newsift.sources import SETS


def parse(name, files):
    return {r.domain: r for r in SETS[name].parse({k: v.encode() for k, v in files.items()})}


def test_idiap_golden_maps_labels_and_keeps_unknown_without_value():
    out = parse("idiap-golden", {"idiap/golden_truth_dataset.csv":
                                 "domain,reliability_label,newsguard_score,label_source\n"
                                 "www.a.com,1,,mbfc\nb.org,-1,12.5,newsguard\nc.net,-2,,manual\n"})
    assert (out["a.com"].label, out["a.com"].value) == ("reliable", 1.0)
    assert out["b.org"].value == 0.0 and out["b.org"].details["newsguard_score"] == 12.5
    assert out["c.net"].value is None


def test_mbfc_places_factual_reporting_and_keeps_bias():
    out = parse("mbfc", {"idiap/mbfc.csv":
                         "source,country,bias,factual_reporting,press_freedom,media_type,popularity,"
                         "mbfc_credibility_rating,nela_gt_label\n"
                         "x.com,usa,right,mixed,,,,medium credibility,mixed\n"
                         "y.com,usa,least biased,very high,,,,high credibility,reliable\n"})
    assert out["x.com"].value == 0.5 and out["x.com"].bias == "right"
    assert "medium credibility" in out["x.com"].label
    assert out["y.com"].value == 1.0


def test_link_graph_rescales_minus_one_to_one():
    data = {"a.com": {"p+fp-average": -1.0}, "b.com": {"p+fp-average": 0.5}}
    out = parse("idiap-linkgraph", {"idiap/reliability_scores.json": json.dumps(data)})
    assert out["a.com"].value == 0.0 and out["b.com"].value == 0.75


def test_lin2023_prefers_the_site_entry_over_a_section_entry():
    rows = "domain,pc1,afm\nrfi.fr/en,0.2,0.5\nrfi.fr,0.8,0.6\n"
    ratings = SETS["lin2023"].parse({"lin2023/domain_ratings.csv": rows.encode()})
    assert ratings[0].domain == "rfi.fr" and ratings[0].value == 0.8


def test_opensources_takes_the_worst_type():
    data = {"z.com": {"type": "bias", "2nd type": "Conspiracy", "3rd type": "", "Source Notes (things to know?)": ""}}
    out = parse("opensources", {"opensources/sources.json": json.dumps(data)})
    assert out["z.com"].label == "bias, conspiracy" and out["z.com"].value == 0.0


def test_cred1_uses_the_credibility_score():
    out = parse("cred1", {"cred1/cred1_current.csv":
                          "domain,category,credibility_score,sources,iffy_factual,iffy_bias\n"
                          "q.com,fake,0.05,1,VL,FN\n"})
    assert out["q.com"].value == 0.05 and "very low" in out["q.com"].label


def test_baly_reads_names_from_the_mbfc_page_address():
    out = parse("baly2018", {"baly2018/corpus.tsv":
                             "source_url\tsource_url_normalized\tref\tfact\tbias\n"
                             "http://www.villagevoice.com/\tvillagevoice.com\t"
                             "http://mediabiasfactcheck.com/the-village-voice/\thigh\tleft\n"})
    r = out["villagevoice.com"]
    assert (r.value, r.bias, r.name) == (1.0, "left", "the village voice")


def test_every_set_has_a_canonical_address_at_a_pinned_commit():
    for source_set in SETS.values():
        for local, url in source_set.files.items():
            assert url.startswith("https://raw.githubusercontent.com/"), url
            assert local.split("/")[0] in ("idiap", "lin2023", "opensources", "cred1", "baly2018")
