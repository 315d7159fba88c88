"""Bytes to text: BOMs honoured, binary refused, invalid UTF-8 named precisely.

newsdb never guesses an encoding: a wrong guess would silently corrupt the
text that every fact's offsets point into.  UTF-8 (with or without a BOM) and
UTF-16/32 with a BOM are decoded; anything else needs ``--encoding``.
Line ends are normalised to ``\\n`` so offsets mean the same on every platform.
"""

from __future__ import annotations

import codecs

from newsdb.ingest.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\x7fELF", "an executable"),
)


def decode_bytes(data: bytes, *, encoding: str | None = None) -> str:
    """Decode one input; raise :class:`InputError` for empty, binary or undecodable data."""
    if not data.strip():
        raise InputError("empty", "the input is empty" if not data else "the input holds only whitespace")
    text = _decode(data, encoding)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("empty", "the input holds only whitespace")
    return text


def _decode(data: bytes, encoding: str | None) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    "encoding", f"not valid {codec.upper()} despite its byte-order mark ({exc.reason})"
                ) from exc
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError("binary", f"binary file ({what}), not text")
    if b"\x00" in data[:8192]:
        raise InputError("binary", "binary file (contains NUL bytes), not text")
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError as exc:
            raise InputError("encoding", f"unknown encoding {encoding!r}") from exc
        except UnicodeDecodeError as exc:
            raise InputError("encoding", f"not valid {encoding} at byte {exc.start} ({exc.reason})") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            "encoding",
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "if you know the encoding, pass it, e.g. --encoding latin-1",
        ) from exc
