"""``metadata.coverage``: the reference image's IPTC properties, modelled, kept or lost by write."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from photoarchive.metadata.coverage import CHANGED, KEPT, LOST, MODELLED, metadata_coverage
from tests.cli.conftest import run
from tests.conftest import SAMPLES

REFERENCE = SAMPLES / "metadata" / "IPTC-PhotometadataRef-Std2022.1.jpg"


def test_the_reference_image() -> None:
    report = {p.name: (p.status, p.field) for p in metadata_coverage(REFERENCE)}
    assert report["Iptc4xmpExt:ImageRegion"] == (MODELLED, "image_regions")
    assert report["plus:Licensor"] == (MODELLED, "licensors")
    assert report["Iptc4xmpExt:PersonInImage"] == (MODELLED, "persons_shown")
    assert report["Iptc4xmpExt:ProductInImage"] == (KEPT, "")
    assert report["IIM 2:120 (Caption)"] == (MODELLED, "caption")
    # The second location shown, and the Core City that disagrees with the location shown's.
    assert report["Iptc4xmpExt:LocationShown"] == (CHANGED, "location shown")
    assert report["photoshop:City"] == (CHANGED, "city")
    assert not [name for name, (status, _) in report.items() if status == LOST]
    modelled = sum(1 for status, _ in report.values() if status in (MODELLED, CHANGED))
    assert modelled >= 45


@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool is not installed")
def test_a_language_write_drops_is_a_change(tmp_path: Path) -> None:
    """A modelled property that write changes: a lang-alt's other language of a
    field kept as x-default only (usage terms) is written away."""
    path = tmp_path / "x.jpg"
    shutil.copy(REFERENCE, path)
    subprocess.run(
        ["exiftool", "-q", "-overwrite_original", "-XMP-xmpRights:UsageTerms-de=Nutzung", str(path)], check=True
    )
    report = {p.name: p.status for p in metadata_coverage(path)}
    assert report["xmpRights:UsageTerms"] == CHANGED


def test_check_metadata_on_the_command_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = tmp_path / "archive"
    assert run(capsys, root, "import", str(REFERENCE))[0] == 0
    code, out, err = run(capsys, root, "check", "--metadata", "1", "--json")
    assert code == 0, err
    rows = {p["property"]: p for p in json.loads(out)["properties"]}
    assert rows["Iptc4xmpExt:ArtworkOrObject"] == {
        "property": "Iptc4xmpExt:ArtworkOrObject",
        "field": "artworks",
        "status": "modelled",
    }
    code, out, _ = run(capsys, root, "check", "--metadata", "1")
    assert code == 0 and "kept" in out.splitlines()[-1]
    code, _, err = run(capsys, root, "check", "--metadata", "7")
    assert code != 0 and "no photo with id 7" in err
