#!/usr/bin/env python3
"""Where the time of a gallery export goes, per photo and stage by stage, beside sigal's stages.

``bench/export_gallery.py`` times the whole command against sigal; this one runs the stages
of one photo's work in this process, with the project's own functions and options (1600 px
image, 560 px HiDPI thumbnail, 280 px thumbnail, metadata embedded in the first two), and
prints the median CPU time of each over the benchmark's photos, then the fixed costs of a run
(starting the command, and each worker process). The same photos go through the stages that
sigal 2.6.1 runs for them (full decode, Lanczos to 1600 px, progressive JPEG; the thumbnail
from that file, decoded with DCT scaling), with this environment's Pillow, and through the
libvips reference of ``bench/export_gallery.py`` (``thumbnail`` with shrink-on-load, progressive
encode, 280 px from the 1600 px image in memory), with one libvips thread as in the export.

Quality: the 1600 px pixels (before the JPEG encode) against a reference made the slow way,
a full decode resized with Pillow's Lanczos: PSNR and the largest difference in levels, for
the export and for Pillow's bicubic from the same half-size decode (the former way). JPEG at
quality 85 itself is about 34 dB from its input, so anything far above that is invisible.

    python bench/export_stages.py [--count 12]

CPU time of one process: on a shared machine the figures move together, so compare rows.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pyvips
from PIL import Image, ImageChops, ImageStat

from _photos import camera_photos, warm
from photoarchive.imaging import derivatives
from photoarchive.imaging.derivatives import DerivativeRequest, Rendition
from photoarchive.imaging.resample import decode_jpeg_scaled
from photoarchive.metadata import write_bytes
from photoarchive.model import CuratedFields

LARGE, MEDIUM, THUMB = 1600, 560, 280
FIELDS = CuratedFields(
    caption="Wreck of a Japanese light tank below Height 171",
    creator="Sample Expedition",
    credit="Shumshu-2015 search expedition",
    copyright="© 2015 Sample Expedition",
    date_created="2015-08-10T09:00:00",
    city="Shumshu",
    country="Russia",
    country_code="RUS",
)


def stages(path: Path, timings: dict[str, list[float]], quality: dict[str, list[tuple[float, int]]]) -> None:
    def timed(name: str, work: Callable[[], object]) -> object:
        start = time.process_time()
        value = work()
        timings.setdefault(name, []).append(time.process_time() - start)
        return value

    request = DerivativeRequest(str(path), (Rendition("l", LARGE), Rendition("m", MEDIUM), Rendition("t", THUMB)))
    data = timed("read the file", path.read_bytes)
    image = timed("open, read the header and EXIF", lambda: derivatives.open_image(data))
    width = image.size[0]
    _, box = image.draft("RGB", derivatives._scaled(image.size, LARGE / max(image.size)))
    target = derivatives._fit_size(image.size, LARGE)
    shrink = round(width / box[2])
    large = timed(
        f"decode at 1/{shrink} + Lanczos 3 to {LARGE} px (libvips)",
        lambda: decode_jpeg_scaled(data, shrink, "RGB", target),
    )
    large = timed("to sRGB (nothing to do for sRGB photos)", lambda: derivatives.to_srgb(large))
    medium = timed(f"resize {LARGE} -> {MEDIUM} px (libvips)", lambda: derivatives._fit(large, MEDIUM))
    thumb = timed(f"resize {MEDIUM} -> {THUMB} px (libvips)", lambda: derivatives._fit(medium, THUMB))
    encoded = {}
    for name, rendition in (("large", large), ("medium", medium), ("thumb", thumb)):
        kind = "progressive" if max(rendition.size) > derivatives.PROGRESSIVE_ABOVE else "baseline"
        encoded[name] = timed(
            f"encode {name} ({max(rendition.size)} px, {kind})",
            lambda r=rendition: derivatives._encode(r, request, None),
        )
    for name in ("large", "medium"):
        timed(f"metadata into {name}: embed, read back, verify", lambda n=name: write_bytes(FIELDS, encoded[n]))

    # The libvips reference of bench/export_gallery.py.
    def vips_large() -> pyvips.Image:
        image = pyvips.Image.thumbnail_buffer(data, LARGE).copy_memory()
        image.jpegsave_buffer(Q=85, optimize_coding=True, interlace=True)
        return image

    vips = timed(f"libvips: thumbnail {LARGE} px + progressive encode", vips_large)
    timed(
        f"libvips: thumbnail {THUMB} px from it + encode",
        lambda: vips.thumbnail_image(THUMB).jpegsave_buffer(Q=85, optimize_coding=True),
    )

    # sigal 2.6.1 with its defaults: generate_image, then generate_thumbnail from its output.
    options = {"quality": 85, "optimize": True, "progressive": True}
    full = Image.open(path)
    timed(f"sigal: decode in full ({full.size[0]}x{full.size[1]})", full.load)
    scale = LARGE / max(full.size)
    resized = timed(
        f"sigal: resize to {LARGE} px (Lanczos)",
        lambda: full.resize((round(full.size[0] * scale), round(full.size[1] * scale)), Image.Resampling.LANCZOS),
    )
    buffer = BytesIO()
    timed(f"sigal: encode {LARGE} px (progressive)", lambda: resized.save(buffer, "JPEG", **options))

    def thumbnail() -> None:
        small = Image.open(BytesIO(buffer.getvalue()))
        small.thumbnail((THUMB, THUMB), Image.Resampling.LANCZOS)
        small.save(BytesIO(), "JPEG", **options)

    timed(f"sigal: thumbnail {THUMB} px from that file", thumbnail)

    # Quality against Lanczos from the full decode (which sigal's resize above is).
    half = derivatives.open_image(data)
    half.draft("RGB", target)
    bicubic = half.convert("RGB").resize(target, Image.Resampling.BICUBIC)
    for name, pixels in (("export (libvips Lanczos 3)", large), ("former: Pillow bicubic from 1/2", bicubic)):
        quality.setdefault(name, []).append(_compare(pixels, resized))


def _compare(image: Image.Image, reference: Image.Image) -> tuple[float, int]:
    """PSNR in dB and the largest difference in levels, over the three channels."""
    difference = ImageChops.difference(image, reference)
    squares = ImageStat.Stat(difference).rms
    mse = sum(v * v for v in squares) / len(squares)
    return 10 * math.log10(255**2 / mse), max(high for _, high in difference.getextrema())


def startup(code: list[str]) -> float:
    """CPU time of a Python process that only starts and imports (best of three)."""
    import resource

    best = []
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, *code], check=True, stdout=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        best.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return min(best)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=12)
    args = parser.parse_args()
    photos = camera_photos(args.count)
    warm(photos)
    timings: dict[str, list[float]] = {}
    pyvips.concurrency_set(1)  # as in the export's workers (imaging.resample)
    quality: dict[str, list[tuple[float, int]]] = {}
    stages(photos[0], {}, {})  # warm up: fonts, profiles, exiv2's namespaces
    for path in photos:
        stages(path, timings, quality)
    print(f"load average: {os.getloadavg()}")
    ours = {k: v for k, v in timings.items() if not k.startswith(("sigal", "libvips:"))}
    vips = {k: v for k, v in timings.items() if k.startswith("libvips:")}
    theirs = {k: v for k, v in timings.items() if k.startswith("sigal")}
    print(f"median CPU time per photo over {len(photos)} photos:")
    for group, title in ((ours, "photoarchive export"), (vips, "libvips reference"), (theirs, "sigal's stages")):
        total = 0.0
        for name, values in group.items():
            median = statistics.median(values) * 1000
            total += median
            print(f"  {name:<52} {median:6.1f} ms")
        print(f"  {'= ' + title:<52} {total:6.1f} ms\n")
    print(f"quality of the {LARGE} px pixels against Lanczos from the full decode (median PSNR; worst max difference):")
    for name, values in quality.items():
        psnr = statistics.median(p for p, _ in values)
        print(f"  {name:<52} {psnr:6.1f} dB, max {max(m for _, m in values)} levels")
    command = startup(["-m", "photoarchive", "--help"])
    worker = startup(["-c", "import photoarchive.export.render"])
    print(f"fixed per run: the command starting {command * 1000:.0f} ms; each worker process {worker * 1000:.0f} ms")


if __name__ == "__main__":
    main()
