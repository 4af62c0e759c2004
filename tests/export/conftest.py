"""A 15-photo collection about Shumshu with captions in English, Russian and Japanese.

Photos are small generated JPEGs recorded straight into the catalog (no import run, to keep
the tests quick); one is turned on its side (EXIF orientation 6), one carries a camera serial
number and owner name, and all have GPS near Shumshu with many decimals.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw

from photoarchive.catalog import Catalog
from photoarchive.collections import add_photos, create_collection
from photoarchive.edits import apply_edit
from tests.postgres import Backend, new_database

EXIFTOOL = shutil.which("exiftool")
needs_exiftool = pytest.mark.skipif(EXIFTOOL is None, reason="exiftool is not installed (.ci/run installs it)")


def exiftool(folder: Path, *options: str) -> dict[str, dict[str, Any]]:
    """Every tag of every JPEG under ``folder``, in one ExifTool run, by file name."""
    assert EXIFTOOL
    done = subprocess.run(
        [EXIFTOOL, "-j", "-a", "-G1", "-charset", "iptc=UTF8", *options, "-r", "-ext", "jpg", str(folder)],
        capture_output=True,
        check=True,
        timeout=120,
    )
    return {Path(entry["SourceFile"]).name: entry for entry in json.loads(done.stdout)}


def place_photo(catalog: Catalog, photo_id: int) -> None:
    """Put a photo at Height 171, on Shumshu, with names in three scripts and identifiers."""
    from photoarchive.model import Place, PlaceName
    from photoarchive.places import add_place, assign_place

    russia = add_place(catalog, Place("Russia", kind="country", alt_names=[PlaceName("Россия", "ru")]))
    island = add_place(
        catalog,
        Place(
            "Shumshu",
            kind="island",
            parent_id=russia.id,
            latitude=50.7686,
            longitude=156.3,
            alt_names=[PlaceName("Шумшу", "ru"), PlaceName("占守島", "ja")],
            geonames_id="2121215",
            wikidata_id="Q1049609",
        ),
    )
    assign_place(catalog, [photo_id], island)


INJECTION = "Tank <script>alert('x')</script> & crew"
CAPTIONS = [
    "Wreck of a Japanese light tank below Height 171",
    "Обломки японского танка Тип 97 у высоты 171",
    "占守島、四嶺山の麓に残る九七式軽戦車の残骸",
    INJECTION,
    "Soviet landing beach at Cape Kokutan, August 1945",
    "Десантники 1945 года: место высадки у мыса Кокутан",
    "竹田浜の上陸地点",
    "Search team at work, 2015",
    "Поисковый отряд за работой",
    "捜索隊の作業",
    "A helmet found in a trench",
    "Каска, найденная в окопе",
    "塹壕で見つかった鉄帽",
    "Memorial near Baikovo",
    "Памятник у Байково",
]
LATITUDE, LONGITUDE = 50.7512345, 156.3212345
SERIAL, OWNER = "SERIAL-0042", "Ivan Owner"
INTRODUCTION = (
    "On **18 August 1945** Soviet troops landed on Shumshu.\n\n"
    "В 2015 году поисковая экспедиция вернулась на остров.\n\n"
    "<script>alert('intro')</script> ![remote](http://example.com/x.png)"
)


def make_photo(path: Path, index: int, *, orientation: int = 1, serial: bool = False) -> Path:
    """A small JPEG: a gradient and a light and a dark block, so crops and credits show."""
    image = Image.linear_gradient("L").resize((480, 320)).convert("RGB")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 160, 320), fill=((index * 47) % 256, (index * 91) % 256, (index * 13) % 256))
    draw.rectangle((400, 240, 480, 320), fill=(250, 250, 250))
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0112] = "Canon", "Canon EOS 5D Mark III", orientation
    exif.get_ifd(0x8769)[0x9003] = f"2015:08:{10 + index // 5:02d} 09:{index:02d}:00"
    if serial:
        exif.get_ifd(0x8769)[0xA431] = SERIAL
        exif.get_ifd(0x8769)[0xA430] = OWNER
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=85, exif=exif)
    return path


def add_to_catalog(catalog: Catalog, source: Path, *, orientation: int = 1, captured_at: str | None = None) -> int:
    data = source.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    relative = f"2015/2015-08-10/{source.name}"
    target = catalog.paths.original(relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    width, height = (320, 480) if orientation in (5, 6, 7, 8) else (480, 320)
    return catalog.add_photo(
        {
            "sha256": sha,
            "original_path": relative,
            "original_name": source.name,
            "source_path": str(source),
            "size": len(data),
            "format": "JPEG",
            "width": width,
            "height": height,
            "orientation": orientation,
            "captured_at": captured_at,
            "camera_make": "Canon",
            "camera_model": "Canon EOS 5D Mark III",
            "latitude": LATITUDE,
            "longitude": LONGITUDE,
            "imported_at": "2015-08-20T00:00:00+00:00",
        }
    )


def build_archive(root: Path, count: int = 15) -> list[int]:
    """An archive at ``root`` with a collection 'shumshu' of ``count`` photos; returns their ids."""
    with Catalog(root / "archive") as catalog:
        ids = []
        for index in range(count):
            orientation = 6 if index == 1 else 1
            source = make_photo(
                root / "card" / f"IMG_{index:04d}.JPG", index, orientation=orientation, serial=index == 0
            )
            captured = f"2015-08-{10 + index // 5:02d}T09:{index:02d}:00"
            ids.append(add_to_catalog(catalog, source, orientation=orientation, captured_at=captured))
        for index, photo_id in enumerate(ids):
            caption = CAPTIONS[index % len(CAPTIONS)]
            apply_edit(
                catalog,
                [photo_id],
                {
                    "caption": caption,
                    "title": f"Shumshu {index + 1}" if index % 3 == 0 else "",
                    "creator": "Sample Expedition",
                    "credit": "Shumshu-2015 search expedition",
                    "source": "Архив экспедиции «Шумшу-2015»",
                    "copyright": "© 2015 Sample Expedition",
                    "usage_terms": "Editorial use with credit",
                    "sublocation": "Height 171 north slope" if index % 2 == 0 else "Cape Kokutan shore",
                    "city": "Shumshu",
                    "state": "Sakhalin Oblast",
                    "country": "Russia",
                    "country_code": "RUS",
                    "keywords": ["Shumshu", "1945"],
                },
            )
        # Stored in an order that differs from the import order, as a curator would.
        order = ids[5:] + ids[:5]
        create_collection(
            catalog,
            "shumshu",
            title="Shumshu, August 1945 — Шумшу — 占守島",
            introduction=INTRODUCTION,
            source="Search expedition «Шумшу-2015» & friends",
            categories=[("Timeline", "August 1945"), ("Nations", "USSR, Japan")],
            caption_template="{caption} [Credit photo: {creator} - {source}]",
        )
        add_photos(catalog, "shumshu", order)
    return order


class SharedArchives:
    """Archives built once a session on each backend, for the tests that only read them (copy one
    with ``copy_archive`` to change it). On PostgreSQL each has a database of its own on the test
    server (the ``backend`` fixture's database is emptied before every test), dropped at the end."""

    def __init__(self, factory: pytest.TempPathFactory, databases: ExitStack) -> None:
        self.factory, self.databases = factory, databases
        self.built: dict[tuple[str, str], tuple[Path, list[int]]] = {}

    def get(
        self, backend: Backend, name: str, build: Callable[[Path], tuple[Path, list[int]]]
    ) -> tuple[Path, list[int]]:
        """(archive folder, photo ids) of ``build(root)`` run once for ``name`` on ``backend``."""
        key = (backend.name, name)
        if key not in self.built:
            root = self.factory.mktemp(f"{name}-{backend.name}")
            if backend.url is not None:
                url = self.databases.enter_context(new_database(backend.url, f"photoarchive_export_{name}"))
                Backend(backend.name, url).archive(root / "archive")
            self.built[key] = build(root)
        return self.built[key]


@pytest.fixture(scope="session")
def shared_archives(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SharedArchives]:
    with ExitStack() as databases:
        yield SharedArchives(tmp_path_factory, databases)


def build_shumshu(root: Path) -> tuple[Path, list[int]]:
    return root / "archive", build_archive(root)


@pytest.fixture
def shumshu_archive(backend: Backend, shared_archives: SharedArchives) -> tuple[Path, list[int]]:
    """(archive folder, photo ids in collection order) on each backend; read-only: copy it to change it."""
    return shared_archives.get(backend, "shumshu", build_shumshu)


@pytest.fixture
def shumshu(shumshu_archive: tuple[Path, list[int]]) -> Iterator[Catalog]:
    with Catalog(shumshu_archive[0]) as catalog:
        yield catalog


@pytest.fixture
def small_archive(backend: Backend, tmp_path: Path) -> Iterator[tuple[Catalog, list[int]]]:
    """A private 3-photo archive on each backend that a test may change (delete an original, ...)."""
    backend.archive(tmp_path / "archive")
    order = build_archive(tmp_path, count=3)
    with Catalog(tmp_path / "archive") as catalog:
        yield catalog, order


@pytest.fixture
def catalog(backend_catalog: Catalog) -> Catalog:
    """A new catalog on each backend (tests/conftest.py's ``catalog`` is SQLite's alone)."""
    return backend_catalog


def copy_archive(source: Path, target: Path, backend: Backend) -> Path:
    """``target``, a copy of the archive at ``source`` (a shared one) that a test may change, on
    ``backend``: its files, and its catalog (PostgreSQL: moved into the test's database by
    ``catalog.transfer``, as ``catalog migrate-to`` does)."""
    from photoarchive.catalog.location import URL_FILE
    from photoarchive.catalog.transfer import transfer

    if backend.url is None:
        shutil.copytree(source, target)
        return target
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(URL_FILE))
    with Catalog(source) as original, Catalog(backend.archive(target)) as copy:
        transfer(original.conn, copy.conn)
    return target


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def export(catalog: Catalog, fmt: str, target: Path, collection: str = "shumshu", **options: object):
    """Run an export in this process (workers=0 unless given) and return its summary."""
    from photoarchive.export import ExportJob, ExportOptions

    options.setdefault("workers", 0)
    job = ExportJob(catalog, collection, ExportOptions(format=fmt, target=target, **options))  # type: ignore[arg-type]
    list(job.run())
    assert job.summary is not None
    return job.summary


RU_ONE, RU_TWO, JA_ONE = "Русская подпись один", "Русская подпись два", "日本語のキャプション"
RU_ALT = "Описание для незрячих"


@pytest.fixture
def languages_archive(backend: Backend, shared_archives: SharedArchives) -> tuple[Path, list[int]]:
    """``build_languages_archive`` once a session on each backend. Read-only: copy it
    (``copy_archive``) to change it."""
    return shared_archives.get(backend, "languages", build_languages_archive)


def build_languages_archive(root: Path) -> tuple[Path, list[int]]:
    """Four photos in 'shumshu' (en default, ru, ja): the first has a Russian caption and title and
    a Japanese caption and title and a gazetteer place; the second a Russian caption and alt
    text; the last two nothing but English (the fourth a title alone). Returns the archive's
    folder and the photos in the collection's order."""
    from photoarchive.cli import main

    order = build_archive(root, count=4)
    archive = ["--archive", str(root / "archive")]
    assert main([*archive, "config", "languages", "en,ru,ja"]) == 0
    with Catalog(root / "archive") as catalog:
        place_photo(catalog, order[0])
    first, second = str(order[0]), str(order[1])
    assert main([*archive, "edit", first, "--lang", "ru", "--caption", RU_ONE, "--title", "Заголовок"]) == 0
    assert main([*archive, "edit", second, "--lang", "ru", "--caption", RU_TWO, "--alt-text", RU_ALT]) == 0
    assert main([*archive, "edit", first, "--lang", "ja", "--caption", JA_ONE, "--title", "表題"]) == 0
    # The fourth photo: a title and nothing else, to see that its alt text never is the title.
    assert main([*archive, "edit", str(order[3]), "--caption", "", "--title", "Only a title"]) == 0
    assert main([*archive, "collection", "edit", "shumshu", "--lang", "ru", "--title", "Шумшу, август 1945",
                 "--intro", "Введение **по-русски**"]) == 0  # fmt: skip
    return root / "archive", order


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """The command line run in this process: (exit code, stdout, stderr)."""
    from photoarchive.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err
