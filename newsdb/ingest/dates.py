"""Publication dates from inputs and options, always timezone-aware UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from newsdb.ingest.errors import InputError


def parse_datetime(value: Any, *, field: str = "date") -> datetime:
    """ISO 8601 first (``2023-10-19``, ``2023-10-19T08:00:00+09:00``), then common formats.

    A date without a time is midnight UTC; a time without a zone is taken as UTC.
    """
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime(value.year, value.month, value.day)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            parsed = datetime.fromtimestamp(float(value), tz=UTC)
        except (OverflowError, OSError, ValueError) as exc:
            raise InputError("bad-field", f"{field} {value!r} is not a valid timestamp") from exc
    elif isinstance(value, str) and value.strip():
        parsed = _parse_text(value.strip(), field)
    else:
        raise InputError("bad-field", f"{field} {value!r} is not a date")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _parse_text(text: str, field: str) -> datetime:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    if len(text) > 100:
        raise InputError("bad-field", f"{field} is not a date: {text[:40]!r}...")
    import dateparser

    parsed = dateparser.parse(text, settings={"TIMEZONE": "UTC", "RETURN_AS_TIMEZONE_AWARE": True})
    if parsed is None:
        raise InputError("bad-field", f"{field} {text!r} is not a date")
    return parsed
