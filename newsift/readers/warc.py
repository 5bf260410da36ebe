"""Web archives (WARC, plain or gzipped): one article per archived HTML page.

Crawls and Common Crawl News keep pages as WARC ``response`` records. Each
HTML response is reduced to its main text by trafilatura, as an ``.html``
input is; the URL comes from the record's ``WARC-Target-URI`` and the fetch
date from its ``WARC-Date``. The fetch date is when the crawler saw the
page, not when it was published, so it goes into the notes and only the
page's own date becomes ``published``. Records that are not HTML pages
(requests, metadata, images) are passed over; an HTML page with no article
text becomes one ReadProblem and the rest go on.
"""

from __future__ import annotations

from typing import IO, Any, Iterator

from ..settings import option_default
from ..errors import Errors, InputError
from .formats import Item, ReadProblem, READERS

MAX_BYTES: int = option_default("max_bytes")  # the one default, from Options

__all__ = ["read_warc", "WARC_SUFFIXES"]

WARC_SUFFIXES = (".warc", ".warc.gz")


def _is_html(record: Any) -> bool:
    if record.rec_type not in ("response", "resource"):
        return False
    http = record.http_headers
    ctype = (http.get_header("Content-Type") if http is not None else record.rec_headers.get_header("Content-Type"))
    return bool(ctype) and "html" in ctype.lower()


def _page(record: Any, label: str, max_bytes: int) -> Iterator[Item]:
    """The article in one HTML record, with the record's URL and fetch date."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    fetched = record.rec_headers.get_header("WARC-Date")
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        yield ReadProblem(Errors.E404.format(path=label, record=url, why=f"page above the {max_bytes}-byte limit"))
        return
    try:
        for article in READERS[".html"](payload, f"{label}#{url}"):
            if isinstance(article, ReadProblem):
                yield article
                continue
            if url:  # the record's URL is where the page really was; a canonical link may differ
                if article.url and article.url != url:
                    article.notes.append(f"the page names its own URL as {article.url}")
                _set_url(article, url)
            if fetched:
                article.notes.append(f"fetched {fetched} (WARC record); publication date "
                                     f"{'from the page' if article.published else 'unknown'}")
            yield article
    except InputError as exc:
        yield ReadProblem(Errors.E404.format(path=label, record=url, why=str(exc).split(": ", 1)[-1]))


def _set_url(article: Any, url: str) -> None:
    from ..domains import normalize_domain

    article.url = url
    article.domain = normalize_domain(url)
    article.source_path = f"{article.source_path.split('#', 1)[0]}#{url}" if article.source_path else url


def _looks_like_warc(stream: IO[bytes]) -> bool:
    """The stream starts with a WARC header, plain or in a gzip member; the position is restored."""
    import zlib

    start = stream.tell()
    head = stream.read(64 * 1024)
    stream.seek(start)
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            return False
    return head.lstrip(b"\r\n")[:5] == b"WARC/"


def read_warc(stream: IO[bytes], label: str, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    """Every HTML page in a WARC stream, as Articles or per-record ReadProblems."""
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        raise InputError(Errors.E402.format(path=label, kind="WARC", why="warcio is not installed")) from None
    if not _looks_like_warc(stream):  # warcio reads almost anything leniently, warning on stderr
        raise InputError(Errors.E402.format(path=label, kind="WARC", why="no WARC/1.x record header at the start"))
    try:
        for record in ArchiveIterator(stream):
            if _is_html(record):
                yield from _page(record, label, max_bytes)
    except ArchiveLoadFailed as exc:
        raise InputError(Errors.E402.format(path=label, kind="WARC", why=str(exc).splitlines()[0][:200])) from None
