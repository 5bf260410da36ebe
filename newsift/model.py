"""The one data model: an Article owns the text; every finding is a Span into it.

Offsets are Python string indices, half-open ``[start, end)``, into
``Article.text``, which is never rewritten.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Iterable

from .anatomy import anatomy
from .domains import normalize_domain
from .errors import Errors, InputError

__all__ = ["Article", "Span", "Report", "StageRecord", "Signal", "article_id_for", "iso_date"]


def article_id_for(text: str) -> str:
    """A stable id for an article that came without one: a hash of its text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def iso_date(value: Any, label: str) -> str | None:
    """``value`` as an ISO 8601 date or datetime string (None when empty); E018 when it is not one."""
    if value in (None, ""):
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    text = str(value).strip()
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(Errors.E018.format(path=label, value=value)) from None
    return text


def _optional_str(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return str(value)


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

    @classmethod
    def from_fields(cls, text: Any, *, label: str = "<argument>", id: Any = None, url: Any = None,
                    domain: Any = None, title: Any = None, published: Any = None,
                    source_path: str | None = None) -> "Article":
        """The one way to build an Article from outside data: every field checked and normalised.

        ``text`` must be a non-blank string (E007); ``published`` an ISO date
        (E018); the domain comes from ``domain`` or else the URL's host.
        ``label`` names the input in error messages.
        """
        if not isinstance(text, str) or not text.strip():
            raise InputError(Errors.E007.format(path=label))
        check_text_fields(label, text=text, id=id, url=url, domain=domain, title=title, published=published)
        url_text = _optional_str(url)
        return cls(
            text=text,
            id=_optional_str(id) or "",
            url=url_text,
            domain=normalize_domain(_optional_str(domain) or url_text),
            title=_optional_str(title),
            published=iso_date(published, label),
            source_path=source_path,
        )

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


_SURROGATE = re.compile("[\ud800-\udfff]")
_LETTER = re.compile(r"[^\W\d_]")


def check_text_fields(label: str, **fields: Any) -> None:
    """E400 for a text with no letter (only NBSP, ZWSP, BOM, digits…); E404 for a lone surrogate anywhere."""
    for name, value in fields.items():
        found = _SURROGATE.search(value) if isinstance(value, str) else None
        if found:  # cannot be encoded, stored or printed: refuse it here, not as a traceback later
            raise InputError(Errors.E504.format(path=label, field=name, code=ord(found.group())))
    if not _LETTER.search(fields["text"]):
        raise InputError(Errors.E500.format(path=label))


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
        # no timing: the same input and store give a byte-identical report (benches read ``seconds``)
        return {"name": self.name, "status": self.status, "reason": self.reason}


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
