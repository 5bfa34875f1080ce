"""Every message of the command line is in the user's language: no English from the OS,
SQLite or argparse slips through (their own words go to the log)."""

from __future__ import annotations

import json
import re
import sqlite3

import pytest

#: Words that only English text has (none is Indonesian, a command name or an option).
ENGLISH = {
    "the", "is", "not", "no", "such", "exists", "already", "directory", "database", "disk",
    "image", "malformed", "file", "permission", "denied", "error", "usage", "show",
    "program's", "version", "number", "and", "exit", "this", "help", "message", "invalid",
    "choice", "choose", "from", "required", "arguments", "argument", "unrecognized", "expected",
    "one", "unknown", "open", "by", "on", "computer", "since", "only", "can", "change", "time",
    "rows", "written", "to", "a", "an", "of", "or", "in", "it", "be", "cannot",
    "must", "name", "date", "dates", "outside", "works", "with", "write", "options",
    "positional", "command", "kind", "copy", "replace", "add", "force",
}  # fmt: skip


def english_words(text: str, *paths) -> set[str]:
    for path in sorted((str(p) for p in paths), key=len, reverse=True):
        text = text.replace(path, " ")
    text = re.sub(r"(?<![\w-])/[^\s:]+", " ", text)  # any other path, e.g. a file to be made
    text = re.sub(r"--[\w-]+", " ", text)  # option names are the same in every language
    words = re.findall(r"[A-Za-z][A-Za-z']*", text)
    # ALL-CAPS words are placeholders (FILE, YYYY-MM-DD); lowercase English words are leftovers
    return {w for w in words if not w.isupper() and w.lower() in ENGLISH}


@pytest.fixture
def files(tmp_path, demo_db):
    demo_db.close()
    damaged = tmp_path / "rusak.sqlite"
    data = bytearray(demo_db.path.read_bytes())
    data[4096 * 3 : 4096 * 6] = b"\xff" * (4096 * 3)  # pages overwritten: a damaged file
    damaged.write_bytes(bytes(data))
    text = tmp_path / "catatan.sqlite"
    text.write_text("bukan basis data")
    foreign = tmp_path / "lain.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    locked = tmp_path / "dikunci.sqlite"
    locked.write_bytes(demo_db.path.read_bytes())
    (tmp_path / "dikunci.sqlite.lock").write_text(json.dumps({"rusak": True}))
    (tmp_path / "folder.csv").mkdir()
    return {
        "demo": demo_db.path,
        "damaged": damaged,
        "text": text,
        "foreign": foreign,
        "locked": locked,
        "tmp": tmp_path,
    }


CASES = {
    "missing file": ("check", "--db", "{tmp}/tidak-ada.sqlite"),
    "missing folder": ("demo", "--db", "{tmp}/tidak-ada/baru.sqlite"),
    "a folder": ("check", "--db", "{tmp}"),
    "not sqlite": ("check", "--db", "{text}"),
    "damaged": ("check", "--db", "{damaged}"),
    "foreign sqlite": ("check", "--db", "{foreign}"),
    "backup onto itself": ("backup", "--db", "{demo}", "--out", "{demo}"),
    "backup into a folder": ("backup", "--db", "{demo}", "--out", "{tmp}"),
    "backup over a file": ("backup", "--db", "{demo}", "--out", "{text}"),
    "backup, missing folder": ("backup", "--db", "{demo}", "--out", "{tmp}/x/y.sqlite"),
    "demo on a file in use": ("demo", "--db", "{locked}"),
    "demo, bad day": ("demo", "--db", "{tmp}/baru.sqlite", "--today", "9999-12-31"),
    "demo, not a day": ("demo", "--db", "{tmp}/baru.sqlite", "--today", "kemarin"),
    "demo on a full file": ("demo", "--db", "{demo}"),
    "export, bad extension": ("export", "accounts", "--db", "{demo}", "--out", "{tmp}/a.txt"),
    "export into a folder": ("export", "accounts", "--db", "{demo}", "--out", "{tmp}/folder.csv"),
    "export, missing folder": ("export", "metrics", "--db", "{demo}", "--out", "{tmp}/x/a.csv"),
    "export, bad period": (
        "export", "metrics", "--db", "{demo}", "--out", "{tmp}/a.csv", "--from", "2026-13-01",
    ),
    "missing --db": ("check",),
    "unknown command": ("periksa",),
    "unknown kind": ("export", "semua", "--db", "{demo}", "--out", "{tmp}/a.csv"),
    "unknown option": ("check", "--db", "{demo}", "--cepat"),
    "help": ("--help",),
    "command help": ("backup", "--help"),
    "export help": ("export", "--help"),
    "kind help": ("export", "metrics", "--help"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(CASES))
def test_messages_are_wholly_indonesian(case, files, run_main):
    argv = [arg.format(**files) for arg in CASES[case]]
    code, output = run_main(*argv)
    assert output.strip(), "every outcome says something"
    if "help" not in case:
        assert code in (1, 2), output
    leftovers = english_words(output, *files.values())
    assert not leftovers, f"English in {case!r}: {sorted(leftovers)}\n{output}"


def test_the_check_itself_catches_english(files):
    assert english_words("linimasa: error: No such file or directory") == {
        "error", "No", "such", "file", "or", "directory",
    }  # fmt: skip
