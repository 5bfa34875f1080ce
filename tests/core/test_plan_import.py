"""core.plan_import: a content plan from a spreadsheet, checked row by row, written all or
nothing; statuses, grouping into posts, accounts, pillars, duplicates, dates."""

from __future__ import annotations

import pytest

from core import accounts, pillars, plan_import, posts
from core.errors import UsageError


@pytest.fixture
def team(db):
    made = {
        name: accounts.create(db, platform=name.split(":")[0], handle=name.split(":")[1])
        for name in ("instagram:bmsn_ri", "facebook:bmsn.ri", "x:bmsn_ri", "youtube:bmsnri")
    }
    return {name: account.id for name, account in made.items()}


def write_csv(tmp_path, text, name="rencana.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def dump(db):
    return [
        tuple(row)
        for table in ("posts", "post_variants", "pillars", "variant_history")
        for row in db.query(f"SELECT * FROM {table} ORDER BY id")
    ]


def where(plan):
    return [(p.row, p.column) for p in plan.problems]


def test_rows_of_one_title_and_day_become_one_post_with_a_variant_per_account(db, team, tmp_path):
    path = write_csv(
        tmp_path,
        "tanggal;jam;platform;akun;judul;teks;pilar;status\n"
        "20/11/2026;09:00;instagram;bmsn_ri;Hari Guru;Selamat Hari Guru!;Edukasi;draf\n"
        "20/11/2026;10.30;facebook;bmsn.ri;Hari Guru;Selamat Hari Guru, Sobat!;Edukasi;ide\n"
        "21/11/2026;09:00;x;@bmsn_ri;Kuis;Jawab kuisnya;;\n",
    )
    plan = plan_import.plan(db, path)
    assert plan.ok, plan.problems
    assert [len(p.entries) for p in plan.new_posts] == [2, 1]
    result = plan_import.write(db, plan)
    assert (result.posts, result.variants) == (2, 3)
    first, second = (posts.get(db, i) for i in result.post_ids)
    assert first.title == "Hari Guru" and first.planned_at == "2026-11-20T09:00:00+07:00"
    assert pillars.get_pillar(db, first.pillar_id).name == "Edukasi"
    variants = posts.variants_of(db, first.id)
    assert [(v.account_id, v.status, v.planned_at) for v in variants] == [
        (team["instagram:bmsn_ri"], "draft", "2026-11-20T09:00:00+07:00"),
        (team["facebook:bmsn.ri"], "idea", "2026-11-20T10:30:00+07:00"),
    ]
    (quiz,) = posts.variants_of(db, second.id)
    assert quiz.status == "draft" and quiz.text == "Jawab kuisnya"  # an empty status with text


def test_a_second_row_for_an_account_already_in_the_post_starts_another_post(db, team, tmp_path):
    path = write_csv(
        tmp_path,
        "date,time,account,platform,title,text\n"
        "2026-11-20,09:00,bmsn_ri,instagram,Kuis,Pagi\n"
        "2026-11-20,19:00,bmsn_ri,instagram,Kuis,Malam\n",
    )
    plan = plan_import.plan(db, path)
    assert [len(p.entries) for p in plan.new_posts] == [1, 1]


def test_approved_and_scheduled_come_in_for_review_with_a_note(db, team, tmp_path):
    path = write_csv(
        tmp_path,
        "date,time,account,platform,status,text\n"
        "2026-11-20,09:00,bmsn_ri,instagram,Disetujui,Teks A\n"
        "2026-11-20,09:00,bmsn.ri,facebook,scheduled,Teks A\n",
    )
    plan = plan_import.plan(db, path)
    assert plan.ok
    assert [(e.given_status, e.status) for _post, e in plan.entries] == [
        ("approved", "review"),
        ("scheduled", "review"),
    ]
    result = plan_import.write(db, plan)
    post = posts.get(db, result.post_ids[0])
    assert {v.status for v in posts.variants_of(db, post.id)} == {"review"}
    assert "instagram:bmsn_ri" in post.notes and "facebook:bmsn.ri" in post.notes


def test_published_needs_a_link_and_keeps_its_time(db, team, tmp_path):
    path = write_csv(
        tmp_path,
        "date,time,account,platform,status,text,url\n"
        "2026-10-01,08:15,bmsn_ri,instagram,terbit,Sudah tayang,https://instagram.com/p/abc\n"
        "2026-10-02,08:15,bmsn.ri,facebook,published,Tanpa tautan,\n",
    )
    plan = plan_import.plan(db, path)
    assert where(plan) == [(3, "url")]
    path = write_csv(
        tmp_path,
        "date,time,account,platform,status,text,url\n"
        "2026-10-01,08:15,bmsn_ri,instagram,terbit,Sudah tayang,https://instagram.com/p/abc\n",
    )
    result = plan_import.write(db, plan_import.plan(db, path))
    (variant,) = posts.variants_of(db, result.post_ids[0])
    assert variant.status == "published"
    assert variant.published_at == "2026-10-01T08:15:00+07:00"
    assert variant.url == "https://instagram.com/p/abc"


def test_bad_cells_are_problems_at_their_row_and_column_and_nothing_is_written(db, team, tmp_path):
    before = dump(db)
    path = write_csv(
        tmp_path,
        "tanggal;jam;platform;akun;teks;status\n"
        "31/02/2026;09:00;instagram;bmsn_ri;Tanggal mustahil;draf\n"
        "20/11/2026;25:00;instagram;bmsn_ri;Jam mustahil;draf\n"
        "20/11/2026;09:00;mastodon;bmsn_ri;Platform asing;draf\n"
        "20/11/2026;09:00;instagram;bmsn_ri;Status asing;selesai\n"
        "20/11/2026;09:00;instagram;bmsn_ri;;\n"
        "21/11/2026;09:00;instagram;bmsn_ri;Baris baik;draf\n",
    )
    plan = plan_import.plan(db, path)
    assert where(plan) == [
        (2, "tanggal"),
        (3, "jam"),
        (4, "platform"),
        (5, "status"),
        (6, "teks"),
    ]
    assert str(plan.problems[0]).startswith(f"{path}:2:tanggal: ")
    with pytest.raises(plan_import.PlanRefused):
        plan_import.write(db, plan)
    assert dump(db) == before


def test_unknown_accounts_are_listed_until_mapped(db, team, tmp_path):
    path = write_csv(
        tmp_path,
        "tanggal,akun,teks\n"
        "2026-11-20,Instagram BMSN,Satu\n"
        "2026-11-21,Instagram BMSN,Dua\n"
        "2026-11-22,Akun Lama,Tiga\n",
    )
    plan = plan_import.plan(db, path)
    assert plan.unknown_accounts == ["Instagram BMSN", "Akun Lama"]
    assert where(plan) == [(2, "akun"), (4, "akun")]
    assert "2" in plan.problems[0].message  # two rows, the first named
    mapped = plan_import.Options(
        accounts={"instagram bmsn": "instagram:bmsn_ri", "Akun Lama": "x:bmsn_ri"}
    )
    plan = plan_import.plan(db, path, mapped)
    assert plan.ok
    assert [e.account for _p, e in plan.entries] == [
        "instagram:bmsn_ri",
        "instagram:bmsn_ri",
        "x:bmsn_ri",
    ]
    with pytest.raises(UsageError):
        plan_import.plan(db, path, plan_import.Options(accounts={"Akun Lama": "tiktok:none"}))


def test_a_platform_alone_names_our_only_account_there(db, team, tmp_path):
    path = write_csv(tmp_path, "date,platform,text\n2026-11-20,YouTube,Video\n2026-11-20,x,Cuit\n")
    plan = plan_import.plan(db, path)
    assert plan.ok
    assert [e.account for _p, e in plan.entries] == ["youtube:bmsnri", "x:bmsn_ri"]


def test_a_handle_on_two_platforms_needs_its_platform(db, team, tmp_path):
    path = write_csv(tmp_path, "date,akun,text\n2026-11-20,bmsn_ri,Teks\n")
    plan = plan_import.plan(db, path)
    assert where(plan) == [(2, "akun")]
    assert "instagram:bmsn_ri" in plan.problems[0].message


def test_duplicates_in_the_file_are_imported_once_and_a_second_import_changes_nothing(
    db, team, tmp_path
):
    path = write_csv(
        tmp_path,
        "date,time,account,platform,title,text\n"
        "2026-11-20,09:00,bmsn_ri,instagram,Ide,\n"
        "2026-11-20,09:00,bmsn_ri,instagram,Ide lain,\n"
        "2026-11-20,09:00,bmsn_ri,instagram,Kuis,Teks\n"
        "2026-11-20,09:00,bmsn_ri,instagram,Kuis,Teks\n",
    )
    plan = plan_import.plan(db, path)
    assert plan.ok and len(plan.entries) == 3
    assert [(w.row, "row 4" in w.message or "4" in w.message) for w in plan.warnings] == [(5, True)]
    plan_import.write(db, plan)
    before = dump(db)
    again = plan_import.plan(db, path)
    assert again.ok and again.entries == [] and again.already == [2, 3, 4]
    plan_import.write(db, again)
    assert dump(db) == before


def test_dates_that_read_two_ways_ask_for_the_order(db, team, tmp_path):
    path = write_csv(
        tmp_path,
        "tanggal,jam,platform,akun,teks\n"
        "03/04/2026,09:00,instagram,bmsn_ri,Satu\n"
        "05/06/2026,09:00,instagram,bmsn_ri,Dua\n",
    )
    plan = plan_import.plan(db, path)
    assert plan.ambiguous_dates and [p.question for p in plan.problems] == ["date_order"]
    plan = plan_import.plan(db, path, plan_import.Options(date_order="mdy"))
    assert [e.planned_at[:10] for _p, e in plan.entries] == ["2026-03-04", "2026-05-06"]
    # one date that reads only day-first decides for the others
    path = write_csv(
        tmp_path,
        "tanggal,platform,akun,teks\n"
        "03/04/2026,instagram,bmsn_ri,Satu\n"
        "25/04/2026,instagram,bmsn_ri,Dua\n",
    )
    plan = plan_import.plan(db, path)
    assert plan.ok and plan.entries[0][1].planned_at[:10] == "2026-04-03"


def test_unknown_pillar_is_created_and_known_ones_match_without_case(db, team, tmp_path):
    known = pillars.list_pillars(db)[0].name
    path = write_csv(
        tmp_path,
        "date,platform,account,text,pillar\n"
        f"2026-11-20,instagram,bmsn_ri,Satu,{known.upper()}\n"
        "2026-11-21,instagram,bmsn_ri,Dua,Pilar Baru\n",
    )
    plan = plan_import.plan(db, path)
    assert plan.new_pillars == ["Pilar Baru"]
    before = len(pillars.list_pillars(db))
    plan_import.write(db, plan)
    assert len(pillars.list_pillars(db)) == before + 1


def test_unknown_columns_are_left_out_and_can_be_mapped(db, team, tmp_path):
    path = write_csv(
        tmp_path, "No,Tanggal,Akun IG,Caption IG\n1,2026-11-20,bmsn_ri,Teks\n", name="ig.csv"
    )
    plan = plan_import.plan(db, path)
    assert plan.unknown_headers == ["No", "Akun IG", "Caption IG"]
    assert where(plan) == [(1, None), (1, None)]  # no text, no account column yet
    assert {p.question for p in plan.problems} == {"mapping"}
    mapping = {"Akun IG": "account", "caption ig": "text", "No": ""}
    plan = plan_import.plan(db, path, plan_import.Options(mapping=mapping))
    assert where(plan) == [(2, "Akun IG")]  # bmsn_ri is on two platforms
    options = plan_import.Options(mapping=mapping, accounts={"bmsn_ri": "instagram:bmsn_ri"})
    plan = plan_import.plan(db, path, options)
    assert plan.ok and plan.entries[0][1].text == "Teks"
    with pytest.raises(UsageError):
        plan_import.plan(db, path, plan_import.Options(mapping={"No": "followers"}))


def test_round_trip_of_an_exported_xlsx(db, team, tmp_path):
    from core.cli.posts import export_posts
    from core.db import open_database
    from core.tabular import write_table

    pillar = pillars.list_pillars(db)[0]
    post = posts.create(db, "Hari Guru", pillar_id=pillar.id, campaign="November")
    posts.add_variant(
        db,
        post.id,
        team["instagram:bmsn_ri"],
        "=1+1 bukan rumus\nbaris dua",
        "approved",
        "2026-11-25T09:00",
        hashtags="#HariGuru",
    )
    posts.add_variant(db, post.id, team["facebook:bmsn.ri"], "", "idea", "2026-11-25T11:00")
    done = posts.create(db, "Rilis")
    posts.add_variant(
        db,
        done.id,
        team["x:bmsn_ri"],
        "Sudah",
        "published",
        "2026-10-01T08:00",
        "2026-10-01T08:05",
        url="https://x.com/bmsn_ri/status/1",
    )

    class Args:
        start = end = None

    out = tmp_path / "posts.xlsx"
    write_table(export_posts(db, Args()), out)
    empty = open_database(tmp_path / "empty.sqlite", create=True)
    for name in team:
        platform, handle = name.split(":")
        accounts.create(empty, platform=platform, handle=handle)
    plan = plan_import.plan(empty, out)
    assert plan.ok, plan.problems
    plan_import.write(empty, plan)
    again = list(export_posts(empty, Args()).rows)
    expected = [
        tuple("review" if cell == "approved" else cell for cell in row)
        for row in export_posts(db, Args()).rows
    ]
    assert again == expected
    assert empty.conn.execute("SELECT count(*) FROM posts").fetchone()[0] == 2
    empty.close()


def test_two_columns_giving_one_field_are_each_a_problem_not_a_mapping_question(db, team, tmp_path):
    path = write_csv(
        tmp_path,
        "tanggal,platform,akun,teks,caption ig,isi\n2026-11-20,instagram,bmsn_ri,Satu,Dua,Tiga\n",
    )
    plan = plan_import.plan(db, path, plan_import.Options(mapping={"caption ig": "text"}))
    assert where(plan) == [(1, "caption ig"), (1, "isi")]
    assert all("teks" in p.message for p in plan.problems)
    # the mapping step answers only a missing text or account column
    assert {p.question for p in plan.problems} == {"column_conflict"}
    assert not plan.entries


def test_notes_too_long_are_a_problem_at_their_cell_in_the_preview(db, team, tmp_path):
    path = write_csv(
        tmp_path,
        "tanggal,platform,akun,teks,catatan\n"
        f"2026-11-20,instagram,bmsn_ri,Satu,{'c' * 10001}\n"
        f"2026-11-21,instagram,bmsn_ri,Dua,{'c' * 10000}\n",
    )
    plan = plan_import.plan(db, path)
    assert where(plan) == [(2, "catatan")]
    assert "10000" in plan.problems[0].message


def test_the_review_note_may_not_push_the_notes_over_their_limit(db, team, tmp_path):
    before = dump(db)
    path = write_csv(
        tmp_path,
        "tanggal,platform,akun,judul,teks,status,catatan\n"
        f"2026-11-20,instagram,bmsn_ri,Kuis,Satu,disetujui,{'c' * 9950}\n"
        f"2026-11-20,facebook,bmsn.ri,Kuis,Dua,draf,\n"
        f"2026-11-21,instagram,bmsn_ri,Rilis,Tiga,draf,{'c' * 9950}\n",
    )
    plan = plan_import.plan(db, path)
    assert where(plan) == [(2, "catatan")]  # the post's notes come from its first row
    with pytest.raises(plan_import.PlanRefused):
        plan_import.write(db, plan)
    assert dump(db) == before
    fits = write_csv(
        tmp_path,
        "tanggal,platform,akun,teks,status,catatan\n"
        f"2026-11-20,instagram,bmsn_ri,Satu,disetujui,{'c' * 9800}\n",
    )
    plan = plan_import.plan(db, fits)
    assert plan.ok
    (post_id,) = plan_import.write(db, plan).post_ids
    assert len(posts.get(db, post_id).notes) <= 10000


def test_ideas_whose_titles_differ_in_case_are_not_imported_twice(db, team, tmp_path):
    path = write_csv(
        tmp_path,
        "date,time,account,platform,title,text\n"
        "2026-11-25,09:00,bmsn_ri,instagram,Hari Guru Ide,\n"
        "2026-11-25,09:00,bmsn.ri,facebook,hari guru ide,\n"
        "2026-11-25,09:00,bmsn_ri,x,Hari guru ide,Hari Guru Ide\n",
    )
    plan = plan_import.plan(db, path)
    assert plan.ok and [len(p.entries) for p in plan.new_posts] == [3]
    assert plan.new_posts[0].title == "Hari Guru Ide"
    plan_import.write(db, plan)
    before = dump(db)
    again = plan_import.plan(db, path)
    assert again.ok and again.entries == [] and again.already == [2, 3, 4]
    plan_import.write(db, again)
    assert dump(db) == before
