from __future__ import annotations

import hashlib
import marshal
import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from newsdb.extract import places


@pytest.mark.parametrize(
    ("text", "name", "place_type", "code"),
    [
        ("North Korea", "North Korea", "country", "KP"),
        ("DPRK", "North Korea", "country", "KP"),
        ("South Korea", "South Korea", "country", "KR"),
        ("the United States", "United States", "country", "US"),
        ("US", "United States", "country", "US"),
        ("U.S.", "United States", "country", "US"),
        ("Russia", "Russia", "country", "RU"),
        ("Britain", "United Kingdom", "country", "GB"),
        ("Washington", "Washington", "city", "US"),
        ("Pyongyang", "Pyongyang", "city", "KP"),
        ("Moscow", "Moscow", "city", "RU"),
        ("Texas", "Texas", "region", "US"),
    ],
)
def test_lookup(text: str, name: str, place_type: str, code: str) -> None:
    place = places.lookup(text)
    assert place is not None
    assert (place.name, place.info.place_type, place.info.country_code) == (name, place_type, code)


@pytest.mark.parametrize("text", ["MM", "IT", "us", "Nowhere Land"])
def test_not_places(text: str) -> None:
    assert places.lookup(text) is None


def test_city_has_coordinates_and_geonames_id() -> None:
    place = places.lookup("Seoul")
    assert place is not None
    assert (place.info.latitude, place.info.longitude, place.info.geonames_id) == (37.566, 126.9784, 1835848)


@pytest.mark.parametrize(
    ("text", "code"),
    [("Russian", "RU"), ("North Korean", "KP"), ("Americans", "US"), ("Chinese", "CN"), ("Western", None)],
)
def test_demonyms(text: str, code: str | None) -> None:
    assert places.demonym_country(text) == code


def test_region_takes_country_from_leading_demonym() -> None:
    region = places.region("the Russian Far East")
    assert (region.name, region.info.place_type, region.info.country_code) == ("Russian Far East", "region", "RU")
    assert places.region("Middle East").info.country_code is None


@pytest.fixture(scope="module")
def fresh_tables() -> places.Tables:
    return places.build_tables()


@pytest.fixture(scope="module")
def good_cache(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, bytes]:
    """The cache file's name and contents, as ``load_tables`` writes them."""
    folder = tmp_path_factory.mktemp("cache")
    places.load_tables(folder)
    (path,) = folder.iterdir()
    return path.name, path.read_bytes()


def _cache_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _no_building(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail() -> places.Tables:
        raise AssertionError("built instead of read from the cache")

    monkeypatch.setattr(places, "build_tables", fail)


def test_cached_tables_equal_freshly_built(
    tmp_path: Path, fresh_tables: places.Tables, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert places.load_tables(tmp_path) == fresh_tables
    (name,) = _cache_files(tmp_path)
    assert name.startswith("places-") and name.endswith(".marshal")
    _no_building(monkeypatch)
    assert places.load_tables(tmp_path) == fresh_tables


def test_cache_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSDB_CACHE_DIR", str(tmp_path))
    assert places.cache_dir() == tmp_path


def _corrupt(data: bytes) -> dict[str, bytes]:
    header_end = data.index(b"\n") + 1
    return {
        "empty": b"",
        "garbage": b"\x00\xff" * 1000,
        "truncated": data[: len(data) // 2],
        "stale key": b"newsdb places " + b"0" * 64 + data[header_end - 1 :],
        "flipped payload byte": data[:-100] + bytes([data[-100] ^ 0xFF]) + data[-99:],
        "valid digest, not marshal": _with_payload(data, b"\xff not marshal"),
        "valid digest, wrong shape": _with_payload(data, marshal.dumps((1, 2, 3, 4))),
    }


def _with_payload(data: bytes, payload: bytes) -> bytes:
    header_end = data.index(b"\n") + 1
    return data[:header_end] + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload


@pytest.mark.parametrize(
    "damage",
    [
        "empty",
        "garbage",
        "truncated",
        "stale key",
        "flipped payload byte",
        "valid digest, not marshal",
        "valid digest, wrong shape",
    ],
)
def test_damaged_cache_is_rebuilt(
    tmp_path: Path,
    fresh_tables: places.Tables,
    good_cache: tuple[str, bytes],
    monkeypatch: pytest.MonkeyPatch,
    damage: str,
) -> None:
    name, good = good_cache
    path = tmp_path / name
    path.write_bytes(_corrupt(good)[damage])
    assert places.load_tables(tmp_path) == fresh_tables
    assert path.read_bytes() == good
    _no_building(monkeypatch)
    assert places.load_tables(tmp_path) == fresh_tables


def test_unwritable_cache_folder_still_gives_tables(tmp_path: Path, fresh_tables: places.Tables) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    assert places.load_tables(blocker / "cache") == fresh_tables


def test_concurrent_builds_leave_one_whole_file(tmp_path: Path, fresh_tables: places.Tables) -> None:
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(lambda _: places.load_tables(tmp_path), range(3)))
    assert results == [fresh_tables] * 3
    (name,) = _cache_files(tmp_path)  # no temporary files left behind
    assert name.endswith(".marshal")


def test_building_prunes_cache_files_of_other_versions_unused_for_a_month(
    tmp_path: Path, fresh_tables: places.Tables
) -> None:
    month_ago = time.time() - (places.STALE_CACHE_DAYS + 1) * 86400
    stale, recent = tmp_path / "places-0000000000000000.marshal", tmp_path / "places-1111111111111111.marshal"
    crashed, unrelated = tmp_path / ".places-abc.tmp", tmp_path / "notes.txt"
    for path in (stale, recent, crashed, unrelated):
        path.write_bytes(b"x")
    for path in (stale, crashed, unrelated):
        os.utime(path, (month_ago, month_ago))
    assert places.load_tables(tmp_path) == fresh_tables
    (built,) = [n for n in _cache_files(tmp_path) if n not in (recent.name, unrelated.name)]
    # another version's file in use this month, and files that are not the cache's, stay
    assert _cache_files(tmp_path) == sorted([built, recent.name, unrelated.name])
