"""``photoarchive place ...`` and ``photoarchive geotag`` as a curator runs them."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from photoarchive.cli import main
from tests.conftest import write_photo
from tests.places.conftest import write_gpx
from tests.postgres import Backend


def run(capsys: pytest.CaptureFixture[str], archive: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--archive", str(archive), *args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], archive: Path, *args: str):
    code, out, err = run(capsys, archive, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_place_commands(backend: Backend, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = backend.archive(tmp_path / "archive")
    assert run(capsys, archive, "place", "add", "Russia", "--kind", "country")[0] == 0
    run(capsys, archive, "place", "add", "Sakhalin Oblast", "--kind", "region", "--parent", "Russia")
    run(capsys, archive, "place", "add", "Kuril Islands", "--kind", "archipelago", "--parent", "Sakhalin Oblast")
    island = run_json(
        capsys,
        archive,
        "place",
        "add",
        "Shumshu",
        "--kind",
        "island",
        "--parent",
        "Kuril Islands",
        "--lat",
        "50.7686",
        "--lon",
        "156.3",
        "--radius",
        "15000",
        "--alt-name",
        "ru:Шумшу",
        "--alt-name",
        "ja:占守島",
        "--alt-name",
        "en:Shimushu",
        "--geonames",
        "2121215",
        "--wikidata",
        "Q1049609",
    )
    assert island["path"] == "Russia > Sakhalin Oblast > Kuril Islands > Shumshu"
    assert island["fills"] == {
        "sublocation": "",
        "city": "Shumshu",
        "state": "Sakhalin Oblast",
        "country": "Russia",
        "country_code": "RUS",
    }
    height = run_json(
        capsys,
        archive,
        "place",
        "add",
        "Height 171",
        "--parent",
        "占守島",
        "--lat",
        "50.7153",
        "--lon",
        "156.2547",
        "--alt-name",
        "ru:Высота 171",
    )
    assert height["parent"] == island["id"] and height["field"] == "sublocation"

    listed = run_json(capsys, archive, "place", "list")
    assert [p["name"] for p in listed] == ["Russia", "Sakhalin Oblast", "Kuril Islands", "Shumshu", "Height 171"]
    code, out, _ = run(capsys, archive, "place", "list")
    assert "        Height 171 (ru:Высота 171)" in out

    edited = run_json(
        capsys, archive, "place", "edit", "Шумшу", "--add-alt-name", "ja:シュムシュ島", "--radius", "12000"
    )
    assert edited["radius"] == 12000 and {"name": "シュムシュ島", "language": "ja"} in edited["alt_names"]

    code, _, err = run(capsys, archive, "place", "show", "Shumsu")
    assert code == 2 and "did you mean 'Shumshu'" in err
    code, _, err = run(capsys, archive, "place", "add", "X", "--lat", "50")
    assert code == 2 and "--lat and --lon together" in err

    for name in ("p.csv", "p.geojson"):
        code, out, _ = run(capsys, archive, "place", "export", str(tmp_path / name))
        assert code == 0 and out.startswith("5 places written")
        other = tmp_path / f"other-{name}"
        assert run_json(capsys, other, "place", "import", str(tmp_path / name))["added"] == [1, 2, 3, 4, 5]

    code, _, err = run(capsys, archive, "place", "remove", "Shumshu")
    assert code == 2 and "holds 1 place" in err
    code, out, _ = run(capsys, archive, "place", "remove", "Shumshu", "--force")
    assert code == 0 and out.startswith("Removed place 4")
    assert (
        run_json(capsys, archive, "place", "show", "Height 171")["path"]
        == "Russia > Sakhalin Oblast > Kuril Islands > Height 171"
    )


def test_assign_suggest_and_geotag(backend: Backend, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = backend.archive(tmp_path / "archive")
    photos = tmp_path / "card"
    # Camera set to Kamchatka time without an offset; photo 3 has GPS from the camera near Height 171.
    write_photo(photos / "a.jpg", seed=1, when=datetime(2015, 8, 11, 9, 2, 30))
    write_photo(photos / "b.jpg", seed=2, when=datetime(2015, 8, 11, 9, 30, 0))  # logger off
    write_photo(photos / "c.jpg", seed=3, when=datetime(2015, 8, 11, 9, 5, 0), gps=(50.7155, 156.2549))
    assert run(capsys, archive, "import", str(photos))[0] == 0
    ids = {p["original_name"]: p["id"] for p in run_json(capsys, archive, "list")}
    a, b, c = ids["a.jpg"], ids["b.jpg"], ids["c.jpg"]
    run(capsys, archive, "place", "add", "Russia", "--kind", "country")
    run(
        capsys,
        archive,
        "place",
        "add",
        "Shumshu",
        "--kind",
        "island",
        "--parent",
        "Russia",
        "--lat",
        "50.7686",
        "--lon",
        "156.3",
        "--alt-name",
        "ja:占守島",
    )
    run(
        capsys,
        archive,
        "place",
        "add",
        "Height 171",
        "--parent",
        "Shumshu",
        "--lat",
        "50.7153",
        "--lon",
        "156.2547",
        "--radius",
        "300",
    )

    gpx = write_gpx(tmp_path / "walk.gpx")
    proposed = run_json(capsys, archive, "geotag", str(gpx), "--timezone", "Asia/Kamchatka")
    statuses = {p["photo"]: p["status"] for p in proposed["proposals"]}
    assert statuses == {a: "matched", b: "gap"} and proposed["applied"] is False
    code, out, _ = run(capsys, archive, "geotag", str(gpx), "--timezone", "Asia/Kamchatka", "--apply")
    assert code == 0
    assert "1 matched, 1 not matched (reported, not guessed); positions written" in out
    shown = run_json(capsys, archive, "show", str(a))
    assert shown["latitude"] == pytest.approx(50.7025)

    suggestions = run_json(capsys, archive, "place", "suggest")["suggestions"]
    by_photo = {s["photo"]: s for s in suggestions}
    assert by_photo[c]["name"] == "Height 171" and by_photo[a]["name"] == "Shumshu"
    accepted = run_json(capsys, archive, "place", "suggest", str(c), "--accept")
    assert accepted["edit"] is not None

    result = run_json(capsys, archive, "place", "assign", "占守島", str(b))
    assert result["photos"] == [b]
    assert run_json(capsys, archive, "place", "show", "Shumshu")["photo_ids"] == [b]
    assert run_json(capsys, archive, "place", "show", "Height 171")["photo_ids"] == [c]
    assert sorted(p["id"] for p in run_json(capsys, archive, "list", "--search", "占守島")) == sorted([b, c])
