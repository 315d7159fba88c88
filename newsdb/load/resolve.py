"""Archive-level entity resolution: which stored entity an in-document entity is.

Extraction resolves names inside one article ("Sergei Lavrov", "Lavrov",
"Mr. Lavrov" -> one in-document entity).  Here each in-document entity is
either *linked* to one existing ``entity`` row or a new row is *created*.
A wrong link merges two real people and poisons every report about them; a
missed link only leaves a duplicate that a later merge can fix.  So a link is
made only when it is unambiguous, by these rules (``n`` is the normalized
canonical name, :func:`newsdb.load.normalize.normalize_name`):

Places
    1. same ``geonames_id`` -> link (the gazetteer id is the identity);
    2. a country with the same ISO ``country_code`` as a stored country -> link;
    3. else stored places with an alias equal to ``n`` whose geonames id and
       country code do not contradict the new one's (both known and
       different) are candidates; exactly one -> link.

Organizations
    Stored organizations with an alias equal to ``n``; exactly one -> link.

Persons with a full name (``n`` has two or more tokens)
    Stored persons with an alias equal to ``n``; exactly one -> link, unless
    the new entity also carries another full name that belongs to a
    different stored person (the names are inconsistent) -> create.

Persons known only by one token ("Kim", "Lavrov")
    Candidates are all stored persons any of whose aliases contains that
    token as a word ("kim" counts Kim Jong-un, Kim Il-sung, Kim Yo-jong and
    any earlier bare "Kim").  Link only when there is exactly one candidate
    and that candidate has a full (multi-token) name.  Two bare "Kim"s are
    never linked to each other, and a surname shared by two stored people
    never links: that "Kim" becomes a new entity.

Everything else creates a new entity.  Two entities of different kinds never
link.  Every name form seen (canonical name and aliases) is recorded in
``entity_alias`` of the entity it resolved to; the canonical name of a new
entity is its one primary alias.

Concurrency: the caller takes :func:`lock_keys` (transaction-scoped advisory
locks, in sorted order) before :func:`resolve_entities`, so two writers that
could create or link the same name (or any name sharing a person-name token)
run this step one after the other and see each other's rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, text

from newsdb.db.connection import BinaryArray
from newsdb.extract.facts import Entity, Mention, PlaceInfo
from newsdb.load.bulk import Bulk
from newsdb.load.normalize import name_tokens, normalize_name

_ALIASES = Bulk(
    "entity_alias",
    (
        ("entity_id", "bigint"),
        ("alias", "text"),
        ("normalized", "text"),
        ("alias_kind", "text"),
        ("is_primary", "boolean"),
    ),
    "ON CONFLICT ON CONSTRAINT uq_entity_alias_entity_id_normalized DO NOTHING",
)


# Fill what a linked place lacks from a better-informed mention; never overwrite a known value.
_ENRICH_PLACE = text(
    "UPDATE place SET geonames_id = coalesce(geonames_id, CAST(:gid AS integer)),"
    " country_code = coalesce(country_code, CAST(:cc AS text)) WHERE entity_id = :id"
)


def _country(info: PlaceInfo) -> str | None:
    return info.country_code.upper() if info.country_code else None


@dataclass(frozen=True, slots=True)
class Resolved:
    entity_id: int
    created: bool


def lock_keys(entities: Iterable[Entity]) -> set[str]:
    """Advisory-lock names covering every stored row resolution may read or create."""
    keys: set[str] = set()
    for e in entities:
        names = [e.name, *e.aliases]
        if e.kind == "person":
            for name in names:
                keys.update(f"person-token:{t}" for t in name_tokens(name))
        else:
            keys.update(f"{e.kind}:{normalize_name(name)}" for name in names)
        if e.place is not None:
            if e.place.geonames_id is not None:
                keys.add(f"geonames:{e.place.geonames_id}")
            if e.place.country_code:
                keys.add(f"country:{e.place.country_code.upper()}")
    return keys


@dataclass(slots=True)
class _Stored:
    entity_id: int
    kind: str
    name: str
    place_type: str | None
    country_code: str | None
    geonames_id: int | None


def _alias_kind(kind: str, alias: str) -> str:
    tokens = name_tokens(alias)
    if kind == "person":
        return "name" if len(tokens) > 1 else "short"
    letters = [c for c in alias if c.isalpha()]
    if kind == "organization" and 2 <= len(letters) <= 6 and all(c.isupper() for c in letters):
        return "abbreviation"
    return "name"


def _full_name(name: str) -> bool:
    return len(name_tokens(name)) > 1


@dataclass(slots=True)
class _Decision:
    links: dict[str, int]  # in-document key -> stored entity id
    to_create: dict[tuple[str, ...], list[Entity]]  # one new entity per group
    known_aliases: set[tuple[int, str]]  # (entity id, normalized) already stored
    enrich: dict[int, PlaceInfo]  # linked places whose stored row lacks the gazetteer id or country


def resolve_entities(
    conn: Connection, entities: list[Entity], *, lock: Callable[[set[str]], None] | None = None
) -> dict[str, Resolved]:
    """Map each in-document entity key to a stored entity id, creating entities and aliases as needed.

    With ``lock`` (a function taking advisory locks on keys), resolution is optimistic: when every
    entity links to a stored one that already has all its names, nothing is written and no lock is
    taken, so writers mentioning the same well-known entities do not queue behind each other.
    Otherwise ``lock(lock_keys(entities))`` is called and the decision made again under the locks.
    Without ``lock`` the caller must already hold those locks.
    """
    if not entities:
        return {}
    decision = _decide(conn, entities)
    if lock is not None:
        if (
            not decision.to_create
            and not decision.enrich
            and _needed_aliases(entities, decision.links) <= decision.known_aliases
        ):
            return {key: Resolved(eid, created=False) for key, eid in decision.links.items()}
        lock(lock_keys(entities))
        decision = _decide(conn, entities)
    result = {key: Resolved(eid, created=False) for key, eid in decision.links.items()}
    _create(conn, decision.to_create, result)
    for entity_id, info in sorted(decision.enrich.items()):
        conn.execute(_ENRICH_PLACE, {"id": entity_id, "gid": info.geonames_id, "cc": _country(info)})
    _record_aliases(conn, entities, result)
    return result


def _lookup_name(e: Entity) -> str:
    """The normalized name ``e`` is looked up by: its canonical name, except for a person whose
    canonical name is one token while an alias is a full name (then that full name)."""
    if e.kind == "person" and not _full_name(e.name):
        for alias in e.aliases:
            if _full_name(alias):
                return normalize_name(alias)
    return normalize_name(e.name)


# Every stored entity the article's entities could link to, in one round trip:
# 1. entities with an alias equal to one of the article's normalized names;
# 2. places with the same gazetteer id, countries with the same country code;
# 3. persons any of whose names contains, as a word, a token a person is known by alone ("Kim").
_CANDIDATES = text(
    "SELECT 1 AS part, a.normalized AS key, e.id, e.kind, e.name, p.place_type, p.country_code, p.geonames_id"
    " FROM entity_alias a JOIN entity e ON e.id = a.entity_id"
    " LEFT JOIN place p ON p.entity_id = e.id"
    " WHERE a.normalized = ANY(CAST(:names AS text[])) AND a.alias_kind NOT IN ('descriptor', 'demonym')"
    " UNION ALL"
    " SELECT 2, NULL, e.id, 'place', e.name, p.place_type, p.country_code, p.geonames_id FROM place p"
    " JOIN entity e ON e.id = p.entity_id"
    " WHERE p.geonames_id = ANY(CAST(:gids AS integer[]))"
    " OR (p.place_type = 'country' AND p.country_code = ANY(CAST(:ccs AS text[])))"
    " UNION ALL"
    " SELECT 3, t.token, f.id, 'person', f.name, NULL, NULL, NULL FROM unnest(CAST(:tokens AS text[])) AS t(token)"
    " CROSS JOIN LATERAL (SELECT DISTINCT e.id, e.name FROM entity_alias a"
    " JOIN entity e ON e.id = a.entity_id"
    " WHERE e.kind = 'person' AND a.alias_kind IN ('name', 'short')"
    " AND (a.normalized = t.token OR a.normalized LIKE t.token || ' %'"
    " OR a.normalized LIKE '% ' || t.token OR a.normalized LIKE '% ' || t.token || ' %')) AS f"
    " ORDER BY 1, 2, 3"
)


def _decide(conn: Connection, entities: list[Entity]) -> _Decision:
    norm = {e.key: _lookup_name(e) for e in entities}
    all_names = sorted({normalize_name(n) for e in entities for n in (e.name, *e.aliases)} - {""})

    gids = sorted({e.place.geonames_id for e in entities if e.place and e.place.geonames_id is not None})
    ccs = sorted(
        {
            e.place.country_code.upper()
            for e in entities
            if e.place and e.place.place_type == "country" and e.place.country_code
        }
    )
    single_tokens = sorted(
        {norm[e.key] for e in entities if e.kind == "person" and norm[e.key] and not _has_full_name(e)}
    )
    stored: dict[int, _Stored] = {}
    by_alias: dict[str, list[_Stored]] = defaultdict(list)
    by_gid: dict[int, _Stored] = {}
    by_country: dict[str, list[_Stored]] = defaultdict(list)
    by_token: dict[str, list[_Stored]] = defaultdict(list)
    for part, key, eid, kind, name, ptype, cc, gid in conn.execute(
        _CANDIDATES,
        {
            "names": BinaryArray(all_names),
            "gids": BinaryArray(gids),
            "ccs": BinaryArray(ccs),
            "tokens": BinaryArray(single_tokens),
        },
    ):
        if part == 1:  # a stored entity sharing a normalized name with the article's entities
            by_alias[key].append(stored.setdefault(eid, _Stored(eid, kind, name, ptype, cc, gid)))
        elif part == 2:  # a place with the same gazetteer identity
            s = stored.setdefault(eid, _Stored(eid, kind, name, ptype, cc, gid))
            if gid is not None:
                by_gid[gid] = s
            if ptype == "country" and cc:
                by_country[cc].append(s)
        else:  # a person whose names contain a token an entity is known by alone
            by_token[key].append(stored.setdefault(eid, _Stored(eid, kind, name, None, None, None)))

    links: dict[str, int] = {}
    to_create: dict[tuple[str, ...], list[Entity]] = {}
    for e in entities:
        n = norm[e.key]
        target = _link(e, n, by_alias, by_gid, by_country, by_token)
        if target is not None:
            links[e.key] = target
            continue
        # In-article duplicates (same gazetteer id, same full name) become one new entity.
        if e.place and e.place.geonames_id is not None:
            ident: tuple[str, ...] = ("geonames", str(e.place.geonames_id))
        elif (e.kind == "person" and not _has_full_name(e)) or not n:
            ident = ("key", e.key)
        else:
            ident = (e.kind, n)
        to_create.setdefault(ident, []).append(e)
    known = {(s.entity_id, normalized) for normalized, found in by_alias.items() for s in found}
    enrich: dict[int, PlaceInfo] = {}
    for e in entities:
        linked = stored.get(links.get(e.key, -1))
        if linked is None or e.place is None or linked.kind != "place":
            continue
        taken = e.place.geonames_id is not None and e.place.geonames_id in by_gid
        if (linked.geonames_id is None and e.place.geonames_id is not None and not taken) or (
            linked.country_code is None and e.place.country_code
        ):
            enrich.setdefault(linked.entity_id, e.place)
    return _Decision(links, to_create, known, enrich)


def _needed_aliases(entities: list[Entity], links: dict[str, int]) -> set[tuple[int, str]]:
    return {
        (links[e.key], n)
        for e in entities
        if e.key in links
        for n in (normalize_name(a) for a in (e.name, *e.aliases))
        if n
    }


# New entities in one statement, whatever their number.  The identity values are drawn in the order of
# the SELECT's ORDER BY, so the returned ids sorted ascending are the rows' ids in input order (the
# technique SQLAlchemy's sort_by_parameter_order uses on PostgreSQL, without compiling a VALUES list
# per row count).
_NEW_ENTITIES = text(
    "INSERT INTO entity (kind, name) SELECT kind, name"
    " FROM unnest(CAST(:kinds AS text[]), CAST(:names AS text[])) WITH ORDINALITY AS t(kind, name, n)"
    " ORDER BY n RETURNING id"
)


def _create(conn: Connection, to_create: dict[tuple[str, ...], list[Entity]], result: dict[str, Resolved]) -> None:
    if to_create:
        groups = list(to_create.values())
        new_ids = sorted(
            conn.execute(
                _NEW_ENTITIES,
                {
                    "kinds": BinaryArray(g[0].kind for g in groups),
                    "names": BinaryArray(g[0].name.strip() for g in groups),
                },
            ).scalars()
        )
        persons: list[int] = []
        orgs: list[int] = []
        places: list[dict[str, object]] = []
        for group, eid in zip(groups, new_ids, strict=True):
            first = group[0]
            for e in group:
                result[e.key] = Resolved(eid, created=True)
            if first.kind == "person":
                persons.append(eid)
            elif first.kind == "organization":
                orgs.append(eid)
            else:
                info = next((e.place for e in group if e.place is not None), None)
                row: dict[str, object] = {"entity_id": eid}
                if info is not None:
                    row.update(
                        place_type=info.place_type,
                        country_code=info.country_code.upper() if info.country_code else None,
                        latitude=info.latitude,
                        longitude=info.longitude,
                        geonames_id=info.geonames_id,
                    )
                places.append(row)
        _insert_subtypes(conn, persons, orgs, places)


# The subtype rows of new entities, all kinds in one round trip.
_SUBTYPES = text(
    "WITH persons AS (INSERT INTO person (entity_id) SELECT unnest(CAST(:persons AS bigint[]))),"
    " organizations AS (INSERT INTO organization (entity_id) SELECT unnest(CAST(:orgs AS bigint[]))),"
    " places AS (INSERT INTO place (entity_id, place_type, country_code, latitude, longitude, geonames_id)"
    " SELECT * FROM unnest(CAST(:p0 AS bigint[]), CAST(:p1 AS text[]), CAST(:p2 AS text[]),"
    " CAST(:p3 AS double precision[]), CAST(:p4 AS double precision[]), CAST(:p5 AS integer[])))"
    " SELECT 1"
)


def _insert_subtypes(conn: Connection, persons: list[int], orgs: list[int], places: list[dict[str, object]]) -> None:
    cols = ("entity_id", "place_type", "country_code", "latitude", "longitude", "geonames_id")
    defaults = {"place_type": "other"}
    params: dict[str, list[object]] = {"persons": BinaryArray(persons), "orgs": BinaryArray(orgs)}
    for i, col in enumerate(cols):
        params[f"p{i}"] = BinaryArray(r.get(col, defaults.get(col)) for r in places)
    conn.execute(_SUBTYPES, params)


def _has_full_name(e: Entity) -> bool:
    return any(_full_name(n) for n in (e.name, *e.aliases))


def _conflicts(e: Entity, s: _Stored) -> bool:
    if e.place is None or s.kind != "place":
        return False
    if e.place.geonames_id is not None and s.geonames_id is not None and e.place.geonames_id != s.geonames_id:
        return True
    cc = e.place.country_code.upper() if e.place.country_code else None
    return cc is not None and s.country_code is not None and cc != s.country_code


def _link(
    e: Entity,
    n: str,
    by_alias: dict[str, list[_Stored]],
    by_gid: dict[int, _Stored],
    by_country: dict[str, list[_Stored]],
    by_token: dict[str, list[_Stored]],
) -> int | None:
    if e.kind == "place" and e.place is not None:
        if e.place.geonames_id is not None and e.place.geonames_id in by_gid:
            return by_gid[e.place.geonames_id].entity_id
        if e.place.place_type == "country" and e.place.country_code:
            countries = by_country.get(e.place.country_code.upper(), [])
            if len(countries) == 1:
                return countries[0].entity_id
    if not n:
        return None
    if e.kind == "person" and not _has_full_name(e):
        people = {s.entity_id: s for s in by_token.get(n, [])}
        if len(people) == 1:
            (only,) = people.values()
            if _full_name(only.name):
                return only.entity_id
        return None
    candidates = {s.entity_id for s in by_alias.get(n, []) if s.kind == e.kind and not _conflicts(e, s)}
    if len(candidates) != 1:
        return None
    (target,) = candidates
    if e.kind == "person":
        # every other full name of the new person must not belong to someone else
        for alias in (e.name, *e.aliases):
            if _full_name(alias):
                owners = {s.entity_id for s in by_alias.get(normalize_name(alias), []) if s.kind == "person"}
                if owners and target not in owners:
                    return None
    return target


def _record_aliases(conn: Connection, entities: list[Entity], result: dict[str, Resolved]) -> None:
    rows: dict[tuple[int, str], dict[str, object]] = {}
    for e in entities:
        r = result[e.key]
        for i, alias in enumerate([e.name, *e.aliases]):
            alias = " ".join(alias.split())
            n = normalize_name(alias)
            if not alias or not n or (r.entity_id, n) in rows:
                continue
            rows[(r.entity_id, n)] = {
                "entity_id": r.entity_id,
                "alias": alias,
                "normalized": n,
                "alias_kind": _alias_kind(e.kind, alias),
                "is_primary": r.created and i == 0,
            }
    if not rows:
        return
    # A created entity's group may hold several in-document entities: keep one primary.
    seen_primary: set[int] = set()
    for (eid, _), row in rows.items():
        if row["is_primary"]:
            if eid in seen_primary:
                row["is_primary"] = False
            seen_primary.add(eid)
    _ALIASES.run(
        conn,
        [
            (r["entity_id"], r["alias"], r["normalized"], r["alias_kind"], r["is_primary"])
            for r in rows.values()  # name order, primary first; written under the entity locks
        ],
    )


PRONOUNS = frozenset(
    {"he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs", "we", "us", "our"}
    | {"i", "me", "my", "you", "your", "who", "whom", "whose"}
)
MAX_DESCRIPTOR_TOKENS = 8


def record_mention_aliases(
    conn: Connection, entities: list[Entity], mentions: list[Mention], ids: dict[str, int]
) -> None:
    """Record how mentions refer to an entity without naming it, as aliases that never link.

    A place mentioned by a non-name ("North Korean", "Americans") gets a ``demonym`` alias; a
    person or organization ("the Russian minister", "the agency") a ``descriptor`` alias.  Pronouns
    and long phrases are skipped.  Linking ignores both kinds (``_decide``), so these rows need no
    entity lock: concurrent writers at most wait on the same row, in one sorted order.
    """
    names = {e.key: {normalize_name(n) for n in (e.name, *e.aliases)} for e in entities}
    kinds = {e.key: e.kind for e in entities}
    rows: dict[tuple[int, str], tuple[int, str, str, str, bool]] = {}
    for m in mentions:
        surface = " ".join(m.text.split())
        tokens = name_tokens(surface)
        n = " ".join(tokens)
        if not n or n in names[m.entity] or len(tokens) > MAX_DESCRIPTOR_TOKENS:
            continue
        if len(tokens) == 1 and tokens[0] in PRONOUNS:
            continue
        kind = "demonym" if kinds[m.entity] == "place" else "descriptor"
        rows.setdefault((ids[m.entity], n), (ids[m.entity], surface, n, kind, False))
    _ALIASES.run(conn, [row for _, row in sorted(rows.items(), key=lambda kv: kv[0])])
