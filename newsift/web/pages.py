"""Pages for a person: the check form, a report, a stored article's report, search, the API's docs."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from ..render.html import render_page
from .app import SITE, run_in_pool

__all__ = ["register", "error_page"]

_FORM_FIELDS = ("text", "url", "title", "published")


def error_page(status: int, detail: str) -> Any:
    """An HTML error page: the status and one line, never the input."""
    from fastapi.responses import HTMLResponse

    return HTMLResponse(render_page("error.html.j2", site=SITE, status=status, detail=detail), status_code=status)


async def _html_job(request: Any, job: dict[str, Any]) -> Any:
    from fastapi import HTTPException
    from fastapi.responses import HTMLResponse

    job.update({"format": "html", "links": "/articles/", "site": SITE})
    try:
        return HTMLResponse(await run_in_pool(request, job))
    except HTTPException as exc:
        response = error_page(exc.status_code, str(exc.detail))
        response.headers.update(exc.headers or {})
        return response


async def _form_job(request: Any) -> dict[str, Any] | str:
    """The check job from the posted form, or a one-line reason it cannot be one."""
    from starlette.exceptions import HTTPException as StarletteHTTPException

    try:  # a pasted text may be as large as the body limit allows (Starlette's default part size is 1 MB)
        form = await request.form(max_files=1, max_fields=len(_FORM_FIELDS) + 1,
                                  max_part_size=request.app.state.limits.max_body)
    except StarletteHTTPException as exc:
        return f"the form could not be read ({exc.detail})"
    fields = {}
    for name in _FORM_FIELDS:
        value = form.get(name)
        if value is not None and not isinstance(value, str):
            return f"'{name}' must be a text field"
        if value and value.strip():
            fields[name] = value if name == "text" else value.strip()
    upload = form.get("file")
    if upload is not None and not isinstance(upload, str) and upload.filename:
        data = await upload.read()
        if data:
            return {"kind": "check", "article": fields,
                    "upload": {"data": data, "name": PurePath(upload.filename).name[:200]}}
    if not fields.get("text") and not fields.get("url"):
        return "paste the article's text, give its URL, or choose a file"
    return {"kind": "check", "article": fields}


def register(app: Any) -> None:

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def home() -> str:
        return render_page("form.html.j2", site=SITE, max_body=app.state.limits.max_body,
                           fetch=app.state.options.fetch_enabled)

    @app.post("/report", response_class=HTMLResponse, include_in_schema=False)
    async def report(request: Request) -> Any:
        job = await _form_job(request)
        if isinstance(job, str):
            return error_page(422, job)
        return await _html_job(request, job)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    async def stored(request: Request, article_id: str) -> Any:
        return await _html_job(request, {"kind": "stored", "id": article_id[:512]})

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    async def search(request: Request, q: str = "", domain: str = "", since: str = "", until: str = "") -> Any:
        from fastapi import HTTPException

        hits, error = None, None
        if q.strip():
            job = {"kind": "search", "query": q[:500], "domain": domain[:253], "since": since[:10],
                   "until": until[:10], "limit": 30}
            try:
                hits = await run_in_pool(request, job)
            except HTTPException as exc:
                error = str(exc.detail)
        return HTMLResponse(render_page("search.html.j2", site=SITE, q=q[:500], domain=domain[:253],
                                        since=since[:10], until=until[:10], hits=hits, error=error),
                            status_code=422 if error else 200)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    async def docs() -> str:
        return render_page("docs.html.j2", site=SITE, api=app.openapi())
