"""Application start-up pieces: Qt's own strings, the crash dialog, a missing screen."""

import sys

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from gui import app as appmod


def test_qt_standard_buttons_are_indonesian(qapp):
    appmod.install_qt_translator(qapp, "id")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Batal"
    assert QCoreApplication.translate("QLineEdit", "&Copy") == "&Salin"
    appmod.install_qt_translator(qapp, "en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_unexpected_error_shows_log_path(qapp, monkeypatch, tmp_path):
    shown = {}

    def fake_exec(box):
        shown["text"] = box.text()
        shown["detail"] = box.detailedText()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    log_file = tmp_path / "linimasa.log"
    appmod.install_crash_dialog(log_file)
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert str(log_file) in shown["text"]
    assert "RuntimeError: boom" in shown["detail"]


def test_missing_display_is_a_readable_error(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    with pytest.raises(appmod.DisplayMissing, match="DISPLAY"):
        appmod.check_display()


def test_language_setting_is_remembered(qapp, tmp_path):
    from PySide6.QtCore import QSettings

    from core import i18n

    qapp.setOrganizationName("Linimasa")
    qapp.setApplicationName("Linimasa")
    QSettings().setValue("language", "en")
    try:
        appmod.create_application(None)
        assert i18n.current_language() == "en"
    finally:
        QSettings().setValue("language", "id")
        i18n.set_language("id")
    assert isinstance(QApplication.instance(), QApplication)


def test_unexpected_error_without_a_user_exits_with_1(qapp, monkeypatch, capsys, tmp_path):
    exits = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: exits.append(code)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    appmod.install_crash_dialog(tmp_path / "linimasa.log", interactive=False)
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert exits == [1]
    err = capsys.readouterr().err
    assert "RuntimeError: boom" in err and str(tmp_path / "linimasa.log") in err


def test_the_window_has_the_app_s_icon(qapp):
    from gui import app as appmod

    appmod.create_application("id")
    assert not qapp.windowIcon().isNull()
    assert qapp.windowIcon().availableSizes() or qapp.windowIcon().pixmap(32, 32).width() == 32
