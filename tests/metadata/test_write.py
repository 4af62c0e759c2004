"""Writing curated fields: round trips through ExifTool, validation, untouched pixels and tags."""

from __future__ import annotations

import hashlib
import shutil
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from photoarchive.errors import MetadataWriteError, ValidationError
from photoarchive.metadata import read_curated, read_curated_bytes, write, write_bytes, write_sidecar
from photoarchive.model import CuratedFields, LocationShown
from tests.conftest import write_photo
from tests.metadata.conftest import GPS, MIXED, exiftool, exiftool_json


def _image_hash(path: Path) -> str:
    """A hash of the compressed image data of a JPEG (from its SOS on) or of a TIFF's pixels.

    (ExifTool's ImageDataHash would do, but needs ExifTool 12.58.)
    """
    data = path.read_bytes()
    if data[:2] != b"\xff\xd8":
        with Image.open(path) as image:
            return hashlib.sha256(image.tobytes()).hexdigest()
    pos = 2
    while data[pos + 1] != 0xDA:  # walk the segments to the start of scan
        pos += 2 + int.from_bytes(data[pos + 2 : pos + 4], "big")
    return hashlib.sha256(data[pos:]).hexdigest()


def _validation(path: Path) -> set[str]:
    """ExifTool's validation warnings and errors for ``path``."""
    lines = exiftool("-validate", "-warning", "-error", "-a", "-s", path).stdout.splitlines()
    return {line.split(":", 1)[1].strip() for line in lines if line.startswith(("Warning", "Error"))}


def test_round_trip_in_three_scripts(small_jpeg) -> None:
    path = small_jpeg()
    result = write(MIXED, path, gps=GPS)
    assert result.shortened == []

    info = exiftool_json(path, "-G1", "-a", "-struct")
    assert info["IPTC:CodedCharacterSet"] == "UTF8"
    for tag, value in {
        "IFD0:ImageDescription": MIXED.caption,
        "IPTC:Caption-Abstract": MIXED.caption,
        "XMP-dc:Description": MIXED.caption,
        "IFD0:Artist": MIXED.creator,
        "IPTC:By-line": ["Иван Петров", "山田 太郎"],
        "XMP-dc:Creator": ["Иван Петров", "山田 太郎"],
        "IFD0:Copyright": MIXED.copyright,
        "IPTC:CopyrightNotice": MIXED.copyright,
        "XMP-dc:Rights": MIXED.copyright,
        "IPTC:Credit": MIXED.credit,
        "XMP-photoshop:Credit": MIXED.credit,
        "IPTC:City": MIXED.city,
        "XMP-photoshop:City": MIXED.city,
        "IPTC:Sub-location": MIXED.sublocation,
        "XMP-iptcCore:Location": MIXED.sublocation,
        "IPTC:Country-PrimaryLocationCode": "RUS",
        "IPTC:Keywords": MIXED.keywords,
        "XMP-dc:Subject": MIXED.keywords,
        "XMP-lr:HierarchicalSubject": MIXED.hierarchical_keywords,
        "XMP-iptcExt:Event": MIXED.event,
        "XMP-xmpRights:UsageTerms": MIXED.usage_terms,
        "XMP-iptcCore:AltTextAccessibility": MIXED.alt_text,
        "XMP-photoshop:TransmissionReference": MIXED.job_id,
        "IPTC:OriginalTransmissionReference": MIXED.job_id,
        "ExifIFD:DateTimeOriginal": "2015:08:18 10:31:05",
        "ExifIFD:OffsetTimeOriginal": "+11:00",
        "IPTC:DateCreated": "2015:08:18",
        "IPTC:TimeCreated": "10:31:05+11:00",
        "XMP-photoshop:DateCreated": "2015:08:18 10:31:05+11:00",
    }.items():
        assert info.get(tag) == value, tag
    shown = info["XMP-iptcExt:LocationShown"][0]
    assert (shown["City"], shown["Sublocation"], shown["CountryCode"]) == (MIXED.city, MIXED.sublocation, "RUS")

    back = read_curated(path)
    assert back.fields == MIXED
    assert back.conflicts == []
    assert back.gps is not None and back.gps.latitude == pytest.approx(GPS.latitude, abs=1e-6)
    assert back.gps.altitude == pytest.approx(171.5)
    assert _validation(path) == set()


def test_mwg_composites_of_exiftool_agree_with_what_we_wrote(small_jpeg) -> None:
    path = small_jpeg()
    write(MIXED, path)
    info = exiftool_json(path, "-use", "MWG", "-MWG:all", "-G1")
    assert info["MWG:Description"] == MIXED.caption
    assert info["MWG:Creator"] == ["Иван Петров", "山田 太郎"]
    assert info["MWG:Copyright"] == MIXED.copyright
    assert info["MWG:Keywords"] == MIXED.keywords
    assert (info["MWG:City"], info["MWG:Location"], info["MWG:Country"]) == (MIXED.city, MIXED.sublocation, "Россия")


@pytest.mark.parametrize("name", ["Canon.jpg", "IPTC.jpg", "ExifTool.jpg", "PhotoMechanic.jpg", "MWG.jpg", "GPS.jpg"])
def test_validation_warnings_are_only_those_the_source_had(name: str, sample_copy) -> None:
    path = sample_copy(name)
    before = _validation(path)
    write(MIXED, path, gps=GPS)
    # A stale digest in the source is one thing we fix; nothing may be added.
    assert _validation(path) <= before
    assert read_curated(path).fields == MIXED


# Tags that EXIF requires, added only when we create EXIF in a file that had none.
EXIF_REQUIRED = {"IFD0:XResolution", "IFD0:YResolution", "IFD0:ResolutionUnit", "IFD0:YCbCrPositioning",
                 "ExifIFD:ExifVersion", "ExifIFD:ComponentsConfiguration", "ExifIFD:FlashpixVersion",
                 "ExifIFD:ColorSpace", "ExifIFD:ExifImageWidth", "ExifIFD:ExifImageHeight"}  # fmt: skip


@pytest.mark.parametrize("name", ["Canon.jpg", "ExifTool.jpg", "PhotoMechanic.jpg", "Nikon.jpg", "GPS.jpg"])
def test_pixels_and_unrelated_tags_are_untouched(name: str, sample_copy) -> None:
    path = sample_copy(name)
    ignored = ("File:", "System:", "ExifTool:", "Composite:", "IPTC:", "XMP-", "Photoshop:IPTCDigest")
    managed = {"IFD0:ImageDescription", "IFD0:Artist", "IFD0:Copyright", "ExifIFD:DateTimeOriginal",
               "ExifIFD:SubSecTimeOriginal", "ExifIFD:OffsetTimeOriginal"}  # fmt: skip

    def unrelated() -> dict:
        info = exiftool_json(path, "-G1", "-a", "-n", "-b")
        # Offsets say where things are in the file, which moves when metadata grows.
        return {
            k: v
            for k, v in info.items()
            if not k.startswith(ignored) and k not in managed and not k.endswith(("Offset", "MPImageStart"))
        }

    hash_before, tags_before = _image_hash(path), unrelated()
    write(MIXED, path)
    tags_after = unrelated()
    assert _image_hash(path) == hash_before
    assert {k: tags_after.get(k) for k in tags_before} == tags_before
    had_exif = any(k.startswith(("IFD0:", "ExifIFD:")) for k in tags_before)
    assert set(tags_after) - set(tags_before) <= (set() if had_exif else EXIF_REQUIRED)


def test_unmanaged_iptc_and_xmp_are_kept(sample_copy) -> None:
    path = sample_copy("PhotoMechanic.jpg")
    write(MIXED, path)
    info = exiftool_json(path, "-G1", "-a")
    assert info["IPTC:SupplementalCategories"] == ["Supp Cat 1", "Supp Cat 2"]
    assert info["IPTC:EditStatus"] == "Edit Status"
    assert info["XMP-photomech:EditStatus"] == "Edit Status"
    assert info["XMP-photoshop:SupplementalCategories"] == ["Supp Cat 1", "Supp Cat 2"]


def test_iptc_digest_is_current_after_writing(sample_copy) -> None:
    path = sample_copy("IPTC.jpg")  # its stored digest is stale
    write(MIXED, path)
    info = exiftool_json(path, "-CurrentIPTCDigest", "-IPTCDigest", "-Warning")
    assert info["CurrentIPTCDigest"] == info["IPTCDigest"]
    assert "Warning" not in info


def test_iim_limits_cut_between_characters_and_are_reported(small_jpeg) -> None:
    path = small_jpeg()
    fields = replace(
        MIXED,
        caption="Ш" * 1500,  # 3000 bytes: IIM keeps 2000
        credit="占守島の戦いの記録と写真集",  # 3-byte characters: 32 bytes would split one
        keywords=["танк", "к" * 40],  # 80 bytes: IIM keeps 64
    )
    result = write(fields, path)
    cuts = {(s.field, s.dataset): s.kept for s in result.shortened}
    assert cuts == {
        ("caption", "IIM 2:120"): "Ш" * 1000,
        ("credit", "IIM 2:110"): "占守島の戦いの記録と",
        ("keywords", "IIM 2:25"): "к" * 32,
    }
    info = exiftool_json(path, "-G1", "-a")
    assert info["IPTC:Caption-Abstract"] == "Ш" * 1000
    assert info["IPTC:Credit"] == "占守島の戦いの記録と"
    assert info["XMP-dc:Description"] == info["IFD0:ImageDescription"] == fields.caption
    assert info["XMP-photoshop:Credit"] == fields.credit
    # MWG readers take the whole values from XMP; so do we, without calling it a conflict.
    back = read_curated(path)
    assert (back.fields.caption, back.fields.credit, back.fields.keywords) == (
        fields.caption,
        fields.credit,
        fields.keywords,
    )
    assert back.conflicts == []


def test_dates_of_lesser_precision(small_jpeg) -> None:
    path = write_photo(small_jpeg().with_name("camera.jpg"))  # has an EXIF DateTimeOriginal
    before = _validation(path)
    write(replace(MIXED, date_created="1945-08"), path)
    info = exiftool_json(path, "-G1", "-a")
    assert "ExifIFD:DateTimeOriginal" not in info  # EXIF cannot say "August 1945"
    assert info["IPTC:DateCreated"] == "1945:08:00"  # IIM 4.2: 00 for an unknown day
    assert "IPTC:TimeCreated" not in info
    assert info["XMP-photoshop:DateCreated"] == "1945:08"
    assert read_curated(path).fields.date_created == "1945-08"
    assert _validation(path) <= before

    write(replace(MIXED, date_created="2015-08-18T10:31:05"), path)  # local time, offset unknown
    info = exiftool_json(path, "-G1", "-a")
    assert info["ExifIFD:DateTimeOriginal"] == "2015:08:18 10:31:05"
    assert "ExifIFD:OffsetTimeOriginal" not in info
    assert "IPTC:TimeCreated" not in info  # IIM requires an offset with the time
    assert read_curated(path).fields.date_created == "2015-08-18T10:31:05"


def test_empty_fields_remove_their_tags(small_jpeg) -> None:
    path = small_jpeg()
    write(MIXED, path, gps=GPS)
    write(CuratedFields(), path)
    info = exiftool_json(path, "-G1", "-a")
    curated_tags = [k for k in info if k.startswith(("IFD0:Image", "IFD0:Artist", "IFD0:Copyright", "XMP-dc", "XMP-photoshop", "XMP-iptc", "XMP-lr", "XMP-photoarchive"))]  # fmt: skip
    assert curated_tags == []
    assert {k for k in info if k.startswith("IPTC:")} == {
        "IPTC:CodedCharacterSet",
        "IPTC:EnvelopeRecordVersion",
        "IPTC:ApplicationRecordVersion",
    }
    back = read_curated(path)
    assert back.fields.is_empty() and back.gps is None


def test_failed_read_back_leaves_the_target_untouched(small_jpeg, monkeypatch) -> None:
    path = small_jpeg()
    original = path.read_bytes()
    # (The package's "write" is the function; the module is in sys.modules.)
    monkeypatch.setattr(sys.modules["photoarchive.metadata.write"], "_differences", lambda *args: ["caption", "city"])
    with pytest.raises(MetadataWriteError, match="caption, city"):
        write(MIXED, path)
    assert path.read_bytes() == original
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left


def test_bad_values_are_refused_before_writing(small_jpeg) -> None:
    path = small_jpeg()
    original = path.read_bytes()
    with pytest.raises(ValidationError) as error:
        write(replace(MIXED, city="Kuril\x07sk"), path)
    assert error.value.field == "city"
    with pytest.raises(ValidationError):
        write(MIXED, path, gps=(91.0, 10.0))
    assert path.read_bytes() == original


def test_unreadable_target_is_a_write_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"not a jpeg at all")
    with pytest.raises(MetadataWriteError, match=r"bad\.jpg"):
        write(MIXED, bad)
    with pytest.raises(MetadataWriteError, match=r"missing\.jpg"):
        write(MIXED, tmp_path / "missing.jpg")


def test_source_metadata_is_carried_to_a_derivative(tmp_path: Path, small_jpeg) -> None:
    original = write_photo(tmp_path / "IMG_0001.JPG", orientation=6, gps=(50.75, 156.2))
    derivative = small_jpeg("IMG_0001_web.jpg", size=(32, 48))
    write(MIXED, derivative, source_metadata=original)
    info = exiftool_json(derivative, "-G1", "-a", "-n")
    assert (info["IFD0:Make"], info["IFD0:Model"]) == ("Canon", "Canon EOS 5D Mark III")
    assert info["IFD0:Orientation"] == 1  # the derivative's pixels are upright
    assert info["GPS:GPSLatitude"] == pytest.approx(50.75, abs=1e-4)
    assert read_curated(derivative).fields == MIXED
    assert _validation(derivative) <= _validation(original)


SHUMSHU_SHOWN = LocationShown(
    place_id=4,
    names={"x-default": "Shumshu", "ru": "Шумшу", "ja": "占守島", "en": "Shimushu"},
    identifiers=["https://sws.geonames.org/2121215/", "http://www.wikidata.org/entity/Q1049609"],
)


def test_location_shown_carries_the_place_names_and_identifiers(small_jpeg, tmp_path: Path) -> None:
    path = small_jpeg()
    fields = replace(MIXED, sublocation="", city="Shumshu", state="Sakhalin Oblast", country="Russia")
    write(fields, path, gps=(50.7686, 156.3, None), location=SHUMSHU_SHOWN)
    (shown,) = exiftool_json(path, "-struct", "-XMP-iptcExt:LocationShown")["LocationShown"]
    assert shown["LocationName"] == "Shumshu" and shown["LocationName-ru"] == "Шумшу"
    assert shown["LocationName-ja"] == "占守島" and shown["LocationName-en"] == "Shimushu"
    assert shown["LocationId"] == SHUMSHU_SHOWN.identifiers
    assert (shown["City"], shown["ProvinceState"], shown["CountryName"]) == ("Shumshu", "Sakhalin Oblast", "Russia")
    assert (shown["CountryCode"], "Sublocation" in shown) == ("RUS", False)
    assert shown["GPSLatitude"] == "50 deg 46' 6.96\" N"
    assert exiftool("-validate", "-warning", "-a", path).stdout.split(":")[-1].strip() == "OK"
    # x-default first, as the IPTC standard asks of a lang-alt
    assert exiftool("-XMP", "-b", path).stdout.index('"x-default"') < exiftool("-XMP", "-b", path).stdout.index('"ru"')
    back = read_curated(path).location
    assert back is not None and (back.names, back.identifiers) == (SHUMSHU_SHOWN.names, SHUMSHU_SHOWN.identifiers)

    # an XMP sidecar gets the same; writing again without a place takes the names away
    sidecar = tmp_path / "IMG_0001.CR2.xmp"
    write_sidecar(fields, sidecar, location=SHUMSHU_SHOWN)
    assert read_curated(sidecar).location == replace(SHUMSHU_SHOWN, place_id=0)
    write(fields, path)
    assert read_curated(path).location is None
    assert "LocationId" not in exiftool_json(path, "-struct", "-XMP-iptcExt:LocationShown")["LocationShown"][0]


def test_bad_location_shown_is_refused_before_writing(small_jpeg) -> None:
    path = small_jpeg()
    original = path.read_bytes()
    for bad in (
        replace(SHUMSHU_SHOWN, identifiers=["javascript:alert(1)"]),
        replace(SHUMSHU_SHOWN, names={"x-default": "Shumshu", "not a tag": "x"}),
        replace(SHUMSHU_SHOWN, names={"ru": "Шум\x07шу"}),
    ):
        with pytest.raises(ValidationError) as error:
            write(MIXED, path, location=bad)
        assert error.value.field == "location" and "location shown" in str(error.value)
    assert path.read_bytes() == original
    # names without an x-default get the first as x-default
    write(MIXED, path, location=replace(SHUMSHU_SHOWN, names={"ru": "Шумшу", "ja": "占守島"}, identifiers=[]))
    assert read_curated(path).location.names == {"x-default": "Шумшу", "ru": "Шумшу", "ja": "占守島"}


def test_write_bytes_in_memory_equals_write_to_a_file(small_jpeg, tmp_path: Path) -> None:
    path = small_jpeg()
    data = path.read_bytes()
    out, result = write_bytes(MIXED, data, name="web.jpg", gps=GPS, location=SHUMSHU_SHOWN)
    write(MIXED, path, gps=GPS, location=SHUMSHU_SHOWN)
    assert out == path.read_bytes() and result.path == Path("web.jpg")
    assert read_curated_bytes(out).fields == MIXED
    with pytest.raises(MetadataWriteError, match=r"cannot write metadata to web\.jpg"):
        write_bytes(MIXED, b"not a jpeg", name="web.jpg")


def test_write_to_a_tiff_copy(sample_copy) -> None:
    path = sample_copy("ExifTool.tif")
    hash_before = _image_hash(path)
    write(MIXED, path)
    assert read_curated(path).fields == MIXED
    assert _image_hash(path) == hash_before


def test_sample_copy_is_independent(sample_copy, metadata_samples: Path) -> None:
    # Guard for the tests above: they must never write into shared/samples.
    path = sample_copy("IPTC.jpg")
    write(MIXED, path)
    assert (metadata_samples / "IPTC.jpg").read_bytes() != path.read_bytes()
    assert shutil.which("exiftool")


@pytest.mark.parametrize("name", ["PNG.png", "RIFF.webp", "DNG.dng"])
def test_other_writable_formats(name: str, sample_copy) -> None:
    path = sample_copy(name)
    before = _validation(path)
    result = write(MIXED, path, gps=GPS)
    assert read_curated(path).fields == MIXED
    assert _validation(path) <= before
    if name == "DNG.dng":  # its Canon maker note is damaged: said, but not fatal
        assert any("Canon" in w for w in result.warnings)


@pytest.mark.parametrize("name", ["Nikon.nef", "CanonRaw.cr2", "QuickTime.heic"])
def test_raw_and_heif_files_get_sidecars_not_embedded_metadata(name: str, sample_copy) -> None:
    path = sample_copy(name)
    original = path.read_bytes()
    with pytest.raises(MetadataWriteError, match="sidecar"):
        write(MIXED, path)
    assert path.read_bytes() == original


_WRITE_IN_A_FRESH_PROCESS = """
import shutil, sys
from photoarchive.metadata import read_curated, write
from photoarchive.model import CuratedFields
for earlier in sys.argv[3:]:
    read_curated(earlier)
shutil.copyfile(sys.argv[1], sys.argv[2])
write(CuratedFields(caption="Шумшу", usage_terms="Editorial use", creator="A"), sys.argv[2])
"""


def test_written_bytes_do_not_depend_on_files_read_before(small_jpeg, tmp_path: Path, metadata_samples: Path) -> None:
    """Photo Mechanic spells xmpRights "xapRights"; a process that read such a file first must
    still write the same bytes as a fresh one (export workers and the GUI must agree)."""
    import subprocess

    source = small_jpeg()
    fresh, after = tmp_path / "fresh.jpg", tmp_path / "after.jpg"
    for target, earlier in ((fresh, []), (after, [metadata_samples / "PhotoMechanic.jpg"])):
        subprocess.run(
            [sys.executable, "-c", _WRITE_IN_A_FRESH_PROCESS, str(source), str(target), *map(str, earlier)],
            check=True,
            timeout=60,
        )
    assert b"xmpRights:UsageTerms" in fresh.read_bytes()
    assert fresh.read_bytes() == after.read_bytes()
