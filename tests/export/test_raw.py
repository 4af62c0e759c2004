"""RAW and HEIF originals: RAW files are rendered from their largest usable embedded preview (with a
warning naming it), and a file whose pixels cannot be decoded fails cleanly, leaving nothing behind."""

from __future__ import annotations

import hashlib
import io
import shutil
from pathlib import Path

import exiv2
import pytest
from PIL import Image

from photoarchive.catalog import Catalog
from photoarchive.collections import add_photos, create_collection
from photoarchive.export import render as render_module
from photoarchive.export.render import RenderTask, render
from photoarchive.imaging.derivatives import DerivativeRequest, Rendition
from photoarchive.metadata import Preview
from tests.export.conftest import export, files_of, make_photo
from tests.postgres import Backend


def jpeg_bytes(size: tuple[int, int]) -> bytes:
    buffer = io.BytesIO()
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    image.paste((250, 250, 250), (0, 0, size[0] // 4, size[1] // 4))  # a light corner marks "top left"
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def synthetic_raw(path: Path, preview: tuple[int, int] = (1200, 800), orientation: int = 6) -> Path:
    """A TIFF-based "raw" file (as DNG, NEF and CR2 are) whose embedded preview is a real JPEG."""
    Image.new("RGB", (64, 48), (10, 20, 30)).save(path, "TIFF")
    image = exiv2.ImageFactory.open(str(path))
    image.readMetadata()
    exif = image.exifData()
    exif["Exif.Image.Make"], exif["Exif.Image.Model"] = "NIKON CORPORATION", "NIKON D3X"
    exif["Exif.Image.Orientation"] = exiv2.UShortValue(orientation)
    exiv2.ExifThumb(exif).setJpegThumbnail(jpeg_bytes(preview))
    image.writeMetadata()
    return path


def heic(path: Path, size: tuple[int, int] = (600, 400)) -> Path:
    Image.linear_gradient("L").resize(size).convert("RGB").save(path, "HEIF", quality=80)
    return path


def record(catalog: Catalog, source: Path | str, fmt: str, orientation: int = 1) -> int:
    source = Path(source)
    data = source.read_bytes()
    relative = f"2015/{source.name}"
    target = catalog.paths.original(relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return catalog.add_photo(
        {
            "sha256": hashlib.sha256(data).hexdigest(),
            "original_path": relative,
            "original_name": source.name,
            "source_path": str(source),
            "size": len(data),
            "format": fmt,
            "orientation": orientation,
            "imported_at": "2015-08-20T00:00:00+00:00",
        }
    )


@pytest.fixture
def mixed(tmp_path: Path, samples: Path, backend: Backend) -> Catalog:
    """A collection of a JPEG, a synthetic RAW with a usable preview, the RAW samples (whose
    previews are stubs), a HEIC that decodes and one that does not (the truncated sample)."""
    card = tmp_path / "card"
    card.mkdir()
    with Catalog(backend.archive(tmp_path / "archive")) as catalog:
        ids = [
            record(catalog, make_photo(card / "IMG_0001.JPG", 1), "JPEG"),
            record(catalog, synthetic_raw(card / "SYNTH.NEF"), "NEF", orientation=6),
            record(catalog, shutil.copy(samples / "metadata" / "DNG.dng", card), "DNG"),
            record(catalog, shutil.copy(samples / "metadata" / "Nikon.nef", card), "NEF"),
            record(catalog, heic(card / "IMG_0005.HEIC"), "HEIF"),
            record(catalog, shutil.copy(samples / "metadata" / "QuickTime.heic", card), "HEIF"),
        ]
        create_collection(catalog, "mixed", title="Mixed")
        add_photos(catalog, "mixed", ids)
        yield catalog


@pytest.mark.parametrize("workers", [0, 2])
def test_raw_and_heif_in_a_gallery(mixed: Catalog, tmp_path: Path, workers: int) -> None:
    target = tmp_path / "gallery"
    summary = export(mixed, "gallery", target, collection="mixed", long_edge=1600, thumbnail=100, workers=workers)
    assert summary.exported == 3 and not summary.missing
    failed = {p.name: p.reason for p in summary.failed}
    assert [p.name for p in summary.failed] == ["DNG.dng", "Nikon.nef", "QuickTime.heic"]  # collection order
    assert failed["DNG.dng"].startswith("a camera RAW file whose pixels cannot be developed here, and none of its")
    assert "the largest, 3456×2304 px: its pixels cannot be decoded" in failed["DNG.dng"]
    assert failed["Nikon.nef"].endswith("(the largest, 160×106 px: too small to publish)")
    assert failed["QuickTime.heic"].startswith("its pixels cannot be decoded (")
    assert summary.warnings == [
        "SYNTH.NEF: camera RAW: made from its embedded 1200×800 px preview (raw pixels are not developed here);"
        " so 1200 px, not the 1600 px asked"
    ]
    images = sorted(p.relative_to(target).as_posix() for p in target.glob("images/*/*.jpg"))
    assert [p for p in images if p.startswith("images/large/")] == [
        "images/large/001.jpg",
        "images/large/002.jpg",
        "images/large/005.jpg",
    ]  # nothing of the failed photos, not even a thumbnail
    assert len(images) == 9 and len(list(target.glob("photos/*.html"))) == 3
    with Image.open(target / "images/large/002.jpg") as large:
        assert large.size == (800, 1200)  # the RAW's orientation applied to its preview
        assert large.getpixel((790, 5))[0] > 200  # the light "top left" corner is now top right
    with Image.open(target / "images/large/005.jpg") as large:
        assert large.size == (600, 400)


def test_package_of_a_raw_carries_its_camera_exif_and_the_curated_fields(mixed: Catalog, tmp_path: Path) -> None:
    from photoarchive.edits import apply_edit

    apply_edit(mixed, [2], {"caption": "Обломки танка, снятые в RAW", "creator": "Иван Петров"})
    target = tmp_path / "package"
    export(mixed, "package", target, collection="mixed", name_template="{sequence:03}")
    with Image.open(target / "images" / "002.jpg") as image:
        assert image.size == (800, 1200)  # "original size" of a RAW is its preview's
        exif = image.getexif()
        assert (exif[0x010F], exif[0x0110], exif[0x0112]) == ("NIKON CORPORATION", "NIKON D3X", 1)
    from photoarchive.metadata import read_curated

    assert read_curated(target / "images" / "002.jpg").fields.caption == "Обломки танка, снятые в RAW"


def _task(source: Path, tmp_path: Path, **request: object) -> RenderTask:
    renditions = (Rendition(str(tmp_path / "out" / "l.jpg"), 400), Rendition(str(tmp_path / "out" / "t.jpg"), 100))
    return RenderTask(1, DerivativeRequest(str(source), renditions, **request), raw=True)  # type: ignore[arg-type]


def test_the_largest_preview_that_decodes_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = synthetic_raw(tmp_path / "a.nef", orientation=1)
    stub = Preview(b"II*\x00" + b"\x00" * 64, 6000, 4000)  # claims to be large, decodes to nothing
    thumb = Preview(jpeg_bytes((160, 120)), 160, 120)
    monkeypatch.setattr(render_module, "previews", lambda image: [stub, Preview(jpeg_bytes((900, 600)), 9, 6), thumb])
    result = render(_task(source, tmp_path))
    assert result.error is None and result.sizes[str(tmp_path / "out" / "l.jpg")] == (400, 267)
    assert result.warnings == [
        "camera RAW: made from its embedded 900×600 px preview (raw pixels are not developed here)"
    ]

    monkeypatch.setattr(render_module, "previews", lambda image: [stub, thumb])
    result = render(_task(source, tmp_path))
    assert result.error is not None and "(the largest, 6000×4000 px: " in result.error
    assert result.warnings == [] and list((tmp_path / "out").iterdir()) == []

    monkeypatch.setattr(render_module, "previews", lambda image: [])
    result = render(_task(source, tmp_path))
    assert result.error == "a camera RAW file whose pixels cannot be developed here, and it has no embedded preview"


def test_a_failure_after_the_first_rendition_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from photoarchive.imaging import derivatives

    source = make_photo(tmp_path / "a.jpg", 1)
    saved = []
    real_write = derivatives._write_file

    def full_disk(target: Path, data: bytes) -> None:
        if saved:
            raise OSError(28, "No space left on device")
        saved.append(target)
        real_write(target, data)

    monkeypatch.setattr(derivatives, "_write_file", full_disk)
    task = _task(source, tmp_path)
    result = render(RenderTask(1, task.request))
    assert saved and "No space left on device" in (result.error or "")
    assert list((tmp_path / "out").iterdir()) == []


def test_exporting_raws_twice_gives_identical_files(mixed: Catalog, tmp_path: Path) -> None:
    export(mixed, "gallery", tmp_path / "first", collection="mixed", long_edge=400, thumbnail=100)
    export(mixed, "gallery", tmp_path / "second", collection="mixed", long_edge=400, thumbnail=100)
    assert files_of(tmp_path / "first") == files_of(tmp_path / "second")
