"""The report page from JSON reports: every layer, absent sections, hostile text (no browser needed)."""

from __future__ import annotations

import json
import re

from newsift.render.html import render_html
from newsift.render.index import index_row, render_index

TEXT = "Bridge Shut\n\n“It [the bridge] is tired,” Mayor Ortiz said. Officials said 40 people </script><b>x</b>."


def _span(start: int, end: int, label: str, **attrs: object) -> dict[str, object]:
    return {"start": start, "end": end, "label": label, "text": TEXT[start:end], **attrs}


def _report() -> dict[str, object]:
    quote = _span(14, 38, "direct", speaker="Elena Ortiz", speaker_status="resolved", cue=_span(54, 58, "cue"),
                  cue_kind="speech", insertions=[_span(17, 29, "insertion")], confidence=0.9)
    claim = _span(61, len(TEXT), "claim", score=0.93, checkworthy=True, whose="outlet", speaker=None)
    copied = _span(61, 85, "copied", source_id="other-1", kind="narrative", similarity=1.0,
                   direction="this copied from other", other_start=0, other_end=24)
    source = {"article_id": "other-1", "domain": "ledger.example", "title": "Other", "passages": [
        {"start": 61, "end": 85, "other_start": 0, "other_end": 24, "kind": "narrative", "similarity": 1.0}],
        "shared_narrative_words": 4, "shared_quote_words": 0, "direction": "this copied from other",
        "confidence": 0.9, "evidence": ["published later"]}
    return {
        "newsift_version": "test", "notes": [],
        "article": {"id": "a<1>", "domain": "wire.example", "title": "Bridge <Shut>", "text": TEXT},
        "stages": [{"name": "coverage", "status": "skipped", "reason": "no store"}],
        "anatomy": {"characters": 80, "shares": {"title": 0.1, "original": 0.5, "copied_narrative": 0.4}},
        "layers": {"cleaning": [_span(0, 11, "title")], "quotes": [quote], "claims": [claim], "provenance": [copied]},
        "sections": {"speakers": [{"name": "Elena Ortiz", "quotes": [0], "share": 1.0}],
                     "claims": {"ranking": [{"claim": 0, "start": 61, "end": len(TEXT), "text": TEXT[61:],
                                             "score": 0.93, "whose": "outlet", "speaker": None}],
                                "threshold": 0.5, "sentences": 1, "model": "m"},
                     "provenance": {"store_articles": 1, "sources": [source], "quote_overlap": [], "chains": []},
                     "sources": [{"domain": "ledger.example", "rated": True, "score": 0.2, "roles": ["provenance"],
                                  "summary": {"score": 0.2, "rule": "r", "spread": 0.1, "n_raters": 1},
                                  "raters": [{"rater": "x", "title": "Rater X", "label": "satire",
                                              "source": "/srv/secret/x.csv", "fetched_at": "2026-01-01"}]}]},
    }


def _items(page: str) -> dict[str, list[dict[str, object]]]:
    found = re.search(r'id="newsift-items">(.*?)</script>', page, re.S)
    assert found
    return json.loads(found.group(1))


def test_every_layer_and_the_summary() -> None:
    page = render_html(_report(), others={"other-1": "Officials said 40 people were hurt."})
    items = _items(page)
    assert items["quotes"][0]["head"] == "quote — Elena Ortiz"
    assert items["claims"][0]["head"].startswith("claim 0.93 — check-worthy")
    assert items["copied"][0]["href"] == "#pair-0-0" and items["insertions"][0]["head"].startswith("editorial")
    summary = page.split('id="summary"')[1].split("</section>")[0]
    assert "ledger.example" in summary and "low 0.20" in summary and "satire" in summary
    assert "this article copied from it" in summary and "Elena Ortiz" in summary and "0.93" in summary
    assert 'id="b-0-0"' in page  # the other text, marked
    shown = page.split('id="newsift-report"')[0]  # the embedded JSON is the report as given (the web app scrubs it)
    assert "/srv/secret" not in shown and "x.csv" in shown


def test_the_copied_layer_says_which_way_and_sets_quote_only_overlaps_apart() -> None:
    report = _report()
    overlap = _span(14, 38, "shared_quote", source_id="other-2", kind="quote", similarity=1.0, direction="unknown")
    report["layers"]["provenance"].append(overlap)  # type: ignore[index]
    report["sections"]["provenance"]["quote_overlap"] = [{"article_id": "other-2", "domain": "herald.example",  # type: ignore[index]
                                                          "passages": [], "direction": "unknown"}]
    copied, shared = _items(render_html(report))["copied"]
    assert copied["head"] == "narrative passage copied from ledger.example"
    assert shared["head"] == "quote passage also printed by herald.example: not a copy"
    assert "cp cs" in render_html(report)  # drawn dotted, not as a copy


def test_hostile_text_is_escaped_and_offsets_kept() -> None:
    page = render_html(_report())
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page and "Bridge &lt;Shut&gt;" in page
    report = json.loads(re.search(r'id="newsift-report">(.*?)</script>', page, re.S).group(1).replace("<\\/", "</"))
    assert report["article"]["text"] == TEXT  # the embedded JSON is whole: no "</script>" ended it early
    plain = re.sub(r"<[^>]+>", "", page.split('id="article-text"')[1].split("</div>")[0].split(">", 1)[1])
    assert plain.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&#34;", '"') \
        .replace("&#39;", "'") == TEXT


def test_missing_sections_render_as_absent() -> None:
    page = render_html({"article": {"text": "Just a sentence."}, "stages": [], "layers": {}, "sections": {}})
    assert "Unrated" in page and "No quoted speech found" in page and "the claims stage did not run" in page


def test_index_row_and_page() -> None:
    row = index_row(_report(), "a.html")
    assert row["copy_source"] == "ledger.example" and row["checkworthy"] == 1 and row["problems"] == ["coverage"]
    page = render_index([row], failed=["[E001] missing.txt: no such file"])
    assert 'class="sortable"' in page and "missing.txt" in page and 'href="a.html"' in page
