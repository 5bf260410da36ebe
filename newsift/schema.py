"""The JSON Schema of a report (``newsift schema``).

Spans are ``start``/``end`` offsets into ``article.text`` plus a label and
free attributes. Each stage declares the schema of the sections it writes
(``Stage.sections``), so the schema stays complete as the pipeline grows.
"""

from __future__ import annotations

from typing import Any

from .stages import layer_descriptions, section_schemas

__all__ = ["report_schema", "SPAN"]

SPAN: dict[str, Any] = {
    "type": "object",
    "required": ["start", "end", "label", "text"],
    "properties": {
        "start": {"type": "integer", "minimum": 0},
        "end": {"type": "integer", "minimum": 0},
        "label": {"type": "string"},
        "text": {"type": "string", "description": "article.text[start:end]"},
    },
    "additionalProperties": True,
}

def report_schema() -> dict[str, Any]:
    nullable_str = {"type": ["string", "null"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://newsift.example/schema/report-1.json",
        "title": "newsift report",
        "type": "object",
        "required": ["newsift_version", "article", "notes", "stages", "anatomy", "layers", "sections", "signals"],
        "$defs": {"span": SPAN},
        "properties": {
            "newsift_version": {"type": "string"},
            "article": {
                "type": "object",
                "required": ["id", "text"],
                "properties": {
                    "id": {"type": "string"},
                    "text": {"type": "string"},
                    "url": nullable_str,
                    "domain": nullable_str,
                    "title": nullable_str,
                    "published": nullable_str,
                    "source_path": nullable_str,
                },
            },
            "notes": {"type": "array", "items": {"type": "string"}},
            "stages": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["name", "status"],
                    "properties": {
                        "name": {"type": "string"},
                        "status": {"enum": ["ran", "skipped", "failed"]},
                        "reason": nullable_str,
                    },
                },
            },
            "anatomy": {
                "type": "object",
                "required": ["characters", "shares"],
                "properties": {
                    "characters": {"type": "integer"},
                    "unit": {"type": "string"},
                    "shares": {
                        "type": "object",
                        "required": ["title", "repeated_title", "boilerplate", "body"],
                        "additionalProperties": {"type": "number", "minimum": 0, "maximum": 1},
                    },
                },
            },
            "layers": {
                "type": "object",
                # each stage's declared layers, described; any other layer is still a list of spans
                "properties": {name: {"type": "array", "items": {"$ref": "#/$defs/span"}, "description": what}
                               for name, what in layer_descriptions().items()},
                "additionalProperties": {"type": "array", "items": {"$ref": "#/$defs/span"}},
            },
            "sections": {"type": "object", "properties": section_schemas()},
            "signals": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["name", "value", "explanation", "evidence"],
                    "properties": {
                        "name": {"type": "string"},
                        "explanation": {"type": "string"},
                        "evidence": {"type": "array", "items": {"$ref": "#/$defs/span"}},
                    },
                },
            },
        },
    }
