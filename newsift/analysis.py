"""The public entry points: ``analyze`` one article, ``Analyzer`` for many.

``Analyzer`` owns the pipeline and its loaded resources, so a caller that
checks many articles loads the language model once.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from .errors import Errors, InputError
from .model import Article, Report
from .pipeline import Pipeline, Resources
from .settings import Options

__all__ = ["Analyzer", "analyze", "analyze_many", "as_article"]


def as_article(item: Article | str, **meta: str | None) -> Article:
    if isinstance(item, Article):
        return item
    if not isinstance(item, str):
        raise InputError(Errors.E010.format(path="<argument>", kind=type(item).__name__))
    if not item.strip():
        raise InputError(Errors.E003.format(path="<argument>"))
    from .domains import normalize_domain

    url = meta.get("url")
    return Article(
        text=item,
        id=meta.get("id") or "",
        url=url,
        domain=normalize_domain(meta.get("domain") or url),
        title=meta.get("title"),
        published=meta.get("published"),
    )


class Analyzer:
    """A pipeline with its resources, reused across articles."""

    def __init__(self, options: Options | None = None, stages: list[str] | None = None,
                 resources: Resources | None = None) -> None:
        self.options = options or Options()
        self.resources = resources or Resources(self.options)
        self.pipeline = Pipeline(stages if stages is not None else self.options.stages, self.resources)

    def analyze(self, article: Article | str, **meta: str | None) -> Report:
        report = Report(article=as_article(article, **meta))
        return self.pipeline(report)

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Report]:
        for article in articles:
            yield self.analyze(article)

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
