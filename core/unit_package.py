"""Unit packages (issue 17): what a work unit sends to the bureau, as one file.

A package is a Linimasa database of the same schema holding only one unit's share (the unit,
its sub-units and the units above it; their accounts, members and approval levels; the
period's follower figures, posts, their versions, history, checklist ticks and post figures;
the institution's shared lists: pillars, checklist items, commemorative days, snippets), plus
a `package_manifest` table: format, institution id and name, unit, period, schema version,
row counts and a SHA-256 checksum of every row. It is small enough to send by e-mail or chat
(a unit's year is a few hundred kilobytes) and `core.merge` reads it at the bureau.

    manifest = export_unit(db, unit_id, "2026-11-01", "2026-11-30", Path("humas.linimasa"))
    manifest = read(Path("humas.linimasa"))   # checked: PackageError says what is wrong

A *template* (`template=True`) holds no period's data but every setting of the institution
and its engagement benchmarks (not its performance indicators): a unit starts its own file
from it, so that the unit's packages carry the bureau's institution id.

How it is made: the file is copied with SQLite's backup API (a consistent moment, even while
the app writes), the copy is pruned to the unit's share, the manifest written, the copy
compacted, and renamed into place: the target appears whole or not at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from core import units as units_mod
from core.db import Database, now_iso
from core.errors import LinimasaError
from core.i18n import _

#: The package format this version writes and reads.
FORMAT = 1
SUFFIX = ".linimasa"
MANIFEST = "package_manifest"
#: Tables a package never carries: the institution's own choices (the bureau keeps its own).
INSTITUTION_ONLY = ("kpis", "benchmarks", "merge_aliases")
#: The settings a package carries (a template carries them all).
SHARED_SETTINGS = ("institution.id", "institution.name", "institution.short_name")


class PackageError(LinimasaError):
    """A package cannot be used: the message says what is wrong and where (translated)."""


@dataclass(frozen=True)
class Manifest:
    format: int
    institution_id: str
    institution_name: str
    unit_uid: str
    unit_name: str
    start: str | None
    end: str | None
    schema_version: int
    created_at: str
    template: bool
    counts: dict[str, int] = field(default_factory=dict)
    checksum: str = ""

    @property
    def period(self) -> str:
        return f"{self.start} – {self.end}" if self.start and self.end else ""


# --- export -------------------------------------------------------------------------------


def _ids(conn: sqlite3.Connection, sql: str, params=()) -> list[int]:
    return [row[0] for row in conn.execute(sql, params)]


def _keep(conn: sqlite3.Connection, table: str, ids: set[int] | list[int]) -> None:
    """Delete every row of `table` whose id is not in `ids` (a temporary table holds them)."""
    conn.execute("DROP TABLE IF EXISTS temp.kept")
    conn.execute("CREATE TEMP TABLE kept (id INTEGER PRIMARY KEY)")
    conn.executemany("INSERT OR IGNORE INTO temp.kept VALUES (?)", [(i,) for i in ids])
    conn.execute(f'DELETE FROM "{table}" WHERE id NOT IN (SELECT id FROM temp.kept)')


def _prune(conn: sqlite3.Connection, unit_id: int, start: str, end: str, template: bool) -> None:
    """Reduce a copy of the file to the unit's share (see the module docstring)."""
    below = _ids(
        conn,
        """WITH RECURSIVE below(id) AS (SELECT ? UNION
               SELECT u.id FROM units u JOIN below ON u.parent_id = below.id)
           SELECT id FROM below""",
        (unit_id,),
    )
    scope = set(below)
    marks = ",".join("?" * len(scope))
    accounts = set(
        _ids(conn, f"SELECT id FROM accounts WHERE unit_id IN ({marks}) AND peer = 0", list(scope))
    )
    # No accounts: an empty set, never NULL (`x NOT IN (NULL)` is no answer, so nothing would
    # be deleted).
    account_marks = ",".join("?" * len(accounts)) or "SELECT NULL WHERE 0"
    day = "substr(coalesce(v.published_at, v.planned_at), 1, 10)"
    if template:
        posts: set[int] = set()
        variants: set[int] = set()
    else:
        variants = set(
            _ids(
                conn,
                f"""SELECT v.id FROM post_variants v WHERE v.account_id IN ({account_marks})
                    AND {day} BETWEEN ? AND ?""",
                [*accounts, start, end],
            )
        )
        # Tens of thousands of versions over a decade: through a table, never one IN list
        # (Windows' SQLite takes at most 32,766 values).
        conn.execute("DROP TABLE IF EXISTS temp.versions")
        conn.execute("CREATE TEMP TABLE versions (id INTEGER PRIMARY KEY)")
        conn.executemany("INSERT INTO temp.versions VALUES (?)", [(i,) for i in variants])
        posts = set(
            _ids(
                conn,
                "SELECT DISTINCT post_id FROM post_variants WHERE id IN "
                "(SELECT id FROM temp.versions)",
            )
        )
        conn.execute("DROP TABLE temp.versions")
        posts |= set(
            _ids(
                conn,
                f"""SELECT id FROM posts p WHERE p.unit_id IN ({marks})
                    AND NOT EXISTS (SELECT 1 FROM post_variants v WHERE v.post_id = p.id)
                    AND substr(p.planned_at, 1, 10) BETWEEN ? AND ?""",
                [*scope, start, end],
            )
        )
    _keep(conn, "posts", posts)
    _keep(
        conn,
        "post_variants",
        _ids(
            conn,
            f"SELECT id FROM post_variants WHERE post_id IN (SELECT id FROM posts) "
            f"AND account_id IN ({account_marks})",
            list(accounts),
        ),
    )
    conn.execute(
        "DELETE FROM variant_history WHERE variant_id NOT IN (SELECT id FROM post_variants)"
    )
    conn.execute(
        "DELETE FROM guideline_ticks WHERE variant_id NOT IN (SELECT id FROM post_variants)"
    )
    conn.execute("DELETE FROM post_attachments WHERE post_id NOT IN (SELECT id FROM posts)")
    if template:
        conn.execute("DELETE FROM post_metrics")
        conn.execute("DELETE FROM account_snapshots")
    else:
        conn.execute(
            f"""DELETE FROM post_metrics WHERE NOT (
                    coalesce(variant_id IN (SELECT id FROM post_variants), 0)
                    OR (variant_id IS NULL AND account_id IN ({account_marks})
                        AND date BETWEEN ? AND ?))""",
            [*accounts, start, end],
        )
        conn.execute(
            f"""DELETE FROM account_snapshots WHERE account_id NOT IN ({account_marks})
                OR date NOT BETWEEN ? AND ?""",
            [*accounts, start, end],
        )
    conn.execute(
        "DELETE FROM post_series WHERE id NOT IN (SELECT series_id FROM posts "
        "WHERE series_id IS NOT NULL)"
    )
    _keep(conn, "accounts", accounts)
    for table in ("account_security", "account_targets"):
        conn.execute(f"DELETE FROM {table} WHERE account_id NOT IN (SELECT id FROM accounts)")
    above = _ids(
        conn,
        """WITH RECURSIVE up(id) AS (SELECT parent_id FROM units WHERE id = ? UNION
               SELECT u.parent_id FROM units u JOIN up ON u.id = up.id)
           SELECT id FROM up WHERE id IS NOT NULL""",
        (unit_id,),
    )
    # The approval levels of the unit and of those above it: a sub-unit's posts are approved
    # by the levels it inherits (and their approvers come along as members).
    levels = scope | set(above)
    conn.execute(
        f"DELETE FROM approval_levels WHERE unit_id NOT IN ({','.join('?' * len(levels))})",
        list(levels),
    )
    members = set(_ids(conn, f"SELECT id FROM members WHERE unit_id IN ({marks})", list(scope)))
    for table, column in (
        ("accounts", "responsible_id"),
        ("posts", "owner_id"),
        ("posts", "approver_id"),
        ("approval_levels", "approver_id"),
        ("variant_history", "member_id"),
        ("guideline_ticks", "member_id"),
    ):
        members |= set(_ids(conn, f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL"))
    _keep(conn, "members", members)
    # The units kept: the unit's own, those above it (the hierarchy to hang it on), and any a
    # kept member or post belongs to.
    kept_units = scope | set(above)
    for table in ("members", "posts"):
        kept_units |= set(_ids(conn, f"SELECT unit_id FROM {table} WHERE unit_id IS NOT NULL"))
    for _round in range(20):  # the parents of those, up to the top
        parents = set(
            _ids(
                conn,
                f"SELECT parent_id FROM units WHERE parent_id IS NOT NULL AND id IN "
                f"({','.join('?' * len(kept_units))})",
                list(kept_units),
            )
        )
        if parents <= kept_units:
            break
        kept_units |= parents
    _keep(conn, "units", kept_units)
    for table in INSTITUTION_ONLY:
        if template and table == "benchmarks":
            continue  # a unit measures its engagement against the bureau's benchmarks
        conn.execute(f"DELETE FROM {table}")
    if not template:
        shared = ",".join("?" * len(SHARED_SETTINGS))
        conn.execute(f"DELETE FROM settings WHERE key NOT IN ({shared})", SHARED_SETTINGS)
    conn.execute("DROP TABLE IF EXISTS temp.kept")


def _data_tables(conn: sqlite3.Connection) -> list[str]:
    return [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            f"AND name != '{MANIFEST}' ORDER BY name"
        )
    ]


def checksum(conn: sqlite3.Connection) -> tuple[str, dict[str, int]]:
    """(SHA-256 of every row of every data table in a fixed order, row counts by table)."""
    digest = hashlib.sha256()
    counts = {}
    for table in _data_tables(conn):
        digest.update(table.encode() + b"\x1e")
        count = 0
        for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
            digest.update(repr(tuple(row)).encode("utf-8", "surrogatepass") + b"\x1f")
            count += 1
        counts[table] = count
    return digest.hexdigest(), counts


def export_unit(
    db: Database,
    unit_id: int,
    start: str | None,
    end: str | None,
    target: Path,
    *,
    template: bool = False,
    overwrite: bool = False,
) -> Manifest:
    """Write the unit's package for the period from `start` to `end` (ISO days; ignored for a
    template) to `target`, all or nothing. Returns its manifest."""
    from core import settings

    unit = units_mod.get(db, unit_id)
    target = Path(target)
    if target.exists() and not overwrite:
        raise PackageError(
            _("{path} exists already; choose another name or replace it").format(path=target)
        )
    if not template and (not start or not end or start > end):
        raise PackageError(_("a package needs a period: a first and a last day, in order"))
    institution_id = str(settings.get(db, "institution.id"))
    institution_name = str(settings.get(db, "institution.name"))
    partial = target.with_name(f".{target.name}.partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    copy = sqlite3.connect(partial, isolation_level=None)
    try:
        db.conn.backup(copy)
        copy.execute("PRAGMA foreign_keys = OFF")
        copy.execute("BEGIN")
        copy.execute(f"DROP TABLE IF EXISTS {MANIFEST}")  # a unit's file begun from a template
        _prune(copy, unit_id, start or "", end or "", template)
        broken = copy.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise PackageError(
                _(
                    "the package would refer to rows it does not hold ({n}); nothing was written"
                ).format(n=len(broken))
            )
        copy.execute("COMMIT")
        copy.execute("VACUUM")
        digest, counts = checksum(copy)
        version = copy.execute("PRAGMA user_version").fetchone()[0]
        manifest = Manifest(
            FORMAT,
            institution_id,
            institution_name,
            unit.uid,
            unit.name,
            None if template else start,
            None if template else end,
            version,
            now_iso(),
            template,
            counts,
            digest,
        )
        copy.execute(f"CREATE TABLE {MANIFEST} (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        copy.executemany(
            f"INSERT INTO {MANIFEST} VALUES (?, ?)",
            [
                ("format", str(manifest.format)),
                ("institution_id", manifest.institution_id),
                ("institution_name", manifest.institution_name),
                ("unit_uid", manifest.unit_uid),
                ("unit_name", manifest.unit_name),
                ("start", manifest.start or ""),
                ("end", manifest.end or ""),
                ("schema_version", str(manifest.schema_version)),
                ("created_at", manifest.created_at),
                ("template", "1" if template else "0"),
                ("counts", json.dumps(counts, sort_keys=True)),
                ("checksum", digest),
            ],
        )
        copy.close()
        os.replace(partial, target)
    except BaseException as exc:
        copy.close()
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        if isinstance(exc, sqlite3.Error):  # a full disk, a folder it may not write to
            from core.db import translate_error

            raise translate_error(exc, target) from exc
        if isinstance(exc, OSError):
            from core.errors import os_reason

            raise PackageError(
                _("{path} could not be written: {reason}").format(
                    path=target, reason=os_reason(exc)
                )
            ) from exc
        raise
    return manifest


# --- reading ------------------------------------------------------------------------------


def _not_a_package(path: Path) -> PackageError:
    return PackageError(
        _("{path} is not a Linimasa unit package (made with Berkas > Kirim ke biro…)").format(
            path=path
        )
    )


def open_checked(path: Path) -> tuple[sqlite3.Connection, Manifest]:
    """A read-only connection to a package and its manifest, after checking it whole: a
    known format, a schema this version can read, and rows matching the checksum."""
    from core import migrations

    path = Path(path)
    if not path.is_file():
        raise PackageError(_("{path} does not exist").format(path=path))
    with open(path, "rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise _not_a_package(path)
    conn = None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        conn.execute("PRAGMA query_only = ON")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if MANIFEST not in tables:
            conn.close()
            if "accounts" not in tables:
                raise _not_a_package(path)
            raise PackageError(
                _(
                    "{path} is a Linimasa data file, not a unit's package: the unit sends its "
                    "package with Berkas > Kirim ke biro… (export unit)"
                ).format(path=path)
            )
        pairs = dict(conn.execute(f"SELECT key, value FROM {MANIFEST}").fetchall())
    except sqlite3.DatabaseError:
        with contextlib.suppress(Exception):
            conn.close()
        raise PackageError(
            _("{path} is damaged or incomplete (it may have been cut short in sending)").format(
                path=path
            )
        ) from None
    try:
        manifest = Manifest(
            int(pairs["format"]),
            pairs["institution_id"],
            pairs["institution_name"],
            pairs["unit_uid"],
            pairs["unit_name"],
            pairs["start"] or None,
            pairs["end"] or None,
            int(pairs["schema_version"]),
            pairs["created_at"],
            pairs["template"] == "1",
            json.loads(pairs["counts"]),
            pairs["checksum"],
        )
    except (KeyError, ValueError):
        conn.close()
        raise _not_a_package(path) from None
    if manifest.format > FORMAT or manifest.schema_version > migrations.latest_version():
        conn.close()
        raise PackageError(
            _(
                "{path} was made by a newer version of Linimasa; update Linimasa at the bureau "
                "first, then merge it"
            ).format(path=path)
        )
    try:
        digest, counts = checksum(conn)
        intact = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:
        digest, counts, intact = "", {}, False
    if not intact or digest != manifest.checksum or counts != manifest.counts:
        conn.close()
        if intact and manifest.template:
            raise PackageError(
                _(
                    "{path} is a unit's working file, begun from a starting file: the unit "
                    "sends its package with Berkas > Kirim ke biro… (export unit)"
                ).format(path=path)
            )
        raise PackageError(
            _(
                "{path} does not match its checksum: it was changed or damaged after it was "
                "made; ask the unit to send it again"
            ).format(path=path)
        )
    return conn, manifest


def read(path: Path) -> Manifest:
    """A package's manifest, after the checks of `open_checked`."""
    conn, manifest = open_checked(path)
    conn.close()
    return manifest


def unassigned_accounts(db: Database) -> list[str]:
    """Our accounts without a work unit: no unit's package carries them (say so at export)."""
    from core.accounts import platform_title

    return [
        f"{platform_title(platform)} {handle}"
        for platform, handle in db.query(
            "SELECT platform, handle FROM accounts WHERE unit_id IS NULL AND peer = 0 "
            "ORDER BY platform, handle"
        )
    ]


def join_institution(db: Database, other: Path) -> str:
    """Make this file one of the institution of `other` (the bureau's file, a starting file or
    a package): take its institution id, so that this file's packages merge at the bureau. For
    a unit that ran Linimasa before it had the bureau's starting file. Returns the name."""
    from core import settings

    conn = sqlite3.connect(f"file:{Path(other)}?mode=ro", uri=True)
    try:
        found = dict(
            conn.execute(
                "SELECT key, value FROM settings WHERE key IN ('institution.id', "
                "'institution.name')"
            ).fetchall()
        )
    except sqlite3.DatabaseError:
        raise PackageError(
            _("{path} is not a Linimasa file or package").format(path=other)
        ) from None
    finally:
        conn.close()
    if not found.get("institution.id"):
        raise PackageError(_("{path} is not a Linimasa file or package").format(path=other))
    with db.transaction():
        settings.set(db, "institution.id", found["institution.id"])
        if found.get("institution.name") and not settings.get(db, "institution.name"):
            settings.set(db, "institution.name", found["institution.name"])
    return found.get("institution.name") or found["institution.id"]
