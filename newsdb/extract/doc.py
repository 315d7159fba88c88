"""In-document entities: what the entity stage hands to statements and events.

``DocEntities`` collects the entities of one article with every mention and
role found so far, and answers the two questions later stages ask: which
entity does this span of text name (``entity_at``), and which persons were
named before this point (``persons_before``).  Offsets are into
``Article.body``; a mention's ``text`` is always ``body[start:end]``.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

from newsdb.extract.facts import Entity, EntityKind, Mention, PlaceInfo, Role

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """ASCII slug of a name: "Kim Jong-un" -> "kim-jong-un"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NON_SLUG.sub("-", ascii_text.lower()).strip("-") or "x"


@dataclass(slots=True)
class DocEntities:
    """Entities, mentions and roles of one article, with look-ups by position."""

    body: str
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    _by_key: dict[str, Entity] = field(default_factory=dict, repr=False)
    _keys: list[tuple[int, int]] = field(default_factory=list, repr=False)  # (start, -end) of sorted mentions
    _starts: list[int] = field(default_factory=list, repr=False)
    _by_entity: dict[str, list[Mention]] = field(default_factory=dict, repr=False)
    _role_keys: set[tuple[str, str, int, int]] = field(default_factory=set, repr=False)
    _longest: int = field(default=0, repr=False)

    # -- building -----------------------------------------------------------

    def new_entity(self, kind: EntityKind, name: str, place: PlaceInfo | None = None) -> str:
        """Add an entity and return its key (``"person:kim-jong-un"``, made unique).

        A person named only in capitals (a transcript's "WALLACE:") is named "Wallace".
        """
        if kind == "person" and name.isupper():
            name = name.title()
        base = f"{kind}:{slugify(name)}"
        key, n = base, 2
        while key in self._by_key:
            key, n = f"{base}-{n}", n + 1
        entity = Entity(key=key, kind=kind, name=name, place=place)
        self.entities.append(entity)
        self._by_key[key] = entity
        return key

    def add_mention(self, key: str, start: int, end: int) -> Mention | None:
        """Record that ``body[start:end]`` names entity ``key``.

        Returns None (and records nothing) when the exact span is already a
        mention of any entity, so callers may add mentions idempotently.
        """
        if key not in self._by_key:
            raise KeyError(key)
        if not 0 <= start < end <= len(self.body):
            raise ValueError(f"mention span {start}:{end} outside the body")
        if any(m.start == start and m.end == end for m in self._overlapping(start, end)):
            return None
        mention = Mention(entity=key, start=start, end=end, text=self.body[start:end])
        self._sort()
        idx = bisect.bisect_right(self._keys, (start, -end))
        self.mentions.insert(idx, mention)
        self._keys.insert(idx, (start, -end))
        self._starts.insert(idx, start)
        self._by_entity.setdefault(key, []).append(mention)
        self._longest = max(self._longest, end - start)
        return mention

    def alias(self, key: str, text: str) -> None:
        """Add ``text`` as an alias of ``key`` unless it is the name or known."""
        entity = self._by_key[key]
        text = " ".join(text.split())
        if text and text != entity.name and text not in entity.aliases:
            entity.aliases.append(text)

    def rename(self, key: str, name: str) -> None:
        """Make ``name`` the canonical name; the old name becomes an alias."""
        entity = self._by_key[key]
        if name == entity.name:
            return
        old = entity.name
        entity.name = name
        if name in entity.aliases:
            entity.aliases.remove(name)
        self.alias(key, old)

    def add_role(self, role: Role) -> None:
        """Add a role unless the same person/title/span is already there."""
        key = (role.person, role.title, role.start, role.end)
        if key not in self._role_keys:
            self._role_keys.add(key)
            self.roles.append(role)

    # -- look-ups -----------------------------------------------------------

    def get(self, key: str) -> Entity:
        return self._by_key[key]

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def by_kind(self, kind: EntityKind) -> list[Entity]:
        return [e for e in self.entities if e.kind == kind]

    def mentions_of(self, key: str) -> list[Mention]:
        """Mentions of ``key`` in text order."""
        self._sort()
        return sorted(self._by_entity.get(key, []), key=lambda m: (m.start, -m.end))

    def roles_of(self, key: str) -> list[Role]:
        return [r for r in self.roles if r.person == key]

    def entity_at(self, start: int, end: int) -> str | None:
        """Key of the entity whose mention covers or overlaps ``start:end``.

        Prefers a mention of exactly that span, then one covering it, then the
        longest ("the Russian minister" -> the minister; "Russian" -> Russia).
        """
        mention = self.mention_at(start, end)
        return mention.entity if mention is not None else None

    def kind_at(self, start: int, end: int) -> EntityKind | None:
        """The kind of the entity :meth:`entity_at` finds, if any."""
        key = self.entity_at(start, end)
        return None if key is None else self.get(key).kind

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The mention ``entity_at`` would choose, or None."""
        hits = self._overlapping(start, end)
        if not hits:
            return None
        return max(
            hits,
            key=lambda m: (
                (m.start, m.end) == (start, end),
                m.start <= start and m.end >= end,
                m.end - m.start,
                -m.start,
            ),
        )

    def persons_before(self, pos: int, limit: int | None = None) -> list[str]:
        """Person keys by their last mention ending at or before ``pos``, most recent first.

        ``limit`` stops after that many persons (cheap on very long articles).
        """
        self._sort()
        idx = bisect.bisect_right(self._starts, pos)
        seen: list[str] = []
        for m in reversed(self.mentions[:idx]):
            if m.end > pos or m.entity in seen:
                continue
            if self._by_key[m.entity].kind == "person":
                seen.append(m.entity)
                if limit is not None and len(seen) >= limit:
                    break
        return seen

    # -- internals ----------------------------------------------------------

    def _sort(self) -> None:
        """Rebuild the position index if ``mentions`` was changed from outside ``add_mention``."""
        if len(self._keys) != len(self.mentions):
            self.mentions.sort(key=lambda m: (m.start, -m.end))
            self._keys = [(m.start, -m.end) for m in self.mentions]
            self._starts = [m.start for m in self.mentions]
            self._by_entity = {}
            for m in self.mentions:
                self._by_entity.setdefault(m.entity, []).append(m)
            self._longest = max((m.end - m.start for m in self.mentions), default=0)

    def _overlapping(self, start: int, end: int) -> list[Mention]:
        self._sort()
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        return [m for m in self.mentions[lo:hi] if m.end > start]
