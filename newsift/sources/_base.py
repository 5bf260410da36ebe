"""What every rating-set reader produces.

A *set* is one published file (or a few) from one public repository; its
reader turns the file's bytes into ``Rating`` rows, one per domain, in the
rater's own terms (``label``) plus that label placed on a 0..1 scale
(``value``: 0 lowest, 1 highest reliability) so raters can be compared and
calibrated. ``value`` is None when the rater says nothing about reliability.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any, Callable

from ..domains import host_of

__all__ = ["Rating", "SourceSet", "csv_rows", "domain_key"]


@dataclass
class Rating:
    domain: str
    label: str  # the rater's own words or numbers
    value: float | None = None  # the label on 0..1 (1 = most reliable); None when not a reliability judgement
    bias: str | None = None  # political leaning where the rater gives one
    name: str | None = None  # the outlet's name where the set gives one
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SourceSet:
    """One public rating set: where it lives, what scale it uses, how to read it."""

    name: str
    title: str
    scale: str  # the rater's scale, in words
    files: dict[str, str]  # local path (relative to a sources folder or base URL) -> canonical URL
    parse: Callable[[dict[str, bytes]], list[Rating]]  # local path -> content
    cite: str = ""


def csv_rows(data: bytes, delimiter: str = ",") -> list[dict[str, str]]:
    text = data.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


def domain_key(value: str | None) -> str | None:
    """How a domain is stored: the lower-cased host without scheme, ``www.``, port or path."""
    if not value or not value.strip():
        return None
    host = host_of(value)
    return host if "." in host and " " not in host else None


def to_float(value: Any) -> float | None:
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return None if out != out else out  # NaN
