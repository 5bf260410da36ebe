"""Process settings for long runs: the command line (so ``newsift serve`` too) and our own Dask workers call them.

Python's cyclic garbage collector runs a young collection every 700 new container objects, and each
collection that reaches the older generations walks every object alive in them: the loaded models,
the store's caches, the parsed articles. An analysis makes millions of short-lived containers
(tokens, spans, rows), so the default collects very often. ``newsift bench speed --spacy`` against
``--python-gc`` compares the two settings (README; on a noisy machine single runs overlap). Nearly all
of that garbage is freed by reference counting the moment it is dropped, so collecting cycles less
often holds little memory.

A library must not retune the program that imports it: ``Analyzer`` leaves the collector alone, and
the programs newsift runs itself call ``tune_gc``.
"""

from __future__ import annotations

import gc

__all__ = ["tune_gc", "python_gc", "GC_THRESHOLD"]

GC_THRESHOLD = 20_000  # new container objects between young collections (Python's default is 700)
_PYTHON_THRESHOLDS = gc.get_threshold()  # as the interpreter started (nothing of ours has run yet)


def tune_gc(freeze: bool = False) -> None:
    """Collect less often; with ``freeze``, never scan again what is alive now (a worker's modules and models)."""
    if freeze:
        gc.freeze()
    gc.set_threshold(GC_THRESHOLD, 50, 100)


def python_gc() -> None:
    """Back to the interpreter's own thresholds, as a program that imports newsift runs it (benchmarks)."""
    gc.set_threshold(*_PYTHON_THRESHOLDS)
