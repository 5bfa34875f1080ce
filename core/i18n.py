"""One translation layer for core and gui: gettext catalogs in resources/locale.

Source strings are English; Indonesian is the default language. Qt's own dialog
strings are handled by a QTranslator in the gui; everything of ours goes through here.
"""

from __future__ import annotations

import gettext

from core.paths import locale_dir

DOMAIN = "linimasa"
LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
DEFAULT_LANGUAGE = "id"

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def set_language(language: str) -> None:
    """Switch every later `_()` call to `language` ("id" or "en")."""
    global _translation, _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    if language == "en":
        _translation = gettext.NullTranslations()
    else:
        _translation = gettext.translation(DOMAIN, locale_dir(), languages=[language])
    _language = language


def current_language() -> str:
    return _language


def babel_locale() -> str:
    """The Babel/CLDR locale that formats numbers and dates for the current language."""
    return {"id": "id_ID", "en": "en_GB"}[_language]


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction; translate it later, where it is shown."""
    return message
