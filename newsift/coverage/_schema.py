"""JSON Schema of the ``coverage`` report section (registered by the coverage stage)."""

from __future__ import annotations

from typing import Any

__all__ = ["COVERAGE_SCHEMA"]

_STR = {"type": ["string", "null"]}
_NAMES = {"type": "array", "items": {"type": "string"}}
_SIDE = {
    "type": "object",
    "properties": {"people": _NAMES, "other_names": _NAMES, "numbers": _NAMES, "quotes": _NAMES},
}
_SEGMENT = {
    "type": "object",
    "required": ["op", "a", "b"],
    "properties": {"op": {"enum": ["same", "changed", "cut", "added", "insertion", "ellipsis"]},
                   "a": {"type": "string"}, "b": {"type": "string"}},
}
_ITEM = {
    "type": "object",
    "required": ["article_id", "relevance", "same_event", "copy", "rating", "adds", "omits"],
    "properties": {
        "article_id": {"type": "string"},
        "domain": _STR,
        "host": _STR,
        "url": _STR,
        "title": _STR,
        "published": _STR,
        "days_apart": {"type": ["integer", "null"]},
        "relevance": {"type": "number"},
        "rank_score": {"type": "number"},
        "scores": {"type": "object", "additionalProperties": {"type": "number"}},
        "shared_entities": _NAMES,
        "same_event": {"type": "boolean"},
        "date_unknown": {"type": "boolean"},
        "event_evidence": {
            "type": "object",
            "required": ["names", "narrative", "reason"],
            "properties": {"names": {"type": "number"}, "narrative": {"type": "number"}, "lead": {"type": "number"},
                           "title": {"type": "number"}, "reason": {"type": "string"}},
        },
        "copy": {"type": "boolean"},
        "copy_evidence": {"type": ["object", "null"]},
        "rating": {"type": ["object", "null"]},
        "adds": _SIDE,
        "omits": _SIDE,
    },
}
_VERSION = {
    "type": "object",
    "required": ["article_id", "text", "similarity", "identical", "alignment"],
    "properties": {
        "article_id": {"type": "string"},
        "domain": _STR,
        "copy": {"type": "boolean"},
        "start": {"type": "integer"},
        "end": {"type": "integer"},
        "text": {"type": "string"},
        "similarity": {"type": "number"},
        "aligned_words": _NAMES,
        "identical": {"type": "boolean"},
        "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
        "alignment": {"type": "array", "items": _SEGMENT},
        "rendered": {"type": "string"},
    },
}
COVERAGE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["store_articles", "items", "quote_fidelity", "notes"],
    "properties": {
        "store_articles": {"type": "integer"},
        "independent": {"type": "integer"},
        "copies": {"type": "integer"},
        "semantic_reranker": {"type": "boolean"},
        "items": {"type": "array", "items": _ITEM},
        "quote_fidelity": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["quote", "versions"],
                "properties": {"quote": {"$ref": "#/$defs/span"}, "versions": {"type": "array", "items": _VERSION},
                               "differs": {"type": "boolean"}},
            },
        },
        "notes": _NAMES,
    },
}
