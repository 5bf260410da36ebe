"""The rating sets newsift knows, by name. To add one, write its reader module and list it here."""

from __future__ import annotations

from . import baly2018, cred1, idiap, lin2023, opensources
from ._base import SourceSet

__all__ = ["SETS"]

SETS: dict[str, SourceSet] = {s.name: s for module in (baly2018, cred1, idiap, lin2023, opensources) for s in module.SETS}
