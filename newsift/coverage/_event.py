"""Is a related report about the same event? Evidence from names, narrative text and dates.

Retrieval ranks by BM25 and names; this decides, for the reports it lists,
with evidence a fact-checker can repeat. All text measures leave out
furniture and quotations (two stories quoting the same speech are not
alike for that):

* ``names``: weighted Jaccard of the two articles' narrative names, by rarity;
* ``narrative``: cosine similarity of the two narratives' content words,
  each weighted ``(1 + log tf) * idf``;
* ``lead``: the same for the title plus the first 40 content words, where
  a news story states its event;
* ``title``: the same for the titles.

With both dates known, a report outside the window is not the same event;
inside it, shared names with some shared narrative suffice, or any of the
undated tests. When either date is unknown, stronger text evidence is
required — the whole narrative, the lead or the title alike beyond a
higher bar, or names and narrative both above higher bars than the dated
rule's — and the item says "date unknown". The bars were set on a sample
of BuzzFeed-Webis articles read by hand (``newsift bench same-event``). A report the provenance
stage found copied (either way) is the same story when the two also share
names; a copy with next to no names in common shares background (a block
of statistics, a stock paragraph), not the story.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

__all__ = ["EventParams", "EventEvidence", "judge", "cosine", "cosine_of", "vector", "Vector"]


@dataclass
class EventParams:
    dated_names: float = 0.2  # names shared by a dated report inside the window…
    dated_narrative: float = 0.15  # …with at least this narrative similarity make it the same event
    undated_narrative: float = 0.35  # date unknown (or as an alternative inside the window): the narratives…
    undated_lead: float = 0.4  # …or the leads…
    undated_title: float = 0.5  # …or the titles alike at least this much…
    undated_names: float = 0.25  # …or names and narrative both above the dated bars
    undated_names_narrative: float = 0.2
    min_names: float = 0.05  # and never with next to no names in common
    copy_names: float = 0.1  # a copy sharing fewer names shares background (statistics, a stock paragraph), not the story


@dataclass
class EventEvidence:
    names: float
    narrative: float
    lead: float
    title: float
    same_event: bool = False
    reason: str = ""

    def view(self) -> dict[str, Any]:
        return {"names": round(self.names, 3), "narrative": round(self.narrative, 3), "lead": round(self.lead, 3),
                "title": round(self.title, 3), "reason": self.reason}

    def strong_text(self, params: EventParams) -> str | None:
        """Which text view passes the undated bar, if any (names must pass their floor too)."""
        if self.names < params.min_names:
            return None
        if self.names >= params.undated_names and self.narrative >= params.undated_names_narrative:
            return f"names {self.names:.2f} >= {params.undated_names} and narrative {self.narrative:.2f}"
        for view, value, bar in (("narrative", self.narrative, params.undated_narrative),
                                 ("lead", self.lead, params.undated_lead), ("title", self.title, params.undated_title)):
            if value >= bar:
                return f"{view} similarity {value:.2f} >= {bar}"
        return None


Vector = tuple[dict[str, float], float]  # weights and their norm


def vector(counts: Counter[str], idf: dict[str, float]) -> Vector:
    """``(1 + log tf) * idf`` weights of a word count, with their Euclidean norm."""
    weights = {t: (1.0 + math.log(n)) * idf.get(t, 1.0) for t, n in counts.items()}
    return weights, math.sqrt(math.fsum(w * w for w in weights.values()))  # fsum: exact whatever the order


def cosine_of(a: Vector, b: Vector) -> float:
    (wa, na), (wb, nb) = a, b
    if len(wb) < len(wa):
        wa, wb = wb, wa
    return math.fsum(w * wb[t] for t, w in wa.items() if t in wb) / (na * nb) if na and nb else 0.0


def cosine(a: Counter[str], b: Counter[str], idf: dict[str, float]) -> float:
    """Cosine of ``(1 + log tf) * idf`` vectors (0 when either is empty)."""
    return cosine_of(vector(a, idf), vector(b, idf))


def judge(ev: EventEvidence, days_apart: int | None, window: int, copy: bool, params: EventParams) -> EventEvidence:
    """Sets ``ev.same_event`` and ``ev.reason`` (in words) and returns ``ev``."""
    strong = ev.strong_text(params)
    if copy and ev.names >= params.copy_names:
        ev.same_event, ev.reason = True, "a copy (provenance): the same story"
    elif copy and strong is None:
        ev.same_event = False
        ev.reason = f"a copy (provenance), but names {ev.names:.2f} < {params.copy_names}: shared background, not the story"
    elif days_apart is not None and days_apart > window:
        ev.same_event, ev.reason = False, f"{days_apart} days apart, outside the {window}-day window"
    elif days_apart is not None:
        names_and_text = ev.names >= params.dated_names and ev.narrative >= params.dated_narrative
        ev.same_event = names_and_text or strong is not None
        ev.reason = ("within the window: " + ("names and narrative shared" if names_and_text else strong or "")
                     if ev.same_event else "within the window, but too little shared")
    elif strong is not None:
        ev.same_event, ev.reason = True, f"date unknown: {strong}"
    else:
        ev.same_event, ev.reason = False, "date unknown: not enough shared text to call it the same event"
    return ev
