"""Per-language values in files (issue 14): XMP lang-alt with x-default first, then each
language, for dc:title, dc:description, Iptc4xmpCore:AltTextAccessibility; the headline's
languages in our namespace (photoshop:Headline is plain Text); checked against ExifTool."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from photoarchive.errors import ValidationError
from photoarchive.metadata import read_curated, validate, write, write_sidecar
from photoarchive.metadata.validate import normalize_language
from photoarchive.model import CuratedFields
from tests.metadata.conftest import exiftool, exiftool_json

FIELDS = CuratedFields(
    title="Tank",
    headline="Type 97 wreck",
    caption="Tank wreck at Height 171",
    alt_text="A rusted tank in grass",
    translations={
        "en": {"title": "Tank", "headline": "Type 97 wreck", "caption": "Tank wreck at Height 171"},
        "ru": {"title": "Танк", "headline": "Обломки «Тип 97»", "caption": "Обломки танка у высоты 171"},
        "ja": {"caption": "四嶺山の戦車の残骸", "alt_text": "草むらの錆びた戦車"},
    },
)


def test_every_language_is_written_as_exiftool_reads_it(small_jpeg: Callable[..., Path]) -> None:
    target = small_jpeg()
    write(FIELDS, target)
    seen = exiftool_json(target, "-XMP:all", "-IPTC:all", "-EXIF:ImageDescription")
    assert seen["Description"] == "Tank wreck at Height 171"  # x-default
    assert seen["Description-ru"] == "Обломки танка у высоты 171" and seen["Description-ja"] == "四嶺山の戦車の残骸"
    assert seen["Description-en"] == "Tank wreck at Height 171"
    assert seen["Title-ru"] == "Танк" and "Title-ja" not in seen
    assert seen["AltTextAccessibility"] == "A rusted tank in grass"
    assert seen["AltTextAccessibility-ja"] == "草むらの錆びた戦車"
    # IIM and EXIF keep the x-default value; photoshop:Headline is plain Text with it.
    assert seen["Caption-Abstract"] == seen["ImageDescription"] == "Tank wreck at Height 171"
    assert exiftool_json(target, "-XMP-photoshop:Headline")["Headline"] == "Type 97 wreck"
    assert exiftool_json(target, "-XMP-photoarchive:all")["Headline-ru"] == "Обломки «Тип 97»"
    # x-default comes first in each lang-alt.
    packet = exiftool("-b", "-XMP", target).stdout
    description = packet[packet.index("<dc:description>") :]
    assert description.index('xml:lang="x-default"') < description.index('xml:lang="ru"')
    checked = exiftool("-validate", "-warning", "-a", target).stdout
    assert "Validate                        : OK" in checked, checked
    assert read_curated(target).fields == validate(FIELDS)


def test_languages_written_by_exiftool_are_read(small_jpeg: Callable[..., Path]) -> None:
    target = small_jpeg()
    done = exiftool(
        "-overwrite_original", "-charset", "utf8",
        "-XMP-dc:Description=Tank", "-XMP-dc:Description-ru=Танк", "-XMP-dc:Description-ja=戦車",
        "-XMP-dc:Title-ru=Танк у высоты", "-XMP-iptcCore:AltTextAccessibility-ja=戦車の写真", target,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    fields = read_curated(target).fields
    assert fields.caption == "Tank"
    assert fields.translations == {
        "ru": {"caption": "Танк", "title": "Танк у высоты"},
        "ja": {"caption": "戦車", "alt_text": "戦車の写真"},
    }


def test_a_sidecar_s_languages_win_over_the_file_s(small_jpeg: Callable[..., Path], tmp_path: Path) -> None:
    target = small_jpeg()
    write(FIELDS, target)
    write_sidecar(CuratedFields(caption="Other", translations={"ru": {"caption": "Другая"}}), Path(f"{target}.xmp"))
    fields = read_curated(target).fields
    assert fields.caption == "Other"
    # The caption's languages from the sidecar (which has the caption); the title's from the file.
    assert fields.translations["ru"] == {"caption": "Другая", "title": "Танк", "headline": "Обломки «Тип 97»"}
    assert "caption" not in fields.translations.get("ja", {})


def test_a_field_only_in_one_language_round_trips(small_jpeg: Callable[..., Path]) -> None:
    target = small_jpeg()
    fields = CuratedFields(caption="Tank", translations={"ja": {"alt_text": "戦車"}})
    write(fields, target)  # verified on write: a lang-alt without x-default reads as its first language
    seen = exiftool_json(target, "-XMP-iptcCore:all")
    assert seen == {"SourceFile": str(target), "AltTextAccessibility-ja": "戦車"}
    assert read_curated(target).fields.translations == {"ja": {"alt_text": "戦車"}}


def test_a_field_with_one_value_in_every_language_is_refused() -> None:
    with pytest.raises(ValidationError, match="one value in every language"):
        validate(CuratedFields(translations={"ru": {"credit": "Экспедиция"}}))
    with pytest.raises(ValidationError, match="BCP 47"):
        validate(CuratedFields(translations={"Russian": {"caption": "x"}}))


@pytest.mark.parametrize(
    ("given", "tag"),
    [("ru", "ru"), ("RU", "ru"), ("rus", "ru"), ("ja", "ja"), ("zh-hant", "zh-Hant"), ("pt_br", "pt-BR"),
     ("es-419", "es-419"), ("ain", "ain"), ("de-1996", "de-1996"), ("sr-Latn-RS", "sr-Latn-RS")],
)  # fmt: skip
def test_language_tags_are_normalised(given: str, tag: str) -> None:
    assert normalize_language(given) == tag


@pytest.mark.parametrize("given", ["", "x-default", "english", "xx", "en-ZZ", "e", "en--us", "en-US-x-private"])
def test_language_tags_that_are_not_bcp_47_are_refused(given: str) -> None:
    with pytest.raises(ValidationError):
        normalize_language(given)
