"""Our reading of the sample files must equal ExifTool's, run at test time.

For the fields ExifTool's MWG composite tags cover (Description, Creator, Copyright, Keywords,
DateTimeOriginal, Location, City, State, Country) we compare with those tags. For the other
fields ExifTool has no composite; we take its per-standard values (IPTC:..., XMP-...:...) and
its IPTC digests (CurrentIPTCDigest, IPTCDigest) and apply the MWG rule to them, so the
decoding of every value, and the digest, still come from ExifTool.
"""

from __future__ import annotations

import re

import pytest

from photoarchive.metadata import read_curated
from photoarchive.metadata.fields import FIELDS_BY_NAME
from tests.metadata.conftest import exiftool_json

SAMPLES = [
    "IPTC.jpg", "XMP.jpg", "MWG.jpg", "PhotoMechanic.jpg", "FotoStation.jpg", "ExifTool.jpg", "ExifTool.tif",
    "GPS.jpg", "pillow_iptc.jpg", "pillow_app13-multiple.jpg", "XMP.xmp", "XMP5.xmp", "Canon.jpg", "Nikon.nef",
    "DNG.dng", "PNG.png", "RIFF.webp", "Unknown.jpg", "Google.jpg", "Apple.jpg", "Writer.jpg", "ExtendedXMP.jpg",
]  # fmt: skip

MWG_TAGS = {
    "caption": "MWG:Description",
    "creator": "MWG:Creator",
    "copyright": "MWG:Copyright",
    "keywords": "MWG:Keywords",
    "date_created": "MWG:DateTimeOriginal",
    "sublocation": "MWG:Location",
    "city": "MWG:City",
    "state": "MWG:State",
    "country": "MWG:Country",
}

# (IIM tag, XMP tag) for the fields MWG does not cover.
PLAIN_TAGS = {
    "title": ("IPTC:ObjectName", "XMP-dc:Title"),
    "headline": ("IPTC:Headline", "XMP-photoshop:Headline"),
    "alt_text": (None, "XMP-iptcCore:AltTextAccessibility"),
    "caption_writer": ("IPTC:Writer-Editor", "XMP-photoshop:CaptionWriter"),
    "creator_job_title": ("IPTC:By-lineTitle", "XMP-photoshop:AuthorsPosition"),
    "credit": ("IPTC:Credit", "XMP-photoshop:Credit"),
    "source": ("IPTC:Source", "XMP-photoshop:Source"),
    "usage_terms": (None, "XMP-xmpRights:UsageTerms"),
    "web_statement": (None, "XMP-xmpRights:WebStatement"),
    "instructions": ("IPTC:SpecialInstructions", "XMP-photoshop:Instructions"),
    "hierarchical_keywords": (None, "XMP-lr:HierarchicalSubject"),
    "event": (None, "XMP-iptcExt:Event"),
    "country_code": ("IPTC:Country-PrimaryLocationCode", "XMP-iptcCore:CountryCode"),
    "job_id": ("IPTC:OriginalTransmissionReference", "XMP-photoshop:TransmissionReference"),
}


def _as_model(name: str, value: object) -> object:
    """ExifTool's JSON value in the shape of our model."""
    if value is None:
        return [] if name in ("keywords", "hierarchical_keywords") else ""
    if name in ("keywords", "hierarchical_keywords"):
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]
    if name == "creator" and isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if name == "date_created":
        # "2001:01:01 01:11:11.111+01:00" -> "2001-01-01T01:11:11.111+01:00"
        return re.sub(r"^(\d{4}):(\d{2}):(\d{2}) ?", r"\1-\2-\3T", str(value)).rstrip("T")
    return str(value).strip()


def _mwg_rule(name: str, info: dict) -> object:
    iim_tag, xmp_tag = PLAIN_TAGS[name]
    iim_value = info.get(iim_tag) if iim_tag else None
    xmp_value = info.get(xmp_tag)
    current, stored = info.get("File:CurrentIPTCDigest"), info.get("Photoshop:IPTCDigest")
    if iim_tag is None or current is None or (xmp_value is not None and (stored is None or stored == current)):
        return xmp_value
    limit = FIELDS_BY_NAME[name].iim[0].max_bytes if iim_tag else 0
    if (
        xmp_value is not None
        and iim_value is not None
        and str(xmp_value).startswith(str(iim_value))
        and len(str(iim_value).encode()) >= limit - 3
    ):
        return xmp_value  # IIM truncated at its byte limit: XMP has the whole value
    return iim_value


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_reads_as_exiftool_reads_it(name: str, sample_copy) -> None:
    path = sample_copy(name)
    info = exiftool_json(path, "-G1", "-a", "-use", "MWG", "-MWG:all", "-IPTC:all", "-XMP:all",
                         "-CurrentIPTCDigest", "-Photoshop:IPTCDigest")  # fmt: skip
    ours = read_curated(path).fields.as_dict()
    expected = {field: _as_model(field, info.get(tag)) for field, tag in MWG_TAGS.items()}
    expected |= {field: _as_model(field, _mwg_rule(field, info)) for field in PLAIN_TAGS}
    assert {k: ours[k] for k in expected} == expected


def test_mwg_sample_records_its_conflicts(sample_copy) -> None:
    result = read_curated(sample_copy("MWG.jpg"))
    conflicts = {c.field: c for c in result.conflicts}
    assert set(conflicts) >= {"caption", "creator", "copyright", "keywords", "city", "date_created"}
    caption = conflicts["caption"]
    assert caption.chosen == "exif"
    assert caption.values == {
        "exif": "RIGHT-EXIF-Description",
        "iim": "WRONG-IPTC-Description",
        "xmp": "WRONG-XMP-Description",
    }
    # State and sublocation are only in IIM: nothing to disagree about.
    assert "state" not in conflicts and "sublocation" not in conflicts


def test_stale_digest_prefers_iim_but_not_a_truncated_prefix(sample_copy) -> None:
    # ExifTool.jpg: the stored IPTC digest does not match, so IIM wins over XMP; its
    # TransmissionReference is the XMP value cut at 32 bytes, so XMP's whole value wins there.
    result = read_curated(sample_copy("ExifTool.jpg"))
    assert result.fields.keywords == ["jambalaya"]
    assert result.fields.job_id == "What is a transmission reference?"
    assert "job_id" not in {c.field for c in result.conflicts}


def test_xmp_sidecar_alone(sample_copy) -> None:
    result = read_curated(sample_copy("XMP.xmp"))
    assert result.fields.copyright == "© Copyright Phil Harvey"
    assert result.fields.keywords == ["test1", "&-&amp;-&"]
    assert result.sidecar is None
