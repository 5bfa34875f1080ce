"""Guideline packs as files: the institution's checklist items, their order and its persona
as versioned JSON, so that the units of one institution share one pack.

    {"format": 1, "name": "…", "persona": {"admin_nickname": "…", "words_avoid": […], …},
     "items": [{"id": "stable id", "platform": "all|facebook|…", "category": "persona|…",
                "text": "…", "explanation": "…", "required": true, "check": "length",
                "retired": true}, …]}

`check` and `retired` are optional. Reading refuses anything doubtful (unknown keys, items
without an id or text, the same id twice, a newer format) with every problem listed, and
imports nothing. Importing updates the items whose id is known (their ticks stay) and adds
the others, so importing what was exported changes nothing. The default packs ship in
`resources/guidelines/default.<language>.json`, with the same ids in every language.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from core import guidelines, paths, settings, timezone
from core.db import Database, now_iso
from core.errors import LinimasaError, ValidationError, os_reason
from core.files import write_atomically
from core.guidelines import PERSONA_LISTS, PERSONA_TEXTS, PLATFORMS
from core.i18n import _, current_language

#: The pack file format this version writes and the newest it reads.
PACK_FORMAT = 1
PACK_KEYS = {"format", "name", "persona", "items"}
ITEM_KEYS = {"id", "platform", "category", "text", "explanation", "required", "check", "retired"}


class PackError(LinimasaError):
    """A pack file that cannot be imported; the message says where and why."""


@dataclass(frozen=True)
class PackItem:
    uid: str
    platform: str
    category: str
    text: str
    explanation: str = ""
    required: bool = False
    auto_check: str | None = None
    retired: bool = False


@dataclass(frozen=True)
class Pack:
    name: str
    #: Only the persona fields the file has (a pack without them leaves the persona alone).
    persona: dict[str, object] = field(default_factory=dict)
    items: tuple[PackItem, ...] = ()


@dataclass(frozen=True)
class PackImport:
    added: int
    updated: int
    unchanged: int
    persona_changed: bool
    #: The items that were here already come in another order (per platform).
    reordered: bool = False
    #: The pack's name changed.
    renamed: bool = False

    @property
    def changed(self) -> bool:
        return bool(
            self.added or self.updated or self.persona_changed or self.reordered or self.renamed
        )


def export_pack(db: Database) -> dict:
    """The institution's pack as the JSON a file holds (retired items marked as such)."""
    current = guidelines.persona(db)
    return {
        "format": PACK_FORMAT,
        "name": settings.get(db, "guidelines.pack_name"),
        "persona": dataclasses.asdict(current),
        "items": [
            {
                "id": item.uid,
                "platform": item.platform,
                "category": item.category,
                "text": item.text,
                "explanation": item.explanation,
                "required": item.required,
                **({"check": item.auto_check} if item.auto_check else {}),
                **({"retired": True} if item.retired else {}),
            }
            for item in guidelines.items(db)
        ],
    }


def write_pack(db: Database, path: Path | str) -> int:
    """Write the pack to `path` (whole or not at all); returns how many items it holds."""
    data = export_pack(db)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def write(temporary: str) -> None:
        Path(temporary).write_text(text, encoding="utf-8")

    write_atomically(path, write)
    return len(data["items"])


def _problem(where: str, reason: str) -> str:
    return f"{where}: {reason}"


def parse_pack(data: object, source: str = "") -> Pack:
    """Read a pack from its JSON data, refusing anything doubtful with every problem listed
    (`PackError`, naming `source` and each item by number and id)."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise PackError(
            _("{source} is not a guideline pack: it holds no JSON object.").format(source=source)
        )
    unknown = sorted(set(data) - PACK_KEYS)
    if unknown:
        problems.append(_("unknown key(s) {keys}").format(keys=", ".join(unknown)))
    version = data.get("format")
    if not isinstance(version, int) or isinstance(version, bool):
        problems.append(_('no format number (a pack file starts with "format": 1)'))
    elif version > PACK_FORMAT:
        raise PackError(
            _(
                "{source} was written by a newer Linimasa (pack format {found}; this version "
                "reads up to {known}). Update Linimasa to import it."
            ).format(source=source, found=version, known=PACK_FORMAT)
        )
    name = data.get("name", "")
    if not isinstance(name, str) or len(name) > 200:
        problems.append(_("the name must be a text of at most 200 characters"))
        name = ""
    persona_values: dict[str, object] = {}
    raw_persona = data.get("persona", {})
    if not isinstance(raw_persona, dict):
        problems.append(_('"persona" must be an object'))
        raw_persona = {}
    for key, value in raw_persona.items():
        if key in PERSONA_TEXTS:
            if not isinstance(value, str) or len(value) > 500:
                problems.append(_("persona {key}: must be a text").format(key=key))
            else:
                persona_values[key] = value.strip()
        elif key in PERSONA_LISTS:
            try:
                persona_values[key] = guidelines.word_list(
                    key, value if not isinstance(value, str) else [value]
                )
            except ValidationError as error:
                problems.append(_("persona {key}: {reason}").format(key=key, reason=error.reason))
        else:
            problems.append(_("persona: unknown key {key}").format(key=key))
    raw_items = data.get("items")
    if not isinstance(raw_items, list):
        problems.append(_("no list of items"))
        raw_items = []
    parsed: list[PackItem] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(raw_items, start=1):
        where = _("item {n}").format(n=number)
        if not isinstance(raw, dict):
            problems.append(_problem(where, _("not an object")))
            continue
        uid = raw.get("id")
        if isinstance(uid, str) and uid.strip():
            where = _("item {n} ({id})").format(n=number, id=uid)
        extra = sorted(set(raw) - ITEM_KEYS)
        if extra:
            problems.append(
                _problem(where, _("unknown key(s) {keys}").format(keys=", ".join(extra)))
            )
        if not isinstance(uid, str) or not uid.strip() or len(uid.strip()) > 100:
            problems.append(_problem(where, _("no id")))
            continue
        uid = uid.strip()
        if uid in seen:
            problems.append(_problem(where, _("the same id as item {n}").format(n=seen[uid])))
            continue
        seen[uid] = number
        for key in ("required", "retired"):
            if key in raw and not isinstance(raw[key], bool):
                problems.append(_problem(where, _("{key} must be true or false").format(key=key)))
        try:
            record = guidelines.item_fields(
                {
                    "platform": raw.get("platform"),
                    "category": raw.get("category"),
                    "text": raw.get("text"),
                    "explanation": raw.get("explanation", ""),
                    "auto_check": raw.get("check"),
                }
            )
        except ValidationError as error:
            problems.append(_problem(where, str(error)))
            continue
        parsed.append(
            PackItem(
                uid,
                record["platform"],
                record["category"],
                record["text"],
                record["explanation"],
                raw.get("required") is True,
                record["auto_check"],
                raw.get("retired") is True,
            )
        )
    if problems:
        raise PackError(
            _("{source} cannot be imported; nothing was changed:\n{problems}").format(
                source=source, problems="\n".join(f"• {p}" for p in problems)
            )
        )
    return Pack(name.strip(), persona_values, tuple(parsed))


def read_pack(path: Path | str) -> Pack:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise PackError(
            _("{path} cannot be read: {reason}").format(path=path, reason=os_reason(error))
        ) from error
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise PackError(
            _("{path} is not a guideline pack: it is not UTF-8 text.").format(path=path)
        ) from error
    except json.JSONDecodeError as error:
        raise PackError(
            _("{path} is not a guideline pack: line {line}, column {column}: {reason}.").format(
                path=path, line=error.lineno, column=error.colno, reason=error.msg
            )
        ) from error
    except (RecursionError, ValueError) as error:
        # Lists nested thousands deep, or a number of more than 4300 digits (Python's limit).
        raise PackError(
            _(
                "{path} is not a guideline pack: its JSON is nested too deeply or holds a number "
                "too long to read."
            ).format(path=path)
        ) from error
    return parse_pack(data, str(path))


def import_pack(db: Database, pack: Pack, *, dry_run: bool = False) -> PackImport:
    """Bring the pack in, all or nothing: items with a known id are updated in place (their
    ticks stay), new ones added; each platform's order follows the pack, with items the pack
    does not have after them. The persona fields the pack has replace ours."""
    known = {item.uid: item for item in guidelines.items(db)}
    added = updated = unchanged = 0
    before = guidelines.persona(db)
    name_before = settings.get(db, "guidelines.pack_name")
    stamp = now_iso()
    with db.transaction():
        order: dict[str, list[int]] = {platform: [] for platform in PLATFORMS}
        for entry in pack.items:
            record = {
                "platform": entry.platform,
                "category": entry.category,
                "text": entry.text,
                "explanation": entry.explanation,
                "required": int(entry.required),
                "auto_check": entry.auto_check,
            }
            current = known.get(entry.uid)
            if current is None:
                item_id = guidelines.store_item(
                    db,
                    {
                        **record,
                        "uid": entry.uid,
                        "position": 0,
                        "retired_at": stamp if entry.retired else None,
                        "created_at": stamp,
                        "updated_at": stamp,
                    },
                )
                added += 1
            else:
                item_id = current.id
                same = (
                    current.platform,
                    current.category,
                    current.text,
                    current.explanation,
                    current.required,
                    current.auto_check,
                    current.retired,
                ) == (
                    entry.platform,
                    entry.category,
                    entry.text,
                    entry.explanation,
                    entry.required,
                    entry.auto_check,
                    entry.retired,
                )
                if same:
                    unchanged += 1
                else:
                    updated += 1
                    if current.retired != entry.retired:
                        record["retired_at"] = stamp if entry.retired else None
                    guidelines.store_item(db, {**record, "updated_at": stamp}, item_id)
            order[entry.platform].append(item_id)
        for platform, first in order.items():
            rest = [item.id for item in guidelines.items(db, platform) if item.id not in first]
            if first:
                guidelines.set_order(db, platform, first + rest)
        if pack.name:
            settings.set(db, "guidelines.pack_name", pack.name)
        if pack.persona:
            guidelines.set_persona(db, **pack.persona)
        # The order of the items that were here already (new ones are counted as added).
        order_after = [item.uid for item in guidelines.items(db) if item.uid in known]
        result = PackImport(
            added,
            updated,
            unchanged,
            guidelines.persona(db) != before,
            reordered=order_after != list(known),
            renamed=settings.get(db, "guidelines.pack_name") != name_before,
        )
        if dry_run:
            raise _DryRun(result)
    return result


class _DryRun(Exception):
    def __init__(self, result: PackImport):
        self.result = result


def preview_import(db: Database, pack: Pack) -> PackImport:
    """What `import_pack` would do, leaving the file as it is."""
    try:
        import_pack(db, pack, dry_run=True)
    except _DryRun as done:
        return done.result
    raise AssertionError("unreachable")


def default_pack_path(language: str | None = None) -> Path:
    language = language or current_language()
    folder = paths.resource_dir() / "guidelines"
    path = folder / f"default.{language}.json"
    return path if path.exists() else folder / "default.id.json"


def install_default(db: Database, language: str | None = None) -> None:
    """Give a file without a checklist the default pack (in the current language), and
    note from when approvals went through it."""
    if db.conn.execute("SELECT 1 FROM guideline_items LIMIT 1").fetchone() is None:
        import_pack(db, read_pack(default_pack_path(language)))
    if not settings.get(db, "guidelines.since"):
        tz = timezone.institution_zone(db)
        settings.set(db, "guidelines.since", timezone.stored(dt.datetime.now(tz), tz))
