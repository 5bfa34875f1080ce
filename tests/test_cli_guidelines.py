"""`guidelines export|import|compliance` from the command line: files another unit imports,
all-or-nothing imports that never prompt, and the compliance table with its overrides."""

import datetime as dt
import json

from core import guidelines
from core.db import open_database


def test_export_then_import_into_a_new_unit_file(run_main, demo_path, tmp_path):
    pack = tmp_path / "paket.json"
    code, out = run_main("guidelines", "export", "--db", str(demo_path), "--out", str(pack))
    assert code == 0, out
    data = json.loads(pack.read_text(encoding="utf-8"))
    assert data["format"] == 1 and data["persona"]["audience_nickname"] == "Sobat Mutu"
    unit = tmp_path / "unit.sqlite"
    open_database(unit, create=True).close()
    code, out = run_main("guidelines", "import", str(pack), "--db", str(unit))
    assert code == 0, out
    with open_database(unit) as db:
        assert guidelines.persona(db).audience_nickname == "Sobat Mutu"
        assert len(guidelines.items(db)) == len(data["items"])
    code, out = run_main("guidelines", "import", str(pack), "--db", str(unit))
    assert code == 0 and f"{len(data['items'])} tidak berubah" in out, out


def test_export_refuses_to_replace_a_file_without_force(run_main, demo_path, tmp_path):
    pack = tmp_path / "paket.json"
    pack.write_text("lama")
    code, out = run_main("guidelines", "export", "--db", str(demo_path), "--out", str(pack))
    assert code == 2 and "--force" in out
    assert pack.read_text() == "lama"


def test_a_broken_pack_exits_1_listing_every_problem_and_changes_nothing(run_main, tmp_path):
    db_path = tmp_path / "unit.sqlite"
    open_database(db_path, create=True).close()
    bad = tmp_path / "rusak.json"
    bad.write_text(
        json.dumps(
            {
                "format": 1,
                "items": [
                    {"id": "a", "platform": "all", "category": "content", "text": ""},
                    {"id": "b", "platform": "friendster", "category": "content", "text": "X"},
                ],
            }
        )
    )
    with open_database(db_path) as db:
        before = [i.text for i in guidelines.items(db)]
    code, out = run_main("guidelines", "import", str(bad), "--db", str(db_path))
    assert code == 1
    assert "rusak.json" in out and "(a)" in out and "friendster" in out
    with open_database(db_path) as db:
        assert [i.text for i in guidelines.items(db)] == before


def test_a_dry_run_writes_nothing(run_main, demo_path, tmp_path):
    pack = tmp_path / "paket.json"
    run_main("guidelines", "export", "--db", str(demo_path), "--out", str(pack))
    db_path = tmp_path / "unit.sqlite"
    with open_database(db_path, create=True) as db:
        db.conn.execute("DELETE FROM guideline_items")
    code, out = run_main("guidelines", "import", str(pack), "--db", str(db_path), "--dry-run")
    assert code == 0 and "44" in out, out
    with open_database(db_path) as db:
        assert guidelines.items(db) == []


def test_compliance_lists_accounts_and_the_overrides_with_their_reasons(run_main, demo_path):
    with open_database(demo_path, read_only=True) as db:
        overrides = guidelines.compliance(db, dt.date(2000, 1, 1), dt.date(2030, 1, 1)).overrides
    day = overrides[0].published_on
    code, out = run_main(
        "guidelines", "compliance", "--db", str(demo_path), "--from", str(day), "--to", str(day)
    )
    assert code == 0, out
    assert overrides[0].reason in out and overrides[0].account in out
