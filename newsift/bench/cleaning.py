"""Cleaning benchmark (``newsift bench cleaning``) on public data.

Two measures, both on text the project never tuned its rules on:

* **furniture precision floor** — on PolNeAR news texts, the share of gold
  attribution ``Content`` characters (certainly news body) that cleaning
  labels as furniture, and the share of all non-blank lines labelled; lower
  is better.
* **repeated title** — on WikiRef220 articles (first line the title), the
  title is printed a second time at the top, unchanged or lightly edited
  (case, punctuation, a site-name suffix, one word dropped); recall per edit,
  and the false rate on the untouched originals.
"""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import Any, Callable

from ..model import Article, Report
from ..analysis import build_pipeline, resources_for
from ..pipeline import Pipeline
from ..settings import Options

__all__ = ["run_cleaning_bench", "TITLE_EDITS"]


def _drop_word(title: str, rng: random.Random) -> str:
    words = title.split()
    if len(words) < 4:
        return title
    del words[rng.randrange(1, len(words))]
    return " ".join(words)


TITLE_EDITS: dict[str, Callable[[str, random.Random], str]] = {
    "identical": lambda t, rng: t,
    "lower_case": lambda t, rng: t.lower(),
    "upper_case": lambda t, rng: t.upper(),
    "punctuation": lambda t, rng: t.rstrip(".!?") + "!",
    "site_suffix": lambda t, rng: f"{t} | The Daily Example",
    "word_dropped": _drop_word,
}


def _clean(pipeline: Pipeline, text: str, title: str | None = None) -> Report:
    return pipeline(Report(Article(text=text, title=title)))


def _repeated_title(pipeline: Pipeline, folder: Path, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    files = sorted(folder.glob("*.txt"))
    found = {name: 0 for name in TITLE_EDITS}
    false_repeats = 0
    n = 0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        title, _, body = text.partition("\n")
        if not title.strip() or not body.strip():
            continue
        n += 1
        if _clean(pipeline, text, title.strip()).spans("cleaning", "repeated_title"):
            false_repeats += 1
        for name, edit in TITLE_EDITS.items():
            doubled = f"{title}\n\n{edit(title.strip(), rng)}\n{body}"
            if _clean(pipeline, doubled, title.strip()).spans("cleaning", "repeated_title"):
                found[name] += 1
    return {
        "articles": n,
        "recall": {name: round(k / n, 4) for name, k in found.items()} if n else {},
        "false_repeated_title_rate": round(false_repeats / n, 4) if n else None,
    }


def _furniture_on_news(pipeline: Pipeline, folder: Path) -> dict[str, Any]:
    from ..datasets.polnear import read_ann

    content_chars = furniture_in_content = lines = furniture_lines = texts = 0
    kinds: dict[str, int] = {}
    for text_path in sorted((folder / "text").glob("*.txt")):
        text = text_path.read_text(encoding="utf-8")
        report = _clean(pipeline, text)
        texts += 1
        furniture = [s for s in report.spans("cleaning") if s.label == "boilerplate"]
        lines += sum(1 for line in text.splitlines() if line.strip())
        furniture_lines += len(furniture)
        for s in furniture:
            kinds[s.attrs["kind"]] = kinds.get(s.attrs["kind"], 0) + 1
        anns = sorted((folder / "attributions").glob(text_path.stem + "_*.ann"))
        if not anns:
            continue
        for gold in read_ann(anns[0], text):
            for a, b in gold.content:
                content_chars += b - a
                furniture_in_content += sum(max(0, min(b, s.end) - max(a, s.start)) for s in furniture)
    return {
        "texts": texts,
        "lines_labelled_furniture": round(furniture_lines / lines, 4) if lines else None,
        "quoted_content_chars_labelled_furniture": round(furniture_in_content / content_chars, 5) if content_chars else None,
        "kinds": kinds,
    }


def run_cleaning_bench(polnear: Path | None, wikiref: Path | None, seed: int = 13,
                       options: Options | None = None) -> dict[str, Any]:
    pipeline = build_pipeline(["cleaning"], resources_for(options or Options(db="/nonexistent/newsift-bench.db")))
    result: dict[str, Any] = {}
    started = time.perf_counter()
    if polnear is not None:
        result["furniture_on_news"] = {split: _furniture_on_news(pipeline, polnear / split)
                                       for split in ("train", "dev") if (polnear / split / "text").is_dir()}
    if wikiref is not None:
        result["repeated_title"] = _repeated_title(pipeline, wikiref, seed)
    result["seconds"] = round(time.perf_counter() - started, 2)
    return result
