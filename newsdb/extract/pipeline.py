"""The extraction pipeline: Article in, ArticleFacts out.

One spaCy model is loaded per :class:`Extractor` (per process).  Per article
the stages run in a fixed order on one ``Doc`` whose text is exactly
``Article.body``: entities (with in-document resolution and roles), then
statements, then events; later stages read the ``DocEntities`` of earlier ones.

Long bodies are cut into chunks below ``nlp.max_length`` at paragraph or
whitespace boundaries, parsed separately and joined back with
``Doc.from_docs`` so every offset still indexes into the body.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import re
from collections.abc import Iterable, Iterator
from importlib import metadata
from typing import TYPE_CHECKING

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from newsdb.extract.doc import DocEntities
from newsdb.extract.entities import find_entities
from newsdb.extract.events import find_events
from newsdb.extract.facts import ArticleFacts, Statement
from newsdb.extract.furniture import mark_furniture
from newsdb.extract.model import DEFAULT_MODEL, missing_model_message
from newsdb.extract.quotes import reading_text
from newsdb.ingest.article import Article

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

CHUNK_CHARS = 50_000  # parse unit: far below nlp.max_length, keeps parser memory flat


class ExtractionError(ValueError):
    """A problem the user can fix (e.g. a model that is not installed)."""


def load_model(model: str) -> Language:
    """Load a spaCy pipeline by package name, with a one-line error if it is missing."""
    try:
        return spacy.load(model)
    except OSError as exc:
        message = missing_model_message(model) or f"spaCy model {model!r} could not be loaded: {exc}"
        raise ExtractionError(message) from exc


def check_model(model: str) -> None:
    """Raise :class:`ExtractionError` unless ``model`` is an installed package or a model directory."""
    message = missing_model_message(model)
    if message is not None:
        raise ExtractionError(message)


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` chars whose concatenation is ``text``.

    Prefers a paragraph break, then a line break, then a sentence end, then any
    whitespace in the second half of the window; cuts hard as a last resort.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window_end = start + limit
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            found = text.rfind(sep, start + limit // 2, window_end)
            if found != -1:
                cut = found + len(sep)
                break
        if cut <= start:
            cut = window_end
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


# Honorifics and titles the model's tokenizer would split into word + sentence-ending period
# (it knows "Gen.", "Gov.", "Sen.", "Rep." already).
HONORIFIC_ABBREVIATIONS = (
    "MM.", "Mme.", "Mmes.", "Messrs.", "Mlle.",
    "Capt.", "Lt.", "Sgt.", "Col.", "Maj.", "Cmdr.", "Cpl.", "Pvt.", "Brig.", "Supt.", "Det.", "Insp.",
    "Amb.", "Atty.", "Msgr.", "Sens.", "Reps.",
)  # fmt: skip


# Hyphens glued to a capitalised word open a bullet or a signature ("-Bernie Sanders won 84 percent",
# "-President Obama, tweeting after Clinton's speech."): the model's tokenizer keeps "-President" one word.
_DASH_PREFIX = r"^-+(?=[A-Z])"


def _add_tokenizer_exceptions(nlp: Language) -> None:
    """Keep "MM. Kim and Putin" and "said Navy Capt. Jeff Davis" one sentence: the title's period is no full stop.

    Also split a hyphen from the capitalised word it opens, so that "-Michelle Marks, Philadelphia." signs with
    a name.
    """
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        for text in HONORIFIC_ABBREVIATIONS:
            tokenizer.add_special_case(text, [{ORTH: text}])
        prefixes = getattr(tokenizer.prefix_search, "__self__", None)
        if isinstance(prefixes, re.Pattern) and _DASH_PREFIX not in prefixes.pattern:
            tokenizer.prefix_search = re.compile(f"{_DASH_PREFIX}|{prefixes.pattern}").search


# Titles before a name, whose period never ends the sentence ("said Navy Capt. Jeff Davis").
TITLE_ABBREVIATIONS = frozenset(
    {*HONORIFIC_ABBREVIATIONS, "Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Gov.", "Sen.", "Rep.", "Adm.", "Prof.", "Rev."}
)


MAX_WRAPPED_LINE = 100  # characters: a text whose lines are all this short may be wrapped mid-sentence
_DATELINE_DASHES = frozenset({"-", "–", "—", "--"})
MAX_DATELINE_TOKENS = 10


@Language.component("newsdb_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line always ends a sentence (titles, datelines and captions have no full stop); a title's
    period before a name on the same line never does; a dateline ("LONDON (Reuters) -") is no part of the
    sentence after it, whose subject the parser would otherwise take it for."""
    # Lines longer than a wrapped text's are paragraphs: a line break between them ends a sentence before
    # a capital ("... into the U.S.\nChris Christie added" had made Christie the object of "into").
    line_breaks_paragraphs = max(map(len, doc.text.split("\n"))) > MAX_WRAPPED_LINE
    for token in doc[1:]:
        previous = doc[token.i - 1]
        blank_line = "\n\n" in previous.whitespace_ or (previous.is_space and "\n\n" in previous.text)
        line_break = "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text)
        new_line = line_break and line_breaks_paragraphs and (token.text[:1].isupper() or token.is_quote)
        if (blank_line and not token.is_space) or new_line:
            token.is_sent_start = True
        elif previous.text in TITLE_ABBREVIATIONS and token.text[:1].isupper() and "\n" not in previous.whitespace_:
            token.is_sent_start = False
    mark_furniture(doc)
    _dateline(doc, 0)
    for token in doc[1:]:
        if token.is_sent_start and not token.is_space:
            _dateline(doc, token.i)
    return doc


def _dateline(doc: Doc, start: int) -> None:
    """Start a sentence after "WASHINGTON -", "Washington (AFP) –", "BEIRUT, Lebanon (Reuters) —" at ``start``.

    A dateline is a place in capitals, or capitalised words followed by a news agency in parentheses, then a
    dash, all on one line.
    """
    capitals = agency = False
    depth = 0
    for token in doc[start : start + MAX_DATELINE_TOKENS]:
        if "\n" in token.text:
            return
        if token.text in _DATELINE_DASHES and depth == 0:
            if (capitals or agency) and token.i > start and token.i + 1 < len(doc):
                doc[token.i + 1].is_sent_start = True
            return
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth -= 1
            agency = agency or depth == 0
        elif token.text == ",":
            continue
        elif not token.text[:1].isupper():
            return
        elif depth == 0 and token.is_alpha and token.text.isupper() and len(token.text) > 1:
            capitals = True
        if "\n" in token.whitespace_:
            return


def _add_paragraph_breaks(nlp: Language) -> None:
    if "newsdb_paragraph_breaks" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("newsdb_paragraph_breaks", before="parser")


def _find_statements(doc: Doc, article: Article, ents: DocEntities) -> list[Statement]:
    try:
        from newsdb.extract.statements import find_statements
    except ImportError:
        return []
    return find_statements(doc, article, ents)


class Extractor:
    """Runs the extraction stages with one loaded spaCy model."""

    def __init__(self, model: str = DEFAULT_MODEL) -> None:
        self.model = model
        self.nlp = load_model(model)
        _add_tokenizer_exceptions(self.nlp)
        _add_paragraph_breaks(self.nlp)
        version = self.nlp.meta.get("version", "?")
        try:
            newsdb_version = metadata.version("newsdb")
        except metadata.PackageNotFoundError:
            newsdb_version = "dev"
        self.version = f"newsdb {newsdb_version} / {model} {version}"

    def extract(self, article: Article) -> ArticleFacts:
        return self.facts(article, self.parse(article.body))

    def extract_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[ArticleFacts]:
        """Extract many articles, parsing them in batches with ``nlp.pipe``; order is kept."""
        for article, doc in self._parse_many(articles, batch_size):
            yield self.facts(article, doc)

    def parse(self, text: str) -> Doc:
        """A ``Doc`` of ``text`` as the stages read it (:func:`reading_text`: same length and offsets), however long."""
        text = reading_text(text)
        pieces = split_text(text, min(CHUNK_CHARS, self.nlp.max_length - 1))
        if len(pieces) == 1:
            return self.nlp(text)
        return Doc.from_docs(list(self.nlp.pipe(pieces)), ensure_whitespace=False)

    def facts(self, article: Article, doc: Doc) -> ArticleFacts:
        """Run the rule stages on a parsed doc of ``article.body`` (as :meth:`parse` gives it)."""
        reading = reading_text(article.body)
        if doc.text != reading:
            raise ValueError("doc text differs from article body")
        read = article if reading is article.body else dataclasses.replace(article, body=reading)
        ents = find_entities(doc, read)
        statements = _find_statements(doc, read, ents)
        events = find_events(doc, read, ents)
        if read is not article:
            for statement in statements:
                statement.quote = article.body[statement.start : statement.end]
        return ArticleFacts(
            article=article,
            entities=ents.entities,
            mentions=sorted(ents.mentions, key=lambda m: (m.start, m.end)),
            roles=ents.roles,
            statements=statements,
            events=events,
            extractor=self.version,
        )

    def _parse_many(self, articles: Iterable[Article], batch_size: int) -> Iterator[tuple[Article, Doc]]:
        """Parse articles with ``nlp.pipe``, chunking long bodies and joining them back."""

        def chunks() -> Iterator[tuple[str, tuple[int, int, int]]]:
            for i, article in enumerate(pending):
                pieces = split_text(reading_text(article.body), min(CHUNK_CHARS, self.nlp.max_length - 1))
                for j, piece in enumerate(pieces):
                    yield piece, (i, j, len(pieces))

        pending: list[Article] = []
        parts: list[Doc] = []
        it = iter(articles)
        while True:
            pending = [a for _, a in zip(range(batch_size), it, strict=False)]
            if not pending:
                return
            for doc, (i, j, n) in self.nlp.pipe(chunks(), as_tuples=True, batch_size=batch_size):
                parts.append(doc)
                if j == n - 1:
                    joined = parts[0] if n == 1 else Doc.from_docs(parts, ensure_whitespace=False)
                    parts = []
                    yield pending[i], joined


# -- process-parallel extraction ----------------------------------------------

_worker: Extractor | None = None


def _init_worker(model: str) -> None:
    global _worker
    _worker = Extractor(model)


def _extract_in_worker(article: Article) -> ArticleFacts:
    if _worker is None:  # pragma: no cover - the pool initializer always runs first
        raise RuntimeError("worker not initialised")
    return _worker.extract(article)


def extract_parallel(
    articles: Iterable[Article],
    workers: int,
    model: str = DEFAULT_MODEL,
    batch_size: int = 32,
) -> Iterator[ArticleFacts]:
    """Extract in ``workers`` processes, each loading the model once; input order is kept.

    With ``workers <= 1`` this is ``Extractor(model).extract_many`` in-process.
    """
    if workers <= 1:
        yield from Extractor(model).extract_many(articles, batch_size=batch_size)
        return
    check_model(model)  # fail fast, with the one-line error, before starting workers
    ctx = multiprocessing.get_context("spawn")
    pool: Pool = ctx.Pool(workers, initializer=_init_worker, initargs=(model,))
    try:
        yield from pool.imap(_extract_in_worker, articles, chunksize=max(1, batch_size // workers))
        pool.close()
    finally:
        pool.terminate()
        pool.join()
