"""Is a related report about the same event? Evidence from names, narrative text and dates.

Retrieval ranks by BM25 and names; this decides, for the reports it lists,
with evidence a fact-checker can repeat:

* ``names``: the rarity-weighted share of the article's narrative names
  (outside furniture and quotations) that the report names in its own
  narrative — sharing a quoted remark is not sharing the event;
* ``narrative``: cosine similarity of the two narratives' content-word
  stems, each weighted ``(1 + log tf) * idf`` (quotations and furniture left
  out, so two stories quoting the same speech are not alike for that);
* the date: inside the window, the usual evidence suffices; outside it, not
  the same event; when either date is unknown, stronger text evidence is
  required and the item says "date unknown".

A report the provenance stage found copied (either way) is the same story
by construction, marked as a copy.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

__all__ = ["EventParams", "EventEvidence", "judge", "cosine"]


@dataclass
class EventParams:
    dated_names: float = 0.2  # names share that makes a dated report (inside the window) the same event…
    dated_narrative: float = 0.15  # …with at least this narrative similarity
    undated_names: float = 0.3  # date unknown: both must be stronger…
    undated_narrative: float = 0.25
    undated_narrative_alone: float = 0.45  # …or the narratives alike enough on their own


@dataclass
class EventEvidence:
    names: float
    narrative: float
    same_event: bool
    reason: str

    def view(self) -> dict[str, Any]:
        return {"names": round(self.names, 3), "narrative": round(self.narrative, 3), "reason": self.reason}


def cosine(a: Counter[str], b: Counter[str], idf: dict[str, float]) -> float:
    """Cosine of ``(1 + log tf) * idf`` vectors (0 when either is empty)."""
    def weights(c: Counter[str]) -> dict[str, float]:
        return {t: (1.0 + math.log(n)) * idf.get(t, 1.0) for t, n in c.items()}

    wa, wb = weights(a), weights(b)
    dot = math.fsum(w * wb[t] for t, w in wa.items() if t in wb)  # fsum: exact whatever the order
    norm = math.sqrt(math.fsum(w * w for w in wa.values())) * math.sqrt(math.fsum(w * w for w in wb.values()))
    return dot / norm if norm else 0.0


def judge(names: float, narrative: float, days_apart: int | None, window: int, copy: bool,
          params: EventParams) -> EventEvidence:
    """The same-event decision and the reason, in words."""
    if copy:
        return EventEvidence(names, narrative, True, "a copy (provenance): the same story")
    if days_apart is not None:
        if days_apart > window:
            return EventEvidence(names, narrative, False, f"{days_apart} days apart, outside the {window}-day window")
        same = names >= params.dated_names and narrative >= params.dated_narrative
        why = "names and narrative shared, within the window" if same else "too little shared, though within the window"
        return EventEvidence(names, narrative, same, why)
    strong = names >= params.undated_names and narrative >= params.undated_narrative
    alone = narrative >= params.undated_narrative_alone
    if strong or alone:
        return EventEvidence(names, narrative, True, "date unknown: strong name and narrative overlap")
    return EventEvidence(names, narrative, False, "date unknown: not enough shared text to call it the same event")
