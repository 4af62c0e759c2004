"""IIM character sets (1:90 and legacy code pages), byte limits and the IPTC digest."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from photoarchive.errors import ValidationError
from photoarchive.files import truncate_utf8
from photoarchive.metadata import iim, irb, read_curated, write
from photoarchive.model import CuratedFields
from tests.metadata.conftest import exiftool, exiftool_json


def _iptc(path: Path, *assignments: str, charset: str = "cp1251") -> Path:
    """Write IIM with ExifTool in a legacy code page, without a 1:90 marker."""
    done = exiftool("-q", "-overwrite_original", "-charset", f"iptc={charset}", *assignments, path)
    assert done.returncode == 0, done.stderr
    assert "IPTC:CodedCharacterSet" not in exiftool_json(path, "-G1", "-IPTC:CodedCharacterSet")
    return path


@pytest.mark.parametrize(
    ("raw", "charset", "legacy", "expected", "used_legacy"),
    [
        ("Шумшу".encode(), "utf-8", "cp1251", "Шумшу", False),
        ("Шумшу".encode(), None, "cp1251", "Шумшу", False),  # valid UTF-8 without a marker
        ("Шумшу".encode("cp1251"), None, "cp1251", "Шумшу", True),
        ("Шумшу".encode("koi8-r"), None, "koi8-r", "Шумшу", True),
        ("占守島".encode("cp932"), None, "cp932", "占守島", True),
        (b"Kingston", None, "cp1251", "Kingston", False),
        ("Malmö".encode("latin-1"), "iso8859-1", "cp1251", "Malmö", False),
        (b"text\x00\x00", None, "cp1251", "text", False),
    ],
)
def test_decode(raw: bytes, charset: str | None, legacy: str, expected: str, used_legacy: bool) -> None:
    assert iim.decode(raw, charset, legacy) == (expected, used_legacy)


def test_markers() -> None:
    assert iim.charset_of_marker(b"\x1b%G") == "utf-8"
    assert iim.charset_of_marker(b"\x1b-A") == "iso8859-1"
    assert iim.charset_of_marker(b"\x1b$B") is None  # not one we know: the caller warns
    assert iim.charset_of_marker(None) is None


@pytest.mark.parametrize("text", ["Kingston", "Шумшу-2015", "占守島の戦い", "mixed Ш占 😀 emoji"])
def test_truncation_never_splits_a_character(text: str) -> None:
    data = text.encode()
    for limit in range(len(data) + 2):
        cut = truncate_utf8(text, limit)
        assert text.startswith(cut)
        assert len(cut.encode()) <= limit
        assert len(cut.encode()) > limit - 4 or cut == text  # never shorter than it must be
        assert iim.is_truncation(cut, text, limit) == (cut != text and cut != "")


def test_legacy_cp1251_without_marker_is_read(small_jpeg) -> None:
    path = _iptc(small_jpeg(), "-IPTC:Caption-Abstract=Подбитый танк", "-IPTC:City=Северо-Курильск",
                 "-IPTC:Keywords=танк", "-IPTC:Keywords=остров")  # fmt: skip
    result = read_curated(path)
    assert result.fields.caption == "Подбитый танк"
    assert result.fields.city == "Северо-Курильск"
    assert result.fields.keywords == ["танк", "остров"]
    assert any("cp1251" in w for w in result.warnings)
    # The legacy code page is a setting: the same bytes read as KOI8-R are something else.
    assert read_curated(path, legacy_charset="koi8-r").fields.city != "Северо-Курильск"
    with pytest.raises(ValidationError):
        read_curated(path, legacy_charset="no-such-codepage")


def test_utf8_without_marker_is_read_as_utf8(small_jpeg) -> None:
    path = _iptc(small_jpeg(), "-IPTC:City=占守島", charset="utf8")
    result = read_curated(path)
    assert result.fields.city == "占守島"
    assert result.warnings == []


def test_utf8_with_marker(small_jpeg) -> None:
    path = small_jpeg()
    done = exiftool("-q", "-overwrite_original", "-charset", "iptc=utf8", "-IPTC:CodedCharacterSet=UTF8",
                    "-IPTC:Headline=Бой за Шумшу", path)  # fmt: skip
    assert done.returncode == 0
    assert read_curated(path).fields.headline == "Бой за Шумшу"


def test_writing_over_legacy_iim_transcodes_the_rest_to_utf8(small_jpeg) -> None:
    path = _iptc(small_jpeg(), "-IPTC:SupplementalCategories=Война", "-IPTC:City=Курильск")
    write(CuratedFields(city="Северо-Курильск"), path)
    info = exiftool_json(path, "-G1", "-a", "-IPTC:all")
    assert info["IPTC:CodedCharacterSet"] == "UTF8"
    assert info["IPTC:SupplementalCategories"] == "Война"  # not ours, but now honestly UTF-8
    assert info["IPTC:City"] == "Северо-Курильск"


def test_shortened_values_in_iim(small_jpeg) -> None:
    fields = CuratedFields(
        title="Т" * 40,  # 80 bytes, limit 64
        headline="H" * 300,
        city="Петропавловск-Камчатский",  # 47 bytes, limit 32
        creator="Константин Константинопольский",  # 60 bytes, limit 32
        job_id="SHU-2015",
    )
    path = small_jpeg()
    result = write(fields, path)
    # A two-byte letter that would end at byte 33 is left out whole: 31 bytes, not 32.
    assert {s.field: len(s.kept.encode()) for s in result.shortened} == {
        "title": 64,
        "headline": 256,
        "city": 31,
        "creator": 31,
    }
    back = read_curated(path)
    assert back.fields == fields
    assert back.conflicts == []


def test_digest_of_samples_matches_exiftool(metadata_samples: Path) -> None:
    for name in ("IPTC.jpg", "ExifTool.jpg", "pillow_app13-multiple.jpg", "PhotoMechanic.jpg", "pillow_iptc.jpg"):
        path = metadata_samples / name
        with path.open("rb") as stream:
            digest = irb.jpeg_iim_digest(stream)
        info = exiftool_json(path, "-CurrentIPTCDigest", "-IPTCDigest")
        assert digest.current.hex() == info["CurrentIPTCDigest"], name
        assert (digest.stored.hex() if digest.stored else None) == info.get("IPTCDigest"), name


def test_digest_update_keeps_other_resources(metadata_samples: Path) -> None:
    data = (metadata_samples / "IPTC.jpg").read_bytes()  # a stale digest among many resources
    updated = irb.update_jpeg_digest(data)
    digest = irb.jpeg_iim_digest(io.BytesIO(updated))
    assert digest.state == "match"

    def resources(jpeg: bytes) -> list[tuple[int, bytes]]:
        irb_data = b"".join(p[len(irb.PHOTOSHOP_HEADER) :] for m, _, p in irb._segments(io.BytesIO(jpeg)) if m == 0xED)
        return [(r.id, r.data) for r in irb.parse_resources(irb_data) if r.id != irb.DIGEST_RESOURCE]

    assert resources(updated) == resources(data)
    assert len(updated) == len(data)  # same size: only the 16 digest bytes changed


def test_malformed_resources_raise_irb_error() -> None:
    with pytest.raises(irb.IrbError):
        irb.parse_resources(b"8BIM\x04\x04\x00\x00\x00\x00\x10\x00short")
    with pytest.raises(irb.IrbError):
        irb.jpeg_iim_digest(io.BytesIO(b"GIF89a"))
