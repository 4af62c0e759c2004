"""The command line starts light: the parser is built from argparse and the option
declarations, and a command imports only what it runs (no Qt, and no Pillow, exiv2 or Jinja2
where the command needs none). Each run is a fresh interpreter, as ``photoarchive`` is."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from photoarchive.cli import main
from tests.conftest import write_photos
from tests.postgres import Backend

# Runs ``photoarchive.__main__.main(argv)`` and prints, after its own output, the top-level
# packages it left imported.
PROBE = textwrap.dedent(
    """
    import json, sys
    from photoarchive.__main__ import main
    try:
        main(sys.argv[1:])
    except SystemExit:
        pass
    print("\\nMODULES " + json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
    """
)

GUI = {"PySide6", "shiboken6"}
HEAVY = {"PIL", "exiv2", "jinja2"}


def imported_by(*argv: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, timeout=60)
    last = done.stdout.strip().splitlines()[-1]
    assert last.startswith("MODULES "), done.stdout + done.stderr
    return set(json.loads(last.removeprefix("MODULES ")))


def test_help_imports_neither_qt_nor_the_heavy_libraries() -> None:
    assert imported_by("--help") & (GUI | HEAVY) == set()
    assert imported_by("edit", "--help") & (GUI | HEAVY) == set()


def test_list_imports_neither_qt_nor_pillow_nor_jinja2(backend: Backend, tmp_path: Path) -> None:
    archive = str(backend.archive(tmp_path / "archive"))
    write_photos(tmp_path / "card", 2)
    assert main(["--archive", archive, "import", str(tmp_path / "card"), "--workers", "1"]) == 0
    modules = imported_by("--archive", archive, "list")
    assert modules & (GUI | {"PIL", "jinja2"}) == set()
    assert ("psycopg" in modules) == (backend.name == "postgresql")  # the driver only for a server


def test_main_module_imports_nothing_of_the_application() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import json, sys, photoarchive.__main__; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    modules = set(json.loads(done.stdout))
    assert {m for m in modules if m.startswith("photoarchive")} == {"photoarchive", "photoarchive.__main__"}
    assert modules & (GUI | HEAVY) == set()
