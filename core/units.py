"""Work units: the central humas bureau and the units that run accounts of their own.

Units form a hierarchy (a bureau and its sections, an institution and its regional
offices): each may have a parent unit. A unit can never be inside itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from core import validate
from core.db import Database, new_uid, now_iso
from core.errors import NotFound, ValidationError
from core.i18n import _


@dataclass(frozen=True)
class Unit:
    id: int
    uid: str
    name: str
    short_name: str
    parent_id: int | None = None


def _row(row) -> Unit:
    return Unit(row["id"], row["uid"], row["name"], row["short_name"], row["parent_id"])


def _parent(db: Database, unit_id: int | None, parent_id: object) -> int | None:
    parent = validate.reference(db, "parent_id", parent_id, "units")
    if (
        parent is not None
        and unit_id is not None
        and parent in {unit_id, *descendants(db, unit_id)}
    ):
        raise ValidationError(
            "parent_id", parent, _("a unit cannot be placed inside itself or one of its sub-units")
        )
    return parent


def create(db: Database, name: str, short_name: str = "", parent_id: int | None = None) -> Unit:
    record = {
        "uid": new_uid(),
        "name": validate.text("name", name, max_length=200),
        "short_name": validate.text("short_name", short_name, required=False, max_length=40),
        "parent_id": _parent(db, None, parent_id),
        "created_at": now_iso(),
    }
    with db.transaction():
        unit_id = db.su["units"].insert(record).last_pk
    return get(db, unit_id)


def get(db: Database, unit_id: int) -> Unit:
    row = db.conn.execute("SELECT * FROM units WHERE id = ?", (unit_id,)).fetchone()
    if row is None:
        raise NotFound(_("work unit"), unit_id)
    return _row(row)


def list_all(db: Database) -> list[Unit]:
    return [_row(r) for r in db.query("SELECT * FROM units ORDER BY name")]


def update(
    db: Database, unit_id: int, name: str, short_name: str = "", parent_id: object = ...
) -> Unit:
    """Rename a unit; `parent_id` (if given) moves it under another unit, or to the top (None)."""
    get(db, unit_id)
    record = {
        "name": validate.text("name", name, max_length=200),
        "short_name": validate.text("short_name", short_name, required=False, max_length=40),
    }
    if parent_id is not ...:
        record["parent_id"] = _parent(db, unit_id, parent_id)
    with db.transaction():
        db.su["units"].update(unit_id, record)
    return get(db, unit_id)


def descendants(db: Database, unit_id: int) -> list[int]:
    """The ids of every unit below `unit_id` (its sub-units, theirs, …), nearest first."""
    rows = db.query(
        """WITH RECURSIVE below(id, depth) AS (
               SELECT id, 1 FROM units WHERE parent_id = ?
               UNION SELECT u.id, below.depth + 1 FROM units u JOIN below ON u.parent_id = below.id
           )
           SELECT id FROM below ORDER BY depth, id""",
        (unit_id,),
    )
    return [r[0] for r in rows]


def tree(db: Database) -> list[tuple[Unit, int]]:
    """Every unit with its depth (0 at the top), parents before their sub-units, siblings by
    name: the order a tree view or an indented list shows them in."""
    found = list_all(db)
    children: dict[int | None, list[Unit]] = {}
    known = {unit.id for unit in found}
    for unit in found:
        parent = unit.parent_id if unit.parent_id in known else None
        children.setdefault(parent, []).append(unit)
    ordered: list[tuple[Unit, int]] = []

    def walk(parent: int | None, depth: int) -> None:
        for unit in children.get(parent, []):
            ordered.append((unit, depth))
            walk(unit.id, depth + 1)

    walk(None, 0)
    return ordered


def path_name(db: Database, unit_id: int) -> str:
    """ "Biro Humas › Subbagian Media": the unit with its ancestors, for lists and exports."""
    get(db, unit_id)  # an unknown id is NotFound, as before
    return path_names(db)[unit_id]


def path_names(db: Database) -> dict[int, str]:
    """Every unit's `path_name`, from one read of the units (for a list or an export)."""
    by_id = {unit.id: unit for unit in list_all(db)}
    names: dict[int, str] = {}
    for unit_id in by_id:
        parts, seen = [], set()
        current: int | None = unit_id
        while current in by_id and current not in seen:
            seen.add(current)
            parts.append(by_id[current].name)
            current = by_id[current].parent_id
        names[unit_id] = " › ".join(reversed(parts))
    return names


def find(db: Database, name: str) -> Unit:
    """The unit a user names: its name or short name, ignoring case. ValidationError when
    none or several match (their names are listed)."""
    wanted = str(name).strip().casefold()
    found = [
        unit
        for unit in list_all(db)
        if wanted in (unit.name.casefold(), unit.short_name.casefold())
    ]
    if len(found) == 1:
        return found[0]
    if not found:
        raise ValidationError("unit", name, _("no unit has this name"))
    raise ValidationError(
        "unit",
        name,
        _("several units have this name: {names}").format(
            names=", ".join(unit.name for unit in found)
        ),
    )
