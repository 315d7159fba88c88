from __future__ import annotations

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
