"""Readers and parsers without a database: exact articles out, exact errors for bad input."""

from __future__ import annotations

import codecs
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsdb.extract.facts import ArticleFacts
from newsdb.ingest.article import Article, Credit, RawDocument
from newsdb.ingest.decode import decode_bytes
from newsdb.ingest.errors import InputError
from newsdb.ingest.jsonfmt import language_code
from newsdb.ingest.readers import ReadOptions, iter_raw, parse_raw
from newsdb.ingest.seedtext import parse_seed_text
from tests.conftest import SEED_FILE


def one(raw: RawDocument) -> Article:
    (item,) = parse_raw(raw)
    assert isinstance(item, Article)
    return item


def test_seed_article() -> None:
    text = SEED_FILE.read_text(encoding="utf-8")
    a = parse_seed_text(text, "seed.txt")
    assert a.section == "North Korea"
    assert a.title == "Kim Jong-un wants to build a “forward-looking” relationship with Russia"
    assert a.dateline == "Pyongyang"
    assert a.source_code == "site-59"
    assert a.body.startswith("(Pyongyang) North Korean leader Kim Jong-un said Thursday")
    assert a.body.endswith("insisting that Washington had no proof.")
    # The body is the file's text between the header and the source line, unchanged.
    start = text.index("(Pyongyang)")
    assert text[start : start + len(a.body)] == a.body
    line = "PHOTO AGENCY KCNA BY REUTERS"
    pos = a.body.index(line)
    assert a.credits == [
        Credit("agency", "KCNA", line, pos, pos + len(line)),
        Credit("photo", "Reuters", line, pos, pos + len(line)),
    ]


def test_wire_dateline_and_byline() -> None:
    a = parse_seed_text("World | Talks resume\n\nBy Jane Roe\n\nGENEVA (Reuters) - Talks resumed on Monday.", "x")
    assert (a.section, a.title, a.dateline) == ("World", "Talks resume", "Geneva")
    assert a.credits == [Credit("author", "Jane Roe", "By Jane Roe", 0, 11)]


def test_text_without_header_is_all_body() -> None:
    a = parse_seed_text("Talks resumed on Monday.\nThey went on all night.\n", "x")
    assert (a.title, a.body) == (None, "Talks resumed on Monday.\nThey went on all night.")


@pytest.mark.parametrize(
    "text", ["Just a title\n", "Just a title", "Section | Title\n\n\n  \n", "Title\n\nsource site-1\n"]
)
def test_title_only_is_rejected(text: str) -> None:
    with pytest.raises(InputError, match=r"^only a title line, no article text$") as info:
        parse_seed_text(text, "x")
    assert info.value.error_class == "no-text"


@pytest.mark.parametrize(
    ("data", "error_class", "message"),
    [
        (b"", "empty", "the input is empty"),
        (b" \n\t\n", "empty", "the input holds only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", "binary file (a PNG image), not text"),
        (b"abc\x00def", "binary", "binary file (contains NUL bytes), not text"),
        (
            b"Caf\xe9 au lait",
            "encoding",
            "not valid UTF-8 (byte 0xe9 at offset 3); if you know the encoding, pass it, e.g. --encoding latin-1",
        ),
    ],
)
def test_bad_bytes(data: bytes, error_class: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(data)
    assert (info.value.error_class, info.value.message) == (error_class, message)


def test_boms_and_line_ends() -> None:
    text = "Title\r\n\r\nCafé “quoted”.\r\n"
    assert decode_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le")) == "Title\n\nCafé “quoted”.\n"
    assert decode_bytes(codecs.BOM_UTF8 + text.encode("utf-8")) == "Title\n\nCafé “quoted”.\n"
    assert decode_bytes("Café".encode("latin-1"), encoding="latin-1") == "Café"


def test_json_record_keeps_unknown_keys() -> None:
    record = {
        "text": "Body text here.",
        "title": "T",
        "url": "https://example.com/a",
        "published_at": "2023-10-19T09:30:00+09:00",
        "source": {"code": "ex", "name": "Example"},
        "authors": ["A. Writer", {"name": "B. Writer"}],
        "language": "en",
        "section": "World",
        "tags": ["x", "y"],
        "wordcount": 3,
    }
    a = one(RawDocument("f.json", json.dumps(record).encode(), "json"))
    assert a.published_at == datetime(2023, 10, 19, 0, 30, tzinfo=UTC)
    assert (a.source_code, a.source_name, a.url, a.language, a.section) == (
        "ex",
        "Example",
        "https://example.com/a",
        "en",
        "World",
    )
    assert [c.name for c in a.credits] == ["A. Writer", "B. Writer"]
    assert a.metadata == {"tags": ["x", "y"], "wordcount": 3}


@pytest.mark.parametrize(
    ("data", "error_class", "message"),
    [
        (b'{"title": "no text"}', "no-text", "JSON object has no 'text' or 'body'"),
        (b'{"text": "   "}', "no-text", "JSON object has an empty 'text'/'body'"),
        (b'{"text": 42}', "bad-field", "'text'/'body' must be a string, not int"),
        (
            b'{"text": "x", "published_at": "not a date at all"}',
            "bad-field",
            "published_at 'not a date at all' is not a date",
        ),
        (
            b'{"text": "x",',
            "bad-json",
            "malformed JSON at line 1, column 14: Expecting property name enclosed in double quotes",
        ),
        (b"[1, 2]", "bad-json", "expected a JSON object, found int"),
    ],
)
def test_bad_json(data: bytes, error_class: str, message: str) -> None:
    items: list[Article | ArticleFacts | InputError]
    try:
        items = parse_raw(RawDocument("f.json", data, "json"))
    except InputError as exc:
        items = [exc]
    problem = items[0]
    assert isinstance(problem, InputError)
    assert (problem.error_class, problem.message) == (error_class, message)


def test_json_array_keeps_good_records_when_one_is_bad() -> None:
    data = json.dumps([{"text": "One."}, {"title": "none"}, {"text": "Three."}]).encode()
    items = parse_raw(RawDocument("a.json", data, "json"))
    assert [i.origin for i in items if not isinstance(i, ArticleFacts)] == ["a.json#1", "a.json#2", "a.json#3"]
    assert isinstance(items[1], InputError) and items[1].message == "JSON object has no 'text' or 'body'"
    assert [i.body for i in items if isinstance(i, Article)] == ["One.", "Three."]


def test_facts_record_is_loaded_without_extraction() -> None:
    facts = ArticleFacts(article=Article(body="Body.", origin="orig", title="T"))
    (item,) = parse_raw(RawDocument("facts.jsonl", json.dumps(facts.to_json()).encode(), "jsonl", line_number=7))
    assert isinstance(item, ArticleFacts)
    assert (item.article.body, item.article.title, item.article.origin) == ("Body.", "T", "facts.jsonl:7")


def test_html_page() -> None:
    para = "The committee met on Monday and agreed a plan after long talks. " * 6
    html = f"""<html><head><title>Plan agreed | Example News</title>
    <link rel="canonical" href="https://news.example.com/plan">
    <meta name="author" content="Jane Roe"><meta property="og:site_name" content="Example News">
    <meta property="article:published_time" content="2023-10-19T08:00:00Z"></head>
    <body><nav>Home | World</nav><article><h1>Plan agreed</h1><p>{para}</p><p>More detail follows here.</p>
    </article><footer>Copyright</footer></body></html>"""
    a = one(RawDocument("p.html", html.encode(), "html"))
    assert a.title == "Plan agreed"
    assert a.body == f"{para.strip()}\nMore detail follows here."
    assert (a.url, a.source_code, a.source_name) == (
        "https://news.example.com/plan",
        "news.example.com",
        "Example News",
    )
    assert a.published_at == datetime(2023, 10, 19, tzinfo=UTC)
    assert [c.name for c in a.credits] == ["Jane Roe"]


def test_html_without_article_text() -> None:
    with pytest.raises(InputError, match=r"^no article text found in the HTML page"):
        parse_raw(RawDocument("p.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "html"))


def test_folder_walk_glob_and_limits(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("T\n\nBody b.")
    (tmp_path / "sub" / "a.txt").write_text("T\n\nBody a.")
    (tmp_path / "notes.md").write_text("ignored")
    (tmp_path / "big.txt").write_bytes(b"x" * 101)
    items = list(iter_raw([str(tmp_path)], ReadOptions(max_bytes=100)))
    raws = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [Path(r.origin).name for r in raws] == ["b.txt", "a.txt"]
    assert [(e.error_class, e.message) for e in errors] == [
        ("too-large", "101 bytes is over the --max-bytes limit of 100; raise it to load this file")
    ]
    only_sub = list(iter_raw([str(tmp_path)], ReadOptions(glob="sub/*.txt")))
    assert [Path(r.origin).name for r in only_sub if isinstance(r, RawDocument)] == ["a.txt"]
    missing = list(iter_raw([str(tmp_path / "nope.txt")], ReadOptions()))
    assert [(e.error_class, e.message) for e in missing if isinstance(e, InputError)] == [
        ("unreadable", "no such file or folder")
    ]


def test_json_lines_stream_by_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": "one"}\n{"text": "two"}\n{"text": \n\n{"text": "four"}\n')
    raws = [r for r in iter_raw([str(path)], ReadOptions()) if isinstance(r, RawDocument)]
    assert [r.line_number for r in raws] == [1, 2, 3, 5]
    with pytest.raises(InputError) as info:
        parse_raw(raws[2])
    assert (info.value.origin, info.value.line_number, info.value.error_class) == (str(path), 3, "bad-json")


@pytest.mark.parametrize(
    ("value", "code"),
    [("en", "en"), ("pt-BR", "pt-BR"), ("English", "en"), ("french", "fr"), ("eng", "eng"), (" ", None)],
)
def test_language_codes_and_names(value: str, code: str | None) -> None:
    assert language_code(value) == code


def test_language_that_is_neither_code_nor_name() -> None:
    with pytest.raises(InputError) as info:
        language_code("Klingonish!")
    assert (info.value.error_class, info.value.message) == (
        "bad-field",
        "language 'Klingonish!' is not a language code such as en or pt-BR",
    )


def test_excerpt_is_printable_and_at_most_200_characters() -> None:
    from newsdb.ingest.errors import excerpt_of

    assert excerpt_of(b"\x00\x01" * 500) == "\\x00\\x01" * 25
    assert excerpt_of(b"ok\xff then") == "ok\\xff then"
    assert len(excerpt_of("é" * 1000)) == 200


def test_input_errors_survive_pickling_between_worker_processes() -> None:
    import pickle

    err = InputError("bad-json", "malformed JSON", origin="feed.jsonl", line_number=3, excerpt="{bad")
    back = pickle.loads(pickle.dumps(err))
    assert (back.error_class, back.message, back.origin, back.line_number, back.excerpt) == (
        "bad-json",
        "malformed JSON",
        "feed.jsonl",
        3,
        "{bad",
    )
