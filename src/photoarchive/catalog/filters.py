"""Filters as SQL: the terms of ``photoarchive.filters`` as WHERE terms over ``photos p``.

``compile_filter`` gives a ``FilterQuery``: words for the text search (the search module's
full-text index finds them, and its page query walks or sorts as it judges), and WHERE terms
with their parameters for the rest. A keyword or camera token also lends its text to the
search, which narrows the candidates through the index before the exact test runs on them. A
keyword is tested in the keyword index (``catalog.keyword_index``: a row a word a photo), and a
page in capture order with no words searched walks its rows there (``search.Listed``), which
are in that order.

Speed over a million photos: a page is read by walking the sort key's index and stopping
after a page of matches, which is quick when matches are common and slow when they are rare
(``rating>=4`` when a few hundred are rated). So the filter is sampled first on a page's worth
of rows (as ``search._dense`` does; at most ``MAX_SAMPLE``): when it is common, its terms are written with SQLite's
unary ``+`` on the columns, which keeps the planner from choosing their index and leaves it
walking the sort index; when rare, the terms are left plain, so the planner reads the few
matches through the index on rating, label, flag, place or capture date and sorts them.

Words beside terms no index could read (negated, a camera, a keyword: not ``_sargable``) go
to the text search with nothing sampled: its index reads the page whatever their share.
Words beside rare terms are not searched: each of the few photos the terms hold has its text
tested (``tank rating>=4``: of the 1,152 photos rated 4 or 5, not 260,000 with "tank" walked
to find them), unless no index reads the terms (``camera:Leica``: its words are searched).
A rating read through its index with no other indexed term is read one value at a time, each
value's photos in capture order with their text (``catalog.marked_photos``), and the walks
merged (``search.Alternatives``): a page in capture order stops after its matches (some 400
photos tested for 100 with "tank") rather than testing and sorting every one, and its words,
labels, flags and places are tested in those rows (``search.Marked``), not the photos'. A place
beside a rare rating, label, flag or date is looked up in the place's index by photo id.
A phrase is tested in the text of each photo its words find, the text the index stores.
Tests of text are SQLite's own (LIKE, instr) for an ASCII fold and for words no other
character folds into (Japanese); Python is called only for other texts (``_contains_sql``),
as a Python call a row slows the window's paint from the background, and for a word beyond
ASCII (туман) only where the text holds it as written or a character folding into part of
it (``_folding_into_any``).

The window reads a first page of the cells it shows and a screen more (``MainWindow.
_first_screen``, about 200 photos), in the grid's order, and passes both here.

Given the page's order (``order="captured"``), a common label or flag keeps its index (it
gives its photos in capture order), words beside it (or beside ratings read through their
index alone: their merged walks) are tested along that index when its first photos hold them
often enough (``_driven_by_index``), and a filter common enough (one photo in ``VERY_DENSE``)
is tested along the sort index without narrowing words.

A place with no words, keyword, mark or date beside it is read in capture order by walking
each of its places' photos in the place order index and merging the walks (``search.Placed``),
however common or rare it is; nothing is sampled (``_walks_places``).

Negation is ``NOT coalesce(term, 0)``: a term is NULL on a missing value (a photo without
a place, say), and "not on Shumshu" includes it.
"""

from __future__ import annotations

import functools
import math
import sqlite3
import unicodedata
from array import array
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, cast

from photoarchive.catalog.changes import data_version
from photoarchive.catalog.connection import dialect
from photoarchive.catalog.dialect import json_values
from photoarchive.catalog.marked_photos import literal as mark_literal
from photoarchive.catalog.search import (
    FOLDS_TO_ASCII,
    PAGE_ORDERS,
    Alternatives,
    Listed,
    Marked,
    Placed,
    count_photos_matching,
    marked_walks,
    merged,
    negated,
    photo_filters,
    photo_page,
    unmarked,
)
from photoarchive.catalog.search_pg import escape_like
from photoarchive.filters import RATINGS, Term, parse
from photoarchive.model.curated import FIELDS_BY_NAME, LIST_FIELDS, STRUCTURED_FIELDS, Kind

# How many rows of the catalog a page of the filter is judged on, per row of the page.
DENSE_FACTOR = 20
FOLD = "photoarchive_fold"  # casefold(), registered on the connection: SQLite's lower() is ASCII only
CONTAINS = "photoarchive_contains"  # (text, typed, folded): _contains
# The most rows a filter is judged on (module doc): a sample of 2,000 photos tells 1 match in
# 30 from 1 in 40 well enough, and costs a tenth of a 1,000-row page's twenty (J's profile:
# keyword:tank spent ~40 ms judging 20,000 rows).
MAX_SAMPLE = 2_000
# Words beside a label or flag are tested along its index (``_driven_by_index``) when one photo
# in DRIVEN_SHARE of the first DRIVEN_SAMPLE it walks holds them.
DRIVEN_SAMPLE = 64
# The most places (one named and those inside it) whose walks a page in capture order merges
# (``search.Placed``); a place holding more is read as before (sampled).
MAX_PLACE_WALKS = 16
# A filter holding one photo in VERY_DENSE or more is read by walking the sort index alone.
VERY_DENSE = 4
DRIVEN_SHARE = 10
# The Unicode categories of the characters that casefold() gives for a character other than
# themselves (a test checks every code point): no other character folds into one of another
# category (a Japanese letter, a digit, a space).
FOLD_OUTPUT_CATEGORIES = frozenset({"Ll", "Lu", "Lm", "Mn", "Nl", "So"})
CASED_LIMIT = 0x1E922  # no character from here on changes under casefold (a test checks every one)


@dataclass(frozen=True)
class FilterQuery:
    """What a filter asks of the catalog: ``search`` words for the text search, and WHERE
    ``terms`` (over ``photos p``) with their ``params``."""

    search: str = ""
    terms: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)

    @property
    def where(self) -> tuple[list[str], list[object]]:
        return self.terms, self.params

    def search_with(self, search: str) -> str:
        """The words of a text search typed beside the filter, and the filter's own."""
        return f"{search} {self.search}".strip()


def compile_filter(
    conn: sqlite3.Connection, text: str, *, page: int | None = None, order: str | None = None
) -> FilterQuery:
    """The query of a filter (raises ``FilterSyntaxError``). With ``page`` (the rows a first
    page shows), its terms are written for the faster way to read that page (module doc); with
    ``order`` too (the ``search.PAGE_ORDERS`` key the page is read in), for that order."""
    return compile_terms(conn, parse(text), page=page, order=order)


def compiled_over(conn: sqlite3.Connection) -> tuple[int, int] | None:
    """What a compile reads besides its text, as it stands: a query compiled while this was
    the same is the one a compile would give now. On SQLite, the catalog (a compile samples
    it and looks places up): the commits of other connections (``PRAGMA data_version``) and
    this one's changes. None on a server, where a compile reads nothing
    (``_compile_on_a_server``)."""
    if dialect(conn) == "postgresql":
        return None
    return data_version(conn), conn.total_changes


def compile_terms(
    conn: sqlite3.Connection, terms: Sequence[Term], *, page: int | None = None, order: str | None = None
) -> FilterQuery:
    if dialect(conn) == "postgresql":
        return _compile_on_a_server(terms)
    looked_up = _LOOKUPS.set({})
    try:
        return _compile_terms(conn, terms, page=page, order=order)
    finally:
        _LOOKUPS.reset(looked_up)


# The places, place words and keyword words a compile has looked up (``_once``): the terms are
# written up to five times a compile (sampled, walked, tested...), and a place's lookup is a
# recursive query with a Python fold a row (place:Shumshu: three of them a compile).
_LOOKUPS: ContextVar[dict[tuple[str, str], list[Any]] | None] = ContextVar("filter_lookups", default=None)


def _once(lookup: Callable[[sqlite3.Connection, str], list[Any]]) -> Callable[[sqlite3.Connection, str], list[Any]]:
    """``lookup`` asked once a compile for each text (``_LOOKUPS``; outside a compile, each time)."""

    @functools.wraps(lookup)
    def looked_up(conn: sqlite3.Connection, text: str) -> list[Any]:
        cache = _LOOKUPS.get()
        if cache is None:
            return lookup(conn, text)
        key = (lookup.__name__, text)
        if key not in cache:
            cache[key] = lookup(conn, text)
        return cache[key]

    return looked_up


def _register_functions(conn: sqlite3.Connection) -> None:
    """The filters' SQL functions on this connection, once: registering a function expires
    every statement the connection has prepared (SQLite's rule), so each compile registering
    them again made the page's statements, the grid's cells and the counts be prepared anew."""
    try:
        conn.execute(f"SELECT {FOLD}(NULL), {CONTAINS}(NULL, NULL, NULL)").fetchone()
    except sqlite3.OperationalError:  # no such function: a connection not yet given them
        conn.create_function(FOLD, 1, _fold, deterministic=True)
        conn.create_function(CONTAINS, 3, _contains, deterministic=True)


def _compile_terms(
    conn: sqlite3.Connection, terms: Sequence[Term], *, page: int | None, order: str | None
) -> FilterQuery:
    _register_functions(conn)
    # Judged on the terms over the photo's own columns: a text term is the search's to judge
    # (and would read every match of the text index up front to be sampled).
    sampled = _compile(conn, [t for t in terms if t.field != "text"], indexed=True, searched=False)
    if page is None or not sampled.terms:
        return _compile(conn, terms, indexed=True, searched=True)
    named = {t.field for t in terms if not t.negated}  # the fields a photo must hold
    # In capture order a label, the picks or ratings, the only term with an index and no
    # words beside it, are read from their marks' rows of the marked photos
    # (``search.Alternatives``): every row read holds the term, in the page's order, however
    # common or rare it is. Nothing to sample (its two statements were most of the compile:
    # 0.18 -> 0.05 ms for label:red, 0.36 -> 0.1 for rating>=1 -flag:reject). When most photos
    # are rated, walking the capture index would read a page of rating>=1 a little sooner than
    # merging five walks (0.50 against 0.60 ms), which the sample cost more than it saved; when
    # the ratings are rare, the sample chose these walks anyway. A camera's, a keyword's or a
    # place's words are left out: they would narrow through the text index, and the walk tests
    # the term itself in the rows it reads (place:Шумшу rating>=4).
    if order == "captured" and "text" not in named and any(isinstance(t, Alternatives) for t in sampled.terms):
        walked = _compile(conn, terms, indexed=True, searched=True)  # with a negated word (sampled has none)
        return FilterQuery("", walked.terms, walked.params)
    # A place with no words, mark or date beside it: its walks in capture order (search.Placed)
    # read a page in about a page of index entries however common or rare it is (nothing to
    # sample either: place:Paramushir, 1 photo in 100, sorted its 10,000 photos for a page).
    if order == "captured" and _walks_places(terms, named):
        placed = _compile(conn, terms, indexed=True, searched=False, placed=True)
        if any(isinstance(t, Placed) for t in placed.terms):
            return placed
    # Words beside a label, the picks or ratings, the only term with an index: when the sample
    # of the marks' walk finds the words held often enough (``_driven_by_index``), the walk
    # reads a page in a bounded number of rows however common the marks are, and the density
    # sample below has nothing to add (``tank rating>=4``: its two statements and a compile
    # more were 0.4 ms of the window's first paint, where a search compiles in 0.08).
    walk_sampled = order == "captured" and any(isinstance(t, Alternatives) for t in sampled.terms)
    if walk_sampled:
        driven = _driven_by_index(conn, terms)
        if driven is not None:
            return driven
    # In capture order with no words searched, a keyword's rows of the keyword index give its
    # photos in the page's order (search.Listed): walked, every row holds the keyword.
    drives = order == "captured" and "keyword" in named and "text" not in named
    # Nothing beside the keyword that an index reads, nor a place: its walk reads the page
    # whatever the sample would say, which chose only how the other terms are written, and
    # none has an index of its own here (keyword:tank compiled in 0.18 -> 0.05 ms; at 2,000
    # photos the sample read a page's worth of them, as much as the page).
    if drives and "place" not in named and not any(map(_indexable, terms)):
        return _compile(conn, terms, indexed=True, searched=False, drives=True)
    # Words beside terms no index reads (``туман -flag:reject``, ``tank has:caption``): the text
    # index reads the page whatever the sample says (it chose only whether the columns were
    # written ``+p.``, and no index could read them), so nothing is sampled (its two statements
    # were 0.2 ms of the window's first paint: the compile after a search, 0.48 -> 0.27 ms).
    if "text" in named and not any(map(_sargable, terms)):
        return _compile(conn, terms, indexed=True, searched=True)
    share = _dense(conn, sampled, page)
    if share is not None:
        if share * VERY_DENSE >= 1 and not any(t.field == "text" for t in terms):
            # So common that walking the sort index finds a page in a few hundred photos, fewer
            # than the text index's matches of a camera's or a keyword's words (camera:D750,
            # two photos in five: 0.7 ms walked against 1.0 ms through the text index).
            return _compile(conn, terms, indexed=False, searched=False, ordered=order == "captured", drives=drives)
        if order != "captured":
            return _compile(conn, terms, indexed=False, searched=True)
        if drives:
            return _compile(conn, terms, indexed=False, searched=False, ordered=True, drives=True)
        # In capture order a label's or the picks' marked rows (a reject's: the flag's index)
        # give their photos in the page's order: walked, every row read holds the term (the
        # capture index's rows, one in five).
        # (The walk's sample already said no above, for the marks read alone: not read twice.)
        driven = None if walk_sampled else _driven_by_index(conn, terms)
        return driven or _compile(conn, terms, indexed=False, searched=True, ordered=True)
    # Rare: the few photos they hold are read through their index, and each one's text is
    # tested on its own (``tank rating>=4``: 1,200 rated photos tested, rather than 260,000
    # photos with "tank" walked in capture order to find the rated ones).
    # A place beside another term with an index (``place:Шумшу rating>=4``): the other reads
    # its few photos, and each one's place is looked up in the place's index alone
    # (``_place_member``) rather than in its row (1,152 rated rows read for 51 on Shumshu).
    member = any(_indexable(t) for t in terms if t.field != "place")
    if not member and "place" not in named:
        if drives:  # a rare keyword (keyword:nothing): its few rows of the keyword index
            return _compile(conn, terms, indexed=True, searched=False, drives=True)
        # No index reads them (camera:Leica): the words narrow through the text index, rather
        # than every photo tested (2 s at a million photos).
        return _compile(conn, terms, indexed=True, searched=True)
    return _compile(conn, terms, indexed=True, searched=False, member=member)


def filter_photo_ids(conn: sqlite3.Connection, text: str, *, order: str = "captured", search: str = "") -> list[int]:
    """Every photo matching the filter (and ``search``), in ``order`` (a ``search.PAGE_ORDERS`` key)."""
    query = compile_filter(conn, text)
    return photo_page(conn, search=query.search_with(search), order=order, limit=None, where=query.where).ids


def count_filter(conn: sqlite3.Connection, text: str, *, search: str = "") -> int:
    """How many photos match the filter (and ``search``)."""
    query = compile_filter(conn, text)
    return count_photos_matching(conn, search=query.search_with(search), where=query.where)


def _driven_by_index(conn: sqlite3.Connection, terms: Sequence[Term]) -> FilterQuery | None:
    """Words beside a label or a flag (``"Cape Kokutan" label:red``), or beside ratings with no
    other term having an index (``tank rating>=4``), read in capture order by walking the
    marks' rows of the marked photos (``catalog.marked_photos``; a reject's: the flag's index)
    and testing each photo's text there, rather than walking the text index's matches (~10-20
    µs each, most of them not red): when at least one in ``DRIVEN_SHARE`` of the first
    ``DRIVEN_SAMPLE`` photos the walk reads holds the words (the sample is those very photos,
    read as the page reads them, the marks' walks merged). None when there are no such words or
    they are rarer."""
    words = [t for t in terms if t.field == "text" and not t.negated]
    if not words:
        return None
    # A label or a flag keeps its index whatever else is beside it (``ordered``); ratings are
    # walked when read through their index alone, a place beside them tested in the walk's rows
    # (``member``), as a page of rare ratings is read.
    ordered = any(_ordered(t) for t in terms)
    walk = {"indexed": False, "ordered": True} if ordered else {"indexed": True, "member": True}
    walked = _compile(conn, [t for t in terms if t not in words], searched=False, **walk)
    driver = next((i for i, term in enumerate(walked.terms) if isinstance(term, Alternatives)), None)
    if driver is None and not ordered:
        return None  # no label, flag or ratings alone to walk (a date, a camera, ratings beside a date)
    tested = _compile(conn, words, indexed=False, searched=False)
    if driver is not None and all(isinstance(term, Marked) for term in tested.terms):
        # The rows and their texts read in order (the photos' rows and texts, 64 scattered
        # pages, took 0.5 ms of the window's first paint). The test is a CASE's condition: as
        # a value, SQLite evaluates both sides of an AND, and the Python call the text test
        # holds ran on every row, not only on a text holding a character that folds to ASCII
        # (64 calls a compile: 0.2 -> 0.03 ms, and 0.4 ms in the window).
        held = " AND ".join(cast(Marked, term).marked for term in tested.terms)
        arms = marked_walks(
            walked.terms, driver, f"CASE WHEN {held} THEN 1 ELSE 0 END AS h, r.sort AS k, r.photo_id AS id"
        )
        sql = f"SELECT count(*), coalesce(sum(h), 0) FROM ({merged(arms, DRIVEN_SAMPLE)})"
        params = [*tested.params, *walked.params] * len(arms)
    else:
        sql = (
            f"WITH walk(id) AS MATERIALIZED (SELECT p.id FROM photos p WHERE {' AND '.join(walked.terms)}"
            f" ORDER BY {PAGE_ORDERS['captured'][0]}, p.id LIMIT {DRIVEN_SAMPLE}) SELECT count(*),"
            f" (SELECT count(*) FROM photos p WHERE p.id IN (SELECT id FROM walk) AND {' AND '.join(tested.terms)})"
            " FROM walk"
        )
        params = [*walked.params, *tested.params]
    read, held_by = conn.execute(sql, params).fetchone()
    if read == DRIVEN_SAMPLE and held_by * DRIVEN_SHARE < read:
        return None
    return _compile(conn, terms, searched=False, **walk)


def _walks_places(terms: Sequence[Term], named: set[str]) -> bool:
    """Whether a page in capture order is read by walking a place's photos (``search.Placed``):
    a place named (``named``: the fields of the terms not negated), and no words to search,
    keyword (``search.Listed``) or term with an index of its own (``_indexable``: a rating's or
    a label's walk holds a place in its rows) beside it."""
    return "place" in named and not named & {"text", "keyword"} and not any(map(_indexable, terms))


def _indexable(term: Term) -> bool:
    """Whether a term holds only photos its column's index finds (a rating without 0, a label,
    a flag, a capture date)."""
    if term.field == "rating":
        accepted = cast(frozenset[int], term.value)
        return 0 not in (frozenset(RATINGS) - accepted if term.negated else accepted)
    return _ordered(term) or (term.field == "date" and not term.negated)


def _sargable(term: Term) -> bool:
    """Whether an index of the photos could read a term's photos (a rating, a label, a flag, a
    date, a place, has:place; not negated: ``NOT coalesce(...)`` no index reads)."""
    if term.negated:
        return False
    return term.field in ("rating", "label", "flag", "date", "place") or (term.field == "has" and term.value == "place")


def _markable(term: Term) -> bool:
    """Whether the marked photos' rows of some marks hold a term's photos (a rating without 0,
    a label, the picks: ``catalog.marked_photos``)."""
    if term.field == "rating":
        return _indexable(term)
    return not term.negated and (
        (term.field == "label" and term.value != "") or (term.field == "flag" and term.value == "pick")
    )


def _ordered(term: Term) -> bool:
    """Whether a term's own index reads its photos in capture order (0012_selection)."""
    return term.field in ("label", "flag") and not term.negated and term.value != ""


def _compile_on_a_server(terms: Sequence[Term]) -> FilterQuery:
    """``compile_terms`` on a catalog on a server, with no fast paths: words go to the text
    search, every other token is a WHERE term in PostgreSQL's SQL (``_server_term``). Where
    SQLite folds by ``casefold`` (keywords, persons, places, a phrase), ``lower()`` and ``ILIKE``
    fold here in the database's UTF-8 character type (a place's name, a column ``COLLATE "C"``,
    taken in it too): the same for every letter but a few, ``lower()`` keeps ``ß`` (``keyword:
    strasse`` finds no "Straße" here; tests/catalog/test_filters_backends.py states it). A camera
    is ``ILIKE`` over its ``COLLATE "C"`` columns: A-Z only, as SQLite's LIKE."""
    words: list[str] = []
    where: list[str] = []
    params: list[object] = []
    for term in terms:
        if term.field == "text" and not (term.phrase or term.negated):
            words.append(str(term.value))
            continue
        if term.field == "rating":
            accepted = cast(frozenset[int], term.value)
            where.append(_rating("p.", frozenset(RATINGS) - accepted if term.negated else accepted))
            continue
        sql, values = _server_term(term)
        where.append(f"NOT coalesce({sql}, FALSE)" if term.negated else sql)
        params.extend(values)
    return FilterQuery(" ".join(words), where, params)


# A typed text as a parameter of lower() (which also takes ranges: the type must be said).
_TYPED = "lower(CAST(? AS text))"


def _server_term(term: Term) -> tuple[str, list[object]]:
    """A token's WHERE term (over ``photos p``) on a server, as ``_term`` on SQLite, not negated."""
    value = str(term.value)
    if term.field == "text":  # a phrase, or a word left out: the search text holds it, any case
        return (
            "EXISTS (SELECT 1 FROM photos_fts t WHERE t.photo_id = p.id AND t.text ILIKE ? ESCAPE '\\')",
            [escape_like(value)],
        )
    if term.field == "keyword":  # a keyword is it, or a level of a hierarchical keyword is
        return (
            f"(EXISTS (SELECT 1 FROM {_server_list('keywords', 'k')} WHERE lower(k.value) = {_TYPED})"
            f" OR EXISTS (SELECT 1 FROM {_server_list('hierarchical_keywords', 'h')}"
            f" WHERE strpos('|' || lower(h.value) || '|', '|' || {_TYPED} || '|') > 0))",
            [value, value],
        )
    if term.field == "person":  # a person shown whose name holds it
        return (
            f"EXISTS (SELECT 1 FROM {_server_list('persons_shown', 's')} WHERE strpos(lower(s.value), {_TYPED}) > 0)",
            [value],
        )
    if term.field == "camera":
        pattern = escape_like(value)
        return "(p.camera_make ILIKE ? ESCAPE '\\' OR p.camera_model ILIKE ? ESCAPE '\\')", [pattern, pattern]
    if term.field == "place":  # the places so called in any language, and every place inside them
        name = value.strip()
        return (
            "p.place_id IN (WITH RECURSIVE named(id) AS ("
            f'SELECT id FROM places WHERE lower(name COLLATE "default") = {_TYPED}'
            f' UNION SELECT place_id FROM place_names WHERE lower(name COLLATE "default") = {_TYPED}),'
            " tree(id, depth) AS (SELECT id, 0 FROM named UNION SELECT pl.id, tree.depth + 1 FROM places pl"
            " JOIN tree ON pl.parent_id = tree.id WHERE tree.depth < 64) SELECT id FROM tree)",
            [name, name],
        )
    if term.field == "has":
        return _server_has(value), []
    if term.field in COLUMN_FIELDS:
        return _column_term(term, "p.")
    raise ValueError(f"no SQL for the filter field {term.field!r}")


def _server_list(column: str, alias: str) -> str:
    """A FROM item whose rows are the texts of the JSON list in ``p.column`` (none for an empty
    text or another JSON value, which ``jsonb_array_elements_text`` would refuse)."""
    return json_values("postgresql", f"CASE WHEN p.{column} LIKE '[%' THEN p.{column} END", alias)


def _server_has(name: str) -> str:
    """``_has`` on a server: an integer column (rating) is set when not NULL (SQLite's ``0 <>
    ''`` holds), which PostgreSQL does not compare with a text."""
    spec = FIELDS_BY_NAME.get(name)
    if spec is not None and spec.kind is Kind.INTEGER:
        return f"p.{name} IS NOT NULL"
    return _has(name, "p.")


def _compile(
    conn: sqlite3.Connection,
    terms: Sequence[Term],
    *,
    indexed: bool,
    searched: bool,
    ordered: bool = False,
    member: bool = False,
    drives: bool = False,
    placed: bool = False,
) -> FilterQuery:
    """``indexed``: terms the planner may read through their column's index (else ``+p.``);
    ``searched``: words go to the text search (else each is tested in the photo's text);
    ``ordered``: a label or a flag keeps its index (``_ordered``) even when not ``indexed``;
    ``member``: a place is tested in its index (``_place_member``), not read through it;
    ``drives``: a keyword is ``search.Listed`` (a page in capture order walks its rows);
    ``placed``: the first place of at most ``MAX_PLACE_WALKS`` is ``search.Placed`` (a page in
    capture order walks its places)."""
    words: list[str] = []
    where: list[str] = []
    params: list[object] = []
    last: list[tuple[str, list[object]]] = []  # tests of the photo's text: after the cheap ones
    # The term whose marks a page in capture order walks (``search.Alternatives``): a rating,
    # a label or the picks read through their index with no other term having one, or the
    # label or the picks whose index a page walks in capture order (``ordered``); beside
    # another indexed term (a rating beside a label) the planner weighs the two indexes.
    alone = indexed and sum(map(_indexable, terms)) == 1
    walked = next((t for t in terms if _markable(t) and (alone or (ordered and not drives and _ordered(t)))), None)
    for term in terms:
        column = "p." if indexed or (ordered and _ordered(term)) else "+p."
        if term.field == "rating":
            accepted = cast(frozenset[int], term.value)
            accepted = frozenset(RATINGS) - accepted if term.negated else accepted
            where.append(_rating(column, accepted, merged=term is walked))
            continue
        if term is walked:  # a label or the picks (_markable)
            plain = f"{column}{term.field} = {mark_literal(str(term.value))}"
            where.append(Alternatives(plain, [mark_literal(f"{term.field}:{term.value}")]))
            continue
        if term.field == "text" and not term.negated:
            if searched:
                words.append(str(term.value))  # a phrase's words narrow, its own test decides
            if searched and not term.phrase:
                continue
            last.append(_text_holds(str(term.value)))
            continue
        if term.field == "camera" and not term.negated and searched:
            words.append(str(term.value))  # narrows through the text index; the term decides
        if term.field == "keyword" and not term.negated and searched and not drives:
            words.extend(_keyword_narrowing(conn, str(term.value).casefold()))  # as a camera's, when exact
        if term.field == "place" and not term.negated and searched:
            words.extend(_place_words(conn, str(term.value)))  # as a keyword's (_place_words)
        walks = placed and not term.negated
        sql, values = _term(conn, term, column, member=member, drives=drives and not term.negated, placed=walks)
        placed = placed and not isinstance(sql, Placed)  # one place walked: the others tested
        where.append(negated(sql) if term.negated else sql)
        params.extend(values)
    for sql, values in last:
        where.append(sql)
        params.extend(values)
    return FilterQuery(" ".join(words), where, params)


def _term(
    conn: sqlite3.Connection,
    term: Term,
    column: str,
    *,
    member: bool = False,
    drives: bool = False,
    placed: bool = False,
) -> tuple[str, list[object]]:
    value = term.value
    if term.field == "text":  # negated: every match of the index read once, then left out
        if term.phrase:
            return _text_holds(str(value))
        where, params = photo_filters(str(value), None)
        return " AND ".join(where), params
    if term.field in COLUMN_FIELDS:
        return _column_term(term, column)
    if term.field == "keyword":  # a row of the keyword index (catalog.keyword_index)
        return (Listed() if drives else str(Listed())), [str(value).casefold()]
    if term.field == "person":  # a person shown whose name holds it, whatever the case
        return f"EXISTS (SELECT 1 FROM json_each(p.persons_shown) WHERE instr({FOLD}(value), ?) > 0)", [
            str(value).casefold()
        ]
    if term.field == "camera":
        pattern = escape_like(str(value))
        return "(p.camera_make LIKE ? ESCAPE '\\' OR p.camera_model LIKE ? ESCAPE '\\')", [pattern, pattern]
    if term.field == "place":
        ids = _places_within(conn, str(value))
        if member:
            return _place_member(ids), []
        listed = ", ".join(map(str, ids))
        if placed and 0 < len(ids) <= MAX_PLACE_WALKS:
            return Placed(f"{column}place_id IN ({listed})", ids), []
        return (Marked(f"{column}place_id IN ({listed})", f"r.place_id IN ({listed})") if ids else "0"), []
    if term.field == "has":
        return _has(str(value), column), []
    raise ValueError(f"no SQL for the filter field {term.field!r}")


# The fields whose term is a test of the photo's own columns, in SQL both databases read alike.
COLUMN_FIELDS = ("label", "flag", "date", "source-type")


def _column_term(term: Term, column: str) -> tuple[str, list[object]]:
    """The term (not negated) of a field of ``COLUMN_FIELDS``, over ``column`` (``p.`` or ``+p.``)."""
    value = term.value
    if term.field in ("label", "flag"):  # the marked photos' rows hold them too (search.Marked)
        if value == "":
            return Marked(f"coalesce({column}{term.field}, '') = ''", f"r.{term.field} = ''"), []
        return Marked(f"{column}{term.field} = ?", f"r.{term.field} = ?"), [value]
    if term.field == "source-type":
        return f"coalesce({column}digital_source_type, '') = ?", [value]
    if term.field == "date":
        start, stop = cast(tuple[str | None, str | None], value)
        bounds = [f"{column}captured_at >= ?"] * (start is not None) + [f"{column}captured_at < ?"] * (stop is not None)
        return "(" + " AND ".join(bounds) + ")", [v for v in (start, stop) if v is not None]
    raise ValueError(f"no SQL for the filter field {term.field!r}")


def _rating(column: str, accepted: frozenset[int], *, merged: bool = False) -> str:
    """A photo without a rating counts as 0 (unrated is zero stars, as Lightroom shows it).
    ``merged``: the term is read through its index (``column`` ``p.``), so its values are
    ``search.Alternatives``, each read in capture order."""
    if accepted == frozenset(RATINGS):
        return "TRUE"
    if not accepted:
        return "FALSE"
    listed = f"{column}rating IN ({', '.join(map(str, sorted(accepted)))})"
    if 0 in accepted:
        return f"({column}rating IS NULL OR {listed})"
    if merged:
        # Each value's photos come from the marked photos in capture order, with their text: a
        # page in that order merges one walk a value (search.Alternatives) rather than sorting
        # every rated photo.
        return Alternatives(listed, [mark_literal(f"rating:{value}") for value in sorted(accepted)])
    return listed


def _has(name: str, column: str) -> str:
    if name == "gps":
        return f"{column}latitude IS NOT NULL"
    if name == "place" and name not in FIELDS_BY_NAME:
        return f"{column}place_id IS NOT NULL"
    if name in LIST_FIELDS or name in STRUCTURED_FIELDS:
        return f"p.{name} NOT IN ('', '[]', '{{}}')"
    return f"coalesce(p.{name}, '') <> ''"


def _place_member(ids: Sequence[int]) -> str:
    """Photo ``p`` is at one of the places ``ids``, found in the place's index by the photo's id
    (the index holds it after the place), without reading the photo's row; walking the marked
    photos, the place their row holds (``search.Marked``)."""
    if not ids:
        return Marked("0", "0")
    listed = ", ".join(map(str, ids))
    member = f"EXISTS (SELECT 1 FROM photos x INDEXED BY photos_place WHERE x.place_id IN ({listed}) AND x.id = p.id)"
    return Marked(member, f"r.place_id IN ({listed})")  # the marked row holds the place (0020_marked_places)


@_once
def _places_within(conn: sqlite3.Connection, name: str) -> list[int]:
    """The places called ``name`` in any language (whatever the case), and every place inside them."""
    rows = conn.execute(
        f"WITH RECURSIVE named(id) AS (SELECT id FROM places WHERE {FOLD}(name) = ?1"
        f" UNION SELECT place_id FROM place_names WHERE {FOLD}(name) = ?1),"
        " tree(id, depth) AS (SELECT id, 0 FROM named UNION SELECT pl.id, tree.depth + 1 FROM places pl"
        " JOIN tree ON pl.parent_id = tree.id WHERE tree.depth < 64)"
        " SELECT DISTINCT id FROM tree ORDER BY id",
        (name.strip().casefold(),),
    )
    return [int(r[0]) for r in rows]


def _keyword_words(folded: str) -> list[str]:
    """Words of a keyword's fold that the text index finds in the search text of every photo
    whose keyword it is: none (no narrowing) when a character the index folds otherwise than
    ``casefold`` could stand for part of it (``Straße`` is ``keyword:strasse``, the index does
    not find "strasse" in it), and none under three characters (the index's LIKE fallback folds
    ASCII only)."""
    # Only the characters whose casefold is in it can stand for part of it: SQLite is asked of
    # those alone (туман: seven, not the 1,500 that fold, 40 ms a command).
    if _unfaithful_characters(_folding_within(folded)):
        return []
    return _words(folded)


def _words(folded: str) -> list[str]:
    """The words the index can look for (three characters or more)."""
    return [w for w in folded.split() if len(w) >= 3]


@functools.lru_cache(maxsize=1024)
def _folding_within(folded: str) -> str:
    """The characters other than their casefold whose casefold is in ``folded`` (a filter is
    compiled three times a page, and 1,500 folds looked through each time: 0.2 ms)."""
    return "".join(c for c, fold in _casefolds() if fold in folded)


@_once
def _keyword_narrowing(conn: sqlite3.Connection, folded: str) -> list[str]:
    """``_keyword_words``, or the words anyway where no photo's text holds a character that
    could stand in them and the index folds otherwise (``search.unmarked``: ᲅ in туман; the
    walk along the capture index tested 1,700 photos' keywords for a page of keyword:туман,
    3.3 ms, and the index's matches of "туман" 1.9 ms)."""
    standing = _unfaithful_characters(_folding_within(folded))
    return _words(folded) if not standing or unmarked(conn, standing) else []


@functools.cache
def _unfaithful_characters(characters: str) -> str:
    """Those of the ``characters`` the text index (FTS5's trigram tokenizer, as this SQLite
    builds it) does not fold to their casefold: ß, the ligatures, İ, newer letters... (asked of
    SQLite itself, once a process for each set of characters)."""
    if not characters:
        return ""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(text, tokenize = 'trigram')")
        folding = [c for c in characters if not 0xD800 <= ord(c) < 0xE000 and c.casefold() != c]
        conn.executemany("INSERT INTO t (rowid, text) VALUES (?, ?)", [(ord(c), f"###{c}###") for c in folding])
        found = set()
        for c in folding:
            phrase = '"###' + c.casefold().replace('"', '""') + '###"'
            if conn.execute("SELECT 1 FROM t WHERE t MATCH ? AND rowid = ?", (phrase, ord(c))).fetchone():
                found.add(c)
        return "".join(c for c in folding if c not in found)
    finally:
        conn.close()


@_once
def _place_words(conn: sqlite3.Connection, name: str) -> list[str]:
    """Words of the place's name that every photo ``place:name`` selects holds in its search text,
    so that the text index narrows the candidates (a page read in key order, as a search's) and
    ``place_id IN`` decides. A photo's text holds the names, in every language, of its place and
    of each place containing it (``search.TEXT_SOURCES``, reindexed when a place is renamed,
    moved or deleted), so it holds the name of the place called ``name`` that it is in, as
    stored. The stored names are used, not the typed one (the index folds case by its own
    rules, not ``casefold``'s): when places so called are stored under different names
    (``Kurils``, ``KURILS``), only a word all of them hold as written, or ASCII whatever the
    case. Words under three characters are left out (the trigram index cannot match them): a
    name of only those is not narrowed at all."""
    rows = conn.execute(
        f"SELECT name FROM places WHERE {FOLD}(name) = ?1 UNION SELECT name FROM place_names WHERE {FOLD}(name) = ?1",
        (name.strip().casefold(),),
    ).fetchall()
    names = {str(r[0]) for r in rows}
    if not names:
        return []  # no such place: the term is false, nothing to narrow
    shared = set.intersection(*({w for w in n.split()} for n in names))
    ascii_shared = set.intersection(*({w.lower() for w in n.split() if w.isascii()} for n in names))
    first = min(names).split()  # the order of the words, for a stable query
    return [w for w in first if len(w) >= 3 and (w in shared or (w.isascii() and w.lower() in ascii_shared))]


def _dense(conn: sqlite3.Connection, query: FilterQuery, page: int) -> float | None:
    """Whether walking the sort index finds a page sooner than reading every match through the
    terms' own index. ``m`` matches among the first ``s = page * DENSE_FACTOR`` photos of ``n``
    (at most ``MAX_SAMPLE``):
    a walk reads about ``page * s / m`` rows, the index about ``m * n / s`` (and sorts them), so
    the walk wins when ``m * m * n >= page * s * s`` (at 1,000,000 photos and pages of 100,
    from 1 match in 100). The sample stops at the fewest matches that decide it (20 there, not
    a page: a common keyword's sample tested 850 photos' keywords to find 100).

    None when not; else the share of the photos read that match, at most: the matches over the
    span of ids up to the last one found (photos read in id order, or fewer when the planner
    reads the terms' own index)."""
    sample = min(page * DENSE_FACTOR, MAX_SAMPLE)
    # One statement (each subquery reads an end of the id's index: max and min side by side in
    # one SELECT would scan); the bound is NULL in a catalog shorter than the sample. The bound
    # is counted in the search keys, a row a photo by its id, some twenty bytes each: counted
    # in the photos, whose rows are a few to a page, it read 700 pages (2.4 ms, not 0.6, from
    # a cold cache).
    size, first, bound = conn.execute(
        "SELECT (SELECT coalesce(max(id), 0) FROM photos), (SELECT coalesce(min(id), 0) FROM photos),"
        " (SELECT photo_id FROM search_keys ORDER BY photo_id LIMIT 1 OFFSET ?)",
        (sample - 1,),
    ).fetchone()
    needed = page if size == 0 else min(page, _least_root(page * sample * sample, int(size)))
    limit = "" if bound is None else f" AND p.id <= {int(bound)}"
    sql = (
        f"SELECT count(*), max(id) FROM (SELECT p.id AS id FROM photos p WHERE {' AND '.join(query.terms)}{limit}"
        f" LIMIT {int(needed)})"
    )
    matches, last = conn.execute(sql, query.params).fetchone()
    if int(matches) < needed:
        return None
    return int(matches) / (int(last) - int(first) + 1)


def _least_root(product: int, size: int) -> int:
    """The least ``m`` with ``m * m * size >= product`` (``size`` > 0)."""
    m = math.isqrt(product // size)
    while m * m * size < product:
        m += 1
    return m


def _text_holds(typed: str) -> tuple[str, list[object]]:
    """A photo's searched text holds ``typed`` whatever the case: the text the index stores for
    it, read by its key from the index's own table of texts (FTS5's ``_content`` table: ``c0``
    is the ``text`` column, ``id`` the rowid), rather than the join of ``search.TEXT_SOURCES``
    computed again (some forty sources, a place tree, JSON trees: ~40 µs a photo). Read once a
    photo for every test made of it (the LIKE, the characters and the exact test: 6.5 µs a photo
    against 1.9); the characters are looked for only in a text the key marks as holding one
    (``search_keys.folds``). Walking the marked photos, the text and the mark are their row's
    (``search.Marked``), and no photo's row is read."""
    sql, params = _contains_sql("f.c0", typed, folds="k.folds")
    marked, _ = _contains_sql("r.text", typed, folds="r.folds")  # the same text, copied (catalog.marked_photos)
    held = f"EXISTS (SELECT 1 FROM search_keys k JOIN photos_fts_content f ON f.id = k.key WHERE k.photo_id = p.id AND {sql})"
    return Marked(held, marked), params


def _fold(text: str | None) -> str | None:
    return text.casefold() if isinstance(text, str) else text


def _contains_sql(text: str, typed: str, *, folds: str | None = None) -> tuple[str, list[object]]:
    """``text`` (a SQL expression) holds ``typed`` whatever the case. A text whose fold is ASCII
    is found by SQLite's own LIKE (ASCII case-insensitive), with no Python call a photo: in the
    window the rest of the list is read in the background, and a Python function called for each
    of its rows takes the interpreter from the grid's first paint. A text holding one of
    ``FOLDS_TO_ASCII`` (or a backslash) is also asked of ``_contains``; no other character folds
    to anything ASCII, so LIKE alone decides the rest exactly. ``folds``: a SQL expression that
    is 0 only when ``text`` holds none of ``FOLDS_TO_ASCII`` (``search_keys.folds``), tested
    before them (``tank rating>=4``: six ``instr`` over the text of each of the three photos in
    four without "tank", 2.1 -> 0.8 ms a page)."""
    folded = typed.casefold()
    if not folded.isascii() and _fold_fixed(folded):
        return f"(instr({text}, ?) > 0)", [folded]
    if not folded.isascii():
        folding = _folding_into_any(folded)
        if folding is None:
            return f"{CONTAINS}({text}, ?, ?)", [typed, folded]
        # Asked of Python only where the text holds the fold as written or a character folding
        # into part of it (туман: А М Н Т У ᲄ ᲅ): elsewhere no fold of the text holds it.
        held = " OR ".join(f"instr({text}, ?)" for _ in range(1 + len(folding)))
        return f"(({held}) AND {CONTAINS}({text}, ?, ?))", [folded, *folding, typed, folded]
    like = f"{text} LIKE ? ESCAPE '\\'"
    special = _folding_into(folded)
    if not special:
        return f"({like})", [f"%{_like(folded)}%"]
    held = " OR ".join(f"instr({text}, ?)" for _ in special)
    marked = "" if folds is None else f"{folds} AND "
    return (
        f"({like} OR ({marked}({held}) AND {CONTAINS}({text}, ?, ?)))",
        [f"%{_like(folded)}%", *special, typed, folded],
    )


@functools.cache
def _folding_into(folded: str) -> tuple[str, ...]:
    """The characters of ``FOLDS_TO_ASCII`` that can take part in a match of ``folded`` (an
    ASCII casefold): those whose casefold shares a character with it. A character whose fold
    shares none lies wholly outside any match, and every other character folds as LIKE does
    (ASCII) or to no ASCII at all, so where the text holds none of these, LIKE alone decides
    (an ``instr`` each: a GLOB over all of ``FOLDS_TO_ASCII`` cost 4 µs a photo's text)."""
    return tuple(c for c in FOLDS_TO_ASCII if set(c.casefold()) & set(folded))


# The most characters folding into part of a word that are looked for one by one
# (``_folding_into_any``); a word with more is asked of Python a photo.
MAX_FOLDING = 24


@functools.lru_cache(maxsize=1024)
def _folding_into_any(folded: str) -> tuple[str, ...] | None:
    """The characters other than their own casefold whose casefold shares a character with
    ``folded`` (a casefolded text): a text (or a JSON text without a backslash) whose fold holds
    ``folded`` holds it as written unless it holds one of these (``casefold`` maps each
    character on its own, and a character that is its own fold stands for itself). None when
    more than ``MAX_FOLDING``. Kept for the words last asked: a filter is compiled three times a
    page, and the 1,500 folds were looked through each time (keyword:туман: 1.1 ms of 1.2)."""
    wanted = set(folded)
    found = tuple(c for c, fold in _casefolds() if wanted & set(fold))
    return found if len(found) <= MAX_FOLDING else None


@functools.cache
def _casefolds() -> tuple[tuple[str, str], ...]:
    """Every character that is not its own casefold, with its casefold (none from
    ``CASED_LIMIT`` on: a test checks every code point). Read a block of code points at a time:
    a block its casefold leaves as it is (most: CJK, symbols...) holds none (no character folds
    into a text starting with itself; a test compares every code point): 10 -> 5 ms a process."""
    every = array("I", range(CASED_LIMIT)).tobytes().decode("utf-32-le", "surrogatepass")
    found: list[tuple[str, str]] = []
    for start in range(0, CASED_LIMIT, FOLD_BLOCK):
        block = every[start : start + FOLD_BLOCK]
        if block.casefold() != block:
            found.extend((c, fold) for c in block if (fold := c.casefold()) != c)
    return tuple(found)


FOLD_BLOCK = 128


def _fold_fixed(folded: str) -> bool:
    """Whether no character but itself folds into any character of ``folded`` (Japanese, digits,
    punctuation, spaces: every casefold's characters are of ``FOLD_OUTPUT_CATEGORIES``, a test
    checks every code point), so that a text's fold holds it where the text itself does: no
    Python call a photo."""
    return all(c.casefold() == c and unicodedata.category(c) not in FOLD_OUTPUT_CATEGORIES for c in folded)


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _contains(text: str | None, typed: str, folded: str) -> int:
    """Whether ``text`` holds ``folded`` whatever the case (``instr(fold(text), folded)``), in
    one call: ``casefold`` maps each character on its own, so the text as typed found in it
    answers without folding it (and without handing a folded copy back to SQLite)."""
    if not isinstance(text, str):
        return 0
    return int(typed in text or folded in text.casefold())
