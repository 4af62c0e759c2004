"""Loading the interface's translations (Qt's ``.qm`` files, package data).

Counts go through Qt's plural forms (``self.tr("%n photo(s)", "", n)``): the right form is
chosen by the translation of the language shown. English is the language of the source,
but its plural forms come from a translation too (``photoarchive_en.qm``, as Qt's
documentation advises), so it is always loaded first: "1 photo", "3 photos", never
"1 photos". The translation of the curator's language, when there is one, is loaded over it,
and Qt's own (standard buttons and dialogs).

``resources/translations/update_translations.py`` extracts the strings (pyside6-lupdate),
fills in the English plural forms and compiles the ``.qm`` files.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

DOMAIN = "photoarchive"


def install_translations(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Install the English plural forms, then the locale's translations if present; returns
    the translators installed (each a child of ``app``, so it lives as long as the app)."""
    locale = locale or QLocale()
    installed: list[QTranslator] = []
    folder = resources.files("photoarchive") / "resources" / "translations"
    with resources.as_file(folder) as path:
        candidates = [(f"{DOMAIN}_en", str(path))]
        if locale.language() != QLocale.Language.English:
            candidates.append((f"{DOMAIN}_{locale.name()}", str(path)))
            candidates.append((f"qtbase_{locale.name()}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
        for name, directory in candidates:
            translator = QTranslator(app)
            # load() tries name_xx_YY, then name_xx, then name: the language alone is enough.
            if translator.load(name, directory):
                app.installTranslator(translator)
                installed.append(translator)
            else:
                translator.deleteLater()
    return installed
