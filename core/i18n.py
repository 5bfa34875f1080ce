"""One translation layer for core and gui: gettext catalogs in resources/locale.

Source strings are English; Indonesian is the default language. Qt's own dialog
strings are handled by a QTranslator in the gui; everything of ours goes through here.
"""

from __future__ import annotations

import contextlib
import gettext
import threading
from collections.abc import Iterator

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
    _translation = gettext.NullTranslations() if language == "en" else load_catalog(language)
    _language = language


#: Loaded catalogs by language, with the file times they were read at: the start path
#: sets the language twice (arguments, then the app) and tests switch it often.
_catalogs: dict[str, tuple[tuple[float | None, float | None], gettext.NullTranslations]] = {}


def _mtime(path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


def load_catalog(language: str) -> gettext.NullTranslations:
    """The compiled catalog; from a source checkout, the .po itself when its .mo is missing or
    older. Read once per language (again only when a file changed)."""
    folder = locale_dir() / language / "LC_MESSAGES"
    po, mo = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
    stamp = (_mtime(po), _mtime(mo))
    cached = _catalogs.get(language)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    translation = _read_catalog(language, folder, po, mo, *stamp)
    _catalogs[language] = (stamp, translation)
    return translation


def _read_catalog(language, folder, po, mo, po_time, mo_time) -> gettext.NullTranslations:
    if mo_time is not None and (po_time is None or mo_time >= po_time):
        with mo.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if po_time is None:
        raise FileNotFoundError(f"no translation catalog for {language!r} in {folder}")
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


#: A language set for one piece of work on one thread (`language_context`): a report built
#: in English off the GUI thread must not turn the window's texts English meanwhile.
_local = threading.local()


@contextlib.contextmanager
def language_context(language: str) -> Iterator[None]:
    """Translate and format in `language` ("id" or "en") inside the block, on this thread
    only (the gettext catalog and the Babel locale of `core.fmt`); restored afterwards,
    also when the block fails. Blocks may nest."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    translation = gettext.NullTranslations() if language == "en" else load_catalog(language)
    previous = getattr(_local, "override", None)
    _local.override = (language, translation)
    try:
        yield
    finally:
        _local.override = previous


def _current() -> tuple[str, gettext.NullTranslations]:
    override = getattr(_local, "override", None)
    return override if override is not None else (_language, _translation)


def current_language() -> str:
    return _current()[0]


_babel_locales: dict = {}


def babel_locale():
    """The Babel/CLDR locale (a `babel.Locale`) that formats numbers and dates for the
    current language. Made once per language: Babel would otherwise parse the locale's name
    again in every call that formats a number or a date."""
    language = current_language()
    found = _babel_locales.get(language)
    if found is None:
        from babel import Locale

        found = _babel_locales[language] = Locale.parse({"id": "id_ID", "en": "en_GB"}[language])
    return found


def _(message: str) -> str:
    return _current()[1].gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current()[1].ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction; translate it later, where it is shown."""
    return message
