"""Generated pictures for the sample archive: simple landscapes drawn with Pillow.

They are not photographs and say so: each carries "SAMPLE · generated image" in a corner.
A scene is drawn from a seed, so the same archive comes out every time.
"""

from __future__ import annotations

import random
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

SIZE = (1600, 1067)


def draw_scene(scene: str, seed: int) -> Image.Image:
    """A landscape: ``coast``, ``fog``, ``hill``, ``tank``, ``bunker``, ``camp``, ``memorial``,
    ``finds``, ``strait`` or ``tracks``."""
    rnd = random.Random(seed)
    width, height = SIZE
    image = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    horizon = int(height * (0.42 + rnd.random() * 0.12))
    foggy = scene == "fog"
    top, bottom = ((196, 204, 208), (226, 229, 230)) if foggy else ((92, 140, 188), (200, 218, 228))
    _gradient(draw, (0, 0, width, horizon + 60), top, bottom)
    if scene in ("coast", "fog", "strait"):
        _gradient(draw, (0, horizon, width, int(height * 0.72)), (70, 104, 124), (46, 76, 96))
        if scene == "strait":  # the neighbouring island across the water
            _ridge(draw, rnd, horizon, 0.08, (104, 116, 126), width)
        beach = int(height * 0.72)
        _gradient(draw, (0, beach, width, height), (150, 140, 118), (118, 108, 88))
        for _ in range(6):
            y = rnd.randint(horizon + 20, beach - 10)
            draw.line((rnd.randint(0, width // 2), y, rnd.randint(width // 2, width), y), fill=(150, 180, 196), width=2)
    else:
        _ridge(draw, rnd, horizon, 0.18 if scene == "hill" else 0.1, (92, 110, 80), width)
        _gradient(draw, (0, horizon + 30, width, height), (108, 128, 84), (72, 90, 56))
        for _ in range(1400):  # tundra grass
            x, y = rnd.randint(0, width), rnd.randint(horizon + 40, height)
            shade = rnd.randint(50, 110)
            draw.line((x, y, x + rnd.randint(-3, 3), y - rnd.randint(4, 12)), fill=(shade, shade + 30, shade - 20))
    _subject(draw, scene, rnd, horizon)
    if foggy:
        image = Image.blend(image, Image.new("RGB", SIZE, (222, 226, 228)), 0.45)
    image = image.filter(ImageFilter.GaussianBlur(0.8))
    label = ImageDraw.Draw(image)
    label.rectangle((width - 330, height - 46, width - 12, height - 12), fill=(0, 0, 0))
    label.text((width - 318, height - 38), "SAMPLE · generated image", fill=(255, 255, 255), font_size=20)
    return image


def _gradient(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], top: tuple, bottom: tuple) -> None:
    x0, y0, x1, y1 = box
    span = max(y1 - y0, 1)
    for y in range(y0, y1):
        t = (y - y0) / span
        draw.line((x0, y, x1, y), fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))


def _ridge(
    draw: ImageDraw.ImageDraw, rnd: random.Random, horizon: int, height: float, colour: tuple, width: int
) -> None:
    points, x = [(0, horizon + 40)], 0
    peak = SIZE[1] * height
    while x < width:
        x += rnd.randint(60, 160)
        points.append((x, int(horizon - rnd.random() * peak)))
    points += [(width, horizon + 40)]
    draw.polygon(points, fill=colour)


def _subject(draw: ImageDraw.ImageDraw, scene: str, rnd: random.Random, horizon: int) -> None:
    w, h = SIZE
    cx = int(w * (0.35 + rnd.random() * 0.3))
    ground = int(h * 0.8)
    rust, dark, concrete = (120, 70, 40), (52, 44, 38), (150, 150, 142)
    if scene == "tank":
        draw.polygon(
            [(cx - 260, ground), (cx - 220, ground - 110), (cx + 220, ground - 110), (cx + 270, ground)], fill=rust
        )
        draw.rectangle((cx - 90, ground - 190, cx + 110, ground - 110), fill=(104, 62, 36))
        draw.rectangle((cx + 100, ground - 165, cx + 300, ground - 145), fill=dark)
        for i in range(7):
            draw.ellipse((cx - 240 + i * 70, ground - 40, cx - 190 + i * 70, ground + 10), fill=dark)
    elif scene == "bunker":
        draw.polygon(
            [(cx - 300, ground), (cx - 200, ground - 200), (cx + 200, ground - 200), (cx + 300, ground)], fill=concrete
        )
        draw.rectangle((cx - 120, ground - 140, cx + 120, ground - 100), fill=(30, 30, 30))
    elif scene == "camp":
        for i, colour in enumerate([(200, 90, 40), (60, 110, 160), (210, 180, 60)]):
            x = cx - 320 + i * 260
            draw.polygon([(x, ground), (x + 110, ground - 150), (x + 220, ground)], fill=colour)
    elif scene == "memorial":
        draw.rectangle((cx - 160, ground - 40, cx + 160, ground), fill=concrete)
        draw.polygon(
            [(cx - 40, ground - 40), (cx - 20, ground - 420), (cx + 20, ground - 420), (cx + 40, ground - 40)],
            fill=(170, 170, 164),
        )
        draw.polygon([(cx, ground - 470), (cx - 22, ground - 420), (cx + 22, ground - 420)], fill=(190, 40, 40))
        for i in range(9):
            draw.ellipse((cx - 130 + i * 30, ground - 20, cx - 110 + i * 30, ground), fill=(200, 30 + i * 10, 60))
    elif scene == "finds":
        draw.rectangle((0, horizon + 60, w, h), fill=(104, 84, 60))
        for i in range(9):
            x, y = 200 + (i % 3) * 420 + rnd.randint(-30, 30), horizon + 160 + (i // 3) * 170
            draw.rounded_rectangle((x, y, x + rnd.randint(60, 220), y + rnd.randint(20, 60)), 12, fill=(140, 118, 70))
    elif scene == "tracks":
        for i in range(10):
            x = 180 + i * 128
            draw.rectangle((x, ground - 60 + (i % 2) * 8, x + 110, ground + 10), fill=rust, outline=dark, width=6)
    elif scene == "hill":
        for i in range(5):  # a trench line along the slope
            x = 300 + i * 220
            draw.line((x, horizon + 120 + i * 12, x + 200, horizon + 130 + i * 12), fill=dark, width=14)


def write_jpeg(image: Image.Image, path: Path, when: datetime, utc_offset: str, gps: tuple[float, float]) -> Path:
    """Save with the EXIF a camera would write: date, its offset, GPS, and a sample 'camera'."""
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Photo Archive", "Sample generator"
    exif[0x0131] = "Photo Archive sample archive builder"
    photo_ifd = exif.get_ifd(0x8769)
    photo_ifd[0x9003] = when.strftime("%Y:%m:%d %H:%M:%S")
    photo_ifd[0x9011] = utc_offset
    gps_ifd = exif.get_ifd(0x8825)
    gps_ifd[0x0000] = b"\x02\x03\x00\x00"
    gps_ifd[0x0001], gps_ifd[0x0002] = ("N" if gps[0] >= 0 else "S"), _dms(gps[0])
    gps_ifd[0x0003], gps_ifd[0x0004] = ("E" if gps[1] >= 0 else "W"), _dms(gps[1])
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=88, exif=exif)
    return path


def _dms(value: float) -> tuple[float, float, float]:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    return (float(degrees), float(minutes), round(((value - degrees) * 60 - minutes) * 60, 3))
