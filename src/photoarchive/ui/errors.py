"""Telling the curator that something went wrong, in words, never with a traceback.

``show_error`` is for errors the code expects (a ``PhotoArchiveError`` says what and where).
``install_excepthook`` catches anything unexpected that reaches the event loop: the details
go to a log file in the archive's cache, and the curator gets a short message and the log's
path to send to whoever supports them.

The core's messages are written for both the command line and the window; a few name a
command-line option as the remedy ("use --force"). ``in_window_words`` rewrites those into
what the curator does in the window, so no window message tells them to type an option.
"""

from __future__ import annotations

import re
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from photoarchive.errors import PhotoArchiveError, first_line

translate = QCoreApplication.translate  # with the context named, so lupdate files each string under it
T = TypeVar("T")

# A problem said in a dialog's own label, under what it is about (a refused name, address, tag).
ERROR_STYLE = "color: #b00020;"


def show_error(parent: QWidget | None, what: str, error: BaseException | str) -> None:
    """``what`` failed: the error's message below it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(what)
    box.setText(what)
    box.setInformativeText(sentence(in_window_words(str(error))))
    box.exec()


def _window_words() -> list[tuple[re.Pattern[str], str]]:
    """The core's remedies that name a command-line option (``grep "use --\\|--force" src``),
    each with what the curator does in the window instead."""
    replace = translate("Errors", "tick “Replace an earlier export in that folder”")
    return [
        (re.compile(r"use --force to replace it"), replace + translate("Errors", " to replace it")),
        (re.compile(r"so --force will not replace it"), translate("Errors", "so it is never replaced")),
        (re.compile(r"\(--force replaces them\)"), "(" + replace + translate("Errors", " to replace them") + ")"),
        (re.compile(r"^--[a-z-]+: "), ""),  # the option a value came from ("--place: no place ...")
    ]


def in_window_words(message: str) -> str:
    """A core message with its command-line remedies said as the window's (see the module doc)."""
    for pattern, words in _window_words():
        message = pattern.sub(words, message)
    return message


def sentence(message: str) -> str:
    """The core's messages are clauses ("a collection named 'X' already exists"): shown on
    their own, they read as a sentence."""
    message = message.strip()
    if not message:
        return message
    if "://" not in message.split(maxsplit=1)[0]:  # an address (postgresql://...) keeps its case
        message = message[0].upper() + message[1:]
    return message if message.endswith((".", "!", "?", "…")) else message + "."


def opening_error(error: BaseException) -> str | None:
    """What went wrong opening a catalog, in words: a ``PhotoArchiveError``'s message, or the
    first line of what a catalog's server answered (psycopg's errors, after the catalog opened
    its connection: a permission, the server gone); None for anything else (a bug: a traceback
    in the log, through the excepthook)."""
    if isinstance(error, PhotoArchiveError):
        return str(error)
    if type(error).__module__.startswith("psycopg"):
        return translate("Errors", "the catalog's server: {error}").format(error=first_line(error))
    return None


def opened_or_said(parent: QWidget | None, what: str, open_catalog: Callable[[], T]) -> T | None:
    """``open_catalog()``'s catalog; None when it could not be opened, the curator told why in
    words (``opening_error``) under ``what``. Anything else (a bug) is raised."""
    try:
        return open_catalog()
    except Exception as error:
        words = opening_error(error)
        if words is None:
            raise
        show_error(parent, what, words)
        return None


def install_excepthook(log_folder: Callable[[], Path], parent: Callable[[], QWidget | None]) -> None:
    """Unexpected exceptions: log them and show a short message (the app keeps running)."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        log = log_folder() / "errors.log"
        try:
            log.parent.mkdir(parents=True, exist_ok=True)
            with log.open("a", encoding="utf-8") as handle:
                handle.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
                handle.write("".join(traceback.format_exception(kind, value, tb)))
        except OSError:
            log = Path("(the log could not be written)")
        QMessageBox.warning(
            parent(),
            translate("Errors", "Something went wrong"),
            translate(
                "Errors",
                "Photo Archive ran into a problem it did not expect ({what}). Your work so far is saved in "
                "the catalog. The details are in {log}.",
            ).format(what=str(value) or kind.__name__, log=log),
        )

    sys.excepthook = hook
