"""Investigate the source: outlet ratings from independent raters.

    >>> from newsift.sources import rate_domain
    >>> rate_domain(store, "politico.com")["score"]

``newsift sources update`` loads the public rating sets into the store;
``rate_domain`` reads one outlet's ratings and summary from there.
"""

from __future__ import annotations

from ._base import Rating, SourceSet
from .sets import SETS
from .credits import find_credits
from .rate import Ratings, rate_domain, siblings
from .store import has_ratings, loaded_sets
from .summary import rebuild_summary
from .update import update_sources

__all__ = [
    "rate_domain",
    "update_sources",
    "rebuild_summary",
    "find_credits",
    "Ratings",
    "Rating",
    "SourceSet",
    "SETS",
    "siblings",
    "has_ratings",
    "loaded_sets",
]
