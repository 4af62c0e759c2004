"""Full-text search over every text a photo carries, in any script.

``photos_fts`` holds one row per photo with all its text joined; its rowid is the photo's
*search key* (``search_keys``: photo id <-> key), an integer that sorts as the capture order
does, so that FTS5, which returns its matches in rowid order, gives a search's first page in
capture order and stops there ("search keys" below). The trigram tokenizer matches
substrings of three or more characters in Latin, Cyrillic or
Japanese alike; shorter terms (a two-character Japanese word such as 戦車) fall back to
LIKE over the same table, which is still one pass over an index-sized table.

Other parts of the catalog add their text by declaring it in ``SOURCES``, which each dialect
writes as a scalar subquery over photo ``p`` returning text or NULL (``TEXT_SOURCES``: SQLite's).
On a PostgreSQL server every public function here hands over to ``catalog.search_pg`` (no FTS5
there, no search keys: a trigram index and a btree on the capture order).
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import cast

from photoarchive.catalog import search_pg
from photoarchive.catalog.connection import Connection, Cursor, chunked, set_setting, setting
from photoarchive.catalog.connection import dialect as dialect_of
from photoarchive.catalog.dialect import concat_agg, json_values, nocase
from photoarchive.catalog.keyword_index import TABLE as KEYWORD_INDEX
from photoarchive.catalog.keyword_index import reindex_keywords
from photoarchive.catalog.location import Dialect
from photoarchive.catalog.marked_photos import TABLE as MARKED_PHOTOS
from photoarchive.catalog.marked_photos import reindex_marked

# What a photo's search text is made of, declared once and written in each dialect's SQL
# (``render_source``): ("column", name) a column of ``photos``; ("json_list", name) the texts of
# a JSON list column; ("json_texts", name) every text inside a JSON document column;
# ("places", None) the names of the photo's place and of the places containing it;
# ("translations", None) the photo's fields in the other languages.
SOURCES: list[tuple[str, str | None]] = [
    *(
        ("column", name)
        for name in (
            "original_name",
            "source_path",
            "camera_make",
            "camera_model",
            # Curated fields (0002_curated_fields).
            "title",
            "headline",
            "caption",
            "alt_text",
            "caption_writer",
            "creator",
            "creator_job_title",
            "credit",
            "source",
            "copyright",
            "usage_terms",
            "web_statement",
            "instructions",
            "date_created",
            "event",
            "event_date",
            "sublocation",
            "city",
            "state",
            "country",
            "country_code",
            "job_id",
        )
    ),
    ("json_list", "keywords"),
    ("json_list", "hierarchical_keywords"),
    # Names in every language of the photo's place and of the places containing it, so that
    # "Шумшу" finds a photo of Height 171 on Shumshu (0004_places; catalog/places.py).
    ("places", None),
    # Descriptive values found in the file on import (caption, keywords, credits...).
    ("json_texts", "embedded"),
    # Title, headline, caption and alt text in the other languages (0014_translations).
    ("translations", None),
    # The IPTC properties of issue 16 (0016_iptc_properties): the extended description, the
    # persons shown, the digital source type's URI (its term is a word of it: negativeFilm),
    # and every text of the structured ones (artworks, location created, contributors,
    # licensors, copyright owners, the creator's contact info, the names in image regions).
    ("column", "extended_description"),
    ("json_list", "persons_shown"),
    ("column", "digital_source_type"),
    ("json_texts", "artworks"),
    ("json_texts", "location_created"),
    ("json_texts", "contributors"),
    ("json_texts", "licensors"),
    ("json_texts", "copyright_owners"),
    ("json_texts", "creator_contact_info"),
    ("json_texts", "image_regions"),
]


def render_source(dialect: Dialect, kind: str, column: str | None) -> str:
    """One of ``SOURCES`` as a SQL expression over the photos row aliased ``p`` that returns
    text or NULL, in ``dialect``. The texts of a list or a document are joined by spaces (on
    PostgreSQL a document's in jsonb's key order, which matters only to a phrase spanning two)."""
    if kind == "column":
        return f"p.{column}"
    if dialect == "sqlite":
        if kind == "json_list":
            return f"(SELECT group_concat(value, ' ') FROM json_each(p.{column}))"
        if kind == "json_texts":
            return f"(SELECT group_concat(value, ' ') FROM json_tree(p.{column}) WHERE type = 'text')"
    elif kind == "json_list":
        return f"(SELECT string_agg(v.value, ' ') FROM {json_values(dialect, f'p.{column}', 'v')})"
    elif kind == "json_texts":  # every string in the document, itself included ($.** starts at $)
        return (
            f"(SELECT string_agg(v #>> '{{}}', ' ') FROM jsonb_path_query((p.{column})::jsonb, 'strict $.**') AS v"
            " WHERE jsonb_typeof(v) = 'string')"
        )
    if kind == "places":
        return (
            "(WITH RECURSIVE up(id, depth) AS (SELECT p.place_id, 0 UNION ALL SELECT pl.parent_id, up.depth + 1"
            " FROM places pl JOIN up ON pl.id = up.id WHERE pl.parent_id IS NOT NULL AND up.depth < 64)"
            f" SELECT {concat_agg(dialect, 't')} FROM (SELECT pl.name AS t FROM places pl JOIN up ON pl.id = up.id"
            " UNION ALL SELECT n.name FROM place_names n JOIN up ON n.place_id = up.id)"
            + (" AS names)" if dialect == "postgresql" else ")")
        )
    if kind == "translations":
        return f"(SELECT {concat_agg(dialect, 't.value')} FROM translations t WHERE t.photo_id = p.id)"
    raise ValueError(f"unknown kind of search text {kind!r}")


# Each entry is a SQL expression over the photos row aliased ``p`` (SQLite's rendering of
# ``SOURCES``; its text is what ``_signature`` hashes, so a change to it rebuilds the index).
TEXT_SOURCES: list[str] = [render_source("sqlite", kind, column) for kind, column in SOURCES]


def text_sources(dialect: Dialect) -> list[str]:
    """``TEXT_SOURCES`` in ``dialect``'s SQL."""
    if dialect == "sqlite":
        return TEXT_SOURCES
    return [render_source(dialect, kind, column) for kind, column in SOURCES]


def search_text(dialect: Dialect) -> str:
    """A photo's whole search text in ``dialect``'s SQL: its ``text_sources`` joined by spaces."""
    return " || ' ' || ".join(f"coalesce({source}, '')" for source in text_sources(dialect))


# -- search keys ------------------------------------------------------------------------------
#
# A photo's key is (second << KEY_LOW_BITS) + a low part that makes it unique, where the second
# is its ``coalesce(captured_at, imported_at)`` read as a naive date and time (the offset is
# ignored, as the text order ignores it) in seconds from 1970: negative before 1970, from the
# year 1 to 9999. The low part is the photo id modulo 2**KEY_LOW_BITS (the next free one when two
# photos of the same second share it), so the key orders by the second only: within a second,
# the capture order (the text, then the id) is restored by sorting that second's matches
# (``_keyed_page_query``). The second never decreases along the capture order for the dates
# this reads ("YYYY-MM-DD", "YYYY-MM-DDTHH:MM", "YYYY-MM-DDTHH:MM:SS" and anything after
# the seconds); a text of another shape gets an inexact key, and while the catalog holds one,
# pages are read by today's index walk instead (``keys_exact``).
KEY_LOW_BITS = 25
KEY_COLUMNS = ("captured_at", "imported_at")  # what a key is made of: a change of either rekeys
_LOW_MASK = (1 << KEY_LOW_BITS) - 1
_INEXACT_SECOND = -(1 << 37)  # below the year 1: inexact keys sort first, apart from the rest
_EPOCH = datetime(1970, 1, 1)
_SHAPES = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?")


def sort_second(text: str | None) -> int | None:
    """The second of the capture order for a date text, or None when its shape is not one whose
    text order the second follows (then the key is inexact)."""
    found = _SHAPES.match(text or "")
    if found is None or (found.end() < len(text or "") and found.group(6) is None):
        return None  # "YYYY-MM-DD" and "YYYY-MM-DDTHH:MM" only whole: "2015-08-10X" sorts after 10T23:59
    try:
        year, month, day, hour, minute, second = (int(part or 0) for part in found.groups())
        when = datetime(year, month, day, hour, minute, second)
    except ValueError:  # 2015-02-30, 24:00...
        return None
    return (when - _EPOCH) // timedelta(seconds=1)


# Set (in ``settings``) once a key's low part is not its photo's id: then a key is turned into
# its photo id through ``search_keys``, not by taking the low bits (``fts_photo_ids``).
_NOT_IDS = "search_keys_not_ids"


def _assign_keys(conn: sqlite3.Connection, rows: Sequence[tuple[int, str | None]]) -> None:
    """Give each (photo id, date text) a free key in ``search_keys``."""
    taken = conn.execute
    for photo_id, text in rows:
        second = sort_second(text)
        base = (_INEXACT_SECOND if second is None else second) << KEY_LOW_BITS
        low = photo_id & _LOW_MASK
        key = base | low
        while taken("SELECT 1 FROM search_keys WHERE key = ?", (key,)).fetchone() is not None:
            low = (low + 1) & _LOW_MASK  # another photo of this second has it (ids 2**25 apart)
            key = base | low
        if low != photo_id:
            conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, '1')", (_NOT_IDS,))
        conn.execute(
            "INSERT INTO search_keys (photo_id, key, exact) VALUES (?, ?, ?)", (photo_id, key, second is not None)
        )


# The characters whose casefold holds an ASCII character (ß -> ss, the Kelvin sign -> k, the
# ligatures...), as Python 3.11's Unicode tables have them (a test checks every code point).
# A text holding none of them holds an ASCII word, whatever the case, where SQLite's LIKE finds
# it (``filters._contains_sql``).
FOLDS_TO_ASCII = (
    "\u00df\u0130\u0149\u017f\u01f0\u1e96\u1e97\u1e98\u1e99\u1e9a\u1e9e\u212a\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"
)
# The characters the text index (FTS5's trigram tokenizer, as SQLite 3.40 builds it) folds
# otherwise than Python's casefold: ß, İ, the ligatures, letters newer than its Unicode tables
# (a test asks the running SQLite of every character that folds). A text holding none of them
# holds a word's fold where the index finds it, so a keyword's fold can narrow through the index
# (``filters._keyword_narrowing``).
UNFAITHFUL = (
    "\u00df\u0130\u0149\u01f0\u037f\u0390\u03b0\u0528\u052a\u052c\u052e\u0587\u13f8-\u13fd\u1c80-\u1c88"
    "\u1c90-\u1cba\u1cbd-\u1cbf\u1e96-\u1e9a\u1e9e\u1f50\u1f52\u1f54\u1f56\u1f80-\u1faf\u1fb2-\u1fb4"
    "\u1fb6\u1fb7\u1fbc\u1fc2-\u1fc4\u1fc6\u1fc7\u1fcc\u1fd2\u1fd3\u1fd6\u1fd7\u1fe2-\u1fe4\u1fe6\u1fe7"
    "\u1ff2-\u1ff4\u1ff6\u1ff7\u1ffc\u2c2f\ua698\ua69a\ua796\ua798\ua79a\ua79c\ua79e\ua7ab-\ua7ae"
    "\ua7b0-\ua7b4\ua7b6\ua7b8\ua7ba\ua7bc\ua7be\ua7c0\ua7c2\ua7c4-\ua7c7\ua7c9\ua7d0\ua7d6\ua7d8\ua7f5"
    "\uab70-\uabbf\ufb00-\ufb06\ufb13-\ufb17\U000104b0-\U000104d3\U00010570-\U0001057a"
    "\U0001057c-\U0001058a\U0001058c-\U00010592\U00010594\U00010595\U00010c80-\U00010cb2"
    "\U000118a0-\U000118bf\U00016e40-\U00016e5f\U0001e900-\U0001e921"
)
# ``search_keys.folds`` (0017_search_folds) is 1 for a text holding a character of either: the
# filters that test photos one by one ask Python of those texts alone, and a keyword narrows
# through the index while no text holds one (``unmarked``).
_FOLDING = re.compile(f"[{FOLDS_TO_ASCII}{UNFAITHFUL}]")
HOLDS_FOLDING = "photoarchive_holds_folding"  # (text): 1 when it holds a character of _FOLDING
# The most marked texts ``unmarked`` looks through for the characters it is asked of.
MARKED_READ = 1000


def _holds_folding(text: object) -> int:
    return int(isinstance(text, str) and _FOLDING.search(text) is not None)


def mark_folds(conn: sqlite3.Connection, where: str = "TRUE", params: Sequence[object] = ()) -> None:
    """Set ``folds`` of the search keys ``where`` (over ``search_keys``) from their photos'
    indexed text: after the text is written, in its transaction."""
    conn.create_function(HOLDS_FOLDING, 1, _holds_folding, deterministic=True)
    conn.execute(
        f"UPDATE search_keys SET folds = {HOLDS_FOLDING}((SELECT f.c0 FROM photos_fts_content f"
        f" WHERE f.id = search_keys.key)) WHERE {where}",
        params,
    )


def unmarked(conn: sqlite3.Connection, characters: str) -> bool:
    """Whether no photo's indexed text holds any of ``characters``, each one the marks follow
    (``_FOLDING``): known from the texts marked alone, when there are at most ``MARKED_READ``
    (a few photos with a ligature do not keep ``keyword:туман`` from the index; a German
    archive's thousands with ß do, for the words ß could stand in)."""
    if not characters or not all(_FOLDING.match(c) for c in characters):
        return False
    held = " OR ".join("instr(f.c0, ?)" for _ in characters)
    read, holding = conn.execute(
        f"SELECT count(*), coalesce(sum(h), 0) FROM (SELECT ({held}) AS h FROM search_keys k"
        f" JOIN photos_fts_content f ON f.id = k.key WHERE k.folds LIMIT {MARKED_READ + 1})",
        list(characters),
    ).fetchone()
    return int(read) <= MARKED_READ and not holding


def reindex_photos(conn: Connection, photo_ids: Sequence[int]) -> None:
    """Rebuild the search text and key of these photos, and their rows of the keyword index
    (``catalog.keyword_index``) and of the marked photos (``catalog.marked_photos``): call
    inside the transaction that changed them (an edit, an undo, a reread, an import), so that
    a new date moves the photo at once."""
    if dialect_of(conn) == "postgresql":
        return search_pg.reindex_photos(conn, photo_ids, search_text("postgresql"))
    assert isinstance(conn, sqlite3.Connection)
    text = search_text("sqlite")
    for chunk in chunked(photo_ids):
        marks = ", ".join("?" * len(chunk))
        conn.execute(
            f"DELETE FROM photos_fts WHERE rowid IN (SELECT key FROM search_keys WHERE photo_id IN ({marks}))", chunk
        )
        conn.execute(f"DELETE FROM search_keys WHERE photo_id IN ({marks})", chunk)
        dates = conn.execute(
            f"SELECT p.id, coalesce(p.captured_at, p.imported_at) FROM photos p WHERE p.id IN ({marks})", chunk
        ).fetchall()
        _assign_keys(conn, dates)
        conn.execute(
            f"INSERT INTO photos_fts (rowid, text) SELECT k.key, {text} FROM photos p"
            f" JOIN search_keys k ON k.photo_id = p.id WHERE p.id IN ({marks})",
            chunk,
        )
        mark_folds(conn, f"photo_id IN ({marks})", chunk)
        reindex_keywords(conn, chunk)
        reindex_marked(conn, chunk)


def reindex_all(conn: Connection) -> None:
    if dialect_of(conn) == "postgresql":
        return search_pg.reindex_all(conn, search_text("postgresql"))
    assert isinstance(conn, sqlite3.Connection)
    ids = [row[0] for row in conn.execute("SELECT id FROM photos")]
    conn.execute("DELETE FROM photos_fts")
    conn.execute("DELETE FROM search_keys")
    conn.execute(f"DELETE FROM {KEYWORD_INDEX}")
    conn.execute(f"DELETE FROM {MARKED_PHOTOS}")
    conn.execute("DELETE FROM settings WHERE key = ?", (_NOT_IDS,))
    reindex_photos(conn, ids)


def rekey_all(conn: sqlite3.Connection) -> None:
    """Give every photo its key and move its search text, already indexed under its photo id,
    to that key (0011_search_keys: the text is moved, not rebuilt, when it is current)."""
    conn.execute("DELETE FROM search_keys")
    conn.execute("DELETE FROM settings WHERE key = ?", (_NOT_IDS,))
    _assign_keys(conn, conn.execute("SELECT id, coalesce(captured_at, imported_at) FROM photos ORDER BY id").fetchall())
    conn.execute("CREATE VIRTUAL TABLE photos_fts_keyed USING fts5(text, tokenize = 'trigram')")
    # In key order: FTS5 appends rowids that only grow far faster than it inserts scattered ones.
    moved = conn.execute(
        "INSERT INTO photos_fts_keyed (rowid, text) SELECT k.key, f.text FROM search_keys k"
        " JOIN photos_fts f ON f.rowid = k.photo_id ORDER BY k.key"
    ).rowcount
    conn.execute("DROP TABLE photos_fts")
    conn.execute("ALTER TABLE photos_fts_keyed RENAME TO photos_fts")
    if moved != conn.execute("SELECT count(*) FROM photos").fetchone()[0]:
        # A photo had no text indexed: it has its key, and the whole index is rebuilt once the
        # catalog's migrations have run (``ensure_index_current`` as it opens), as today's text
        # reads tables later migrations make (0014's translations).
        conn.execute("DELETE FROM settings WHERE key = 'search_signature'")


def keys_exact(conn: Connection) -> bool:
    """Whether every photo's key follows the capture order (no date text of another shape);
    False on a server, which has no search keys."""
    if dialect_of(conn) == "postgresql":
        return False
    return conn.execute("SELECT NOT EXISTS (SELECT 1 FROM search_keys WHERE NOT exact)").fetchone()[0] == 1


def fts_photo_ids(clause: str) -> str:
    """A subquery of the photo ids whose search text meets ``clause`` (a ``match_clause``):
    write ``p.id IN (<this>)`` (the FTS rowid is the search key, not the photo id).

    A key's low bits are its photo's id while every id is below 2**KEY_LOW_BITS (33 million) and
    no two photos of a second shared them: the ids are then read off the keys, which keeps a
    search listing every match as fast as it was with the photo id as the rowid (a lookup in
    ``search_keys`` per match cost a third more: 351,536 matches of "tank")."""
    by_key = "(SELECT k.photo_id FROM search_keys k WHERE k.key = photos_fts.rowid)"
    low_bits = f"photos_fts.rowid & {_LOW_MASK}"
    decided = f"NOT EXISTS (SELECT 1 FROM settings WHERE key = '{_NOT_IDS}')"
    return f"SELECT CASE WHEN {decided} THEN {low_bits} ELSE {by_key} END FROM photos_fts WHERE {clause}"


def _signature() -> str:
    return hashlib.sha256("\n".join(TEXT_SOURCES).encode()).hexdigest()


def index_is_current(conn: Connection) -> bool:
    return setting(conn, "search_signature") == _signature()


def ensure_index_current(conn: Connection) -> bool:
    """Rebuild the whole index if it was built from other TEXT_SOURCES (a new version added a
    field to search); return whether it did. Call inside a write transaction."""
    if index_is_current(conn):
        return False
    reindex_all(conn)
    set_setting(conn, "search_signature", _signature())
    return True


def match_clause(query: str, *, dialect: Dialect = "sqlite") -> tuple[str, list[str]]:
    """A WHERE clause over photos_fts for a query: every whitespace-separated term must occur.

    The clause has the same size for any number of terms (a pasted page of a thousand words
    is a search like any other): the long terms are one FTS5 expression (an implicit AND of
    phrases), the short ones one LIKE over a JSON list of patterns, not one LIKE each (SQLite
    refuses an expression of a thousand ANDs: "Expression tree is too large"). A term given
    twice counts once. On PostgreSQL: ``search_pg.match_clause`` (over ``photos_fts t``).
    """
    if dialect == "postgresql":
        return search_pg.match_clause(query)
    terms = list(dict.fromkeys(query.split()))
    long_terms = ['"' + t.replace('"', '""') + '"' for t in terms if len(t) >= 3]
    short_terms = [t for t in terms if len(t) < 3]
    clauses, params = [], []
    if long_terms:
        clauses.append("photos_fts MATCH ?")
        params.append(" ".join(long_terms))
    if short_terms:
        clauses.append("NOT EXISTS (SELECT 1 FROM json_each(?) AS term WHERE text NOT LIKE term.value ESCAPE '\\')")
        params.append(json.dumps([search_pg.escape_like(t) for t in short_terms], ensure_ascii=False))
    return " AND ".join(clauses) or "1", params


# -- pages of results -----------------------------------------------------------------------
#
# A window over a million photos shows its first screen from a query that stops after one
# page: the rows are read in the order of the sort key by walking that key's index (0007_sort_
# indexes), and the next page starts after the last key seen (keyset paging: no OFFSET, so a
# page deep in the list costs what the first does). How many there are is counted apart.


def page_key(dialect: Dialect, order: str) -> str | None:
    """The sort key of ``order`` over photo ``p`` without the id (the id breaks ties), in
    ``dialect``'s SQL; None for import order (the id alone). ``catalog.order_by`` is made of it,
    so pages and a full listing agree row for row."""
    if order == "captured":
        return "coalesce(p.captured_at, p.imported_at)"
    if order == "name":
        return nocase(dialect, "p.original_name")
    if order == "imported":
        return None
    raise ValueError(f"unknown sort order {order!r}")


# order -> (its ``page_key`` on SQLite, the index walking it).
PAGE_ORDERS: dict[str, tuple[str | None, str | None]] = {
    "captured": (page_key("sqlite", "captured"), "photos_sort_captured"),
    "imported": (None, None),
    "name": (page_key("sqlite", "name"), "photos_sort_name"),
}
# A search with at least this many matches per row of the page is read by walking the sort
# index (the matches are common, so a page comes after a short walk); a rarer one by sorting
# its matches, which are then few.
DENSE_FACTOR = 20

Key = tuple[object, ...]
# More WHERE terms over photo ``p`` and their parameters, ANDed with the search (a filter's:
# ``catalog.filters``).
Terms = tuple[Sequence[str], Sequence[object]]


class Marked(str):
    """A WHERE term of ``Terms`` over photo ``p`` (its text: the term as any reader takes it)
    that can also be written over a row ``r`` of the marked photos (``catalog.marked_photos``),
    with the same parameters in the same order: ``marked``. A page walking the marked photos
    (``_merged_page_query``) tests it there, reading no photo's row (a word in the text, a
    label, a flag, a place, the page's start)."""

    marked: str

    def __new__(cls, sql: str, marked: str) -> Marked:
        term = super().__new__(cls, sql)
        term.marked = marked
        return term


def negated(term: str) -> str:
    """``NOT term``, a NULL counting as false, as a ``Marked`` term when ``term`` is one."""
    sql = f"NOT coalesce({term}, 0)"
    return Marked(sql, f"NOT coalesce({term.marked}, 0)") if isinstance(term, Marked) else sql


class Alternatives(str):
    """A WHERE term of ``Terms`` without parameters (its text: the term whole, as any reader
    takes it) holding the photos of some marks (``marks``, as the marked photos' rows name them
    and as SQL literals: ``'rating:4'``, ``'label:red'``), each of which the marked photos
    (``catalog.marked_photos``) give in capture order with their text. A page in capture order
    then walks each mark's rows in that order and merges the walks (``_merged_page_query``),
    stopping after a page of matches, rather than reading every photo of the term and sorting
    them (``tank rating>=4``: the 1,152 photos rated 4 or 5 read and their text tested, for a
    page of 100)."""

    marks: tuple[str, ...]

    def __new__(cls, sql: str, marks: Sequence[str]) -> Alternatives:
        term = super().__new__(cls, sql)
        term.marks = tuple(marks)
        return term


# The index giving each place's photos in capture order (0021_place_order).
PLACE_ORDER_INDEX = "photos_place_captured"


class Placed(str):
    """A WHERE term of ``Terms`` without parameters (its text: the term whole, as any reader
    takes it) holding the photos at some places (``places``: their ids), each of which the
    place's capture-order index (``PLACE_ORDER_INDEX``) gives in capture order. A page in
    capture order then walks each place's index entries from the page's start and merges the
    walks (``_placed_page_query``), rather than reading every photo at those places and sorting
    them (``place:Paramushir``, 10,000 photos of a million: 23 -> 0.2 ms a page of 200)."""

    places: tuple[int, ...]

    def __new__(cls, sql: str, places: Sequence[int]) -> Placed:
        term = super().__new__(cls, sql)
        term.places = tuple(int(place) for place in places)
        return term


class Listed(str):
    """A WHERE term of ``Terms`` (its text: the term whole, as any reader takes it) holding the
    photos whose keyword index rows (``catalog.keyword_index``) have ``word``; its one parameter
    is the word. A page in capture order with no text searched walks those rows, which are in
    that order, testing the other terms on the way (``_listed_page_query``), rather than the
    capture index testing every photo's keywords (keyword:туман: 1,700 photos for 200)."""

    def __new__(cls) -> Listed:
        return super().__new__(
            cls, f"EXISTS (SELECT 1 FROM {KEYWORD_INDEX} kw WHERE kw.photo_id = p.id AND kw.word = ?)"
        )


@dataclass(frozen=True)
class Page:
    """Ids in order, and where the next page starts (None when this page ends the list)."""

    ids: list[int]
    after: Key | None


def photo_page(
    conn: Connection,
    *,
    search: str = "",
    order: str = "captured",
    batch: int | None = None,
    after: Key | None = None,
    limit: int | None = 1000,
    where: Terms | None = None,
) -> Page:
    """Up to ``limit`` ids of the photos matching ``search`` (and in ``batch``, and meeting the
    terms ``where``), in ``order``,
    starting after the keyset position ``after`` (a previous page's ``after``); ``limit=None``
    reads to the end. Costs about one page of index rows however big the catalog is."""
    if order not in PAGE_ORDERS:
        raise ValueError(f"unknown sort order {order!r}")
    key = page_key(dialect_of(conn), order)
    columns = "p.id" if key is None or limit is None else f"p.id, {key}"  # read to the end: no next key
    sql, params = _query(conn, search, order, batch, after, limit, columns, where)
    if limit is None:  # a million ids: one int each, not a row tuple with its key
        return Page([int(r[0]) for r in conn.execute(sql, params)], None)
    rows = conn.execute(sql, params).fetchall()
    ids = [int(r[0]) for r in rows]
    last: Key | None = None
    if rows and len(rows) == limit:
        last = (int(rows[-1][0]),) if key is None else (rows[-1][1], int(rows[-1][0]))
    return Page(ids, last)


def photo_rows(
    conn: Connection,
    *,
    search: str = "",
    order: str = "captured",
    batch: int | None = None,
    after: Key | None = None,
    limit: int | None = None,
    columns: str = "p.*",
    where: Terms | None = None,
) -> Cursor:
    """The query of ``photo_page`` giving ``columns`` of each photo ``p`` instead of its id, as a
    cursor: the rows are read as they are fetched, so a listing to the end holds no list of every
    match and reads each row once (not its id, then the row by id)."""
    if order not in PAGE_ORDERS:
        raise ValueError(f"unknown sort order {order!r}")
    return conn.execute(*_query(conn, search, order, batch, after, limit, columns, where))


def _query(
    conn: Connection,
    search: str,
    order: str,
    batch: int | None,
    after: Key | None,
    limit: int | None,
    columns: str,
    terms: Terms | None,
) -> tuple[str, list[object]]:
    """The SQL and parameters of a page in the connection's dialect."""
    if dialect_of(conn) == "postgresql":
        filters = photo_filters("", batch, terms, dialect="postgresql")
        return search_pg.page_query(search, order, page_key("postgresql", order), after, limit, columns, filters)
    assert isinstance(conn, sqlite3.Connection)
    return _page_query(conn, search, order, batch, after, limit, columns, terms)


def _page_query(
    conn: sqlite3.Connection,
    search: str,
    order: str,
    batch: int | None,
    after: Key | None,
    limit: int | None,
    columns: str,
    terms: Terms | None = None,
) -> tuple[str, list[object]]:
    """The SQL and parameters of a page (``photo_page``, ``photo_rows``)."""
    key, index = PAGE_ORDERS[order]
    if order == "captured" and search.strip() and limit is not None and keys_exact(conn):
        keyed = _keyed_page_query(search, batch, after, limit, columns, terms)
        if keyed is not None:
            return keyed
    where, params = photo_filters(search, batch, terms)
    if after is not None:
        if key is None:
            where.append("p.id > ?")
            params.append(after[-1])
        else:  # (key, id) > after, written so that the index's range on the key is used
            start = f"{key} >= ? AND ({key} > ? OR p.id > ?)"
            if order == "captured":  # the marked photos' rows are in that order too
                start = Marked(start, "r.sort >= ? AND (r.sort > ? OR r.photo_id > ?)")
            where.append(start)
            params.extend([after[0], after[0], after[-1]])
    if order == "captured" and not search.strip():
        merged = next((i for i, term in enumerate(where) if isinstance(term, Alternatives)), None)
        if merged is not None and limit is not None:
            return _merged_page_query(where, params, merged, limit, columns)
        placed = next((i for i, term in enumerate(where) if isinstance(term, Placed)), None)
        if placed is not None and limit is not None:
            return _placed_page_query(where, params, placed, limit, columns)
        listed = next((i for i, term in enumerate(where) if isinstance(term, Listed)), None)
        if listed is not None:  # a page, or the rest of the list after it (list's)
            return _listed_page_query(where, params, listed, after, limit, columns)
    walk = ""
    if search.strip() and limit is not None and _dense(conn, search, limit):
        walk = f" INDEXED BY {index}" if index is not None else ""
        if all(len(term) < 3 for term in search.split()):
            # Only LIKE terms: each row walked is tested by its key, rather than testing every
            # row of the catalog up front to build the list of matches.
            clause = match_clause(search)[0]
            position = where.index(f"p.id IN ({fts_photo_ids(clause)})")
            where[position] = (
                "EXISTS (SELECT 1 FROM photos_fts WHERE photos_fts.rowid ="
                f" (SELECT key FROM search_keys WHERE photo_id = p.id) AND {clause})"
            )
    sql = f"SELECT {columns} FROM photos p{walk} WHERE {' AND '.join(where)} ORDER BY {key + ', ' if key else ''}p.id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return sql, params


def _merged_page_query(
    where: list[str], params: list[object], position: int, limit: int, columns: str
) -> tuple[str, list[object]]:
    """A page in capture order of a filter holding ``Alternatives`` at ``where[position]`` (the
    page's start among ``where``, as ``_page_query`` writes it): one SELECT a mark, each
    walking that mark's rows of the marked photos in capture order (``r.sort``, then the photo
    id: the page's order), the other terms tested on the way, over the row where they are
    ``Marked`` (a word in its text, a label, a flag), over the photo's own row where not (joined
    only then); merged by SQLite as a compound ordered by the capture key (co-routines: the
    walks are read side by side, and the merge stops after ``limit`` rows); then the
    ``columns`` of the page's photos read by id and put in that order again."""
    return _merged_walks(marked_walks(where, position), params, limit, columns)


def _merged_walks(arms: list[str], params: list[object], limit: int, columns: str) -> tuple[str, list[object]]:
    """The walks ``arms`` (each a SELECT of ``id`` and the capture key ``k`` in that order, with
    ``params``) merged by SQLite as a compound ordered by the key, stopping after ``limit``
    rows; then the ``columns`` of those photos read by id and put in that order again."""
    sql = f"SELECT {columns} FROM ({merged(arms, limit)}) AS o CROSS JOIN photos p ON p.id = o.id ORDER BY o.k, o.id"
    return sql, params * len(arms)


def merged(arms: Sequence[str], limit: int) -> str:
    """The walks ``arms`` (SELECTs of ``k`` and ``id``, each in that order) as one compound
    ordered by the key, stopping after ``limit`` rows (SQLite merges them side by side)."""
    return f"{' UNION ALL '.join(arms)} ORDER BY k, id LIMIT {int(limit)}"


def marked_walks(where: Sequence[str], position: int, columns: str = "r.photo_id AS id, r.sort AS k") -> list[str]:
    """A SELECT of ``columns`` for each mark of the ``Alternatives`` at ``where[position]``,
    walking its rows of the marked photos ``r`` in capture order, with the other terms of
    ``where``, over ``r`` where they are ``Marked``, over the photo ``p`` (joined only then)
    where not (the parameters: the terms', an arm's after the other's)."""
    alternatives = cast(Alternatives, where[position])
    others = _besides(where, position)
    tested = [term.marked if isinstance(term, Marked) else term for term in others]
    joined = "" if all(isinstance(term, Marked) for term in others) else " CROSS JOIN photos p ON p.id = r.photo_id"
    return [
        f"SELECT {columns} FROM {MARKED_PHOTOS} r{joined} WHERE " + " AND ".join([f"r.mark = {mark}", *tested])
        for mark in alternatives.marks
    ]


def _besides(where: Sequence[str], position: int) -> list[str]:
    """The terms of ``where`` a walk of ``where[position]`` tests on the way (TRUE left out)."""
    return [term for i, term in enumerate(where) if i != position and term != "TRUE"]


def _placed_page_query(
    where: list[str], params: list[object], position: int, limit: int, columns: str
) -> tuple[str, list[object]]:
    """A page in capture order of a filter holding ``Placed`` at ``where[position]`` (the page's
    start among ``where``, as ``_page_query`` writes it): one SELECT a place, each walking that
    place's entries of ``PLACE_ORDER_INDEX`` in capture order from the page's start, the other
    terms tested on the way (over the photo's row, read only for a term the index does not
    hold); merged as the marks' walks are (``_merged_walks``)."""
    key = PAGE_ORDERS["captured"][0]
    placed = cast(Placed, where[position])
    others = _besides(where, position)
    arms = [
        f"SELECT p.id AS id, {key} AS k FROM photos p INDEXED BY {PLACE_ORDER_INDEX} WHERE "
        + " AND ".join([f"p.place_id = {place}", *others])
        for place in placed.places
    ]
    return _merged_walks(arms, params, limit, columns)


def _listed_page_query(
    where: list[str], params: list[object], position: int, after: Key | None, limit: int | None, columns: str
) -> tuple[str, list[object]]:
    """A page in capture order (``limit`` None: to the end) of a filter holding a ``Listed`` term
    at ``where[position]`` (the page's start among ``where``, as ``_page_query`` writes it): the
    word's rows of the keyword index walked in their order (``kw.sort`` is the capture key
    ``PAGE_ORDERS["captured"]``, then the photo id: the page's order), from the page's start,
    each photo's other terms tested by its id."""
    walked = [*where[:position], "kw.word = ?", *where[position + 1 :]]
    start = ""
    if after is not None:  # seeks to the start in the word's rows; the page's own term decides
        start = " AND kw.sort >= ?"
        params = [*params, after[0]]
    sql = (
        f"SELECT {columns} FROM {KEYWORD_INDEX} kw CROSS JOIN photos p ON p.id = kw.photo_id"
        f" WHERE {' AND '.join(walked)}{start} ORDER BY kw.sort, kw.photo_id"
    )
    return (sql if limit is None else f"{sql} LIMIT {int(limit)}"), params


def _keyed_page_query(
    search: str, batch: int | None, after: Key | None, limit: int, columns: str, terms: Terms | None = None
) -> tuple[str, list[object]] | None:
    """A page of a search in capture order read from the FTS index in key order: FTS5 gives its
    matches in rowid order, so it stops after ``limit`` of them (however many match), then
    reads the rest of the last one's second (the key orders by the second only) and sorts that
    short list by the capture order itself. None when ``after`` has no second (the caller then
    reads the page as before)."""
    sort = PAGE_ORDERS["captured"][0]
    clause, clause_params = match_clause(search)
    where, params = photo_filters("", batch, terms)
    where.append(clause)
    params.extend(clause_params)
    if after is not None:
        second = sort_second(str(after[0]))
        if second is None:
            return None
        where.append(f"({sort}, p.id) > (?, ?) AND photos_fts.rowid >= ?")
        params.extend([after[0], after[-1], second << KEY_LOW_BITS])
    # CROSS JOIN: the FTS index is the outer loop (the planner would rather walk the sort index).
    hits = (
        "FROM photos_fts CROSS JOIN search_keys k CROSS JOIN photos p"
        f" WHERE k.key = photos_fts.rowid AND p.id = k.photo_id AND {' AND '.join(where)}"
    )
    # The index is asked twice: for the first ``limit`` keys, then for the rest of the last one's
    # second alone (a range of keys it seeks to), not again from the start (a rare word's first
    # ``limit`` matches span much of the index, which a second pass from the start read again).
    low = "(SELECT low FROM bound)"
    sql = (
        f"WITH first(key) AS MATERIALIZED (SELECT photos_fts.rowid {hits} ORDER BY photos_fts.rowid"
        f" LIMIT {int(limit)}), bound(low) AS MATERIALIZED (SELECT (max(key) >> {KEY_LOW_BITS}) << {KEY_LOW_BITS}"
        f" FROM first), chosen(key) AS (SELECT key FROM first WHERE key < {low} UNION ALL"
        f" SELECT photos_fts.rowid {hits} AND photos_fts.rowid >= {low} AND photos_fts.rowid <= {low} + {_LOW_MASK})"
        f" SELECT {columns} FROM chosen CROSS JOIN search_keys k CROSS JOIN photos p"
        f" WHERE k.key = chosen.key AND p.id = k.photo_id ORDER BY {sort}, p.id LIMIT {int(limit)}"
    )
    return sql, params + params


def count_photos_matching(
    conn: Connection, *, search: str = "", batch: int | None = None, where: Terms | None = None
) -> int:
    """How many photos match ``search`` (and are in ``batch``, and meet ``where``): the count a
    page leaves out."""
    clauses, params = photo_filters(search, batch, where, dialect=dialect_of(conn))
    return int(conn.execute(f"SELECT count(*) FROM photos p WHERE {' AND '.join(clauses)}", params).fetchone()[0])


def photo_filters(
    search: str, batch: int | None, terms: Terms | None = None, *, dialect: Dialect = "sqlite"
) -> tuple[list[str], list[object]]:
    """The WHERE terms (over ``photos p``) and their parameters for a text search and a batch,
    and the ``terms`` given, in ``dialect``'s SQL (``connection.dialect`` of the connection)."""
    where: list[str] = ["TRUE"]
    params: list[object] = []
    if search.strip():
        if dialect == "postgresql":
            clause, clause_params = search_pg.search_filter(search)
        else:
            clause, clause_params = match_clause(search)
            clause = f"p.id IN ({fts_photo_ids(clause)})"
        where.append(clause)
        params.extend(clause_params)
    if batch is not None:
        where.append("p.batch_id = ?")
        params.append(batch)
    if terms is not None:
        where.extend(terms[0])
        params.extend(terms[1])
    return where, params


def _dense(conn: sqlite3.Connection, search: str, limit: int) -> bool:
    """Whether at least one photo in ``DENSE_FACTOR`` matches, judged on the first
    ``limit * DENSE_FACTOR`` photos in key order (so the test costs a page's worth of rows, not
    the catalog)."""
    sample = limit * DENSE_FACTOR
    bound = conn.execute("SELECT key FROM search_keys ORDER BY key LIMIT 1 OFFSET ?", (sample - 1,)).fetchone()
    clause, params = match_clause(search)
    where = clause if bound is None else f"{clause} AND rowid <= {int(bound[0])}"
    sql = f"SELECT count(*) FROM (SELECT rowid FROM photos_fts WHERE {where} LIMIT {int(limit)})"
    return int(conn.execute(sql, params).fetchone()[0]) >= limit
