"""Fetch one web page, bounded: size cap, overall deadline, redirect limit.

``fetch_url`` is the one way newsift reads the network (``check URL``, the
web app's URL field, ``sources update --from URL``). Every limit is a hard
one, because a fetched page is untrusted input:

- only http and https, checked again on every redirect hop;
- a host that resolves to a private, loopback, link-local or otherwise
  non-public address is refused unless ``allow_private`` (the check runs at
  connect time on the address actually dialled, so a DNS answer that changes
  between the check and the connection cannot slip through);
- the body is streamed and cut at ``max_bytes`` + 1;
- ``timeout_total`` bounds the whole download, every socket operation
  included: a server that trickles one byte a second is cut off at the
  deadline, not after each read.

Errors are one-line coded ``InputError``s (E460–E479).
"""

from __future__ import annotations

import hashlib
import ipaddress
import socket
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Iterable
from urllib.parse import urljoin, urlsplit

from .errors import Errors, InputError

__all__ = ["Fetched", "fetch_url", "read_url", "check_host", "is_url", "DEFAULT_USER_AGENT"]

DEFAULT_USER_AGENT = "newsift (+fact-checking reader; one page per request)"
_REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class Fetched:
    """One fetched page: where it was asked for, where it ended, and its bytes."""

    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes
    fetched_at: str  # ISO 8601, UTC
    sha256: str

    def to_dict(self) -> dict[str, Any]:
        """The fetch record without the body (what a report or the store keeps)."""
        return {"url": self.url, "final_url": self.final_url, "status": self.status,
                "content_type": self.content_type, "bytes": len(self.body),
                "fetched_at": self.fetched_at, "sha256": self.sha256}


def is_url(value: str) -> bool:
    """True when ``value`` looks like an absolute web address (any scheme with //)."""
    return "://" in value[:16] and bool(urlsplit(value).netloc)


def _short(url: str) -> str:
    # messages name the address, never a whole pasted payload
    return url if len(url) <= 200 else url[:197] + "…"


def _blocked_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError):
        return []
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def check_host(url: str, allow_private: bool) -> None:
    """Refuse a URL whose scheme is not http(s) or whose host is not public."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError(Errors.E460.format(url=_short(url)))
    if allow_private:
        return
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    addresses = _resolve(parts.hostname, port)
    if not addresses:
        raise InputError(Errors.E462.format(url=_short(url), host=parts.hostname))
    blocked = [a for a in addresses if _blocked_address(a)]
    if blocked:
        raise InputError(Errors.E461.format(url=_short(url), host=parts.hostname, address=blocked[0]))


class _Deadline:
    """Seconds left before one overall deadline."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def expired(self) -> bool:
        return time.monotonic() >= self.end

    def left(self, wanted: float | None = None) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            import httpcore

            raise httpcore.ReadTimeout("overall deadline passed")
        return left if wanted is None else min(wanted, left)


def _guarded_backend(deadline: _Deadline, allow_private: bool) -> Any:
    """An httpcore network backend that checks each dialled address and bounds every socket call."""
    import httpcore

    class Stream(httpcore.NetworkStream):
        def __init__(self, inner: Any) -> None:
            self._inner = inner

        def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
            return self._inner.read(max_bytes, deadline.left(timeout))

        def write(self, buffer: bytes, timeout: float | None = None) -> None:
            self._inner.write(buffer, deadline.left(timeout))

        def close(self) -> None:
            self._inner.close()

        def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                      timeout: float | None = None) -> Any:
            return Stream(self._inner.start_tls(ssl_context, server_hostname, deadline.left(timeout)))

        def get_extra_info(self, info: str) -> Any:
            return self._inner.get_extra_info(info)

    class Backend(httpcore.SyncBackend):
        def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                        local_address: str | None = None,
                        socket_options: Iterable[Any] | None = None) -> Any:
            addresses = _resolve(host, port)
            if not addresses:
                raise httpcore.ConnectError(f"cannot resolve host {host}")
            if not allow_private:
                blocked = [a for a in addresses if _blocked_address(a)]
                if blocked:
                    raise InputError(Errors.E461.format(url=host, host=host, address=blocked[0]))
            inner = super().connect_tcp(addresses[0], port, deadline.left(timeout), local_address, socket_options)
            return Stream(inner)

    return Backend()


def _client(deadline: _Deadline, allow_private: bool, user_agent: str) -> Any:
    import httpx

    transport = httpx.HTTPTransport(retries=0)
    pool = getattr(transport, "_pool", None)
    if pool is not None and hasattr(pool, "_network_backend"):
        # httpx has no public hook for the network backend; without it the per-hop
        # check_host() above still applies, only the connect-time re-check is lost
        pool._network_backend = _guarded_backend(deadline, allow_private)
    return httpx.Client(transport=transport, follow_redirects=False, trust_env=False,
                        timeout=httpx.Timeout(deadline.seconds),
                        headers={"User-Agent": user_agent, "Accept": "text/html,text/plain,*/*;q=0.5"})


def _read_body(response: Any, url: str, max_bytes: int, deadline: _Deadline) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputError(Errors.E464.format(url=_short(url), limit=_human(max_bytes)))
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes(65536):  # decoded: a compressed bomb is capped too
        size += len(chunk)
        if size > max_bytes:
            raise InputError(Errors.E464.format(url=_short(url), limit=_human(max_bytes)))
        chunks.append(chunk)
        if deadline.expired():
            raise InputError(Errors.E465.format(url=_short(url), seconds=deadline.seconds))
    return b"".join(chunks)


def _human(n: int) -> str:
    from .readers.decoding import human_size

    return human_size(n)


def fetch_url(url: str, *, max_bytes: int = 20_000_000, timeout_total: float = 30.0, max_redirects: int = 5,
              allow_private: bool = False, user_agent: str = DEFAULT_USER_AGENT) -> Fetched:
    """Download ``url`` within the limits, following at most ``max_redirects`` checked redirects.

    Compressed bodies are not requested (``Accept-Encoding: identity``); if a
    server sends one anyway, the cap counts the decompressed bytes.
    """
    import httpx

    deadline = _Deadline(timeout_total)
    current = url
    try:
        with _client(deadline, allow_private, user_agent) as client:
            for _hop in range(max_redirects + 1):
                check_host(current, allow_private)
                with client.stream("GET", current, headers={"Accept-Encoding": "identity"}) as response:
                    if response.status_code in _REDIRECTS:
                        location = response.headers.get("location")
                        if not location:
                            raise InputError(Errors.E466.format(url=_short(current), why="redirect without a Location"))
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise InputError(Errors.E467.format(url=_short(current), status=response.status_code))
                    body = _read_body(response, current, max_bytes, deadline)
                    return Fetched(url=url, final_url=str(response.url), status=response.status_code,
                                   content_type=response.headers.get("content-type", ""), body=body,
                                   fetched_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                                   sha256=hashlib.sha256(body).hexdigest())
            raise InputError(Errors.E463.format(url=_short(url), limit=max_redirects))
    except httpx.TimeoutException:
        raise InputError(Errors.E465.format(url=_short(url), seconds=timeout_total)) from None
    except httpx.HTTPError as exc:
        import httpcore

        if isinstance(exc.__cause__, httpcore.ReadTimeout) or "deadline" in str(exc):
            raise InputError(Errors.E465.format(url=_short(url), seconds=timeout_total)) from None
        raise InputError(Errors.E466.format(url=_short(url), why=type(exc).__name__ + (f": {exc}" if str(exc) else ""))) from None


_KINDS = (("html", ".html"), ("xhtml", ".html"), ("json", ".json"), ("text/plain", ".txt"))


def _kind_of(fetched: Fetched) -> str | None:
    """The reader for a fetched body: from its Content-Type, else by sniffing when none is given."""
    ctype = fetched.content_type.split(";", 1)[0].strip().lower()
    for token, kind in _KINDS:
        if token in ctype:
            return kind
    if not ctype:
        head = fetched.body.lstrip()[:512].lower()
        return ".html" if head.startswith((b"<!doctype html", b"<html")) else ".txt"
    return None


def read_url(url: str, options: Any) -> list[Any]:
    """Fetch ``url`` within the fetch_* settings and read it into Articles (and ReadProblems).

    Each article keeps the address it came from, and its notes record when it
    was fetched and the SHA-256 of the bytes, so a report can be tied to the
    exact page read.
    """
    from .domains import normalize_domain
    from .model import Article
    from .readers import read_bytes

    if not getattr(options, "fetch_enabled", True):
        raise InputError(Errors.E468.format(url=_short(url)))
    got = fetch_url(url, max_bytes=min(options.fetch_max_bytes, options.max_bytes), timeout_total=options.fetch_timeout,
                    max_redirects=options.fetch_max_redirects, allow_private=options.fetch_private_hosts)
    kind = _kind_of(got)
    if kind is None:
        raise InputError(Errors.E469.format(url=_short(url), content_type=got.content_type or "of no stated type"))
    items = list(read_bytes(got.body, got.final_url, kind))
    for item in items:
        if isinstance(item, Article):
            item.url = item.url or got.final_url
            item.domain = item.domain or normalize_domain(item.url)
            item.source_path = got.final_url
            item.notes.append(f"fetched from {got.final_url} at {got.fetched_at}: {len(got.body):,} bytes, "
                              f"SHA-256 {got.sha256}")
    return items
