"""Tone guidelines: the institution's checklist per platform, which gates approval.

A *pack* is the institution's list of items: for every platform ("all") and per platform,
each with a text the reviewer ticks, a short explanation, a category, and whether it is
required. A variant's checklist is the items of "all" and of its platform; a required item
left unticked stops approval (`workflow.needs_override`) unless an approver writes a reason
to approve anyway, which the history keeps. Some items carry an automatic check
(`AUTO_CHECKS`): words on the persona's avoid list, text over the platform's limit or fold,
too many hashtags, no image. Those and the register hints (`core.hints`) only advise; the
reviewer decides.

A tick belongs to the text it was given for: when the text or hashtags change, the tick no
longer counts and the checklist says so. Items keep their stable id (`uid`) through edits,
so ticks survive a changed wording, and packs shared between units as JSON files
(`core.packs`) update the same items instead of duplicating them; a retired
item stays with its ticks but no longer appears on new checklists.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass

from core import accounts, hints, limits, posts, settings, timezone, validate, workflow
from core.db import Database, new_uid, now_iso
from core.errors import ValidationError
from core.fmt import sentence
from core.i18n import N_, _
from core.posts import Variant

#: "all": every platform's checklist.
PLATFORMS = ("all", "facebook", "instagram", "x", "youtube", "tiktok")
CATEGORIES = {
    "persona": N_("Persona & register"),
    "content": N_("Content & vetting"),
    "visual": N_("Visual & accessibility"),
    "engagement": N_("Engagement"),
    "legal": N_("Legal & security"),
}
#: Automatic checks an item may carry, flagged beside it on the checklist.
AUTO_CHECKS = {
    "avoid_words": N_("words to avoid"),
    "length": N_("length"),
    "hashtags": N_("hashtags"),
    "image": N_("image attached"),
}
#: Where an approved variant goes on to without a new review (its approval still holds).
FINISHED_ROAD = ("approved", "scheduled", "published")
#: Statuses whose checklist may still be ticked: once approved it is the record.
OPEN_STATUSES = ("idea", "draft", "review", "changes")
ITEM_TEXT_MAX = 300
EXPLANATION_MAX = 2000
#: Marks an unticked required item among approval's problems (a language of its own).
UNTICKED = "☐ "


def platform_title(platform: str) -> str:
    return _("All platforms") if platform == "all" else accounts.platform_title(platform)


def category_title(category: str) -> str:
    return _(CATEGORIES[category])


# --- items -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    id: int
    uid: str
    platform: str
    category: str
    position: int
    text: str
    explanation: str
    required: bool
    auto_check: str | None
    retired: bool


def _item(row) -> Item:
    return Item(
        row["id"],
        row["uid"],
        row["platform"],
        row["category"],
        row["position"],
        row["text"],
        row["explanation"],
        bool(row["required"]),
        row["auto_check"],
        row["retired_at"] is not None,
    )


_ORDER = "CASE platform " + " ".join(f"WHEN '{p}' THEN {i}" for i, p in enumerate(PLATFORMS))


def items(db: Database, platform: str | None = None, *, include_retired: bool = True) -> list[Item]:
    """The pack's items, "all" first then platform by platform, each in its order; only
    `platform`'s own items when given."""
    rows = db.query(
        f"""SELECT * FROM guideline_items
            WHERE (:platform IS NULL OR platform = :platform)
              AND (:retired OR retired_at IS NULL)
            ORDER BY {_ORDER} END, position, id""",
        {"platform": platform, "retired": include_retired},
    )
    return [_item(row) for row in rows]


def applicable(db: Database, platform: str) -> list[Item]:
    """The items a variant on `platform` is checked against: "all" first, then its own."""
    rows = db.query(
        f"""SELECT * FROM guideline_items
            WHERE platform IN ('all', ?) AND retired_at IS NULL
            ORDER BY {_ORDER} END, position, id""",
        (platform,),
    )
    return [_item(row) for row in rows]


def get_item(db: Database, item_id: int) -> Item:
    rows = db.query("SELECT * FROM guideline_items WHERE id = ?", (item_id,))
    if not rows:
        raise ValidationError("item_id", item_id, _("no such checklist item"))
    return _item(rows[0])


def item_fields(fields: dict[str, object]) -> dict[str, object]:
    """The item's fields given, checked and as stored (ValidationError naming the field)."""
    record: dict[str, object] = {}
    if "platform" in fields:
        record["platform"] = validate.choice("platform", fields["platform"], PLATFORMS)
    if "category" in fields:
        record["category"] = validate.choice("category", fields["category"], tuple(CATEGORIES))
    if "text" in fields:
        record["text"] = validate.text("text", fields["text"], max_length=ITEM_TEXT_MAX)
    if "explanation" in fields:
        record["explanation"] = validate.text(
            "explanation", fields["explanation"], required=False, max_length=EXPLANATION_MAX
        )
    if "required" in fields:
        if not isinstance(fields["required"], bool):
            raise ValidationError("required", fields["required"], _("must be yes or no"))
        record["required"] = int(fields["required"])
    if "auto_check" in fields:
        check = fields["auto_check"] or None
        record["auto_check"] = (
            None if check is None else validate.choice("check", check, tuple(AUTO_CHECKS))
        )
    return record


def store_item(db: Database, record: dict[str, object], item_id: int | None = None) -> int:
    """Insert a row of checked fields (`item_fields`, plus uid, position, stamps), or update
    the item `item_id` with them; inside the caller's transaction. Plain SQL, not
    sqlite-utils: a new file gets the default pack while it opens, and opening must not load
    the heavy libraries."""
    if item_id is None:
        names = ", ".join(record)
        marks = ", ".join(f":{name}" for name in record)
        return db.conn.execute(
            f"INSERT INTO guideline_items ({names}) VALUES ({marks})", record
        ).lastrowid
    assignments = ", ".join(f"{name} = :{name}" for name in record)
    db.conn.execute(
        f"UPDATE guideline_items SET {assignments} WHERE id = :_id", {**record, "_id": item_id}
    )
    return item_id


def _next_position(db: Database, platform: str) -> int:
    return db.conn.execute(
        "SELECT coalesce(max(position), 0) + 1 FROM guideline_items WHERE platform = ?",
        (platform,),
    ).fetchone()[0]


def add_item(
    db: Database,
    platform: str,
    category: str,
    text: str,
    explanation: str = "",
    *,
    required: bool = False,
    auto_check: str | None = None,
) -> Item:
    """A new item at the end of `platform`'s list."""
    record = item_fields(
        {
            "platform": platform,
            "category": category,
            "text": text,
            "explanation": explanation,
            "required": required,
            "auto_check": auto_check,
        }
    )
    stamp = now_iso()
    with db.transaction():
        record.update(
            uid=new_uid(),
            position=_next_position(db, record["platform"]),
            created_at=stamp,
            updated_at=stamp,
        )
        item_id = store_item(db, record)
    return get_item(db, item_id)


def update_item(db: Database, item_id: int, **fields: object) -> Item:
    """Change an item's platform, category, text, explanation, required or auto_check; its
    ticks stay (the reviewer ticked what the item asks, whatever its wording)."""
    current = get_item(db, item_id)
    unknown = set(fields) - {
        "platform",
        "category",
        "text",
        "explanation",
        "required",
        "auto_check",
    }
    if unknown:
        raise ValidationError("field", ", ".join(sorted(unknown)), _("unknown field"))
    record = item_fields(fields)
    if not record:
        return current
    with db.transaction():
        if record.get("platform", current.platform) != current.platform:
            record["position"] = _next_position(db, record["platform"])
        record["updated_at"] = now_iso()
        store_item(db, record, item_id)
    return get_item(db, item_id)


def set_order(db: Database, platform: str, item_ids: list[int]) -> None:
    """Put `platform`'s items in the order of `item_ids` (every one of them, once)."""
    platform = validate.choice("platform", platform, PLATFORMS)
    own = {item.id for item in items(db, platform)}
    if len(item_ids) != len(own) or set(item_ids) != own:
        raise ValidationError("items", item_ids, _("name each of the platform's items once"))
    with db.transaction():
        db.conn.executemany(
            "UPDATE guideline_items SET position = ? WHERE id = ?",
            [(position, item_id) for position, item_id in enumerate(item_ids, start=1)],
        )


def retire_item(db: Database, item_id: int, retired: bool = True) -> Item:
    """Take the item off new checklists (or bring it back); its past ticks are kept."""
    current = get_item(db, item_id)
    if current.retired != retired:
        with db.transaction():
            db.conn.execute(
                "UPDATE guideline_items SET retired_at = ?, updated_at = ? WHERE id = ?",
                (now_iso() if retired else None, now_iso(), item_id),
            )
    return get_item(db, item_id)


def delete_item(db: Database, item_id: int) -> None:
    """Delete an item nobody has ticked yet (a slip); one with ticks is retired instead."""
    item = get_item(db, item_id)
    ticks = db.conn.execute(
        "SELECT count(*) FROM guideline_ticks WHERE item_id = ?", (item_id,)
    ).fetchone()[0]
    if ticks:
        raise ValidationError(
            "item",
            item.text,
            _("it was ticked on {n} post(s): retire it instead, to keep that record").format(
                n=ticks
            ),
        )
    with db.transaction():
        db.conn.execute("DELETE FROM guideline_items WHERE id = ?", (item_id,))


# --- persona ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Persona:
    """How the institution's accounts speak: what the admin calls itself and the audience,
    how posts open and close, words to use and to avoid, and the formal phrases that read
    stiff on informal platforms."""

    admin_nickname: str = ""
    audience_nickname: str = ""
    greeting: str = ""
    signoff: str = ""
    words_use: tuple[str, ...] = ()
    words_avoid: tuple[str, ...] = ()
    formal_phrases: tuple[str, ...] = ()


PERSONA_TEXTS = ("admin_nickname", "audience_nickname", "greeting", "signoff")
PERSONA_LISTS = ("words_use", "words_avoid", "formal_phrases")
WORD_MAX = 80
PERSONA_TEXT_MAX = 500
WORDS_MAX = 300


def persona(db: Database) -> Persona:
    values: dict[str, object] = {key: settings.get(db, f"persona.{key}") for key in PERSONA_TEXTS}
    for key in PERSONA_LISTS:
        values[key] = tuple(str(word) for word in settings.get(db, f"persona.{key}"))
    return Persona(**values)


def word_list(field: str, value: object) -> tuple[str, ...]:
    """Words or phrases, trimmed, without blanks or repeats (ignoring case); a text is read
    one entry a line (a phrase may hold a comma)."""
    if isinstance(value, str):
        value = value.splitlines()
    if not isinstance(value, list | tuple) or not all(isinstance(w, str) for w in value):
        raise ValidationError(field, value, _("must be a list of words or phrases"))
    found: dict[str, str] = {}
    for word in value:
        word = " ".join(word.split())
        if len(word) > WORD_MAX:
            raise ValidationError(field, word, _("longer than {n} characters").format(n=WORD_MAX))
        if word:
            found.setdefault(word.casefold(), word)
    if len(found) > WORDS_MAX:
        raise ValidationError(field, len(found), _("more than {n} entries").format(n=WORDS_MAX))
    return tuple(found.values())


def set_persona(db: Database, **fields: object) -> Persona:
    """Change the persona fields given (texts, or lists for the words), all or nothing."""
    unknown = set(fields) - set(PERSONA_TEXTS) - set(PERSONA_LISTS)
    if unknown:
        raise ValidationError("persona", ", ".join(sorted(unknown)), _("unknown field"))
    values = {
        key: list(word_list(key, value))
        if key in PERSONA_LISTS
        else validate.text(key, value, required=False, max_length=PERSONA_TEXT_MAX)
        for key, value in fields.items()
    }
    with db.transaction():
        for key, value in values.items():
            settings.set(db, f"persona.{key}", value)
    return persona(db)


def _flags(
    item: Item,
    platform: str,
    text: str,
    hashtags: str,
    found_hints: list[hints.Hint],
    has_image: bool,
) -> tuple[str, ...]:
    """What the item's automatic check finds in the text (nothing: it found nothing)."""
    check = item.auto_check
    if check == "image":
        return () if has_image else (_("No image attached to the post."),)
    rule = {"avoid_words": "avoid", "length": "length", "hashtags": "hashtags"}.get(check)
    if rule is None:
        return ()
    count = limits.count(platform, text, hashtags)
    if rule == "length":  # over the platform's limit first: that one it would refuse
        count = dataclasses.replace(count, hashtags_allowed=None)
    elif rule == "hashtags":
        count = dataclasses.replace(count, allowed=None, title_allowed=None)
    over = count.problems() if rule != "avoid" else []
    return tuple(
        [sentence(problem) for problem in over]
        + [hint.message for hint in found_hints if hint.rule == rule]
    )


# --- ticks and the checklist ------------------------------------------------------------------


def text_hints(db: Database, platform: str, text: str, hashtags: str) -> list[hints.Hint]:
    """The register hints for a text, with the persona's words to avoid and formal phrases."""
    voice = persona(db)
    return hints.hints(
        platform, text, hashtags, avoid=voice.words_avoid, formal=voice.formal_phrases
    )


def content_of(text: str, hashtags: str) -> str:
    """A fingerprint of what goes out, to know whether a tick was given for this text."""
    return hashlib.sha256(limits.compose(text, hashtags).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Tick:
    member_id: int | None
    member_name: str
    at: str
    #: False: given for an earlier text; it no longer counts.
    current: bool


@dataclass(frozen=True)
class CheckItem:
    item: Item
    tick: Tick | None
    #: What the item's automatic check found in the text (advice beside the item).
    flags: tuple[str, ...] = ()

    @property
    def ticked(self) -> bool:
        return self.tick is not None and self.tick.current

    @property
    def blocks(self) -> bool:
        """A required item not ticked for this text: approval needs it or an override."""
        return self.item.required and not self.item.retired and not self.ticked


def _ticks(db: Database, variant_id: int) -> dict[int, tuple]:
    return {
        row[0]: tuple(row[1:])
        for row in db.query(
            """SELECT t.item_id, t.member_id, m.name, t.at, t.content FROM guideline_ticks t
               LEFT JOIN members m ON m.id = t.member_id WHERE t.variant_id = ?""",
            (variant_id,),
        )
    }


def checklist(
    db: Database,
    variant_id: int,
    *,
    text: str | None = None,
    hashtags: str | None = None,
    has_image: bool | None = None,
    found_hints: list[hints.Hint] | None = None,
) -> list[CheckItem]:
    """The variant's checklist: the items of "all" and its platform, with their ticks for the
    text given (default: the stored one) and what automatic checks find (`found_hints`: the
    text's `text_hints`, when the caller has them already); retired items it was ticked on
    stay at the end, so the record is whole."""
    variant = posts.get_variant(db, variant_id)
    platform = accounts.platform_of(db, variant.account_id)
    text = variant.text if text is None else text
    hashtags = variant.hashtags if hashtags is None else hashtags
    if has_image is None:
        has_image = any(a.is_image for a in posts.attachments(db, variant.post_id))
    content = content_of(text, hashtags)
    ticks = _ticks(db, variant_id)
    shown = applicable(db, platform)
    listed = {item.id for item in shown}
    shown += [
        item
        for item in (get_item(db, item_id) for item_id in ticks if item_id not in listed)
        if item.retired  # an item moved to another platform is no longer this one's
    ]
    if found_hints is None:
        found_hints = text_hints(db, platform, text, hashtags)
    tz = timezone.institution_zone(db)
    result = []
    for item in shown:
        tick = None
        if item.id in ticks:
            member_id, name, at, given_for = ticks[item.id]
            tick = Tick(member_id, name or "", timezone.stored(at, tz), given_for == content)
        result.append(
            CheckItem(item, tick, _flags(item, platform, text, hashtags, found_hints, has_image))
        )
    return result


def set_tick(
    db: Database,
    variant_id: int,
    item_id: int,
    ticked: bool = True,
    *,
    by: int | None = None,
    at: dt.datetime | str | None = None,
) -> None:
    """Tick (or untick) one item for the variant's stored text, as member `by`."""
    variant = posts.get_variant(db, variant_id)
    item = get_item(db, item_id)
    if variant.status not in OPEN_STATUSES:
        raise workflow.WorkflowError(
            _(
                "The checklist of a post that is {status} is closed: it is the record of its "
                "review. Send it back for changes to check it again."
            ).format(status=posts.status_title(variant.status).lower())
        )
    if ticked and (
        item.retired or item.platform not in ("all", accounts.platform_of(db, variant.account_id))
    ):
        raise ValidationError("item", item.text, _("not on this post's checklist"))
    validate.reference(db, "member_id", by, "members")
    tz = timezone.institution_zone(db)
    when = timezone.stored(at if at is not None else dt.datetime.now(tz), tz)
    with db.transaction():
        db.conn.execute(
            "DELETE FROM guideline_ticks WHERE variant_id = ? AND item_id = ?",
            (variant_id, item_id),
        )
        if ticked:
            db.conn.execute(
                """INSERT INTO guideline_ticks (uid, variant_id, item_id, member_id, at, content)
                   VALUES (?, ?, ?, ?, ?, ?)""",
                (
                    new_uid(),
                    variant_id,
                    item_id,
                    by,
                    when,
                    content_of(variant.text, variant.hashtags),
                ),
            )


@workflow.overridable_check
def _required_ticked(db: Database, variant: Variant) -> list[str]:
    """Every required item of the variant's checklist ticked for its stored text."""
    content = content_of(variant.text, variant.hashtags)
    ticks = _ticks(db, variant.id)
    return [
        UNTICKED + item.text
        for item in applicable(db, accounts.platform_of(db, variant.account_id))
        if item.required and not (item.id in ticks and ticks[item.id][3] == content)
    ]


# --- compliance ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ComplianceRow:
    """Published variants of one account (or platform, or all) and how they were approved:
    every required item ticked, approved with a written override, or approved before the
    checklist was in force (or with no approval step recorded)."""

    label: str
    published: int = 0
    passed: int = 0
    overridden: int = 0
    unchecked: int = 0

    def add(self, outcome: str) -> ComplianceRow:
        return dataclasses.replace(
            self, published=self.published + 1, **{outcome: getattr(self, outcome) + 1}
        )


@dataclass(frozen=True)
class Override:
    variant_id: int
    post_title: str
    account: str
    published_on: dt.date
    approver: str
    reason: str
    #: The required items it was approved without.
    items: tuple[str, ...]


@dataclass(frozen=True)
class Compliance:
    start: dt.date
    end: dt.date
    accounts: list[ComplianceRow]
    platforms: list[ComplianceRow]
    total: ComplianceRow
    overrides: list[Override]


def _outcome(history: list, since: dt.datetime | None, tz: dt.tzinfo) -> tuple[str, list]:
    """How the variant's last approval ended: "passed", "overridden" (with the history rows
    that overrode) or "unchecked". Its round starts at the last step that was no approval
    (sent for review, back to draft or for changes…): where a unit needs no approval a
    draft is approved straight away, with no step into review before it."""
    start = max(
        (
            row["id"]
            for row in history
            if row["level"] is None and row["to_status"] not in FINISHED_ROAD
        ),
        default=0,
    )
    approvals = [
        row
        for row in history
        if row["id"] > start
        and (
            row["level"] is not None
            or (row["to_status"] == "approved" and row["from_status"] in workflow.APPROVE_FROM)
        )
    ]
    overrides = [row for row in approvals if row["override_reason"]]
    if overrides:
        return "overridden", overrides
    if approvals and since and timezone.parse(approvals[-1]["at"], tz) >= since:
        return "passed", []
    return "unchecked", []


def compliance(
    db: Database, start: dt.date, end: dt.date, account_ids: list[int] | None = None
) -> Compliance:
    """How the variants published from `start` to `end` (institution-local days) went through
    the checklist, per account, per platform and in all, with every override and its reason."""
    tz = timezone.institution_zone(db)
    since = settings.get(db, "guidelines.since")
    since = timezone.parse(since, tz) if since else None
    chosen = None if account_ids is None else set(account_ids)
    known = {a.id: a for a in accounts.list_all(db, include_archived=True)}
    published = [
        row
        for row in db.query(
            # Stored times carry the institution's offset: a day either side is enough
            # for the text comparison; the exact local day is checked below.
            """SELECT v.id, v.account_id, v.published_at, p.title FROM post_variants v
               JOIN posts p ON p.id = v.post_id
               WHERE v.status = 'published' AND v.published_at >= ? AND v.published_at < ?
               ORDER BY v.published_at, v.id""",
            (str(start - dt.timedelta(days=1)), str(end + dt.timedelta(days=2))),
        )
        if (chosen is None or row[1] in chosen)
        and start <= timezone.parse(row[2], tz).date() <= end
    ]
    history: dict[int, list] = {}
    if published:
        marks = ",".join("?" * len(published))
        for row in db.query(
            f"""SELECT h.id, h.variant_id, h.at, h.from_status, h.to_status, h.level,
                       h.override_reason, h.overridden, m.name AS approver
                FROM variant_history h LEFT JOIN members m ON m.id = h.member_id
                WHERE h.variant_id IN ({marks}) ORDER BY h.id""",
            [row[0] for row in published],
        ):
            history.setdefault(row["variant_id"], []).append(row)
    by_account: dict[int, ComplianceRow] = {}
    by_platform: dict[str, ComplianceRow] = {}
    total = ComplianceRow(_("All accounts"))
    overrides: list[Override] = []
    for variant_id, account_id, published_at, title in published:
        account = known[account_id]
        label = f"{accounts.platform_title(account.platform)} {accounts.handle_text(account)}"
        outcome, rows = _outcome(history.get(variant_id, []), since, tz)
        by_account[account_id] = by_account.get(account_id, ComplianceRow(label)).add(outcome)
        by_platform[account.platform] = by_platform.get(
            account.platform, ComplianceRow(accounts.platform_title(account.platform))
        ).add(outcome)
        total = total.add(outcome)
        for row in rows:
            overrides.append(
                Override(
                    variant_id,
                    title,
                    label,
                    timezone.parse(published_at, tz).date(),
                    row["approver"] or "—",
                    row["override_reason"],
                    tuple(
                        line.removeprefix(UNTICKED)
                        for line in row["overridden"].splitlines()
                        if line
                    ),
                )
            )
    return Compliance(
        start,
        end,
        sorted(by_account.values(), key=lambda r: r.label.casefold()),
        [by_platform[p] for p in PLATFORMS + ("other",) if p in by_platform],
        total,
        overrides,
    )


# --- demo data --------------------------------------------------------------------------------

DEMO_ORDER = 60  # after the workflow's history
_DEMO_OVERRIDES = (
    "Tenggat mendesak; butir ini sudah diperiksa lisan oleh Kepala Biro sebelum tayang.",
    "Sudah dibahas di rapat redaksi pagi ini; catatannya ada di notula rapat.",
)


def populate_demo(db: Database, context) -> None:
    """The checklist in force from the demo's first post on; every variant that passed
    review ticked by its approver, a few mid-review ones half ticked, and two published
    ones approved with an override and its reason."""
    import random

    rng = random.Random(context.seed + 13)
    tz = timezone.institution_zone(db)
    first = db.conn.execute("SELECT min(at) FROM variant_history").fetchone()[0]
    settings.set(db, "guidelines.since", first or now_iso())
    settings.set(db, "persona.greeting", "Halo, Sobat Mutu!")
    settings.set(db, "persona.signoff", "Salam mutu, Mimin BeEmEs")
    settings.set(db, "persona.words_use", ["Sobat Mutu", "mutu", "standar", "kita"])
    _demo_formal_draft(db, context)
    rows = db.query(
        """SELECT v.id, v.status, v.text, v.hashtags, a.platform FROM post_variants v
           JOIN accounts a ON a.id = v.account_id ORDER BY v.id"""
    )
    approvals = {
        row[0]: (row[1], row[2], row[3])
        for row in db.query(
            """SELECT variant_id, member_id, at, id FROM variant_history
               WHERE level IS NOT NULL OR to_status = 'approved' ORDER BY id"""
        )
    }
    # Overrides lately, so that last month's report has them.
    recent = str(context.today - dt.timedelta(days=45))
    published = [
        row[0]
        for row in db.query(
            "SELECT id FROM post_variants WHERE status = 'published' AND published_at >= ?",
            (recent,),
        )
        if row[0] in approvals
    ]
    overridden = set(rng.sample(published, min(2, len(published))))
    ticks, overrides = [], []
    by_platform: dict[str, list[Item]] = {}
    for variant_id, status, text, hashtags, platform in rows:
        checklist_items = by_platform.setdefault(platform, applicable(db, platform))
        reviewed = status in ("approved", "scheduled", "published")
        if status == "review":
            chosen = [item for item in checklist_items if rng.random() < 0.5]
        elif reviewed and variant_id in approvals:
            chosen = list(checklist_items)
        else:
            continue
        member_id, at, history_id = approvals.get(variant_id, (None, None, None))
        if variant_id in overridden:
            skipped = [item for item in chosen if item.required][-1:]
            chosen = [item for item in chosen if item not in skipped]
            overrides.append(
                (
                    _DEMO_OVERRIDES[len(overrides) % len(_DEMO_OVERRIDES)],
                    "\n".join(UNTICKED + item.text for item in skipped),
                    history_id,
                )
            )
        when = at or timezone.stored(dt.datetime.combine(context.today, dt.time(9)), tz)
        content = content_of(text, hashtags)
        ticks += [(new_uid(), variant_id, item.id, member_id, when, content) for item in chosen]
    db.conn.executemany(
        """INSERT INTO guideline_ticks (uid, variant_id, item_id, member_id, at, content)
           VALUES (?, ?, ?, ?, ?, ?)""",
        ticks,
    )
    db.conn.executemany(
        "UPDATE variant_history SET override_reason = ?, overridden = ? WHERE id = ?", overrides
    )


def _demo_formal_draft(db: Database, context) -> None:
    """One Instagram caption in review opens with a stiff formal phrase, for the register
    hints to catch (`demo_hinted_variant`)."""
    variant_id = demo_hinted_variant(db, context.today)
    if variant_id is None:
        return
    text = posts.get_variant(db, variant_id).text
    greeting, _break, rest = text.partition("\n\n")
    if rest:
        text = f"{greeting}\n\nSehubungan dengan banyaknya pertanyaan Sobat, {rest[:1].lower()}{rest[1:]}"
        db.conn.execute("UPDATE post_variants SET text = ? WHERE id = ?", (text, variant_id))


def demo_hinted_variant(db: Database, today: dt.date) -> int | None:
    """The demo's Instagram variant in review that shows the register hints: the first from
    `today` on."""
    row = db.conn.execute(
        """SELECT v.id FROM post_variants v JOIN accounts a ON a.id = v.account_id
           WHERE v.status = 'review' AND a.platform = 'instagram' AND v.planned_at >= ?
           ORDER BY v.planned_at, v.id LIMIT 1""",
        (today.isoformat(),),
    ).fetchone()
    return row[0] if row else None
