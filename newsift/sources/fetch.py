"""Getting a set's files: from its canonical public address, a mirror base URL, or a local folder.

``origin`` None means the canonical addresses (each overridable by the
``sources_urls`` setting, keyed by the file's local path); an ``http(s)://``
origin is a base URL laid out like ``../shared/data/sources``; anything else
is a local folder with that layout. Downloads go through ``newsift.fetch``:
http(s) only, at most ``MAX_REDIRECTS`` redirects, a size cap and one
deadline for the whole download.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import Errors, InputError
from ..fetch import fetch_url
from ..readers.decoding import read_limited
from ._base import SourceSet

__all__ = ["fetch_set", "check_origin", "is_url"]

_USER_AGENT = "newsift-sources/0.1"
MAX_SET_BYTES = 100_000_000  # the largest public set file is about 4 MB
MAX_REDIRECTS = 5


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def check_origin(origin: str | None) -> None:
    """Refuse an origin that is neither a URL nor an existing folder."""
    if origin and not is_url(origin) and not Path(origin).is_dir():
        raise InputError(Errors.E205.format(value=origin))


def fetch_set(source_set: SourceSet, origin: str | None, urls: dict[str, str], timeout: float,
              max_bytes: int = MAX_SET_BYTES) -> tuple[dict[str, bytes], dict[str, str]]:
    """``(content by local path, where each file came from)``; each file within ``max_bytes`` and ``timeout`` s."""
    content: dict[str, bytes] = {}
    where: dict[str, str] = {}
    for local, canonical in source_set.files.items():
        if origin is None:
            address = urls.get(local, canonical)
        elif is_url(origin):
            address = origin.rstrip("/") + "/" + local
        else:
            address = str((Path(origin) / local).resolve())
        content[local] = _read(address, timeout, max_bytes)
        where[local] = address
    return content, where


def _read(address: str, timeout: float, max_bytes: int) -> bytes:
    """A local file (regular, bounded) or a download (http(s) only, bounded in size, time and redirects)."""
    if not is_url(address):
        try:
            return read_limited(Path(address), max_bytes)
        except InputError as exc:
            raise InputError(Errors.E201.format(where=address, why=exc)) from None
    try:
        # the operator chose this origin, so a mirror on their own network is allowed
        return fetch_url(address, max_bytes=max_bytes, timeout_total=timeout, max_redirects=MAX_REDIRECTS,
                         allow_private=True, user_agent=_USER_AGENT).body
    except InputError as exc:
        raise InputError(Errors.E201.format(where=address, why=exc)) from None
