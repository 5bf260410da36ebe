"""Reader for OpenSources (OpenSourcesGroup/opensources): domains with up to three types.

Types are categorical; ``value`` places the worst type on a reliability
scale (documented in docs/sources.md) so the set can be compared with others.
"""

from __future__ import annotations

import json

from ._base import Rating, SourceSet, domain_key

_FILE = "opensources/sources.json"
_TYPE_VALUE = {
    "reliable": 1.0, "political": 0.6, "bias": 0.4, "clickbait": 0.3, "satire": 0.3, "state": 0.3,
    "unreliable": 0.2, "rumor": 0.1, "junksci": 0.0, "conspiracy": 0.0, "hate": 0.0, "fake": 0.0,
}
_ALIASES = {"fake news": "fake", "unrealiable": "unreliable", "satirical": "satire"}


def _types(entry: dict[str, str]) -> list[str]:
    found = []
    for key in ("type", "2nd type", "3rd type"):
        kind = (entry.get(key) or "").strip().lower()
        kind = _ALIASES.get(kind, kind)
        if kind and kind not in found:
            found.append(kind)
    return found


def _opensources(files: dict[str, bytes]) -> list[Rating]:
    out = []
    for host, entry in json.loads(files[_FILE]).items():
        domain = domain_key(host)
        kinds = _types(entry)
        if domain is None or not kinds:
            continue
        values = [_TYPE_VALUE[k] for k in kinds if k in _TYPE_VALUE]
        notes = (entry.get("Source Notes (things to know?)") or "").strip()
        out.append(Rating(domain, ", ".join(kinds), min(values) if values else None,
                          details={"notes": notes} if notes else {}))
    return out


SETS: tuple[SourceSet, ...] = (
    SourceSet(
        "opensources", "OpenSources", "types: fake, satire, bias, conspiracy, junksci, clickbait, unreliable, reliable…",
        {_FILE: "https://raw.githubusercontent.com/OpenSourcesGroup/opensources/2fb428d/sources/sources.json"},
        _opensources, "OpenSources (2017)"),
)
