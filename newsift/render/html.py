"""The HTML report: one self-contained page (inline CSS and script, no network requests).

The same page serves ``newsift check --format html`` and the web app. It is
rendered from the JSON report with Jinja2 templates in ``templates/``;
``view.py`` decides what it shows.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Mapping

from markupsafe import Markup

from ..model import Report
from .highlight import LAYERS
from .plots import ANATOMY_PARTS

__all__ = ["render_html", "render_page", "environment", "report_dict"]

TEMPLATES = Path(__file__).with_name("templates")


@lru_cache(maxsize=1)
def environment() -> Any:
    """The Jinja2 environment over the package's templates (autoescaped)."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    # templates test for absent keys themselves: an undefined value renders as empty, never a crash
    return Environment(loader=FileSystemLoader(str(TEMPLATES)),
                       autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
                       trim_blocks=False, lstrip_blocks=False)


def render_page(template: str, **context: Any) -> str:
    """Render one of the package's pages with the common context (version, site links)."""
    from .. import __version__

    context.setdefault("version", __version__)
    context.setdefault("site", None)
    return str(environment().get_template(template).render(**context))


def report_dict(report: Report | Mapping[str, Any]) -> dict[str, Any]:
    return report.to_dict() if isinstance(report, Report) else dict(report)


def render_html(report: Report | Mapping[str, Any], *, others: Mapping[str, Any] | None = None,
                links: Callable[[str], str] | None = None, site: Mapping[str, str] | None = None,
                embed_json: bool = True) -> str:
    """The report page for one article.

    ``others`` maps the ids of the articles its provenance names to their
    stored texts (for the side-by-side view); ``links`` turns an article id
    into the address of its page (the web app); ``site`` adds the web app's
    navigation; ``embed_json`` carries the whole JSON report in the page.
    """
    from .view import build_view

    data = report_dict(report)
    view = build_view(data, others=others, links=links)
    report_json = None
    if embed_json:  # inside <script>: no "</" may end it early
        report_json = Markup(json.dumps(data, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--"))
    return render_page("report.html.j2", v=view, layers=LAYERS, anatomy_parts=ANATOMY_PARTS, site=site,
                       report_json=report_json)
