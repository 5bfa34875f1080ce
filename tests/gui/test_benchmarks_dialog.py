"""Edit > Benchmarks and targets: benchmarks per platform, targets per account, all or nothing."""

from __future__ import annotations

import pytest

from core import accounts, figures
from gui.benchmarks_dialog import BenchmarksDialog, edit_benchmarks, read_count, read_rate
from gui.session import Session


@pytest.fixture
def session(demo_db, demo_today):
    return Session(demo_db, today=demo_today)


def answer(monkeypatch, fill):
    """Replace the dialog's exec: `fill(dialog)` types, then Save is pressed (as a user
    would); the dialog's result is what exec returns."""

    def fake_exec(dialog):
        fill(dialog)
        dialog.accept()
        if not dialog.result():
            answer.last = dialog
            dialog.reject()
        return dialog.result()

    monkeypatch.setattr(BenchmarksDialog, "exec", fake_exec)


def type_into(model, row: int, column: str, text: str) -> None:
    assert model.setData(model.index(row, model.COLUMNS.index(column)), text)


def place_of(model, key) -> int:
    return [model.row_key(row) for row in model.rows].index(key)


def our_account(db, platform="instagram"):
    return next(a for a in accounts.list_all(db) if a.platform == platform and not a.peer)


def test_reading_typed_rates_and_counts():
    assert read_rate("1,5%") == pytest.approx(0.015)
    assert read_rate("2.15") == pytest.approx(0.0215)
    assert read_rate(" 2,15 % ") == pytest.approx(0.0215)
    assert read_rate("") is None
    assert read_count("80.000") == 80000
    assert read_count("") is None
    for bad in ("abc", "150%", "-1"):
        with pytest.raises(ValueError):
            read_rate(bad)
    for bad in ("-5", "1,5x", "12,5"):
        with pytest.raises(ValueError):
            read_count(bad)


def test_saves_a_benchmark_typed_as_indonesian_percent_and_a_target(
    qtbot, session, monkeypatch, changes
):
    db = session.db
    account = our_account(db)

    def fill(dialog):
        qtbot.addWidget(dialog)
        bench = dialog.benchmark_model
        type_into(bench, place_of(bench, "instagram"), "rate", "1,5%")
        type_into(bench, place_of(bench, "instagram"), "source", "Laporan 2026")
        targets = dialog.target_model
        type_into(targets, place_of(targets, account.id), "rate", "3,25%")
        type_into(targets, place_of(targets, account.id), "followers", "200.000")
        assert dialog.save_button.isEnabled()

    answer(monkeypatch, fill)
    assert edit_benchmarks(None, session) is True
    stored = figures.benchmark(db, "instagram")
    assert stored.rate == pytest.approx(0.015) and stored.source == "Laporan 2026"
    assert stored.stored
    found = figures.target(db, account.id)
    assert found.engagement_rate == pytest.approx(0.0325) and found.followers == 200000
    assert changes and changes[-1].touches({"settings"}) and changes[-1].touches({"accounts"})


def test_an_emptied_target_means_none(qtbot, session, monkeypatch):
    db = session.db
    account = our_account(db)
    assert figures.target(db, account.id).engagement_rate is not None  # the demo's

    def fill(dialog):
        qtbot.addWidget(dialog)
        targets = dialog.target_model
        type_into(targets, place_of(targets, account.id), "rate", "")
        type_into(targets, place_of(targets, account.id), "followers", "")

    answer(monkeypatch, fill)
    assert edit_benchmarks(None, session)
    found = figures.target(db, account.id)
    assert found.engagement_rate is None and found.followers is None


def test_a_bad_value_blocks_saving_and_writes_nothing(qtbot, session, monkeypatch, changes):
    db = session.db
    account = our_account(db)
    before_benchmarks = figures.benchmarks(db)
    before_target = figures.target(db, account.id)

    def fill(dialog):
        qtbot.addWidget(dialog)
        bench = dialog.benchmark_model
        type_into(bench, place_of(bench, "facebook"), "rate", "1,5%")  # good
        targets = dialog.target_model
        place = place_of(targets, account.id)
        type_into(targets, place, "rate", "150%")  # outside 0–100%
        type_into(targets, place, "followers", "-3")
        assert not dialog.save_button.isEnabled()
        index = targets.index(place, targets.COLUMNS.index("rate"))
        assert "0" in index.data(3) and "100" in index.data(3)  # the cell's tooltip says why
        problem = dialog.problems["targets"]
        assert not problem.isHidden() and "100" in problem.text()

    answer(monkeypatch, fill)
    assert edit_benchmarks(None, session) is False
    assert figures.benchmarks(db) == before_benchmarks
    assert figures.target(db, account.id) == before_target
    assert changes == []


def test_a_failing_write_leaves_everything_as_it_was(qtbot, session, monkeypatch):
    """All or nothing: a refusal from core after the first write rolls back the first."""
    from core.errors import ValidationError

    db = session.db
    account = our_account(db)
    before = figures.benchmark(db, "facebook")

    def refuse(*_args, **_kwargs):
        raise ValidationError("followers", -1, "refused")

    monkeypatch.setattr(figures, "set_target", refuse)

    def fill(dialog):
        qtbot.addWidget(dialog)
        bench = dialog.benchmark_model
        type_into(bench, place_of(bench, "facebook"), "rate", "4%")
        targets = dialog.target_model
        type_into(targets, place_of(targets, account.id), "followers", "1.000")

    answer(monkeypatch, fill)
    assert edit_benchmarks(None, session) is False
    assert figures.benchmark(db, "facebook") == before
    assert "refused" in answer.last.error.text()


def test_reset_restores_the_default(qtbot, session, monkeypatch):
    db = session.db
    figures.set_benchmark(db, "x", 0.05, "old source")

    def fill(dialog):
        qtbot.addWidget(dialog)
        dialog.reset_buttons["x"].click()
        bench = dialog.benchmark_model
        place = place_of(bench, "x")
        assert bench.index(place, bench.COLUMNS.index("rate")).data() == "2,15%"

    answer(monkeypatch, fill)
    assert edit_benchmarks(None, session)
    found = figures.benchmark(db, "x")
    assert not found.stored
    assert found.rate == figures.DEFAULT_BENCHMARK_RATE


def test_read_only_file_shows_without_editing(qtbot, session, monkeypatch):
    monkeypatch.setattr(Session, "read_only", property(lambda self: True))
    dialog = BenchmarksDialog(session)
    qtbot.addWidget(dialog)
    bench = dialog.benchmark_model
    index = bench.index(0, bench.COLUMNS.index("rate"))
    assert index.data() == "2,15%"
    assert not bench.flags(index) & bench.flags(index).ItemIsEditable
    assert not bench.setData(index, "9%")
    assert dialog.save_button.isHidden()
    assert dialog.reset_buttons == {}
    targets = dialog.target_model
    assert targets.rowCount() == len([a for a in accounts.list_all(session.db) if not a.peer])
    assert not targets.flags(targets.index(0, 1)) & targets.flags(index).ItemIsEditable


def test_models_answer_as_qt_expects(qtbot, session, qtmodeltester):
    dialog = BenchmarksDialog(session)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.benchmark_model)
    qtmodeltester.check(dialog.target_model)


def test_choosing_the_same_method_again_changes_nothing(qtbot, session):
    dialog = BenchmarksDialog(session)
    qtbot.addWidget(dialog)
    bench = dialog.benchmark_model
    place = place_of(bench, "facebook")
    type_into(bench, place, "method", "followers")
    assert not bench.rows[place].changed
    type_into(bench, place, "method", "reach")
    assert bench.rows[place].changed
    assert bench.index(place, bench.COLUMNS.index("method")).data() == figures.method_title("reach")


def test_saving_another_field_keeps_a_stored_rate_unrounded(qtbot, session):
    from core import figures

    figures.set_benchmark(session.db, "instagram", 0.02155, "lama", "followers")
    dialog = BenchmarksDialog(session)
    qtbot.addWidget(dialog)
    model = dialog.benchmark_model
    row = next(i for i, r in enumerate(model.rows) if r.platform == "instagram")
    model.setData(model.index(row, model.COLUMNS.index("source")), "sumber baru")
    dialog.accept()
    stored = figures.benchmark(session.db, "instagram")
    assert (stored.rate, stored.source) == (0.02155, "sumber baru")
