"""Articles from saved web pages, with trafilatura (main text and metadata)."""

from __future__ import annotations

from urllib.parse import urlsplit

from newsdb.ingest.article import Article, Credit
from newsdb.ingest.dates import parse_datetime
from newsdb.ingest.errors import InputError

MIN_WORDS = 5  # below this, what trafilatura found is navigation, not an article


def parse_html(html: str, origin: str) -> Article:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as exc:  # trafilatura raises assorted errors on broken markup
        raise InputError("no-text", f"could not parse the HTML page ({type(exc).__name__})") from exc
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.split()) < MIN_WORDS:
        raise InputError("no-text", "no article text found in the HTML page")
    title = (getattr(doc, "title", None) or "").strip() or None
    body = text.rstrip()
    # trafilatura repeats the headline as the first line of the text; the title holds it.
    if title and body.startswith(title + "\n"):
        body = body[len(title) + 1 :]
    if not body.strip():
        raise InputError("no-text", "no article text found in the HTML page (only a headline)")
    published = None
    date_text = getattr(doc, "date", None)
    if date_text:
        try:
            published = parse_datetime(date_text, field="page date")
        except InputError:
            published = None  # a page's odd date is not a reason to lose the article
    authors = [a.strip() for a in (getattr(doc, "author", None) or "").split(";") if a.strip()]
    site = (getattr(doc, "sitename", None) or "").strip() or None
    url = getattr(doc, "url", None) or None
    hostname = _host(url) or (getattr(doc, "hostname", None) or "").strip() or None
    return Article(
        body=body,
        origin=origin,
        title=title,
        url=url,
        published_at=published,
        language=(getattr(doc, "language", None) or None),
        source_code=hostname,
        source_name=site or hostname,
        credits=[Credit("author", a, a) for a in authors],
        metadata={k: v for k, v in {"description": getattr(doc, "description", None)}.items() if v},
    )


def _host(url: str | None) -> str | None:
    """news.example.com for https://www.news.example.com/a: the outlet's code."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None
