"""The rules of direction in STYLE.md, checked by import-linter's contracts in pyproject.toml."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def test_import_contracts_hold() -> None:
    beside = Path(sys.executable).parent / "lint-imports"  # the test environment's own
    command = str(beside) if beside.exists() else shutil.which("lint-imports")
    assert command, "import-linter is a test dependency"
    done = subprocess.run([command], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
