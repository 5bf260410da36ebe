"""The built-in stages, in the order they run, and what they declare.

Each stage module holds one thin adapter from an analysis package to the
pipeline. To add a stage, write its module and add its class to ``STAGES``;
the report schema, the store's indexers, the resources and the text report read
the stages' declarations from here.
"""

from __future__ import annotations

from typing import Any, Iterable

from ..errors import Errors, InputError
from ..pipeline import Loader, Stage
from ..store import StoreIndexer
from .attribution import AttributionStage
from .claims import ClaimsStage
from .cleaning import CleaningStage
from .coverage import CoverageStage
from .language import LanguageStage
from .provenance import ProvenanceStage
from .sources import SourcesStage

__all__ = ["STAGES", "CleaningStage", "LanguageStage", "AttributionStage", "ClaimsStage", "ProvenanceStage",
           "SourcesStage", "CoverageStage", "DEFAULT_ORDER", "stage_classes", "stage_class", "resource_loaders", "section_schemas",
           "indexers", "layer_descriptions"]

STAGES: tuple[type[Stage], ...] = (
    CleaningStage,
    LanguageStage,
    AttributionStage,
    ClaimsStage,
    ProvenanceStage,
    SourcesStage,
    CoverageStage,
)
DEFAULT_ORDER = [cls.name for cls in STAGES]
_BY_NAME = {cls.name: cls for cls in STAGES}


def stage_class(name: str) -> type[Stage] | None:
    return _BY_NAME.get(name)


def stage_classes(names: Iterable[str] | None = None) -> list[type[Stage]]:
    """The stage classes for these names (all, in order, for None); E015 for an unknown name."""
    if names is None:
        return list(STAGES)
    out = []
    for name in names:
        cls = _BY_NAME.get(name)
        if cls is None:
            raise InputError(Errors.E015.format(name=name, known=", ".join(DEFAULT_ORDER)))
        out.append(cls)
    return out


def resource_loaders() -> dict[str, Loader]:
    """Every resource any built-in stage declares, by name."""
    loaders: dict[str, Loader] = {}
    for cls in STAGES:
        loaders.update({**cls.optional_resources, **cls.resources})
    return loaders


def section_schemas() -> dict[str, dict[str, Any]]:
    return {name: schema for cls in STAGES for name, schema in cls.sections.items()}


def layer_descriptions() -> dict[str, str]:
    """What each declared span layer is, for the report schema (``newsift schema``)."""
    return {name: what for cls in STAGES for name, what in cls.layers.items()}


def indexers() -> list[StoreIndexer]:
    """The store indexers that run when an article is added, in stage order."""
    return [cls.indexer for cls in STAGES if cls.indexer is not None]
