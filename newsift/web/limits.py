"""Limits that hold before any request reaches the application.

- ``BodyLimit`` (ASGI middleware): a body larger than ``max_body`` gets 413
  at once, from its Content-Length when it has one, else as soon as the
  streamed bytes pass the limit; the whole body must arrive within
  ``body_timeout`` seconds (408 otherwise). The body is read here, bounded,
  and replayed to the application, so nothing downstream reads unbounded.
- ``header_timeout_protocol``: uvicorn's HTTP/1.1 protocol with a deadline
  on the request head, so a client that trickles its headers is cut off.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass
from typing import Any, Awaitable, Callable

__all__ = ["Limits", "BodyLimit", "header_timeout_protocol"]

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


@dataclass(frozen=True)
class Limits:
    """The service's bounds (``newsift serve`` flags set them)."""

    max_body: int = 5_000_000  # bytes of request body
    body_timeout: float = 30.0  # seconds for the whole body to arrive
    header_timeout: float = 10.0  # seconds for the request head
    request_timeout: float = 60.0  # seconds of waiting plus analysis per request
    workers: int = 2  # analyses at once (processes)
    queue: int = 64  # requests that may wait for a worker; more get 503
    retry_after: int = 5  # seconds, in a 503's Retry-After


async def _answer(send: Send, status: int, detail: str, headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close"), *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Read each request body within the size and time limits, then hand it on."""

    def __init__(self, app: Any, limits: Limits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limits.max_body:
            await _answer(send, 413, f"the request body is larger than the {self.limits.max_body:,}-byte limit")
            return
        try:
            body = await self._read(receive)
        except _TooLarge:
            await _answer(send, 413, f"the request body is larger than the {self.limits.max_body:,}-byte limit")
            return
        except asyncio.TimeoutError:
            await _answer(send, 408, f"the request body did not arrive within {self.limits.body_timeout:g} s")
            return
        except _Gone:
            return
        await self.app(scope, _replay(body, receive), send)

    async def _read(self, receive: Receive) -> bytes:
        chunks: list[bytes] = []
        size = 0
        deadline = time.monotonic() + self.limits.body_timeout
        while True:
            message = await asyncio.wait_for(receive(), max(0.001, deadline - time.monotonic()))
            if message["type"] == "http.disconnect":
                raise _Gone()
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limits.max_body:
                raise _TooLarge()
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)


class _TooLarge(Exception):
    pass


class _Gone(Exception):
    pass


def _replay(body: bytes, receive: Receive) -> Receive:
    """The body once, then the real channel (so a disconnect is still seen while the work runs)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def header_timeout_protocol(seconds: float) -> type:
    """uvicorn's h11 protocol, closing a connection whose request head is not complete within ``seconds``."""
    import h11
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class HeaderTimeoutProtocol(H11Protocol):  # type: ignore[misc]
        _head_timer: asyncio.TimerHandle | None = None

        def _arm(self) -> None:
            self._disarm()
            self._head_timer = self.loop.call_later(seconds, self._head_timeout)

        def _disarm(self) -> None:
            if self._head_timer is not None:
                self._head_timer.cancel()
                self._head_timer = None

        def _head_timeout(self) -> None:
            # still waiting for a complete request head: a slow or stalled client
            if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
                self.transport.close()

        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self._arm()

        def handle_events(self) -> None:
            super().handle_events()
            if self.conn.their_state is not h11.IDLE:
                self._disarm()  # the head is in; the body has its own deadline, the work its own limit

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._arm()  # the next request on this connection gets the same deadline

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

    return HeaderTimeoutProtocol
