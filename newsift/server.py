"""The web service: a thin HTTP layer over the same library functions.

``newsift serve`` runs it with uvicorn. One Analyzer (and so one loaded
language model) serves every request.
"""

from __future__ import annotations

from typing import Any

from .analysis import Analyzer
from .errors import Errors, InputError, NewsiftError
from .readers import article_from_dict
from .settings import Options

__all__ = ["create_app"]


def create_app(options: Options | None = None) -> Any:
    try:
        from fastapi import Body, FastAPI, HTTPException
        from fastapi.responses import HTMLResponse
    except ImportError:  # pragma: no cover - depends on the extra
        raise InputError(Errors.E040) from None
    from . import __version__
    from .render.html import render_html
    from .schema import report_schema

    analyzer = Analyzer(options or Options())
    app = FastAPI(title="newsift", version=__version__,
                  description="Read a news article the way a fact-checker does.")

    def _analyse(article_obj: dict[str, Any]):
        try:
            return analyzer.analyze(article_from_dict(article_obj, "<request>"))
        except NewsiftError as exc:
            raise HTTPException(status_code=422 if isinstance(exc, InputError) else 500, detail=str(exc)) from None

    @app.get("/health")
    def health() -> dict[str, Any]:
        return {"status": "ok", "version": __version__, "stages": analyzer.pipeline.names}

    @app.get("/schema")
    def schema() -> dict[str, Any]:
        return report_schema()

    @app.post("/check")
    def check(article: dict[str, Any] = Body(..., examples=[{"text": "…", "url": "https://…"}])) -> dict[str, Any]:
        """Analyse one article object (``text`` required; ``id``, ``url``, ``title``, ``published`` optional)."""
        return _analyse(article).to_dict()

    @app.post("/check.html", response_class=HTMLResponse)
    def check_html(article: dict[str, Any] = Body(...)) -> str:
        return render_html(_analyse(article))

    app.state.analyzer = analyzer
    return app
