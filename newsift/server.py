"""The web service (kept for imports of ``newsift.server``): see ``newsift.web``."""

from __future__ import annotations

from .web import Limits, create_app

__all__ = ["create_app", "Limits"]
