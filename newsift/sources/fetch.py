"""Getting a set's files: from its canonical public address, a mirror base URL, or a local folder.

``origin`` None means the canonical addresses (each overridable by the
``sources_urls`` setting, keyed by the file's local path); an ``http(s)://``
origin is a base URL laid out like ``../shared/data/sources``; anything else
is a local folder with that layout.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

from ..errors import Errors, InputError
from ._base import SourceSet

__all__ = ["fetch_set", "check_origin", "is_url"]

_USER_AGENT = "newsift-sources/0.1"


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def check_origin(origin: str | None) -> None:
    """Refuse an origin that is neither a URL nor an existing folder."""
    if origin and not is_url(origin) and not Path(origin).is_dir():
        raise InputError(Errors.E205.format(value=origin))


def fetch_set(source_set: SourceSet, origin: str | None, urls: dict[str, str],
              timeout: float) -> tuple[dict[str, bytes], dict[str, str]]:
    """``(content by local path, where each file came from)``."""
    content: dict[str, bytes] = {}
    where: dict[str, str] = {}
    for local, canonical in source_set.files.items():
        if origin is None:
            address = urls.get(local, canonical)
        elif is_url(origin):
            address = origin.rstrip("/") + "/" + local
        else:
            address = str((Path(origin) / local).resolve())
        content[local] = _read(address, timeout)
        where[local] = address
    return content, where


def _read(address: str, timeout: float) -> bytes:
    if not is_url(address):
        try:
            return Path(address).read_bytes()
        except OSError as exc:
            raise InputError(Errors.E201.format(where=address, why=exc.strerror or exc)) from None
    request = urllib.request.Request(address, headers={"User-Agent": _USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()
    except urllib.error.HTTPError as exc:
        raise InputError(Errors.E201.format(where=address, why=f"HTTP {exc.code}")) from None
    except (urllib.error.URLError, OSError) as exc:
        why = getattr(exc, "reason", None) or exc
        raise InputError(Errors.E201.format(where=address, why=why)) from None
