"""The report's "Units compared" section: one row per unit's own accounts (followers at the end,
their change, posts published, accounts below the engagement benchmark, accounts without
2FA), sub-units indented under their unit, a totals row; only when the scope holds accounts of
two or more units."""

import datetime as dt

import pytest

from core import accounts, metrics, posts, report, security, units
from core.report import Heading, ReportOptions, Table

JAN, AUG = dt.date(2019, 1, 1), dt.date(2019, 8, 31)
TODAY = dt.date(2019, 9, 2)
INDENT = "\u2003"


def snap(db, account, *rows):
    """rows: (date, followers) or (date, followers, engagements)."""
    metrics.upsert_snapshots(
        db,
        [
            {
                "account_id": account.id,
                "date": row[0],
                "followers": row[1],
                **({"engagements": row[2]} if len(row) > 2 else {}),
            }
            for row in rows
        ],
    )


def publish(db, account, day, status="published"):
    post = posts.create(db, f"Unggahan {day}")
    when = f"{day}T09:00"
    posts.add_variant(
        db, post.id, account.id, "", status, when, when if status == "published" else None
    )


def build(db, *sections, language="en", **options):
    return report.build(
        db,
        ReportOptions(
            JAN,
            AUG,
            language=language,
            sections=frozenset(sections or report.SECTIONS),
            today=TODAY,
            **options,
        ),
    )


def compared(built) -> Table | None:
    """The table under the "Units compared" heading, None without that heading."""
    blocks = list(built.blocks)
    for index, block in enumerate(blocks):
        if isinstance(block, Heading) and block.text in ("Units compared", "Perbandingan unit"):
            return blocks[index + 1]
    return None


@pytest.fixture
def institution(db):
    """A bureau with a sub-unit, a regional office, and one account of ours in none of them.

    - Biro Humas, Instagram: 1,000 -> 1,200 followers, 60 engagements in August (5.00%,
      above 2.15%), 2FA on; two posts published, one planned, one cancelled.
    - Subbagian Media (under Biro Humas), Facebook: 500 -> 450, 4 engagements (0.89%,
      below), 2FA off; one post published.
    - Balai Timur, X: 0 -> 100 (no percentage from 0), no engagements; no checklist.
    - No unit, YouTube: no figures at all.
    """
    biro = units.create(db, "Biro Humas")
    media = units.create(db, "Subbagian Media", parent_id=biro.id)
    balai = units.create(db, "Balai Timur")
    instagram = accounts.create(db, "instagram", "biro", unit_id=biro.id)
    facebook = accounts.create(db, "facebook", "media", unit_id=media.id)
    x = accounts.create(db, "x", "balai", unit_id=balai.id)
    accounts.create(db, "youtube", "tanpaunit")
    accounts.create(db, "instagram", "tetangga", peer=True)  # a peer: never compared
    snap(db, instagram, ("2019-01-01", 1000), ("2019-08-31", 1200, 60))
    snap(db, facebook, ("2019-01-01", 500), ("2019-08-31", 450, 4))
    snap(db, x, ("2019-01-01", 0), ("2019-08-31", 100))
    publish(db, instagram, "2019-03-01")
    publish(db, instagram, "2019-05-01")
    publish(db, instagram, "2019-06-01", "scheduled")
    publish(db, instagram, "2019-07-01", "cancelled")
    publish(db, instagram, "2018-12-31")  # before the period
    publish(db, facebook, "2019-04-01")
    security.save(db, security.Checklist(instagram.id, two_factor=True), today=TODAY)
    security.save(db, security.Checklist(facebook.id, two_factor=False), today=TODAY)
    return {"biro": biro, "media": media, "balai": balai, "instagram": instagram, "x": x}


def test_each_unit_has_a_row_of_its_own_accounts_and_the_totals_add_up(db, institution):
    table = compared(build(db, "units"))
    assert table.columns == (
        "Unit",
        "Followers",
        "Change",
        "Change (%)",
        "Published",
        "Engagement below benchmark",
        "Without 2FA",
    )
    assert table.rows == (
        ("Balai Timur", "100", "+100", "–", "0", "–", "0"),
        ("Biro Humas", "1,200", "+200", "+20.0%", "2", "0 of 1", "0"),
        (f"{INDENT}Subbagian Media", "450", "−50", "−10.0%", "1", "1 of 1", "1"),
        ("No unit", "–", "–", "–", "0", "–", "0"),
        ("Total", "1,750", "+250", "+16.7%", "3", "1 of 2", "1"),
    )
    assert table.totals == frozenset({4})


def test_accounts_without_a_checklist_are_named_in_a_note_not_counted(db, institution):
    text = "\n".join(b.text for b in build(db, "units").blocks if hasattr(b, "text"))
    assert "2 accounts have no security checklist recorded yet" in text


def test_the_numbers_read_in_indonesian(db, institution):
    table = compared(build(db, "units", language="id"))
    assert table.rows[1][:5] == ("Biro Humas", "1.200", "+200", "+20,0%", "2")
    assert table.rows[-1][0] == "Jumlah"


def test_a_unit_with_sub_units_is_compared_with_them_and_nothing_above_it(db, institution):
    table = compared(build(db, "units", unit_id=institution["biro"].id))
    assert [row[0] for row in table.rows] == ["Biro Humas", f"{INDENT}Subbagian Media", "Total"]
    assert table.rows[-1][1:3] == ("1,650", "+150")


def test_a_unit_without_accounts_of_its_own_heads_its_sub_units_rows(db, institution):
    """The bureau's own account is archived: its row stays, empty, above its sub-unit's."""
    accounts.set_archived(db, institution["instagram"].id, True)
    table = compared(build(db, "units"))
    assert table.rows[1] == ("Biro Humas", "", "", "", "", "", "")
    assert table.rows[2][0] == f"{INDENT}Subbagian Media"
    assert table.rows[-1][1] == "550"


def test_no_comparison_within_one_unit(db, institution):
    built = build(db, "units", unit_id=institution["balai"].id)
    assert compared(built) is None
    assert [b for b in built.blocks if isinstance(b, Table)] == []


def test_chosen_accounts_of_two_units_are_compared(db, institution):
    chosen = (institution["instagram"].id, institution["x"].id)
    table = compared(build(db, "units", account_ids=chosen))
    assert [row[0] for row in table.rows] == ["Balai Timur", "Biro Humas", "Total"]


def test_the_section_follows_engagement_and_can_be_left_out(db, institution):
    headings = [b.text for b in build(db).blocks if isinstance(b, Heading) and b.level == 1]
    assert headings.index("Units compared") == headings.index("Engagement rate") + 1
    assert headings.index("Units compared") < headings.index("Output: plan and realisation")
    assert compared(build(db, "summary", "followers")) is None


def test_compares_units_counts_accounts_of_no_unit_as_one_more(db, institution):
    ours = report.scope_accounts(db)
    assert report.compares_units(ours)
    assert not report.compares_units(report.scope_accounts(db, institution["balai"].id))
    assert report.compares_units([a for a in ours if a.unit_id in (None, institution["balai"].id)])


def test_the_demo_compares_the_bureau_with_the_regional_office(demo_db):
    built = report.build(
        demo_db,
        ReportOptions(dt.date(2026, 1, 1), dt.date(2026, 11, 25), today=dt.date(2026, 11, 25)),
    )
    table = compared(built)
    names = [row[0] for row in table.rows]
    assert names == ["Balai Layanan Standar Wilayah Timur", "Biro Hubungan Masyarakat", "Jumlah"]
    followers = [int(row[1].replace(".", "")) for row in table.rows]
    assert followers[-1] == sum(followers[:-1])
    published = [int(row[4].replace(".", "")) for row in table.rows]
    assert published[-1] == sum(published[:-1]) > 0
