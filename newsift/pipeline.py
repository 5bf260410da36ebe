"""Stages, the resources they share, and the pipeline that runs them.

A stage declares everything about itself as class attributes: the layers it
``requires`` (must have run), ``uses`` (read when present) and ``assigns``;
the ``resources`` it needs with their loaders; the JSON schema of each
section it writes (``sections``); what each of its span layers is
(``layers``, described in the report schema); and, when it keeps rows in the store, its
``indexer``. Nothing registers by being imported: ``newsift.stages`` lists
the built-in stages in order.

The pipeline checks requirements when it is built. Resources load once,
lazily, on the ``Resources`` object that owns them; a stage whose resource
is unavailable is skipped and the report says why — it never fails the
whole analysis.
"""

from __future__ import annotations

import logging
import os
import time
from typing import Any, Callable, ClassVar, Iterable, Mapping

from .errors import Errors, InputError, NewsiftError, ResourceUnavailable
from .model import Report, StageRecord
from .settings import Options
from .store import StoreIndexer

__all__ = ["Stage", "Resources", "Pipeline", "Loader"]

log = logging.getLogger("newsift")

# loader(resources) -> the resource; raises ResourceUnavailable when it cannot be had
Loader = Callable[["Resources"], Any]


class Resources:
    """Lazily loaded, shared resources (language model, store, classifiers).

    ``loaders`` maps a resource name to its loader; a pipeline adds the
    loaders its stages declare.
    """

    def __init__(self, options: Options | None = None, loaders: Mapping[str, Loader] | None = None) -> None:
        self.options = options or Options()
        self._loaders: dict[str, Loader] = dict(loaders or {})
        self._loaded: dict[str, Any] = {}
        self._missing: dict[str, str] = {}

    def add_loaders(self, loaders: Mapping[str, Loader]) -> None:
        for name, loader in loaders.items():
            self._loaders.setdefault(name, loader)

    def get(self, name: str) -> Any:
        if name in self._loaded:
            return self._loaded[name]
        if name in self._missing:
            raise ResourceUnavailable(self._missing[name])
        loader = self._loaders.get(name)
        if loader is None:
            why = Errors.E023.format(name=name, why="no loader is registered")
            self._missing[name] = why
            raise ResourceUnavailable(why)
        try:
            value = loader(self)
        except ResourceUnavailable as exc:
            self._missing[name] = str(exc)
            raise
        self._loaded[name] = value
        return value

    def available(self, name: str) -> bool:
        try:
            self.get(name)
        except ResourceUnavailable:
            return False
        return True

    def put(self, name: str, value: Any) -> None:
        """Provide a resource directly (tests, or a caller that already holds it)."""
        self._loaded[name] = value
        self._missing.pop(name, None)

    def reset(self) -> None:
        """Drop every loaded resource (closing those that can be closed)."""
        for value in self._loaded.values():
            close = getattr(value, "close", None)
            if callable(close):
                close()
        self._loaded.clear()
        self._missing.clear()


class Stage:
    """One step of the analysis; subclasses set the class attributes and ``run``."""

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()  # layers that must have been assigned
    uses: ClassVar[tuple[str, ...]] = ()  # layers read when present
    assigns: ClassVar[tuple[str, ...]] = ()  # layers or sections this stage adds
    resources: ClassVar[Mapping[str, Loader]] = {}  # resource name -> loader, loaded before run
    optional_resources: ClassVar[Mapping[str, Loader]] = {}  # loaded only if the stage asks for them
    sections: ClassVar[Mapping[str, dict[str, Any]]] = {}  # section name -> JSON schema of its value
    layers: ClassVar[Mapping[str, str]] = {}  # span layer -> what a reader sees it as
    indexer: ClassVar[StoreIndexer | None] = None  # rows this stage keeps in the store at index time

    def run(self, report: Report, resources: Resources) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def render_text(self, report: Report) -> list[Any]:
        """Renderables (rich) or strings for the text report; empty by default."""
        return []

    def prepare(self, reports: list[Report], resources: Resources) -> None:
        """Work done for many reports at once before any runs (batched parsing); none by default."""


class Pipeline:
    """An ordered list of stages, checked when built."""

    def __init__(self, stages: Iterable[type[Stage]], resources: Resources | None = None) -> None:
        self.resources = resources or Resources()
        self.stages: list[Stage] = []
        assigned: set[str] = set()
        for cls in stages:
            for layer in cls.requires:
                if layer not in assigned:
                    raise InputError(Errors.E016.format(stage=cls.name, layer=layer))
            assigned.update(cls.assigns)
            self.resources.add_loaders(cls.resources)
            self.resources.add_loaders(cls.optional_resources)
            self.stages.append(cls())

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def stage(self, name: str) -> Stage | None:
        return next((s for s in self.stages if s.name == name), None)

    def prepare(self, reports: list[Report]) -> None:
        """Let each stage batch its work over many reports; an unavailable resource leaves it to ``run``."""
        for stage in self.stages:
            try:
                stage.prepare(reports, self.resources)
            except ResourceUnavailable:
                continue

    def __call__(self, report: Report) -> Report:
        for stage in self.stages:
            self._run_stage(stage, report)
        return report

    def _run_stage(self, stage: Stage, report: Report) -> None:
        started = time.perf_counter()
        missing = [layer for layer in stage.requires if not _assigned(report, layer)]
        if missing:
            reason = f"needs {', '.join(missing)}, which an earlier stage did not produce"
            report.stages.append(StageRecord(stage.name, "skipped", reason))
            return
        try:
            for name in stage.resources:
                self.resources.get(name)
            stage.run(report, self.resources)
        except ResourceUnavailable as exc:
            report.stages.append(StageRecord(stage.name, "skipped", str(exc), time.perf_counter() - started))
            return
        except Exception as exc:  # a bug in one stage must not lose the others' findings
            if os.environ.get("NEWSIFT_DEBUG"):
                raise
            why = str(exc) if isinstance(exc, NewsiftError) else f"{type(exc).__name__}: {exc}"
            reason = Errors.E526.format(stage=stage.name, why=" ".join(why.split()))  # one line, whatever exc says
            log.debug("stage %s failed", stage.name, exc_info=True)  # the traceback is for NEWSIFT_DEBUG only
            report.stages.append(StageRecord(stage.name, "failed", reason, time.perf_counter() - started))
            return
        report.stages.append(StageRecord(stage.name, "ran", None, time.perf_counter() - started))


def _assigned(report: Report, layer: str) -> bool:
    return layer in report.layers or layer in report.sections or layer in report.scratch
