"""Fixtures for the metadata tests: sample files, small JPEGs, and ExifTool as the reference reader."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from photoarchive.metadata import GpsPoint
from photoarchive.model import CuratedFields
from tests.conftest import SAMPLES

# Cyrillic, Japanese and Latin with <, & and quotes, each short enough for its IIM dataset.
MIXED = CuratedFields(
    title="Шумшу, 1945 — 占守島",
    headline='Tank "Type 97" <near> Hill 171 & the shore',
    caption='Подбитый японский танк «Тип 97» у высоты 171.\n占守島の戦い, 1945年8月. Found by the <Shumshu-2015> team & "friends".',
    alt_text="A rusted tank turret in tall grass",
    caption_writer="А. Иванова",
    creator="Иван Петров; 山田 太郎",
    creator_job_title="Фотограф",
    credit="Шумшу-2015 & <占守>",
    source="Archive 'RGVA' & co",
    copyright="© 2015 Иван Петров & 山田",
    usage_terms="Только некоммерческое использование.\nNon-commercial use only.",
    web_statement="https://example.org/rights?a=1&b=2",
    instructions="Не обрезать <crop> & keep",
    keywords=["танк", "Тип 97", "戦車", "WWII & <Kurils>"],
    hierarchical_keywords=["Equipment|Tanks|Type 97", "Places|Kuril Islands|Shumshu"],
    date_created="2015-08-18T10:31:05+11:00",
    event="Бой за Шумшу — 占守島の戦い",
    event_date="1945-08-18/1945-08-23",
    sublocation="Высота 171",
    city="Северо-Курильск",
    state="Сахалинская обл.",
    country="Россия",
    country_code="RUS",
    job_id="SHU-2015/07",
)
GPS = GpsPoint(50.7533, 156.2101, 171.5)


@pytest.fixture(scope="session")
def metadata_samples() -> Path:
    folder = SAMPLES / "metadata"
    if not folder.is_dir():
        pytest.fail(f"sample files not found at {folder} (they are part of the repository: is the checkout complete?)")
    return folder


@pytest.fixture(scope="session")
def malformed_samples() -> Path:
    return SAMPLES / "malformed"


@pytest.fixture
def sample_copy(tmp_path: Path, metadata_samples: Path) -> Callable[[str], Path]:
    """Copy a sample into a folder of its own (so no other sample passes for its sidecar)."""

    def copy(name: str) -> Path:
        folder = tmp_path / name.replace(".", "_")
        folder.mkdir()
        return Path(shutil.copy2(metadata_samples / name, folder / name))

    return copy


@pytest.fixture
def small_jpeg(tmp_path: Path) -> Callable[..., Path]:
    """A small JPEG made by Pillow, without any metadata unless ``exif`` is given."""
    from PIL import Image

    def make(name: str = "photo.jpg", *, exif: bytes | None = None, size: tuple[int, int] = (48, 32)) -> Path:
        path = tmp_path / name
        image = Image.new("RGB", size, (90, 140, 30))
        image.paste((200, 30, 30), (0, 0, size[0] // 2, size[1] // 2))
        image.save(path, "JPEG", quality=85, **({"exif": exif} if exif else {}))
        return path

    return make


def exiftool(*args: str | Path) -> subprocess.CompletedProcess[str]:
    if not shutil.which("exiftool"):
        pytest.fail("exiftool is required by the metadata tests (installed by .ci/run)")
    return subprocess.run(["exiftool", *map(str, args)], capture_output=True, text=True, timeout=60)


def exiftool_json(path: Path, *args: str) -> dict:
    """ExifTool's reading of ``path`` (``-j``, UTF-8, lists as lists)."""
    return json.loads(exiftool("-j", "-charset", "utf8", *args, path).stdout)[0]
