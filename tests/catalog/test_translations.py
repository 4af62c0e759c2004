"""Per-language values in the catalog (issue 14): storage, edits, history and undo per
language, search, the archive's languages, and reading a photo in one language."""

from __future__ import annotations

import pytest

from photoarchive.catalog import Catalog, transaction
from photoarchive.catalog.curated import load_fields, load_values, localized_fields
from photoarchive.catalog.translations import (
    default_language,
    languages,
    languages_in_use,
    load_translations,
    set_languages,
    translation_key,
)
from photoarchive.edits import apply_edit, reapply_edit, revert_edit
from photoarchive.errors import StaleEditError, ValidationError
from tests.conftest import add_record


@pytest.fixture
def catalog(backend_catalog: Catalog) -> Catalog:
    """Each test runs on SQLite and on PostgreSQL (``backend_catalog``)."""
    return backend_catalog


RU, JA = translation_key("caption", "ru"), translation_key("caption", "ja")


def test_one_language_is_set_undone_and_redone_alone(catalog: Catalog) -> None:
    set_languages(catalog, ["en", "ru", "ja"])
    a = add_record(catalog, 1, "a.jpg")
    apply_edit(catalog, [a], {"caption": "Tank wreck", RU: "Обломки танка", JA: "戦車の残骸"})
    russian = apply_edit(catalog, [a], {RU: "Обломки танка у высоты 171"})
    assert russian.description == "Edit caption (ru) of a.jpg"
    assert load_values(catalog, [a], ["caption", RU, JA])[a] == {
        "caption": "Tank wreck",
        RU: "Обломки танка у высоты 171",
        JA: "戦車の残骸",
    }
    revert_edit(catalog, russian.id, only_if_unchanged=True)
    assert load_translations(catalog, [a])[a] == {"ja": {"caption": "戦車の残骸"}, "ru": {"caption": "Обломки танка"}}
    assert load_fields(catalog, [a])[a].caption == "Tank wreck"
    reapply_edit(catalog, russian.id)
    assert load_values(catalog, [a], [RU])[a][RU] == "Обломки танка у высоты 171"


def test_an_empty_value_removes_the_language_and_undo_brings_it_back(catalog: Catalog) -> None:
    a = add_record(catalog, 1, "a.jpg")
    apply_edit(catalog, [a], {RU: "Обломки"})
    removed = apply_edit(catalog, [a], {RU: ""})
    assert load_translations(catalog, [a]) == {}
    assert catalog.conn.execute("SELECT count(*) FROM translations").fetchone()[0] == 0
    revert_edit(catalog, removed.id)
    assert load_translations(catalog, [a]) == {a: {"ru": {"caption": "Обломки"}}}


def test_a_stale_undo_of_one_language_is_refused(catalog: Catalog) -> None:
    a = add_record(catalog, 1, "a.jpg")
    first = apply_edit(catalog, [a], {RU: "Один"})
    apply_edit(catalog, [a], {RU: "Два"})
    with pytest.raises(StaleEditError, match=r"caption\[ru\]"):
        revert_edit(catalog, first.id, only_if_unchanged=True)
    # Another language's later edit does not make an undo of the Russian one stale.
    third = apply_edit(catalog, [a], {RU: "Три"})
    apply_edit(catalog, [a], {JA: "三"})
    revert_edit(catalog, third.id, only_if_unchanged=True)
    assert load_values(catalog, [a], [RU, JA])[a] == {RU: "Два", JA: "三"}


def test_tags_are_normalised_and_the_default_language_is_the_column(catalog: Catalog) -> None:
    set_languages(catalog, ["en", "ru"])
    a = add_record(catalog, 1, "a.jpg")
    edit = apply_edit(catalog, [a], {"caption[RUS]": "Подпись", "title[en]": "Title"})
    assert sorted(c.field for c in edit.changes) == [RU, "title"]
    assert load_fields(catalog, [a])[a].title == "Title"
    with pytest.raises(ValidationError, match="not a BCP 47"):
        apply_edit(catalog, [a], {"caption[english]": "x"})
    with pytest.raises(ValidationError, match="unknown field"):
        apply_edit(catalog, [a], {"credit[ru]": "x"})  # one value in every language
    with pytest.raises(ValidationError, match="control"):
        apply_edit(catalog, [a], {RU: "bad\x01text"})


def test_batch_edit_per_language_is_one_edit(catalog: Catalog) -> None:
    ids = [add_record(catalog, i, f"{i}.jpg") for i in range(1, 4)]
    edit = apply_edit(catalog, ids, {translation_key("alt_text", "ja"): "戦車"})
    assert edit.photo_ids == ids and len(edit.changes) == 3
    revert_edit(catalog, edit.id)
    assert load_translations(catalog, ids) == {}


def test_search_finds_a_photo_by_any_language_and_follows_edits(catalog: Catalog) -> None:
    a, b = add_record(catalog, 1, "a.jpg"), add_record(catalog, 2, "b.jpg")
    apply_edit(catalog, [a], {"caption": "Tank", translation_key("title", "ja"): "占守島の戦車"})
    edit = apply_edit(catalog, [b], {translation_key("headline", "ru"): "Высота 171"})
    assert catalog.photo_ids(search="占守島の戦車") == [a]
    assert catalog.photo_ids(search="Высота") == [b]
    revert_edit(catalog, edit.id)
    assert catalog.photo_ids(search="Высота") == []


def test_languages_setting_and_languages_in_use(catalog: Catalog) -> None:
    assert languages(catalog) == [] and default_language(catalog) is None
    assert set_languages(catalog, ["ru", "en", "ru"]) == ["ru", "en"]
    a = add_record(catalog, 1, "a.jpg")
    apply_edit(catalog, [a], {translation_key("caption", "ja"): "キャプション"})
    assert default_language(catalog) == "ru" and languages_in_use(catalog) == ["ru", "en", "ja"]
    set_languages(catalog, [])
    assert languages(catalog) == [] and languages_in_use(catalog) == ["ja"]


def test_localized_fields_fall_back_to_x_default(catalog: Catalog) -> None:
    set_languages(catalog, ["en", "ru"])
    a, b = add_record(catalog, 1, "a.jpg"), add_record(catalog, 2, "b.jpg")
    apply_edit(catalog, [a, b], {"caption": "Tank", "title": "Shumshu"})
    apply_edit(catalog, [a], {RU: "Танк"})
    russian = localized_fields(catalog, [a, b], "ru")
    assert russian[a].fields.caption == "Танк" and russian[a].fields.title == "Shumshu"
    assert russian[a].fallbacks == ("title",) and russian[b].fallbacks == ("caption", "title")
    assert russian[b].fields.caption == "Tank"
    english = localized_fields(catalog, [a], "en")[a]
    assert english.fields.caption == "Tank" and english.fallbacks == ()


def test_files_carry_the_default_language_beside_the_others(catalog: Catalog) -> None:
    set_languages(catalog, ["en", "ru"])
    a, b = add_record(catalog, 1, "a.jpg"), add_record(catalog, 2, "b.jpg")
    apply_edit(catalog, [a, b], {"caption": "Tank"})
    apply_edit(catalog, [a], {RU: "Танк"})
    fields = load_fields(catalog, [a, b])
    assert fields[a].translations == {"en": {"caption": "Tank"}, "ru": {"caption": "Танк"}}
    assert fields[b].translations == {}  # no other language: x-default alone, as before


def test_deleting_a_photo_deletes_its_languages(catalog: Catalog) -> None:
    a = add_record(catalog, 1, "a.jpg")
    apply_edit(catalog, [a], {RU: "Танк"})
    with transaction(catalog.conn):
        catalog.conn.execute("DELETE FROM photos WHERE id = ?", (a,))
    assert catalog.conn.execute("SELECT count(*) FROM translations").fetchone()[0] == 0


def test_needs_attention_flags_a_caption_lacking_in_a_language_asked_for(catalog: Catalog) -> None:
    from photoarchive.catalog.attention import RULES, load_attention_values, needing_attention, reasons

    ids = [add_record(catalog, i, f"{i}.jpg") for i in range(1, 4)]
    complete = {"caption": "Tank", "creator": "Ivan Petrov", "copyright": "© 2015 Ivan Petrov"}
    apply_edit(catalog, ids, complete)
    assert needing_attention(catalog) == []  # no language asked for
    set_languages(catalog, ["en", "ru", "ja"])
    apply_edit(catalog, [ids[0]], {RU: "Танк", JA: "戦車"})
    apply_edit(catalog, [ids[1]], {RU: "Танк", translation_key("title", "ja"): "戦車"})  # a title is no caption
    assert needing_attention(catalog) == ids[1:]
    assert needing_attention(catalog, among=[ids[0], ids[2]]) == [ids[2]]
    values = load_attention_values(catalog, ids)
    rule = next(r for r in RULES if r.key == "caption language")
    assert [dict(reasons(values[pid])).get(rule, []) for pid in ids] == [[], ["ja"], ["ru", "ja"]]
    set_languages(catalog, ["en", "ru"])
    assert needing_attention(catalog) == [ids[2]]


def test_a_template_sets_values_per_language(catalog: Catalog) -> None:
    from photoarchive.templates import apply_template, create_template, template_preview

    set_languages(catalog, ["en", "ru"])
    a, b = add_record(catalog, 1, "a.jpg"), add_record(catalog, 2, "b.jpg")
    apply_edit(catalog, [b], {RU: "Своя подпись"})
    template = create_template(
        catalog,
        "Shumshu",
        {"caption": "Shumshu, {filename}", "caption[RU]": "Шумшу, {filename}", "title[ja]": "占守島"},
        modes={"caption[ru]": "fill"},
    )
    assert template.values == {"caption": "Shumshu, {filename}", RU: "Шумшу, {filename}", "title[ja]": "占守島"}
    preview = template_preview(catalog, template, [a, b])
    assert {f.field: f.changed for f in preview.fields} == {"caption": 2, RU: 1, "title[ja]": 2}
    edit = apply_template(catalog, template, [a, b])
    assert load_values(catalog, [a, b], ["caption", RU, "title[ja]"]) == {
        a: {"caption": "Shumshu, a", RU: "Шумшу, a", "title[ja]": "占守島"},
        b: {"caption": "Shumshu, b", RU: "Своя подпись", "title[ja]": "占守島"},  # filled only where empty
    }
    revert_edit(catalog, edit.id)
    assert load_translations(catalog, [a, b]) == {b: {"ru": {"caption": "Своя подпись"}}}
    with pytest.raises(ValidationError):
        create_template(catalog, "Bad", {"credit[ru]": "x"})


def test_the_sidecar_mirror_keeps_every_language_in_xmp_and_in_its_record(catalog: Catalog, tmp_path) -> None:
    from photoarchive.catalog.sidecars import mirror_path, read_mirror
    from photoarchive.metadata import read_curated
    from tests.conftest import add_original, write_photo

    set_languages(catalog, ["en", "ru"])
    a = add_original(catalog, write_photo(tmp_path / "card" / "IMG_1.JPG", seed=1))
    apply_edit(catalog, [a], {"caption": "Tank", RU: "Танк", JA: "戦車"})
    path = mirror_path(catalog.paths, catalog.photo(a).original_path)
    assert read_curated(path, sidecar=False).fields.translations == {
        "en": {"caption": "Tank"},
        "ja": {"caption": "戦車"},
        "ru": {"caption": "Танк"},
    }
    record = read_mirror(path)
    assert record is not None and record.translations == {JA: "戦車", RU: "Танк"}
    assert record.values()[RU] == "Танк"  # what a restore from the sidecars applies


def test_a_new_default_language_moves_the_text_and_back(catalog: Catalog) -> None:
    from photoarchive.edits import set_archive_languages

    set_languages(catalog, ["en", "ru"])
    a, b, c = (add_record(catalog, i, f"{i}.jpg") for i in range(1, 4))
    apply_edit(catalog, [a, b], {"caption": "Tank", "title": "Shumshu"})
    apply_edit(catalog, [a], {RU: "Танк", JA: "戦車"})
    before = load_values(catalog, [a, b, c], ["caption", "title", RU, JA, "caption[en]", "title[en]"])

    wanted, edit = set_archive_languages(catalog, ["RU", "en", "ja"])
    assert wanted == ["ru", "en", "ja"] and default_language(catalog) == "ru"
    assert edit.photo_ids == [a, b] and edit.description.startswith("Default language en -> ru")
    assert load_fields(catalog, [a])[a].caption == "Танк"
    assert load_translations(catalog, [a, b]) == {
        a: {"en": {"title": "Shumshu", "caption": "Tank"}, "ja": {"caption": "戦車"}},
        b: {"en": {"title": "Shumshu", "caption": "Tank"}},
    }
    # b has no Russian: its English stays the fields' value, the fallback (x-default).
    assert load_fields(catalog, [b])[b].caption == "Tank" and localized_fields(catalog, [b], "ru")[b].fallbacks
    assert catalog.photo_ids(search="Танк") == [a] and catalog.photo_ids(search="Tank") == [a, b]

    _, back = set_archive_languages(catalog, ["en", "ru", "ja"])
    assert back.id and load_values(catalog, [a, b, c], list(before[a])) == before
    assert set_archive_languages(catalog, ["en", "ja"])[1].id == 0  # the default is the same: nothing moves


def test_a_first_default_language_takes_its_values_into_the_fields(catalog: Catalog) -> None:
    from photoarchive.edits import set_archive_languages

    a, b = add_record(catalog, 1, "a.jpg"), add_record(catalog, 2, "b.jpg")
    apply_edit(catalog, [a], {"caption[en]": "Tank"})
    apply_edit(catalog, [b], {"caption": "Другое", "caption[en]": "Other"})
    set_archive_languages(catalog, ["en"])
    assert load_values(catalog, [a, b], ["caption", "caption[en]"]) == {
        a: {"caption": "Tank", "caption[en]": ""},
        b: {"caption": "Другое", "caption[en]": "Other"},  # kept: nothing says what language the caption is in
    }
