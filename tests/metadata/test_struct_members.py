"""Structures written member by member (issue 16): members of another tool's extension inside a
location created or an artwork, which we do not model, survive ``write``, the CLI's copies and a
publication package; ours carry the curated values; a structure the curator cleared goes whole."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from photoarchive.metadata.read import read_curated
from photoarchive.metadata.write import write
from tests.cli.conftest import run, show
from tests.metadata.conftest import exiftool, exiftool_json

# Written into the test file by ExifTool (``-xmp<=``: the packet as it is, since ExifTool itself
# drops members it does not know when it copies tags).
EXTENDED_XMP = """<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
    xmlns:acme="http://example.org/acme/1.0/"
    xmlns:dc="http://purl.org/dc/elements/1.1/">
   <acme:Reel>R-12</acme:Reel>
   <dc:publisher><rdf:Bag><rdf:li>Acme Press</rdf:li></rdf:Bag></dc:publisher>
   <Iptc4xmpExt:LocationCreated>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <Iptc4xmpExt:City>Severo-Kurilsk</Iptc4xmpExt:City>
      <Iptc4xmpExt:CountryCode>RUS</Iptc4xmpExt:CountryCode>
      <acme:Survey>Grid 7-B</acme:Survey>
     </rdf:li>
    </rdf:Bag>
   </Iptc4xmpExt:LocationCreated>
   <Iptc4xmpExt:ArtworkOrObject>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <Iptc4xmpExt:AOTitle><rdf:Alt>
       <rdf:li xml:lang="x-default">Medal</rdf:li><rdf:li xml:lang="ru">Медаль</rdf:li>
      </rdf:Alt></Iptc4xmpExt:AOTitle>
      <Iptc4xmpExt:AOSourceInvNo>KM-1</Iptc4xmpExt:AOSourceInvNo>
      <acme:Condition>worn</acme:Condition>
     </rdf:li>
     <rdf:li rdf:parseType="Resource">
      <Iptc4xmpExt:AOTitle><rdf:Alt><rdf:li xml:lang="x-default">Letter</rdf:li></rdf:Alt></Iptc4xmpExt:AOTitle>
      <Iptc4xmpExt:AOSource>Family</Iptc4xmpExt:AOSource>
      <acme:Condition>torn</acme:Condition>
     </rdf:li>
    </rdf:Bag>
   </Iptc4xmpExt:ArtworkOrObject>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
"""


@pytest.fixture
def extended(small_jpeg, tmp_path: Path) -> Path:
    """A JPEG whose location created and artworks carry members of an ``acme`` extension."""
    packet = tmp_path / "extended.xmp"
    packet.write_text(EXTENDED_XMP, encoding="utf-8")
    path = small_jpeg("extended.jpg")
    result = exiftool("-q", "-overwrite_original", f"-xmp<={packet}", path)
    assert result.returncode == 0, result.stderr
    tags = exiftool_json(path, "-struct", "-G1")
    assert tags["XMP-iptcExt:LocationCreated"] == [
        {"City": "Severo-Kurilsk", "CountryCode": "RUS", "Survey": "Grid 7-B"}
    ]
    assert tags["XMP-iptcExt:ArtworkOrObject"][0]["Condition"] == "worn"
    return path


def test_write_keeps_the_members_we_do_not_model(extended: Path) -> None:
    fields = read_curated(extended, sidecar=False).fields
    assert fields.location_created == {"city": "Severo-Kurilsk", "country_code": "RUS"}
    assert fields.artworks == [
        {"title": "Medal", "source_inventory_number": "KM-1"},
        {"title": "Letter", "source": "Family"},
    ]
    edited = replace(
        fields,
        location_created={"city": "Kurilsk", "country": "Russia"},  # country code removed, country added
        # The first artwork removed, the second's source changed, a new one added.
        artworks=[{"title": "Letter", "source": "Ivanov family"}, {"title": "Order"}],
    )
    write(edited, extended)
    tags = exiftool_json(extended, "-struct", "-G1")
    assert tags["XMP-iptcExt:LocationCreated"] == [{"City": "Kurilsk", "CountryName": "Russia", "Survey": "Grid 7-B"}]
    assert tags["XMP-iptcExt:ArtworkOrObject"] == [
        {"AOTitle": "Letter", "AOSource": "Ivanov family", "Condition": "torn"},
        {"AOTitle": "Order"},
    ]
    assert read_curated(extended, sidecar=False).fields.artworks == edited.artworks


def test_an_unchanged_lang_alt_member_keeps_its_languages_and_a_changed_one_does_not(extended: Path) -> None:
    fields = read_curated(extended, sidecar=False).fields
    write(fields, extended)
    (medal, _) = exiftool_json(extended, "-struct", "-G1")["XMP-iptcExt:ArtworkOrObject"]
    assert medal == {"AOTitle": "Medal", "AOTitle-ru": "Медаль", "AOSourceInvNo": "KM-1", "Condition": "worn"}
    write(replace(fields, artworks=[{"title": "Medal For Courage", "source_inventory_number": "KM-1"}]), extended)
    (medal,) = exiftool_json(extended, "-struct", "-G1")["XMP-iptcExt:ArtworkOrObject"]
    assert medal == {"AOTitle": "Medal For Courage", "AOSourceInvNo": "KM-1", "Condition": "worn"}


def test_a_cleared_structure_is_removed_whole(extended: Path) -> None:
    fields = read_curated(extended, sidecar=False).fields
    write(replace(fields, location_created={}, artworks=[]), extended)
    tags = exiftool_json(extended, "-struct", "-G1")
    assert "XMP-iptcExt:LocationCreated" not in tags
    assert "XMP-iptcExt:ArtworkOrObject" not in tags


def test_the_cli_copies_and_the_package_keep_them(
    extended: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = tmp_path / "archive"
    assert run(capsys, root, "import", str(extended))[0] == 0
    code, _, err = run(capsys, root, "edit", "1", "--location-created", "city=Kurilsk; country-code=RUS")
    assert code == 0, err
    assert show(capsys, root, 1)["location_created"] == {"city": "Kurilsk", "country_code": "RUS"}
    code, _, err = run(capsys, root, "write", "1", "--to", str(tmp_path / "copies"))
    assert code == 0, err
    for collection in ("create", "add"):
        assert run(capsys, root, "collection", collection, "ref", *(["1"] if collection == "add" else []))[0] == 0
    code, _, err = run(capsys, root, "export", "ref", "--format", "package", "--to", str(tmp_path / "pkg"))
    assert code == 0, err
    (packaged,) = (tmp_path / "pkg" / "images").glob("*.jpg")
    for path in (tmp_path / "copies" / extended.name, packaged):
        tags = exiftool_json(path, "-struct", "-G1")
        assert tags["XMP-iptcExt:LocationCreated"] == [
            {"City": "Kurilsk", "CountryCode": "RUS", "Survey": "Grid 7-B"}
        ], path
        assert [a["Condition"] for a in tags["XMP-iptcExt:ArtworkOrObject"]] == ["worn", "torn"], path


def test_write_sidecar_starts_from_the_originals_xmp(
    extended: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = tmp_path / "archive"
    assert run(capsys, root, "import", str(extended))[0] == 0
    code, _, err = run(capsys, root, "edit", "1", "--title", "Medals", "--location-created", "city=Kurilsk")
    assert code == 0, err
    code, _, err = run(capsys, root, "write", "1", "--sidecar", "--to", str(tmp_path / "sidecars"))
    assert code == 0, err
    tags = exiftool_json(tmp_path / "sidecars" / f"{extended.name}.xmp", "-struct", "-G1")
    # The original's properties that we do not model, and the members of its structures...
    assert tags["XMP-acme:Reel"] == "R-12"
    assert tags["XMP-dc:Publisher"] == ["Acme Press"]
    assert tags["XMP-iptcExt:LocationCreated"] == [{"City": "Kurilsk", "Survey": "Grid 7-B"}]
    assert [a["Condition"] for a in tags["XMP-iptcExt:ArtworkOrObject"]] == ["worn", "torn"]
    # ... with the curated values over them.
    assert tags["XMP-dc:Title"] == "Medals"
