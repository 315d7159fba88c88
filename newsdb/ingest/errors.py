"""The one exception every reader and parser raises for a bad input."""

from __future__ import annotations

from typing import Any


class InputError(Exception):
    """An input newsdb rejects; ``message`` is one line that names the problem.

    ``error_class`` is a short, stable kind recorded in ``ingest_error``:
    ``empty``, ``binary``, ``encoding``, ``too-large``, ``unreadable``,
    ``bad-json``, ``no-text``, ``bad-field``, ``extract``.
    """

    def __init__(
        self,
        error_class: str,
        message: str,
        *,
        origin: str = "",
        line_number: int | None = None,
        excerpt: str | None = None,
    ) -> None:
        message = " ".join(message.split())
        super().__init__(message)
        self.error_class = error_class
        self.message = message
        self.origin = origin
        self.line_number = line_number
        self.excerpt = excerpt

    def __reduce__(self) -> tuple[Any, ...]:
        # Errors cross process boundaries (--workers): keep every field through pickling.
        return (
            _rebuild,
            (self.error_class, self.message, self.origin, self.line_number, self.excerpt),
        )


def _rebuild(error_class: str, message: str, origin: str, line_number: int | None, excerpt: str | None) -> InputError:
    return InputError(error_class, message, origin=origin, line_number=line_number, excerpt=excerpt)


def excerpt_of(data: bytes | str, limit: int = 200) -> str:
    """The first ``limit`` characters, printable: control bytes and invalid UTF-8 shown as escapes."""
    text = data[: limit * 4].decode("utf-8", errors="backslashreplace") if isinstance(data, bytes) else data
    text = "".join(ch if ch.isprintable() or ch in "\n\t" else f"\\x{ord(ch):02x}" for ch in text[:limit])
    return text[:limit]
