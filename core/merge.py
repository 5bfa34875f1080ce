"""Merging units' packages into the bureau's file (issue 17).

    found = merge.plan(db, [Path("humas.linimasa"), ...])         # what it would do
    found = merge.apply(db, paths, prefer="package")              # do it, all or nothing

Every row has a stable uid since the first version, so a row of a package is the bureau's row
with the same uid; failing that, the row with the same natural key (any unique key of its
table: an account's platform and handle, a snapshot's account and day, a post version's post
and account, a pillar's name…; a unit or member by its name), its references translated to
the bureau's own ids first. Then:

- a row the bureau does not have is added (units and accounts among them are listed);
- a row that says the same is left alone;
- a row with a time of change (`updated_at`) replaces the bureau's when it is newer;
- any other difference (the same day's followers, two values) is a *conflict*: `plan` lists
  them, and `apply` refuses unless `prefer` says whose value wins ("package" or "bureau").

Merging the same package twice changes nothing. Nothing is deleted. The institution: a
package of another institution (another `institution.id`) is refused, naming both; an empty
bureau file (no accounts, posts or figures) takes the first package's institution. `plan`
runs the very same merge as `apply` in a transaction it rolls back, so the preview is what
`apply` does.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from core import settings
from core.db import Database
from core.errors import LinimasaError
from core.i18n import _
from core.unit_package import INSTITUTION_ONLY, MANIFEST, Manifest, PackageError, open_checked

#: Tables never merged (the bureau's own) besides INSTITUTION_ONLY.
SKIPPED = ("settings", "merge_aliases", *INSTITUTION_ONLY)
#: Columns compared for nothing: a row's own id, when it was created, where a figure came from.
NOT_COMPARED = ("id", "uid", "created_at", "source")
#: Tables matched by name when their uid is unknown (they have no unique key of their own),
#: within the same parent unit (a unit) or unit (a member): "Subbagian Tata Usaha" exists in
#: every office.
BY_NAME = {"units": "parent_id", "members": "unit_id"}
#: Tables whose rows a unit renames (a handle, a name): a match by key is remembered.
ALIASED = ("accounts", "units", "members")
#: The institution's shared lists: a package carries the unit's copy of them, which never
#: changes the bureau's (their new rows are added).
CONTEXT = ("pillars", "snippets", "observances", "guideline_items")
PREFERENCES = ("package", "bureau")
#: Rows between two reports of progress (and chances to cancel).
TICK = 500


class MergeRefused(LinimasaError):
    """`apply` was asked to merge a plan with problems or unresolved conflicts."""


@dataclass(frozen=True)
class Conflict:
    """One value the package and the bureau give differently (`what` names the row)."""

    package: str
    table: str
    what: str
    column: str
    bureau: object
    theirs: object


@dataclass
class MergePlan:
    paths: list[str] = field(default_factory=list)
    manifests: list[Manifest] = field(default_factory=list)
    added: dict[str, int] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)
    unchanged: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    new_units: list[str] = field(default_factory=list)
    new_accounts: list[str] = field(default_factory=list)
    #: The institution an empty bureau file takes from the first package (its name), or "".
    adopted: str = ""
    problems: list[str] = field(default_factory=list)
    prefer: str | None = None

    @property
    def ok(self) -> bool:
        """Nothing stands in the way of `apply` (conflicts need `prefer`)."""
        return not self.problems and (not self.conflicts or self.prefer is not None)

    @property
    def something(self) -> bool:
        return bool(self.added or self.changed or self.adopted)

    def summary(self) -> str:
        text = _("Rows to add: {added}; to change: {changed}; unchanged: {unchanged}.").format(
            added=sum(self.added.values()),
            changed=sum(self.changed.values()),
            unchanged=self.unchanged,
        )
        if self.new_units:
            text += " " + _("New units: {names}.").format(names=", ".join(self.new_units))
        if self.new_accounts:
            text += " " + _("New accounts: {names}.").format(names=", ".join(self.new_accounts))
        if self.adopted:
            text += " " + _("This file joins the institution {name}.").format(name=self.adopted)
        if self.conflicts:
            text += " " + _("Conflicts: {n}.").format(n=len(self.conflicts))
        if self.problems:
            text += " " + _("Problems: {n}; nothing can be merged until they are solved.").format(
                n=len(self.problems)
            )
        return text


class _Rollback(Exception):
    """Raised inside `plan`'s transaction so that nothing it did is kept."""


# --- the engine ---------------------------------------------------------------------------


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]


def _references(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    """Column → the table it refers to."""
    return {row[3]: row[2] for row in conn.execute(f'PRAGMA foreign_key_list("{table}")')}


def _unique_keys(conn: sqlite3.Connection, table: str) -> list[tuple[list[str], str]]:
    """Every unique key but the uid and an `id` primary key: (columns, the partial index's
    WHERE or ""). A primary key of the table's own (account_security's account_id) is one."""
    primary = [
        row[1]
        for row in sorted(conn.execute(f'PRAGMA table_info("{table}")'), key=lambda r: r[5])
        if row[5]
    ]
    keys = [] if primary in ([], ["id"]) else [(primary, "")]
    for _seq, name, unique, origin, partial in conn.execute(f'PRAGMA index_list("{table}")'):
        if not unique or origin == "pk":
            continue
        columns = [row[2] for row in conn.execute(f'PRAGMA index_info("{name}")')]
        if columns == ["uid"] or None in columns:
            continue
        where = ""
        if partial:
            sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()
            where = sql[0].split(" WHERE ", 1)[1] if sql and " WHERE " in sql[0] else ""
        keys.append((columns, where))
    return keys


def _order(conn: sqlite3.Connection, tables: list[str]) -> list[str]:
    """Tables with the ones referred to first."""
    refs = {t: set(_references(conn, t).values()) - {t} for t in tables}
    done: list[str] = []
    while len(done) < len(tables):
        ready = [
            t for t in tables if t not in done and refs[t] <= set(done) | (refs[t] - set(tables))
        ]
        if not ready:  # a cycle: take the rest as they are
            ready = [t for t in tables if t not in done]
        done.extend(sorted(ready))
    return done


class _Merger:
    def __init__(self, db: Database, found: MergePlan, progress=None):
        self.db = db
        self.progress = progress
        self.done = 0
        self.total = 0
        self.conn = db.conn
        self.found = found
        self.temp = tempfile.TemporaryDirectory(prefix="linimasa-merge-")
        self.zone = None
        self.own_units: set[int] = set()

    def close(self) -> None:
        self.temp.cleanup()

    # -- packages ------------------------------------------------------------------------

    def open(self, path: Path) -> tuple[sqlite3.Connection, Manifest] | None:
        try:
            package, manifest = open_checked(path)
        except PackageError as exc:
            self.found.problems.append(str(exc))
            return None
        ours = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if manifest.schema_version < ours:  # an older Linimasa made it: upgrade a copy
            package.close()
            from core.db import open_database

            copy = Path(self.temp.name) / f"{len(self.found.manifests)}.sqlite"
            shutil.copyfile(path, copy)
            open_database(copy).close()
            package = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
        return package, manifest

    def empty(self) -> bool:
        """Whether the bureau's file holds nothing yet (it takes the packages' institution)."""
        return not any(
            self.conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone()
            for table in ("accounts", "posts", "account_snapshots")
        )

    def institution(self, manifest: Manifest, path: str) -> bool:
        """Whether the package is of the bureau's institution (an empty file adopts it)."""
        ours = str(settings.get(self.db, "institution.id"))
        if manifest.institution_id == ours:
            return True
        if self.empty() and not self.found.adopted:
            settings.set(self.db, "institution.id", manifest.institution_id)
            if manifest.institution_name and not settings.get(self.db, "institution.name"):
                settings.set(self.db, "institution.name", manifest.institution_name)
            self.found.adopted = manifest.institution_name or manifest.institution_id
            return True
        name = str(settings.get(self.db, "institution.name"))
        if name and name.casefold() == manifest.institution_name.casefold():
            message = _(
                "{path} comes from another institution's file that is also called {name}: the "
                "unit's file was not started from this file's template (export unit "
                "--template). If it is one of this institution's units, the unit makes its "
                "file one of the institution's first (join-institution --from this file) and "
                "sends its package again"
            ).format(path=path, name=name)
        else:
            message = _(
                "{path} is a package of another institution ({theirs}); this file is {ours}'s. "
                "Only the units of one institution can be merged"
            ).format(
                path=path,
                theirs=manifest.institution_name or manifest.institution_id,
                ours=name or ours,
            )
        self.found.problems.append(message)
        return False

    # -- rows ----------------------------------------------------------------------------

    def merge(self, package: sqlite3.Connection, label: str) -> None:
        tables = [
            t
            for t in (
                row[0]
                for row in package.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%'"
                )
            )
            if t not in SKIPPED and t != MANIFEST and _columns(self.conn, t)
        ]
        ids: dict[str, dict[int, int]] = {}
        self.own_units = self._own_units(package)
        for table in _order(package, tables):
            ids[table] = {}
            self.table(package, table, ids, label)

    def _own_units(self, package: sqlite3.Connection) -> set[int]:
        """The package's ids of the unit that sent it and of its sub-units: the rest of what
        it holds (the units above it, the shared lists) is the bureau's, carried as context."""
        uid = dict(package.execute(f"SELECT key, value FROM {MANIFEST}")).get("unit_uid")
        found = package.execute("SELECT id FROM units WHERE uid = ?", (uid,)).fetchone()
        if found is None:
            return set()
        rows = package.execute(
            """WITH RECURSIVE below(id) AS (SELECT ? UNION
                   SELECT u.id FROM units u JOIN below ON u.parent_id = below.id)
               SELECT id FROM below""",
            (found[0],),
        )
        return {row[0] for row in rows}

    def context(self, table: str, row: dict) -> bool:
        """Whether the package carries this row only as context: the bureau's own, which a
        unit's stale copy never changes (it is added when the bureau lacks it)."""
        if table in CONTEXT:
            return True
        if table == "units":
            return row["id"] not in self.own_units
        if table in ("members", "approval_levels"):
            return row.get("unit_id") is not None and row["unit_id"] not in self.own_units
        return False

    def table(self, package, table: str, ids: dict, label: str) -> None:
        ours = set(_columns(self.conn, table))
        columns = [c for c in _columns(package, table) if c in ours]
        refs = {c: t for c, t in _references(package, table).items() if c in columns}
        keys = _unique_keys(self.conn, table)
        rows = [
            dict(zip(columns, row, strict=True))
            for row in package.execute(f'SELECT {", ".join(columns)} FROM "{table}" ORDER BY rowid')
        ]
        pending = rows
        for _round in range(50):  # rows that refer to rows of their own table wait for them
            waiting = []
            for row in pending:
                own = [c for c, t in refs.items() if t == table and row[c] is not None]
                if any(row[c] not in ids[table] for c in own):
                    waiting.append(row)
                    continue
                self.row(table, row, columns, refs, keys, ids, label)
            if len(waiting) in (0, len(pending)):
                for row in waiting:  # a parent the package lacks: hang it at the top
                    for c in (c for c, t in refs.items() if t == table):
                        row[c] = None
                    self.row(table, row, columns, refs, keys, ids, label)
                break
            pending = waiting

    def row(self, table, row, columns, refs, keys, ids, label) -> None:
        self.done += 1
        if self.progress is not None and self.done % TICK == 0:
            self.progress.update(self.done, self.total, _("Merging…"))
        values = dict(row)
        for column, target in refs.items():
            if values[column] is None:
                continue
            mapped = ids.get(target, {}).get(values[column])
            if mapped is None and target not in ids:
                mapped = None  # a table the merge skips: the reference cannot hold
            values[column] = mapped
        if any(values[c] is None and row[c] is not None for c in refs):
            # What it refers to is not in the package (nor the bureau): leave the reference
            # empty when it may be, else the row out.
            required = self._required(table)
            if any(values[c] is None and row[c] is not None and c in required for c in refs):
                return
        existing = self.find(table, values, keys)
        if existing is None:
            inserted = [c for c in columns if c != "id"]
            try:
                cursor = self.conn.execute(
                    f'INSERT INTO "{table}" ({", ".join(inserted)}) '
                    f"VALUES ({', '.join('?' * len(inserted))})",
                    [values[c] for c in inserted],
                )
            except sqlite3.IntegrityError:
                self.clash(table, values, label)
                return
            if "id" in columns:
                ids[table][row["id"]] = cursor.lastrowid
            self.found.added[table] = self.found.added.get(table, 0) + 1
            self.note_new(table, values)
            return
        if "id" in columns:
            ids[table][row["id"]] = existing["id"]
        differ = [c for c in columns if c not in NOT_COMPARED and existing[c] != values[c]]
        if not differ or self.context(table, row):
            self.found.unchanged += 1
            return
        if "updated_at" in columns:
            if self.moment(values["updated_at"]) <= self.moment(existing["updated_at"]):
                self.found.unchanged += 1  # the bureau's is as new or newer
                return
            self.update(table, existing, values, differ)
            return
        # A row without a time of change: what the package leaves empty it does not say
        # (figures are partial, as everywhere); what only it says fills the bureau's gap;
        # two values are a conflict.
        differ = [c for c in differ if values[c] not in (None, "")]
        conflicting = [c for c in differ if existing[c] not in (None, "")]
        if not differ:
            self.found.unchanged += 1
            return
        if not conflicting or self.found.prefer == "package":
            self.update(table, existing, values, differ)
        else:
            self.update(table, existing, values, [c for c in differ if c not in conflicting])
        for column in conflicting:
            ours, theirs = existing[column], values[column]
            if column in refs:  # a reference reads as the row it names, not its number
                ours, theirs = self.named(refs[column], ours), self.named(refs[column], theirs)
            self.found.conflicts.append(
                Conflict(label, table, self.describe(table, existing), column, ours, theirs)
            )

    def named(self, table: str, row_id: int | None) -> object:
        """The bureau's row `row_id` of `table` as a user knows it (its id if it has no name)."""
        found = self._one(f'SELECT * FROM "{table}" WHERE id = ?', (row_id,))
        return self.describe(table, found) if found is not None else row_id

    def moment(self, text: str | None) -> dt.datetime:
        """A time of change as a moment: with its offset, or (written before times carried
        one) as the institution's local time."""
        try:
            value = dt.datetime.fromisoformat(text or "")
        except ValueError:
            return dt.datetime.min.replace(tzinfo=dt.UTC)
        if value.tzinfo is None:
            if self.zone is None:
                from core import timezone

                self.zone = timezone.institution_zone(self.db)
            value = value.replace(tzinfo=self.zone)
        return value

    def update(self, table, existing, values, differ) -> None:
        if not differ:
            self.found.unchanged += 1
            return
        try:
            self.conn.execute(
                f'UPDATE "{table}" SET {", ".join(f"{c} = ?" for c in differ)} WHERE id = ?',
                [*(values[c] for c in differ), existing["id"]],
            )
        except sqlite3.IntegrityError:
            self.clash(table, values, "")
            return
        self.found.changed[table] = self.found.changed.get(table, 0) + 1

    def clash(self, table: str, values: dict, label: str) -> None:
        """A row that would break a rule of the bureau's file (the same handle twice on one
        platform, after a rename at the unit): a problem, nothing merged."""
        what = next(
            (str(values[c]) for c in ("handle", "name", "title", "date") if values.get(c)),
            table,
        )
        self.found.problems.append(
            _(
                "{package}: {what} cannot be merged: this file already holds another row with "
                "the same key ({table}); rename or remove one of them first"
            ).format(package=label or "?", what=what, table=table)
        )

    def _one(self, sql: str, params) -> sqlite3.Row | None:
        cursor = self.conn.cursor()
        cursor.row_factory = sqlite3.Row  # by name, whatever the connection's own factory
        return cursor.execute(sql, params).fetchone()

    def find(self, table: str, values: dict, keys) -> sqlite3.Row | None:
        found = self._find(table, values, keys)
        # Matched by its handle or name, not its uid: remember the unit's uid for the bureau's
        # row, so that a rename at the unit still finds it.
        if (
            table in ALIASED
            and found is not None
            and values.get("uid")
            and found["uid"] != values["uid"]
        ):
            self.conn.execute(
                "INSERT INTO merge_aliases (table_name, uid, row_id) VALUES (?, ?, ?) "
                "ON CONFLICT (table_name, uid) DO UPDATE SET row_id = excluded.row_id "
                "WHERE row_id != excluded.row_id",
                (table, values["uid"], found["id"]),
            )
        return found

    def _find(self, table: str, values: dict, keys) -> sqlite3.Row | None:
        if values.get("uid"):
            found = self._one(f'SELECT * FROM "{table}" WHERE uid = ?', (values["uid"],))
            if found is not None:
                return found
            if table in ALIASED:
                found = self._one(
                    f'SELECT t.* FROM "{table}" t JOIN merge_aliases a ON a.row_id = t.id '
                    "WHERE a.table_name = ? AND a.uid = ?",
                    (table, values["uid"]),
                )
                if found is not None:
                    return found
        for key, where in keys:
            if any(values.get(c) is None for c in key):
                continue
            condition = " AND ".join(f"{c} = ?" for c in key)
            if where:
                condition += f" AND ({where})"
            found = self._one(
                f'SELECT * FROM "{table}" WHERE {condition}', [values[c] for c in key]
            )
            if found is not None:
                return found
        if table in BY_NAME and values.get("name"):
            within = BY_NAME[table]
            return self._one(
                f'SELECT * FROM "{table}" WHERE lower(trim(name)) = lower(trim(?)) '
                f"AND {within} IS ?",
                (values["name"], values.get(within)),
            )
        return None

    def _required(self, table: str) -> set[str]:
        return {row[1] for row in self.conn.execute(f'PRAGMA table_info("{table}")') if row[3]}

    def note_new(self, table: str, values: dict) -> None:
        if table == "units":
            self.found.new_units.append(values["name"])
        elif table == "accounts":
            from core.accounts import platform_title

            self.found.new_accounts.append(
                f"{platform_title(values['platform'])} {values['handle']}"
            )

    def describe(self, table: str, row: sqlite3.Row) -> str:
        """The row a conflict is about, as a user knows it."""
        keys = row.keys()
        if "account_id" in keys and "date" in keys:
            account = self.conn.execute(
                "SELECT platform, handle FROM accounts WHERE id = ?", (row["account_id"],)
            ).fetchone()
            name = f"{account[0]}:{account[1]}" if account else "?"
            return f"{name} {row['date']}"
        for column in ("name", "handle", "title", "text"):
            if column in keys and row[column]:
                return str(row[column])[:60]
        return f"{table} {row['id']}"


# --- the public calls ---------------------------------------------------------------------


def _institution_of(path: Path) -> tuple[str, str] | None:
    """(id, name) a package's manifest gives, read without checking it (None: unreadable;
    `open_checked` says why when the package is merged)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            pairs = dict(conn.execute(f"SELECT key, value FROM {MANIFEST}").fetchall())
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    if "institution_id" not in pairs:
        return None
    return pairs["institution_id"], pairs.get("institution_name") or pairs["institution_id"]


def _run(db: Database, paths, prefer: str | None, keep: bool, progress) -> MergePlan:
    if prefer is not None and prefer not in PREFERENCES:
        raise ValueError(prefer)
    found = MergePlan(paths=[str(p) for p in paths], prefer=prefer)
    merger = _Merger(db, found, progress)
    try:
        with contextlib.suppress(_Rollback), db.transaction():
            if merger.empty():
                institutions = {_institution_of(Path(p)) for p in paths} - {None}
                if len(institutions) > 1:  # which one this new file is cannot be told
                    found.problems.append(
                        _(
                            "the packages are of different institutions ({names}); a new file "
                            "takes one institution: merge that institution's packages only"
                        ).format(names=", ".join(sorted(name for _id, name in institutions)))
                    )
                    raise _Rollback
            for path in paths:
                opened = merger.open(Path(path))
                if opened is None:
                    continue
                package, manifest = opened
                merger.total += sum(manifest.counts.values())
                try:
                    found.manifests.append(manifest)
                    if merger.institution(manifest, str(path)):
                        merger.merge(package, Path(path).name)
                finally:
                    package.close()
            if not keep or not found.ok:
                raise _Rollback
    finally:
        merger.close()
    return found


def plan(db: Database, paths, prefer: str | None = None, progress=None) -> MergePlan:
    """What merging `paths` would do; nothing is kept. `progress` (core.progress.Progress)
    hears of the rows merged and may cancel (Cancelled; nothing kept)."""
    return _run(db, paths, prefer, keep=False, progress=progress)


def apply(db: Database, paths, prefer: str | None = None, progress=None) -> MergePlan:
    """Merge `paths` in one transaction. Refused (MergeRefused, nothing kept) when a package
    cannot be merged or there are conflicts and `prefer` does not say whose value wins; a
    cancel through `progress` keeps nothing either."""
    found = _run(db, paths, prefer, keep=True, progress=progress)
    if not found.ok:
        raise MergeRefused(
            "; ".join(found.problems)
            or _("{n} conflicts: say whose values win (the package's or the bureau's)").format(
                n=len(found.conflicts)
            )
        )
    return found
