"""Home's cards: last month's engagement rate against the platform's benchmark (and target)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from core import accounts, figures, metrics
from gui.session import Session
from gui.tabs.home import HomeTab, last_full_month

#: "Engagement 1,50% · benchmark 2,00%" in whichever language the catalog gives.
BENCHMARK = r"(acuan|benchmark) {}"


@pytest.fixture
def home(qtbot):
    made = []

    def build(db, today):
        tab = HomeTab(Session(db, today=today))
        qtbot.addWidget(tab)
        made.append(tab)
        return tab

    yield build
    # Gone before the test's file closes: a later test's change must not reach this tab.
    import shiboken6

    for tab in made:
        if shiboken6.isValid(tab):
            shiboken6.delete(tab)


def card_of(tab, handle: str):
    return next(card for card in tab.cards if handle in card.caption.toolTip() + card._caption)


def add_account(db, platform: str, handle: str) -> int:
    return accounts.create(db, platform=platform, handle=handle, display_name=handle).id


def test_last_full_month():
    assert last_full_month(dt.date(2026, 11, 25)) == (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert last_full_month(dt.date(2026, 1, 3)) == (dt.date(2025, 12, 1), dt.date(2025, 12, 31))


def test_demo_cards_show_the_rate_the_benchmark_and_the_target(home, demo_db, demo_today):
    tab = home(demo_db, demo_today)
    lines = [card.engagement for card in tab.cards]
    shown = [line for line in lines if not line.isHidden()]
    assert shown, "the demo has engagement figures"
    for line in shown:
        assert line.objectName() == "cardEngagement"
        assert re.search(BENCHMARK.format("2,15%"), line.text())
        assert line.property("level") in {"above", "below", "far_below"}
    x = next(c for c in tab.cards if c._caption.startswith("X ·"))
    # The demo's X account sits far below the 2,15% benchmark; its target is 0,50%.
    assert x.engagement.property("level") == "far_below"
    assert "target 0,50%" in x.engagement.text()


def test_below_and_above_the_benchmark(home, db):
    low = add_account(db, "instagram", "rendah")
    high = add_account(db, "facebook", "tinggi")
    metrics.upsert_snapshots(
        db,
        [
            {"account_id": low, "date": "2026-10-15", "followers": 10000, "engagements": 150},
            {"account_id": high, "date": "2026-10-15", "followers": 10000, "engagements": 300},
        ],
    )
    figures.set_benchmark(db, "instagram", 0.02)
    figures.set_target(db, low, engagement_rate=0.03)
    tab = home(db, dt.date(2026, 11, 10))
    below = card_of(tab, "rendah").engagement
    assert not below.isHidden()
    assert "1,50%" in below.text() and re.search(BENCHMARK.format("2,00%"), below.text())
    assert "target 3,00%" in below.text()
    assert below.property("level") == "below"
    above = card_of(tab, "tinggi").engagement
    assert "3,00%" in above.text()
    assert re.search(BENCHMARK.format("2,15%"), above.text())  # the default benchmark
    assert "target" not in above.text()
    assert above.property("level") == "above"


def test_no_line_without_engagement_figures(home, db):
    quiet = add_account(db, "x", "sepi")
    metrics.upsert_snapshots(db, [{"account_id": quiet, "date": "2026-10-15", "followers": 500}])
    tab = home(db, dt.date(2026, 11, 10))
    line = card_of(tab, "sepi").engagement
    assert line.isHidden() and line.text() == ""
    assert "0,00%" not in " ".join(card.detail.text() for card in tab.cards)


def test_a_benchmark_change_reaches_the_cards(home, db):
    from gui.signals import Change

    account = add_account(db, "instagram", "akun")
    metrics.upsert_snapshots(
        db, [{"account_id": account, "date": "2026-10-15", "followers": 1000, "engagements": 30}]
    )
    tab = home(db, dt.date(2026, 11, 10))
    assert card_of(tab, "akun").engagement.property("level") == "above"
    figures.set_benchmark(db, "instagram", 0.05)
    tab._on_data_changed(Change.of(("settings", "accounts")))  # what the dialog's Save sends
    assert re.search(BENCHMARK.format("5,00%"), card_of(tab, "akun").engagement.text())
    assert card_of(tab, "akun").engagement.property("level") == "below"


@pytest.mark.parametrize("module", ["pandas", "pyqtgraph", "sqlite_utils"])
def test_home_module_imports_nothing_heavy(module):
    import subprocess
    import sys

    code = f"import sys, gui.tabs.home, gui.benchmarks_dialog; print({module!r} in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "False"


def test_a_rate_counted_another_way_than_its_benchmark_is_not_coloured(home, db):
    from core import settings

    account = add_account(db, "instagram", "lain_cara")
    metrics.upsert_snapshots(
        db,
        [
            {
                "account_id": account,
                "date": "2026-10-15",
                "followers": 10000,
                "reach": 2000,
                "engagements": 150,
            }
        ],
    )
    settings.set(db, "metrics.engagement_method", "reach")  # 7,50% by reach
    tab = home(db, dt.date(2026, 11, 10))
    line = card_of(tab, "lain_cara").engagement
    assert "7,50%" in line.text()
    assert line.property("level") == ""  # neither "above" nor "below" a followers benchmark
