"""The platforms' own export files (issue 11): each format and quirk of
tests/fixtures/platforms (see its EXPECTED.md) gives exactly these rows; nothing is invented,
the same file twice changes nothing, posts are matched to the plan, and bad files are refused
with the database unchanged."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from core import accounts, importing, metrics, outside_plan, posts, timezone
from core.importing import posts as imported

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "platforms"
TODAY = dt.date(2026, 11, 28)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    """TikTok's year-less dates are read against today: the fixtures' today."""
    monkeypatch.setattr(timezone, "latest_today", lambda db: TODAY)


@pytest.fixture
def office(db):
    ids = {
        "facebook": accounts.create(db, platform="facebook", handle="diskominfokotacontoh").id,
        "instagram": accounts.create(db, platform="instagram", handle="diskominfo.contoh").id,
        "x": accounts.create(db, platform="x", handle="kominfocontoh").id,
        "youtube": accounts.create(db, platform="youtube", handle="diskominfokotacontoh").id,
        "tiktok": accounts.create(db, platform="tiktok", handle="diskominfo.contoh").id,
    }
    return db, ids


def everything(db) -> list:
    return [
        [tuple(r) for r in db.query(f"SELECT * FROM {table} ORDER BY id")]
        for table in ("account_snapshots", "post_metrics", "post_variants")
    ]


def imported_ok(db, name: str, **options) -> importing.Plan:
    plan = importing.plan(db, [FIXTURES / name], importing.Options(**options))
    assert plan.ok, [str(p) for p in plan.problems]
    importing.write(db, plan)
    return plan


def refused(db, name: str, **options) -> importing.Plan:
    before = everything(db)
    plan = importing.plan(db, [FIXTURES / name], importing.Options(**options))
    assert not plan.ok
    with pytest.raises(importing.ImportRefused):
        importing.write(db, plan)
    assert everything(db) == before
    return plan


POST_COLUMNS = ("reach", "impressions", "reactions", "comments", "shares", "saves")


def stored_posts(db, account_id: int, columns=POST_COLUMNS) -> list[tuple]:
    return [
        tuple(r)
        for r in db.query(
            f"""SELECT external_post_id, date, published_at, {", ".join(columns)}
                FROM post_metrics WHERE account_id = ? ORDER BY date, external_post_id""",
            (account_id,),
        )
    ]


def stored_days(db, account_id: int, columns: tuple[str, ...]) -> list[tuple]:
    return [
        tuple(r)
        for r in db.query(
            f"""SELECT {", ".join(("date", "followers", *columns))} FROM account_snapshots
                WHERE account_id = ? ORDER BY date""",
            (account_id,),
        )
    ]


# --- Meta ---------------------------------------------------------------------------------


FACEBOOK_POSTS = [
    ("1829301746552013", "2026-10-03", "2026-10-03T08:15:00+07:00", 1104, 1520, 71, 9, 7, 87),
    ("1835519204417786", "2026-10-14", "2026-10-14T19:30:00+07:00", 8215, 12480, 301, 64, 47, 412),
    (
        "1841127730964251",
        "2026-10-21",
        "2026-10-21T16:00:00+07:00",
        17340,
        25902,
        958,
        133,
        177,
        1268,
    ),
    ("1846603318875590", "2026-10-28", "2026-10-28T09:05:00+07:00", None, 640, 19, 2, 2, 23),
]


def test_meta_facebook_posts_lifetime_rows_with_quoted_thousands_and_month_first_times(office):
    db, ids = office
    plan = imported_ok(db, "meta_facebook_posts.csv")
    assert [f.format.name for f in plan.recognised] == ["meta-facebook-posts"]
    columns = ("reach", "impressions", "reactions", "comments", "shares", "engagements")
    assert stored_posts(db, ids["facebook"], columns) == FACEBOOK_POSTS
    captions = dict(db.query("SELECT external_post_id, caption FROM post_metrics"))
    assert captions["1835519204417786"] == (
        "Pengumuman penting, warga Kota Contoh!\n"
        'Pelayanan KTP-el di Mal Pelayanan Publik buka sampai "pukul 20.00" mulai Senin.\n'
        "#KotaContoh #PelayananPublik"
    )
    assert captions["1841127730964251"].startswith("𝗣𝗘𝗡𝗧𝗜𝗡𝗚!")  # kept as the platform gave it
    assert captions["1829301746552013"].startswith("Selamat pagi, warga Kota Contoh!")  # Title


INSTAGRAM_POSTS = [
    ("17912345678901234", "2026-10-02", "2026-10-02T07:30:00+07:00", 2215, 3480, 187, 14, 12, 9),
    ("18034567890123456", "2026-10-15", "2026-10-15T12:00:00+07:00", 5904, 9120, 402, 27, 88, 156),
    (
        "18123456789012345",
        "2026-10-29",
        "2026-10-29T18:45:00+07:00",
        28316,
        41750,
        2113,
        96,
        340,
        211,
    ),
]


@pytest.mark.parametrize("name", ["meta_instagram_posts.csv", "meta_instagram_posts_id.csv"])
def test_meta_instagram_posts_in_english_or_indonesian_headers(office, name):
    db, ids = office
    plan = imported_ok(db, name)
    assert stored_posts(db, ids["instagram"]) == INSTAGRAM_POSTS
    found = plan.recognised[0]
    assert found.format.name == "meta-instagram-posts"
    assert "reach" in found.used.values() and len(found.left_out) == 7


def test_older_instagram_export_reads_impressions_where_newer_ones_say_views(office):
    db, ids = office
    imported_ok(db, "meta_instagram_posts_old.csv")
    assert stored_posts(db, ids["instagram"]) == [
        ("18057715203948211", "2025-02-03", "2025-02-03T09:00:00+07:00", 1877, 2904, 143, 8, 5, 11),
        (
            "18311940287705463",
            "2025-02-17",
            "2025-02-17T17:20:00+07:00",
            11045,
            15660,
            689,
            41,
            73,
            58,
        ),
        (
            "18476203318852907",
            "2025-02-25",
            "2025-02-25T11:10:00+07:00",
            4288,
            6310,
            254,
            19,
            21,
            97,
        ),
    ]


def test_excel_rounded_post_ids_are_refused_naming_row_and_column(office):
    db, _ids = office
    plan = refused(db, "meta_instagram_posts_excel.xlsx")
    assert [(p.row, p.column) for p in plan.problems] == [(2, "Post ID"), (3, "Post ID")]
    assert "17912345678901200" in plan.problems[0].message
    assert "Excel" in plan.problems[0].message


def test_meta_daily_file_utf16_sep_line_title_gives_new_followers_without_inventing_followers(
    office,
):
    db, ids = office
    imported_ok(db, "meta_page_follows_daily.csv")
    days = stored_days(db, ids["facebook"], ("new_followers",))
    assert [d[2] for d in days] == [12, 9, 15, 7, 0, 21, 14, 11, 8, 16]
    assert days[0][:2] == ("2026-08-01", None) and days[-1][0] == "2026-08-10"
    assert all(d[1] is None for d in days)  # no follower count invented
    [row] = [r for r in accounts.table_rows(db, False) if r.account.id == ids["facebook"]]
    assert row.followers is None  # the accounts table still shows no follower figure


def test_meta_stacked_tables_fill_one_day_each_with_its_own_figure(office):
    db, ids = office
    plan = imported_ok(db, "meta_page_stacked.csv")
    assert stored_days(db, ids["facebook"], ("reach", "new_followers")) == [
        ("2026-09-01", None, 1240, 5),
        ("2026-09-02", None, 1875, 8),
        ("2026-09-03", None, 2310, 3),
        ("2026-09-04", None, 990, 0),
        ("2026-09-05", None, 1502, 6),
        ("2026-09-06", None, 4120, 12),
        ("2026-09-07", None, 2688, 9),
    ]
    assert plan.recognised[0].used == {
        "Date": "date",
        "Facebook reach": "reach",
        "Facebook follows": "new_followers",
    }


@pytest.mark.parametrize(
    "name", ["facebook_insights_post_level.csv", "facebook_insights_post_level.xlsx"]
)
def test_older_insights_export_skips_its_description_row_and_repeated_headers(office, name):
    db, ids = office
    imported_ok(db, name)
    columns = ("reach", "impressions", "engagements")
    assert stored_posts(db, ids["facebook"], columns) == [
        (
            "104512345678901_503184276619204",
            "2025-10-01",
            "2025-10-01T21:00:00+07:00",
            2540,
            3918,
            187,
        ),
        (
            "104512345678901_508826104537719",
            "2025-10-15",
            "2025-10-15T08:30:00+07:00",
            6820,
            9410,
            611,
        ),
        (
            "104512345678901_513492870065381",
            "2025-10-28",
            "2025-10-28T14:05:00+07:00",
            1105,
            1477,
            64,
        ),
    ]


# --- X ------------------------------------------------------------------------------------


def test_x_tweet_activity_float_counts_and_utc_times_moved_to_wib(office):
    db, ids = office
    imported_ok(db, "tweet_activity_metrics_kominfocontoh_20251001_20251101_en.csv")
    columns = ("impressions", "reactions", "comments", "shares", "engagements")
    assert stored_posts(db, ids["x"], columns) == [
        ("1973934779398761276", "2025-10-03", "2025-10-03T09:15:00+07:00", 4240, 64, 9, 21, 186),
        # 20:30 +0000 on 14 October is 03:30 WIB on the 15th: the post's day is the 15th
        ("1978196611692429525", "2025-10-15", "2025-10-15T03:30:00+07:00", 12875, 302, 41, 88, 880),
        ("1982735268053798161", "2025-10-27", "2025-10-27T16:05:00+07:00", 906, 11, 1, 2, 29),
    ]


def test_x_content_file_dates_without_time_keep_no_invented_time(office):
    db, ids = office
    imported_ok(db, "account_analytics_content_2026-07-01_2026-07-31.csv")
    columns = ("impressions", "reactions", "comments", "shares", "saves", "engagements")
    assert stored_posts(db, ids["x"], columns) == [
        ("2072492954223549700", "2026-07-02", None, 3120, 58, 6, 15, 4, 141),
        ("2076971212601405234", "2026-07-14", None, 12480, 402, 31, 66, 23, 690),
        ("2081585366433464433", "2026-07-27", None, 5630, 71, 14, 38, 19, 233),
    ]


def test_x_account_overview_gives_daily_figures(office):
    db, ids = office
    imported_ok(db, "account_overview_analytics.csv")
    columns = ("impressions", "engagements", "new_followers", "video_views")
    days = stored_days(db, ids["x"], columns)
    assert days[0] == ("2026-07-01", None, 2210, 96, 3, 120)
    assert days[-1] == ("2026-07-07", None, 3875, 141, 2, 180)
    assert len(days) == 7


# --- YouTube ------------------------------------------------------------------------------

YOUTUBE_VIDEOS = [
    ("Xk3pQ9vLmZ0", "2026-10-03", None, 15230, 1840),
    ("bT7wR2nYq4E", "2026-10-17", None, 40118, 5210),
    ("Jh8_s-2KdPc", "2026-10-29", None, None, 960),  # a Short: impressions "—"
]
YOUTUBE_DAYS = [
    ("2026-10-17", None, 1398),
    ("2026-10-18", None, 1170),
    ("2026-10-19", None, 771),
    ("2026-10-20", None, 460),
    ("2026-10-21", None, 340),
]


def test_youtube_table_data_skips_the_total_row(office):
    db, ids = office
    imported_ok(db, "youtube/Table data.csv")
    assert stored_posts(db, ids["youtube"], ("impressions", "video_views")) == YOUTUBE_VIDEOS
    urls = [r[0] for r in db.query("SELECT url FROM post_metrics ORDER BY date")]
    assert urls[0] == "https://www.youtube.com/watch?v=Xk3pQ9vLmZ0"


@pytest.mark.parametrize("name", ["youtube_export.zip", "youtube_export_id.zip"])
def test_youtube_zip_reads_its_csvs_and_leaves_per_video_chart_data_out(office, name):
    db, ids = office
    plan = imported_ok(db, name)
    assert stored_posts(db, ids["youtube"], ("impressions", "video_views")) == YOUTUBE_VIDEOS
    assert stored_days(db, ids["youtube"], ("video_views",)) == YOUTUBE_DAYS
    chart = next(f for f in plan.recognised if "iagram" in f.file or "Chart" in f.file)
    assert chart.left_out and not chart.used


def test_a_zip_without_the_expected_csvs_is_refused_naming_each(office):
    db, _ids = office
    plan = refused(db, "youtube_wrong.zip")
    assert sorted(Path(p.file).name for p in plan.problems) == ["kontak.csv", "notes.csv"]


def test_a_zip_without_any_csv_is_refused(office, tmp_path):
    import zipfile

    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "nothing here")
    db, _ids = office
    before = everything(db)
    plan = importing.plan(db, [path])
    [problem] = plan.problems
    assert "CSV" in problem.message and problem.file == str(path)
    assert everything(db) == before


# --- TikTok -------------------------------------------------------------------------------


def test_tiktok_overview_year_inferred_across_the_year_end_and_engagements_summed(office):
    db, ids = office
    imported_ok(db, "tiktok/Overview.csv")
    days = stored_days(db, ids["tiktok"], ("video_views", "engagements"))
    assert [d[0] for d in days] == [
        "2025-12-28",
        "2025-12-29",
        "2025-12-30",
        "2025-12-31",
        "2026-01-01",
        "2026-01-02",
        "2026-01-03",
        "2026-01-04",
        "2026-01-05",
        "2026-01-06",
    ]
    assert days[0] == ("2025-12-28", None, 1203, 88 + 6 + 3)  # likes + comments + shares
    assert days[3] == ("2025-12-31", None, 38950, 2130 + 151 + 280)


def test_tiktok_follower_history_leaves_an_undefined_day_out(office):
    db, ids = office
    plan = imported_ok(db, "tiktok/FollowerHistory.csv")
    days = stored_days(db, ids["tiktok"], ())
    assert "2026-01-01" not in [d[0] for d in days]  # `undefined`: no figure, not 0
    assert days[0] == ("2025-12-28", 10412) and days[-1] == ("2026-01-06", 10625)
    assert len(plan.skipped) == 1


def test_tiktok_dates_out_of_order_cannot_be_given_a_year(office):
    db, _ids = office
    plan = refused(db, "bad/tiktok_overview_noyear_unordered.csv")
    [problem] = plan.problems
    assert problem.row is None and "TikTok Studio" in problem.message


@pytest.mark.parametrize("name", ["tiktok/content.csv", "tiktok/content.xlsx"])
def test_tiktok_content_ids_come_from_the_video_links(office, name):
    db, ids = office
    imported_ok(db, name)
    columns = ("reactions", "comments", "shares", "video_views")
    assert stored_posts(db, ids["tiktok"], columns) == [
        ("7589109288291537122", "2025-12-29", "2025-12-29T10:00:00+07:00", 412, 37, 29, 8930),
        ("7590044731174860708", "2025-12-31", "2025-12-31T22:30:00+07:00", 2604, 188, 341, 61207),
        ("7591803521761263833", "2026-01-05", "2026-01-05T16:15:00+07:00", 158, 22, 11, 3488),
    ]


# --- the same file twice, matching, bad input ---------------------------------------------


def test_the_same_file_twice_changes_nothing(office):
    db, _ids = office
    imported_ok(db, "meta_facebook_posts.csv")
    imported_ok(db, "meta_page_stacked.csv")
    before = everything(db)
    plan = importing.plan(
        db, [FIXTURES / "meta_facebook_posts.csv", FIXTURES / "meta_page_stacked.csv"]
    )
    assert plan.ok and not plan.something
    assert (plan.post_unchanged, plan.unchanged) == (4, 7)
    importing.write(db, plan)
    assert everything(db) == before


def test_a_later_export_updates_the_posts_lifetime_figures_in_place(office, tmp_path):
    db, ids = office
    imported_ok(db, "meta_instagram_posts.csv")
    later = tmp_path / "later.csv"
    later.write_bytes(
        (FIXTURES / "meta_instagram_posts.csv").read_bytes().replace(b'"3,480"', b'"3,990"')
    )
    plan = importing.plan(db, [later])
    assert [(r.post_id, d) for r, d in plan.post_changes] == [
        ("17912345678901234", {"impressions": (3480, 3990)})
    ]
    importing.write(db, plan)
    assert db.query("SELECT count(*) FROM post_metrics")[0][0] == 3


def test_posts_match_planned_variants_by_link_or_by_day_and_text(office):
    db, ids = office
    by_link = posts.add_variant(
        db,
        posts.create(db, "Akta kelahiran").id,
        ids["instagram"],
        url="https://instagram.com/p/DQa1bCdEfGh",
    )
    by_text = posts.add_variant(
        db,
        posts.create(db, "Festival").id,
        ids["instagram"],
        planned_at="2026-10-29T18:00:00",
        text="  LIPUTAN festival   budaya kota contoh",
    )
    plan = importing.plan(db, [FIXTURES / "meta_instagram_posts.csv"])
    found = {r.post_id: (r.variant_id, r.matched_by) for r in plan.post_adds}
    assert found["18034567890123456"] == (by_link.id, "url")
    assert found["18123456789012345"] == (by_text.id, "text")
    assert found["17912345678901234"] == (None, "")  # published outside the plan
    importing.write(db, plan)
    assert posts.get_variant(db, by_link.id).external_id == "18034567890123456"
    outside = outside_plan.outside_plan(db, "2026-10-01", "2026-10-31", [ids["instagram"]])
    assert "17912345678901234" in [p.post_id for p in outside]
    assert "18034567890123456" not in [p.post_id for p in outside]
    again = importing.plan(db, [FIXTURES / "meta_instagram_posts.csv"])
    assert not again.something  # linked posts stay linked


def test_a_bold_unicode_caption_matches_the_planned_text_on_its_day(office):
    db, ids = office
    variant = posts.add_variant(
        db,
        posts.create(db, "HPV").id,
        ids["facebook"],
        planned_at="2026-10-21T16:00:00",
        text="PENTING! Jadwal vaksinasi HPV gratis untuk siswi",
    )
    plan = importing.plan(db, [FIXTURES / "meta_facebook_posts.csv"])
    matched = {r.post_id: (r.variant_id, r.matched_by) for r in plan.post_adds}
    assert matched["1841127730964251"] == (variant.id, "text")


def test_missing_key_columns_are_named(office):
    db, _ids = office
    plan = refused(db, "bad/meta_posts_missing_key.csv")
    [problem] = plan.problems
    assert "Post ID" in problem.message and "Publish time" in problem.message


def test_a_file_of_one_platform_into_another_platforms_account_is_refused_naming_both(office):
    db, _ids = office
    plan = refused(db, "bad/instagram_as_facebook.csv", account="facebook:diskominfokotacontoh")
    [problem] = plan.problems
    assert "Instagram" in problem.message and "Facebook" in problem.message


def test_a_handle_only_account_on_the_wrong_platform_is_refused(office):
    db, _ids = office
    plan = refused(db, "tiktok/Overview.csv", account="kominfocontoh")
    assert "TikTok" in plan.problems[0].message and "X" in plan.problems[0].message


def test_a_platform_with_several_accounts_asks_whose_file_it_is(office):
    db, _ids = office
    accounts.create(db, platform="tiktok", handle="kedua")
    plan = refused(db, "tiktok/Overview.csv")
    assert plan.needs_account and plan.problems[0].question == "account"
    plan = importing.plan(
        db, [FIXTURES / "tiktok/Overview.csv"], importing.Options(account="tiktok:kedua")
    )
    assert plan.ok and {r.handle for r in plan.adds} == {"kedua"}


def test_forcing_another_platforms_format_names_its_missing_columns(office):
    db, _ids = office
    plan = refused(db, "meta_facebook_posts.csv", format="x")
    assert "X:" in plan.problems[0].message


def test_forcing_the_right_platform_reads_it(office):
    db, ids = office
    imported_ok(db, "tiktok/content.csv", format="tiktok")
    assert len(stored_posts(db, ids["tiktok"])) == 3


def test_a_platform_file_from_excel_with_number_cells_reads_the_same(office, tmp_path):
    """Excel's re-save turns counts and times into cells of their own types."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"])
    sheet.append([dt.datetime(2026, 11, 2), 1500.0, 3, 40, 2, 1])
    sheet.cell(2, 2).number_format = "#,##0"
    path = tmp_path / "Overview.xlsx"
    book.save(path)
    db, ids = office
    imported_ok(db, str(path))
    assert stored_days(db, ids["tiktok"], ("video_views", "engagements")) == [
        ("2026-11-02", None, 1500, 43)
    ]


def test_figures_per_post_export_lists_planned_and_outside_posts(office):
    db, ids = office
    imported_ok(db, "meta_instagram_posts.csv")
    rows = metrics.post_figures(db, "2026-10-10", "2026-10-31")
    assert [(r.post_id, r.values.get("reach"), r.planned_post) for r in rows] == [
        ("18034567890123456", 5904, ""),
        ("18123456789012345", 28316, ""),
    ]


def test_every_fixture_is_read_by_some_format(office):
    """No fixture falls back to Linimasa's own columns (a format would be missing)."""
    db, _ids = office
    names = [
        p.relative_to(FIXTURES).as_posix()
        for p in sorted(FIXTURES.rglob("*"))
        if p.suffix in (".csv", ".xlsx", ".zip") and "bad" not in p.parts and "wrong" not in p.name
    ]
    for name in names:
        plan = importing.plan(db, [FIXTURES / name])
        assert plan.recognised and all(f.format.family for f in plan.recognised), name


def test_copying_a_fixture_under_another_name_reads_the_same(office, tmp_path):
    """Recognised by headers, never by file name."""
    db, ids = office
    copy = tmp_path / "unduhan (1).csv"
    shutil.copy(FIXTURES / "tiktok" / "FollowerHistory.csv", copy)
    imported_ok(db, str(copy))
    assert len(stored_days(db, ids["tiktok"], ())) == 9


def test_a_new_institution_zone_restamps_imported_publication_times(office):
    db, ids = office
    imported_ok(db, "tweet_activity_metrics_kominfocontoh_20251001_20251101_en.csv")
    posts.restamp_times(db, timezone.zone("Asia/Jakarta"), timezone.zone("Asia/Makassar"))
    times = [r[2] for r in stored_posts(db, ids["x"], ("reach",))]
    assert times[0] == "2025-10-03T10:15:00+08:00"  # the same moment, in WITA


def test_daily_figures_into_a_month_with_a_typed_monthly_total_warn_of_counting_twice(office):
    db, ids = office
    metrics.upsert_snapshots(
        db, [{"account_id": ids["x"], "date": "2026-07-31", "followers": 900, "engagements": 4000}]
    )
    plan = importing.plan(db, [FIXTURES / "account_overview_analytics.csv"])
    assert plan.ok  # a warning, not a problem
    [warning] = plan.warnings
    assert "2026-07" in warning.message and "2026-07-31" in warning.message
    importing.write(db, plan)
    again = importing.plan(db, [FIXTURES / "account_overview_analytics.csv"])
    assert len(again.warnings) == 1  # still true: the typed total is still there
    metrics.delete_snapshot(db, ids["x"], "2026-07-31")
    assert not importing.plan(db, [FIXTURES / "account_overview_analytics.csv"]).warnings


def test_followers_after_daily_files_without_followers_import_and_warn_as_before(office):
    """Days without a follower count (TikTok's overview) never stop a followers file."""
    db, ids = office
    imported_ok(db, "tiktok/Overview.csv")
    plan = imported_ok(db, "tiktok/FollowerHistory.csv")
    assert not plan.warnings
    days = stored_days(db, ids["tiktok"], ("video_views",))
    assert days[0] == ("2025-12-28", 10412, 1203)  # both files' figures on one day


# --- found in review: each a user would hit -----------------------------------------------


def test_posts_of_an_account_created_by_the_import_are_written(db, tmp_path):
    path = tmp_path / "ig.csv"
    shutil.copy(FIXTURES / "meta_instagram_posts.csv", path)
    imported_ok(db, str(path), create_accounts=True)
    [account] = accounts.list_all(db)
    assert (account.platform, account.handle) == ("instagram", "diskominfo.contoh")
    assert len(stored_posts(db, account.id)) == 3


@pytest.mark.parametrize(
    ("planned", "posted", "same"),
    [
        ("https://www.facebook.com/watch/?v=1111", "https://facebook.com/watch?v=2222", False),
        ("https://m.facebook.com/permalink.php?story_fbid=3333&id=9", "https://www.facebook.com/permalink.php?id=9&story_fbid=4444", False),
        ("https://www.facebook.com/watch/?v=1111&ref=share", "https://facebook.com/watch?v=1111", True),
        ("https://youtu.be/Xk3pQ9vLmZ0", "https://www.youtube.com/watch?v=Xk3pQ9vLmZ0", True),
        ("https://www.instagram.com/p/DPq7xAbCdEf/?igsh=abc", "https://instagram.com/p/DPq7xAbCdEf", True),
    ],
)  # fmt: skip
def test_links_are_the_same_post_only_when_they_name_the_same_post(planned, posted, same):
    assert (imported.normalise_url(planned) == imported.normalise_url(posted)) is same


def test_ids_excel_rounded_to_fifteen_digits_or_wrote_in_e_notation_are_refused(office, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Post ID", "Page ID", "Page name", "Publish time", "Permalink", "Reach"])
    sheet.append(
        [1829301746552010, 1045, "Diskominfo", "10/03/2026 08:15", "https://fb.com/p/1", 5]
    )
    sheet.append(["1,79123E+16", 1045, "Diskominfo", "10/04/2026 08:15", "https://fb.com/p/2", 6])
    path = tmp_path / "facebook.xlsx"
    book.save(path)
    db, _ids = office
    plan = refused(db, str(path))
    assert [(p.row, p.column) for p in plan.problems] == [(2, "Post ID"), (3, "Post ID")]


def test_a_new_institution_zone_does_not_store_a_post_twice(office):
    db, ids = office
    name = "tweet_activity_metrics_kominfocontoh_20251001_20251101_en.csv"
    imported_ok(db, name)
    from core import settings

    settings.set(db, "institution.timezone", "Asia/Jayapura")
    plan = importing.plan(db, [FIXTURES / name])
    assert not plan.post_adds  # the tweets are known: at most their day moves
    importing.write(db, plan)
    assert db.query("SELECT count(*) FROM post_metrics")[0][0] == 3


def test_day_first_dates_of_an_excel_resaved_meta_file_are_read_day_first(office, tmp_path):
    text = (FIXTURES / "meta_instagram_posts.csv").read_text(encoding="utf-8-sig")
    for us, day_first in (("10/02/2026", "02/10/2026"), ("10/15/2026", "15/10/2026"),
                          ("10/29/2026", "29/10/2026")):  # fmt: skip
        text = text.replace(us, day_first)
    path = tmp_path / "ig.csv"
    path.write_text(text, encoding="utf-8-sig")
    db, ids = office
    imported_ok(db, str(path))
    assert [r[1] for r in stored_posts(db, ids["instagram"])] == [
        "2026-10-02",
        "2026-10-15",
        "2026-10-29",
    ]


def test_a_link_match_wins_over_a_text_match_whatever_the_order(office, tmp_path):
    db, ids = office
    variant = posts.add_variant(
        db,
        posts.create(db, "Akta").id,
        ids["instagram"],
        text="5 langkah mengurus akta kelahiran anak di Kota Contoh",
        planned_at="2026-10-02T07:30:00",
        url="https://www.instagram.com/p/DQa1bCdEfGh/",
    )
    text = (FIXTURES / "meta_instagram_posts.csv").read_text(encoding="utf-8-sig")
    # the first post (2 October) now has the variant's text, another post its link
    text = text.replace(
        "Selamat pagi, warga Kota Contoh!", "5 langkah mengurus akta kelahiran anak di Kota Contoh"
    )
    path = tmp_path / "ig.csv"
    path.write_text(text, encoding="utf-8-sig")
    plan = importing.plan(db, [path])
    matched = {r.post_id: (r.variant_id, r.matched_by) for r in plan.post_adds}
    assert matched["18034567890123456"] == (variant.id, "url")
    assert matched["17912345678901234"] == (None, "")


@pytest.mark.parametrize(
    ("title", "field"),
    [
        ("Facebook follows", "new_followers"),
        ("Instagram followers", "followers"),
        ("Facebook Page views", None),
        ("Facebook 3-second video views", "video_views"),
        ("Instagram reach", "reach"),
        ("Facebook unfollows", None),
    ],
)
def test_meta_daily_tables_keep_each_figure_as_what_it_is(title, field):
    from core.importing.platforms import _meta_daily_metric

    assert _meta_daily_metric(title)[1] == field


def test_the_account_chosen_wins_over_the_files_username_and_says_so(office):
    db, ids = office
    other = accounts.create(db, platform="instagram", handle="akun.baru").id
    plan = importing.plan(
        db,
        [FIXTURES / "meta_instagram_posts.csv"],
        importing.Options(account="instagram:akun.baru"),
    )
    assert plan.ok and {r.account_id for r in plan.post_adds} == {other}
    [warning] = plan.warnings
    assert "diskominfo.contoh" in warning.message


def test_insights_post_stories_give_reactions_comments_shares_and_video_views(office):
    db, ids = office
    imported_ok(db, "facebook_insights_post_level.csv")
    columns = ("reactions", "comments", "shares", "video_views")
    assert [r[3:] for r in stored_posts(db, ids["facebook"], columns)][:2] == [
        (102, 15, 9, None),
        (268, 41, 63, 2875 + 612),  # organic + paid, total counts
    ]


def test_a_daily_figure_replacing_one_typed_on_that_day_warns(office):
    db, ids = office
    metrics.upsert_snapshots(
        db, [{"account_id": ids["x"], "date": "2026-07-01", "followers": 900, "impressions": 42950}]
    )
    plan = importing.plan(db, [FIXTURES / "account_overview_analytics.csv"])
    [warning] = plan.warnings
    assert "42950" in warning.message and "2210" in warning.message
