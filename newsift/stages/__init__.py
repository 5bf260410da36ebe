"""The built-in stages, in the order they run.

Each module registers its stage with ``@register_stage``; importing this
package registers them all. To add a stage, write its module and add it here.
"""

from __future__ import annotations

import importlib

from ..pipeline import STAGES

__all__ = ["DEFAULT_ORDER"]

# (module, stage name) in pipeline order
_BUILTIN = [
    ("cleaning", "cleaning"),
    ("language", "language"),
    ("attribution", "attribution"),
    ("claims", "claims"),
    ("provenance", "provenance"),
    ("sources", "sources"),
    ("coverage", "coverage"),
]

for _module, _ in _BUILTIN:
    importlib.import_module(f"{__name__}.{_module}")

DEFAULT_ORDER = [name for _, name in _BUILTIN if name in STAGES]
