"""decode_full: every pixel, upright (EXIF orientation), as the bytes a GUI wraps in an image."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageOps

from photoarchive.errors import ImageError
from photoarchive.imaging.display import decode_full
from tests.conftest import write_photo


def as_image(decoded) -> Image.Image:
    mode = {"RGBA": "RGBA", "BGRA": "RGBA", "RGB": "RGB"}[decoded.layout]
    return Image.frombytes(mode, (decoded.width, decoded.height), decoded.data, "raw", decoded.layout).convert("RGB")


def close(a: Image.Image, b: Image.Image, tolerance: int = 2) -> bool:
    from PIL import ImageChops

    extrema = ImageChops.difference(a.convert("RGB"), b.convert("RGB")).getextrema()
    return a.size == b.size and all(high <= tolerance for _low, high in extrema)


@pytest.mark.parametrize("orientation", [1, 3, 6, 8])
def test_the_file_orientation_is_applied_when_none_is_given(tmp_path: Path, orientation: int) -> None:
    path = write_photo(tmp_path / "a.jpg", size=(300, 200), seed=7, orientation=orientation)
    decoded = decode_full(path)
    expected = ImageOps.exif_transpose(Image.open(path))
    assert (decoded.width, decoded.height) == expected.size == ((200, 300) if orientation in (6, 8) else (300, 200))
    assert close(as_image(decoded), expected)


def test_a_sample_with_exif_orientation_comes_out_upright(samples: Path) -> None:
    path = samples / "metadata" / "MWG.jpg"  # orientation 6 (rotate 90° clockwise to show)
    assert Image.open(path).getexif()[0x0112] == 6
    decoded = decode_full(path)
    assert close(as_image(decoded), ImageOps.exif_transpose(Image.open(path)))


def test_the_catalog_orientation_wins_over_the_file(tmp_path: Path) -> None:
    path = write_photo(tmp_path / "a.jpg", size=(300, 200), seed=3, orientation=1)
    decoded = decode_full(path, 8)
    assert (decoded.width, decoded.height) == (200, 300)
    assert close(as_image(decoded), Image.open(path).transpose(Image.Transpose.ROTATE_90))


def test_layouts_are_opaque_and_in_their_byte_order(tmp_path: Path) -> None:
    path = tmp_path / "red.png"
    Image.new("RGB", (4, 3), (250, 10, 20)).save(path)
    assert decode_full(path, layout="BGRA").data[:4] == bytes((20, 10, 250, 255))
    assert decode_full(path, layout="RGBA").data[:4] == bytes((250, 10, 20, 255))
    rgb = decode_full(path, layout="RGB")
    assert rgb.data[:3] == bytes((250, 10, 20)) and rgb.bytes_per_line == 12 and len(rgb.data) == 36
    with pytest.raises(ValueError):
        decode_full(path, layout="CMYK")


def test_a_transparent_png_is_shown_on_white(tmp_path: Path) -> None:
    path = tmp_path / "clear.png"
    Image.new("RGBA", (2, 2), (0, 0, 0, 0)).save(path)
    assert decode_full(path, layout="RGB").data[:3] == b"\xff\xff\xff"


@pytest.mark.parametrize("name", ["not_an_image.jpg", "empty.jpg", "pillow_truncated_jpeg.jpg"])
def test_files_that_cannot_be_shown_raise_image_error(samples: Path, name: str) -> None:
    with pytest.raises(ImageError):
        decode_full(samples / "malformed" / name)
