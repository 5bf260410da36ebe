"""Looking up an outlet: its raters' labels, the summary score, and what can be said when it is unrated."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ..domains import host_chain, normalize_domain
from ..errors import Errors, ResourceUnavailable
from ..store import Store
from .store import has_ratings, loaded_sets, ratings_of, summary_of
from .summary import name_key, sld_of

if TYPE_CHECKING:
    from ..pipeline import Resources

__all__ = ["load_ratings", "rate_domain", "Ratings", "siblings"]

_AFFIXES = ("news", "daily", "the", "online", "today", "report", "live", "24", "now", "usa")
# first labels of hosts that are one outlet's edition, mobile or language version, not another outlet
EDITION_LABELS = frozenset("www www2 m mobile amp edition editions international intl global en us uk eu ca au".split())
_VALID = re.compile(r"^[a-z0-9.-]+\.[a-z0-9-]{2,}$")


def rate_domain(store: Store, domain: str) -> dict[str, Any] | None:
    """One outlet's ratings: ``{domain, score, raters, summary, …}``; None if no ratings are loaded or not a domain.

    ``score`` is None when no loaded set rates the outlet: it is never guessed.
    The host is tried first, then its parents (``news.example.com`` → ``example.com``): a subdomain can
    be another outlet (``abcnews.go.com`` is not ``go.com``). An edition or mobile host of one outlet
    (``edition.cnn.com``, ``m.``, ``uk.``) takes whichever of its own and its site's ratings has more raters.
    """
    chain = host_chain(domain)
    if not chain or not _VALID.match(chain[0]) or not has_ratings(store):
        return None
    sets = loaded_sets(store)
    found = [(key, summary) for key in chain if (summary := summary_of(store, key)) is not None]
    if not found:
        return _unrated(store, chain[0], sets)
    key, summary = found[0]
    if key == chain[0] and chain[0].split(".", 1)[0] in EDITION_LABELS and len(found) > 1:
        # an edition host (edition.cnn.com) is its outlet: the rating with more raters speaks for it
        key, summary = max(found, key=lambda ks: ks[1].get("n_raters") or 0)
    return _rated(store, chain[0], key, summary, sets)


def _rated(store: Store, host: str, key: str, summary: dict[str, Any], sets: dict[str, dict]) -> dict[str, Any]:
    raters = []
    for r in ratings_of(store, key):
        meta = sets.get(r["rater"], {})
        raters.append({
            **r,
            "calibrated": summary["counted"].get(r["rater"]),
            "title": meta.get("title"), "scale": meta.get("scale"), "cite": meta.get("cite"),
            "source": meta.get("origin"), "fetched_at": meta.get("fetched_at"),
        })
    return {"domain": host, "matched": key, "rated": True, "score": summary["score"], "raters": raters,
            "summary": summary}


def _unrated(store: Store, host: str, sets: dict[str, dict]) -> dict[str, Any]:
    note = f"unrated: none of the {len(sets)} loaded rating sets lists {host}"
    return {"domain": host, "matched": None, "rated": False, "score": None, "raters": [],
            "summary": {"score": None, "rule": None, "note": note, "sets_checked": sorted(sets)},
            "siblings": siblings(store, host)}


def siblings(store: Store, domain: str, limit: int = 10) -> list[dict[str, Any]]:
    """Rated domains with the same name under another suffix (``abcnews.com.co`` ~ ``abcnews.com``)."""
    registrable = normalize_domain(domain) or domain
    rows = store.conn.execute(
        "SELECT domain, score, n_raters FROM source_summary WHERE sld = ? AND domain != ? ORDER BY n_raters DESC LIMIT ?",
        (sld_of(registrable), domain, limit),
    ).fetchall()
    return [{"domain": d, "score": s, "n_raters": n, "relation": "same name, other suffix"} for d, s, n in rows]


class Ratings:
    """The ratings in one store, with the lookups the ``sources`` stage needs; caches live here."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._slds: list[str] | None = None
        self._sld_set: set[str] = set()
        self._names: dict[str, str | None] = {}

    def rate(self, domain: str) -> dict[str, Any] | None:
        return rate_domain(self.store, domain)

    def resolve(self, name_or_domain: str) -> str | None:
        """The rated domain a name or domain refers to ("The Washington Post" → washingtonpost.com), or None."""
        if "." in name_or_domain and " " not in name_or_domain.strip():
            return self._rated_host(name_or_domain)
        return self._domain_for_name(name_or_domain)

    def _rated_host(self, domain: str) -> str | None:
        for key in host_chain(domain):
            if self.store.conn.execute("SELECT 1 FROM source_summary WHERE domain = ?", (key,)).fetchone():
                return key
        return None

    def _domain_for_name(self, name: str) -> str | None:
        key = name_key(name)
        if key not in self._names:
            row = self.store.conn.execute(
                "SELECT domain FROM source_names WHERE key = ? ORDER BY weight DESC, domain LIMIT 1", (key,)
            ).fetchone() if len(key) >= 2 else None
            self._names[key] = row[0] if row else None
        return self._names[key]

    def lookalikes(self, domain: str, limit: int = 5) -> list[dict[str, Any]]:
        """Rated domains whose name is one edit away, or the same name with a common affix (cnn-news → cnn)."""
        slds = self._sld_list()
        sld = sld_of(normalize_domain(domain) or domain)
        bare = sld.replace("-", "")
        found: dict[str, str] = {}
        if len(sld) >= 6 and sld not in self._sld_set:  # typo-like names only when no same-name sibling exists
            for other, _, _ in process.extract(sld, slds, scorer=Levenshtein.distance, score_cutoff=1,
                                               limit=limit):
                if other != sld:
                    found[other] = "name one letter away"
        for affix in _AFFIXES:
            for stem in (bare.removeprefix(affix), bare.removesuffix(affix)):
                if stem != bare and len(stem) >= 3 and stem in self._sld_set:
                    found.setdefault(stem, f"same name plus '{affix}'")
        return [self._describe(other, why) for other, why in list(found.items())[:limit]]

    def _sld_list(self) -> list[str]:
        if self._slds is None:
            self._slds = sorted({r[0] for r in self.store.conn.execute("SELECT sld FROM source_summary")})
            self._sld_set = set(self._slds)
        return self._slds

    def _describe(self, sld: str, why: str) -> dict[str, Any]:
        row = self.store.conn.execute(
            "SELECT domain, score, n_raters FROM source_summary WHERE sld = ? ORDER BY n_raters DESC LIMIT 1", (sld,)
        ).fetchone()
        return {"domain": row[0], "score": row[1], "n_raters": row[2], "relation": why}

    def reset(self) -> None:
        self._slds = None
        self._sld_set = set()
        self._names.clear()


def load_ratings(resources: "Resources") -> Ratings:
    """The outlet ratings in the store; unavailable (with the command to run) when never loaded."""
    try:
        store = resources.get("store")
    except ResourceUnavailable:
        raise ResourceUnavailable(Errors.E200.format(path=resources.options.db)) from None
    if not has_ratings(store):
        raise ResourceUnavailable(Errors.E200.format(path=resources.options.db))
    return Ratings(store)
