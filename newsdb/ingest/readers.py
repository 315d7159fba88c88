"""Reading inputs: paths, folders and standard input into :class:`RawDocument` s, then articles.

``iter_raw`` streams (a folder of 100,000 files or a JSON lines file of any
size is never held in memory at once) and yields an :class:`InputError` in
place of an input it cannot read, so one bad file never stops the others.
``parse_raw`` turns one raw document into articles (a ``.json`` array holds
several).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsdb.extract.facts import FORMAT_NAME as FACTS_FORMAT
from newsdb.extract.facts import ArticleFacts, is_facts_record
from newsdb.ingest.article import Article, RawDocument
from newsdb.ingest.decode import decode_bytes
from newsdb.ingest.errors import InputError, excerpt_of
from newsdb.ingest.html import parse_html
from newsdb.ingest.jsonfmt import load_json, parse_record, records_of
from newsdb.ingest.seedtext import parse_seed_text

FORMATS = ("auto", "text", "json", "jsonl", "html", "facts")
LINE_FORMATS = ("jsonl", "facts")  # read and parsed line by line
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
DEFAULT_MAX_BYTES = 10_000_000
STDIN = "-"


@dataclass(frozen=True)
class ReadOptions:
    format: str = "auto"
    glob: str | None = None  # in folders; default: every file with a known extension
    max_bytes: int = DEFAULT_MAX_BYTES
    encoding: str | None = None


def iter_raw(paths: Sequence[str], options: ReadOptions) -> Iterator[RawDocument | InputError]:
    """Every input under ``paths``, in a stable order, as raw documents or errors."""
    for path in paths:
        if path == STDIN:
            yield from _read_stdin(options)
            continue
        p = Path(path)
        if p.is_dir():
            yield from _read_folder(p, options)
        elif p.exists() or p.is_symlink():
            yield from _read_file(p, options, explicit=True)
        else:
            yield InputError("unreadable", "no such file or folder", origin=path)


def _read_folder(folder: Path, options: ReadOptions) -> Iterator[RawDocument | InputError]:
    def walk_error(exc: OSError) -> None:
        errors.append(InputError("unreadable", f"cannot list folder: {exc.strerror}", origin=str(exc.filename)))

    errors: list[InputError] = []
    for root, dirs, files in os.walk(folder, onerror=walk_error):
        dirs.sort()
        yield from errors
        errors.clear()
        for name in sorted(files):
            path = Path(root) / name
            if options.glob is not None:
                if not path.match(options.glob):
                    continue
            elif path.suffix.lower() not in EXTENSIONS:
                continue
            yield from _read_file(path, options, explicit=False)
    yield from errors


def _format_of(path: Path, options: ReadOptions) -> str | None:
    if options.format != "auto":
        return options.format
    return EXTENSIONS.get(path.suffix.lower())


def _read_file(path: Path, options: ReadOptions, *, explicit: bool) -> Iterator[RawDocument | InputError]:
    origin = str(path)
    fmt = _format_of(path, options)
    try:
        if fmt in LINE_FORMATS:
            yield from _read_lines(path, options, fmt)
            return
        size = path.stat().st_size
        if size > options.max_bytes:
            yield InputError(
                "too-large",
                f"{size:,} bytes is over the --max-bytes limit of {options.max_bytes:,}; raise it to load this file",
                origin=origin,
            )
            return
        data = path.read_bytes()
    except FileNotFoundError:
        yield InputError("unreadable", "the file disappeared before it could be read", origin=origin)
        return
    except IsADirectoryError:
        yield InputError("unreadable", "is a folder", origin=origin)
        return
    except OSError as exc:
        yield InputError("unreadable", f"cannot read: {exc.strerror or exc}", origin=origin)
        return
    yield RawDocument(origin=origin, data=data, format_hint=fmt)


def _read_lines(path: Path, options: ReadOptions, fmt: str) -> Iterator[RawDocument | InputError]:
    with path.open("rb") as fh:
        for number, line in enumerate(_bounded_lines(fh, options.max_bytes), start=1):
            if isinstance(line, InputError):
                line.origin, line.line_number = str(path), number
                yield line
            elif line.strip():
                yield RawDocument(origin=str(path), data=line, format_hint=fmt, line_number=number)


def _bounded_lines(fh: object, limit: int) -> Iterator[bytes | InputError]:
    """Lines of a binary file; a line longer than ``limit`` is skipped (as an error), not buffered."""
    read = fh.readline  # type: ignore[attr-defined]
    while True:
        line = read(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # drain the rest of the overlong line
                more = read(1 << 20)
                if not more or more.endswith(b"\n"):
                    break
            yield InputError("too-large", f"line longer than the --max-bytes limit of {limit:,} bytes")
            continue
        yield line


def _read_stdin(options: ReadOptions) -> Iterator[RawDocument | InputError]:
    stream = sys.stdin.buffer
    if options.format in LINE_FORMATS:
        for number, line in enumerate(_bounded_lines(stream, options.max_bytes), start=1):
            if isinstance(line, InputError):
                line.origin, line.line_number = "<stdin>", number
                yield line
            elif line.strip():
                yield RawDocument(origin="<stdin>", data=line, format_hint=options.format, line_number=number)
        return
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        yield InputError(
            "too-large", f"standard input is over the --max-bytes limit of {options.max_bytes:,}", origin="<stdin>"
        )
        return
    fmt = None if options.format == "auto" else options.format
    yield RawDocument(origin="<stdin>", data=data, format_hint=fmt)


def sniff(text: str) -> str:
    head = text.lstrip()[:200].lower()
    if head.startswith(("{", "[")):
        return "json"
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in text[:5000].lower():
        return "html"
    return "text"


def parse_raw(raw: RawDocument, *, encoding: str | None = None) -> list[Article | ArticleFacts | InputError]:
    """Articles in one raw document.

    Raises :class:`InputError` (origin and excerpt set) when the document as a
    whole is bad; a bad record inside a JSON array comes back as an error in
    the list, so the array's good records still load.
    """
    origin = f"{raw.origin}:{raw.line_number}" if raw.line_number else raw.origin
    try:
        text = decode_bytes(raw.data, encoding=encoding)
        fmt = raw.format_hint or sniff(text)
        if fmt == "jsonl":
            return [parse_record(load_json(text.rstrip("\n"), one_line=True), origin)]
        if fmt == "facts":
            record = load_json(text.rstrip("\n"), one_line=True)
            if not is_facts_record(record):
                raise InputError("bad-json", f'not a newsdb extract record (no "format": "{FACTS_FORMAT}")')
            return [parse_record(record, origin)]
        if fmt == "json" and raw.format_hint is None and _looks_like_json_lines(text):
            return [_line_or_error(line, f"{raw.origin}:{n}", raw, n) for n, line in _numbered_lines(text)]
        if fmt == "json":
            records = records_of(load_json(text))
            if not records:
                raise InputError("no-text", "the JSON array is empty")
            if len(records) == 1:
                return [parse_record(records[0], origin)]
            return [_record_or_error(obj, f"{origin}#{i}", raw) for i, obj in enumerate(records, start=1)]
        if fmt == "html":
            return [parse_html(text, origin)]
        return [parse_seed_text(text, origin)]
    except InputError as err:
        err.origin = err.origin or raw.origin
        err.line_number = err.line_number or raw.line_number
        if err.excerpt is None:
            err.excerpt = excerpt_of(raw.data)
        raise


def _record_or_error(obj: object, origin: str, raw: RawDocument) -> Article | ArticleFacts | InputError:
    try:
        return parse_record(obj, origin)
    except InputError as err:
        err.origin = origin
        err.excerpt = excerpt_of(str(obj))
        return err


def _numbered_lines(text: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield number, line


def _looks_like_json_lines(text: str) -> bool:
    """Sniffed input (stdin) with several lines, each an object: JSON lines, not one JSON document."""
    lines = [line.strip() for _, line in _numbered_lines(text)]
    return len(lines) > 1 and all(line.startswith("{") for line in lines)


def _line_or_error(line: str, origin: str, raw: RawDocument, number: int) -> Article | ArticleFacts | InputError:
    try:
        return parse_record(load_json(line, one_line=True), origin)
    except InputError as err:
        err.origin, err.line_number = raw.origin, number
        err.excerpt = excerpt_of(line)
        return err
