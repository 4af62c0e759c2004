"""Importing files whose IPTC IIM or EXIF text is not UTF-8: old tools' Latin-1 by-lines,
Russian archives' CP1251 captions, a damaged byte in EXIF Make. Nothing crashes, each value
is read in the code page it was written in, and what cannot be decoded is salvaged with a
warning naming the field."""

from __future__ import annotations

import json
import os
import struct
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.verify import check_originals, untracked_originals
from photoarchive.cli import main
from photoarchive.ingest import ImportJob
from photoarchive.metadata import iim, irb, read_curated
from tests.conftest import write_photo
from tests.metadata.conftest import exiftool_json

BYLINE, CAPTION, CITY, KEYWORDS = 80, 120, 90, 25


def with_iim(path: Path, datasets: list[tuple[int, bytes]], *, marker: bytes | None = None) -> Path:
    """Put an IIM block of raw bytes (record 2 datasets, and 1:90 when ``marker``) into a JPEG,
    in a Photoshop APP13 segment right after SOI, as old tools wrote it."""
    block = b""
    if marker is not None:
        block += b"\x1c\x01\x5a" + struct.pack(">H", len(marker)) + marker
    block += b"\x1c\x02\x00\x00\x02\x00\x04"  # record version 4
    for dataset, value in datasets:
        block += b"\x1c\x02" + bytes([dataset]) + struct.pack(">H", len(value)) + value
    resources = irb.build_resources([irb.Resource(irb.IPTC_RESOURCE, b"\x00\x00", block)])
    payload = irb.PHOTOSHOP_HEADER + resources
    data = path.read_bytes()
    assert data[:2] == b"\xff\xd8"
    path.write_bytes(data[:2] + b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload + data[2:])
    return path


def flip_make(path: Path) -> Path:
    """One damaged byte in EXIF Make: "Canon" becomes b"Can\\xefn"."""
    data = bytearray(path.read_bytes())
    at = data.index(b"Canon\x00")
    data[at + 3] ^= 0x80
    path.write_bytes(bytes(data))
    return path


def run(catalog: Catalog, *paths: Path, **options: object):
    job = ImportJob(catalog, list(paths), workers=2, **options)
    progress = list(job.run())
    return job.summary, progress


def assert_consistent(catalog: Catalog) -> None:
    """Every original is in the catalog and unchanged; nothing is left in .incoming."""
    assert [c.problem for c in check_originals(catalog) if c.problem] == []
    assert list(untracked_originals(catalog)) == []
    assert not catalog.paths.incoming.exists() or list(catalog.paths.incoming.iterdir()) == []


@pytest.mark.parametrize(
    ("text", "code_page"),
    [
        ("Jürgen Müller", "cp1252"),
        ("Größe Café crème été", "cp1252"),
        ("Ñandú", "cp1252"),
        ("Подбитый танк у берега", "cp1251"),
        ("Северо-Курильск", "cp1251"),
        ("счастье ёлка Чукотка № 5", "cp1251"),
        ("Canon EOS — Камчатка", "cp1251"),
    ],
)
def test_the_code_page_is_told_from_the_text(text: str, code_page: str) -> None:
    assert iim.guess_legacy([text.encode(code_page)]) == code_page


def test_a_word_in_two_scripts_is_a_wrong_guess() -> None:
    assert iim.implausible_words("Jьrgen Mьller") == 4  # Latin-1 read as Cyrillic
    assert iim.implausible_words("Ïîäáèòûé òàíê") == 2  # Cyrillic read as Western
    assert iim.implausible_words("Jürgen Müller") == iim.implausible_words("Подбитый танк") == 0


def test_legacy_text_imports_in_its_own_code_page(tmp_path: Path, catalog: Catalog) -> None:
    card = tmp_path / "card"
    latin = with_iim(write_photo(card / "a_latin1.jpg", seed=1), [(BYLINE, "Jürgen Müller".encode("latin-1"))])
    with_iim(
        write_photo(card / "b_cp1251.jpg", seed=2),
        [(CAPTION, "Подбитый танк у берега".encode("cp1251")), (KEYWORDS, "танк".encode("cp1251"))],
    )
    flip_make(write_photo(card / "c_make.jpg", seed=3))
    # Bytes no candidate code page defines (0x81 in CP1252, 0x98 in CP1251): salvaged.
    with_iim(write_photo(card / "d_broken.jpg", seed=4), [(CITY, b"Ki\x81\x98ngston")])
    with_iim(write_photo(card / "e_marked.jpg", seed=5), [(CITY, "Malmö".encode("latin-1"))], marker=b"\x1b-A")
    write_photo(card / "f_plain.jpg", seed=6)
    # What a reference reader sees in the files (ExifTool reads IIM without a marker as Latin-1).
    assert exiftool_json(latin, "-IPTC:By-line")["By-line"] == "Jürgen Müller"

    summary, _ = run(catalog, card)
    assert summary.failed == [] and summary.imported == 6
    photos = {p.original_name: p for p in catalog.list_photos(order="name")}
    records = {name: read_curated(catalog.original_file(photo), sidecar=False).fields for name, photo in photos.items()}
    from photoarchive.catalog.curated import load_records

    stored = load_records(catalog, [p.id for p in photos.values()])
    by_name = {name: stored[photo.id] for name, photo in photos.items()}
    assert by_name["a_latin1.jpg"]["creator"] == "Jürgen Müller"
    assert by_name["b_cp1251.jpg"]["caption"] == "Подбитый танк у берега"
    assert by_name["b_cp1251.jpg"]["keywords"] == ["танк"]
    assert photos["c_make.jpg"].camera_make == "Canïn"  # decoded, not a surrogate
    assert by_name["d_broken.jpg"]["city"].startswith("Ki\ufffd") and by_name["d_broken.jpg"]["city"].endswith("ngston")
    assert by_name["e_marked.jpg"]["city"] == "Malmö"
    assert photos["f_plain.jpg"].camera_make == "Canon"
    assert records["a_latin1.jpg"].creator == "Jürgen Müller"  # the original is the file's bytes
    warned = {Path(path).name: [w for p, w in summary.warnings if p == path] for path, _ in summary.warnings}
    assert any("read as cp1252" in w for w in warned["a_latin1.jpg"])
    assert any("read as cp1251" in w for w in warned["b_cp1251.jpg"])
    assert any("Make" in w for w in warned["c_make.jpg"])
    assert any("City" in w and "\ufffd" in w for w in warned["d_broken.jpg"]), warned
    assert "e_marked.jpg" not in warned and "f_plain.jpg" not in warned
    # The raw descriptive tags kept in the catalog are decoded the same way.
    embedded = json.loads(
        catalog.conn.execute("SELECT embedded FROM photos WHERE id = ?", (photos["a_latin1.jpg"].id,)).fetchone()[0]
    )
    assert embedded["Iptc.Application2.Byline"] == ["Jürgen Müller"]
    assert_consistent(catalog)


def test_legacy_charset_overrides_the_guess(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = tmp_path / "card"
    with_iim(write_photo(card / "koi8.jpg", seed=1), [(CITY, "Северо-Курильск".encode("koi8-r"))])
    archive = str(tmp_path / "archive")
    with pytest.raises(SystemExit) as usage:  # argparse's usage error
        main(["--archive", archive, "import", str(card), "--legacy-charset", "nosuch-codepage"])
    assert usage.value.code == 2
    assert "nosuch-codepage" in capsys.readouterr().err
    assert not (tmp_path / "archive" / "originals").exists() or not any(
        (tmp_path / "archive" / "originals").rglob("*.jpg")
    )

    code = main(["--archive", archive, "import", str(card), "--legacy-charset", "KOI8-R", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["files"][0]["outcome"] == "imported"
    with Catalog(archive) as catalog:
        from photoarchive.catalog.curated import load_records

        assert load_records(catalog, [out["files"][0]["id"]])[out["files"][0]["id"]]["city"] == "Северо-Курильск"


@pytest.mark.skipif(os.name != "posix", reason="file names as bytes")
def test_a_file_name_in_an_old_code_page_imports(tmp_path: Path, catalog: Catalog) -> None:
    card = tmp_path / "card"
    card.mkdir()
    name = os.fsdecode("Müller.jpg".encode("latin-1"))  # as an old card's FAT file system gives it
    write_photo(card / name, seed=11)
    summary, _ = run(catalog, card)
    assert summary.imported == 1, summary.failed
    photo = catalog.list_photos()[0]
    assert photo.original_path.endswith("/Müller.jpg")
    assert catalog.original_file(photo).is_file()
    assert_consistent(catalog)
