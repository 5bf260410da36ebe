"""The public entry points: ``analyze`` one article, ``Analyzer`` for many.

``Analyzer`` owns the pipeline and its loaded resources, so a caller that
checks many articles loads the language model once.
"""

from __future__ import annotations

from itertools import islice
from typing import Any, Iterable, Iterator

from .errors import Errors, InputError
from .model import Article, Report
from .pipeline import Pipeline, Resources
from .settings import Options

__all__ = ["Analyzer", "analyze", "analyze_many", "as_article", "build_pipeline", "resources_for"]


def resources_for(options: Options | None = None) -> Resources:
    """Resources that know every built-in stage's loaders (for callers outside a pipeline)."""
    from .stages import resource_loaders  # the stages import spaCy: only when analysis starts, not at import

    return Resources(options, resource_loaders())


def build_pipeline(names: list[str] | None = None, resources: Resources | None = None) -> Pipeline:
    """The built-in stages named (all, in order, for None) over these resources."""
    from .stages import stage_classes

    return Pipeline(stage_classes(names), resources or resources_for())


def as_article(item: Article | str, **meta: Any) -> Article:
    """An Article as given, or one built from a text and its metadata (``Article.from_fields``)."""
    if isinstance(item, Article):
        return item
    if not isinstance(item, str):
        raise InputError(Errors.E010.format(path="<argument>", kind=type(item).__name__))
    if not item.strip():
        raise InputError(Errors.E003.format(path="<argument>"))
    return Article.from_fields(item, **meta)


class Analyzer:
    """A pipeline with its resources, reused across articles."""

    def __init__(self, options: Options | None = None, stages: list[str] | None = None,
                 resources: Resources | None = None) -> None:
        self.options = options or Options()
        self.resources = resources or resources_for(self.options)
        self.pipeline = build_pipeline(stages if stages is not None else self.options.stages, self.resources)

    def analyze(self, article: Article | str, **meta: str | None) -> Report:
        report = Report(article=as_article(article, **meta))
        return self.pipeline(report)

    def analyze_many(self, articles: Iterable[Article], batch: int = 16) -> Iterator[Report]:
        """Reports for many articles, prepared ``batch`` at a time (the language stage parses them together)."""
        it = iter(articles)
        while chunk := list(islice(it, max(1, batch))):
            reports = [Report(article=as_article(a)) for a in chunk]
            self.pipeline.prepare(reports)
            for report in reports:
                yield self.pipeline(report)

    def close(self) -> None:
        self.resources.reset()


def analyze(article: Article | str, options: Options | None = None, stages: list[str] | None = None,
            **meta: str | None) -> Report:
    """Analyse one article (an Article, or its text with optional url/title/published)."""
    return Analyzer(options, stages).analyze(article, **meta)


def analyze_many(articles: Iterable[Article], options: Options | None = None) -> Iterator[Report]:
    """Analyse many articles with one shared pipeline."""
    analyzer = Analyzer(options)
    try:
        yield from analyzer.analyze_many(articles)
    finally:
        analyzer.close()
