"""The one data model: an Article owns the text; every finding is a Span into it.

Offsets are Python string indices, half-open ``[start, end)``, into
``Article.text``, which is never rewritten.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Iterable

from .errors import Errors

__all__ = ["Article", "Span", "Report", "StageRecord", "Signal", "article_id_for"]


def article_id_for(text: str) -> str:
    """A stable id for an article that came without one: a hash of its text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass
class Article:
    text: str
    id: str = ""
    url: str | None = None
    domain: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    source_path: str | None = None
    notes: list[str] = field(default_factory=list)  # what reading noticed (fallback decoding, …)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id_for(self.text)

    def ref(self) -> dict[str, Any]:
        """How a report names another stored article: its id and metadata, no text."""
        return {"article_id": self.id, "domain": self.domain, "url": self.url, "title": self.title,
                "published": self.published}

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "domain": self.domain,
            "title": self.title,
            "published": self.published,
            "source_path": self.source_path,
            "text": self.text,
        }


@dataclass
class Span:
    """A labelled view ``[start, end)`` into an article's text.

    ``attrs`` holds JSON-friendly values; nested Spans (a quote's cue, an
    insertion inside it) may appear there and serialise as span objects.
    """

    start: int
    end: int
    label: str
    attrs: dict[str, Any] = field(default_factory=dict)

    def check(self, text: str) -> "Span":
        if not (0 <= self.start <= self.end <= len(text)):
            raise ValueError(Errors.E017.format(start=self.start, end=self.end, length=len(text)))
        return self

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end

    def to_dict(self, text: str) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": text[self.start : self.end],
        }
        for key, value in self.attrs.items():
            out[key] = _jsonable(value, text)
        return out


def _jsonable(value: Any, text: str) -> Any:
    if isinstance(value, Span):
        return value.to_dict(text)
    if isinstance(value, dict):
        return {k: _jsonable(v, text) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v, text) for v in value]
    return value


@dataclass
class StageRecord:
    """What happened to one stage: ran or skipped, why, and how long it took."""

    name: str
    status: str  # "ran" | "skipped" | "failed"
    reason: str | None = None
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "status": self.status, "reason": self.reason, "seconds": round(self.seconds, 4)}


@dataclass
class Signal:
    """One observation behind a score, pointing at its evidence spans."""

    name: str
    value: Any
    explanation: str
    evidence: list[Span] = field(default_factory=list)

    def to_dict(self, text: str) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": self.value,
            "explanation": self.explanation,
            "evidence": [s.to_dict(text) for s in self.evidence],
        }


@dataclass
class Report:
    """The article plus every layer the stages added.

    * ``layers``: named lists of spans (``cleaning``, ``sentences``, ``quotes`` …)
    * ``sections``: JSON-friendly summaries that are not spans (``speakers``,
      ``provenance``, ``sources``, ``coverage`` …)
    * ``anatomy_parts``: named character sets (as spans) whose share of the
      text the anatomy reports; stages add theirs (``quoted``, ``copied`` …)
    * ``scratch``: in-memory objects shared between stages (spaCy docs);
      never serialised.
    """

    article: Article
    layers: dict[str, list[Span]] = field(default_factory=dict)
    sections: dict[str, Any] = field(default_factory=dict)
    anatomy_parts: dict[str, list[Span]] = field(default_factory=dict)
    signals: list[Signal] = field(default_factory=list)
    stages: list[StageRecord] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    scratch: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        return self.article.text

    def add_spans(self, layer: str, spans: Iterable[Span]) -> list[Span]:
        """Add spans to a layer, checking each against the text."""
        target = self.layers.setdefault(layer, [])
        for span in spans:
            target.append(span.check(self.article.text))
        target.sort(key=lambda s: (s.start, -s.end))
        return target

    def spans(self, layer: str, label: str | None = None) -> list[Span]:
        found = self.layers.get(layer, [])
        return [s for s in found if label is None or s.label == label]

    def stage_ran(self, name: str) -> bool:
        return any(r.name == name and r.status == "ran" for r in self.stages)

    def to_dict(self) -> dict[str, Any]:
        from .anatomy import anatomy  # local: anatomy depends on the model

        text = self.article.text
        return {
            "newsift_version": _version(),
            "article": self.article.to_dict(),
            "notes": list(self.article.notes) + list(self.notes),
            "stages": [r.to_dict() for r in self.stages],
            "anatomy": anatomy(self),
            "layers": {name: [s.to_dict(text) for s in spans] for name, spans in self.layers.items()},
            "sections": _jsonable(self.sections, text),
            "signals": [s.to_dict(text) for s in self.signals],
        }


def _version() -> str:
    from . import __version__

    return __version__
