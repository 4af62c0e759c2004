"""Loading the interface's translations (Qt's ``.qm`` files, package data).

Counts go through Qt's plural forms (``self.tr("%n photo(s)", "", n)``): the right form is
chosen by the translation of the language shown. English is the language of the source,
but its plural forms come from a translation too (``photoarchive_en.qm``, as Qt's
documentation advises), so it is always loaded first: "1 photo", "3 photos", never
"1 photos". The translation of the curator's language, when there is one, is loaded over it,
and Qt's own (standard buttons and dialogs).

The language shown is the system's (``QLocale.system()``) unless the curator chose one in
View > Language (``ui/language`` in the settings: ``en``, ``ru``, ``ja``; empty for the
system's); the choice takes effect at the next start, since every widget has its texts from
the moment it was made.

``resources/translations/update_translations.py`` extracts the strings (pyside6-lupdate),
fills in the English plural forms, merges the new strings into the Russian and Japanese
translations and compiles the ``.qm`` files.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

DOMAIN = "photoarchive"
LANGUAGE = "ui/language"  # the settings' key of the language chosen; empty: the system's
# The languages of the interface, each named in its own words (as a curator looks for it).
LANGUAGES = {"en": "English", "ru": "Русский", "ja": "日本語"}


def chosen_language(settings: QSettings) -> str:
    """The language chosen in View > Language (a key of ``LANGUAGES``), or "" for the system's."""
    value = settings.value(LANGUAGE, "")
    return value if isinstance(value, str) and value in LANGUAGES else ""


def interface_locale(settings: QSettings) -> QLocale:
    """The locale of the interface: the one chosen in the settings, else the system's."""
    chosen = chosen_language(settings)
    return QLocale(chosen) if chosen else QLocale.system()


def language_menu(settings: QSettings, status: Callable[[str], None], parent: QWidget | None = None) -> QMenu:
    """View > Language: the system's language or one of ``LANGUAGES``, remembered in the
    settings for the next start (``status`` says so)."""
    menu = QMenu(QCoreApplication.translate("LanguageMenu", "Lan&guage"), parent)
    group = QActionGroup(menu)
    current = chosen_language(settings)
    system = QLocale.system()
    # the "C" locale (no language set) shows the source's English
    native = LANGUAGES["en"] if system.language() == QLocale.Language.C else system.nativeLanguageName()
    choices = [("", QCoreApplication.translate("LanguageMenu", "&System Language ({name})").format(
        name=native or system.name()
    ))]  # fmt: skip
    choices += [(code, f"&{number}  {name}") for number, (code, name) in enumerate(LANGUAGES.items(), 1)]
    for code, text in choices:
        action = menu.addAction(text)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        group.addAction(action)
    menu.addSeparator()
    note = menu.addAction(QCoreApplication.translate("LanguageMenu", "Takes effect at the next start"))
    note.setEnabled(False)

    def choose(action: QAction) -> None:
        settings.setValue(LANGUAGE, action.data())
        status(QCoreApplication.translate("LanguageMenu", "The language changes the next time Photo Archive starts."))

    group.triggered.connect(choose)
    return menu


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
