"""The web app: ``newsift serve``. Pages for people, the JSON API for programs."""

from .app import create_app
from .limits import Limits

__all__ = ["create_app", "Limits"]
