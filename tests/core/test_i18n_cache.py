"""The translation catalog is read once per language, even from a .po without its .mo."""

import os
import shutil
from pathlib import Path

import babel.messages.pofile as pofile

from core import i18n

SOURCE = Path(__file__).resolve().parents[2] / "resources" / "locale" / "id" / "LC_MESSAGES"


def test_po_without_mo_is_parsed_once_and_again_after_an_edit(tmp_path, monkeypatch):
    folder = tmp_path / "id" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copy(SOURCE / "linimasa.po", folder / "linimasa.po")  # no .mo: a fresh checkout
    monkeypatch.setattr(i18n, "locale_dir", lambda: tmp_path)
    monkeypatch.setattr(i18n, "_catalogs", {})
    parsed = []
    real = pofile.read_po
    monkeypatch.setattr(pofile, "read_po", lambda *a, **k: parsed.append(1) or real(*a, **k))

    i18n.set_language("id")  # main.py, for its argument texts
    i18n.set_language("en")
    i18n.set_language("id")  # gui.app, for the window
    assert len(parsed) == 1
    assert i18n._("Active") == "Aktif"

    po = folder / "linimasa.po"
    po.write_text(po.read_text(encoding="utf-8").replace('"Aktif"', '"Masih aktif"'), "utf-8")
    later = po.stat().st_mtime + 5
    os.utime(po, (later, later))
    i18n.set_language("id")
    assert len(parsed) == 2
    assert i18n._("Active") == "Masih aktif"
