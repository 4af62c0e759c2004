"""The ``package`` format: files for a publisher or another archive, captions inside and beside.

Layout::

    images/NAME.jpg   at --long-edge (default: the original size), curated metadata embedded
                      (EXIF, IPTC IIM and XMP through ``photoarchive.metadata.write``)
    captions.csv      one row per image (UTF-8 with a byte-order mark, so spreadsheet programs
                      read Cyrillic and Japanese right)
    captions.html     the same as a printable caption sheet
    CREDITS.txt       credits, copyright and usage terms: per image and the distinct terms
    manifest.json     every file with its SHA-256 and size; per image the hash of the original's
                      bytes it was made from (read and checked in the worker, so always the
                      catalog's: a changed original fails instead) and the fields as published (location at the precision asked for)

With ``--zip`` the target folder holds one ``COLLECTION.zip`` whose entries have a fixed
time stamp and permissions and are sorted, so two exports give identical archives.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from pathlib import Path
from typing import Any

from jinja2 import Environment

from photoarchive.catalog.verify import sha256_file
from photoarchive.export.html import write_json, write_text
from photoarchive.export.options import ExportOptions
from photoarchive.export.plan import ExportItem, Publication
from photoarchive.export.precision import PLACE_FIELDS

METADATA_ROLES = ("image",)
CSV_COLUMNS = (
    "file", "sequence", "title", "headline", "caption", "published_caption", "alt_text", "creator", "credit",
    "source", "copyright", "usage_terms", "web_statement", "keywords", "date", "event", "event_date",
    "sublocation", "city", "state", "country", "country_code", "latitude", "longitude", "location_precision",
    "source_sha256",
)  # fmt: skip
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a ZIP can say: no export time in the archive


def renditions(item: ExportItem, options: ExportOptions) -> dict[str, tuple[str, int | None, bool]]:
    return {"image": (f"images/{item.stem}.jpg", options.long_edge, True)}


def write_package(publication: Publication, items: list[ExportItem], root: Path, env: Environment) -> None:
    rows = [_row(item) for item in items]
    write_text(root / "captions.csv", _csv(rows))
    sheet = env.get_template("captions.html").render(**publication.context(), rows=rows, items=items)
    write_text(root / "captions.html", sheet)
    write_text(root / "CREDITS.txt", _credits(publication, items))
    files = [_file_entry(root, path) for path in sorted(_files(root))]
    manifest = {
        "collection": {
            "name": publication.collection.name,
            "title": publication.collection.title,
            "source": publication.collection.source,
            "categories": [c.as_dict() for c in publication.collection.categories],
        },
        "language": publication.language,
        "fallbacks": publication.fallback_count,
        "options": publication.options.as_manifest(),
        "images": [_manifest_image(item, root) for item in items],
        "files": files,
    }
    write_json(root / "manifest.json", manifest)


def zip_folder(folder: Path, archive: Path) -> None:
    """Zip ``folder`` (entries under its name) reproducibly: sorted, fixed time, fixed modes."""
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as bundle:
        for path in sorted(_files(folder)):
            info = zipfile.ZipInfo(f"{folder.name}/{path}", date_time=_ZIP_TIME)
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever the OS that wrote it
            info.compress_type = zipfile.ZIP_DEFLATED
            bundle.writestr(info, (folder / path).read_bytes(), compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)


def _files(root: Path) -> list[str]:
    return [
        Path(dirpath, name).relative_to(root).as_posix()
        for dirpath, _, names in os.walk(root)
        for name in names
        if not name.startswith(".")
    ]


def _file_entry(root: Path, relative: str) -> dict[str, Any]:
    path = root / relative
    return {"path": relative, "sha256": sha256_file(path), "size": path.stat().st_size}


def _row(item: ExportItem) -> dict[str, Any]:
    f, location = item.fields, item.location
    return {
        "file": item.files["image"],
        "sequence": item.sequence,
        "title": f.title,
        "headline": f.headline,
        "caption": f.caption,
        "published_caption": item.caption,
        "alt_text": item.alt,
        "creator": f.creator,
        "credit": f.credit,
        "source": f.source,
        "copyright": f.copyright,
        "usage_terms": f.usage_terms,
        "web_statement": f.web_statement,
        "keywords": ", ".join(f.keywords),
        "date": item.date,
        "event": f.event,
        "event_date": f.event_date,
        "sublocation": location.sublocation,
        "city": location.city,
        "state": location.state,
        "country": location.country,
        "country_code": location.country_code,
        "latitude": "" if location.latitude is None else f"{location.latitude:.{location.decimals}f}",
        "longitude": "" if location.longitude is None else f"{location.longitude:.{location.decimals}f}",
        "location_precision": location.precision,
        "source_sha256": item.source_sha256,
    }


def _csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")  # RFC 4180 line ends
    writer.writeheader()
    writer.writerows(rows)
    return "\ufeff" + buffer.getvalue()


def _manifest_image(item: ExportItem, root: Path) -> dict[str, Any]:
    path = item.files["image"]
    width, height = item.sizes["image"]
    fields = {k: v for k, v in item.fields.as_dict().items() if k not in PLACE_FIELDS}
    return {
        "file": path,
        "sha256": sha256_file(root / path),
        "width": width,
        "height": height,
        "sequence": item.sequence,
        "source": {"photo_id": item.photo.id, "sha256": item.source_sha256, "name": item.photo.original_name},
        "published_caption": item.caption,
        "fields": fields,
        "location": item.location.as_dict(),
    }


def _credits(publication: Publication, items: list[ExportItem]) -> str:
    collection = publication.collection
    lines = [publication.title, "=" * len(publication.title), ""]
    if collection.source:
        lines += [collection.source, ""]
    lines += [f"{len(items)} photographs. Credit each as shown below when you publish it.", ""]
    for item in items:
        f = item.fields
        parts = [
            f"Photo: {f.creator}" if f.creator else "",
            f"Credit: {f.credit}" if f.credit else "",
            f"Source: {f.source}" if f.source else "",
            f.copyright,
        ]
        lines.append(f"{item.files['image'].removeprefix('images/')}: " + "; ".join(p for p in parts if p))
    terms = sorted({t for i in items for t in (i.fields.usage_terms, i.fields.web_statement) if t})
    if terms:
        lines += ["", "Terms of use", "------------", *terms]
    return "\n".join(lines).rstrip() + "\n"
