"""What a worker process does for one request, and what of it may leave the server.

A job is a plain dict (it crosses a process boundary); the answer is
``("ok", payload)`` or ``("error", http_status, one_line_message)``.
Messages and reports are scrubbed of the server's file paths before they
leave: a reader of a public service learns nothing of its disk.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from ..errors import Errors, InputError, NewsiftError

__all__ = ["run_job", "scrub", "scrub_report"]

# an absolute local path: starts at a slash that is not part of a URL (://host/…) or a word
_PATH = re.compile(r"(?<![\w/:.\-])/(?:[^\s/'\"()\[\],;]+/)+[^\s'\"()\[\],;]*")


def scrub(message: str) -> str:
    """A message with local file paths replaced by their last part."""
    return _PATH.sub(lambda m: "…/" + m.group(0).rstrip("/").rsplit("/", 1)[-1], message)


def scrub_report(report: dict[str, Any]) -> dict[str, Any]:
    """The report's paths removed where the server's disk shows (stage reasons, notes, rating sources).

    The article text and its spans are never touched: every offset must still point into it.
    """
    for record in report.get("stages") or []:
        if isinstance(record, dict) and isinstance(record.get("reason"), str):
            record["reason"] = scrub(record["reason"])
    report["notes"] = [scrub(n) if isinstance(n, str) else n for n in report.get("notes") or []]
    for entry in (report.get("sections") or {}).get("sources") or []:
        for rater in (entry.get("raters") or []) if isinstance(entry, dict) else []:
            if isinstance(rater, dict) and isinstance(rater.get("source"), str) and "://" not in rater["source"]:
                rater["source"] = rater["source"].replace("\\", "/").rsplit("/", 1)[-1]
    article = report.get("article") or {}
    if isinstance(article.get("source_path"), str) and article["source_path"].startswith("/"):
        article["source_path"] = scrub(article["source_path"])
    return report


def _article(analyzer: Any, job: Mapping[str, Any]) -> Any:
    from ..fetch import read_url
    from ..model import Article
    from ..readers import iso_date

    fields = dict(job.get("article") or {})
    upload = job.get("upload")
    if upload or (not fields.get("text") and fields.get("url")):
        items = _upload(upload) if upload else read_url(str(fields["url"]), analyzer.options)
        items = [i for i in items if isinstance(i, Article)]
        if not items:
            raise InputError(Errors.E006.format(path=fields["url"]))
        article = items[0]
        article.title = fields.get("title") or article.title
        if upload and fields.get("url"):
            from ..domains import normalize_domain

            article.url, article.domain = fields["url"], normalize_domain(fields["url"])
        if fields.get("published"):
            article.published = iso_date(str(fields["published"]), "published")
        return article
    return Article.from_fields(fields.get("text"), label="<request>", id=fields.get("id"), url=fields.get("url"),
                               domain=fields.get("domain"), title=fields.get("title"),
                               published=fields.get("published"))


def _upload(upload: Mapping[str, Any]) -> list[Any]:
    """An uploaded file read by its suffix (or by its first bytes when it has none)."""
    from pathlib import PurePath

    from ..readers import SUFFIXES, read_bytes

    data, name = bytes(upload.get("data") or b""), str(upload.get("name") or "upload")
    suffix = PurePath(name).suffix.lower()
    if suffix not in SUFFIXES:
        head = data.lstrip()[:512].lower()
        suffix = ".html" if head.startswith((b"<!doctype html", b"<html")) else ".json" if head.startswith(b"{") else ".txt"
    return list(read_bytes(data, name, suffix))


def _stored(analyzer: Any, article_id: str) -> Any:
    from ..store import Store

    with Store(analyzer.options.db, readonly=True) as store:
        return store.get(article_id)


def _others(analyzer: Any, report: dict[str, Any]) -> dict[str, str]:
    from ..render.sidebyside import texts_from_store

    try:
        store = analyzer.resources.get("store")
    except NewsiftError:
        return {}
    return texts_from_store(report, store)


def _render(analyzer: Any, article: Any, job: Mapping[str, Any]) -> Any:
    from ..render.html import render_html

    report = scrub_report(analyzer.analyze(article).to_dict())
    if job.get("format") != "html":
        return report
    prefix = job.get("links")
    links = (lambda i: f"{prefix}{i}") if prefix else None
    return render_html(report, others=_others(analyzer, report), links=links, site=job.get("site"))


def _search(analyzer: Any, job: Mapping[str, Any]) -> list[dict[str, Any]]:
    from ..coverage import search
    from ..store import Store

    with Store(analyzer.options.db, readonly=True) as store:
        return search(store, str(job.get("query") or ""), job.get("domain") or None, job.get("since") or None,
                      job.get("until") or None, int(job.get("limit") or 20))


def run_job(analyzer: Any, job: Mapping[str, Any]) -> tuple[Any, ...]:
    """Do one job; every failure becomes a status and one scrubbed line, never a traceback."""
    try:
        kind = job.get("kind")
        if kind == "check":
            return ("ok", _render(analyzer, _article(analyzer, job), job))
        if kind == "stored":
            article = _stored(analyzer, str(job.get("id")))
            if article is None:
                return ("error", 404, "no stored article has that id")
            return ("ok", _render(analyzer, article, job))
        if kind == "search":
            return ("ok", _search(analyzer, job))
        return ("error", 400, f"unknown job {kind!r}")
    except InputError as exc:
        return ("error", 422, scrub(str(exc)))
    except NewsiftError as exc:
        return ("error", 503 if "store" in str(exc) else 500, scrub(str(exc)))
    except Exception as exc:  # a bug: one line, no traceback leaves the server
        return ("error", 500, f"internal error ({type(exc).__name__})")
