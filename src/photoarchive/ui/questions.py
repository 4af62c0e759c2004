"""Questions the window asks the curator, and the one hook that answers them.

A ``Question`` is plain data: what is asked, the action and the alternative, in words. The
window gets an ``Ask`` through its constructor (``ask_in_message_box`` by default), so a test
answers the question itself instead of a modal box (beets: the session declares the
questions; the terminal and the tests each answer them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


@dataclass(frozen=True)
class Question:
    """``action`` goes ahead ("Cancel the Import and Quit"); ``alternative`` ("Keep
    Importing") is the default and what Escape answers, so nothing is lost by a stray key."""

    title: str
    text: str
    detail: str
    action: str
    alternative: str


# Returns True when the curator chose the question's action.
Ask = Callable[[QWidget | None, Question], bool]


def question_box(parent: QWidget | None, question: Question) -> tuple[QMessageBox, QAbstractButton]:
    """The message box of a question (not shown yet) and its action button."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(question.title)
    box.setText(question.text)
    box.setInformativeText(question.detail)
    action = box.addButton(question.action, QMessageBox.ButtonRole.DestructiveRole)
    alternative = box.addButton(question.alternative, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(alternative)
    box.setEscapeButton(alternative)
    return box, action


def ask_in_message_box(parent: QWidget | None, question: Question) -> bool:
    box, action = question_box(parent, question)
    box.exec()
    return box.clickedButton() is action
