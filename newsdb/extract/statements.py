"""Statements: who said what, quoted directly, in part, or reported.

:func:`find_statements` finds three kinds of :class:`Statement`:

* ``direct``: a quotation that is a clause of its own, opening a sentence or
  introduced by its cue ("“We oppose this line,” added Mr. Lavrov",
  "Kim said: “...”"), or continuing an earlier direct quotation;
* ``partial``: a quoted fragment inside reported speech ("he wants a
  “forward-looking” relationship");
* ``indirect``: the clause reported by a speech verb ("the United States said
  deliveries were already underway") or introduced by "according to".

The cue is found in this order: the frame after the closing mark
(“...,” he said / said X), the frame before the opening mark (X said: “...”),
a speech verb the quotation depends on, "according to X" in the sentence,
then the context, for a quotation that opens its sentence: a colon-ended
introduction ("Kim said:", "Trump leaned in and boomed:", "Here's Clinton:"),
a signature ("“...” ― Sonya Herridge", or a "- Bernie Sanders." line below),
the speaker of the previous quotation in the paragraph, the speech verb
ending the previous paragraph, or the one person the sentence before is
about ("Dianne Bystrom agreed. “...”").  A quoted fragment with no speech cue
in its sentence (a film title, a scare quote) is not a statement; a
clause-length quotation with no cue is one, with no speaker; a quoted line in
capitals is a heading and is given no speaker from its context.

Speakers are resolved by :class:`~newsdb.extract.speakers.SpeakerResolver`,
cautiously: unresolved speakers are None with their surface text kept.
Channels ("according to KCNA" when someone else speaks, "cited by Russian
agencies", "Pyongyang reported") go to ``channel``/``channel_text``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsdb.extract import roles
from newsdb.extract.doc import DocEntities
from newsdb.extract.facts import Statement, StatementType
from newsdb.extract.lexicon import SPEECH_VERBS, SUBJECT_DEPS
from newsdb.extract.quotes import Quote, find_quotes, paragraph_spans
from newsdb.extract.speakers import DOCUMENT_NOUNS, SpeakerResolver
from newsdb.extract.transcripts import Turn, find_interview, find_turns
from newsdb.ingest.article import Article

# Verbs that frame a quotation ("“...,” Carson continued.") but never govern one.
FRAME_ONLY_VERBS = frozenset({"continue"})
# ... and verbs that do so with their particle: "Hillary shot back, “...”".
PHRASAL_SPEECH_VERBS = {
    "shoot": "back", "fire": "back", "hit": "back", "push": "back", "chime": "in", "weigh": "in", "cut": "in",
    "pipe": "up", "lash": "out", "sound": "off", "go": "on",
}  # fmt: skip
# Speech verbs that report a clause ("said that ..."); "call", "describe" and the like only frame quotes.
INDIRECT_VERBS = SPEECH_VERBS - frozenset(
    {"welcome", "praise", "call", "describe", "denounce", "criticize", "criticise", "blast", "slam", "hail",
     "speak", "comment", "quip", "joke", "shout", "yell", "ask", "answer", "wonder", "muse",
     "demand", "propose", "accuse", "lament", "mention", "recall", "decry", "tout", "laud", "whisper", "mutter",
     "murmur", "inquire", "recount", "condemn", "thank", "dub", "label", "chant", "coin", "boom",
     "lecture", "scoff", "snap", "thunder", "gush", "rant", "sigh", "exult", "dismiss", "characterize",
     "characterise", "refer", "bemoan", "blame"}
)  # fmt: skip
# Verbs whose subject is a medium when another cue in the sentence has its own speaker.
CHANNEL_VERBS = frozenset({"report"})
# "cited by X", "quoted by X": X is the channel.
CITING_VERBS = frozenset({"cite", "quote"})
# A quotation ending in one of these is not a finished sentence: the verb after it frames it.
FRAME_ENDINGS = (",", "?", "!", "—", "–")
# Verbs right after a quotation that do not attribute it ("“...,” the poll found" does; "is", "think" do not).
NOT_FRAME_VERBS = frozenset({"be", "have", "do", "think", "believe", "know", "feel", "seem", "want", "hope", "get"})
# Dependents of a cue verb that hold what it reports, and the share of it a quotation must cover to be direct.
REPORT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "attr", "advcl", "parataxis"})
REPORT_COVERAGE = 2 / 3
DOUBLE_MARKS = frozenset('“”„"«»')
SENTENCE_END = frozenset({".", "!", "?"})
FRAME_GAP_TOKENS = 8  # at most this many tokens between a closing mark and its cue verb
FRAME_SUBJECT_TOKENS = (
    24  # ... unless they are all the subject of that verb ("Gene Sperling, a top outside Clinton adviser, said")
)
ANCESTOR_DEPTH = 10
# "X forced Y to admit": Y speaks (not "X used the luncheon to complain", where X does)
OBJECT_CONTROL_VERBS = frozenset(
    {"force", "ask", "urge", "press", "push", "compel", "pressure", "persuade", "convince", "encourage",
     "invite", "challenge", "dare", "prompt", "order", "request", "beg", "implore", "get"}
)  # fmt: skip
INTRODUCING_DASHES = ("--", "—", "–")
MAX_NAME_TOKENS = 5  # a name after "said" is shorter ("Senator Mark S. Kirk"): a longer run is a headline
MIN_CLAUSE_WORDS = 3
TITLE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PART"})  # "the Post's senior politics editor"
TRAILING_STRIP = ", \n\t"
MAX_ASIDE_TOKENS = 6  # "Ms. Tanzer said" set off by commas inside a sentence
MAX_CONTINUATION_GAP = 200  # characters between a quotation and the one continuing it
DASHES = frozenset({"-", "—", "–"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
DASH_SIGNATURE_TOKENS = 20  # "- Bernie Sanders." / "-President Obama, tweeting after Clinton's speech."
SIGNATURE_DASHES = DASHES | {"―"}
# "” ― Sonya Herridge" closing a quotation's line: a dash, two to four capitalised words, an optional full stop.
_SIGNATURE = re.compile(
    r"[ \t\u00a0]*(?P<dash>[-―—–])[ \t\u00a0]*"
    r"(?P<name>[A-Z][\w’'.-]*(?:[ \t][A-Z][\w’'.-]*){1,3}?)\.?[ \t\u00a0]*"
)
# "... before saying", "by telling": prepositions whose gerund's subject is the clause's subject.
SUBJECT_CONTROL_PREPOSITIONS = frozenset({"before", "after", "by", "upon", "while", "in", "since", "without", "on"})
# "spoke on “Meet the Press”", "said in “The Art of the Deal”": a quoted title after these is where, not what.
VENUE_PREPOSITIONS = frozenset({"on", "in", "at"})
MAX_WORK_TITLE_WORDS = 6  # "This Week With George Stephanopoulos" after "on ABC's"
# Owners of a programme: "on Fox News channel's “Sunday Morning Futures”" (names are tagged ORG).
MEDIA_NOUNS = frozenset({"channel", "network", "station", "radio", "television", "magazine", "newspaper", "paper"})
# Makers whose "of" names their work: "the author of “Destiny and Power”", "host of “Morning Joe”".
WORK_MAKERS = frozenset(
    {"author", "co-author", "coauthor", "editor", "co-editor", "host", "co-host", "anchor", "creator", "director",
     "producer", "star", "writer", "publisher"}
)  # fmt: skip
# Nouns a title in quotation marks names: "the podcast “Here's the Thing.”", "his book, “An American Son.”".
WORK_NOUNS = frozenset(
    {"book", "memoir", "autobiography", "biography", "podcast", "show", "program", "programme", "series", "film",
     "documentary", "movie", "album", "song", "novel", "play", "musical", "newsletter", "column", "blog", "episode",
     "segment"}
)  # fmt: skip
# Nouns for someone's words, whose possessor spoke them: "Clinton's response was: “...”".
WORDS_NOUNS = frozenset({"response", "reply", "answer", "retort", "reaction", "comment", "words", "message", "verdict"})
# ... and nouns for what someone said that a quotation may be the content of: "Trump's claim that Obama “...”";
# those that name words are what their copula's quotation says: "Clinton's slogan is “I'm with her.”".
NAMING_WORDS_NOUNS = frozenset({"slogan", "phrase", "catchphrase", "dictum", "motto", "mantra", "refrain"})
OWNED_WORDS_NOUNS = (
    WORDS_NOUNS
    | NAMING_WORDS_NOUNS
    | frozenset(
        {"claim", "assertion", "suggestion", "promise", "pledge", "vow", "warning", "description", "remark", "quip",
         "boast", "accusation", "insistence", "contention", "argument", "prediction", "declaration"}
    )
)  # fmt: skip
MINOR_TITLE_WORDS = frozenset({"with", "from", "into", "onto", "upon", "over"})  # lower case in a title
MAX_TITLE_WORDS = 4  # a quotation this short in a sentence is a title or a scare quote, not someone's words
MAX_LISTED_WORDS = 8  # quoted fragments this short, one after another, share their frame
MIN_TRANSCRIPT_TURNS = 2  # one "NAME:" paragraph alone may be a heading; a transcript has turns
MAX_TRANSCRIPT_SPEAKERS = 40  # more labels than this: a list or a table, not a conversation
MAX_CROSSED = 8  # quotations between a quotation and its cue: more, and the cue is not trusted
MAX_QUOTED_SHARE = 0.8  # a reported clause mostly in quotation marks is a direct quotation, not indirect


@dataclass(slots=True)
class _Cue:
    """What attributes a statement: a cue (verb or "according to") and the speaker phrase."""

    lemma: str
    start: int
    end: int
    speaker: Span | None
    sentence: Span
    inherited: str | None = None  # speaker key taken from context rather than a phrase
    inherited_text: str | None = None
    inherited_at: tuple[int, int] | None = None  # where inherited_text is, when it is this statement's own


@dataclass(slots=True)
class _Candidate:
    type: StatementType
    start: int
    end: int
    cue: _Cue | None


def find_statements(doc: Doc, article: Article, ents: DocEntities) -> list[Statement]:
    """Direct, partial and indirect statements of one article, in text order."""
    # A cheap check: ``doc.text`` rebuilds the string from the tokens (milliseconds per article),
    # and the caller (Extractor.facts) has compared it with the body already.
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if end != len(article.body):
        raise ValueError("doc text differs from article body")
    finder = _StatementFinder(doc, ents, article.body)
    return finder.run()


class _StatementFinder:
    """The state of one document: its quotations, paragraphs and speaker memory."""

    def __init__(self, doc: Doc, ents: DocEntities, text: str) -> None:
        self.doc = doc
        self.text = text  # == doc.text
        self.ents = ents
        self.quotes = find_quotes(self.text)
        self._quote_starts = [q.outer_start for q in self.quotes]
        self._mark_positions = {q.open_at for q in self.quotes} | {q.close_at for q in self.quotes}
        self.paragraphs = paragraph_spans(self.text)
        self._paragraph_starts = [s for s, _ in self.paragraphs]
        self.resolver = SpeakerResolver(doc, ents, [(q.outer_start, q.outer_end) for q in self.quotes], text)

    # -- driver -------------------------------------------------------------

    def run(self) -> list[Statement]:
        turns = self._turn_candidates() + self._interview_candidates()
        labels = sorted(c.cue.start for c in turns if c.cue is not None)
        quoted = [c for c in self._quote_candidates() if not _holds_any(labels, c.start, c.end)]
        candidates = quoted + self._indirect_candidates() + turns
        candidates.sort(key=lambda c: (c.start, c.end))
        statements: list[Statement] = []
        previous: dict[int, tuple[str | None, str | None]] = {}
        for candidate in candidates:
            statement = self._statement(candidate, previous)
            if statement is not None:
                statements.append(statement)
        _unlink_crossed(statements)
        return statements

    def _statement(self, candidate: _Candidate, previous: dict[int, tuple[str | None, str | None]]) -> Statement | None:
        start, end = _trim(self.text, candidate.start, candidate.end)
        if start >= end:
            return None
        statement = Statement(type=candidate.type, quote=self.text[start:end], start=start, end=end)
        cue = candidate.cue
        if cue is None:
            return statement
        if cue.lemma:  # empty when the attribution comes from a sentence without a speech verb
            statement.cue = cue.lemma
            statement.cue_start, statement.cue_end = cue.start, cue.end
        if cue.speaker is not None:
            phrase = _speaker_phrase(cue.speaker)
            statement.speaker_text = phrase.text
            statement.speaker_start, statement.speaker_end = phrase.start_char, phrase.end_char
            key = previous.get(cue.start, (None, None))[0] if cue.start in previous else None
            statement.speaker = key if cue.start in previous else self.resolver.resolve(phrase)
            if statement.speaker is not None and len(phrase) == 1 and phrase[0].lower_ in PERSONAL_PRONOUNS:
                # "he told Russian media": the pronoun is a mention of the person it was resolved to
                self.ents.add_mention(statement.speaker, phrase.start_char, phrase.end_char)
        elif cue.inherited is not None or cue.inherited_text is not None:
            statement.speaker = cue.inherited
            statement.speaker_text = cue.inherited_text
            if cue.inherited_at is not None:
                statement.speaker_start, statement.speaker_end = cue.inherited_at
        previous[cue.start] = (statement.speaker, statement.speaker_text)
        self.resolver.remember(statement.speaker, cue.start)
        self._channel(statement, cue)
        return statement

    # -- transcripts ----------------------------------------------------------

    def _turn_candidates(self) -> list[_Candidate]:
        """Transcript turns ("PENCE: Well, look, ..."), direct statements of the person the label names.

        A transcript is two turns or more, one of them labelled with the name
        of a person the article names; its other labels then name persons too
        ("WALLACE", the interviewer the article never introduces).  A
        quotation holding turns (a whole transcript printed as one quotation)
        is replaced by them (see :meth:`run`); there a paragraph labelled
        "VIDEO:" is a turn too, of nobody named.  The cue is the colon; the
        speaker's text is the label.
        """
        turns = [t for t in find_turns(self.text, self.paragraphs, self.quotes) if t.speaker_label or t.quoted]
        if sum(t.speaker_label for t in turns) < MIN_TRANSCRIPT_TURNS:
            return []
        first: dict[str, int] = {}  # each speaker's label, where it first appears
        for turn in turns:
            if turn.speaker_label:
                first.setdefault(turn.label, turn.label_start)
        if len(first) > MAX_TRANSCRIPT_SPEAKERS:
            return []  # hundreds of labels: a list or a table, not a conversation
        speakers = {label: self.resolver.resolve_label(label, at, register=False) for label, at in first.items()}
        if not any(speakers.values()):
            return []
        for label, key in speakers.items():
            if key is None:
                speakers[label] = self.resolver.resolve_label(label, first[label], register=True)
        found: list[_Candidate] = []
        for turn in turns:
            key = speakers.get(turn.label) if turn.speaker_label else None
            candidate = self._turn_candidate(turn, key, labelled=turn.speaker_label)
            if candidate is None:
                continue
            if key is not None:
                self.ents.add_mention(key, turn.label_start, turn.label_end)
            found.append(candidate)
        return found

    def _turn_candidate(self, turn: Turn, key: str | None, labelled: bool) -> _Candidate | None:
        """A turn as a direct statement of ``key``, cued by its colon; ``labelled``: the label is the speaker's text."""
        span = self.doc.char_span(turn.label_start, turn.colon + 1, alignment_mode="expand")
        if span is None:
            return None
        said = (turn.label, (turn.label_start, turn.label_end)) if labelled else (None, None)
        cue = _Cue(":", turn.colon, turn.colon + 1, None, span.sent, key, *said)
        return _Candidate("direct", turn.start, turn.end, cue)

    def _interview_candidates(self) -> list[_Candidate]:
        """A printed interview's turns ("Q: ...", "A: ..."): every answer is the interviewee's.

        The interviewee is the person the article names first, when named
        more often than anyone else before the first question ("Joe Biden
        spent Thursday ... he spoke with POLITICO's Michael Grunwald ...
        Biden complained ..."); otherwise answers have no speaker.  Questions
        have none: the labels name no one.
        """
        turns = find_interview(self.text, self.paragraphs)
        if not turns:
            return []
        interviewee = self._interviewee(turns[0].label_start)
        found = (self._turn_candidate(t, interviewee if t.label == "A" else None, labelled=True) for t in turns)
        return [candidate for candidate in found if candidate is not None]

    def _interviewee(self, first_question: int) -> str | None:
        counts: dict[str, int] = {}
        for mention in sorted(self.ents.mentions, key=lambda m: m.start):
            if mention.start < first_question and self.ents.get(mention.entity).kind == "person":
                counts[mention.entity] = counts.get(mention.entity, 0) + 1
        if not counts:
            return None
        first = next(iter(counts))
        others = [n for key, n in counts.items() if key != first]
        return first if counts[first] >= 2 and all(n < counts[first] for n in others) else None

    # -- quotations -----------------------------------------------------------

    def _quote_candidates(self) -> list[_Candidate]:
        found: list[_Candidate] = []
        previous: _Candidate | None = None
        for index, quote in enumerate(self.quotes):
            inner = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
            if inner is None or len(inner) == 0:
                previous = None
                continue
            if self._listed_with_previous(index):
                # “how the system is rigged,” and “wounded American families”: one frame for the list
                cue = previous.cue if previous is not None else None
                candidate = _Candidate("partial", quote.start, quote.end, cue) if cue is not None else None
            else:
                candidate = self._quote_candidate(index, inner, found)
            if candidate is not None:
                found.append(candidate)
            previous = candidate
        return found

    def _named_work(self, quote: Quote, inner: Span) -> bool:
        """A title-case quotation naming a programme, a book or a film, wherever the parser hangs it.

        Four words or fewer after "on", "in", "at" or a work's noun ("the podcast “Here's the Thing.”", "his
        2012 book, “An American Son.”"); six or fewer after a medium's possessive ("told ABC's “Good Morning
        America”", "on CBS' “60 Minutes.”") or a maker's "of" ("the author of “Destiny and Power”", "host of
        MSNBC's “Morning Joe”").  "said on NBC's “Meet the Press.”" had made the programme Cuban's words.
        """
        words = len(self.text[quote.start : quote.end].split())
        if words > MAX_WORK_TITLE_WORDS or not _title_like(inner):
            return False
        before = [t for t in self.doc[max(0, inner.start - 8) : inner.start] if not t.is_space and not t.is_quote]
        if before and before[-1].text == ",":
            before.pop()  # "his 2012 book, “An American Son.”"
        if not before:
            return False
        last = before[-1]
        if last.text in ("'s", "’s", "'", "’"):
            owner = before[-2] if len(before) > 1 else None
            if owner is not None and (owner.ent_type_ == "ORG" or owner.lower_ in MEDIA_NOUNS):
                return True  # a medium's programme; not "Clinton's “Basket of Deplorables”"
            while len(before) > 1 and before[-2].pos_ == "PROPN":
                before.pop()
            before.pop()
            last = before[-1] if before else last
        elif last.lower_ == "of" and len(before) > 1 and before[-2].lemma_.lower() in WORK_MAKERS:
            return True
        short = words <= MAX_TITLE_WORDS
        return short and (last.lemma_.lower() in WORK_NOUNS or last.lower_ in VENUE_PREPOSITIONS)

    def _listed_with_previous(self, index: int) -> bool:
        """Two quoted fragments in a row, joined by "and", "or" or a comma alone, neither a clause."""
        if index == 0:
            return False
        before, quote = self.quotes[index - 1], self.quotes[index]
        gap = self.text[before.outer_end : quote.open_at]
        if gap.strip(" ,") not in ("and", "or", "") or "\n" in gap or not gap.strip():
            return False
        return all(len(self.text[q.start : q.end].split()) <= MAX_LISTED_WORDS for q in (before, quote))

    def _quote_candidate(self, index: int, inner: Span, earlier: list[_Candidate]) -> _Candidate | None:
        quote = self.quotes[index]
        if self._named_work(quote, inner):
            return None
        clause = _clause_like(inner)
        opens_sentence = self._opens_sentence(quote)
        cue = self._colon_introduced(quote)  # "Bronson wrote: “... passports?” Perry addressed the audience"
        framed_before = cue is not None
        if cue is None and not self._complement_of_verb_before(quote, inner):
            cue = self._cue_after(quote, inner)
        framed_after = cue is not None and not framed_before
        if cue is None:
            cue = self._cue_before(quote)
            framed_before = cue is not None
        if cue is None:
            cue = self._cue_governing(inner) or self._parenthetical_cue(inner)
        if cue is None:
            cue = self._according_to(inner.sent, exclude=inner)
        if cue is None and inner[-1].sent != inner.sent:
            cue = self._according_to(inner[-1].sent, exclude=inner)  # “First. Second,” according to X.
        if cue is None:
            cue = self._cue_of_next_quote(index)
        if cue is None and opens_sentence and clause:
            cue = None if self._heading(quote) else self._cue_from_context(quote, earlier)
            if cue is None:
                return _Candidate("direct", quote.start, quote.end, None)
        if cue is None:
            return None  # a scare quote or a title: nobody is said to have said it
        # “Never underestimate Trump,” Jones said: a sentence-opening quotation framed by its cue is a clause
        # of its own even where the small model tags no verb in it.
        clause = clause or (opens_sentence and framed_after and _words(inner) >= MIN_CLAUSE_WORDS)
        direct = clause and (opens_sentence or framed_before or self._covers_report(inner, cue))
        return _Candidate("direct" if direct else "partial", quote.start, quote.end, cue)

    def _complement_of_verb_before(self, quote: Quote, inner: Span) -> bool:
        """The quotation is what a speech verb before it, in its own clause, says or calls something: "under what
        Mr. Hedge called “the prior economy model,” the Marsh Landing Country Club charged": the words are
        Hedge's, whatever verb follows."""
        root = inner.root
        verb = root.head
        return (
            root.dep_ in ("oprd", "dobj", "attr")
            and verb.idx < quote.open_at
            and self._is_cue_verb(verb)
            and self._subject(verb) is not None
        )

    def _covers_report(self, inner: Span, cue: _Cue) -> bool:
        """The quotation is most of what the cue verb reports: "Cruz says if elected “I will work ...”".

        The reported part is the complement of the cue verb holding the
        quotation (its clause, object or predicate), without a leading "that";
        the quotation must cover at least two thirds of its characters.
        """
        if cue.lemma == "according to":
            return False
        verb_span = self.doc.char_span(cue.start, cue.end)
        if verb_span is None or len(verb_span) != 1:
            return False
        verb = verb_span[0]
        first = inner[0]
        part = next(
            (c for c in verb.children if c.dep_ in REPORT_DEPS and c.left_edge.i <= first.i <= c.right_edge.i), None
        )
        if part is None:
            return False
        span = _clause_span(part)
        if span is None:
            return False
        size = sum(len(t.text) for t in span if not t.is_punct)
        quoted = sum(len(t.text) for t in inner if not t.is_punct and span.start <= t.i < span.end)
        return size > 0 and quoted / size >= REPORT_COVERAGE

    def _opens_sentence(self, quote: Quote) -> bool:
        """Nothing but a sentence end, a colon, another quotation or a paragraph start before the mark."""
        pos = quote.open_at - 1
        while pos >= 0 and self.text[pos] in " \t\u00a0":
            pos -= 1
        if pos < 0 or self.text[pos] == "\n":
            return True
        return self.text[pos] in '.!?:;”"»)—–-' or self._paragraph_start(quote.open_at)

    def _heading(self, quote: Quote) -> bool:
        """A paragraph that is one quotation in single marks: a section heading ("'A change warrior.'").

        Newspapers head sections with a phrase quoted from the section below,
        not with more words of the speaker above.
        """
        if quote.family != "single":
            return False
        idx = self._paragraph_index(quote.open_at)
        if idx < 0:
            return False
        start, end = self.paragraphs[idx]
        return not self.text[start : quote.open_at].strip() and not self.text[quote.outer_end : end].strip(" .")

    def _paragraph_start(self, pos: int) -> bool:
        idx = bisect.bisect_right(self._paragraph_starts, pos) - 1
        return idx >= 0 and not self.text[self._paragraph_starts[idx] : pos].strip()

    def _cue_after(self, quote: Quote, inner: Span) -> _Cue | None:
        """“...,” he said / “...,” said Mr. Lavrov / “...”, welcomed the minister / “...,” as Cruz said."""
        if self.text[quote.start : quote.end].rstrip().endswith("."):
            # the quoted sentence ended: what follows is a new sentence, which attributes the quotation
            # only when it is nothing but a speaker and a speech verb (“... votes.” Trump said.)
            return self._bare_attribution(quote)
        after = self.doc.char_span(quote.outer_end, len(self.text), alignment_mode="expand")
        if after is None:
            return None
        tokens = [t for t in after[: FRAME_SUBJECT_TOKENS + 2] if not t.is_space]
        if tokens and tokens[0].text == ":":
            return self._captioned(tokens[0])  # "'We are with you': Actress Amber Tamblyn showed her support"
        gap: list[Token] = []
        open_ended = self.text[quote.start : quote.end].rstrip().endswith(FRAME_ENDINGS) and self._opens_sentence(quote)
        subordinate = False  # "“...,” as his father dreamed, Mr. Turry said": "as" takes a speech verb only
        for token in tokens:
            if token.text in ("“", "«") or token.text in SENTENCE_END or "\n" in self.text[quote.outer_end : token.idx]:
                return None
            fragment = _fragment_frame(token)
            inside_subject = token.dep_ in ("relcl", "acl") and not fragment  # "Sperling, who served as ..., said"
            frames = self._is_cue_verb(token, frame=True) or (
                open_ended and not subordinate and self._manner_verb(token)
            )
            if frames and not inside_subject:
                if self._demoted(token, outside=(quote.start, quote.end)):
                    return None  # "X said that ... “...,” Reuters reported": X's words, Reuters the channel
                if token.i + 1 < len(self.doc) and self.doc[token.i + 1].text == ":":
                    return None  # “... hit us?” The RAIB said: “...”: the colon introduces the next quotation
                speaker = (
                    _noun_phrase(token.head)
                    if fragment
                    else self._subject(token, after_pos=quote.outer_end) or self._inverted_subject(token)
                )
                cited = _quoted_as_saying(token)  # "“...,” Braynard is quoted as saying": "is" is no subject word
                if speaker is None or not (cited or _gap_is_subject(gap, speaker)):
                    speaker = _gap_name(gap, token) if not self._own_subject(token) else None
                if speaker is None:
                    return None
                return _Cue(token.lemma_.lower(), token.idx, token.idx + len(token.text), speaker, token.sent)
            if (token.is_punct or _frame_as(token)) and not gap:
                subordinate = subordinate or not token.is_punct  # "“... right now,” as Cruz said on Monday"
                continue
            gap.append(token)
            if len(gap) > FRAME_SUBJECT_TOKENS:
                return None
        return None

    def _captioned(self, colon: Token) -> _Cue | None:
        """A quotation and a colon heading a caption: "'The worst thing is to lose hope': Jennifer Lopez shared a
        touching message" is Lopez's, the named person the clause after the colon is about (its subject, a
        title or two allowed before the name); anything else after the colon gives no cue."""
        doc = self.doc
        at = colon.i + 1
        while at < len(doc) and (doc[at].is_space or (doc[at].is_title and not doc[at].ent_type_)):
            at += 1  # "Actress", "Reality star" (lower case after a title word too)
            while at < len(doc) and doc[at].is_lower and doc[at].pos_ == "NOUN":
                at += 1
        if at >= len(doc) or doc[at].ent_type_ != "PERSON":
            return None
        name = doc[at]
        while name.head.i != name.i and name.dep_ in ("compound", "flat") and name.head.ent_type_ == "PERSON":
            name = name.head
        verb = name.head
        if name.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX") or verb.i < name.i:
            return None
        return _Cue(":", colon.idx, colon.idx + 1, _noun_phrase(name), verb.sent)

    def _bare_attribution(self, quote: Quote) -> _Cue | None:
        """ "“... emails that are missing.” Trump said.": the sentence right after is only a frame.

        Its root is a speech verb with a subject before it and nothing it
        reports (no clause, object or quotation), on the quotation's line, ending
        the sentence within a few words: "Trump said.", "he said in a statement."
        """
        after = self.doc.char_span(quote.outer_end, len(self.text), alignment_mode="expand")
        if after is None:
            return None
        tokens = [t for t in after[: FRAME_SUBJECT_TOKENS + 4] if not t.is_space]
        end = next((i for i, t in enumerate(tokens) if t.text in SENTENCE_END), None)
        if end is None or end == 0:
            return None
        frame = tokens[:end]
        if "\n" in self.text[quote.outer_end : tokens[end].idx] or any(t.text in DOUBLE_MARKS for t in frame):
            return None  # a new paragraph, or another quotation
        verbs = [t for t in frame if self._is_cue_verb(t, frame=True) and t.dep_ == "ROOT"]
        if len(verbs) != 1:
            return None
        verb = verbs[0]
        if any(c.dep_ in REPORT_DEPS or c.dep_ == "dative" for c in verb.children):
            return None  # "Trump said nothing", "he told reporters": more than a frame
        speaker = self._subject(verb, after_pos=quote.outer_end)
        if speaker is None or speaker.start_char >= verb.idx or speaker.start != frame[0].i:
            return None
        return _Cue(verb.lemma_.lower(), verb.idx, verb.idx + len(verb.text), speaker, verb.sent)

    def _cue_of_next_quote(self, index: int) -> _Cue | None:
        """“A” between the two countries “B,” said X: an editorial insertion splits one quotation."""
        if index + 1 >= len(self.quotes):
            return None
        quote, nxt = self.quotes[index], self.quotes[index + 1]
        if self.text[quote.start : quote.end].rstrip().endswith(("?", "!")):
            return None  # “What does that say about America?” “...,” declared X: a question of its own, not split
        gap = self.doc.char_span(quote.outer_end, nxt.open_at, alignment_mode="expand")
        if gap is None or len(gap) > FRAME_GAP_TOKENS or any(t.pos_ in ("VERB", "AUX") for t in gap):
            return None
        if any(t.text in SENTENCE_END or "\n" in t.text for t in gap):
            return None
        inner = self.doc.char_span(nxt.start, nxt.end, alignment_mode="expand")
        return None if inner is None else self._cue_after(nxt, inner)

    def _other_speakers_clause(self, clause: Token) -> bool:
        """An adverbial clause on a speech verb whose subject is someone else: "as Trump went on about ..."."""
        if clause.dep_ != "advcl" or not self._is_cue_verb(clause.head):
            return False
        own = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
        other = next((c for c in clause.head.children if c.dep_ in SUBJECT_DEPS), None)
        if own is None or other is None or own.pos_ == "PRON":
            return False  # "..., he said, because he was “...”": a pronoun may be the speaker again
        return _noun_phrase(own).text.lower() != _noun_phrase(other).text.lower()

    def _colon_introduced(self, quote: Quote) -> _Cue | None:
        """A quotation that ends its sentence after "X said:" is X's, whatever sentence follows it.

        "Gemma Pryor from Mondelez told Express.co.uk: “... pre-Brexit.”
        Mondelez has responded to ...": the next sentence begins anew; a
        quotation ending in a comma leaves its frame after it ("The
        statement read: “...,” said X" is X's).
        """
        if not self.text[quote.start : quote.end].rstrip().endswith(tuple(SENTENCE_END)):
            return None
        pos = quote.open_at - 1
        while pos >= 0 and self.text[pos] in " \t":
            pos -= 1
        if pos < 0 or self.text[pos] != ":":
            return None
        cue = self._clause_ending_at(pos) or self._cue_before(quote)
        return cue if cue is not None and cue.speaker is not None else None

    def _clause_ending_at(self, pos: int) -> _Cue | None:
        """The clause whose last word is right before the colon at ``pos``, when it has a named subject and is
        no one's reported words: "She said that ..., to which O'Malley interjected:" is O'Malley's, not hers;
        "Cruz said as the heckler yelled:" is nobody's named; "Another said he hoped that Trump wins:" is not
        Trump's, nor "the letter Trump sent to Clinton:"."""
        colon = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        if colon is None or colon[0].i == 0 or self._is_cue_verb(self.doc[colon[0].i - 1], frame=True):
            return None  # "X said:", "went so far as to say:": the speech verb right there frames it
        cue = self._clause_cue(colon[0], self.doc[colon[0].i - 1])
        verb = self.doc.char_span(cue.start, cue.end, alignment_mode="expand") if cue is not None else None
        if verb is None or verb.root.dep_ in ("ccomp", "relcl") or any(c.dep_ == "mark" for c in verb.root.children):
            return None  # "the letter Trump sent to Clinton:" describes the letter
        return cue

    def _cue_before(self, quote: Quote) -> _Cue | None:
        """X said: “...” / He added, “...”."""
        before = self.doc.char_span(0, quote.open_at, alignment_mode="contract")
        if before is None or len(before) == 0:
            return None
        tokens = [t for t in before[-FRAME_GAP_TOKENS:] if not t.is_space]
        if not tokens or tokens[-1].text not in (":", ","):
            return None
        for token in reversed(tokens[:-1]):
            if token.text in SENTENCE_END or token.text in ("”", "\n") or "\n" in token.text:
                return None
            if self._is_cue_verb(token, frame=True):
                speaker = _as_put_by(token) or self._subject(token) or self._inverted_subject(token)
                if speaker is None and token.dep_ == "acl" and token.tag_ == "VBG" and token.head.pos_ == "PROPN":
                    speaker = _noun_phrase(token.head)  # "“...,” said Sherman, speaking of politicians, “...”"
                if speaker is not None and speaker.start_char >= quote.open_at:
                    speaker = None  # a subject inherited from inside the quotation is not who frames it
                return _Cue(token.lemma_.lower(), token.idx, token.idx + len(token.text), speaker, token.sent)
        return None

    def _cue_governing(self, inner: Span) -> _Cue | None:
        """The nearest speech verb the quotation depends on, with a subject outside the quotation."""
        attached = [t for t in inner if t.head.i < inner.start or t.head.i >= inner.end]
        verbs: list[Token] = []
        title = _title_like(inner)
        if title:
            attached = [t for t in attached if not t.is_punct]  # the full stop of “New Day.” hangs on "said"
        for token in attached:
            via, node = token, token.head
            for _ in range(ANCESTOR_DEPTH):
                if title and node.dep_ == "prep" and node.lower_ in VENUE_PREPOSITIONS:
                    break  # "Pence spoke on “Fox News Sunday.”": a programme, not what he said
                if (
                    self._is_cue_verb(node)
                    and not self._demoted(node)
                    and not _expected_speech(node)
                    and not inner.start <= node.i < inner.end
                ):
                    verbs.append(node)
                    break
                owner = self._words_owner(node, via)
                if owner is not None:
                    verbs.append(owner)
                    break
                if node.head.i == node.i or self._other_speakers_clause(node):
                    break  # "as Trump went on about “...”, Melanie said yes": the clause is Trump's, not hers
                via, node = node, node.head
        for verb in verbs:
            if verb.dep_ == "poss":  # a possessor of someone's words: "Donald Trump’s claim that Obama “...”"
                return _Cue("", verb.idx, verb.idx + len(verb.text), _noun_phrase(verb), verb.sent)
            speaker = self._subject(verb)
            if speaker is not None and not (inner.start <= speaker.start < inner.end):
                return _Cue(verb.lemma_.lower(), verb.idx, verb.idx + len(verb.text), speaker, verb.sent)
        return None

    def _words_owner(self, node: Token, via: Token) -> Token | None:
        """The named possessor of words a quotation is the content of, reached from the quotation through ``via``:
        "Donald Trump’s claim that Obama “founded ISIS,”", "Trump's slogan, “Make America Great Again.”",
        "Hillary Clinton’s campaign slogan is “I’m with her.”" (the possessor of the copula's subject); not
        "Ryan called Trump's comment “racist”", which is Ryan's word."""
        if node.lemma_.lower() == "be" and via.dep_ in ("attr", "ccomp"):
            node = next((c for c in node.children if c.dep_ == "nsubj"), node)
            # "the claim is that ...", "the slogan is “...”"; not "Trump's comments were “intolerable”"
            if via.dep_ == "attr" and node.lemma_.lower() not in NAMING_WORDS_NOUNS:
                return None
        elif via.dep_ not in ("acl", "ccomp", "appos") or (via.dep_ == "appos" and not _right_after(via, node)):
            return None  # "Romney’s phrase “self-deportation.”"; not "Clark’s comments further “...”", misparsed
        if node.pos_ != "NOUN" or node.lemma_.lower() not in OWNED_WORDS_NOUNS:
            return None
        return self._named_possessor(node)

    def _named_possessor(self, noun: Token) -> Token | None:
        """The proper-noun possessor of ``noun`` naming a person or an organization, outside any quotation:
        "Clinton" in "Clinton's response", "Donald Trump’s claim"."""
        owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if owner is None or self._kind_at(owner) not in ("person", "organization") or self._inside_quote(owner.idx):
            return None
        return owner

    def _parenthetical_cue(self, inner: Span) -> _Cue | None:
        """ "Trump, Sexton said, has created a “...”", "The golf industry, she said, is “...”": a speech verb and
        its subject set off inside the clause that holds the quotation (the parser hangs them as a parataxis)."""
        node = inner.root
        for _ in range(ANCESTOR_DEPTH):
            for aside in node.children:
                if aside.dep_ != "parataxis" or aside.right_edge.i >= inner.start or not _has_subject(aside):
                    continue
                last = max(t.i for t in aside.subtree if not t.is_punct)
                after = self.doc[last + 1]
                small = last - aside.left_edge.i < MAX_ASIDE_TOKENS
                if small and (after.text == "," or after.is_quote) and self._is_cue_verb(aside, frame=True):
                    speaker = self._subject(aside)
                    if speaker is None or self._inside_quote(speaker.start_char):
                        return None
                    return _Cue(aside.lemma_.lower(), aside.idx, aside.idx + len(aside.text), speaker, aside.sent)
            if node.head.i == node.i:
                return None
            node = node.head
        return None

    def _cue_from_context(self, quote: Quote, earlier: list[_Candidate]) -> _Cue | None:
        """A quotation with no cue of its own: "Kim said:" before it, or the speaker of the quotation before.

        News convention: “...,” he said. “More.”  /  “...,” he said.¶“More.”  The
        earlier quotation must be in the same paragraph or end the previous one,
        with no other person named in between.
        """
        colon = self._colon_cue(quote) or self._dash_introduced(quote)
        if colon is not None:
            return colon
        dash = self._dash_attribution(quote)
        if dash is not None:
            return dash
        if not any(c.islower() for c in self.text[quote.start : quote.end]):
            return None  # an all-capitals line in quotation marks is a heading: “EVENTUALLY VOTERS MAKE GOOD DECISIONS”
        return (
            self._cue_of_earlier(quote, earlier)
            or self._cue_of_previous_paragraph(quote)
            or self._cue_of_last_subject(quote)
        )

    def _dash_attribution(self, quote: Quote) -> _Cue | None:
        """A paragraph that is only a quotation, signed by the next one: "“...”¶- Bernie Sanders."

        The signature paragraph opens with a dash and a name (proper nouns,
        a title among them allowed), followed by nothing or a comma and a
        description ("-President Obama, tweeting after Clinton's speech.").
        A signature may also close the quotation's own line: "“...” ― Sonya
        Herridge" (:meth:`_signed_line`).
        """
        signed = self._signed_line(quote)
        if signed is not None:
            return signed
        here = self._paragraph_index(quote.open_at)
        if here < 0 or here + 1 >= len(self.paragraphs) or not self._paragraph_start(quote.open_at):
            return None
        if self.text[quote.outer_end : self.paragraphs[here][1]].strip():
            return None  # more follows the quotation in its own paragraph
        start, end = self.paragraphs[here + 1]
        line = self.doc.char_span(start, end, alignment_mode="contract")
        if line is None or len(line) < 2 or len(line) > DASH_SIGNATURE_TOKENS or line[0].text not in DASHES:
            return None
        dash = line[0]
        names = []
        for token in line[1:]:
            if token.pos_ != "PROPN" or not token.text[:1].isupper():
                break
            names.append(token)
        if not names:
            return None
        rest = line[1 + len(names) :]
        if len(rest) and rest[0].text not in (",", "."):
            return None
        phrase = self.doc[names[0].i : names[-1].i + 1]
        return _Cue(dash.text, dash.idx, dash.idx + len(dash.text), phrase, line)

    def _signed_line(self, quote: Quote) -> _Cue | None:
        """A line that is a quotation, a dash and a name and nothing else: "“...” ― Sonya Herridge"."""
        line_start = self.text.rfind("\n", 0, quote.open_at) + 1
        if self.text[line_start : quote.open_at].strip():
            return None  # the quotation does not open its line
        line_end = self.text.find("\n", quote.outer_end)
        match = _SIGNATURE.fullmatch(self.text, quote.outer_end, len(self.text) if line_end < 0 else line_end)
        if match is None:
            return None
        name_end = match.end("name")
        while self.text[name_end - 1] == ".":
            name_end -= 1  # "― Carla Sanchez."
        phrase = self.doc.char_span(match.start("name"), name_end, alignment_mode="expand")
        if phrase is None or not all(t.pos_ == "PROPN" for t in phrase):
            return None
        dash = match.start("dash")
        return _Cue(self.text[dash], dash, dash + 1, phrase, phrase.sent)

    def _cue_of_earlier(self, quote: Quote, earlier: list[_Candidate]) -> _Cue | None:
        last = earlier[-1] if earlier else None
        cue = last.cue if last is not None else None
        if last is None or cue is None or cue.speaker is None or cue.lemma in SIGNATURE_DASHES:
            return None  # a signature closes what it signs: the next quotation is someone else's
        here = self._paragraph_index(quote.open_at)
        there = self._paragraph_index(last.end)  # where it ended: a quotation may run over paragraphs
        if here == there + 1:
            if not self._paragraph_start(quote.open_at):
                return None
            gap_end = self.paragraphs[there][1]
        elif here == there:
            gap_end = quote.open_at
        else:
            return None
        gap_start = max(last.end, cue.end)
        if gap_end - gap_start > MAX_CONTINUATION_GAP or self._other_person(gap_start, gap_end, cue):
            return None
        return cue

    def _cue_of_previous_paragraph(self, quote: Quote) -> _Cue | None:
        """A paragraph-opening quotation after a paragraph that ends reporting someone's speech.

        "Reid said the party should brace for ....¶"Never, ever underestimate
        Trump."": the main speech verb of the previous paragraph's last
        sentence, with its subject, when that sentence holds no quotation.
        """
        if not self._paragraph_start(quote.open_at):
            return None
        sentence = self._sentence_before(quote)
        if sentence is None:
            return None
        root = sentence.root
        verbs = [root, *(c for c in root.children if c.dep_ == "conj")]
        for verb in verbs:
            if self._is_cue_verb(verb) and not self._demoted(verb):
                speaker = self._subject(verb)
                if speaker is not None:
                    return _Cue(verb.lemma_.lower(), verb.idx, verb.idx + len(verb.text), speaker, sentence)
        return None

    def _cue_of_last_subject(self, quote: Quote) -> _Cue | None:
        """A cue-less quotation right after a sentence whose subject is one person.

        "Iowa State University's Dianne Bystrom agreed. “Mainstream Republicans
        are running out of time ...”" / "Viguerie is upbeat about Cruz's
        chances.¶“Not only can Ted Cruz win ...”": news gives a quotation
        without a cue to the person the sentence before it is about.  That
        sentence must end right before the quotation (in its paragraph, or
        ending the previous paragraph when the quotation opens one and nothing
        but quotations follows it), hold no quotation longer than a title or a
        scare quote (:meth:`_quotes_in`), and have a person's
        name or a personal pronoun as the subject of its main verb; no other
        person may be the subject of a verb in it.  The speaker phrase is
        resolved like any other (a pronoun only when one person fits).
        """
        sentence = self._sentence_before(quote)
        if sentence is None:
            return None
        root = sentence.root
        if root.pos_ not in ("VERB", "AUX"):
            return None
        subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None:
            return None
        person = subject.lower_ in ("he", "she") or self._kind_at(subject) == "person"
        if not person:
            return None
        reported: set[int] = set()
        if self._is_cue_verb(root) and subject.i > root.i - 3:
            # "The administration may be reluctant while Kerry negotiates ..., Schiff said.": what Schiff says
            reported = {t.i for c in root.children if c.dep_ == "ccomp" and c.i < subject.i for t in c.subtree}
        for token in sentence:
            other = token.dep_ in SUBJECT_DEPS and token.i != subject.i and token.i not in reported
            if other and self._kind_at(token) == "person":
                return None  # "Trump said Cruz ...": two people speak in it
        return _Cue("", root.idx, root.idx + len(root.text), _noun_phrase(subject), sentence)

    def _sentence_before(self, quote: Quote) -> Span | None:
        """The sentence right before a quotation, when it holds no quotation of its own.

        In the quotation's paragraph; or, when the quotation opens its
        paragraph and nothing but quotations follows it there, the last
        sentence of the previous paragraph (words after the quotation would
        attribute it, or could).
        """
        here = self._paragraph_index(quote.open_at)
        if here < 0:
            return None
        if self._paragraph_start(quote.open_at):
            tail = self.text[quote.outer_end : self.paragraphs[here][1]].strip()
            if here < 1 or (tail and tail[0] not in DOUBLE_MARKS):
                return None
            start, end = self.paragraphs[here - 1]
        else:
            start, end = self.paragraphs[here][0], quote.open_at
        before = self.doc.char_span(start, end, alignment_mode="contract")
        if before is None or len(before) == 0:
            return None
        sentence = before[-1].sent
        if sentence.start_char < start or self._quotes_in(sentence):
            return None
        return sentence

    def _quotes_in(self, sentence: Span) -> bool:
        """``sentence`` holds a quotation longer than a title or a scare quote ("Face the Nation", “clawed back”)."""
        marks = [t for t in sentence if t.text in DOUBLE_MARKS]
        if not marks:
            return False
        lo = bisect.bisect_left(self._quote_starts, sentence.start_char)
        hi = bisect.bisect_left(self._quote_starts, sentence.end_char, lo)
        inside = self.quotes[lo:hi]
        if any(q.close_at >= sentence.end_char for q in inside) or len(marks) != 2 * len(inside):
            return True  # a quotation running on past the sentence, or marks this sentence cannot pair
        return any(len(self.text[q.start : q.end].split()) > MAX_TITLE_WORDS for q in inside)

    def _kind_at(self, token: Token) -> str | None:
        """The kind of the entity ``token`` is a mention of, if any."""
        return self.ents.kind_at(token.idx, token.idx + len(token.text))

    def _other_person(self, start: int, end: int, cue: _Cue) -> bool:
        """A person other than the cue's speaker is named between ``start`` and ``end``.

        Persons in the rest of the cue's own sentence do not count unless they
        are a subject: in “...,” Carson told ABC’s George Stephanopoulos. “...”
        the listener does not take over the quotation.
        """
        speaker = cue.speaker
        sentence = cue.sentence
        # the speaker named again is no other person: "“...,” Braynard is quoted as saying. “...”"
        same = self.ents.entity_at(speaker.start_char, speaker.end_char) if speaker is not None else None
        for mention in self.ents.mentions:
            person = start <= mention.start < end and self.ents.get(mention.entity).kind == "person"
            if not person or (speaker is not None and speaker.start_char <= mention.start < speaker.end_char):
                continue
            if same is not None and mention.entity == same:
                continue
            in_sentence = sentence.start_char <= mention.start < sentence.end_char
            if in_sentence and not self._subject_mention(mention.start, cue.start):
                continue
            return True
        return False

    def _subject_mention(self, start: int, cue_start: int) -> bool:
        """The name at ``start`` is the subject of a verb other than the cue at ``cue_start``.

        A subject inside a clause the cue verb governs does not count: in
        "“...,” Hooton said after Rubio spoke. “...”" Hooton goes on speaking.
        """
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None:
            return True
        node = span[0]
        while node.dep_ in ("compound", "flat") and node.head.i != node.i:
            node = node.head
        if node.dep_ not in SUBJECT_DEPS or node.head.idx == cue_start:
            return False
        cue = self.doc.char_span(cue_start, cue_start + 1, alignment_mode="expand")
        return cue is None or not _in_subtree(node.head, cue[0])

    def _colon_cue(self, quote: Quote) -> _Cue | None:
        """The sentence before ends with a colon and has a speech verb: "Kim said:" / "He told reporters:"."""
        before = self.text[: quote.open_at].rstrip()
        if not before.endswith(":"):
            return None
        token_span = self.doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
        if token_span is None:
            return None
        colon = token_span[0]
        sentence = colon.sent
        own = self._colon_clause_cue(colon)
        if own is not None:
            return own
        for token in sentence:
            if token.idx >= len(before):
                break
            if self._is_cue_verb(token):
                speaker = self._subject(token)
                if speaker is not None:
                    return _Cue(token.lemma_.lower(), token.idx, token.idx + len(token.text), speaker, sentence)
        return self._colon_speaker(colon) or self._owned_words(colon)

    def _owned_words(self, colon: Token) -> _Cue | None:
        """ "Clinton's response was:", "From Bush's Facebook post:": someone's words or document, named right before
        the colon, introduce them; the possessor, a person or an organization, is the speaker."""
        if colon.i == 0:
            return None
        last = self.doc[colon.i - 1]
        noun = last
        if last.lemma_.lower() == "be" and last.pos_ == "AUX":
            noun = next((c for c in last.children if c.dep_ == "nsubj"), last)
        if noun.lemma_.lower() not in WORDS_NOUNS | DOCUMENT_NOUNS:
            return None
        owner = self._named_possessor(noun)
        if owner is None:
            return None
        return _Cue("", colon.idx, colon.idx + 1, _noun_phrase(owner), colon.sent)

    def _dash_introduced(self, quote: Quote) -> _Cue | None:
        """ "Trump also embraced enhanced interrogation techniques -- “I think waterboarding is peanuts.”": a dash
        ending a clause with a named subject introduces the quotation that ends the sentence, as a colon does."""
        before = self.text[: quote.open_at].rstrip()
        if not before.endswith(INTRODUCING_DASHES) or not before[:-1].rstrip("-—–").endswith((" ", "\u00a0")):
            return None
        rest = self.text[quote.outer_end : quote.outer_end + 3].lstrip(" .")
        if rest and not rest.startswith(("\n", "\r")):
            return None  # “...” — and more of the sentence: an aside, not a quotation it introduces
        token_span = self.doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
        if token_span is None or token_span[0].i == 0:
            return None
        dash = token_span[0]
        return self._clause_cue(dash, self.doc[dash.i - 1])  # the parser hangs the dash on the quotation

    def _colon_clause_cue(self, colon: Token) -> _Cue | None:
        """The clause the colon (or dash) ends, when its verb has a named subject: "When Trump suggested ...,
        Rubio fired back forcefully:", "She said that ..., to which O'Malley interjected:" (not the first speech
        verb of the sentence, Trump's or hers).  The parser often hangs the mark on the quotation after it
        ("Sanders delivered a snappy retort: “...”"); the clause is then read from the word before the mark."""
        cue = self._clause_cue(colon, colon.head)
        if cue is None and colon.head.i > colon.i > 0:
            cue = self._clause_cue(colon, self.doc[colon.i - 1])
        return cue

    def _clause_cue(self, colon: Token, clause: Token) -> _Cue | None:
        """The cue of the clause holding ``clause`` that ``colon`` ends (see :meth:`_colon_clause_cue`)."""
        for _ in range(3):
            subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
            # "Clinton has since apologized for what happened:": a relative clause ends there, not hers
            if clause.pos_ in ("VERB", "AUX") and subjects and subjects[0].tag_ not in ("WP", "WDT"):
                break
            if clause.head.i == clause.i:
                return None
            clause = clause.head
        else:
            return None
        lemma = clause.lemma_.lower()
        if clause.i > colon.i or lemma in NOT_FRAME_VERBS or lemma in CITING_VERBS:
            return None  # "NBC News has proof:", "Frank quotes Alfred Kahn:": not the speaker
        if self._is_cue_verb(clause):
            speaker = self._subject(clause)
            if speaker is None:
                return None
            return _Cue(clause.lemma_.lower(), clause.idx, clause.idx + len(clause.text), speaker, colon.sent)
        subject = next(c for c in clause.children if c.dep_ in SUBJECT_DEPS)
        named = subject.pos_ == "PROPN" and self._kind_at(subject) in ("person", "organization")
        # "One early supporter, Representative Lee Zeldin, ..., gave the technique a whirl:"
        named = named or any(
            c.dep_ == "appos" and c.pos_ == "PROPN" and self._kind_at(c) == "person" for c in subject.children
        )
        if subject.dep_ != "nsubj" or not named or self._inside_quote(subject.idx):
            return None
        return _colon_verb_cue(colon, clause, subject)

    def _colon_speaker(self, colon: Token) -> _Cue | None:
        """A colon introduction without a speech verb.

        "... doesn't surprise pollster Daron Shaw:" / "Continued Stone:" / "Clinton:": the
        name right before the colon; "Trump issued the following statement:": the
        subject of the sentence's main verb, when it names a person or an
        organization.  Anything else (a description, a pronoun) gives no cue.
        """
        sentence = colon.sent
        doc = self.doc
        end = colon.i
        start = end
        while start > sentence.start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
            start -= 1
        if start < end and not self._inside_quote(doc[start].idx) and not _object_of_preposition(doc[start:end]):
            phrase = doc[start:end]
            key = self.ents.entity_at(phrase.start_char, phrase.end_char)
            if key is None or self.ents.get(key).kind == "person":
                return _Cue(":", colon.idx, colon.idx + 1, phrase, sentence)  # a name the NER missed: resolved later
        subjects = [
            t
            for t in doc[sentence.start : colon.i]
            if t.dep_ in SUBJECT_DEPS
            and t.pos_ == "PROPN"
            and self._kind_at(t) in ("person", "organization")
            and not self._inside_quote(t.idx)
        ]
        here = self._here_is(colon)
        if here is not None or len(subjects) != 1:
            return here
        subject = subjects[0]
        verb = subject.head
        if subject.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX") or not _in_subtree(colon, verb):
            return None
        return _colon_verb_cue(colon, verb, subject)

    def _here_is(self, colon: Token) -> _Cue | None:
        """ "Here's Clinton in December 1992:" / "Here is what Trump said:": the person right after it.

        Only "Here's"/"Here is", optionally "what" or "how", then a person's
        name; "Here is the letter Trump sent to Clinton:" names no speaker.
        """
        doc = self.doc
        i = colon.sent.start
        while i < colon.i and (doc[i].is_space or doc[i].is_punct):
            i += 1
        if i + 2 >= colon.i or doc[i].lower_ != "here" or doc[i + 1].lower_ not in ("’s", "'s", "is"):
            return None
        i += 2
        if doc[i].lower_ in ("what", "how"):
            i += 1
        mention = self.ents.mention_at(doc[i].idx, doc[i].idx + len(doc[i].text))
        if mention is None or mention.start != doc[i].idx or self.ents.get(mention.entity).kind != "person":
            return None
        phrase = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if phrase is None:
            return None
        return _Cue(":", colon.idx, colon.idx + 1, phrase, colon.sent)

    # -- indirect speech -----------------------------------------------------

    def _indirect_candidates(self) -> list[_Candidate]:
        found: list[_Candidate] = []
        for token in self.doc:
            if self._is_cue_verb(token) and token.lemma_.lower() in INDIRECT_VERBS and not self._demoted(token):
                candidate = self._reported_clause(token)
                if candidate is not None:
                    found.append(candidate)
        for sentence in self.doc.sents:
            according = self._according_to_clause(sentence)
            if according is not None:
                found.append(according)
        return found

    def _reported_clause(self, verb: Token) -> _Candidate | None:
        if self._inside_quote(verb.idx):
            return None
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if clause is None:
            return None
        if self._is_cue_verb(clause) and self._demoted(clause):
            clause = next((c for c in clause.children if c.dep_ == "ccomp"), clause)
        span = _clause_span(clause)
        if span is None or not _has_subject(clause) or self._quoted_share(span) >= MAX_QUOTED_SHARE:
            return None
        if self._stray_mark(span) or _clause_ends_before(span, verb):
            return None
        speaker = self._subject(verb)
        if speaker is None:
            return None
        cue = _Cue(verb.lemma_.lower(), verb.idx, verb.idx + len(verb.text), speaker, verb.sent)
        return _Candidate("indirect", span.start_char, self._close_quotes(span), cue)

    def _according_to_clause(self, sentence: Span) -> _Candidate | None:
        """ "According to X, <clause>" when no other cue in the sentence has a speaker."""
        phrase = _according_phrase(sentence)
        if phrase is None:
            return None
        according, source = phrase
        if self._speaking_head(according) is not None:
            return None  # "Kim said ..., according to KCNA": KCNA is a channel
        main = according.head
        if main.i == according.i or main.pos_ not in ("VERB", "AUX"):
            return None
        span = _clause_span(main, exclude=according)
        if span is None or self._quoted_share(span) >= MAX_QUOTED_SHARE or self._stray_mark(span):
            return None
        to = according.nbor()
        cue = _Cue("according to", according.idx, to.idx + len(to.text), source, sentence)
        return _Candidate("indirect", span.start_char, self._close_quotes(span), cue)

    def _according_to(self, sentence: Span, exclude: Span) -> _Cue | None:
        phrase = _according_phrase(sentence)
        if phrase is None:
            return None
        according, source = phrase
        if exclude.start <= according.i < exclude.end or self._speaking_head(according) is not None:
            return None
        to = according.nbor()
        return _Cue("according to", according.idx, to.idx + len(to.text), source, sentence)

    def _speaking_head(self, according: Token) -> Token | None:
        """The speech verb "according to" hangs from, when that verb has its own subject."""
        node = according.head
        for _ in range(ANCESTOR_DEPTH):
            if self._is_cue_verb(node) and self._subject(node) is not None:
                return node
            if node.head.i == node.i:
                return None
            node = node.head
        return None

    # -- channels -------------------------------------------------------------

    def _channel(self, statement: Statement, cue: _Cue) -> None:
        """ "cited by / quoted by X", "according to X" (another speaker), "X reported" (another cue)."""
        phrase = self._citing_phrase(cue.sentence) or self._reporting_phrase(cue) or self._according_channel(cue)
        if phrase is None:
            return
        statement.channel_text = phrase.text
        key = self.ents.entity_at(phrase.root.idx, phrase.root.idx + len(phrase.root.text))
        if key is not None and key != statement.speaker and self.ents.get(key).kind != "person":
            statement.channel = key

    def _citing_phrase(self, sentence: Span) -> Span | None:
        for token in sentence:
            if token.lemma_.lower() in CITING_VERBS and token.tag_ == "VBN":
                for agent in token.children:
                    if agent.dep_ == "agent":
                        obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                        if obj is not None:
                            return _noun_phrase(obj)
        return None

    def _reporting_phrase(self, cue: _Cue) -> Span | None:
        if cue.lemma == "according to":
            return None
        for token in cue.sentence:
            if token.lemma_.lower() in CHANNEL_VERBS and self._demoted(token):
                subject = self._subject(token)
                if subject is not None:
                    return subject
        return None

    def _according_channel(self, cue: _Cue) -> Span | None:
        if cue.lemma == "according to":
            return None
        phrase = _according_phrase(cue.sentence)
        if phrase is None or self._speaking_head(phrase[0]) is None:
            return None
        return phrase[1]

    # -- helpers --------------------------------------------------------------

    def _is_cue_verb(self, token: Token, frame: bool = False) -> bool:
        """A speech verb used as a verb ("cited by X", "a film called ..." are not cues).

        ``frame``: the verb sits right next to the quotation's marks, where
        "continued" and "put it" are speech verbs too.
        """
        lemma = token.lemma_.lower()
        if frame and token.pos_ == "VERB" and (_puts_it(token) or _phrasal_speech(token)):
            return True  # "As The Post's Dana Milbank puts it, “...”", "Hillary shot back, “...”"
        if token.pos_ not in ("VERB", "AUX") or not (lemma in SPEECH_VERBS or (frame and lemma in FRAME_ONLY_VERBS)):
            return False
        participle = token.tag_ == "VBN" and token.dep_ in ("acl", "amod", "relcl")
        framing = participle and frame and _fragment_frame(token)  # "“...!” the nominee, Donald Trump, tweeted"
        return (not participle or _has_subject(token) or framing) and not _saying_idiom(token)

    def _manner_verb(self, token: Token) -> bool:
        """ "“...,” Trump barked" / "beamed Donald Hartley": any verb framing a quotation that ends open.

        Only a finite or past verb, not a cognition verb, right after the
        quotation and its subject (checked by the caller).
        """
        lemma = token.lemma_.lower()
        finite = token.tag_ in ("VBD", "VBZ", "VBP") or (token.tag_ == "VBN" and token.dep_ == "ROOT")
        return token.pos_ == "VERB" and finite and lemma not in NOT_FRAME_VERBS  # a ROOT "VBN" is a past tense

    def _demoted(self, verb: Token, outside: tuple[int, int] | None = None) -> bool:
        """ "Pyongyang reported" is a channel when another cue in the sentence has a speaker.

        ``outside``: a quotation whose own verbs do not count ("“Obama argued
        that ...,” the Times reported" is the Times's text).
        """
        if verb.lemma_.lower() not in CHANNEL_VERBS:
            return False
        for token in verb.sent:
            if outside is not None and outside[0] <= token.idx < outside[1]:
                continue
            other = token.i != verb.i and token.lemma_.lower() in SPEECH_VERBS - CHANNEL_VERBS
            if other and token.pos_ in ("VERB", "AUX") and _has_subject(token):
                return True
        return False

    def _subject(self, verb: Token, after_pos: int | None = None) -> Span | None:
        """The subject of ``verb``, inherited from the verb it is coordinated with or hangs from.

        A passive participle with its agent heading an adverbial clause ("Asked by Thrush if Clinton “gets”
        race, Sharpton ...") has the agent for subject: the main clause's subject was asked, not asking; so
        does a passive verb ("was dubbed “...” by X"), which without an agent has none.
        """
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        # "who's argued": the parser may take the "'s" of "has" for a passive's "is"
        passive = any(c.dep_ == "auxpass" and c.lower_ not in ("'s", "’s") for c in verb.children)
        passive = passive and not _quoted_as_saying(verb)
        # not "Rubio was asked by moderator Gerard Baker whether ... “...”": the answer, "he said" next, is Rubio's
        asked = passive and verb.lemma_.lower() == "ask"
        if agent is not None and verb.tag_ == "VBN" and (verb.dep_ == "advcl" or (passive and not asked)):
            by = next((c for c in agent.children if c.dep_ == "pobj"), None)
            return _noun_phrase(by) if by is not None else None
        if passive:
            return None  # "Clinton, who could be celebrating being dubbed the “presumptive nominee”": not hers
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in DOCUMENT_NOUNS:
            return _noun_phrase(verb.head)  # "issued a statement saying", "a tweet saying": who wrote it speaks
        if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and _quoted_as_saying(verb.head.head):
            # "Braynard is quoted as saying"; "CNN quoted an American witness as saying": the witness speaks
            cited = next((c for c in verb.head.head.children if c.dep_ in ("nsubjpass", "dobj")), None)
            return _noun_phrase(cited) if cited is not None else None
        # "“Cruz,” Beck joked": the parser made the name a compound of the verb (not in a headline's capitals)
        named = verb.doc[verb.i - 1] if verb.i > 0 else None
        if named is not None and named.dep_ == "compound" and named.head.i == verb.i and named.pos_ == "PROPN":
            return _noun_phrase(named) if verb.is_lower else None
        if verb.dep_ == "conj" and not _has_subject(verb):
            conjoined = _name_opening_conjunct(verb)
            if conjoined is not None:
                return conjoined
        if verb.dep_ == "ROOT" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            apposed = self._apposed_name_before(verb)
            if apposed is not None:
                return apposed
        node = verb
        for _ in range(3):
            subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
            if len(subjects) > 1:
                subjects = self._person_among(subjects, node)
            if after_pos is not None and subjects:
                # the parser may take a word of the quotation for a second subject: the frame's is after it
                subjects = [c for c in subjects if c.idx >= after_pos][:1] or subjects[:1]
            subject = next((c for c in subjects if not self._inside_quote(c.idx)), None)
            if subject is None and subjects and subjects[0].i < node.i:
                subject = subjects[0]  # a quoted subject after the verb is a title: "said on “Fox and Friends.”"
            if subject is not None:
                if after_pos is not None and subject.idx < after_pos:
                    return None
                if subject.dep_ == "nsubjpass" and node is verb and not _quoted_as_saying(verb):
                    return None  # "was told": the speaker is not the subject ("was joined and joked": it is)
                if subject.lower_ in ("who", "that") and node.dep_ in ("relcl", "acl"):
                    return _noun_phrase(node.head)  # "a surrogate who said": the antecedent
                return (
                    _inverted_aside(subject, node)
                    or _last_asyndetic(subject, node)
                    or _after_closing_dash(subject)
                    or _name_before_title(subject)
                    or _noun_phrase(subject)
                )
            if self._subject_controls(node):
                node = node.head.head  # "Blige sings to Clinton before asking her, “...”"
                continue
            # "Sen. Richard J. Durbin (D-Ill.), noting the size of Sanders's following, said,": the parser makes
            # the participle the root, with the subject, and "said" its parataxis
            participle_root = node.dep_ == "parataxis" and node.head.tag_ == "VBG"
            # "Trump gestured ..., then leaned in and boomed:": the parser leaves "leaned" an unlabelled "dep"
            # (not "after Mr. Trump, asked about ..., had said,", whose "dep" has its own auxiliary and subject)
            loose = (
                node.dep_ == "dep"
                and node.pos_ == "VERB"
                and node.head.pos_ == "VERB"
                and node.head.i < node.i
                and not any(c.dep_ in ("aux", "auxpass") for c in node.children)
            )
            if (
                node.dep_ not in ("conj", "advcl", "xcomp") and not participle_root and not loose
            ) or node.head.i == node.i:
                return None
            objects = [c for c in node.head.children if c.dep_ == "dobj"]
            if node.dep_ == "xcomp" and objects and node.head.lemma_.lower() in OBJECT_CONTROL_VERBS:
                return _noun_phrase(objects[0])  # "forced Stumpf to admit that ...": Stumpf admits
            node = node.head
            if node.dep_ == "ccomp" and self._is_cue_verb(node.head) and not self._is_cue_verb(node):
                # "X told Y that Z “...,” adding, “...”": X adds, not Z; but in "Comey cannot say that “...,”
                # Lewandowski added, saying ..." the speech verb is Lewandowski's own
                node = node.head
            elif node.pos_ == "ADV" and node.dep_ == "advmod":
                node = node.head  # "Auerbach went so far as to say:": the adverb's verb
        return None

    def _apposed_name_before(self, verb: Token) -> Span | None:
        """ "In a statement to the Observer, her senior policy adviser, Jake Sullivan, said:": the parser hangs
        the subject from the noun before it as an apposition and leaves the verb none; the person's name that
        ends the words before the verb (one comma between) is the subject."""
        if verb.i < 2:
            return None
        name = verb.doc[verb.i - 1]
        if name.text == ",":
            name = verb.doc[verb.i - 2]
        if name.pos_ != "PROPN" or name.dep_ != "appos" or self._kind_at(name) != "person":
            return None
        return _noun_phrase(name)

    def _person_among(self, subjects: list[Token], verb: Token) -> list[Token]:
        """Of several subjects (a misparse), the one person named nearest before the verb or right after it,
        when the others are no person and no pronoun: "Tuesday in Berea, OH, after winning Ohio, Gov. John
        Kasich (R-OH), said"; "The rejection signals “the beginning of the end,” said Geert Wilders"."""
        near = [c for c in subjects if (c.i < verb.i or c.left_edge.i == verb.i + 1) and not self._inside_quote(c.idx)]
        if not near or any(c.pos_ == "PRON" for c in subjects):
            return subjects
        nearest = min(near, key=lambda c: abs(c.i - verb.i))
        others = [c for c in subjects if c is not nearest]
        if self._kind_at(nearest) != "person":
            return subjects
        # "... to, now, Ted Cruz, Wilkin said": the name between a comma and the verb speaks, the other ends
        # the reported words
        aside = nearest.i + 1 == verb.i and nearest.left_edge.i > 0 and self.doc[nearest.left_edge.i - 1].text == ","
        if not aside and any(self._kind_at(c) == "person" for c in others):
            return subjects
        return [nearest]

    @staticmethod
    def _subject_controls(node: Token) -> bool:
        """ "X ... before asking", "by saying", "after telling": the gerund's speaker is the subject of the verb
        the preposition hangs from; not "rebuked Trump for saying" or "quoted X as saying" (the object's), nor a
        passive ("after being asked"), nor in an infinitive ("expects Holt to insert himself by calling")."""
        prep = node.head
        return (
            node.dep_ == "pcomp"
            and prep.dep_ == "prep"
            and prep.lower_ in SUBJECT_CONTROL_PREPOSITIONS
            and prep.head.pos_ in ("VERB", "AUX")
            # "expects Holt to insert himself by calling ...": an infinitive, no one has spoken
            and prep.head.dep_ != "xcomp"
            and not any(c.dep_ == "aux" and c.tag_ == "TO" for c in prep.head.children)
            and not any(c.dep_ in ("auxpass", "nsubj", "nsubjpass") for c in node.children)
        )

    def _own_subject(self, verb: Token) -> bool:
        """``verb`` has a subject outside the quotations: not a title quoted after it ("said on Fox News’s “Fox
        and Friends.”"), nor a word of the quotation it frames ("“... Ohio,”  Mr. Trump said", where the
        parser makes the name an apposition in the quotation and a quoted word the verb's subject)."""
        return any(c.dep_ in SUBJECT_DEPS and not self._inside_quote(c.idx) for c in verb.children)

    def _inverted_subject(self, verb: Token) -> Span | None:
        """ "said Mr. Lavrov", "declared the Russian minister": the noun phrase right after the verb.

        "Said Ellis: “...”": the small model makes the verb a compound of the name after it.
        """
        nxt = verb.i + 1
        if nxt >= len(self.doc) or verb.tag_ == "VBG":
            return None  # "“fantastic,” telling reporters": a participle's object is whom it addresses
        if verb.dep_ == "compound" and verb.head.pos_ == "PROPN" and verb.head.i > verb.i:
            name = self.doc[nxt : verb.head.i + 1]
            return name if all(t.pos_ == "PROPN" for t in name) else None
        for child in verb.rights:
            if child.dep_ in ("dobj", "nsubj", "attr", "npadvmod", "dative", "oprd") and child.pos_ in (
                "PROPN",
                "NOUN",
            ):
                phrase = _noun_phrase(child)
                if phrase.start <= nxt + 1:
                    return phrase
        if not _has_subject(verb):
            return _name_after(verb)
        return None

    def _stray_mark(self, span: Span) -> bool:
        """A double quotation mark in or next to ``span`` that opens or closes nothing: a quotation we cannot close."""
        lo, hi = max(0, span.start_char - 2), min(len(self.text), span.end_char + 2)
        return any(self.text[pos] in DOUBLE_MARKS and pos not in self._mark_positions for pos in range(lo, hi))

    def _close_quotes(self, span: Span) -> int:
        """End of ``span``, moved past the closing mark of a quotation that opens inside it."""
        end = span.end_char
        idx = bisect.bisect_right(self._quote_starts, end) - 1
        if idx >= 0:
            quote = self.quotes[idx]
            if span.start_char <= quote.outer_start < end < quote.outer_end and quote.paragraphs == 1:
                end = quote.outer_end
        return end

    def _inside_quote(self, pos: int) -> bool:
        idx = bisect.bisect_right(self._quote_starts, pos) - 1
        return idx >= 0 and self.quotes[idx].outer_start <= pos < self.quotes[idx].outer_end

    def _quoted_share(self, span: Span) -> float:
        length = max(1, span.end_char - span.start_char)
        covered = 0
        first = max(0, bisect.bisect_right(self._quote_starts, span.start_char) - 1)  # quotations do not nest
        for quote in self.quotes[first:]:
            if quote.outer_end <= span.start_char:
                continue
            if quote.outer_start >= span.end_char:
                break
            covered += min(quote.end, span.end_char) - max(quote.start, span.start_char)
        return covered / length

    def _paragraph_index(self, pos: int) -> int:
        return bisect.bisect_right(self._paragraph_starts, pos) - 1


# -- consistency ----------------------------------------------------------------


def _unlink_crossed(statements: list[Statement]) -> None:
    """No speaker for a quotation whose cue lies beyond another quotation given to someone else.

    In "“A,” X said ... “B,” Y said ... “C”" a cue of X's cannot reach "C"
    over Y's "B": whatever rule linked them (a parse that ran captions
    together, most often), the speaker of "C" is not known.  More than
    ``MAX_CROSSED`` quotations between a quotation and its cue also unlink it.
    """
    quoted = [s for s in statements if s.type != "indirect"]
    starts = [s.start for s in quoted]
    for statement in quoted:
        if statement.speaker is None or statement.cue_start is None:
            continue
        if statement.cue_start < statement.start:
            lo, hi = bisect.bisect_right(starts, statement.cue_start), bisect.bisect_left(starts, statement.start)
        else:
            lo, hi = bisect.bisect_right(starts, statement.start), bisect.bisect_left(starts, statement.cue_start)
        if hi - lo > MAX_CROSSED or any(
            other.speaker is not None and other.speaker != statement.speaker for other in quoted[lo:hi]
        ):
            statement.speaker = None  # (a bounded slice: linear however many quotations a text has)


# -- spans --------------------------------------------------------------------


def _noun_phrase(head: Token) -> Span:
    """The noun phrase headed by ``head``: its left part and names to its right, no clauses."""
    doc = head.doc
    start = head.left_edge.i
    end = head.i + 1
    while end < len(doc) and doc[end].head.i in range(start, end) and doc[end].dep_ in ("compound", "flat", "appos"):
        if doc[end].pos_ != "PROPN":
            break
        end += 1
    if head.pos_ == "NOUN" and end < len(doc) and doc[end].lower_ == "of" and doc[end].head.i == head.i:
        end = doc[end].right_edge.i + 1  # "the head of Russian diplomacy"
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:end]


def _speaker_phrase(phrase: Span) -> Span:
    """Trim punctuation and a leading relative clause from a speaker phrase."""
    start, end = phrase.start, phrase.end
    doc = phrase.doc
    closing = [t.i for t in phrase if (t.text == ")" or "\n" in t.text) and t.i < phrase.root.i]
    if closing:
        start = closing[-1] + 1  # "(Pyongyang) North Korean leader Kim Jong-un": drop the dateline
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


# "It's safe to say", "needless to say", "it is too soon to say": the writer's hedge, nobody's words.
HEDGE_WORDS = frozenset({"safe", "fair", "needless", "soon", "early", "premature", "hard", "difficult", "impossible"})


def _right_after(phrase: Token, noun: Token) -> bool:
    """The phrase ``phrase`` heads follows ``noun`` or a comma, a colon or a dash (its quotation mark between)."""
    at = phrase.left_edge.i - 1
    while at >= 0 and (phrase.doc[at].is_quote or phrase.doc[at].is_space):
        at -= 1
    return at >= 0 and (at == noun.i or phrase.doc[at].text in (",", ":", "—", "–", "--"))


def _frame_as(token: Token) -> bool:
    """The "as" of "“...,” as Cruz said" or "as she put it": it subordinates the frame that follows."""
    return token.lower_ == "as" and token.dep_ == "mark" and token.head.i > token.i


def _phrasal_speech(verb: Token) -> bool:
    """A verb and particle that frame speech: "shot back", "fired back", "chimed in", "went on"."""
    particle = PHRASAL_SPEECH_VERBS.get(verb.lemma_.lower())
    return particle is not None and any(c.dep_ in ("prt", "advmod") and c.lower_ == particle for c in verb.children)


def _puts_it(verb: Token) -> bool:
    """ "as X put it", "X put it this way": the idiom says how someone worded a quotation (not "putting it into
    the file")."""
    if verb.lemma_.lower() != "put" or not any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children):
        return False
    return any(
        (c.dep_ in ("mark", "prep") and c.lower_ == "as" and c.i < verb.i) or c.dep_ in ("advmod", "npadvmod")
        for c in verb.children
    )


def _as_put_by(verb: Token) -> Span | None:
    """ "As Akhil Amar, a professor at Yale, put it": the parser hangs the name on "as"."""
    if not _puts_it(verb):
        return None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as" and child.i < verb.i:
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            if objects:
                return _noun_phrase(objects[0])
    return None


def _saying_idiom(verb: Token) -> bool:
    """ "That said, ...", "Having said that, ...", "It's safe to say ...": "say" reporting no one."""
    if verb.lemma_.lower() != "say":
        return False
    if verb.dep_ in ("xcomp", "advcl"):  # "it's safe to say", "needless to say", "too soon to say"
        words = {verb.head.lower_, *(c.lower_ for c in verb.head.children if c.dep_ == "acomp")}
        return bool(words & HEDGE_WORDS)
    doc = verb.doc
    comma_after = verb.i + 1 < len(doc) and doc[verb.i + 1].text == ","
    before = doc[verb.i - 1] if verb.i > 0 else None
    # "That said," opening a sentence; not "a message that said, “...”" nor "“That,” he said, “is ...”"
    that_said = comma_after and before is not None and before.lower_ == "that" and before.is_sent_start
    having_said = any(c.lower_ == "having" for c in verb.children) and any(
        c.dep_ == "dobj" and c.lower_ == "that" for c in verb.children
    )
    return that_said or having_said


CLAUSE_ENDS = frozenset({":", ";", "-", "--", "–", "—"})


def _clause_ends_before(span: Span, verb: Token) -> bool:
    """Whether a clause before its speech verb ends at a colon, semicolon or dash: "It is on social issues that
    they lean left: 42% say they're liberal" reports no one's words before the colon ("X, Y said" does)."""
    if span.end > verb.i:
        return False
    after = next((t for t in span.doc[span.end : verb.i] if not t.is_space), None)
    return after is not None and after.text in CLAUSE_ENDS


def _clause_span(clause: Token, exclude: Token | None = None) -> Span | None:
    """The subtree of ``clause`` without a leading "that", ``exclude``'s subtree, or edge punctuation."""
    tokens = [t for t in clause.subtree if exclude is None or not _in_subtree(t, exclude)]
    if not tokens:
        return None
    doc = clause.doc
    start, end = tokens[0].i, tokens[-1].i + 1
    if exclude is not None and exclude.i > clause.i:
        end = min(end, exclude.left_edge.i)  # "..., according to X." at the end
    elif exclude is not None:
        start = max(start, exclude.right_edge.i + 1)  # "According to X, ..." at the start
    while start < end and (doc[start].dep_ == "mark" or doc[start].is_punct or doc[start].is_space):
        if doc[start].text in '“"«' and any(t.text in '”"»' for t in doc[start + 1 : end]):
            break  # "saying that “bombastic comments” do more harm": the quotation opens the clause
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) and doc[end - 1].text not in '”"»’':
        end -= 1
    if end - start < MIN_CLAUSE_WORDS:
        return None
    return doc[start:end]


def _colon_verb_cue(colon: Token, clause: Token, subject: Token) -> _Cue:
    """The cue of a colon introduction whose clause ``clause`` has the named ``subject``: the verb the colon
    hangs from when it is in that clause ("Trump gestured ..., then leaned in and boomed:" is "boomed"),
    else the clause's verb."""
    verb = colon.head if colon.head.pos_ == "VERB" and _in_subtree(colon.head, clause) else clause
    return _Cue(verb.lemma_.lower(), verb.idx, verb.idx + len(verb.text), _noun_phrase(subject), colon.sent)


def _object_of_preposition(phrase: Span) -> bool:
    """ "the letter Trump sent to Clinton:", "CNN President On Trump:" (a name there is not the speaker; "by X:" is)."""
    root = phrase.root
    if phrase.start > 0 and phrase.doc[phrase.start - 1].text in DASHES:
        return False  # "... IN OTHER STATES - Michael P. McDonald:": a heading, then its author
    return root.dep_ == "pobj" and root.head.lower_ != "by"


def _in_subtree(token: Token, root: Token) -> bool:
    return root.left_edge.i <= token.i <= root.right_edge.i and (token == root or root in token.ancestors)


def _according_phrase(sentence: Span) -> tuple[Token, Span] | None:
    for token in sentence:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
            obj = next((c for c in token.nbor().children if c.dep_ == "pobj"), None)
            if obj is not None:
                return token, _noun_phrase(obj)
    return None


def _words(inner: Span) -> int:
    return sum(1 for t in inner if not t.is_punct and not t.is_space)


def _clause_like(inner: Span) -> bool:
    words = [t for t in inner if not t.is_punct and not t.is_space]
    if len(words) < MIN_CLAUSE_WORDS:
        return False
    return any(t.pos_ in ("VERB", "AUX") for t in words) or inner.text.rstrip().endswith((".", "?", "!"))


def _fragment_frame(verb: Token) -> bool:
    """ "“... disgrace!” the presumptive GOP nominee, Donald Trump, tweeted Sunday": after a quotation the
    parser may take the frame for a verbless fragment, its subject the root and the speech verb a participle
    hanging from it after a comma.  Not a passive with its agent ("Trump, asked by reporters")."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and head.dep_ == "ROOT"
        and head.pos_ in ("PROPN", "NOUN")
        and head.i < verb.i
        and verb.doc[verb.i - 1].text == ","
        and not any(c.dep_ == "agent" for c in verb.children)
    )


def _name_opening_conjunct(verb: Token) -> Span | None:
    """ "the Washington Post will brand you a liar and NBC News will accuse you": the parser joined the name to
    the first clause's object and left the second verb no subject; a name right after "and", "but" or a
    comma and right before the verb (and its auxiliaries) is that verb's subject."""
    doc = verb.doc
    i = verb.i - 1
    while i > 0 and doc[i].dep_ in ("aux", "auxpass", "neg", "advmod"):
        i -= 1
    end = i + 1
    while i >= 0 and doc[i].pos_ == "PROPN" and doc[i].ent_type_ in ("PERSON", "ORG"):
        i -= 1
    if end - i < 2 or i < 0 or doc[i].lower_ not in ("and", "but", ","):
        return None
    return doc[i + 1 : end]


def _expected_speech(verb: Token) -> bool:
    """ "she expects President Barack Obama to announce an “intensification”": an infinitive with a subject of
    its own, under a verb that is no speech verb, is speech someone expects or wants, not speech made; the
    words are the expecting clause's speaker's."""
    return (
        verb.dep_ in ("ccomp", "xcomp")
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
        and any(c.dep_ == "nsubj" for c in verb.children)
        and verb.head.lemma_.lower() not in SPEECH_VERBS
    )


def _after_closing_dash(subject: Token) -> Span | None:
    """ "In a letter - addressed to the U.S. attorney, Channing D. Phillips - the Utah Republican asks": the
    parser took the name ending the aside between dashes for the subject and the real subject, after the
    closing dash, for its apposition."""
    doc = subject.doc
    dash = next((c for c in subject.rights if c.text in INTRODUCING_DASHES or c.text == "-"), None)
    apposed = next((c for c in subject.rights if c.dep_ == "appos"), None)
    if dash is None or apposed is None or not dash.i < apposed.i:
        return None
    opening = [t for t in doc[subject.sent.start : subject.left_edge.i] if t.text == dash.text]
    return _noun_phrase(apposed) if opening else None


def _name_before_title(subject: Token) -> Span | None:
    """ "“...,” Deborah Tamargo, the chairwoman of Florida's Hillsborough County GOP, recalled": the parser made
    the title the subject and hung the name before it from the verb; the name is the subject."""
    doc = subject.doc
    comma = subject.left_edge.i - 1
    if subject.pos_ != "NOUN" or not subject.is_lower or comma < 1 or doc[comma].text != ",":
        return None
    if not roles.is_title_word(subject):
        return None
    name = doc[comma - 1]
    if name.pos_ != "PROPN" or name.ent_type_ != "PERSON" or name.head.i not in (subject.head.i, subject.i):
        return None
    return _noun_phrase(name)


def _quoted_as_saying(verb: Token) -> bool:
    """ "“...,” Braynard is quoted as saying", "CNN quoted a witness as saying": a citing verb whose passive
    subject or object is the one who said it."""
    return verb.lemma_.lower() in CITING_VERBS and any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" and g.lemma_ == "say" for g in c.children)
        for c in verb.children
    )


def _inverted_aside(subject: Token, verb: Token) -> Span | None:
    """ "And Trump, said Sunshine, who remains friendly with her former boss, doesn't forgive": a name, a comma,
    the speech verb and a name: the name after the verb speaks, the one before is what is spoken of."""
    if subject.pos_ != "PROPN" or _noun_phrase(subject).end + 1 != verb.i or subject.doc[verb.i - 1].text != ",":
        return None
    name = _name_after(verb)
    if name is None or any(t.pos_ != "PROPN" or t.ent_type_ != "PERSON" for t in name):
        return None
    return name


def _last_asyndetic(subject: Token, verb: Token) -> Span | None:
    """ "His allegiance has shifted from Fiorina to Rubio to, now, Cruz, Wilkin said": names joined by a comma
    alone, the last right before the verb, are the end of the reported words and the speaker, not a list."""
    conjuncts = [c for c in subject.children if c.dep_ == "conj"]
    if not conjuncts or any(c.dep_ == "cc" for c in subject.children) or any(c.dep_ == "cc" for c in conjuncts):
        return None
    last = conjuncts[-1]
    if last.i + 1 != verb.i or last.pos_ != "PROPN" or subject.doc[last.i - 1].text != ",":
        return None
    return _noun_phrase(last)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)


def _gap_is_subject(gap: list[Token], speaker: Span) -> bool:
    """The words between a closing mark and the cue are the cue's subject and nothing else."""
    subject = {t.i for t in speaker.root.subtree}
    return all(t.i in subject or t.is_punct for t in gap)


def _gap_name(gap: list[Token], verb: Token) -> Span | None:
    """ "“...,” Gene Sperling, a top adviser, said" parsed with the name inside the quotation's clause.

    When the verb has no subject of its own (the caller checks), a name
    opening the gap, alone or followed by an apposition between commas, is the
    speaker.  Not in a headline: "“Broad City” Star Asked Actors", whose capitals name no one.
    """
    if not gap or verb.text[:1].isupper():
        return None
    if gap[0].pos_ != "PROPN":
        return _titled_gap_name(gap)
    run = 0
    while run < len(gap) and gap[run].pos_ == "PROPN" and gap[run].text[:1].isupper():
        run += 1
    if run == 0 or any(gap[i].i != gap[0].i + i for i in range(run)):
        return None
    rest = gap[run:]
    if rest:
        # ", a top adviser," / ", the polling guru who founded fivethirtyeight.com" (the closing comma left out)
        if rest[0].text != "," or len(rest) < 2:
            return None
        if rest[-1].text != "," and rest[1].lower_ not in ("the", "a", "an"):
            return None
        relative = next((i for i, t in enumerate(rest) if t.lower_ in ("who", "which", "that")), len(rest))
        if any(t.pos_ in ("VERB", "AUX") for t in rest[:relative]):
            return None
    return verb.doc[gap[0].i : gap[0].i + run]


def _titled_gap_name(gap: list[Token]) -> Span | None:
    """ "“...” the Post's senior politics editor Steven Ginsberg responded": a gap that is a title and a
    person's name, and nothing else, names that person."""
    start = len(gap)
    while start > 0 and gap[start - 1].pos_ == "PROPN" and gap[start - 1].ent_type_ == "PERSON":
        start -= 1
    if start in (0, len(gap)) or any(gap[i].i != gap[0].i + i for i in range(len(gap))):
        return None
    title = gap[:start]
    if any(t.pos_ not in TITLE_POS and not (t.pos_ == "PRON" and t.dep_ == "poss") for t in title):
        return None
    return gap[0].doc[gap[start].i : gap[-1].i + 1]


def _descriptor_word(token: Token) -> bool:
    """A lower-case word describing a person before the name: "retired", "neurosurgeon"."""
    return token.is_lower and (token.pos_ in ("ADJ", "NOUN") or token.tag_ in ("VBN", "VBG"))


def _name_after(verb: Token) -> Span | None:
    """ "“...,”  said Senator Mark S. Kirk, Republican of Illinois, becoming ...": the parser hangs the name
    from a later verb.  A run of capitalised proper nouns right after the verb that is a whole noun phrase
    (not "said Trump's campaign manager" nor "said Fox News host Sean Hannity")."""
    doc = verb.doc
    start = verb.i + 1
    while start < len(doc) and start - verb.i <= 2 and _descriptor_word(doc[start]):
        start += 1  # "said retired neurosurgeon Ben Carson, asked ..."
    end = start
    while end < len(doc) and end - start < MAX_NAME_TOKENS and doc[end].pos_ == "PROPN" and doc[end].is_title:
        end += 1
    if end == start or end - start >= MAX_NAME_TOKENS:
        return None
    if end < len(doc) and (doc[end].pos_ in ("NOUN", "PROPN", "PART", "ADJ") or doc[end].tag_ == "POS"):
        return None
    return doc[verb.i + 1 : end]


def _title_like(inner: Span) -> bool:
    """Every longer word capitalised, as in a title or a name: "Fox News Sunday.", "Meet the Press"."""
    words = [t for t in inner if t.is_alpha]
    longer = [t for t in words if len(t) > 3 and t.lower_ not in MINOR_TITLE_WORDS]  # "Generations with Kevin Swanson"
    return bool(words) and all(t.text[0].isupper() for t in longer) and words[0].text[0].isupper()


def _holds_any(positions: list[int], start: int, end: int) -> bool:
    """Some of the sorted ``positions`` lies in ``start:end``."""
    at = bisect.bisect_left(positions, start)
    return at < len(positions) and positions[at] < end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in TRAILING_STRIP:
        end -= 1
    return start, end
