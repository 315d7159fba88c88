"""Hand-built ArticleFacts for writer tests: spans are found in the body, never typed by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime

from newsdb.extract.facts import (
    ArticleFacts,
    DatePrecision,
    Entity,
    EntityKind,
    Event,
    EventContext,
    Mention,
    Participant,
    ParticipantRole,
    PlaceInfo,
    Role,
    Statement,
    StatementType,
)
from newsdb.ingest.article import Article, Credit


class Facts:
    """Builds one ArticleFacts; every fact names its text, and the span is looked up in the body."""

    def __init__(
        self,
        body: str,
        *,
        title: str | None = "A title",
        url: str | None = None,
        published: datetime | None = datetime(2024, 9, 13, 8, 0, tzinfo=UTC),
        source_code: str | None = "test-site",
        source_name: str | None = None,
        origin: str = "test.txt",
        credits: list[Credit] | None = None,
    ) -> None:
        self.article = Article(
            body=body,
            origin=origin,
            title=title,
            url=url,
            published_at=published,
            language="en",
            source_code=source_code,
            source_name=source_name,
            credits=credits or [],
        )
        self.facts = ArticleFacts(article=self.article)

    def span(self, text: str, nth: int = 0) -> tuple[int, int]:
        start = -1
        for _ in range(nth + 1):
            start = self.article.body.index(text, start + 1)
        return start, start + len(text)

    def entity(
        self,
        key: str,
        kind: EntityKind,
        name: str,
        *aliases: str,
        place: PlaceInfo | None = None,
        mention: bool = True,
    ) -> Facts:
        self.facts.entities.append(Entity(key, kind, name, list(aliases), place))
        if mention:
            for surface in (name, *aliases):
                if surface in self.article.body:
                    self.mention(key, surface)
        return self

    def mention(self, key: str, text: str, nth: int = 0) -> Facts:
        start, end = self.span(text, nth)
        self.facts.mentions.append(Mention(key, start, end, text))
        return self

    def mention_at(self, key: str, start: int, text: str) -> Facts:
        assert self.article.body[start : start + len(text)] == text
        self.facts.mentions.append(Mention(key, start, start + len(text), text))
        return self

    def role(self, person: str, title: str, organization: str | None = None) -> Facts:
        start, end = self.span(title)
        self.facts.roles.append(Role(person, title, start, end, organization))
        return self

    def statement(
        self,
        quote: str,
        speaker: str | None = None,
        *,
        type: StatementType = "direct",
        speaker_text: str | None = None,
        cue: str | None = None,
        cue_text: str | None = None,
        channel: str | None = None,
        channel_text: str | None = None,
    ) -> Facts:
        start, end = self.span(quote)
        s = Statement(type, quote, start, end, speaker, speaker_text, cue=cue, channel=channel)
        s.channel_text = channel_text
        if speaker_text:
            s.speaker_start, s.speaker_end = self.span(speaker_text)
        if cue_text:
            s.cue_start, s.cue_end = self.span(cue_text)
        self.facts.statements.append(s)
        return self

    def event(
        self,
        type: str,
        trigger: str,
        *participants: tuple[str, ParticipantRole],
        mode: str | None = None,
        place: str | None = None,
        on: date | None = None,
        precision: DatePrecision | None = None,
        context: EventContext = "occurred",
        nth: int = 0,
    ) -> Facts:
        start, end = self.span(trigger, nth)
        self.facts.events.append(
            Event(
                type=type,
                trigger=trigger,
                start=start,
                end=end,
                context=context,
                mode=mode,
                participants=[Participant(k, r) for k, r in participants],
                place=place,
                date=on,
                date_precision=precision if on else None,
                summary=None,
            )
        )
        return self

    def build(self) -> ArticleFacts:
        return self.facts


RUSSIA = PlaceInfo("country", "RU", 60.0, 100.0, 2017370)
NORTH_KOREA = PlaceInfo("country", "KP", 40.0, 127.0, 1873107)
PYONGYANG = PlaceInfo("city", "KP", 39.03, 125.75, 1871859)
