"""A place assigned to photos whose own GPS is far from it: warned, listed, and fixed in one edit."""

from __future__ import annotations

from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.attention import load_attention_values, needing_attention, reasons
from photoarchive.catalog.connection import transaction
from photoarchive.catalog.curated import load_values
from photoarchive.cli import main
from photoarchive.edits import history, revert_edit
from photoarchive.model.position import distance_m, far_limit_m, is_far_from_place
from photoarchive.places import assign_place
from tests.places.conftest import HEIGHT_171, Shumshu, add_photo, build_shumshu

ITALY = (43.46745, 11.88513)  # 8,000 km from Shumshu


def test_the_rule() -> None:
    assert far_limit_m(None) == 5000 and far_limit_m(100) == 5100 and far_limit_m(15000) == 45000
    assert 7_000_000 < distance_m(*HEIGHT_171, *ITALY) < 9_000_000
    assert distance_m(0, 0, 0, 1) == pytest.approx(111_195, rel=1e-3)
    near = (HEIGHT_171[0] + 0.03, HEIGHT_171[1])  # 3.3 km
    assert not is_far_from_place(near, "camera", HEIGHT_171, 100)
    assert is_far_from_place((HEIGHT_171[0] + 0.06, HEIGHT_171[1]), "camera", HEIGHT_171, 100)  # 6.7 km
    assert not is_far_from_place((HEIGHT_171[0] + 0.06, HEIGHT_171[1]), "camera", HEIGHT_171, 15000)
    assert not is_far_from_place(ITALY, "place", HEIGHT_171, 100)  # the place's own centre, elsewhere
    assert is_far_from_place(ITALY, "edited", HEIGHT_171, 100) and is_far_from_place(ITALY, None, HEIGHT_171, 100)


def test_assign_warns_lists_and_replaces(catalog: Catalog, shumshu: Shumshu) -> None:
    italy = add_photo(catalog, 1, gps=ITALY)
    near = add_photo(catalog, 2, gps=(HEIGHT_171[0] + 0.001, HEIGHT_171[1]))
    bare = add_photo(catalog, 3)
    for pid in (italy, near, bare):  # complete, so that only the place can put them in the list
        with transaction(catalog.conn):
            catalog.conn.execute("UPDATE photos SET caption = 'c', creator = 'a', copyright = '©' WHERE id = ?", (pid,))
    assert needing_attention(catalog) == []
    assignment = assign_place(catalog, [italy, near, bare], shumshu.height.id)
    assert [f.photo_id for f in assignment.far] == [italy]
    assert assignment.far[0].place.name == "Height 171" and assignment.far[0].distance > 7_000_000
    assert needing_attention(catalog) == [italy]
    values = load_attention_values(catalog, [italy, near])
    assert [rule.key for rule, _ in reasons(values[italy])] == ["far from place"]
    assert reasons(values[near]) == []
    # Replacing the position with the place's: one edit, undone in one step.
    fixed = assign_place(catalog, [italy], shumshu.height.id, position_from_place=True)
    assert fixed.far == [] and fixed.edit.description == "Place 1 photo at Height 171, at its position"
    assert load_values(catalog, [italy], ["latitude", "longitude", "gps_source"])[italy] == {
        "latitude": HEIGHT_171[0],
        "longitude": HEIGHT_171[1],
        "gps_source": "place",
    }
    assert needing_attention(catalog) == []
    revert_edit(catalog, fixed.edit.id)
    assert needing_attention(catalog) == [italy]
    assert len(history(catalog)) == 3


def test_the_command_line_warns_and_replaces(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "archive"
    with Catalog(archive) as catalog:
        build_shumshu(catalog)
        photo = add_photo(catalog, 7, gps=ITALY)
    assert main(["--archive", str(archive), "place", "assign", "Height 171", str(photo)]) == 0
    _out, err = capsys.readouterr()
    assert "warning: 1 photo far from Height 171" in err and f"{photo} (" in err and "--position-from-place" in err
    code = main(["--archive", str(archive), "edit", str(photo), "--place", "Height 171", "--position-from-place"])
    _out, err = capsys.readouterr()
    assert code == 0 and "far from" not in err
    with Catalog(archive) as catalog:
        assert load_values(catalog, [photo], ["latitude", "gps_source"])[photo] == {
            "latitude": HEIGHT_171[0],
            "gps_source": "place",
        }
    assert main(["--archive", str(archive), "edit", str(photo), "--position-from-place"]) != 0
    assert "needs --place" in capsys.readouterr().err
