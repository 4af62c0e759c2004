from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.attention import needing_attention
from photoarchive.catalog.curated import keywords_in_use, load_fields
from photoarchive.cli import main
from photoarchive.edits import apply_edit, history, reapply_edit, revert_edit
from photoarchive.errors import NotFoundError, ValidationError
from tests.conftest import add_record
from tests.postgres import Backend


@pytest.fixture
def catalog(backend_catalog: Catalog) -> Catalog:
    """Each test runs on SQLite and on PostgreSQL (``backend_catalog``)."""
    return backend_catalog


def test_batch_edit_is_one_recorded_transaction(catalog: Catalog) -> None:
    a, b = add_record(catalog, 1, "a.jpg"), add_record(catalog, 2, "b.jpg")
    edit = apply_edit(
        catalog, [a, b], {"credit": "Sample Expedition", "keywords": ["Шумшу", "占守島", "Шумшу"]}, who="curator"
    )
    assert edit.id > 0 and edit.photo_ids == [a, b] and len(edit.changes) == 4
    fields = load_fields(catalog, [a, b])
    assert fields[a].credit == "Sample Expedition" and fields[b].keywords == ["Шумшу", "占守島"]
    assert catalog.photo_ids(search="占守島") == [a, b]
    assert keywords_in_use(catalog) == ["Шумшу", "占守島"]
    (latest,) = history(catalog, photo_id=a)
    assert latest.who == "curator" and {c.field for c in latest.changes} == {"credit", "keywords"}
    assert latest.changes[0].old in ("", [])


def test_the_history_names_the_curator(catalog: Catalog, backend: Backend, monkeypatch: pytest.MonkeyPatch) -> None:
    """An edit and its undo are recorded as made by the curator: on a server the database role
    they logged in as, on SQLite the computer's login name; a name the owner sets comes first."""
    monkeypatch.setattr("getpass.getuser", lambda: "login-name")
    a = add_record(catalog, 1, "a.jpg")
    edit = apply_edit(catalog, [a], {"credit": "Expedition"})
    undo = revert_edit(catalog, edit.id)
    role = urlsplit(backend.url).username if backend.url is not None else None
    expected = role if backend.name == "postgresql" else "login-name"
    assert [e.who for e in history(catalog)] == [expected, expected]
    catalog.curator = " Anna Petrova "
    named = apply_edit(catalog, [a], {"credit": "Expedition 2015"})
    assert [e.who for e in history(catalog)] == ["Anna Petrova", expected, expected]
    assert history(catalog)[0].id == named.id and undo.reverts == edit.id
    catalog.curator = None  # the owner's name forgotten: the role or login again
    assert apply_edit(catalog, [a], {"credit": ""}).who == expected


def test_the_environment_names_the_curator(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    """Curators sharing a login or a database role name themselves in $PHOTOARCHIVE_CURATOR;
    a name the owner sets still comes first."""
    monkeypatch.setenv("PHOTOARCHIVE_CURATOR", " Ivan Sidorov ")
    a = add_record(catalog, 1, "a.jpg")
    assert apply_edit(catalog, [a], {"credit": "Expedition"}).who == "Ivan Sidorov"
    catalog.curator = "Anna Petrova"
    assert apply_edit(catalog, [a], {"credit": "Expedition 2015"}).who == "Anna Petrova"
    assert main(["--archive", str(catalog.paths.root), "edit", str(a), "--credit", "Museum"]) == 0
    assert history(catalog)[0].who == "Ivan Sidorov"  # the command line's catalog, named by the variable


def test_revert_and_reapply(catalog: Catalog) -> None:
    a = add_record(catalog, 1, "a.jpg")
    first = apply_edit(catalog, [a], {"caption": "Wreck of a Type 97 tank"})
    apply_edit(catalog, [a], {"caption": "Wreck of a Japanese Type 97 tank"})
    undo = revert_edit(catalog, first.id)
    assert undo.reverts == first.id and load_fields(catalog, [a])[a].caption == ""
    reapply_edit(catalog, first.id)
    assert load_fields(catalog, [a])[a].caption == "Wreck of a Type 97 tank"


def test_unchanged_values_are_not_recorded(catalog: Catalog) -> None:
    a = add_record(catalog, 1, "a.jpg")
    apply_edit(catalog, [a], {"city": "Shumshu"})
    again = apply_edit(catalog, [a], {"city": "Shumshu"})
    assert again.id == 0 and again.changes == []


def test_bad_input_changes_nothing(catalog: Catalog) -> None:
    a = add_record(catalog, 1, "a.jpg")
    with pytest.raises(ValidationError, match="unknown field"):
        apply_edit(catalog, [a], {"caption": "ok", "colour": "red"})
    with pytest.raises(NotFoundError, match="999"):
        apply_edit(catalog, [a, 999], {"caption": "ok"})
    assert load_fields(catalog, [a])[a].caption == ""
    assert history(catalog) == []


def test_needing_attention(catalog: Catalog) -> None:
    a, b = add_record(catalog, 1, "a.jpg"), add_record(catalog, 2, "b.jpg")
    apply_edit(catalog, [b], {"caption": "c", "credit": "Sample Expedition", "copyright": "© 2015 Sample Expedition"})
    assert needing_attention(catalog) == [a]
