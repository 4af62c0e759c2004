"""A collection's title, introduction and caption template per language (issue 14), through
``collection edit --lang`` and ``collection show``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.collections import edit_collection, get_collection
from photoarchive.errors import ValidationError
from tests.export.conftest import run_cli as run
from tests.postgres import Backend


def test_collection_texts_per_language_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: Backend
) -> None:
    archive = ["--archive", str(backend.archive(tmp_path / "archive"))]
    assert run(capsys, *archive, "config", "languages", "en,ru,ja")[0] == 0
    run(capsys, *archive, "collection", "create", "c", "--title", "Shumshu", "--intro", "In **August 1945**")
    code, _, err = run(
        capsys, *archive, "collection", "edit", "c", "--lang", "RU", "--title", "Шумшу", "--intro", "В августе 1945",
        "--caption-template", "{caption} [Фото: {creator}]",
    )  # fmt: skip
    assert code == 0, err
    run(capsys, *archive, "collection", "edit", "c", "--lang", "ja", "--title", "占守島")
    code, out, _ = run(capsys, *archive, "collection", "show", "c", "--json")
    shown = json.loads(out)
    assert shown["title"] == "Shumshu" and shown["introduction"] == "In **August 1945**"
    assert shown["translations"] == {
        "ja": {"title": "占守島"},
        "ru": {"title": "Шумшу", "introduction": "В августе 1945", "caption_template": "{caption} [Фото: {creator}]"},
    }
    code, out, _ = run(capsys, *archive, "collection", "show", "c")
    assert re.search(r"^title\[ru\] +Шумшу$", out, re.M) and "introduction[ru]:\nВ августе 1945" in out
    # The default language's texts are the columns, with or without --lang.
    run(capsys, *archive, "collection", "edit", "c", "--lang", "en", "--title", "Shumshu 1945")
    # An empty text removes the language's value; source is one for every language.
    run(capsys, *archive, "collection", "edit", "c", "--lang", "ja", "--title", "")
    code, _, err = run(capsys, *archive, "collection", "edit", "c", "--lang", "ru", "--source", "x")
    assert code == 2 and "same in every language" in err and "Traceback" not in err
    code, _, err = run(capsys, *archive, "collection", "edit", "c", "--lang", "xx-yy-zz", "--title", "x")
    assert code == 2 and "language" in err
    code, out, _ = run(capsys, *archive, "collection", "show", "c", "--json")
    shown = json.loads(out)
    assert shown["title"] == "Shumshu 1945" and set(shown["translations"]) == {"ru"}


def test_in_language_falls_back_to_the_default_texts(tmp_path: Path, backend: Backend) -> None:
    with Catalog(backend.archive(tmp_path / "archive")) as catalog:
        from photoarchive.collections import create_collection

        create_collection(catalog, "c", title="Shumshu", introduction="Intro", caption_template="{caption}")
        edit_collection(catalog, "c", language="ru", title="Шумшу")
        with pytest.raises(ValidationError):
            edit_collection(catalog, "c", language="ru", caption_template="{nonsense}")
        collection = get_collection(catalog, "c")
        russian, fallbacks = collection.in_language("ru")
        assert russian.title == "Шумшу" and russian.introduction == "Intro"
        assert fallbacks == ("introduction", "caption_template")
        japanese, fallbacks = collection.in_language("ja")
        assert japanese.title == "Shumshu" and fallbacks == ("title", "introduction", "caption_template")
        assert collection.in_language(None) == (collection, ())
