"""``catalog.changes``: what other connections committed, as a window polls for it."""

from __future__ import annotations

from photoarchive.catalog import Catalog
from photoarchive.catalog.changes import changes_since, mark
from photoarchive.edits import apply_edit
from tests.places.conftest import add_photo


def test_only_what_other_connections_committed_is_reported(catalog: Catalog) -> None:
    first, second = add_photo(catalog, 1), add_photo(catalog, 2)
    seen = mark(catalog)
    apply_edit(catalog, [first], {"caption": "Our own"}, description="in this window")
    nothing = changes_since(catalog, seen)
    assert not nothing.any and nothing.mark == seen  # this connection's own commit: known already

    with Catalog(catalog.paths.root) as other:
        apply_edit(other, [second], {"caption": "From the command line"}, description="edit")
    changes = changes_since(catalog, seen)
    assert changes.any and not changes.photos_added_or_removed
    assert second in changes.photo_ids
    assert not changes_since(catalog, changes.mark).any  # reported once

    with Catalog(catalog.paths.root) as other:
        add_photo(other, 3)
    added = changes_since(catalog, changes.mark)
    assert added.any and added.photos_added_or_removed and added.photo_ids == []
