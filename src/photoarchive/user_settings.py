"""What belongs to the person using Photo Archive on this computer, not to an archive: their name
as a curator, which the edit history records (``who``) and a server shows beside their session.

The archive's own settings (its languages) live in its catalog, shared by every curator; a
curator's name is per person and per machine, as in digiKam or Lightroom, so it lives in a file
of this user's: ``settings.json`` in the user's configuration folder (``~/.config/photoarchive``
on Linux), or the file ``$PHOTOARCHIVE_USER_SETTINGS`` names (a portable install, the tests).
The command line (``photoarchive config curator NAME``) and the window read and write it here,
so both name the same curator.

Who an edit is recorded as (``curator_name``): ``$PHOTOARCHIVE_CURATOR`` first (curators
sharing one login share this file too: the environment is what tells them apart), then the
name set here; ``Catalog.curator`` falls back to the database role or the login name.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from photoarchive.errors import ValidationError
from photoarchive.files import atomic_write

# The file of this user's settings, when not the usual one (see the module's doc).
FILE_VARIABLE = "PHOTOARCHIVE_USER_SETTINGS"
# A curator's name for this process, before the one set for this user (``curator_name``).
CURATOR_VARIABLE = "PHOTOARCHIVE_CURATOR"
CURATOR_KEY = "curator"
# The longest name kept (a history's ``who`` is shown in one line).
MAX_NAME = 200


def settings_file() -> Path:
    """Where this user's settings are kept."""
    given = os.environ.get(FILE_VARIABLE, "").strip()
    if given:
        return Path(given).expanduser()
    import platformdirs  # only when the file is read: the command line's start stays light

    return platformdirs.user_config_path("photoarchive", appauthor=False) / "settings.json"


def _read() -> dict[str, object]:
    file = settings_file()
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise ValidationError(f"{file}: cannot read your settings ({error})") from error
    try:
        settings = json.loads(text) if text.strip() else {}
    except ValueError as error:
        raise ValidationError(f"{file}: your settings are not JSON ({error}); correct or remove the file") from None
    if not isinstance(settings, dict):
        raise ValidationError(f"{file}: your settings are not a JSON object; correct or remove the file")
    return settings


def configured_curator() -> str | None:
    """The curator's name set for this user (``set_curator``); None when none is."""
    name = _read().get(CURATOR_KEY)
    return name.strip() or None if isinstance(name, str) else None


def curator_and_source() -> tuple[str | None, str | None]:
    """The name edits are recorded as, when one is given, and where it comes from:
    ``$PHOTOARCHIVE_CURATOR`` ("environment"), else the name set for this user ("settings");
    (None, None): the caller's own fallback (the database role, the login)."""
    given = os.environ.get(CURATOR_VARIABLE, "").strip()
    if given:
        return given, "environment"
    configured = configured_curator()
    return (configured, "settings") if configured else (None, None)


def curator_name() -> str | None:
    """The name edits are recorded as, when one is given (``curator_and_source``)."""
    return curator_and_source()[0]


def kept_curator(name: str | None) -> str:
    """The name as it is kept: tabs, line breaks and runs of spaces are one space."""
    return " ".join(name.split()) if name is not None else ""


def curator_refusal(kept: str) -> str | None:
    """Why a kept name (``kept_curator``) is refused: "long" (over ``MAX_NAME`` characters),
    "control" (a control character), or None. The window says it in its own language."""
    if len(kept) > MAX_NAME:
        return "long"
    if any(not character.isprintable() for character in kept):
        return "control"
    return None


def set_curator(name: str | None) -> str | None:
    """Set this user's curator name (None or blanks: forget it); returns the name kept."""
    kept = kept_curator(name)
    refusal = curator_refusal(kept)
    if refusal == "long":
        raise ValidationError(f"a curator's name of at most {MAX_NAME} characters, not {len(kept)}", "curator")
    if refusal == "control":
        raise ValidationError("a curator's name without control characters", "curator")
    settings = _read()
    if kept:
        settings[CURATOR_KEY] = kept
    else:
        settings.pop(CURATOR_KEY, None)
    file = settings_file()
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(file, (json.dumps(settings, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    except OSError as error:
        raise ValidationError(f"{file}: cannot write your settings ({error.strerror or error})") from error
    return kept or None


def application_name() -> str:
    """How a server lists this program's sessions (``pg_stat_activity.application_name``):
    ``photoarchive:NAME`` for a named curator, else ``photoarchive`` (the role names them)."""
    name = curator_name()
    return f"photoarchive:{name}" if name else "photoarchive"
