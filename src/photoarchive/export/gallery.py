"""The ``gallery`` format: a static web gallery that works from a folder, file:// or any server.

Layout::

    index.html              title, introduction, a grid of thumbnails in the collection's order
    photos/NAME.html        one page per photo: large image, caption, credit, location, date;
                            ← and → step through the photos, Esc goes back (assets/viewer.js)
    images/large/NAME.jpg   the --long-edge image (with the burned-in credit, if asked)
    images/medium/NAME.jpg  twice the thumbnail size: HiDPI thumbnails and small screens
    images/thumbs/NAME.jpg  the --thumbnail image
    assets/style.css, assets/viewer.js

Every page links only to files in the folder and says so to the browser with a
Content-Security-Policy (``default-src 'none'``, images, styles and scripts from 'self'), so
no request can leave the folder even if a theme is changed carelessly. Images have ``srcset``
and ``sizes``, width and height (no layout shift), and ``alt`` from the alt text; each photo
page carries a schema.org ``ImageObject`` in JSON-LD, and the index an ``ImageGallery``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment

from photoarchive.export.html import copy_assets, write_text
from photoarchive.export.options import ExportOptions
from photoarchive.export.plan import ExportItem, Publication
from photoarchive.metadata.mwg import split_names

ASSETS = ["assets/style.css", "assets/viewer.js"]
METADATA_ROLES = ("large", "medium")


def renditions(item: ExportItem, options: ExportOptions) -> dict[str, tuple[str, int | None, bool]]:
    """Role -> (path in the output, long edge, burn the credit) for one photo."""
    medium = 2 * options.thumbnail
    result: dict[str, tuple[str, int | None, bool]] = {
        "large": (f"images/large/{item.stem}.jpg", options.long_edge, True),
        "thumb": (f"images/thumbs/{item.stem}.jpg", options.thumbnail, False),
    }
    if options.long_edge is None or medium < options.long_edge:
        result["medium"] = (f"images/medium/{item.stem}.jpg", medium, True)
    return result


def write_gallery(publication: Publication, items: list[ExportItem], root: Path, env: Environment) -> None:
    options = publication.options
    copy_assets(options.theme, root, ASSETS)
    common = publication.context()
    entries = [_entry(item) for item in items]
    index = env.get_template("index.html").render(
        **common,
        languages=_languages(publication, "../", "index.html"),
        root="",
        entries=entries,
        thumbnail=options.thumbnail,
        gallery_json_ld=_gallery_json_ld(publication, items),
    )
    write_text(root / "index.html", index)
    page = env.get_template("photo.html")
    for position, item in enumerate(items):
        previous = _url(items[position - 1].stem + ".html") if position > 0 else ""
        following = _url(items[position + 1].stem + ".html") if position + 1 < len(items) else ""
        html = page.render(
            **common,
            languages=_languages(publication, "../../", "photos/{}.html", item.photo.id),
            root="../",
            item=item,
            image=_image(item, "large", ("medium", "large"), prefix="../"),
            previous=previous,
            next=following,
            position=position + 1,
            count=len(items),
            json_ld=image_object(item, "../" + _url(item.files["large"])),
        )
        write_text(root / "photos" / f"{item.stem}.html", html)


def write_language_index(publications: list[Publication], root: Path, env: Environment, page: str) -> None:
    """The top folder's ``index.html`` of a multi-language export: each language's title and
    introduction's link to its ``page``, the first language's words around them."""
    first = publications[0]
    links = [
        {
            "lang": p.language,
            "name": p.messages.name,
            "title": p.title,
            "href": _url(f"{p.language}/{page}"),
        }
        for p in publications
    ]
    html = env.get_template("languages.html").render(**first.context(), links=links)
    write_text(root / "index.html", html)


def _languages(publication: Publication, up: str, page: str, photo_id: int | None = None) -> list[dict[str, Any]]:
    """The page in each language of a multi-language export (none for one language): its
    tag, the language's own name, the link (``up`` climbs to the folder of the languages), and
    whether it is this page. A photo left out of one language's export has no link there."""
    links = []
    for tag, name, stems in publication.alternates:
        if photo_id is not None and photo_id not in stems:
            continue
        path = page.format(stems[photo_id]) if photo_id is not None else page
        links.append(
            {"lang": tag, "name": name, "href": _url(f"{up}{tag}/{path}"), "current": tag == publication.language}
        )
    return links


def _entry(item: ExportItem) -> dict[str, Any]:
    return {
        "item": item,
        "page": "photos/" + _url(item.stem + ".html"),
        "thumb": _image(item, "thumb", ("thumb", "medium")),
    }


def _image(item: ExportItem, main: str, roles: tuple[str, ...], prefix: str = "") -> dict[str, Any]:
    """src and size of the ``main`` rendition, and a srcset over those of ``roles`` that exist."""
    srcset = ", ".join(f"{prefix}{_url(item.files[r])} {item.sizes[r][0]}w" for r in roles if r in item.files)
    width, height = item.sizes[main]
    return {"src": prefix + _url(item.files[main]), "srcset": srcset, "width": width, "height": height}


def image_object(item: ExportItem, url: str) -> dict[str, Any]:
    """schema.org ImageObject for one photo, with the location at the precision asked for."""
    fields = item.fields
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "ImageObject", "contentUrl": url}
    if item.title:
        data["name"] = item.title
    if item.caption:
        data["caption"] = item.caption
    if fields.caption:
        data["description"] = fields.caption
    creators = [{"@type": "Person", "name": name} for name in split_names(fields.creator)]
    if creators:
        data["creator"] = creators[0] if len(creators) == 1 else creators
    if fields.credit:
        data["creditText"] = fields.credit
    if fields.copyright:
        data["copyrightNotice"] = fields.copyright
    if fields.copyright or fields.creator:
        data["copyrightHolder"] = {
            "@type": "Organization" if fields.credit else "Person",
            "name": fields.credit or fields.creator,
        }
    if fields.web_statement:
        data["license"] = fields.web_statement
        data["acquireLicensePage"] = fields.web_statement
    elif fields.usage_terms:
        data["license"] = {"@type": "CreativeWork", "text": fields.usage_terms}
    if fields.usage_terms:
        data["usageInfo"] = fields.usage_terms
    if item.date:
        data["dateCreated"] = item.date
    if fields.keywords:
        data["keywords"] = ", ".join(fields.keywords)
    location = item.location
    if location.place_text or location.has_coordinates:
        place: dict[str, Any] = {"@type": "Place"}
        if location.place_text:
            place["name"] = location.place_text
        if location.has_coordinates:
            point = {"@type": "GeoCoordinates", "latitude": location.latitude, "longitude": location.longitude}
            if location.uncertainty is not None:  # a place's centre: the area, not a point
                place["geo"] = {"@type": "GeoCircle", "geoMidpoint": point, "geoRadius": location.uncertainty}
            else:
                place["geo"] = point
        data["contentLocation"] = place
    if "large" in item.sizes:
        data["width"], data["height"] = item.sizes["large"]
    data["encodingFormat"] = "image/jpeg"
    return data


def _gallery_json_ld(publication: Publication, items: list[ExportItem]) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "ImageGallery",
        "name": publication.title,
        "associatedMedia": [
            {k: v for k, v in image_object(item, _url(item.files["large"])).items() if k != "@context"}
            for item in items
        ],
    }


def _url(path: str) -> str:
    """A relative URL for a file path: every segment percent-encoded (names may be Cyrillic)."""
    return quote(path, safe="/")
