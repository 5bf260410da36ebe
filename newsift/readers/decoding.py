"""Decoding bytes into text, and reading files within a size limit.

Reading is bounded whatever the input is: only regular files are opened
(a FIFO, a device or a symlink to ``/dev/zero`` is refused before it is
opened, so nothing blocks), and at most ``max_bytes + 1`` bytes are read.

Decoding is UTF-8. Text that is UTF-8 with a few damaged bytes keeps its
UTF-8 reading, the damaged bytes becoming U+FFFD, and a warning names how
many; only bytes that are clearly in another encoding (a BOM, a declared
charset, or more invalid sequences than valid non-ASCII characters) are
decoded with that encoding. (An article text with no letter at all is
refused by ``Article.from_fields``.)
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import warnings
from pathlib import Path
from typing import Any

from ..errors import Errors, InputError

__all__ = ["decode", "read_limited", "read_stream", "human_size", "ReadWarning", "json_depth_ok",
           "MAX_JSON_DEPTH"]

MAX_JSON_DEPTH = 64  # an article object is two levels deep; anything far deeper is hostile or broken
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)


class ReadWarning(UserWarning):
    """Something a reader changed or guessed that the user should see (the CLI prints it on stderr)."""


def human_size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 1_000_000 else f"{n:,} bytes"


def decode(data: bytes, label: str) -> tuple[str, list[str]]:
    """Decode bytes as UTF-8 (see the module notes); the notes say what was replaced or guessed."""
    if not data:
        raise InputError(Errors.E002.format(path=label))
    sample = data[:8192]
    bom = next((enc for mark, enc in _BOMS if data.startswith(mark)), None)
    if b"\x00" in sample and bom is None:
        raise InputError(Errors.E004.format(path=label, why="it contains NUL bytes"))
    notes: list[str] = []
    if bom is not None:
        text = data.decode(bom, errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text, notes = _decode_invalid(data, label)
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text[:8192]) // 50):
        raise InputError(Errors.E004.format(path=label, why=f"{controls} control characters in the first 8 KB"))
    if not text.strip():
        raise InputError(Errors.E003.format(path=label))
    return text, notes


def _decode_invalid(data: bytes, label: str) -> tuple[str, list[str]]:
    """Bytes that are not valid UTF-8: UTF-8 with replacements, unless clearly another encoding.

    Valid multi-byte UTF-8 sequences almost never occur by chance in a
    legacy encoding, so a text holding some is UTF-8 with damaged bytes.
    Without any, Latin-script text (mostly ASCII) is read as Windows-1252,
    the web's legacy default, rather than guessed from a handful of bytes;
    only mostly non-ASCII text is given to a charset detector.
    """
    declared = _declared_charset(data[:4096])
    if declared:
        return _other_encoding(data, label, declared)
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")  # U+FFFD already in the file is not damage
    valid_multibyte = sum(1 for ch in text if ord(ch) > 0x7F) - text.count("\ufffd")
    if valid_multibyte and (bad <= valid_multibyte or bad <= 8):  # random bytes make some valid pairs by chance
        return _replaced(text, label, bad)
    high = sum(1 for byte in data if byte > 0x7F)
    if high * 10 <= len(data) and _decodes(data, "cp1252"):
        return _other_encoding(data, label, "cp1252")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or not best.encoding:
        if bad * 10 > len(data):  # one byte in ten broken and no charset fits: not text
            raise InputError(Errors.E505.format(path=label, bad=bad, size=len(data)))
        return _replaced(text, label, bad)
    return _other_encoding(data, label, best.encoding)


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _replaced(text: str, label: str, bad: int) -> tuple[str, list[str]]:
    message = Errors.E501.format(path=label, count=bad)
    warnings.warn(message, ReadWarning, stacklevel=4)
    return text, [message]


def _other_encoding(data: bytes, label: str, encoding: str) -> tuple[str, list[str]]:
    message = Errors.E024.format(path=label, encoding=encoding)
    warnings.warn(message, ReadWarning, stacklevel=4)
    return data.decode(encoding, errors="replace"), [message]


def _declared_charset(head: bytes) -> str | None:
    """A non-UTF-8 charset the document declares (HTML meta, XML prolog), if Python knows it."""
    match = _DECLARED.search(head)
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return None if name in ("utf-8", "utf-8-sig") else name


def json_depth_ok(text: str, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether JSON text nests at most ``limit`` levels (brackets inside strings do not count)."""
    if text.count("[") + text.count("{") <= limit:
        return True
    depth = 0
    for match in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                return False
        elif token in "]}":
            depth -= 1
    return True


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def read_limited(path: Path, max_bytes: int) -> bytes:
    """At most ``max_bytes`` of a regular file; E005 beyond, E402 for anything but a regular file."""
    label = str(path)
    try:
        info = os.stat(path)  # follows symlinks: a link to /dev/zero is seen as the device it is
    except FileNotFoundError:
        raise InputError(Errors.E001.format(path=label)) from None
    except OSError as exc:
        raise InputError(Errors.E013.format(path=label, why=exc.strerror or exc)) from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(Errors.E502.format(path=label, kind=_kind(info.st_mode)))
    if info.st_size > max_bytes:
        raise InputError(Errors.E005.format(path=label, size=human_size(info.st_size), limit=human_size(max_bytes)))
    try:
        # O_NONBLOCK: if the path was swapped for a FIFO since the stat, opening it must not hang
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(Errors.E013.format(path=label, why=exc.strerror or exc)) from None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputError(Errors.E502.format(path=label, kind=_kind(os.fstat(fd).st_mode)))
        return read_stream(fh, label, max_bytes)


def read_stream(fh: Any, label: str, max_bytes: int) -> bytes:
    """Read at most ``max_bytes`` (E005 when there is more), whatever the stream is."""
    try:
        data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(Errors.E013.format(path=label, why=exc.strerror or exc)) from None
    if len(data) > max_bytes:
        raise InputError(Errors.E005.format(path=label, size=f"over {human_size(max_bytes)}",
                                            limit=human_size(max_bytes)))
    return bytes(data)
