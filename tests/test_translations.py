"""The Indonesian catalog: complete, in step with the source code, and safe to format.

Indonesian is the default language, so an untranslated, stale or broken entry is a
user-visible bug: English text in an Indonesian window, or a crash in `str.format`.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from core import i18n

ROOT = Path(__file__).resolve().parent.parent
PO_FILE = ROOT / "resources" / "locale" / "id" / "LC_MESSAGES" / "linimasa.po"

# Same as packaging/babel.cfg and the `-k` options of the extract command below.
METHOD_MAP = [("core/**.py", "python"), ("gui/**.py", "python"), ("main.py", "python")]
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None, "ngettext": (1, 2)}

UPDATE_COMMANDS = (
    "pybabel extract -F packaging/babel.cfg -k N_ -k ngettext:1,2 --no-wrap "
    "-o resources/locale/linimasa.pot .\n"
    "pybabel update -i resources/locale/linimasa.pot -d resources/locale -D linimasa "
    "--no-wrap --ignore-obsolete"
)

# An accelerator is "&" before a letter or digit; "&&" is a literal ampersand and
# "&amp;" style HTML entities are not accelerators.
ACCELERATOR = re.compile(r"(?<!&)&(?!&)(?![a-zA-Z]+;|#\d+;)(?=\w)")


@pytest.fixture(scope="module")
def catalog():
    with PO_FILE.open("rb") as handle:
        return read_po(handle, locale="id")


def entries(catalog):
    """Every real entry (not the header) as (msgid forms, msgstr forms, message)."""
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        yield tuple(ids), tuple(strings), message


def describe(message) -> str:
    where = ", ".join(f"{file}:{line}" for file, line in message.locations) or "no location"
    return f"  {message.id!r}  ({where})"


def placeholders(text: str) -> set[str] | None:
    """The `{field!conversion:spec}` placeholders of `text`, or None if it is not a format string."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        return None
    found = set()
    for _literal, field, spec, conversion in parsed:
        if field is None:
            continue
        conversion = f"!{conversion}" if conversion else ""
        spec = f":{spec}" if spec else ""
        found.add("{" + field + conversion + spec + "}")
    return found


def test_catalog_is_complete(catalog):
    incomplete = [
        describe(message) + ("  [fuzzy]" if message.fuzzy else "  [empty]")
        for _ids, strings, message in entries(catalog)
        if message.fuzzy or not all(s.strip() for s in strings)
    ]
    assert not incomplete, (
        f"{len(incomplete)} entries of {PO_FILE.relative_to(ROOT)} have no Indonesian "
        "translation yet (empty, or marked fuzzy: check the text and remove the `#, fuzzy` line):\n"
        + "\n".join(incomplete)
    )


def test_translations_keep_placeholders(catalog):
    broken = []
    for ids, strings, message in entries(catalog):
        wanted = [placeholders(text) for text in ids]
        if all(fields is None for fields in wanted):
            continue
        for translation in strings:
            if not translation:
                continue  # reported by test_catalog_is_complete
            got = placeholders(translation)
            if got not in wanted:
                expected = " or ".join(
                    sorted(map(str, (sorted(w) for w in wanted if w is not None)))
                )
                shown = "not a valid format string" if got is None else sorted(got)
                broken.append(
                    f"{describe(message)}\n    expected {expected}, got {shown}: {translation!r}"
                )
    assert not broken, (
        "These translations do not use the same {placeholders} as their English text, so "
        "str.format() would fail or show the wrong value:\n" + "\n".join(broken)
    )


def test_the_catalog_compiles(catalog):
    """`pybabel compile` (the setup command runs it) refuses a catalog where it reads an
    entry as %-formatted ("% change" looks like one) and the translation does not match."""
    problems = [
        f"{describe(message)}: {'; '.join(str(error) for error in errors)}"
        for message, errors in catalog.check()
    ]
    assert not problems, (
        "pybabel compile would fail on these entries (reword the English text so that it "
        "holds no % directive):\n" + "\n".join(problems)
    )


def test_every_source_string_is_in_the_catalog(catalog):
    missing = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
        str(ROOT), METHOD_MAP, keywords=KEYWORDS, comment_tags=(), strip_comment_tags=True
    ):
        ids = message if isinstance(message, (list, tuple)) else (message,)
        if not ids or not ids[0]:
            continue
        if catalog.get(message, context=context) is None:
            missing.setdefault(ids[0], []).append(f"{filename}:{lineno}")
    assert not missing, (
        f"{len(missing)} string(s) marked for translation in the code are missing from "
        f"{PO_FILE.relative_to(ROOT)}:\n"
        + "\n".join(f"  {msgid!r}  ({', '.join(where)})" for msgid, where in missing.items())
        + "\n\nFrom the repository root, run\n"
        + UPDATE_COMMANDS
        + "\nthen translate the new entries in the .po file."
    )


def test_accelerators_match(catalog):
    wrong = []
    for ids, strings, message in entries(catalog):
        expected = len(ACCELERATOR.findall(ids[0]))
        for translation in strings:
            if translation and len(ACCELERATOR.findall(translation)) != expected:
                wrong.append(
                    f"{describe(message)}\n    has {len(ACCELERATOR.findall(translation))} "
                    f"'&' accelerator(s), expected {expected}: {translation!r}"
                )
    assert not wrong, (
        "A translated label must have a keyboard accelerator ('&') exactly when the English "
        "label has one:\n" + "\n".join(wrong)
    )


# Fixed terms that the tests, the manual and the users rely on.
GLOSSARY = {
    "&File": "&Berkas",
    "&Edit": "&Sunting",
    "&View": "&Tampilan",
    "&Help": "Ba&ntuan",  # Alt+B is Berkas
    "Home": "Beranda",
    "Calendar": "Kalender",
    "Accounts": "Akun",
    "Growth": "Pertumbuhan",
    "Guidelines": "Panduan",
    "Reports": "Laporan",
    "Idea": "Ide",
    "Draft": "Draf",
    "In review": "Ditinjau",
    "Approved": "Disetujui",
    "Scheduled": "Terjadwal",
    "Published": "Terbit",
    "Followers": "Pengikut",
    "Work unit": "Unit kerja",
    "Responsible": "Penanggung jawab",
}


def test_fixed_terms(catalog):
    """Every fixed term is in the catalog and translated as agreed; a term the code no
    longer uses is reported too, so the list is corrected instead of silently skipped."""
    wrong = []
    for msgid, expected in GLOSSARY.items():
        message = catalog.get(msgid)
        if message is None:
            wrong.append(f"  {msgid!r} is not in the catalog, expected {expected!r}")
        elif message.string != expected:
            wrong.append(f"  {msgid!r} -> {message.string!r}, expected {expected!r}")
    assert not wrong, (
        "Fixed terms missing or translated differently (GLOSSARY in this file):\n"
        + "\n".join(wrong)
    )


def test_set_language_switches_translations():
    try:
        i18n.set_language("id")
        assert i18n._("Home") == "Beranda"
        i18n.set_language("en")
        assert i18n._("Home") == "Home"
    finally:
        i18n.set_language("id")
    assert i18n._("Home") == "Beranda"
