"""Domains, normalised: scheme, ``www.``, subdomains and ports dropped.

Uses the public suffix list snapshot bundled with tldextract; it never
fetches the list over the network. A copy on an archive or mirror host
(the Wayback Machine, archive.today, Google's AMP cache and viewer) stands
for the page it copied: ``original_url`` recovers that page's URL when the
archive's own URL carries it, and the domain functions use it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote

import tldextract

__all__ = ["normalize_domain", "host_of", "host_chain", "original_url"]

# archive hosts whose URLs carry the archived page's URL after a timestamp or id
_WAYBACK = re.compile(r"^(?:[a-z]+://)?(?:www\.)?(?:web\.)?(?:wayback\.)?archive\.org/web/[^/]*/(?P<url>.+)$", re.I)
_ARCHIVE_TODAY = re.compile(
    r"^(?:[a-z]+://)?(?:www\.)?archive\.(?:today|ph|is|li|fo|md|vn)/(?:o/[^/]+/|newest/|oldest/|\d{4}[\d.\-]*/)"
    r"(?P<url>.+)$", re.I)
# AMP cache: https://www-example-com.cdn.ampproject.org/c/s/www.example.com/path ("s/" marks https)
_AMP_CACHE = re.compile(r"^(?:[a-z]+://)?[^/]+\.cdn\.ampproject\.org/(?:[a-z]+/)*?(?P<secure>s/)?(?P<url>[^/]+\.[^/]+(?:/.*)?)$",
                        re.I)
# Google's AMP viewer: https://www.google.com/amp/s/www.example.com/path
_AMP_VIEWER = re.compile(r"^(?:[a-z]+://)?(?:www\.)?google\.[a-z.]+/amp/(?P<secure>s/)?(?P<url>.+)$", re.I)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*:/+", re.I)


def original_url(url: str) -> str:
    """The archived page's URL when ``url`` is an archive or AMP-cache copy that names it, else ``url``.

    Nested copies (an archive of an AMP page) are unwrapped in turn. A short
    archive.today id (``archive.ph/AbCd1``) does not name the page: it is kept.
    """
    value = url.strip()
    for _ in range(4):  # nesting deeper than this is not a real archive URL
        inner = _unwrap(value)
        if inner is None or inner == value:
            return value
        value = inner
    return value


def _unwrap(url: str) -> str | None:
    for pattern in (_WAYBACK, _ARCHIVE_TODAY):
        match = pattern.match(url)
        if match:
            inner = unquote(match.group("url")) if "%3a" in match.group("url")[:12].lower() else match.group("url")
            return _with_scheme(inner, "http://")
    for pattern in (_AMP_CACHE, _AMP_VIEWER):
        match = pattern.match(url)
        if match:
            return _with_scheme(match.group("url"), "https://" if match.group("secure") else "http://")
    return None


def _with_scheme(url: str, default: str) -> str | None:
    """``url`` with a scheme (the Wayback Machine may write ``http:/x`` with one slash); None if no host."""
    rest = _SCHEME.sub("", url)
    host = rest.split("/", 1)[0]
    if "." not in host:
        return None
    scheme = _SCHEME.match(url)
    return (scheme.group(0).split(":")[0] + "://" if scheme else default) + rest

# one extractor (the snapshot is parsed once); private-section suffixes are asked for per call
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
# hosting platforms whose subdomains are separate publishers (not all are in the PSL private section)
_PLATFORMS = frozenset({"wordpress.com", "substack.com", "medium.com", "tumblr.com", "wixsite.com", "weebly.com"})


def host_of(url_or_domain: str) -> str:
    """The lower-cased host of a URL or bare domain (an archived page's own), without ``www.`` or port."""
    value = original_url(url_or_domain).strip().lower()
    if "://" in value:
        value = value.split("://", 1)[1]
    value = value.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    value = value.rsplit("@", 1)[-1].split(":", 1)[0].strip(".")
    return value[4:] if value.startswith("www.") else value


@lru_cache(maxsize=65536)
def normalize_domain(url_or_domain: str | None) -> str | None:
    """The registrable domain (``news.bbc.co.uk`` → ``bbc.co.uk``), or None if there is none."""
    if not url_or_domain or not url_or_domain.strip():
        return None
    host = host_of(url_or_domain)
    if not host:
        return None
    parts = _EXTRACT(host)
    if not parts.suffix or not parts.domain:
        return host or None
    return f"{parts.domain}.{parts.suffix}"


def host_chain(url_or_domain: str | None) -> list[str]:
    """The host, then each parent down to the registrable domain: ``a.b.bbc.co.uk`` → ``[a.b.bbc.co.uk, b.bbc.co.uk, bbc.co.uk]``.

    Stops above a hosting platform (``x.wordpress.com``, ``x.blogspot.com``), whose subdomains are separate publishers.
    """
    if not url_or_domain or not url_or_domain.strip():
        return []
    host = host_of(url_or_domain)
    if not host:
        return []
    parts = _EXTRACT(host, include_psl_private_domains=True)
    floor = f"{parts.domain}.{parts.suffix}" if parts.domain and parts.suffix else host
    if floor in _PLATFORMS and host != floor:
        floor = host[: -len(floor) - 1].rsplit(".", 1)[-1] + "." + floor
    chain = [host]
    while chain[-1] != floor and chain[-1].endswith("." + floor):
        chain.append(chain[-1].split(".", 1)[1])
    return chain
