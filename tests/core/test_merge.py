"""Units' packages and the bureau's merge (issue 17): round trips into an empty and a populated
file, the template a unit starts from, conflicts and how they are settled, the same package
twice, another institution's package, and damaged or newer packages refused with nothing
merged."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from core import accounts, merge, metrics, posts, settings, unit_package, units
from core.db import open_database

TIMUR = "Balai Layanan Standar Wilayah Timur"
NOVEMBER = ("2026-11-01", "2026-11-25")


def dump(db) -> dict[str, list[tuple]]:
    tables = [
        r[0]
        for r in db.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {t: [tuple(r) for r in db.query(f'SELECT * FROM "{t}" ORDER BY rowid')] for t in tables}


@pytest.fixture
def timur(demo_db):
    return units.find(demo_db, TIMUR)


@pytest.fixture
def package(demo_db, timur, tmp_path):
    path = tmp_path / "timur-2026-11.linimasa"
    unit_package.export_unit(demo_db, timur.id, *NOVEMBER, path)
    return path


def test_a_package_holds_the_units_share_of_the_period_only(demo_db, timur, package):
    manifest = unit_package.read(package)
    assert (manifest.unit_name, manifest.start, manifest.end) == (TIMUR, *NOVEMBER)
    assert manifest.institution_id == settings.get(demo_db, "institution.id")
    conn = sqlite3.connect(package)
    handles = {r[0] for r in conn.execute("SELECT handle FROM accounts")}
    assert handles == {a.handle for a in accounts.list_all(demo_db) if a.unit_id == timur.id}
    days = [r[0] for r in conn.execute("SELECT date FROM account_snapshots")]
    assert days and all(NOVEMBER[0] <= d <= NOVEMBER[1] for d in days)
    assert conn.execute("SELECT count(*) FROM kpis").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM accounts WHERE peer = 1").fetchone() == (0,)
    assert package.stat().st_size < 1_000_000  # fits an e-mail


def test_a_unit_with_sub_units_sends_theirs_too(demo_db, tmp_path):
    bureau = units.find(demo_db, "Biro Hubungan Masyarakat")
    below = units.descendants(demo_db, bureau.id)
    assert below
    path = tmp_path / "biro.linimasa"
    unit_package.export_unit(demo_db, bureau.id, *NOVEMBER, path)
    names = {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM units")}
    assert {units.get(demo_db, u).name for u in below} <= names


def test_into_an_empty_file_it_brings_the_institution_and_twice_changes_nothing(package, tmp_path):
    with open_database(tmp_path / "biro.sqlite", create=True) as bureau:
        found = merge.apply(bureau, [package])
        manifest = unit_package.read(package)
        assert found.adopted == manifest.institution_name
        assert settings.get(bureau, "institution.id") == manifest.institution_id
        assert TIMUR in found.new_units
        stored = {(a.platform, a.handle) for a in accounts.list_all(bureau)}
        assert stored == {
            tuple(r)
            for r in sqlite3.connect(package).execute("SELECT platform, handle FROM accounts")
        }
        before = dump(bureau)
        again = merge.plan(bureau, [package])
        assert again.ok and not again.something and not again.conflicts
        merge.apply(bureau, [package])
        assert dump(bureau) == before


def test_into_the_file_it_came_from_everything_is_unchanged(demo_db, package):
    before = dump(demo_db)
    found = merge.apply(demo_db, [package])
    assert not found.added and not found.changed and not found.conflicts
    assert dump(demo_db) == before


@pytest.fixture
def unit_file(demo_db, timur, tmp_path):
    """The unit's own file, begun from the bureau's template."""
    path = tmp_path / "timur.sqlite"
    unit_package.export_unit(demo_db, timur.id, None, None, path, template=True)
    handle = open_database(path)
    yield handle
    handle.close()


def test_a_unit_file_from_the_template_sends_what_the_unit_added(demo_db, unit_file, tmp_path):
    assert settings.get(unit_file, "institution.id") == settings.get(demo_db, "institution.id")
    assert not unit_file.query("SELECT * FROM account_snapshots")
    account = next(a for a in accounts.list_all(unit_file) if a.platform == "instagram")
    metrics.upsert_snapshots(
        unit_file, [{"account_id": account.id, "date": "2026-11-24", "followers": 4321}]
    )
    post = posts.create(unit_file, "Kunjungan kerja ke pelabuhan")
    posts.add_variant(unit_file, post.id, account.id, "Hari ini kami…", "draft", "2026-11-24T10:00")
    path = tmp_path / "timur.linimasa"
    timur = units.find(unit_file, TIMUR)
    unit_package.export_unit(unit_file, timur.id, *NOVEMBER, path)
    found = merge.apply(demo_db, [path])
    assert found.added == {
        "account_snapshots": 1,
        "posts": 1,
        "post_variants": 1,
        "variant_history": 1,  # the version's "created" step
    }
    ours = next(
        a
        for a in accounts.list_all(demo_db)
        if a.handle == account.handle and a.platform == "instagram"
    )
    assert metrics.snapshot_on(demo_db, ours.id, "2026-11-24").followers == 4321
    assert demo_db.query("SELECT count(*) FROM posts WHERE title = ?", (post.title,))[0][0] == 1


def test_different_figures_for_one_day_are_a_conflict_settled_by_prefer(
    demo_db, unit_file, tmp_path
):
    account = next(a for a in accounts.list_all(unit_file) if a.platform == "instagram")
    theirs = next(
        a
        for a in accounts.list_all(demo_db)
        if a.platform == "instagram" and a.handle == account.handle
    )
    stored = metrics.snapshot_on(demo_db, theirs.id, "2026-11-01")
    metrics.upsert_snapshots(
        unit_file,
        [{"account_id": account.id, "date": "2026-11-01", "followers": stored.followers + 7}],
    )
    path = tmp_path / "timur.linimasa"
    unit_package.export_unit(unit_file, units.find(unit_file, TIMUR).id, *NOVEMBER, path)
    before = dump(demo_db)
    found = merge.plan(demo_db, [path])
    [conflict] = found.conflicts
    assert (conflict.column, conflict.bureau, conflict.theirs) == (
        "followers",
        stored.followers,
        stored.followers + 7,
    )
    assert instagram_day(conflict.what)
    assert not found.ok
    with pytest.raises(merge.MergeRefused):
        merge.apply(demo_db, [path])
    assert dump(demo_db) == before
    merge.apply(demo_db, [path], prefer="bureau")
    assert metrics.snapshot_on(demo_db, theirs.id, "2026-11-01").followers == stored.followers
    merge.apply(demo_db, [path], prefer="package")
    after = metrics.snapshot_on(demo_db, theirs.id, "2026-11-01")
    assert after.followers == stored.followers + 7
    assert after.reach == stored.reach  # the package's empty reach says nothing


def instagram_day(what: str) -> bool:
    return what.startswith("instagram:") and what.endswith("2026-11-01")


def test_a_newer_version_of_a_post_replaces_the_bureaus_and_an_older_one_does_not(
    demo_db, timur, tmp_path
):
    """The unit edits a post after the bureau's copy was made: the newer text wins, either way."""
    copy = tmp_path / "unit.sqlite"
    demo_db.conn.execute("PRAGMA wal_checkpoint(FULL)")
    with sqlite3.connect(copy) as target:
        demo_db.conn.backup(target)
    [(variant_id,)] = demo_db.query(
        """SELECT v.id FROM post_variants v JOIN accounts a ON a.id = v.account_id
           WHERE a.unit_id = ? AND v.planned_at >= '2026-11-01' AND v.status != 'published'
           ORDER BY v.id LIMIT 1""",
        (timur.id,),
    )
    with open_database(copy) as unit:
        posts.update_variant(unit, variant_id, text="Teks baru dari unit")
        path = tmp_path / "timur.linimasa"
        unit_package.export_unit(unit, timur.id, *NOVEMBER, path)
    found = merge.apply(demo_db, [path])
    assert found.changed.get("post_variants") == 1
    assert posts.get_variant(demo_db, variant_id).text == "Teks baru dari unit"
    posts.update_variant(demo_db, variant_id, text="Teks biro")
    merge.apply(demo_db, [path])  # the bureau's own edit is newer: kept
    assert posts.get_variant(demo_db, variant_id).text == "Teks biro"


def test_another_institutions_package_is_refused_naming_both(package, tmp_path):
    with open_database(tmp_path / "lain.sqlite", create=True) as other:
        settings.set(other, "institution.name", "Arsip Nasional RI")
        accounts.create(other, "instagram", "arsipnasional")
        before = dump(other)
        found = merge.plan(other, [package])
        [problem] = found.problems
        assert (
            "Arsip Nasional RI" in problem
            and unit_package.read(package).institution_name in problem
        )
        with pytest.raises(merge.MergeRefused):
            merge.apply(other, [package])
        assert dump(other) == before


def test_an_institution_of_the_same_name_but_another_file_is_told_apart(package, tmp_path):
    with open_database(tmp_path / "kembar.sqlite", create=True) as twin:
        settings.set(twin, "institution.name", unit_package.read(package).institution_name)
        accounts.create(twin, "x", "kembar")
        [problem] = merge.plan(twin, [package]).problems
        assert "--template" in problem


def test_a_damaged_package_is_refused_with_nothing_merged(demo_db, package, tmp_path):
    changed = tmp_path / "changed.linimasa"
    shutil.copy(package, changed)
    conn = sqlite3.connect(changed)
    conn.execute("UPDATE account_snapshots SET followers = followers + 1")
    conn.commit()
    conn.close()
    cut = tmp_path / "cut.linimasa"
    cut.write_bytes(package.read_bytes()[:20000])
    not_one = tmp_path / "notes.linimasa"
    not_one.write_text("platform,handle\n")
    before = dump(demo_db)
    for path, words in ((changed, "checksum"), (cut, "rusak"), (not_one, "bukan paket")):
        with pytest.raises(unit_package.PackageError, match=words):
            unit_package.read(path)
        found = merge.plan(demo_db, [path])
        assert not found.ok and len(found.problems) == 1
    assert dump(demo_db) == before


def test_a_package_from_a_newer_linimasa_is_refused(demo_db, package):
    conn = sqlite3.connect(package)
    conn.execute(f"UPDATE {unit_package.MANIFEST} SET value = '999' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(unit_package.PackageError, match="lebih baru"):
        unit_package.read(package)


def test_export_refuses_to_replace_a_file_unless_asked(demo_db, timur, package):
    with pytest.raises(unit_package.PackageError):
        unit_package.export_unit(demo_db, timur.id, *NOVEMBER, package)
    unit_package.export_unit(demo_db, timur.id, *NOVEMBER, package, overwrite=True)
    assert not list(package.parent.glob(".*.partial"))


def test_every_file_has_its_own_institution_id(tmp_path):
    ids = set()
    for name in ("a.sqlite", "b.sqlite"):
        with open_database(tmp_path / name, create=True) as handle:
            ids.add(settings.get(handle, "institution.id"))
    assert len(ids) == 2 and "" not in ids


def test_newer_wins_by_the_moment_not_the_clock_text_of_each_computer(demo_db, timur, tmp_path):
    """A unit in WIT edits a post at 10:00 (01:00 UTC); the bureau in WIB edits it at 09:30
    the same day (02:30 UTC): the bureau's edit is the newer one, though "10:00" is the larger
    text."""
    merger = merge._Merger(demo_db, merge.MergePlan())
    try:
        unit_edit = merger.moment("2026-11-28T10:00:00+09:00")
        bureau_edit = merger.moment("2026-11-28T09:30:00+07:00")
        assert unit_edit < bureau_edit  # 01:00 UTC against 02:30 UTC
        assert merger.moment("2026-11-28T09:30:00") == bureau_edit  # older rows: WIB
    finally:
        merger.close()


def test_the_bureau_merging_every_units_package_reports_what_the_units_reported(demo_db, tmp_path):
    """Round trip: each top unit sends its year (sub-units included) to an empty bureau
    file; the bureau's report of the institution has the same tables as the original's."""
    import datetime as dt

    from core import report

    packages = []
    for unit in units.list_all(demo_db):
        if unit.parent_id is None:
            path = tmp_path / f"{unit.id}.linimasa"
            unit_package.export_unit(demo_db, unit.id, "2026-01-01", "2026-11-25", path)
            packages.append(path)
    options = report.ReportOptions(
        dt.date(2026, 1, 1),
        dt.date(2026, 11, 25),
        sections=frozenset({"followers", "engagement", "units", "output", "security"}),
        today=dt.date(2026, 11, 28),
    )

    def tables(db):
        built = report.build(db, options)
        return [(b.columns, b.rows) for b in built.blocks if isinstance(b, report.Table)]

    with open_database(tmp_path / "biro.sqlite", create=True) as bureau:
        merge.apply(bureau, packages)
        assert tables(bureau) == tables(demo_db)


# --- found in review ----------------------------------------------------------------------


def starting_file(demo_db, unit_name, path):
    unit_package.export_unit(
        demo_db, units.find(demo_db, unit_name).id, None, None, path, template=True
    )
    return open_database(path)


def test_two_units_sub_units_of_the_same_name_stay_two(demo_db, tmp_path):
    sent = []
    for name, handle in ((TIMUR, "timur_tu"), ("Pusat Pendidikan dan Pelatihan", "pusdik_tu")):
        unit_db = starting_file(demo_db, name, tmp_path / f"{handle}.sqlite")
        parent = units.find(unit_db, name)
        tata_usaha = units.create(unit_db, "Subbagian Tata Usaha", parent_id=parent.id)
        account = accounts.create(unit_db, "tiktok", handle, unit_id=tata_usaha.id)
        metrics.upsert_snapshots(
            unit_db, [{"account_id": account.id, "date": "2026-11-20", "followers": 10}]
        )
        path = tmp_path / f"{handle}.linimasa"
        unit_package.export_unit(unit_db, parent.id, *NOVEMBER, path)
        unit_db.close()
        sent.append(path)
    found = merge.apply(demo_db, sent)
    assert not found.conflicts
    named = [u for u in units.list_all(demo_db) if u.name == "Subbagian Tata Usaha"]
    assert len(named) == 2 and len({u.parent_id for u in named}) == 2
    by_handle = {a.handle: a.unit_id for a in accounts.list_all(demo_db)}
    assert by_handle["timur_tu"] != by_handle["pusdik_tu"]


def test_a_units_stale_copy_of_the_bureaus_lists_never_reverts_them(demo_db, tmp_path):
    from core import pillars

    unit_db = starting_file(demo_db, TIMUR, tmp_path / "timur.sqlite")
    account = next(a for a in accounts.list_all(unit_db) if a.platform == "instagram")
    metrics.upsert_snapshots(
        unit_db, [{"account_id": account.id, "date": "2026-11-20", "followers": 4321}]
    )
    path = tmp_path / "timur.linimasa"
    unit_package.export_unit(unit_db, units.find(unit_db, TIMUR).id, *NOVEMBER, path)
    unit_db.close()
    edukasi = next(p for p in pillars.list_pillars(demo_db) if p.name == "Edukasi")
    demo_db.conn.execute("UPDATE pillars SET name = 'Edukasi Mutu' WHERE id = ?", (edukasi.id,))
    biro = units.find(demo_db, "Biro Hubungan Masyarakat")
    units.update(demo_db, biro.id, "Biro Humas dan Protokol", biro.short_name)
    found = merge.apply(demo_db, [path], prefer="package")
    assert not found.conflicts
    assert "Edukasi Mutu" in [p.name for p in pillars.list_pillars(demo_db)]
    assert units.get(demo_db, biro.id).name == "Biro Humas dan Protokol"


def test_a_handle_clash_is_a_problem_not_a_crash(demo_db, tmp_path):
    unit_db = starting_file(demo_db, TIMUR, tmp_path / "timur.sqlite")
    account = next(a for a in accounts.list_all(unit_db) if a.platform == "instagram")
    accounts.update(unit_db, account.id, handle="bmsn_ri")  # the bureau's own handle
    path = tmp_path / "timur.linimasa"
    unit_package.export_unit(unit_db, units.find(unit_db, TIMUR).id, *NOVEMBER, path)
    unit_db.close()
    before = dump(demo_db)
    found = merge.plan(demo_db, [path], prefer="package")
    assert not found.ok and "bmsn_ri" in found.problems[0]
    assert dump(demo_db) == before


def test_a_sub_units_starting_file_keeps_the_approval_levels_it_inherits(demo_db, tmp_path):
    from core import workflow

    sub = next(u for u in units.list_all(demo_db) if u.parent_id is not None)
    expected = len(workflow.levels_for_unit(demo_db, sub.id))
    assert expected
    with starting_file(demo_db, sub.name, tmp_path / "sub.sqlite") as sub_db:
        assert len(workflow.levels_for_unit(sub_db, units.find(sub_db, sub.name).id)) == expected


def test_a_data_file_or_a_working_file_given_as_a_package_is_named_for_what_it_is(
    demo_db, package, tmp_path
):
    with pytest.raises(unit_package.PackageError, match="bukan paket unit"):
        unit_package.read(demo_db.path)
    working = starting_file(demo_db, TIMUR, tmp_path / "kerja.sqlite")
    metrics.upsert_snapshots(
        working,
        [{"account_id": accounts.list_all(working)[0].id, "date": "2026-11-20", "followers": 3}],
    )
    working.close()
    with pytest.raises(unit_package.PackageError, match="berkas kerja unit"):
        unit_package.read(tmp_path / "kerja.sqlite")


def test_a_unit_that_kept_its_own_file_joins_the_institution_and_then_merges(
    demo_db, timur, tmp_path
):
    own = tmp_path / "sendiri.sqlite"
    with sqlite3.connect(own) as target:
        demo_db.conn.backup(target)
    with open_database(own) as unit_db:
        settings.set(unit_db, "institution.id", "a-file-of-its-own")
        path = tmp_path / "timur.linimasa"
        unit_package.export_unit(unit_db, timur.id, *NOVEMBER, path)
        assert merge.plan(demo_db, [path]).problems
        assert unit_package.join_institution(unit_db, demo_db.path) == "Badan Mutu Standar Nasional"
        unit_package.export_unit(unit_db, timur.id, *NOVEMBER, path, overwrite=True)
    assert merge.plan(demo_db, [path]).ok


def test_accounts_without_a_unit_are_named_at_export(demo_db):
    accounts.create(demo_db, "tiktok", "tanpa_unit")
    assert unit_package.unassigned_accounts(demo_db) == ["TikTok tanpa_unit"]


def test_a_new_file_given_packages_of_two_institutions_takes_neither(package, tmp_path):
    other = tmp_path / "lain.linimasa"
    shutil.copy(package, other)
    conn = sqlite3.connect(other)
    conn.execute(f"UPDATE {unit_package.MANIFEST} SET value = 'lain' WHERE key = 'institution_id'")
    conn.execute(
        f"UPDATE {unit_package.MANIFEST} SET value = 'Arsip Lain' WHERE key = 'institution_name'"
    )
    conn.commit()
    conn.close()
    with open_database(tmp_path / "baru.sqlite", create=True) as fresh:
        before = settings.get(fresh, "institution.id")
        found = merge.plan(fresh, [other, package])
        [problem] = found.problems
        assert "Arsip Lain" in problem
        assert settings.get(fresh, "institution.id") == before


def test_a_conflict_over_a_reference_names_the_rows_not_their_numbers(demo_db, tmp_path):
    from core import members

    unit_db = starting_file(demo_db, TIMUR, tmp_path / "timur.sqlite")
    timur = units.find(unit_db, TIMUR)
    new = members.create(unit_db, "Sari Wulandari", "editor", unit_id=timur.id)
    account = next(a for a in accounts.list_all(unit_db) if a.platform == "instagram")
    accounts.update(unit_db, account.id, responsible_id=new.id)
    path = tmp_path / "timur.linimasa"
    unit_package.export_unit(unit_db, timur.id, *NOVEMBER, path)
    unit_db.close()
    found = merge.plan(demo_db, [path])
    [conflict] = [c for c in found.conflicts if c.column == "responsible_id"]
    assert conflict.theirs == "Sari Wulandari" and isinstance(conflict.bureau, str)


def test_an_account_matched_by_its_handle_and_renamed_later_stays_one(demo_db, tmp_path):
    """The bureau and the unit each recorded the unit's TikTok; merged as one by its handle,
    then renamed at the unit: the next month's package still finds the bureau's account."""
    timur_id = units.find(demo_db, TIMUR).id
    ours = accounts.create(demo_db, "tiktok", "timur_tt", unit_id=timur_id)
    unit_db = starting_file(demo_db, TIMUR, tmp_path / "timur.sqlite")
    theirs = next(a for a in accounts.list_all(unit_db) if a.platform == "tiktok")
    unit_db.conn.execute("UPDATE accounts SET uid = 'made-at-the-unit' WHERE id = ?", (theirs.id,))
    path = tmp_path / "timur.linimasa"
    unit_package.export_unit(unit_db, units.find(unit_db, TIMUR).id, *NOVEMBER, path)
    merge.apply(demo_db, [path])
    accounts.update(unit_db, theirs.id, handle="bmsn_timur_tt")
    metrics.upsert_snapshots(
        unit_db, [{"account_id": theirs.id, "date": "2026-11-20", "followers": 20}]
    )
    unit_package.export_unit(
        unit_db, units.find(unit_db, TIMUR).id, *NOVEMBER, path, overwrite=True
    )
    unit_db.close()
    found = merge.apply(demo_db, [path], prefer="package")
    assert not found.new_accounts
    tiktok = [a for a in accounts.list_all(demo_db) if a.platform == "tiktok"]
    assert [(a.id, a.handle) for a in tiktok] == [(ours.id, "bmsn_timur_tt")]
    assert metrics.snapshot_on(demo_db, ours.id, "2026-11-20").followers == 20


def test_a_starting_file_measures_against_the_bureaus_benchmarks(demo_db, tmp_path):
    from core import figures

    figures.set_benchmark(demo_db, "instagram", 0.031, "Survei biro 2026", "reach")
    with starting_file(demo_db, TIMUR, tmp_path / "timur.sqlite") as unit_db:
        assert figures.benchmark(unit_db, "instagram").rate == 0.031


def test_a_merge_reports_its_progress_and_a_cancel_keeps_nothing(demo_db, tmp_path):
    from core.progress import Cancelled, Progress

    path = tmp_path / "biro.linimasa"
    biro = units.find(demo_db, "Biro Hubungan Masyarakat")
    unit_package.export_unit(demo_db, biro.id, "2026-01-01", "2026-11-25", path)
    seen = []
    with open_database(tmp_path / "baru.sqlite", create=True) as fresh:
        merge.plan(fresh, [path], progress=Progress(lambda done, total, _t: seen.append(total)))
        assert seen and seen[0] == sum(unit_package.read(path).counts.values())
        before = dump(fresh)
        progress = Progress(lambda done, total, _text: progress.cancel())
        with pytest.raises(Cancelled):
            merge.apply(fresh, [path], progress=progress)
        assert dump(fresh) == before
