"""Derivatives: DCT-scaled decoding, orientation, sRGB with a profile, burned credits, EXIF hygiene."""

from __future__ import annotations

import hashlib
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageCms, ImageStat, JpegImagePlugin
from PIL.TiffImagePlugin import IFDRational

from photoarchive.errors import ImageError
from photoarchive.imaging import derivatives
from photoarchive.imaging.derivatives import DerivativeRequest, Rendition, burn_credit, make_derivatives, srgb_profile


def _photo(path: Path, *, size=(1200, 800), colour=(40, 90, 160), orientation: int = 1, **save: object) -> Path:
    image = Image.new("RGB", size, colour)
    image.paste((250, 250, 250), (0, 0, size[0] // 4, size[1] // 4))  # a light corner marks "top left"
    exif = Image.Exif()
    exif[0x010F], exif[0x0112] = "Canon", orientation
    sub = exif.get_ifd(0x8769)
    sub[0xA431], sub[0xA430], sub[0x829A] = "SN-123", "Owner Name", IFDRational(1, 250)
    exif.get_ifd(0x8825)[0x0001] = "N"
    image.save(path, "JPEG", quality=90, exif=exif, **save)
    return path


def test_renditions_from_one_decode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = _photo(tmp_path / "a.jpg", size=(2400, 1600))
    drafts = []
    original_draft = JpegImagePlugin.JpegImageFile.draft

    def spy(self: Image.Image, mode: str | None, size: tuple[int, int] | None):  # type: ignore[no-untyped-def]
        drafts.append(size)
        return original_draft(self, mode, size)

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", spy)
    request = DerivativeRequest(
        str(source),
        (Rendition(str(tmp_path / "l.jpg"), 600), Rendition(str(tmp_path / "t.jpg"), 150)),
    )
    result = make_derivatives(request)
    assert drafts == [(600, 400)]  # DCT scaling to the largest rendition, not a full decode
    assert result.source_size == (2400, 1600)
    assert result.sizes == {str(tmp_path / "l.jpg"): (600, 400), str(tmp_path / "t.jpg"): (150, 100)}
    with Image.open(tmp_path / "l.jpg") as large:
        assert large.info["icc_profile"] == srgb_profile()
        assert "exif" not in large.info  # nothing of the original unless asked


def test_orientation_is_applied_and_reset(tmp_path: Path) -> None:
    source = _photo(tmp_path / "a.jpg", orientation=6)
    request = DerivativeRequest(
        str(source), (Rendition(str(tmp_path / "l.jpg"), 300),), orientation=6, camera_exif=True
    )
    make_derivatives(request)
    with Image.open(tmp_path / "l.jpg") as out:
        assert out.size == (200, 300)
        assert out.getexif()[0x0112] == 1
        # The light corner was top left as stored; turned 90° clockwise it is top right.
        assert out.getpixel((190, 5))[0] > 200 and out.getpixel((5, 5))[0] < 100


def test_camera_exif_without_serials_gps_or_owner(tmp_path: Path) -> None:
    source = _photo(tmp_path / "a.jpg")
    rendition = (Rendition(str(tmp_path / "l.jpg"), 300),)
    make_derivatives(DerivativeRequest(str(source), rendition, camera_exif=True))
    with Image.open(tmp_path / "l.jpg") as out:
        exif = out.getexif()
        sub = exif.get_ifd(0x8769)
        assert exif[0x010F] == "Canon" and float(sub[0x829A]) == pytest.approx(1 / 250)
        assert 0xA431 not in sub and 0xA430 not in sub and not exif.get_ifd(0x8825)
        assert (sub[0xA002], sub[0xA003]) == (300, 200)  # the rendition's size, not the original's
    make_derivatives(DerivativeRequest(str(source), rendition, camera_exif=True, keep_serials=True))
    with Image.open(tmp_path / "l.jpg") as out:
        sub = out.getexif().get_ifd(0x8769)
        assert (sub[0xA431], sub[0xA430]) == ("SN-123", "Owner Name")


def test_gps_carries_only_the_precision_given(tmp_path: Path) -> None:
    source = _photo(tmp_path / "a.jpg")
    request = DerivativeRequest(
        str(source), (Rendition(str(tmp_path / "l.jpg"), 300),), gps=(50.75, -156.32), gps_decimals=2
    )
    make_derivatives(request)
    with Image.open(tmp_path / "l.jpg") as out:
        gps = out.getexif().get_ifd(0x8825)
        assert gps[0x0001] == "N" and gps[0x0003] == "W"
        degrees, minutes, seconds = gps[0x0004]
        assert (degrees.numerator, degrees.denominator) in ((15632, 100), (3908, 25))
        assert minutes == 0 and seconds == 0


def test_other_colour_spaces_become_srgb(tmp_path: Path) -> None:
    # A Lab-encoded profile stands in for a wide-gamut camera profile: the pixels must be converted.
    lab = ImageCms.createProfile("LAB")
    image = Image.new("RGB", (64, 64), (200, 40, 40))
    wide = ImageCms.profileToProfile(image, ImageCms.createProfile("sRGB"), lab, outputMode="LAB")
    source = tmp_path / "lab.tif"
    wide.save(source, icc_profile=ImageCms.ImageCmsProfile(lab).tobytes())
    make_derivatives(DerivativeRequest(str(source), (Rendition(str(tmp_path / "o.jpg"), None),)))
    with Image.open(tmp_path / "o.jpg") as out:
        assert out.mode == "RGB" and out.info["icc_profile"] == srgb_profile()
        red, green, blue = ImageStat.Stat(out).mean
        assert red > 150 and green < 90 and blue < 90  # still red, not Lab numbers read as RGB


def test_burned_credit_is_legible_on_light_and_dark(tmp_path: Path) -> None:
    for background in ((255, 255, 255), (0, 0, 0)):
        image = Image.new("RGB", (800, 600), background)
        out = burn_credit(image, "© Sample Expedition / Архив «Шумшу» / 占守島")
        corner = out.crop((400, 520, 800, 600)).convert("L")
        low, high = corner.getextrema()
        assert high - low > 150, background  # light text and a dark box: contrast either way
        assert out.crop((0, 0, 400, 400)).getextrema() == image.crop((0, 0, 400, 400)).getextrema()
    assert burn_credit(image, "   ") is image
    narrow = burn_credit(Image.new("RGB", (120, 400), (128, 128, 128)), "A very long credit line " * 5)
    assert narrow.size == (120, 400)


def test_output_is_byte_identical(tmp_path: Path) -> None:
    source = _photo(tmp_path / "a.jpg")
    digests = []
    for attempt in range(2):
        target = tmp_path / f"{attempt}.jpg"
        make_derivatives(
            DerivativeRequest(
                str(source), (Rendition(str(target), 300, True),), credit_text="© X", camera_exif=True, gps=(1.0, 2.0)
            )
        )
        digests.append(hashlib.sha256(target.read_bytes()).hexdigest())
    assert digests[0] == digests[1]
    assert srgb_profile() == derivatives._srgb_bytes()


def test_bad_originals_raise_image_error(tmp_path: Path) -> None:
    source = _photo(tmp_path / "a.jpg")
    truncated = tmp_path / "t.jpg"
    truncated.write_bytes(source.read_bytes()[:500])
    for path in (truncated, tmp_path / "missing.jpg"):
        with pytest.raises(ImageError):
            make_derivatives(DerivativeRequest(str(path), (Rendition(str(tmp_path / "o.jpg"), 100),)))
    text = tmp_path / "notes.jpg"
    text.write_bytes(b"not an image")
    with pytest.raises(ImageError, match="not an image"):
        make_derivatives(DerivativeRequest(str(text), (Rendition(str(tmp_path / "o.jpg"), 100),)))


def test_png_with_transparency_is_flattened(tmp_path: Path) -> None:
    image = Image.new("RGBA", (100, 50), (255, 0, 0, 0))
    buffer = BytesIO()
    image.save(buffer, "PNG")
    source = tmp_path / "a.png"
    source.write_bytes(buffer.getvalue())
    make_derivatives(DerivativeRequest(str(source), (Rendition(str(tmp_path / "o.jpg"), 50),)))
    with Image.open(tmp_path / "o.jpg") as out:
        assert out.mode == "RGB" and out.getpixel((10, 10))[1] > 240  # white, not black


def _burn_over_whole_image(image: Image.Image, text: str) -> Image.Image:
    """The credit composited over the whole image, as before it was composited over its box only."""
    from PIL import ImageDraw

    text = " ".join(text.split())
    width, height = image.size
    size = max(9, round(min(width, height) * 0.03))
    font = derivatives._font(None, size)
    while font.getlength(text) > width * 0.9 and size > 9:
        size = max(9, int(size * 0.9))
        font = derivatives._font(None, size)
    text = derivatives._ellipsize(text, font, width * 0.9)
    stroke = max(1, size // 12)
    left, top, right, bottom = font.getbbox(text, stroke_width=stroke)
    pad, margin = max(3, size // 3), max(4, size // 2)
    box_w, box_h = right - left + 2 * pad, bottom - top + 2 * pad
    x0, y0 = width - margin - box_w, height - margin - box_h
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    draw.rounded_rectangle((x0, y0, x0 + box_w, y0 + box_h), radius=pad, fill=(0, 0, 0, 150))
    draw.text((x0 + pad - left, y0 + pad - top), text, font=font, fill=(255, 255, 255, 255),
              stroke_width=stroke, stroke_fill=(0, 0, 0, 255))  # fmt: skip
    return Image.alpha_composite(image.convert("RGBA"), overlay).convert(image.mode)


@pytest.mark.parametrize("size", [(800, 600), (333, 1000), (120, 400), (40, 30)])
def test_credit_over_its_box_only_gives_the_same_pixels(size: tuple[int, int]) -> None:
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    for text in ("© Sample Expedition / Архив «Шумшу» / 占守島", "A very long credit line " * 5):
        assert burn_credit(image, text).tobytes() == _burn_over_whole_image(image, text).tobytes()


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_orientation_applied_at_the_final_size_matches_turning_first(tmp_path: Path, orientation: int) -> None:
    source = _photo(tmp_path / "a.jpg", size=(1800, 1200))
    target = tmp_path / "l.jpg"
    make_derivatives(DerivativeRequest(str(source), (Rendition(str(target), 600),), orientation=orientation))
    with Image.open(source) as original:
        original.draft("RGB", (600, 400))
        upright = derivatives.apply_orientation(original.convert("RGB"), orientation)
        expected = upright.resize(derivatives._scaled(upright.size, 600 / max(upright.size)), Image.Resampling.BICUBIC)
    with Image.open(target) as out:
        assert out.size == expected.size
        difference = ImageStat.Stat(ImageChops.difference(out.convert("RGB"), expected))
        assert max(difference.mean) < 2  # JPEG's own error; the turn itself changes at most 2 levels


def test_large_renditions_progressive_small_ones_baseline_and_in_memory(tmp_path: Path) -> None:
    source = _photo(tmp_path / "a.jpg", size=(2400, 1600))
    renditions = (
        Rendition(str(tmp_path / "l.jpg"), 1600),
        Rendition(str(tmp_path / "m.jpg"), 560, in_memory=True),
        Rendition(str(tmp_path / "t.jpg"), 280),
    )
    result = make_derivatives(DerivativeRequest(str(source), renditions))
    assert not (tmp_path / "m.jpg").exists() and list(result.data) == [str(tmp_path / "m.jpg")]
    with Image.open(tmp_path / "l.jpg") as large, Image.open(tmp_path / "t.jpg") as thumb:
        assert large.info.get("progressive") and not thumb.info.get("progressive")
    with Image.open(BytesIO(result.data[str(tmp_path / "m.jpg")])) as medium:
        assert medium.size == (560, 373) and not medium.info.get("progressive")
        assert medium.info["icc_profile"] == srgb_profile()
