"""Beranda, Pertumbuhan and Laporan scoped to a unit with its sub-units: choosing a unit hides
the other units' accounts (cards, work counts, agenda; the growth list and its chart), the
choice is remembered per tab by the unit's uid, a unit without accounts says so and what to
do, and the report's "Units compared" section comes only with accounts of two or more units."""

from __future__ import annotations

import datetime as dt

import pytest
import shiboken6

from core import accounts, overview, units
from core.report import Heading
from gui.scope import ALL, INDENT, unit_choice
from gui.session import Session
from gui.tabs.growth import GrowthTab
from gui.tabs.home import HomeTab
from gui.tabs.report import ReportTab

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def make(qtbot):
    made = []

    def build(kind, db):
        tab = kind(Session(db, today=TODAY))
        qtbot.addWidget(tab)
        tab.resize(1300, 760)
        tab.show()
        made.append(tab)
        return tab

    yield build
    for tab in made:
        if shiboken6.isValid(tab):
            tab.detach()
            shiboken6.delete(tab)


def unit_named(db, short_name: str) -> units.Unit:
    return next(unit for unit in units.list_all(db) if unit.short_name == short_name)


def ours(db, unit: units.Unit | None = None) -> set[int]:
    """Our accounts in use, of `unit` and its sub-units (all of ours without one)."""
    inside = None if unit is None else {unit.id, *units.descendants(db, unit.id)}
    return {
        a.id
        for a in accounts.list_all(db)
        if not a.peer and (inside is None or a.unit_id in inside)
    }


# --- the chooser ----------------------------------------------------------------------------


def test_the_chooser_lists_units_in_their_tree_with_sub_units_indented(make, demo_db):
    home = make(HomeTab, demo_db)
    box = home.scope_box
    assert box.isVisibleTo(home)
    texts = [box.itemText(i) for i in range(box.count())]
    assert texts[0] == "Seluruh instansi"
    humas = texts.index("Unit: Biro Hubungan Masyarakat")
    assert texts[humas + 1] == INDENT + "Unit: Subbagian Media Digital"
    assert len(texts) == 1 + len(units.list_all(demo_db))


def test_a_file_without_units_has_no_chooser(make, db):
    accounts.create(db, "instagram", "bmsn_ri")
    home = make(HomeTab, db)
    assert not home.scope_box.isVisibleTo(home)
    assert [card.account_id for card in home.cards] == [accounts.list_all(db)[0].id]


# --- Beranda --------------------------------------------------------------------------------


def test_choosing_a_unit_on_beranda_hides_the_other_units_accounts(make, demo_db):
    home = make(HomeTab, demo_db)
    assert {card.account_id for card in home.cards} == ours(demo_db)
    regional = unit_named(demo_db, "BLS Timur")
    home.scope_box.choose(unit_choice(regional.id))
    shown = {card.account_id for card in home.cards}
    assert shown == ours(demo_db, regional) and 0 < len(shown) < len(ours(demo_db))
    handles = {accounts.get(demo_db, i).handle for i in shown}
    assert {row.handle for row in home.agenda_model.rows} <= handles
    ids = overview.unit_account_ids(demo_db, regional.id)
    assert home.security == overview.security_warnings(demo_db, TODAY, ids)
    assert home.security.count < overview.security_warnings(demo_db, TODAY).count
    home.scope_box.choose(ALL)
    assert {card.account_id for card in home.cards} == ours(demo_db)


def test_a_unit_chooses_its_sub_units_accounts_too(make, demo_db):
    humas = unit_named(demo_db, "Humas")
    media = unit_named(demo_db, "Media Digital")
    moved = next(a for a in accounts.list_all(demo_db) if a.unit_id == humas.id)
    accounts.update(demo_db, moved.id, unit_id=media.id)
    home = make(HomeTab, demo_db)
    home.scope_box.choose(unit_choice(humas.id))
    assert moved.id in {card.account_id for card in home.cards}
    home.scope_box.choose(unit_choice(media.id))
    assert [card.account_id for card in home.cards] == [moved.id]


def test_beranda_remembers_its_scope_by_the_units_uid(make, demo_db, db):
    regional = unit_named(demo_db, "BLS Timur")
    make(HomeTab, demo_db).scope_box.choose(unit_choice(regional.id))
    again = make(HomeTab, demo_db)
    assert again.scope_box.unit_id() == regional.id
    assert {card.account_id for card in again.cards} == ours(demo_db, regional)
    # Another file: its unit of the same row id is another unit, so the whole institution.
    units.create(db, "Unit Lain")
    units.create(db, "Unit Kedua")
    units.create(db, "Unit Ketiga")
    accounts.create(db, "x", "lain")
    other = make(HomeTab, db)
    assert other.scope_box.currentData() == ALL
    # Pertumbuhan keeps a choice of its own.
    assert make(GrowthTab, demo_db).scope_box.currentData() == ALL


def test_a_unit_without_accounts_says_so_and_leads_back(make, demo_db):
    home = make(HomeTab, demo_db)
    training = unit_named(demo_db, "Pusdiklat")
    home.scope_box.choose(unit_choice(training.id))
    assert not home.body.isVisible()
    assert home.scope_empty.isVisible()
    assert training.name in home.scope_empty.title.text()
    add, whole = home.scope_empty.buttons
    assert add.text() == "Tambah akun…"
    whole.click()
    assert home.scope_box.currentData() == ALL
    assert home.body.isVisible() and not home.scope_empty.isVisible()
    assert {card.account_id for card in home.cards} == ours(demo_db)


# --- Pertumbuhan ------------------------------------------------------------------------------


def test_choosing_a_unit_on_pertumbuhan_lists_and_draws_only_its_accounts(make, demo_db):
    growth = make(GrowthTab, demo_db)
    regional = unit_named(demo_db, "BLS Timur")
    growth.scope_box.choose(unit_choice(regional.id))
    listed = {a.id for a in growth.model.accounts if not a.peer}
    assert listed == ours(demo_db, regional)
    assert any(a.peer for a in growth.model.accounts)  # peers stay, for comparison
    assert set(growth.model.checked_ids()) == ours(demo_db, regional)
    drawn = [c for c in growth.current_chart().curves() if len(c.xData)]
    assert len(drawn) == len(ours(demo_db, regional))
    growth.tick_ours()  # "Our accounts": the unit's
    assert set(growth.model.checked_ids()) == ours(demo_db, regional)
    assert make(GrowthTab, demo_db).scope_box.unit_id() == regional.id  # remembered


def test_pertumbuhan_for_a_unit_without_accounts_says_so(make, demo_db):
    growth = make(GrowthTab, demo_db)
    training = unit_named(demo_db, "Pusdiklat")
    growth.scope_box.choose(unit_choice(training.id))
    assert growth.chart_stack.currentWidget() is growth.chart_empty
    assert training.name in growth.chart_empty.title.text()
    growth.chart_empty.buttons[0].click()
    assert growth.scope_box.currentData() == ALL
    assert growth.current_chart() is not None


def test_a_card_of_another_unit_opens_pertumbuhan_on_that_unit(make, demo_db):
    growth = make(GrowthTab, demo_db)
    regional = unit_named(demo_db, "BLS Timur")
    growth.scope_box.choose(unit_choice(regional.id))
    bureau = next(iter(ours(demo_db, unit_named(demo_db, "Humas"))))
    growth.show_accounts([bureau])
    assert growth.scope_box.unit_id() == accounts.get(demo_db, bureau).unit_id
    assert growth.model.checked_ids() == (bureau,)


# --- Laporan ----------------------------------------------------------------------------------


def headings(tab) -> list[str]:
    return [b.text for b in tab.report.blocks if isinstance(b, Heading) and b.level == 1]


def test_the_report_compares_units_only_with_two_or_more(make, demo_db):
    tab = make(ReportTab, demo_db)
    box = tab.section_boxes["units"]
    assert box.isEnabled() and box.isChecked()
    sections = headings(tab)
    compared = next(h for h in sections if h in ("Perbandingan unit", "Units compared"))
    assert sections.index(compared) == sections.index("Tingkat interaksi") + 1

    tab.scope_box.choose(unit_choice(unit_named(demo_db, "BLS Timur").id))
    tab.update_preview()
    assert compared not in headings(tab)
    assert not box.isEnabled() and box.toolTip()

    tab.scope_box.choose(ALL)
    box.setChecked(False)
    tab.update_preview()
    assert box.isEnabled() and compared not in headings(tab)
