"""Content pillars (categories a team plans its mix by: edukasi, layanan, kegiatan, kuis…)
and saved snippets (hashtag groups, closing lines) that insert into a post with one click.
Both are short lists the user edits; a new file starts with the usual pillars."""

from __future__ import annotations

from dataclasses import dataclass

from core import limits, validate
from core.db import Database, new_uid
from core.errors import NotFound, ValidationError
from core.i18n import N_, _

#: A new file's pillars (the categories the brief's teams name), in the user's language.
DEFAULT_PILLARS = (N_("Education"), N_("Public service"), N_("Activities"), N_("Quiz & fun"))
SNIPPET_KINDS = ("hashtags", "text")


@dataclass(frozen=True)
class Pillar:
    id: int
    uid: str
    name: str
    position: int
    archived: bool


@dataclass(frozen=True)
class Snippet:
    id: int
    uid: str
    kind: str  # "hashtags" or "text"
    name: str
    body: str


def list_pillars(db: Database, include_archived: bool = False) -> list[Pillar]:
    where = "" if include_archived else "WHERE archived = 0"
    return [
        Pillar(r["id"], r["uid"], r["name"], r["position"], bool(r["archived"]))
        for r in db.query(f"SELECT * FROM pillars {where} ORDER BY position, name")
    ]


def _unique_name(db: Database, name: str, pillar_id: int | None) -> str:
    name = validate.text("name", name, max_length=60)
    taken = db.conn.execute(
        "SELECT 1 FROM pillars WHERE name = ? AND id IS NOT ?", (name, pillar_id)
    ).fetchone()
    if taken:
        raise ValidationError("name", name, _("there is already a pillar with this name"))
    return name


def add_pillar(db: Database, name: str) -> Pillar:
    name = _unique_name(db, name, None)
    with db.transaction():
        position = db.conn.execute("SELECT coalesce(max(position), 0) + 1 FROM pillars").fetchone()[
            0
        ]
        # Plain SQL: a new file gets its pillars while opening, before sqlite-utils is loaded.
        pillar_id = db.conn.execute(
            "INSERT INTO pillars (uid, name, position, archived) VALUES (?, ?, ?, 0)",
            (new_uid(), name, position),
        ).lastrowid
    return get_pillar(db, pillar_id)


def pillar_named(db: Database, name: str) -> Pillar:
    """The pillar with this name (case does not matter), added if there is none."""
    row = db.conn.execute("SELECT id FROM pillars WHERE name = ?", (name.strip(),)).fetchone()
    return get_pillar(db, row[0]) if row else add_pillar(db, name)


def get_pillar(db: Database, pillar_id: int) -> Pillar:
    row = db.conn.execute("SELECT * FROM pillars WHERE id = ?", (pillar_id,)).fetchone()
    if row is None:
        raise NotFound(_("pillar"), pillar_id)
    return Pillar(row["id"], row["uid"], row["name"], row["position"], bool(row["archived"]))


def rename_pillar(db: Database, pillar_id: int, name: str) -> Pillar:
    get_pillar(db, pillar_id)
    name = _unique_name(db, name, pillar_id)
    with db.transaction():
        db.su["pillars"].update(pillar_id, {"name": name})
    return get_pillar(db, pillar_id)


def set_pillar_archived(db: Database, pillar_id: int, archived: bool) -> Pillar:
    """An archived pillar is no longer offered for new posts; posts keep it."""
    get_pillar(db, pillar_id)
    with db.transaction():
        db.su["pillars"].update(pillar_id, {"archived": 1 if archived else 0})
    return get_pillar(db, pillar_id)


def ensure_default_pillars(db: Database) -> None:
    """Give a file without any pillar the usual ones, in the current language."""
    if db.conn.execute("SELECT 1 FROM pillars LIMIT 1").fetchone() is None:
        for name in DEFAULT_PILLARS:
            add_pillar(db, _(name))


def list_snippets(db: Database, kind: str | None = None) -> list[Snippet]:
    rows = db.query(
        "SELECT * FROM snippets WHERE ? IS NULL OR kind = ? ORDER BY kind, position, name",
        (kind, kind),
    )
    return [Snippet(r["id"], r["uid"], r["kind"], r["name"], r["body"]) for r in rows]


def save_snippet(
    db: Database, kind: str, name: str, body: str, snippet_id: int | None = None
) -> Snippet:
    """Add a snippet, or change the one with `snippet_id`."""
    record = {
        "kind": validate.choice("kind", kind, SNIPPET_KINDS),
        "name": validate.text("name", name, max_length=60),
        "body": validate.text("body", body, max_length=5000),
    }
    with db.transaction():
        if snippet_id is None:
            record["uid"] = new_uid()
            record["position"] = db.conn.execute(
                "SELECT coalesce(max(position), 0) + 1 FROM snippets"
            ).fetchone()[0]
            snippet_id = db.su["snippets"].insert(record).last_pk
        else:
            if (
                db.conn.execute("SELECT 1 FROM snippets WHERE id = ?", (snippet_id,)).fetchone()
                is None
            ):
                raise NotFound(_("snippet"), snippet_id)
            db.su["snippets"].update(snippet_id, record)
    row = db.conn.execute("SELECT * FROM snippets WHERE id = ?", (snippet_id,)).fetchone()
    return Snippet(row["id"], row["uid"], row["kind"], row["name"], row["body"])


def delete_snippet(db: Database, snippet_id: int) -> None:
    with db.transaction():
        db.conn.execute("DELETE FROM snippets WHERE id = ?", (snippet_id,))


def insert_snippet(text: str, snippet: str) -> str:
    """`text` with the snippet added on a line of its own (hashtags not already there only)."""
    text = text.rstrip()
    if snippet.lstrip().startswith("#"):
        present = {tag.lower() for tag in limits.hashtags(text)}
        snippet = " ".join(
            w
            for w in snippet.split()
            if w.lstrip("#").lower() not in present or not w.startswith("#")
        )
        if not snippet:
            return text
        return (
            f"{text} {snippet}".strip()
            if text and text.split()[-1].startswith("#")
            else (f"{text}\n\n{snippet}" if text else snippet)
        )
    return f"{text}\n\n{snippet}" if text else snippet
