import pytest

from gui.session import Session
from gui.tasks import TaskRunner


@pytest.fixture(autouse=True)
def synchronous_tasks(monkeypatch):
    monkeypatch.setattr(TaskRunner, "synchronous", True)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):
    """QSettings go to the test's own folder, never the developer's."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )


@pytest.fixture
def window(qtbot, demo_db, demo_today):
    from gui.mainwindow import MainWindow

    window = MainWindow(Session(demo_db, today=demo_today))
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def changes():
    """Every app-wide data change sent during the test, in order."""
    from gui.signals import app_signals

    seen = []
    app_signals().data_changed.connect(seen.append)
    yield seen
    app_signals().data_changed.disconnect(seen.append)
