"""The JSON API: ``POST /check`` (an article object in, the JSON report out) and friends.

Request bodies are strict pydantic models: a field of the wrong type is a
422 naming the field, never a 500, and never an echo of the input.
"""

from __future__ import annotations

from typing import Any

from fastapi import Body, Request
from fastapi.responses import HTMLResponse

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..errors import Errors
from .app import run_in_pool

__all__ = ["ArticleIn", "register"]


class ArticleIn(BaseModel):
    """An article object: ``text``, or only a ``url`` to fetch; the rest optional."""

    model_config = ConfigDict(strict=True, extra="ignore")

    text: str | None = Field(None, description="the article's text, exactly as it should be analysed")
    url: str | None = Field(None, max_length=2048, description="its address; fetched when there is no text")
    id: str | None = Field(None, max_length=512)
    domain: str | None = Field(None, max_length=253)
    title: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, max_length=64, description="ISO 8601 date")

    @model_validator(mode="after")
    def _text_or_url(self) -> "ArticleIn":
        if not (self.text and self.text.strip()) and not self.url:
            # the same code as the CLI gives for an article object without text
            raise ValueError(Errors.E007.format(path="<request>") + " (or give a 'url' to fetch)")
        return self


EXAMPLE = {"text": "Bridge Closed\n\nThe mayor said the bridge is closed.", "url": "https://www.example.org/a"}


def register(app: Any) -> None:

    from .. import __version__
    from ..schema import report_schema

    @app.get("/health", tags=["service"])
    async def health() -> dict[str, Any]:
        """Whether the service is up, and how busy."""
        pool = app.state.pool
        return {"status": "ok", "version": __version__, "workers": pool.size, "running": pool.running,
                "waiting": pool.waiting}

    @app.get("/schema", tags=["api"])
    async def schema() -> dict[str, Any]:
        """The JSON Schema every report validates against."""
        return report_schema()

    @app.post("/check", tags=["api"])
    async def check(request: Request, article: ArticleIn = Body(..., examples=[EXAMPLE])) -> dict[str, Any]:
        """Analyse one article object; the JSON report (spans are offsets into ``article.text``)."""
        result: dict[str, Any] = await run_in_pool(request, {"kind": "check", "format": "json",
                                                             "article": article.model_dump(exclude_none=True)})
        return result

    @app.post("/check.html", response_class=HTMLResponse, tags=["api"])
    async def check_html(request: Request, article: ArticleIn = Body(..., examples=[EXAMPLE])) -> str:
        """Analyse one article object; the self-contained report page."""
        page: str = await run_in_pool(request, {"kind": "check", "format": "html", "links": "/articles/",
                                                "article": article.model_dump(exclude_none=True)})
        return page
