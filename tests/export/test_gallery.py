"""The gallery's files: order, escaping, responsive images, JSON-LD, precision, themes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PIL import Image

from photoarchive.catalog import Catalog
from photoarchive.catalog.collections import collection_photo_ids
from tests.export.conftest import CAPTIONS, INJECTION, exiftool, export, needs_exiftool

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def test_gallery_layout_order_and_escaping(shumshu: Catalog, tmp_path: Path) -> None:
    target = tmp_path / "gallery"
    summary = export(shumshu, "gallery", target, location_precision="1km")
    assert summary.ok and summary.exported == 15
    assert (target / "assets" / "style.css").is_file() and (target / "assets" / "viewer.js").is_file()
    assert len(list((target / "photos").glob("*.html"))) == 15
    for folder in ("large", "medium", "thumbs"):
        assert len(list((target / "images" / folder).glob("*.jpg"))) == 15

    index = (target / "index.html").read_text(encoding="utf-8")
    # Thumbnails in the collection's order: the order stored, not the import order.
    order = collection_photo_ids(shumshu, "shumshu")
    captions = [shumshu.conn.execute("SELECT caption FROM photos WHERE id = ?", (i,)).fetchone()[0] for i in order]
    grid = index[index.index("<main>") :]
    positions = [grid.find(_html(c)[:30]) for c in captions]
    assert -1 not in positions and positions == sorted(positions)
    assert re.search(r'srcset="images/thumbs/\S+ 280w, images/medium/\S+ 480w" sizes="280px"', index)
    assert 'loading="lazy"' in index and 'width="' in index and 'height="' in index

    for page in [target / "index.html", *sorted((target / "photos").glob("*.html"))]:
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html
        assert not re.search(r'(src|srcset)="[^"]*(https?:|//)', html)  # no resource from elsewhere
        assert "Content-Security-Policy" in html
        for block in JSON_LD.findall(html):
            json.loads(block)
    assert "&lt;script&gt;alert('intro')&lt;/script&gt;" in index  # the intro's HTML is text
    assert "example.com" in index and '<img src="http' not in index  # Markdown images are not loaded

    injected = next(p for p in (target / "photos").glob("*.html") if _html(INJECTION) in p.read_text(encoding="utf-8"))
    html = injected.read_text(encoding="utf-8")
    assert 'alt="Tank &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; crew"' in html
    data = json.loads(JSON_LD.findall(html)[0])
    assert data["caption"] == INJECTION  # the gallery shows the plain caption; credit is beside it
    assert data["creator"] == {"@type": "Person", "name": "Sample Expedition"}
    assert data["creditText"] == "Shumshu-2015 search expedition"
    assert data["copyrightNotice"] == "© 2015 Sample Expedition"
    assert data["license"] == {"@type": "CreativeWork", "text": "Editorial use with credit"}
    assert data["contentLocation"]["geo"] == {"@type": "GeoCoordinates", "latitude": 50.75, "longitude": 156.32}
    assert "50.75° N, 156.32° E (rounded to about 1 km)" in html
    assert "50.7512" not in html and "50.75123" not in html
    assert 'srcset="../images/medium/' in html and ('rel="next"' in html or 'rel="prev"' in html)


def test_orientation_alt_text_and_sizes(shumshu: Catalog, tmp_path: Path) -> None:
    target = tmp_path / "gallery"
    export(shumshu, "gallery", target, long_edge=400, thumbnail=100)
    rotated = next(p for p in (target / "photos").glob("*.html") if _html(CAPTIONS[1]) in p.read_text(encoding="utf-8"))
    stem = rotated.stem
    with Image.open(target / "images" / "large" / f"{stem}.jpg") as large:
        assert large.size == (267, 400)  # turned upright: the original is 480x320 with orientation 6
        assert large.getexif().get(0x0112, 1) == 1
    with Image.open(target / "images" / "thumbs" / f"{stem}.jpg") as thumb:
        assert max(thumb.size) == 100
    with Image.open(target / "images" / "medium" / f"{stem}.jpg") as medium:
        assert max(medium.size) == 200


def test_precision_none_removes_every_place(shumshu: Catalog, tmp_path: Path) -> None:
    target = tmp_path / "gallery"
    export(shumshu, "gallery", target, location_precision="none", name_template="{sequence:03}_{sublocation}")
    for path in target.rglob("*"):
        assert "slope" not in path.name and "shore" not in path.name
    for page in target.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for secret in (
            "north slope",
            "shore",
            "Sakhalin",
            "Russia",
            "50.7",
            "156.3",
            "GeoCoordinates",
            "contentLocation",
        ):
            assert secret not in html, (page.name, secret)


def test_a_copied_theme_replaces_the_default(shumshu: Catalog, tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    (theme / "assets").mkdir(parents=True)
    (theme / "assets" / "style.css").write_text("body { background: black; }", encoding="utf-8")
    (theme / "colophon.html").write_text("<footer>My colophon: {{ collection.source }}</footer>", encoding="utf-8")
    target = tmp_path / "gallery"
    export(shumshu, "gallery", target, theme=theme)
    assert (target / "assets" / "style.css").read_text() == "body { background: black; }"
    index = (target / "index.html").read_text(encoding="utf-8")
    assert "My colophon: Search expedition «Шумшу-2015» &amp; friends" in index  # still escaped
    assert (target / "assets" / "viewer.js").is_file()  # what the copy lacks comes from the default


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")


@pytest.fixture
def placed_archive(small_archive) -> tuple[Catalog, list[int]]:
    """Three photos: the first given a place and no GPS of its own (so the island's centre),
    the second with a position read from a file's location shown, the third a camera's."""
    from photoarchive.edits import apply_edit
    from tests.export.conftest import place_photo

    catalog, (first, second, third) = small_archive
    apply_edit(catalog, [first], {"latitude": None, "longitude": None, "gps_source": None})
    apply_edit(catalog, [second], {"gps_source": "location_shown"})
    apply_edit(catalog, [third], {"gps_source": "camera"})
    place_photo(catalog, first)  # Shumshu, an island: 15 km by its kind
    return catalog, [first, second, third]


def test_a_place_centre_is_shown_as_the_place_not_as_where_the_photo_was_taken(placed_archive, tmp_path: Path) -> None:
    catalog, _ = placed_archive
    target = tmp_path / "gallery"
    export(catalog, "gallery", target, location_precision="exact")
    pages = [p.read_text(encoding="utf-8") for p in sorted((target / "photos").glob("*.html"))]
    placed = next(html for html in pages if "centre of Shumshu" in html)
    assert "≈ 50.8° N, 156.3° E (centre of Shumshu, within about 15 km)" in placed and "50.7686" not in placed
    data = json.loads(JSON_LD.findall(placed)[0])
    assert data["contentLocation"]["geo"] == {
        "@type": "GeoCircle",
        "geoMidpoint": {"@type": "GeoCoordinates", "latitude": 50.8, "longitude": 156.3},
        "geoRadius": 23000.0,
    }
    assert sum("50.75123° N, 156.32123° E (position of the place shown)" in html for html in pages) == 1
    assert sum("50.75123° N, 156.32123° E</dd>" in html for html in pages) == 1  # the camera's, as it is


@needs_exiftool
def test_a_place_centre_is_not_written_as_the_camera_gps(placed_archive, tmp_path: Path) -> None:
    catalog, (first, second, third) = placed_archive
    package = tmp_path / "package"
    export(catalog, "package", package, location_precision="exact", long_edge=200)
    manifest = json.loads((package / "manifest.json").read_text(encoding="utf-8"))
    images = {i["source"]["photo_id"]: i for i in manifest["images"]}
    read = exiftool(package / "images", "-n")
    tags = {photo: read[Path(image["file"]).name] for photo, image in images.items()}
    assert ["GPS:GPSLatitude" in tags[p] for p in (first, second, third)] == [False, False, True]
    assert [tags[p]["XMP-iptcExt:LocationShownGPSLatitude"] for p in (first, second, third)] == [
        50.8, pytest.approx(50.7512345, abs=1e-6), pytest.approx(50.7512345, abs=1e-6),
    ]  # fmt: skip
    assert images[first]["location"]["position_source"] == "place"
    assert images[first]["location"]["uncertainty_metres"] == 23000
    assert (images[third]["location"]["position_source"], images[third]["location"]["uncertainty_metres"]) == (
        "camera",
        None,
    )
