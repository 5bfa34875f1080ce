"""The leadership report's content: the summary's sentences in both languages (growth, decline,
no change, no data, a start read from a later date), the tables and their totals, the sections
chosen, the scope, and the brief's figures from the demo."""

import datetime as dt
import threading

import pytest

from core import accounts, i18n, kpis, metrics, pillars, posts, report, units
from core.errors import ValidationError
from core.report import Chart, Cover, Heading, Paragraph, ReportOptions, Table

JAN, AUG = dt.date(2019, 1, 1), dt.date(2019, 8, 31)
TODAY = dt.date(2026, 11, 28)


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


def build(db, *sections, language="id", **options):
    return report.build(
        db,
        ReportOptions(
            options.pop("start", JAN),
            options.pop("end", AUG),
            language=language,
            sections=frozenset(sections or report.SECTIONS),
            today=TODAY,
            **options,
        ),
    )


def leads(built) -> list[str]:
    return [b.text for b in built.blocks if isinstance(b, Paragraph) and b.style == "lead"]


def notes(built) -> list[str]:
    return [b.text for b in built.blocks if isinstance(b, Paragraph) and b.style == "note"]


def tables(built) -> list[Table]:
    return [b for b in built.blocks if isinstance(b, Table)]


def text_of(built) -> str:
    parts = []
    for block in built.blocks:
        if isinstance(block, Table):
            parts += [*block.columns, *(cell for row in block.rows for cell in row)]
        elif isinstance(block, Cover):
            parts += [block.title, block.institution, block.unit, block.period, block.prepared]
        elif isinstance(block, Heading | Paragraph):
            parts.append(block.text)
    return "\n".join(parts)


@pytest.fixture
def instagram(db):
    return accounts.create(db, "instagram", "bmsn_ri", "BMSN RI")


# --- the summary's sentences -------------------------------------------------------------


def test_growth_reads_as_the_brief_wrote_it_with_the_engagement_rate(db, instagram):
    snap(db, instagram, ("2019-01-01", 52300), ("2019-08-01", 76670, 161))
    assert leads(build(db, "summary")) == [
        "Hingga Agustus 2019, pengikut Instagram mencapai 76.670 akun, bertambah 24.370 (46,6%) "
        "sejak Januari 2019. Tingkat interaksi 0,21%, di bawah rata-rata acuan 2,15%."
    ]
    assert leads(build(db, "summary", language="en")) == [
        "By August 2019, Instagram had 76,670 followers, up 24,370 (46.6%) since January 2019. "
        "Engagement rate 0.21%, below the benchmark average of 2.15%."
    ]


def test_decline_reads_berkurang_and_a_rate_above_the_benchmark_says_so(db):
    facebook = accounts.create(db, "facebook", "bmsn.ri", "BMSN RI")
    snap(db, facebook, ("2019-01-01", 9087), ("2019-08-01", 8470, 254))
    assert leads(build(db, "summary")) == [
        "Hingga Agustus 2019, pengikut Facebook tercatat 8.470 akun, berkurang 617 (6,8%) sejak "
        "Januari 2019. Tingkat interaksi 3,00%, di atas rata-rata acuan 2,15%."
    ]
    assert leads(build(db, "summary", language="en")) == [
        "By August 2019, Facebook had 8,470 followers, down 617 (6.8%) since January 2019. "
        "Engagement rate 3.00%, above the benchmark average of 2.15%."
    ]


def test_no_change_and_no_engagement_figure(db, instagram):
    snap(db, instagram, ("2019-01-01", 52300), ("2019-08-01", 52300))
    assert leads(build(db, "summary")) == [
        "Hingga Agustus 2019, pengikut Instagram tercatat 52.300 akun, tidak berubah sejak "
        "Januari 2019. Belum ada angka tingkat interaksi untuk periode ini."
    ]
    assert leads(build(db, "summary", language="en")) == [
        "By August 2019, Instagram had 52,300 followers, unchanged since January 2019. "
        "There is no engagement rate for this period."
    ]


def test_an_account_without_figures_says_there_is_no_data(db, instagram):
    youtube = accounts.create(db, "youtube", "bmsnri", "BMSN RI")
    snap(db, youtube, ("2019-09-01", 905))  # only after the period
    assert leads(build(db, "summary")) == [
        "Belum ada data pengikut Instagram untuk periode ini.",
        "Belum ada data pelanggan YouTube untuk periode ini.",
    ]
    assert leads(build(db, "summary", language="en")) == [
        "There are no follower figures for Instagram for this period yet.",
        "There are no subscriber figures for YouTube for this period yet.",
    ]


def test_a_start_read_from_a_later_date_is_named_in_a_footnote(db, instagram):
    snap(db, instagram, ("2019-02-03", 60000), ("2019-08-01", 76670))
    built = build(db, "summary")
    assert leads(built)[0].startswith(
        "Hingga Agustus 2019, pengikut Instagram mencapai 76.670 akun, bertambah 16.670 (27,8%) "
        "sejak Februari 2019."
    )
    assert notes(built) == [
        "Angka awal Instagram per 3 Februari 2019, karena belum ada data pada awal periode."
    ]
    assert notes(build(db, "summary", language="en")) == [
        "Starting figure for Instagram as of 3 February 2019: there is no figure at the start "
        "of the period."
    ]


def test_several_accounts_one_sentence_each_named_by_handle_on_a_shared_platform(db, instagram):
    regional = accounts.create(db, "instagram", "bmsn_timur", "BLS Timur")
    youtube = accounts.create(db, "youtube", "bmsnri", "BMSN RI")
    snap(db, instagram, ("2019-01-01", 52300), ("2019-08-01", 76670))
    snap(db, regional, ("2019-01-01", 1480), ("2019-08-01", 1936))
    snap(db, youtube, ("2019-01-01", 692), ("2019-08-01", 905))
    sentences = [lead.split(". ")[0] + "." for lead in leads(build(db, "summary"))]
    assert sentences == [
        "Hingga Agustus 2019, pengikut Instagram @bmsn_ri mencapai 76.670 akun, bertambah "
        "24.370 (46,6%) sejak Januari 2019.",
        "Hingga Agustus 2019, pengikut Instagram @bmsn_timur mencapai 1.936 akun, bertambah "
        "456 (30,8%) sejak Januari 2019.",
        "Hingga Agustus 2019, pelanggan YouTube mencapai 905 akun, bertambah 213 (30,8%) sejak "
        "Januari 2019.",
    ]
    english = [lead.split(". ")[0] + "." for lead in leads(build(db, "summary", language="en"))]
    assert english[2] == (
        "By August 2019, YouTube had 905 subscribers, up 213 (30.8%) since January 2019."
    )


def test_one_figure_in_the_period_is_not_called_unchanged(db, instagram):
    snap(db, instagram, ("2026-11-01", 163112))
    built = build(db, "summary", start=dt.date(2026, 11, 1), end=dt.date(2026, 11, 30))
    assert leads(built)[0].startswith(
        "Per 1 November 2026, pengikut Instagram tercatat 163.112 akun; tidak ada angka lain "
        "dalam periode ini."
    )


def test_the_report_language_does_not_follow_or_change_the_window_language(db, instagram):
    snap(db, instagram, ("2019-01-01", 52300), ("2019-08-01", 76670))
    i18n.set_language("en")
    built = build(db, "summary", language="id")
    assert built.title == "Laporan Media Sosial" and "bertambah 24.370" in leads(built)[0]
    assert i18n.current_language() == "en" and i18n._("Followers") == "Followers"


def test_language_context_is_restored_after_an_error_and_stays_on_its_thread():
    seen = []
    with pytest.raises(RuntimeError), i18n.language_context("en"):
        other = threading.Thread(target=lambda: seen.append(i18n._("Followers")))
        other.start()
        other.join()
        seen.append(i18n._("Followers"))
        raise RuntimeError
    assert seen == ["Pengikut", "Followers"]
    assert i18n._("Followers") == "Pengikut"


# --- cover, period, scope ----------------------------------------------------------------


def test_cover_names_the_institution_scope_period_and_who_prepared_it(db, instagram):
    from core import settings

    settings.set(db, "institution.name", "Badan Mutu Standar Nasional")
    cover = build(db, "summary", prepared_by="Rina").blocks[0]
    assert cover == Cover(
        "Laporan Media Sosial",
        "Badan Mutu Standar Nasional",
        "Seluruh instansi",
        "1 Januari – 31 Agustus 2019",
        "Disusun 28 November 2026 oleh Rina",
        None,
    )
    english = build(db, "summary", language="en", title="Laporan Triwulan").blocks[0]
    assert (english.title, english.unit, english.prepared) == (
        "Laporan Triwulan",
        "Whole institution",
        "Prepared on 28 November 2026",
    )


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        ("2019-08-01", "2019-08-31", "Agustus 2019"),
        ("2019-01-01", "2019-08-31", "1 Januari – 31 Agustus 2019"),
        ("2019-08-05", "2019-08-20", "5–20 Agustus 2019"),
        ("2019-12-01", "2020-01-31", "1 Desember 2019 – 31 Januari 2020"),
        ("2019-08-07", "2019-08-07", "7 Agustus 2019"),
    ],
)
def test_period_text(start, end, text):
    assert report.period_text(dt.date.fromisoformat(start), dt.date.fromisoformat(end)) == text


def test_scope_is_a_unit_with_its_sub_units_or_chosen_accounts_never_peers(db, instagram):
    bureau = units.create(db, "Biro Humas")
    section = units.create(db, "Subbagian Media", parent_id=bureau.id)
    other = units.create(db, "Balai Timur")
    inside = accounts.create(db, "x", "bmsn_ri", unit_id=section.id)
    outside = accounts.create(db, "facebook", "bmsn.timur", unit_id=other.id)
    peer = accounts.create(db, "instagram", "nsb_official", peer=True)
    archived = accounts.create(db, "tiktok", "bmsn_lama", unit_id=bureau.id)
    accounts.set_archived(db, archived.id, True)

    def ids(**kw):
        return [a.id for a in report.scope_accounts(db, **kw)]

    assert ids() == [outside.id, instagram.id, inside.id]
    assert ids(unit_id=bureau.id) == [inside.id]
    assert ids(account_ids=[inside.id, peer.id, archived.id]) == [inside.id, archived.id]
    cover = build(db, "summary", unit_id=bureau.id).blocks[0]
    assert cover.unit == "Biro Humas"


def test_end_before_start_is_refused():
    with pytest.raises(ValidationError) as info:
        report.build(None, ReportOptions(AUG, JAN))
    assert info.value.field == "end"


def test_a_period_without_figures_or_posts_has_no_data(db, instagram):
    snap(db, instagram, ("2019-01-01", 52300))
    assert build(db, start=dt.date(2019, 3, 1), end=dt.date(2019, 3, 31)).has_data is False
    assert build(db).has_data is True


# --- tables ------------------------------------------------------------------------------


def number(text: str) -> int:
    return int(text.rstrip("*").replace(".", "").replace("+", "").replace("−", "-"))


def test_follower_table_totals_add_up_per_platform_and_overall(db, instagram):
    regional = accounts.create(db, "instagram", "bmsn_timur")
    facebook = accounts.create(db, "facebook", "bmsn.ri")
    accounts.create(db, "youtube", "bmsnri")  # no figures at all
    snap(db, instagram, ("2019-01-01", 52300), ("2019-08-01", 76670))
    snap(db, regional, ("2019-02-03", 1480), ("2019-08-01", 1936))
    snap(db, facebook, ("2019-01-01", 9087), ("2019-08-01", 8470))
    built = build(db, "followers")
    (table,) = tables(built)
    assert table.columns == ("Akun", "Platform", "Awal", "Akhir", "Perubahan", "Perubahan (%)")
    rows = {row[0]: row for row in table.rows}
    assert rows["bmsn.ri"] == ("bmsn.ri", "Facebook", "9.087", "8.470", "−617", "−6,8%")
    assert rows["@bmsn_timur"][2] == "1.480*"
    assert rows["bmsnri"][2:] == ("–", "–", "–", "–")
    assert rows["Jumlah Instagram"] == (
        "Jumlah Instagram",
        "",
        "53.780",
        "78.606",
        "+24.826",
        "+46,2%",
    )
    assert rows["Jumlah"][2:5] == ("62.867", "87.076", "+24.209")
    assert [table.rows[i][0] for i in sorted(table.totals)] == ["Jumlah Instagram", "Jumlah"]
    accounts_rows = [r for i, r in enumerate(table.rows) if i not in table.totals and r[2] != "–"]
    for column in (2, 3, 4):
        assert sum(number(r[column]) for r in accounts_rows) == number(rows["Jumlah"][column])
    assert table.right == frozenset({2, 3, 4, 5})
    assert "* Angka awal Instagram @bmsn_timur per 3 Februari 2019" in "\n".join(notes(built))
    assert "Belum ada data pengikut untuk periode ini: YouTube." in notes(built)


def test_engagement_table_compares_with_benchmark_and_target(db, instagram):
    from core import figures

    snap(db, instagram, ("2019-01-01", 52300), ("2019-08-01", 76670, 1650))
    figures.set_target(db, instagram.id, 0.03)
    (table,) = tables(build(db, "engagement"))
    assert table.rows == (
        (
            "Instagram @bmsn_ri",
            "2,15%",
            "2,15%",
            "3,00%",
            "Sama dengan acuan; target belum tercapai",
        ),
    )


def test_charts_are_indexed_when_accounts_differ_more_than_tenfold(db, instagram):
    youtube = accounts.create(db, "youtube", "bmsnri")
    x = accounts.create(db, "x", "bmsn_ri")
    snap(db, instagram, ("2019-01-01", 52300), ("2019-08-01", 76670))
    snap(db, youtube, ("2019-01-01", 692), ("2019-08-01", 905))
    snap(db, x, ("2019-01-01", 9900), ("2019-08-01", 13300))
    charts = [b for b in build(db, "charts").blocks if isinstance(b, Chart)]
    assert [(c.spec.kind, c.spec.indexed) for c in charts] == [
        ("followers", True),
        ("growth", False),
    ]
    assert set(charts[0].spec.account_ids) == {instagram.id, youtube.id, x.id}
    close = [
        b
        for b in build(db, "charts", account_ids=(instagram.id, x.id)).blocks
        if isinstance(b, Chart)
    ]
    assert close[0].spec.indexed is False
    assert report.should_index([100, 1001]) and not report.should_index([100, 1000])


def test_output_counts_plan_and_realisation_per_account_and_pillar(db, instagram):
    x = accounts.create(db, "x", "bmsn_ri")
    edukasi = pillars.add_pillar(db, "Edukasi Mutu")

    def variant(title, account, status, day, pillar=None, **figures):
        post = posts.create(db, title, pillar_id=pillar)
        when = f"{day}T09:00"
        found = posts.add_variant(
            db, post.id, account.id, "", status, when, when if status == "published" else None
        )
        if figures:
            metrics.upsert_post_metrics(
                db, [{"variant_id": found.id, "account_id": account.id, "date": day, **figures}]
            )

    variant("Infografis SNI", instagram, "published", "2019-03-01", edukasi.id, reactions=500)
    variant("Kuis Jumat", instagram, "published", "2019-03-08", None, reactions=90, comments=40)
    variant("Ucapan", instagram, "cancelled", "2019-04-01", edukasi.id)
    variant("Utas standar", x, "scheduled", "2019-08-30")
    variant("Lama", x, "published", "2018-12-31", reactions=9999)  # before the period
    built = build(db, "output")
    per_account, per_pillar, top = tables(built)
    assert per_account.rows == (
        ("Instagram @bmsn_ri", "3", "2", "1", "67%"),
        ("X @bmsn_ri", "1", "0", "0", "0%"),
        ("Jumlah", "4", "2", "1", "50%"),
    )
    assert per_account.totals == frozenset({2})
    assert per_pillar.rows == (
        ("Edukasi Mutu", "2", "1", "1", "50%"),
        ("Tanpa pilar", "2", "1", "0", "50%"),
    )
    assert top.rows == (
        ("Infografis SNI", "Instagram @bmsn_ri", "1 Mar 2019", "500"),
        ("Kuis Jumat", "Instagram @bmsn_ri", "8 Mar 2019", "130"),
    )


def test_posts_published_outside_the_plan_get_a_column_and_join_the_top_posts(db, instagram):
    post = posts.create(db, "Infografis SNI")
    variant = posts.add_variant(
        db, post.id, instagram.id, "", "published", "2019-03-01T09:00", "2019-03-01T09:00"
    )
    metrics.upsert_post_metrics(
        db,
        [
            {"variant_id": variant.id, "account_id": instagram.id, "date": "2019-03-01",
             "reactions": 500},
            {"account_id": instagram.id, "external_post_id": "1790001", "date": "2019-03-05",
             "caption": "KLARIFIKASI: pesan berantai itu tidak benar.\nLayanan tetap buka.",
             "reactions": 700, "shares": 120, "source": "import"},
            {"account_id": instagram.id, "external_post_id": "1790002", "date": "2019-09-05",
             "reactions": 9000, "source": "import"},  # after the period
        ],
    )  # fmt: skip
    built = build(db, "output")
    per_account, _per_pillar, top = tables(built)
    assert per_account.columns[-1] == "Di luar rencana"
    assert per_account.rows == (("Instagram @bmsn_ri", "1", "1", "0", "100%", "1"),)
    assert top.rows[0] == (
        "KLARIFIKASI: pesan berantai itu tidak benar. (di luar rencana)",
        "Instagram @bmsn_ri",
        "5 Mar 2019",
        "820",
    )
    assert any("Di luar rencana" in note for note in notes(built))


def test_output_has_no_outside_column_when_no_post_was_published_outside_the_plan(db, instagram):
    post = posts.create(db, "Infografis SNI")
    posts.add_variant(
        db, post.id, instagram.id, "", "published", "2019-03-01T09:00", "2019-03-01T09:00"
    )
    per_account = tables(build(db, "output"))[0]
    assert len(per_account.columns) == 5


def test_output_without_posts_or_post_figures_says_so(db, instagram):
    assert "Tidak ada unggahan yang direncanakan atau diterbitkan pada periode ini." in text_of(
        build(db, "output")
    )
    post = posts.create(db, "Tanpa angka")
    posts.add_variant(
        db, post.id, instagram.id, "", "published", "2019-05-01T09:00", "2019-05-01T09:00"
    )
    assert "Belum ada data kinerja unggahan untuk periode ini." in text_of(build(db, "output"))


def test_kpi_table_shows_target_realisation_percent_and_status(db, instagram):
    snap(db, instagram, ("2019-01-01", 52300), ("2019-08-01", 76670))
    kpis.create(
        db, JAN, AUG, "Pertumbuhan pengikut", "outcome", "follower_growth", 20000, "pengikut"
    )
    kpis.create(db, JAN, AUG, "Sebutan media", "impact", "manual", 12, "berita")
    (table,) = tables(build(db, "kpi"))
    assert table.columns == ("Indikator", "Tingkat", "Target", "Realisasi", "%", "Status")
    assert table.rows == (
        ("Pertumbuhan pengikut", "Hasil", "20.000 pengikut", "24.370 pengikut", "122%", "Tercapai"),
        ("Sebutan media", "Dampak", "12 berita", "–", "–", "Belum ada data"),
    )
    assert "Belum ada indikator kinerja" in text_of(
        build(db, "kpi", start=dt.date(2019, 9, 1), end=dt.date(2019, 9, 30))
    )


def test_only_the_chosen_sections_appear_in_order(db, instagram):
    snap(db, instagram, ("2019-01-01", 52300), ("2019-08-01", 76670))
    headings = [b.text for b in build(db, "security", "summary").blocks if isinstance(b, Heading)]
    assert headings == ["Ringkasan", "Keamanan akun"]
    with pytest.raises(ValidationError):
        build(db, "weather")


def test_security_lists_the_accounts_in_scope_with_the_badge_word(db, instagram):
    accounts.create(db, "instagram", "nsb_official", peer=True)
    (table,) = tables(build(db, "security"))
    assert table.rows == (("Instagram @bmsn_ri", "Belum diperiksa", "Belum ada yang dicatat"),)


def test_guidelines_section_counts_the_checklist_and_lists_overrides_with_reasons(demo_db):
    from core import guidelines, periods

    override = guidelines.compliance(demo_db, dt.date(2000, 1, 1), dt.date(2100, 1, 1)).overrides[0]
    start, end = periods.month(override.published_on.year, override.published_on.month)
    built = build(demo_db, "guidelines", start=start, end=end)
    counts, listed = tables(built)
    total = counts.rows[-1]
    assert total[0] == "Semua akun" and int(total[3]) >= 1
    assert int(total[1].replace(".", "")) == sum(
        int(r[1].replace(".", "")) for r in counts.rows[:-1]
    )
    assert any(override.reason in row[3] and override.post_title in row[1] for row in listed.rows)


def test_guidelines_section_of_a_quiet_period_says_nothing_was_published(db, instagram):
    built = build(db, "guidelines")
    assert tables(built) == []
    assert "Tidak ada yang diterbitkan pada periode ini." in text_of(built)


# --- the demo ----------------------------------------------------------------------------


def test_demo_report_carries_the_brief_figures(demo_db):
    built = build(demo_db)
    text = text_of(built)
    assert "76.670" in text and "24.370" in text
    assert (
        "Hingga Agustus 2019, pengikut Instagram @bmsn_ri mencapai 76.670 akun, bertambah 24.370 "
        "(46,6%) sejak Januari 2019." in text
    )
    assert built.has_data and built.period == "1 Januari – 31 Agustus 2019"
