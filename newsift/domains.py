"""Domains, normalised: scheme, ``www.``, subdomains and ports dropped.

Uses the public suffix list snapshot bundled with tldextract; it never
fetches the list over the network.
"""

from __future__ import annotations

from functools import lru_cache

import tldextract

__all__ = ["normalize_domain", "host_of", "host_chain"]

_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
_EXTRACT_PRIVATE = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)
# hosting platforms whose subdomains are separate publishers (not all are in the PSL private section)
_PLATFORMS = frozenset({"wordpress.com", "substack.com", "medium.com", "tumblr.com", "wixsite.com", "weebly.com"})


def host_of(url_or_domain: str) -> str:
    """The lower-cased host of a URL or bare domain, without ``www.`` or port."""
    value = url_or_domain.strip().lower()
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
    parts = _EXTRACT_PRIVATE(host)
    floor = f"{parts.domain}.{parts.suffix}" if parts.domain and parts.suffix else host
    if floor in _PLATFORMS and host != floor:
        floor = host[: -len(floor) - 1].rsplit(".", 1)[-1] + "." + floor
    chain = [host]
    while chain[-1] != floor and chain[-1].endswith("." + floor):
        chain.append(chain[-1].split(".", 1)[1])
    return chain
