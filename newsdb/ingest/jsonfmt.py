"""Articles from JSON objects (``.json``: one object or an array; ``.jsonl``: one per line).

Recognised keys: ``text`` or ``body`` (required), ``title``, ``url``,
``published_at`` (also ``date``/``published``), ``source`` (a code, an
outlet's name such as "The Guardian" -> code ``the-guardian``, or an object
with ``code`` and ``name``), ``source_name``, ``section``, ``language`` (a
code such as ``en`` or ``pt-BR``, or a name such as "English" -> ``en``),
``authors`` (a string or a list).  Every other key is kept in
``Article.metadata``.  A record written by ``newsdb extract`` is recognised
and returned as :class:`ArticleFacts`, so it loads without re-extracting.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from newsdb.extract.facts import ArticleFacts, is_facts_record
from newsdb.ingest.article import Article, Credit
from newsdb.ingest.dates import parse_datetime
from newsdb.ingest.errors import InputError

TEXT_KEYS = ("text", "body")
DATE_KEYS = ("published_at", "date", "published")
KNOWN = {*TEXT_KEYS, *DATE_KEYS, "title", "url", "source", "source_name", "section", "language", "authors"}


def load_json(text: str, *, one_line: bool = False) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"column {exc.colno}" if one_line else f"line {exc.lineno}, column {exc.colno}"
        raise InputError("bad-json", f"malformed JSON at {where}: {exc.msg}") from exc
    except RecursionError as exc:
        raise InputError("bad-json", "JSON nested too deeply") from exc


def records_of(value: Any) -> list[Any]:
    """A ``.json`` file holds one object or an array of them."""
    return value if isinstance(value, list) else [value]


def parse_record(obj: Any, origin: str) -> Article | ArticleFacts:
    if not isinstance(obj, dict):
        raise InputError("bad-json", f"expected a JSON object, found {type(obj).__name__}")
    if is_facts_record(obj):
        try:
            facts = ArticleFacts.from_json(obj)
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError("bad-json", f"not a valid newsdb extract record: {exc}") from exc
        facts.article.origin = origin
        return facts
    body = next((obj[k] for k in TEXT_KEYS if obj.get(k) not in (None, "")), None)
    if body is None:
        raise InputError("no-text", "JSON object has no 'text' or 'body'")
    if not isinstance(body, str):
        raise InputError("bad-field", f"'text'/'body' must be a string, not {type(body).__name__}")
    body = body.replace("\r\n", "\n").rstrip()
    if not body.strip():
        raise InputError("no-text", "JSON object has an empty 'text'/'body'")

    source_code, source_name = _source(obj.get("source"), obj.get("source_name"))
    published = next((obj[k] for k in DATE_KEYS if obj.get(k)), None)
    return Article(
        body=body,
        origin=origin,
        title=_optional_str(obj, "title"),
        section=_optional_str(obj, "section"),
        url=_optional_str(obj, "url"),
        language=language_code(_optional_str(obj, "language")),
        published_at=parse_datetime(published, field="published_at") if published else None,
        source_code=source_code,
        source_name=source_name,
        credits=[Credit("author", name, name) for name in _authors(obj.get("authors"))],
        metadata={k: v for k, v in obj.items() if k not in KNOWN},
    )


def _optional_str(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, (str, int, float)):
        raise InputError("bad-field", f"{key!r} must be a string, not {type(value).__name__}")
    text = str(value).strip()
    return text or None


_CODE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]+)*$")


def _source(value: Any, name: Any) -> tuple[str | None, str | None]:
    if isinstance(value, dict):
        code, name = value.get("code"), value.get("name", name)
    else:
        code = value
    code = str(code).strip() if code not in (None, "") else None
    name = str(name).strip() if name not in (None, "") else None
    if code is not None and not _CODE.match(code.lower()):
        # An outlet's name where a code belongs: "The Guardian" -> the-guardian, named "The Guardian".
        name = name or code
        code = _slug(code)
        if not code:
            raise InputError("bad-field", f"source {name!r} has no letters or digits to make a code of")
    return code, name


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9._]+", "-", ascii_name.lower()).strip("-._")


def language_code(value: str | None) -> str | None:
    """``en``, ``pt-BR`` as given (case fixed by the writer); a language's name ("English") -> its ISO code."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if _LANGUAGE_TAG.match(value):
        return value
    import pycountry

    try:
        lang = pycountry.languages.lookup(value)
    except LookupError:
        raise InputError("bad-field", f"language {value!r} is not a language code such as en or pt-BR") from None
    return str(getattr(lang, "alpha_2", None) or lang.alpha_3)


def _authors(value: Any) -> list[str]:
    if value in (None, "", []):
        return []
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name")
        if isinstance(item, str) and item.strip():
            names.append(item.strip())
    return names
