"""The web app: pages for a person, the JSON API for programs, one pool of workers behind both.

``create_app`` builds it; ``newsift serve`` runs it with uvicorn. Every
request that analyses goes through ``run_in_pool``: bounded concurrency,
a time limit, work stopped when the client leaves, and errors as one line
without the input or the server's paths.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Any, AsyncIterator

from ..errors import Errors, InputError
from ..settings import Options
from .limits import BodyLimit, Limits
from .workers import Busy, ClientGone, TimedOut, WorkerPool

__all__ = ["create_app", "run_in_pool", "SITE"]

SITE = {"home": "/", "search": "/search", "docs": "/docs"}


async def run_in_pool(request: Any, job: dict[str, Any]) -> Any:
    """The job's payload, or an HTTPException with the right status and a one-line detail."""
    from fastapi import HTTPException

    state = request.app.state
    limits: Limits = state.limits
    try:
        answer = await state.pool.run(job, timeout=limits.request_timeout, gone=request.is_disconnected)
    except Busy:
        raise HTTPException(503, "busy: every worker is in use and the waiting line is full; try again shortly",
                            headers={"Retry-After": str(limits.retry_after)}) from None
    except TimedOut:
        raise HTTPException(504, f"the analysis did not finish within {limits.request_timeout:g} s; it was stopped") \
            from None
    except ClientGone:
        raise HTTPException(499, "the client closed the connection; the analysis was stopped") from None
    except RuntimeError:
        raise HTTPException(500, "the analysis worker stopped unexpectedly") from None
    if answer[0] == "ok":
        return answer[1]
    raise HTTPException(answer[1], answer[2])


def _error_handlers(app: Any) -> None:
    """Validation errors without the input they complain about; every error a one-line detail."""
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Any, exc: RequestValidationError) -> Any:
        errors = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
                  for e in exc.errors()[:20]]
        if request.url.path in ("/report",) or request.headers.get("accept", "").startswith("text/html"):
            from .pages import error_page

            return error_page(422, "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in errors))
        return JSONResponse({"detail": errors}, status_code=422)


def create_app(options: Options | None = None, limits: Limits | None = None) -> Any:
    """The FastAPI app over one worker pool (its workers start with the app, or at the first request)."""
    try:
        from fastapi import FastAPI
    except ImportError:  # pragma: no cover - depends on the extra
        raise InputError(Errors.E040) from None
    from .. import __version__
    from . import api, pages

    options = options or Options()
    limits = limits or Limits()
    pool = WorkerPool(options, limits.workers, limits.queue)

    @asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[None]:
        pool.start()
        try:
            yield
        finally:
            pool.close()  # shutdown (SIGTERM, Ctrl-C): no worker outlives the server

    app = FastAPI(title="newsift", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Read a news article the way a fact-checker does. The pages at / are for people; "
                              "POST /check is for programs.")
    app.state.pool, app.state.limits, app.state.options = pool, limits, options
    _error_handlers(app)
    api.register(app)
    pages.register(app)
    app.add_middleware(BodyLimit, limits=limits)
    return app
