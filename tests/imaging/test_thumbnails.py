"""Thumbnails: JPEGs decoded and resampled by libvips at the DCT scale, the rest by Pillow."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from photoarchive.errors import ImageError
from photoarchive.imaging import thumbnails


def _photo(size: tuple[int, int] = (3000, 2000), mode: str = "RGB", fmt: str = "JPEG") -> bytes:
    """A textured image with a red block in its top-left corner."""
    image = Image.effect_mandelbrot(size, (-2.2, -1.2, 1.0, 1.2), 60).convert("RGB")
    image.paste((255, 0, 0), (0, 0, size[0] // 5, size[1] // 5))
    out = BytesIO()
    image.convert(mode).save(out, fmt, **({"quality": 92} if fmt == "JPEG" else {}))
    return out.getvalue()


def _targets(folder: Path) -> dict[int, Path]:
    return {size: folder / f"{size}.jpg" for size in thumbnails.THUMBNAIL_SIZES}


@pytest.fixture
def decodes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, str, tuple[int, int]]]:
    """The calls to libvips' scaled decode (which still runs)."""
    calls: list[tuple[int, str, tuple[int, int]]] = []
    real = thumbnails.decode_jpeg_scaled

    def spy(source: str | bytes, shrink: int, mode: str, size: tuple[int, int], **options: str) -> Image.Image:
        calls.append((shrink, mode, size))
        return real(source, shrink, mode, size, **options)

    monkeypatch.setattr(thumbnails, "decode_jpeg_scaled", spy)
    return calls


def _sizes(targets: dict[int, Path]) -> dict[int, tuple[tuple[int, int], str]]:
    result = {}
    for size, path in targets.items():
        with Image.open(path) as image:
            result[size] = (image.size, image.mode)
    return result


def test_a_jpeg_is_decoded_at_the_dct_scale_and_resampled_by_libvips(tmp_path: Path, decodes: list[Any]) -> None:
    targets = _targets(tmp_path)
    assert thumbnails.make_thumbnails(_photo(), targets, name="photo.jpg") == (3000, 2000)
    assert decodes == [(2, "RGB", (1024, 683))]  # 1/2 covers 1024 px; 1/4 (750 px) would not
    assert _sizes(targets) == {1024: ((1024, 683), "RGB"), 256: ((256, 171), "RGB")}


def test_a_jpeg_file_by_its_path_and_a_grey_one(tmp_path: Path, decodes: list[Any]) -> None:
    source = tmp_path / "grey.jpg"
    source.write_bytes(_photo((6000, 4000), mode="L"))
    targets = _targets(tmp_path / "thumbs")
    assert thumbnails.make_thumbnails(source, targets) == (6000, 4000)
    assert decodes == [(4, "L", (1024, 683))]
    assert _sizes(targets) == {1024: ((1024, 683), "L"), 256: ((256, 171), "L")}


def test_the_orientation_is_applied_to_the_libvips_thumbnails(tmp_path: Path, decodes: list[Any]) -> None:
    targets = _targets(tmp_path)
    thumbnails.make_thumbnails(_photo(), targets, orientation=6)  # 90 degrees clockwise to display
    assert decodes
    for size, (width, height) in {1024: (683, 1024), 256: (171, 256)}.items():
        with Image.open(targets[size]) as image:
            assert image.size == (width, height)
            red, green, blue = image.convert("RGB").getpixel((width - 1 - width // 20, height // 20))  # type: ignore[misc]
            assert red > 200 and green < 60 and blue < 60  # the top-left block is now top right


def test_thumbnails_are_close_to_a_lanczos_resize_of_the_full_image(tmp_path: Path) -> None:
    data = _photo()
    targets = _targets(tmp_path)
    thumbnails.make_thumbnails(data, targets)
    full = Image.open(BytesIO(data)).convert("RGB")
    for size, path in targets.items():
        with Image.open(path) as image:
            reference = full.resize(image.size, Image.Resampling.LANCZOS)
            difference = [abs(a - b) for a, b in zip(image.tobytes(), reference.tobytes(), strict=True)]
            assert sum(difference) / len(difference) < 4, size  # (the JPEG encode at 85 included)


def test_a_truncated_jpeg_is_refused_as_before(tmp_path: Path, decodes: list[Any]) -> None:
    data = _photo()
    targets = _targets(tmp_path)
    with pytest.raises(ImageError, match="truncated"):
        thumbnails.make_thumbnails(data[: len(data) * 2 // 3], targets, name="cut.jpg")
    assert decodes  # libvips refused it first, then Pillow, with its reason as before
    assert list(tmp_path.iterdir()) == []  # no thumbnail, not even half of one


def test_pillow_decides_about_a_jpeg_libvips_warns_of(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """libvips decodes past some damage (bytes inserted in the scan) that Pillow calls truncated:
    refused at libjpeg's first warning, the file goes to Pillow, which decides as before."""
    calls: list[str] = []

    def warns(source: str | bytes, shrink: int, mode: str, size: tuple[int, int], *, fail_on: str) -> Image.Image:
        calls.append(fail_on)
        raise ImageError("VipsJpeg: Corrupt JPEG data: bad Huffman code")

    monkeypatch.setattr(thumbnails, "decode_jpeg_scaled", warns)
    targets = _targets(tmp_path)
    assert thumbnails.make_thumbnails(_photo(), targets) == (3000, 2000)
    assert calls == ["warning"]
    assert _sizes(targets) == {1024: ((1024, 683), "RGB"), 256: ((256, 171), "RGB")}


@pytest.mark.parametrize(
    ("data", "size"),
    [
        (lambda: _photo(mode="CMYK"), (3000, 2000)),  # libvips would give 4 bands: Pillow converts
        (lambda: _photo((800, 600)), (800, 600)),  # no larger than 1024: never enlarged
        (lambda: _photo(fmt="PNG"), (3000, 2000)),
    ],
)
def test_other_images_are_made_by_pillow(tmp_path: Path, decodes: list[Any], data: Any, size: tuple[int, int]) -> None:
    targets = _targets(tmp_path)
    assert thumbnails.make_thumbnails(data(), targets) == size
    assert decodes == []
    long_edge = max(size)
    expected = {s: max(1, round(min(s, long_edge) * min(size) / long_edge)) for s in targets}
    for s, ((width, height), mode) in _sizes(targets).items():
        assert mode == "RGB"
        assert max(width, height) == min(s, long_edge) and min(width, height) == expected[s]
