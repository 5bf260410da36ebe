from newsift import Article, Options
from newsift.batch import analyze_corpus


def test_corpus_analysis_on_dask_keeps_order_and_matches_single_runs(analyzer, tmp_path):
    texts = [f"Story {i}\n\nStory {i}\n\nThe mayor said {i} bridges were closed.\n\nLeave a comment" for i in range(5)]
    options = Options(db=str(tmp_path / "absent.db"), stages=["cleaning"])
    reports = list(analyze_corpus((Article(text=t) for t in texts), options, workers=2, chunk_size=2,
                                  scheduler="threads"))
    assert [r["article"]["text"] for r in reports] == texts
    single = analyzer.analyze(texts[3]).to_dict()["layers"]["cleaning"]
    assert reports[3]["layers"]["cleaning"] == single
