"""The article's text cut at every span boundary of the highlighted layers.

Each piece is a ``<span>`` carrying, per layer, the index of the item that
covers it (``data-quotes="3"``) and the classes CSS uses to colour the one
layer the reader has chosen. The text itself is escaped and never changed,
so the page shows exactly the string every offset points into. Each layer's
items (what a click on a span shows) travel beside it as plain data.
"""

from __future__ import annotations

import bisect
from typing import Any, Callable, Mapping, Sequence

from markupsafe import Markup, escape

__all__ = ["LAYERS", "segment_article"]

# (key, toggle label, what the colours mean)
LAYERS: list[tuple[str, str, str]] = [
    ("furniture", "Title and furniture", "grey: the title; struck yellow: a repeated title and site furniture, not news"),
    ("quotes", "Quotes by speaker", "quoted speech, one colour per speaker; grey: speaker not found"),
    ("insertions", "Editorial insertions", "words the outlet put inside a quote: [brackets] and ellipses"),
    ("claims", "Check-worthy claims", "sentences worth checking; darker is a higher score"),
    ("copied", "Copied passages", "passages of a copy relation with a stored article: red narrative, purple quote; "
     "dotted: quotations or short phrases another article also prints, not a copy"),
    ("attributions", "Other attributions", "beliefs, perceptions, stances and documents attributed to someone, and "
     "cues outside the lexicon (kind \"other\", often only an event: check before quoting)"),
]


def _txt(value: Any) -> str:
    if isinstance(value, Mapping):
        return str(value.get("text", ""))
    return "" if value is None else str(value)


def _fact(label: str, value: Any) -> list[str] | None:
    text = _txt(value)
    return [label, text] if text not in ("", "None", "[]") else None


def _furniture(span: Mapping[str, Any]) -> tuple[dict[str, Any], str]:
    label = str(span.get("label", "")).replace("_", " ")
    kind = str(span.get("kind") or "").replace("_", " ")
    head = f"{label}: {kind}" if kind else label
    facts = [_fact("rule", span.get("rule")), _fact("cue", span.get("cue")),
             _fact("similarity to the title", span.get("similarity"))]
    return {"head": head, "facts": facts}, "fu ft" if span.get("label") == "title" else "fu"


def _speaker_class(name: Any, colours: Mapping[str, int]) -> str:
    return f"s{colours[name]}" if name in colours else "sx"


def _quote(span: Mapping[str, Any], colours: Mapping[str, int]) -> tuple[dict[str, Any], str]:
    speaker = span.get("speaker")
    chain = " → ".join(_txt(m) for m in span.get("speaker_chain") or [])
    facts = [_fact("kind", span.get("label")), _fact("speaker", speaker or "not found"),
             _fact("speaker found by", span.get("speaker_status")), _fact("named as", span.get("speaker_mention")),
             _fact("mentions followed", chain), _fact("cue", span.get("cue")), _fact("cue kind", span.get("cue_kind")),
             _fact("confidence", span.get("confidence"))]
    return {"head": f"quote — {speaker or 'speaker not found'}", "facts": facts}, \
        "qs " + _speaker_class(speaker, colours)


def _claim(span: Mapping[str, Any]) -> tuple[dict[str, Any], str]:
    score = span.get("score")
    worthy = bool(span.get("checkworthy"))
    whose = "the outlet's own" if span.get("whose") == "outlet" else f"a speaker's: {span.get('speaker') or '?'}"
    head = (f"claim {score:.2f}" if isinstance(score, (int, float)) else "claim (unscored)") + \
        (" — check-worthy" if worthy else " — below the threshold")
    facts = [_fact("whose claim", whose), _fact("cue kind", span.get("cue_kind")),
             _fact("asserted", None if span.get("asserted") is None else ("yes" if span.get("asserted") else "no")),
             _fact("numbers", ", ".join(_txt(n) for n in span.get("numbers") or [])),
             _fact("names", ", ".join(_txt(n) for n in span.get("entities") or []))]
    level = 0 if not worthy or not isinstance(score, (int, float)) else 1 + (score >= 0.75) + (score >= 0.9)
    return {"head": head, "facts": facts}, f"cl cw{level}"


_COPY_HEADS = {"copied": "copied from {where}", "shared": "copied by {where}"}


def _copied(span: Mapping[str, Any], sources: list[Mapping[str, Any]],
            overlaps: list[Mapping[str, Any]]) -> tuple[dict[str, Any], str]:
    sid = span.get("source_id")
    index = next((i for i, s in enumerate(sources) if s.get("article_id") == sid), None)
    src = sources[index] if index is not None else next((s for s in overlaps if s.get("article_id") == sid), {})
    passages = src.get("passages") or []
    k = next((k for k, p in enumerate(passages) if p.get("start") == span.get("start")
              and p.get("end") == span.get("end")), None)
    other = passages[k].get("other_text") if k is not None else None
    where = src.get("domain") or sid
    direction = span.get("direction")
    head = _COPY_HEADS.get(str(span.get("label")), "also printed by {where}: not a copy").format(where=where)
    if span.get("label") in _COPY_HEADS and direction == "unknown":
        head = f"shared with {where} (who copied whom is unknown)"
    facts = [_fact("title there", src.get("title")), _fact("kind", span.get("kind")),
             _fact("similarity", span.get("similarity")), _fact("direction", direction),
             _fact("the passage there", other)]
    item = {"head": f"{span.get('kind') or ''} passage {head}".strip(), "facts": facts}
    if index is not None and k is not None:
        item["href"] = f"#pair-{index}-{k}"
    cls = "cp cq" if span.get("kind") == "quote" else "cp"
    return item, cls if span.get("label") in _COPY_HEADS else "cp cs"


def _attribution(span: Mapping[str, Any]) -> tuple[dict[str, Any], str]:
    who = span.get("speaker") or _txt(span.get("speaker_mention")) or "holder not found"
    facts = [_fact("kind", span.get("cue_kind")), _fact("holder", who), _fact("cue", span.get("cue")),
             _fact("confidence", span.get("confidence"))]
    return {"head": f"{span.get('cue_kind') or 'attribution'} — {who}", "facts": facts}, "at"


def _marks(report: Mapping[str, Any], colours: Mapping[str, int]) -> dict[str, list[tuple[int, int, dict[str, Any], str]]]:
    layers = report.get("layers") or {}
    provenance = (report.get("sections") or {}).get("provenance") or {}
    sources, overlaps = provenance.get("sources") or [], provenance.get("quote_overlap") or []
    makers: dict[str, tuple[list[Any], Callable[[Any], tuple[dict[str, Any], str]]]] = {
        "furniture": (layers.get("cleaning") or [], _furniture),
        "quotes": (layers.get("quotes") or [], lambda s: _quote(s, colours)),
        "insertions": ([(q, ins) for q in layers.get("quotes") or [] for ins in q.get("insertions") or []]
                       + [(q, el) for q in layers.get("quotes") or [] for el in q.get("ellipses") or []],
                       lambda pair: _insertion(pair[0], pair[1], colours)),
        "claims": (layers.get("claims") or [], _claim),
        "copied": (layers.get("provenance") or [], lambda s: _copied(s, sources, overlaps)),
        "attributions": (layers.get("attributions") or [], _attribution),
    }
    out: dict[str, list[tuple[int, int, dict[str, Any], str]]] = {}
    for key, (spans, make) in makers.items():
        marks = []
        for span in spans:
            inner = span[1] if isinstance(span, tuple) else span
            if not isinstance(inner, Mapping) or not isinstance(inner.get("start"), int):
                continue
            item, cls = make(span)
            item["facts"] = [f for f in item["facts"] if f]
            marks.append((inner["start"], int(inner.get("end", inner["start"])), item, cls))
        out[key] = marks
    return out


def _insertion(quote: Mapping[str, Any], ins: Mapping[str, Any], colours: Mapping[str, int]) -> tuple[dict[str, Any], str]:
    what = "ellipsis (words cut)" if str(ins.get("label", "")).startswith("ellips") else "editorial insertion"
    facts = [_fact("inside a quote of", quote.get("speaker") or "an unknown speaker"), _fact("the quote", quote)]
    return {"head": f"{what} {_txt(ins)}", "facts": facts}, "ins"


def segment_article(report: Mapping[str, Any], speakers: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The highlighted article: HTML pieces, each layer's items, the layers present and the default one."""
    text = str((report.get("article") or {}).get("text") or "")
    colours = {s["name"]: i % 8 for i, s in enumerate(speakers)}
    marks = _marks(report, colours)
    bounds = sorted({0, len(text)} | {b for ms in marks.values() for s, e, _, _ in ms for b in (s, e)
                                      if 0 <= b <= len(text)})
    cover: list[dict[str, tuple[int, str]]] = [{} for _ in bounds]
    for key, ms in marks.items():
        for index, (start, end, _item, cls) in enumerate(ms):
            a, b = bisect.bisect_left(bounds, start), bisect.bisect_left(bounds, end)
            for seg in range(a, b):
                cover[seg].setdefault(key, (index, cls))  # first item wins where one layer overlaps itself
    pieces = []
    for seg, (a, b) in enumerate(zip(bounds, bounds[1:])):
        piece = escape(text[a:b])
        if not cover[seg]:
            pieces.append(str(piece))
            continue
        classes = " ".join(cls for _, cls in cover[seg].values())
        data = " ".join(f'data-{key}="{index}"' for key, (index, _) in cover[seg].items())
        pieces.append(f'<span class="m {classes}" {data}>{piece}</span>')
    present = [key for key, _, _ in LAYERS if marks.get(key)]
    default = next((k for k in ("copied", "quotes", "claims", "furniture") if k in present), present[0] if present else "")
    return {"html": Markup("".join(pieces)), "items": {k: [m[2] for m in ms] for k, ms in marks.items()},
            "present": present, "default": default,
            # a toggle counts what it highlights: for claims, the check-worthy ones only
            "counts": {k: sum(1 for m in ms if "cw0" not in m[3]) for k, ms in marks.items()}}
