"""Filters on both backends (issues 12 and 15): every token and its negation (words, a phrase,
rating, label, flag, date, source-type, keyword, person, camera, place, has) gives the same
photos on a server as on SQLite, over Latin, Cyrillic and Japanese values; and what folds
otherwise on a server (``lower()`` keeps ß, SQLite's filters casefold it) is stated."""

from __future__ import annotations

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.connection import dialect
from photoarchive.catalog.filters import compile_filter, compiled_over
from photoarchive.catalog.places import insert_place
from photoarchive.catalog.search import photo_page
from photoarchive.edits import apply_edit
from photoarchive.filters import HAS_NAMES
from photoarchive.model.place import Place, PlaceName
from tests.conftest import add_record


@pytest.fixture
def catalog(backend_catalog: Catalog) -> Catalog:
    return backend_catalog


def _ids(catalog: Catalog, text: str) -> list[int]:
    query = compile_filter(catalog.conn, text)
    return photo_page(catalog.conn, search=query.search, where=query.where, limit=None).ids


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", [1, 2, 3, 4]),
        ("rating>=4", [1, 3]),
        ("rating<4", [2, 4]),
        ("-rating>=4", [2, 4]),
        ("rating=0", [4]),
        ("label:red", [1]),
        ("-label:red", [2, 3, 4]),
        ("label:none", [3, 4]),
        ("flag:reject", [2]),
        ("-flag:reject", [1, 3, 4]),
        ("flag:none", [3, 4]),
        ("date:2015-08-02..2015-08-03", [2, 3]),
        ("-date:2015-08-02..", [1]),
        ("танк", [1, 2]),
        ("ТАНК rating>=4", [1]),
        ("霧 -flag:reject", [3]),
    ],
)
def test_the_same_photos_on_both(catalog: Catalog, text: str, expected: list[int]) -> None:
    ids = [add_record(catalog, n, f"{n}.jpg") for n in (1, 2, 3, 4)]
    apply_edit(catalog, [ids[0]], {"rating": 5, "label": "red", "flag": "pick", "caption": "Танк у высоты 171"})
    apply_edit(catalog, [ids[1]], {"rating": 2, "label": "blue", "flag": "reject", "caption": "танк в тумане"})
    apply_edit(catalog, [ids[2]], {"rating": 4, "caption": "濃い霧の竹田浜"})
    assert _ids(catalog, text) == [ids[n - 1] for n in expected]


# name -> values, on both backends: Latin, Cyrillic and Japanese texts.
PHOTOS: dict[str, dict[str, object]] = {
    "tank": dict(keywords=["Tank"], hierarchical_keywords=["Weapons|Tanks|T-34"], persons_shown=["Ivanov, Pyotr"],
                 make="NIKON CORPORATION", model="NIKON D750", place="Height 171", caption="a tank at Cape Kokutan",
                 credit="Ivanov", rating=5, gps=True),
    "bay": dict(keywords=["танк"], hierarchical_keywords=["Оружие|Танки"], persons_shown=["Смирнов Иван"],
                make="Зенит", model="Зенит-Е", place="Shumshu", caption="ТУМАН над бухтой"),
    "fog": dict(keywords=["霧"], hierarchical_keywords=["天気|霧"], persons_shown=["山田太郎"], make="Canon",
                model="Canon EOS 5D", place="Paramushir", caption="濃い霧の竹田浜", title="竹田浜"),
    "blank": dict(),
}  # fmt: skip
ALL = set(PHOTOS)


@pytest.fixture
def archive(catalog: Catalog) -> tuple[Catalog, dict[str, int]]:
    russia = insert_place(catalog, Place("Russia", kind="country", alt_names=[PlaceName("Россия", "ru")]))
    kurils = insert_place(catalog, Place("Kurils", kind="region", parent_id=russia))
    shumshu = insert_place(
        catalog,
        Place(
            "Shumshu", kind="island", parent_id=kurils, alt_names=[PlaceName("Шумшу", "ru"), PlaceName("占守島", "ja")]
        ),
    )
    places = {
        "Shumshu": shumshu,
        "Height 171": insert_place(catalog, Place("Height 171", kind="feature", parent_id=shumshu)),
        "Paramushir": insert_place(catalog, Place("Paramushir", kind="island", parent_id=kurils)),
    }
    ids = {}
    for n, (name, v) in enumerate(PHOTOS.items(), start=1):
        ids[name] = catalog.add_photo(
            {
                "sha256": f"{n:064x}",
                "original_path": f"2015/{name}.jpg",
                "original_name": f"{name}.jpg",
                "source_path": f"/src/{name}.jpg",
                "size": 1,
                "format": "JPEG",
                "imported_at": "2026-01-01T00:00:00+00:00",
                "captured_at": f"2015-08-{n:02d}T10:00:00",
                "camera_make": v.get("make"),
                "camera_model": v.get("model"),
                "latitude": 43.0 if v.get("gps") else None,
                "longitude": 156.0 if v.get("gps") else None,
                "place_id": places[str(v["place"])] if "place" in v else None,
                "rating": v.get("rating"),
                **{f: v.get(f, "") for f in ("caption", "credit", "title")},
                **{f: v.get(f, []) for f in ("keywords", "hierarchical_keywords", "persons_shown")},
            }
        )
    return catalog, ids


def _matching(archive: tuple[Catalog, dict[str, int]], text: str) -> set[str]:
    catalog, ids = archive
    names = {i: name for name, i in ids.items()}
    return {names[i] for i in _ids(catalog, text)}


TOKENS = {
    "keyword:tank": {"tank"},  # exact, any case: not "Tanks" of a hierarchy but its level
    "keyword:TANKS": {"tank"},  # a level of a hierarchical keyword
    'keyword:"weapons|tanks"': {"tank"},
    "keyword:ТАНК": {"bay"},
    "keyword:танки": {"bay"},
    "keyword:霧": {"fog"},
    "keyword:天気": {"fog"},
    "keyword:tan": set(),
    "person:ivanov": {"tank"},
    "person:СМИРНОВ": {"bay"},
    "person:太郎": {"fog"},
    "person:nobody": set(),
    "camera:nikon": {"tank"},
    "camera:d750": {"tank"},
    "camera:Зенит": {"bay"},
    "camera:зенит": set(),  # A-Z only, on both (SQLite's LIKE, ILIKE over a column COLLATE "C")
    "camera:eos": {"fog"},
    "camera:50%": set(),  # escaped: % is a character here
    "place:shumshu": {"tank", "bay"},  # Height 171 is on Shumshu
    "place:ШУМШУ": {"tank", "bay"},
    "place:占守島": {"tank", "bay"},
    "place:kurils": {"tank", "bay", "fog"},
    "place:россия": {"tank", "bay", "fog"},
    'place:"height 171"': {"tank"},
    "place:Atlantis": set(),
    "has:caption": {"tank", "bay", "fog"},
    "has:title": {"fog"},
    "has:credit": {"tank"},
    "has:keywords": {"tank", "bay", "fog"},
    "has:hierarchical_keywords": {"tank", "bay", "fog"},
    "has:persons_shown": {"tank", "bay", "fog"},
    "has:rating": {"tank"},
    "has:gps": {"tank"},
    "has:place": {"tank", "bay", "fog"},
    '"cape kokutan"': {"tank"},
    '"туман над"': {"bay"},
    '"霧の竹田"': {"fog"},
    '"kokutan cape"': set(),
    "tank": {"tank"},  # a word left out: not in the text search's matches
    "туман": {"bay"},
    "竹田浜": {"fog"},
}


@pytest.mark.parametrize(("token", "expected"), list(TOKENS.items()))
def test_each_token_and_its_negation_on_both(
    archive: tuple[Catalog, dict[str, int]], token: str, expected: set[str]
) -> None:
    assert _matching(archive, token) == expected
    assert _matching(archive, "-" + token) == ALL - expected


def test_tokens_together_on_both(archive: tuple[Catalog, dict[str, int]]) -> None:
    assert _matching(archive, "place:Шумшу -keyword:tank has:caption") == {"bay"}
    assert _matching(archive, 'tank "cape kokutan" person:pyotr camera:nikon rating>=4') == {"tank"}
    assert _matching(archive, "-place:kurils -has:caption") == {"blank"}  # no place: not on the Kurils


# Typed as written (ß), or in another case than stored: the same photo on both.
FOLDED_ALIKE = ["keyword:STRAßE", "person:weiß", "place:GROßSTADT", '"große straße"', "keyword:straße"]
# Typed with "ss" for ß: SQLite's filters compare casefolds (ß -> ss), a server's lower(),
# which keeps ß (plan R2): a server finds nothing, as SQLite's text search (its trigram index
# does not fold ß either) finds nothing for a word or a phrase (whose words it searches first).
FOLDED_ON_SQLITE_ONLY = ["keyword:STRASSE", "person:weiss", "place:grossstadt"]


def test_what_folds_otherwise_on_a_server(catalog: Catalog) -> None:
    place = insert_place(catalog, Place("Großstadt", kind="city"))
    photo = add_record(catalog, 1, "1.jpg")
    add_record(catalog, 2, "2.jpg")
    catalog.conn.execute("UPDATE photos SET place_id = ? WHERE id = ?", (place, photo))
    apply_edit(catalog, [photo], {"keywords": ["Straße"], "persons_shown": ["Anna Weiß"], "caption": "Große Straße 5"})
    for text in FOLDED_ALIKE:
        assert _ids(catalog, text) == [photo], text
    on_sqlite = dialect(catalog.conn) == "sqlite"
    for text in FOLDED_ON_SQLITE_ONLY:
        assert _ids(catalog, text) == ([photo] if on_sqlite else []), text
    assert _ids(catalog, "strasse") == _ids(catalog, '"grosse strasse"') == []  # the text search, on both


@pytest.mark.parametrize("name", HAS_NAMES)
def test_has_every_field_on_both(archive: tuple[Catalog, dict[str, int]], name: str) -> None:
    """has:NAME for every name it knows (every curated field, gps, place): a text, a list, a
    structure, a date or a number, set in the photos that give it a value."""
    expected = {photo for photo, values in PHOTOS.items() if values.get(name)}
    assert _matching(archive, f"has:{name}") == expected
    assert _matching(archive, f"-has:{name}") == ALL - expected


def test_a_compile_holds_while_what_it_read_is_unchanged(catalog: Catalog) -> None:
    # The window compiles a filter ahead of its debounce and takes it while ``compiled_over``
    # is the same: SQLite's compile looks a place's places up (their ids are in its SQL), a
    # server's reads nothing (the server looks them up as it reads the page).
    photo = add_record(catalog, 1, "1.jpg")
    before = compiled_over(catalog.conn)
    query = compile_filter(catalog.conn, "place:Atlantis", page=100, order="captured")
    assert _ids(catalog, "place:Atlantis") == []
    assert compiled_over(catalog.conn) == before  # reading changes nothing
    place = insert_place(catalog, Place("Atlantis", kind="island"))
    apply_edit(catalog, [photo], {"place_id": place})
    found = photo_page(catalog.conn, search=query.search, where=query.where, limit=None).ids
    if dialect(catalog.conn) == "postgresql":
        assert before is None and compiled_over(catalog.conn) is None and found == [photo]
    else:
        assert compiled_over(catalog.conn) != before and found == []  # so it is compiled again
    assert _ids(catalog, "place:Atlantis") == [photo]
