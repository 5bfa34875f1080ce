"""The Panduan tab: items added, marked required, moved, retired and deleted show in the list
and in core; the persona saves all or nothing; packs go out and come back through the tab,
and a bad one changes nothing; the compliance view shows the demo's overrides; a read-only
file cannot be changed."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest

from core import guidelines, packs
from core.i18n import _
from gui.guidelines.items_model import ChecklistItemsModel
from gui.session import Session
from gui.tabs import guidelines as tab_module
from gui.tabs.guidelines import GuidelinesTab

REQUIRED = ChecklistItemsModel.COLUMNS.index("required")
TEXT = ChecklistItemsModel.COLUMNS.index("text")


@pytest.fixture
def build(qtbot):
    made = []

    def build(db, today=None):
        tab = GuidelinesTab(Session(db, today=today))
        qtbot.addWidget(tab)
        tab.resize(1200, 720)
        tab.show()
        made.append(tab)
        return tab

    yield build
    for tab in made:
        tab.detach()


@pytest.fixture
def answers(monkeypatch):
    """The tab's questions, answered yes; each (title, text) is kept."""
    asked = []

    def ask(_parent, title, text, _yes):
        asked.append((title, text))
        return True

    monkeypatch.setattr(tab_module, "ask", ask)
    return asked


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(tab_module, "warn", lambda _parent, title, text: shown.append(text))
    return shown


def shown_texts(tab) -> list[str]:
    return [tab.model.index(row, TEXT).data() for row in range(tab.model.rowCount())]


def select(tab, item_id: int) -> None:
    tab.select_item(item_id)
    assert tab.selected_item().id == item_id


def test_platform_list_starts_with_all_platforms_and_counts(build, db, qtmodeltester):
    tab = build(db)
    first = tab.platform_list.item(0).text()
    assert first.startswith("Semua platform (")
    count = len(guidelines.items(db, "all", include_retired=False))
    assert f"({count})" in first
    assert tab.platform() == "all"
    assert tab.model.rowCount() == count
    qtmodeltester.check(tab.model)


def test_adding_an_item_shows_it_and_stores_it(build, db):
    tab = build(db)
    tab.choose_platform("instagram")
    before = len(guidelines.items(db, "instagram"))
    form = tab.add_item()
    assert form.save_button.isEnabled() is False  # nothing written yet
    form.text.setPlainText("Caption berdiri sendiri,\ntanpa harus membuka tautan.")
    form.required.setChecked(True)
    form.accept()
    stored = guidelines.items(db, "instagram")
    assert len(stored) == before + 1
    added = stored[-1]
    assert added.text == "Caption berdiri sendiri, tanpa harus membuka tautan."
    assert added.required
    assert tab.selected_item().id == added.id
    assert shown_texts(tab)[-1] == added.text
    assert f"({before + 1})" in tab.platform_list.item(2).text()


def test_changing_an_item_to_another_platform_follows_it(build, db):
    tab = build(db)
    item = guidelines.items(db, "all")[0]
    select(tab, item.id)
    form = tab.edit_item()
    form.platform.setCurrentIndex(guidelines.PLATFORMS.index("tiktok"))
    form.accept()
    assert guidelines.get_item(db, item.id).platform == "tiktok"
    assert tab.platform() == "tiktok"
    assert tab.selected_item().id == item.id


def test_ticking_required_in_the_table_is_stored(build, db, changes):
    tab = build(db)
    item = next(i for i in guidelines.items(db, "all") if not i.required)
    row = tab.model.row_of(item.id)
    index = tab.model.index(row, REQUIRED)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert tab.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert guidelines.get_item(db, item.id).required
    assert "guidelines" in changes[-1].kinds
    index = tab.model.index(tab.model.row_of(item.id), REQUIRED)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_alt_down_moves_the_item_down(build, db):
    tab = build(db)
    first, second = guidelines.items(db, "all")[:2]
    select(tab, first.id)
    tab.table.setFocus()
    QTest.keyClick(tab.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    order = [item.id for item in guidelines.items(db, "all")]
    assert order[:2] == [second.id, first.id]
    assert tab.selected_item().id == first.id
    assert tab.model.index(1, 0).data() == "2"
    QTest.keyClick(tab.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [item.id for item in guidelines.items(db, "all")][:2] == [first.id, second.id]


def test_dragging_rows_stores_their_order(build, db):
    tab = build(db)
    ids = [item.id for item in guidelines.items(db, "x")]
    tab.choose_platform("x")
    data = tab.model.mimeData([tab.model.index(0, 0)])
    select(tab, ids[0])
    # Dropped between the third and fourth rows.
    tab.model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert [item.id for item in guidelines.items(db, "x")] == [*ids[1:3], ids[0], *ids[3:]]


def test_moving_past_a_hidden_retired_item_keeps_it_in_place(build, db):
    tab = build(db)
    ids = [item.id for item in guidelines.items(db, "youtube")]
    guidelines.retire_item(db, ids[1])
    tab.choose_platform("youtube")
    tab.refresh()
    select(tab, ids[0])
    tab.move_item(1)
    assert [item.id for item in guidelines.items(db, "youtube")][:3] == [ids[1], ids[2], ids[0]]


def test_retired_items_are_hidden_unless_asked_and_shown_greyed(build, db):
    tab = build(db)
    tab.show_retired.setChecked(False)
    item = guidelines.items(db, "all")[2]
    select(tab, item.id)
    tab.retire_button.click()
    assert guidelines.get_item(db, item.id).retired
    assert item.text not in shown_texts(tab)
    tab.show_retired.setChecked(True)
    row = tab.model.row_of(item.id)
    assert tab.model.index(row, TEXT).data() == _("{text} (retired)").format(text=item.text)
    assert tab.model.index(row, TEXT).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert tab.model.index(row, 0).data() == "–"  # no number: not on new checklists
    select(tab, item.id)
    assert tab.retire_button.text() == "&Pulihkan"  # Restore
    tab.retire_button.click()
    assert not guidelines.get_item(db, item.id).retired


def test_deleting_a_ticked_item_offers_to_retire_it(build, demo_db, demo_today, answers):
    tab = build(demo_db, demo_today)
    ticked = demo_db.conn.execute("SELECT item_id FROM guideline_ticks LIMIT 1").fetchone()[0]
    item = guidelines.get_item(demo_db, ticked)
    tab.choose_platform(item.platform)
    select(tab, item.id)
    tab.delete_item()
    assert len(answers) == 2  # delete? cannot: retire instead?
    assert item.text in answers[1][1]
    assert guidelines.get_item(demo_db, item.id).retired


def test_an_item_never_ticked_is_deleted_after_asking(build, db, answers):
    tab = build(db)
    item = guidelines.add_item(db, "facebook", "content", "Tautan sumber dicantumkan.")
    tab.choose_platform("facebook")
    tab.refresh()
    select(tab, item.id)
    tab.delete_item()
    assert answers and "Tautan sumber dicantumkan." in answers[0][1]
    assert item.id not in [i.id for i in guidelines.items(db, "facebook")]


def test_without_an_answer_nothing_is_deleted(build, db):
    tab = build(db)
    item = guidelines.items(db, "all")[0]
    select(tab, item.id)
    tab.delete_item()  # offscreen: nobody to ask, the cautious answer
    assert guidelines.get_item(db, item.id)


def test_a_platform_without_items_says_what_to_do(build, db):
    tab = build(db)
    for item in guidelines.items(db, "tiktok"):
        guidelines.delete_item(db, item.id)
    tab.choose_platform("tiktok")
    assert tab.items_stack.currentIndex() == 1
    assert "TikTok" in tab.items_empty.title.text()
    tab.items_empty.button.click()  # New item…
    form = tab.findChild(tab_module.ItemForm)
    assert form is not None and form.platform.currentData() == "tiktok"
    form.reject()


def test_persona_save_round_trip(build, db, changes):
    tab = build(db)
    panel = tab.persona
    panel.fields["admin_nickname"].setText("Mimin")
    panel.fields["words_avoid"].setPlainText("anjir\nbego\n\nanjir")
    assert panel.save_button.isEnabled()
    panel.save_button.click()
    stored = guidelines.persona(db)
    assert stored.admin_nickname == "Mimin"
    assert stored.words_avoid == ("anjir", "bego")
    assert panel.fields["words_avoid"].toPlainText() == "anjir\nbego"
    assert not panel.save_button.isEnabled()
    assert {"guidelines", "settings"} <= changes[-1].kinds


def test_persona_with_a_bad_word_saves_nothing(build, db):
    tab = build(db)
    panel = tab.persona
    before = guidelines.persona(db)
    panel.fields["greeting"].setText("Halo, Sobat!")
    panel.fields["formal_phrases"].setPlainText("dalam rangka\n" + "x" * 81)
    assert panel.save() is False
    assert panel.error.isVisibleTo(panel)
    assert "80" in panel.error.text()
    assert _("Forma&l phrases").replace("&", "") in panel.error.text()
    assert guidelines.persona(db) == before
    assert panel.dirty  # what was typed stays, to be corrected


def test_export_then_import_changes_nothing(build, db, tmp_path, answers):
    tab = build(db)
    path = tab.export_pack_file(tmp_path / "panduan.json")
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == packs.PACK_FORMAT
    assert tab.import_pack_file(path) is False  # the same pack: nothing to ask
    assert answers == []


def test_import_of_another_units_pack(build, db, tmp_path, answers):
    tab = build(db)
    data = packs.export_pack(db)
    data["items"].append(
        {
            "id": "unit.timur.1",
            "platform": "instagram",
            "category": "visual",
            "text": "Logo unit di pojok kanan bawah.",
            "required": True,
        }
    )
    data["persona"]["audience_nickname"] = "Sobat Timur"
    path = tmp_path / "timur.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert tab.import_pack_file(path) is True
    question = answers[0][1]
    assert "1" in question and "persona" in question.lower()
    assert guidelines.items(db, "instagram")[-1].uid == "unit.timur.1"
    assert guidelines.persona(db).audience_nickname == "Sobat Timur"
    assert tab.persona.fields["audience_nickname"].text() == "Sobat Timur"


def test_a_malformed_pack_shows_the_error_and_changes_nothing(
    build, db, tmp_path, warnings, answers
):
    tab = build(db)
    before = guidelines.items(db)
    data = packs.export_pack(db)
    data["items"].append({"id": "new.1", "platform": "instagram", "category": "visual"})
    data["items"].append(dict(data["items"][0]))  # the same id twice
    path = tmp_path / "rusak.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert tab.import_pack_file(path) is False
    assert len(warnings) == 1
    assert "new.1" in warnings[0] and str(path) in warnings[0]
    assert answers == []
    assert guidelines.items(db) == before
    path.write_text("{ not json", encoding="utf-8")
    assert tab.import_pack_file(path) is False
    assert "1" in warnings[1] and guidelines.items(db) == before


def test_compliance_starts_with_the_last_full_month(build, demo_db, demo_today):
    tab = build(demo_db, demo_today)
    panel = tab.compliance
    assert panel.period() == (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert panel.result.start == dt.date(2026, 10, 1)


def test_compliance_shows_the_demo_overrides(build, demo_db, demo_today, qtmodeltester):
    overrides = guidelines.compliance(demo_db, dt.date(2026, 1, 1), dt.date(2026, 12, 31)).overrides
    assert len(overrides) == 2
    tab = build(demo_db, demo_today)
    panel = tab.compliance
    panel.choose("year", dt.date(2026, 1, 1))
    model = panel.overrides_model
    assert model.rowCount() == 2
    assert [model.index(r, 4).data() for r in range(2)] == [o.reason for o in overrides]
    tooltip = model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert overrides[0].items[0] in tooltip
    qtmodeltester.check(model)
    # The total row last: every published post of the year, two of them overridden.
    total = panel.model.rows[-1]
    assert total.overridden == 2 and total.published > 100
    assert panel.model.index(panel.model.rowCount() - 1, 3).data() == "2"
    # Each override's own month shows it.
    for override in overrides:
        panel.choose("month", override.published_on.replace(day=1))
        assert [row.post_title for row in model.rows] == [
            o.post_title for o in overrides if o.published_on.month == override.published_on.month
        ]


def test_a_period_without_posts_says_so(build, demo_db, demo_today):
    tab = build(demo_db, demo_today)
    panel = tab.compliance
    panel.choose("year", dt.date(2021, 1, 1))
    assert panel.stack.currentIndex() == 1
    assert "2021" in panel.empty.title.text()


def test_read_only_file_cannot_be_changed(build, demo_path, demo_today):
    from core.db import open_database

    with open_database(demo_path, read_only=True) as handle:
        tab = build(handle, demo_today)
        assert tab.platform() == "all" and tab.model.rowCount() > 0
        tab.table.selectRow(0)
        for button in (
            tab.add_button,
            tab.edit_button,
            tab.retire_button,
            tab.delete_button,
            tab.import_button,
            tab.persona.save_button,
        ):
            assert not button.isEnabled()
        assert tab.export_button.isEnabled()
        assert tab.add_item() is None
        index = tab.model.index(0, REQUIRED)
        assert not tab.model.setData(
            index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
        )
        assert tab.persona.fields["greeting"].isReadOnly()


def test_texts_follow_the_language(build, db):
    from core import i18n

    tab = build(db)
    i18n.set_language("en")
    tab.translate_ui()
    assert tab.platform_list.item(0).text().startswith("All platforms (")
    assert tab.pages.tabText(2) == "Compliance"


def test_screenshot_views_show_persona_and_compliance(build, demo_db, demo_today):
    tab = build(demo_db, demo_today)
    views = dict(tab.screenshot_views())
    assert set(views) == {"persona", "kepatuhan"}
    assert views["persona"]() is None and tab.pages.currentWidget() is tab.persona
    assert views["kepatuhan"]() is None and tab.pages.currentWidget() is tab.compliance
    assert tab.compliance.overrides_model.rowCount() == 2
