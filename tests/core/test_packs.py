"""Guideline pack files: export → import is a no-op, known ids update in place (their ticks
stay), and a doubtful file is refused whole with every problem named."""

import json

import pytest

from core import accounts, guidelines, packs, posts
from core.packs import PackError


def write(tmp_path, data, name="pack.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def item(uid="u1", **fields):
    return {
        "id": uid,
        "platform": "all",
        "category": "content",
        "text": "Fakta sudah dicek",
        "explanation": "",
        "required": True,
        **fields,
    }


def rows(db):
    return [
        (i.uid, i.platform, i.position, i.text, i.required, i.auto_check, i.retired)
        for i in guidelines.items(db)
    ]


def test_export_then_import_changes_nothing(db, tmp_path):
    guidelines.set_persona(db, admin_nickname="Mimin", words_avoid=["anjay"])
    retired = guidelines.items(db, "x")[0]
    guidelines.retire_item(db, retired.id)
    before, voice = rows(db), guidelines.persona(db)
    path = tmp_path / "pack.json"
    assert packs.write_pack(db, path) == len(before)
    result = packs.import_pack(db, packs.read_pack(path))
    assert (result.added, result.updated, result.changed) == (0, 0, False)
    assert result.unchanged == len(before)
    assert rows(db) == before and guidelines.persona(db) == voice


def test_importing_into_another_unit_s_file_brings_items_persona_and_order(db, tmp_path):
    from core.db import open_database

    mine = guidelines.add_item(db, "tiktok", "engagement", "Kait di tiga detik pertama")
    guidelines.set_order(
        db, "tiktok", [mine.id, *[i.id for i in guidelines.items(db, "tiktok") if i != mine]]
    )
    guidelines.set_persona(db, audience_nickname="Sobat Mutu")
    path = tmp_path / "bureau.json"
    packs.write_pack(db, path)
    with open_database(tmp_path / "unit.sqlite", create=True) as unit:
        result = packs.import_pack(unit, packs.read_pack(path))
        assert result.added == 1 and result.persona_changed
        assert guidelines.items(unit, "tiktok")[0].text == "Kait di tiga detik pertama"
        assert guidelines.persona(unit).audience_nickname == "Sobat Mutu"
        assert rows(unit) == rows(db)


def test_a_known_id_is_updated_in_place_and_keeps_its_ticks(db, tmp_path):
    account = accounts.create(db, "instagram", "humas_kota")
    post = posts.create(db, "Hari Guru")
    variant = posts.add_variant(db, post.id, account.id, "Selamat pagi", "review")
    first = guidelines.items(db, "all")[0]
    guidelines.set_tick(db, variant.id, first.id)
    data = packs.export_pack(db)
    data["items"][0]["text"] = "Berbicara sebagai persona akun"
    result = packs.import_pack(db, packs.read_pack(write(tmp_path, data)))
    assert (result.added, result.updated) == (0, 1)
    assert guidelines.get_item(db, first.id).text == "Berbicara sebagai persona akun"
    assert guidelines.checklist(db, variant.id)[0].ticked


def test_a_pack_that_only_reorders_or_renames_is_a_change(db, tmp_path):
    data = packs.export_pack(db)
    xs = [i for i in data["items"] if i["platform"] == "x"]
    others = [i for i in data["items"] if i["platform"] != "x"]
    data["items"] = others + xs[::-1]
    result = packs.preview_import(db, packs.read_pack(write(tmp_path, data)))
    assert result.reordered and result.changed and result.updated == 0
    packs.import_pack(db, packs.read_pack(write(tmp_path, data)))
    assert [i.uid for i in guidelines.items(db, "x")] == [i["id"] for i in xs[::-1]]
    data["name"] = "Paket Biro Humas"
    result = packs.preview_import(db, packs.read_pack(write(tmp_path, data)))
    assert (result.renamed, result.reordered, result.changed) == (True, False, True)


def test_the_english_pack_has_the_same_items_as_the_indonesian_one():
    indonesian = packs.read_pack(packs.default_pack_path("id"))
    english = packs.read_pack(packs.default_pack_path("en"))
    shape = [(i.uid, i.platform, i.category, i.required, i.auto_check) for i in indonesian.items]
    assert shape == [
        (i.uid, i.platform, i.category, i.required, i.auto_check) for i in english.items
    ]
    assert [i.text for i in indonesian.items] != [i.text for i in english.items]


def test_importing_the_english_pack_rewords_the_same_items(db):
    count = len(guidelines.items(db))
    result = packs.import_pack(db, packs.read_pack(packs.default_pack_path("en")))
    assert result.added == 0 and result.updated == count
    assert len(guidelines.items(db)) == count


def test_a_dry_run_says_what_would_change_and_writes_nothing(db, tmp_path):
    before = rows(db)
    pack = packs.read_pack(write(tmp_path, {"format": 1, "name": "Baru", "items": [item()]}))
    result = packs.preview_import(db, pack)
    assert result.added == 1
    assert rows(db) == before


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"format": 1, "items": [item()], "colour": "red"}, "colour"),
        ({"format": 1, "items": [item(), item()]}, "u1"),
        ({"format": 1, "items": [item("dup"), item("dup ")]}, "dup"),
        ({"format": 1, "items": [item(text="")]}, "text"),
        ({"format": 1, "items": [item(platform="myspace")]}, "myspace"),
        ({"format": 1, "items": [item(required="yes")]}, "required"),
        ({"format": 1, "items": [item(note="x")]}, "note"),
        ({"format": 1, "items": [{"text": "Tanpa id"}]}, " 1"),
        ({"format": 1, "persona": {"mood": "ceria"}, "items": []}, "mood"),
        ({"items": [item()]}, "format"),
        ([1, 2], "JSON"),
    ],
)
def test_a_doubtful_pack_is_refused_whole_naming_the_problem(db, tmp_path, data, expected):
    before = rows(db)
    with pytest.raises(PackError) as info:
        packs.read_pack(write(tmp_path, data))
    assert expected in str(info.value)
    assert "pack.json" in str(info.value)
    assert rows(db) == before


def test_every_problem_is_listed_at_once(tmp_path):
    data = {"format": 1, "items": [item(text=""), item("u2", category="misc")]}
    with pytest.raises(PackError) as info:
        packs.read_pack(write(tmp_path, data))
    assert "u1" in str(info.value) and "u2" in str(info.value)


def test_a_pack_from_a_newer_version_is_refused_saying_so(tmp_path):
    with pytest.raises(PackError, match="2"):
        packs.read_pack(write(tmp_path, {"format": 2, "items": []}))


@pytest.mark.parametrize(
    "content", [b"{not json", b"\xff\xfe\x00\x00garbage", b"", b'{"format": 1, "items": [']
)
def test_a_file_that_is_not_json_is_refused_with_where(tmp_path, content):
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    with pytest.raises(PackError) as info:
        packs.read_pack(path)
    assert "broken.json" in str(info.value)


def test_a_pack_written_with_a_bom_is_read(db, tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"format": 1, "items": [item()]}).encode())
    assert packs.read_pack(path).items[0].text == "Fakta sudah dicek"
