"""The Export dialog's Language choice (issue 14): the languages in use, the choice remembered,
and the summary saying how many photos fell back to the default language."""

from __future__ import annotations

from pathlib import Path

from photoarchive.catalog import Catalog
from photoarchive.ui.dialogs.export_dialog import ExportDialog
from tests.export.conftest import build_languages_archive


def test_the_language_choice_exports_and_is_remembered(qtbot, tmp_path: Path) -> None:
    folder, _ = build_languages_archive(tmp_path / "a")
    with Catalog(folder) as catalog:
        dialog = ExportDialog(catalog, "shumshu", workers=0)
        qtbot.addWidget(dialog)
        choices = [dialog.language.itemData(i) for i in range(dialog.language.count())]
        assert choices == ["", "ru", "ja", "en,ru,ja"]
        assert "(ru)" in dialog.language.itemText(1)
        assert dialog.options().languages == ()
        dialog.language.setCurrentIndex(1)
        dialog.target.setText(str(tmp_path / "out"))
        with qtbot.waitSignal(dialog.export_finished, timeout=60_000) as finished:
            dialog.export_button.click()
        summary = finished.args[0]
        assert summary.ok and summary.fallbacks == {"ru": 2}
        assert '<html lang="ru">' in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
        assert "(ru): 2 photos with no text in this language" in dialog.details.toPlainText()
        again = ExportDialog(catalog, "shumshu", workers=0)
        qtbot.addWidget(again)
        assert again.language.currentData() == "ru" and again.options().languages == ("ru",)
