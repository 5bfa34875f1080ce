"""The road a variant travels: idea → draft → review → approved → scheduled → published,
or cancelled; "needs changes" sends it back with a comment.

Every status change goes through `transition` (approval through `approve`), which refuses a
step the workflow does not allow, naming both states, and keeps who and when in the
variant's history. Approval levels are set per unit (`set_approval`): none, or a sequence
of levels (one approver is a sequence of one); a unit without its own setting follows its
parent unit, and the top unit's default is one level. Only active members with the approver
role approve. Rules that must hold before anything is approved join `APPROVAL_RULES` with
`@approval_rule`; checks an approver may override with a written reason (the tone
checklist's required items, from its own module) join `OVERRIDABLE_CHECKS` with
`@overridable_check`. An override is kept in the history step it let through, and holds for
the rest of that review round.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from core import accounts, limits, posts, timezone, validate
from core.db import Database, new_uid, now_iso
from core.errors import LinimasaError, ValidationError
from core.fmt import sentence
from core.i18n import N_, _
from core.posts import Variant, status_title

#: Where each status may go by `transition` (approval: `approve`, see APPROVE_FROM).
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "idea": ("draft", "cancelled"),
    "draft": ("idea", "review", "cancelled"),
    "review": ("draft", "changes", "cancelled"),
    "changes": ("draft", "review", "cancelled"),
    "approved": ("scheduled", "published", "changes", "cancelled"),
    "scheduled": ("approved", "published", "changes", "cancelled"),
    "published": (),
    "cancelled": ("idea", "draft"),
}
#: Where approval starts: review; a draft too when its unit needs no approval.
APPROVE_FROM = ("review", "draft")

#: Approval modes of a unit.
APPROVAL_MODES = ("inherit", "none", "levels")
DEFAULT_LEVEL_TITLE = N_("Approval")


class WorkflowError(LinimasaError):
    """A step the workflow refuses; the message says why."""


@dataclass(frozen=True)
class Level:
    position: int  # 1, 2, …
    title: str
    #: The member who must approve at this level (None: any approver).
    approver_id: int | None = None


@dataclass(frozen=True)
class HistoryEntry:
    at: str
    member_id: int | None
    member_name: str
    from_status: str | None
    to_status: str
    level: int | None
    comment: str
    #: An approver's reason to approve what a check found missing, and what that was.
    override_reason: str = ""
    overridden: tuple[str, ...] = ()

    @property
    def when(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.at)


@dataclass(frozen=True)
class ApprovalState:
    """Where a variant stands on its unit's approval road."""

    levels: list[Level]
    #: How many levels have approved since it was last sent for review.
    done: int

    @property
    def next_level(self) -> Level | None:
        return self.levels[self.done] if self.done < len(self.levels) else None


# --- approval levels ------------------------------------------------------------------------


def approval_mode(db: Database, unit_id: int) -> str:
    row = db.conn.execute("SELECT approval FROM units WHERE id = ?", (unit_id,)).fetchone()
    return row[0] if row else "inherit"


def own_levels(db: Database, unit_id: int) -> list[Level]:
    return [
        Level(row[0], row[1], row[2])
        for row in db.query(
            "SELECT position, title, approver_id FROM approval_levels WHERE unit_id = ? "
            "ORDER BY position",
            (unit_id,),
        )
    ]


def levels_for_unit(db: Database, unit_id: int | None) -> list[Level]:
    """The approval levels that apply to the unit's posts (following parents for "inherit")."""
    seen: set[int] = set()
    while unit_id is not None and unit_id not in seen:
        seen.add(unit_id)
        row = db.conn.execute(
            "SELECT approval, parent_id FROM units WHERE id = ?", (unit_id,)
        ).fetchone()
        if row is None:
            break
        if row[0] == "none":
            return []
        if row[0] == "levels":
            return own_levels(db, unit_id)
        unit_id = row[1]
    return [Level(1, _(DEFAULT_LEVEL_TITLE))]


def set_approval(
    db: Database, unit_id: int, mode: str, levels: list[tuple[str, int | None]] = ()
) -> list[Level]:
    """Set how the unit's posts are approved: "inherit" (as its parent; the top unit: one
    level), "none", or "levels" with `levels` as (title, approver id or None), first first."""
    validate.reference(db, "unit_id", unit_id, "units", required=True)
    mode = validate.choice("approval", mode, APPROVAL_MODES)
    rows = []
    if mode == "levels":
        if not levels:
            raise ValidationError("levels", levels, _("name at least one approval level"))
        for position, (title, approver_id) in enumerate(levels, start=1):
            approver = validate.reference(db, "approver_id", approver_id, "members")
            if approver is not None:
                _check_approver(db, approver)
            rows.append(
                (
                    new_uid(),
                    unit_id,
                    position,
                    validate.text("title", title, max_length=100),
                    approver,
                )
            )
    with db.transaction():
        db.conn.execute("UPDATE units SET approval = ? WHERE id = ?", (mode, unit_id))
        db.conn.execute("DELETE FROM approval_levels WHERE unit_id = ?", (unit_id,))
        db.conn.executemany(
            "INSERT INTO approval_levels (uid, unit_id, position, title, approver_id) "
            "VALUES (?, ?, ?, ?, ?)",
            rows,
        )
    return levels_for_unit(db, unit_id)


def _check_approver(db: Database, member_id: int) -> tuple[str, str]:
    row = db.conn.execute(
        "SELECT name, role, active FROM members WHERE id = ?", (member_id,)
    ).fetchone()
    if row is None:
        raise WorkflowError(_("No team member with id {id}.").format(id=member_id))
    name, role, active = row
    if not active:
        raise WorkflowError(_("{name} is no longer active in the team.").format(name=name))
    if role != "approver":
        raise WorkflowError(
            _("{name} cannot approve: only members with the approver role can.").format(name=name)
        )
    return name, role


def _unit_of(db: Database, variant: Variant) -> int | None:
    return db.conn.execute("SELECT unit_id FROM posts WHERE id = ?", (variant.post_id,)).fetchone()[
        0
    ]


def _active(db: Database, member_id: int | None) -> bool:
    if member_id is None:
        return False
    row = db.conn.execute("SELECT active FROM members WHERE id = ?", (member_id,)).fetchone()
    return bool(row and row[0])


def _required(db: Database, level: Level, levels: list[Level], post_id: int) -> int | None:
    """Who must approve at `level`: its named approver, or (one level only) the post's; a
    member who has left the team no longer holds anyone up: then any approver may."""
    required = level.approver_id
    if required is None and len(levels) == 1:
        required = posts.get(db, post_id).approver_id
    return required if _active(db, required) else None


def _round(db: Database, variant: Variant, levels: list[Level]) -> tuple[int, set[int]]:
    """Levels done since the variant was last sent for review, and who approved them.

    An approval counts for the level now at its place only if it still fits that level
    (its named approver, someone who has not approved an earlier level): when the unit's
    levels change half-way, or the post moves to another unit, the road starts where the
    recorded approvals stop fitting."""
    rows = db.query(
        "SELECT level, member_id FROM variant_history WHERE variant_id = ? "
        "AND level IS NOT NULL AND id > ? ORDER BY id",
        (variant.id, _submitted(db, variant.id)),
    )
    done, approvers = 0, set()
    for position, member in rows:
        if done == len(levels):
            break
        level = levels[done]
        required = _required(db, level, levels, variant.post_id)
        if (
            position == level.position
            and member is not None
            and member not in approvers
            and required in (None, member)
        ):
            done += 1
            approvers.add(member)
    return done, approvers


def _submitted(db: Database, variant_id: int) -> int:
    """The history id of the variant's last submission for review (0: never submitted)."""
    return (
        db.conn.execute(
            "SELECT max(id) FROM variant_history WHERE variant_id = ? AND to_status = 'review' "
            "AND level IS NULL",
            (variant_id,),
        ).fetchone()[0]
        or 0
    )


def approval_state(db: Database, variant_id: int) -> ApprovalState:
    variant = posts.get_variant(db, variant_id)
    levels = levels_for_unit(db, _unit_of(db, variant))
    if variant.status != "review":
        return ApprovalState(
            levels, len(levels) if variant.status in ("approved", "scheduled", "published") else 0
        )
    done, _approvers = _round(db, variant, levels)
    return ApprovalState(levels, done)


# --- rules that gate approval -------------------------------------------------------------

ApprovalRule = Callable[[Database, Variant], list[str]]
APPROVAL_RULES: list[ApprovalRule] = []


def approval_rule(rule: ApprovalRule) -> ApprovalRule:
    """Register a rule: it returns what stands in the way of approving the variant (nothing if
    it may be approved). Each capability adds its rules from its own module."""
    APPROVAL_RULES.append(rule)
    return rule


@approval_rule
def _has_text(db: Database, variant: Variant) -> list[str]:
    if not limits.compose(variant.text, variant.hashtags):
        return [_("The text is empty.")]
    return []


@approval_rule
def _within_limits(db: Database, variant: Variant) -> list[str]:
    platform = accounts.platform_of(db, variant.account_id)
    return limits.count(platform, variant.text, variant.hashtags).problems()


@approval_rule
def _account_in_use(db: Database, variant: Variant) -> list[str]:
    archived, handle = db.conn.execute(
        "SELECT archived, handle FROM accounts WHERE id = ?", (variant.account_id,)
    ).fetchone()
    return [_("The account {handle} is archived.").format(handle=handle)] if archived else []


def approval_problems(db: Database, variant_id: int) -> list[str]:
    """Everything that stands in the way of approving the variant, from every rule."""
    variant = posts.get_variant(db, variant_id)
    return [problem for rule in APPROVAL_RULES for problem in rule(db, variant)]


OVERRIDABLE_CHECKS: list[ApprovalRule] = []
#: How many of what the checks miss a refusal names (the editor lists them all).
SHOWN_PROBLEMS = 3


def overridable_check(check: ApprovalRule) -> ApprovalRule:
    """Register a check an approver may override with a written reason; it returns what it
    finds missing (each a short text, kept in the history when overridden)."""
    OVERRIDABLE_CHECKS.append(check)
    return check


def overridden_in_round(db: Database, variant_id: int) -> set[str]:
    """What an approver overrode since the variant was last sent for review."""
    submitted = _submitted(db, variant_id)
    found: set[str] = set()
    for (overridden,) in db.query(
        "SELECT overridden FROM variant_history WHERE variant_id = ? AND id > ? "
        "AND override_reason != ''",
        (variant_id, submitted),
    ):
        found.update(line for line in overridden.splitlines() if line)
    return found


def needs_override(db: Database, variant_id: int) -> list[str]:
    """What the overridable checks find missing and no approver has overridden this round:
    approval needs these fixed, or an approver's written reason."""
    variant = posts.get_variant(db, variant_id)
    found = [problem for check in OVERRIDABLE_CHECKS for problem in check(db, variant)]
    if not found:
        return []
    done = overridden_in_round(db, variant_id) if variant.status == "review" else set()
    return [problem for problem in dict.fromkeys(found) if problem not in done]


def warnings(db: Database, variant_id: int, now: dt.datetime | None = None) -> list[str]:
    """What is allowed but worth a second look (a planned time already past `now`, default
    the clock; naive is institution-local)."""
    variant = posts.get_variant(db, variant_id)
    tz = timezone.institution_zone(db)
    now = timezone.parse(now, tz) if now is not None else dt.datetime.now(tz)
    found = []
    if (
        variant.status not in posts.FINISHED
        and variant.planned is not None
        and variant.planned < now
    ):
        found.append(_("The planned time has passed and it is not published yet."))
    return found


# --- transitions ----------------------------------------------------------------------------


def _refuse(current: str, target: str) -> WorkflowError:
    return WorkflowError(
        _("A post cannot go from {current} to {target}.").format(
            current=status_title(current), target=status_title(target)
        )
    )


def allowed_targets(db: Database, variant_id: int) -> list[str]:
    """The statuses the variant can move to from where it is (approval included)."""
    variant = posts.get_variant(db, variant_id)
    targets = list(TRANSITIONS[variant.status])
    if variant.status in APPROVE_FROM and (
        variant.status == "review" or not levels_for_unit(db, _unit_of(db, variant))
    ):
        targets.insert(0, "approved")
    return targets


def transition(
    db: Database,
    variant_id: int,
    target: str,
    *,
    by: int | None = None,
    comment: str = "",
    url: str = "",
    published_at: dt.datetime | str | None = None,
    override: str = "",
    at: dt.datetime | str | None = None,
) -> Variant:
    """Move the variant to `target`, keeping the step in its history.

    "changes" needs a comment (what to change); "published" needs the actual time
    (`published_at`) and takes the post's `url`; "scheduled" needs a planned time;
    "approved" goes through `approve` (and needs `by`, an approver, unless the unit needs
    no approval; `override` is its written reason to approve what a check finds missing)."""
    variant = posts.get_variant(db, variant_id)
    target = validate.choice("status", target, posts.STATUSES)
    if target == "approved" and variant.status != "scheduled":
        return approve(db, variant_id, by, comment=comment, override=override, at=at)
    if target not in TRANSITIONS[variant.status]:
        raise _refuse(variant.status, target)
    comment = validate.text("comment", comment, required=False, max_length=5000)
    record: dict[str, object] = {"status": target}
    if target == "changes" and not comment:
        raise WorkflowError(_("Say what needs to change: a comment is required."))
    if target == "scheduled" and variant.planned_at is None:
        raise WorkflowError(_("Set the planned date and time before scheduling."))
    if target == "published":
        tz = timezone.institution_zone(db)
        record["published_at"] = validate.datetime(
            "published_at", published_at, required=True, tz=tz
        )
        if str(record["published_at"])[:10] > timezone.latest_today(db).isoformat():
            raise ValidationError("published_at", record["published_at"], _("lies in the future"))
        record["url"] = posts.validate_url(url)
    return _step(db, variant_id, variant.status, target, record, by=by, at=at, comment=comment)


def _step(
    db: Database,
    variant_id: int,
    old: str,
    new: str,
    record: dict[str, object],
    *,
    by: int | None,
    at: dt.datetime | str | None,
    comment: str,
    level: int | None = None,
    override_reason: str = "",
    overridden: str = "",
) -> Variant:
    """Store the step: the variant's changed columns (`record`; none: only the history, as
    for a level approved before the last) and its history row, in one transaction."""
    with db.transaction():
        if record:
            assignments = ", ".join(f"{column} = :{column}" for column in record)
            db.conn.execute(
                f"UPDATE post_variants SET {assignments}, updated_at = :_now WHERE id = :_id",
                {**record, "_id": variant_id, "_now": now_iso()},
            )
        posts.record_history(
            db,
            variant_id,
            old,
            new,
            by=by,
            at=at,
            comment=comment,
            level=level,
            override_reason=override_reason,
            overridden=overridden,
        )
    return posts.get_variant(db, variant_id)


def approve(
    db: Database,
    variant_id: int,
    by: int | None,
    *,
    comment: str = "",
    override: str = "",
    at: dt.datetime | str | None = None,
) -> Variant:
    """Approve the variant at its next level, as member `by`; at the last level it becomes
    approved. The one way to approval: every rule in `APPROVAL_RULES` must pass first, and
    what `needs_override` finds must be fixed or overridden by an approver with a written
    reason (`override`), which the history keeps beside what it let through."""
    variant = posts.get_variant(db, variant_id)
    levels = levels_for_unit(db, _unit_of(db, variant))
    if variant.status not in APPROVE_FROM or (variant.status == "draft" and levels):
        raise _refuse(variant.status, "approved")
    problems = approval_problems(db, variant_id)
    if problems:
        raise WorkflowError(
            _("It cannot be approved yet: {problems}").format(problems=" ".join(problems))
        )
    comment = validate.text("comment", comment, required=False, max_length=5000)
    override = validate.text("override", override, required=False, max_length=5000)
    missing = needs_override(db, variant_id)
    if missing and not override:
        shown = " ".join(sentence(p) for p in missing[:SHOWN_PROBLEMS])
        if len(missing) > SHOWN_PROBLEMS:
            shown += " " + _("({n} more)").format(n=len(missing) - SHOWN_PROBLEMS)
        raise WorkflowError(
            _(
                "It cannot be approved yet: {problems} An approver may approve it anyway with "
                "a written reason."
            ).format(problems=shown)
        )
    overridden = {"override_reason": override, "overridden": "\n".join(missing)} if missing else {}
    if missing and by is None:
        raise WorkflowError(_("Choose who approves: only members with the approver role can."))
    approved = {"status": "approved"}
    if not levels:
        if missing:
            _check_approver(db, by)
        return _step(
            db,
            variant_id,
            variant.status,
            "approved",
            approved,
            by=by,
            at=at,
            comment=comment,
            **overridden,
        )
    if by is None:
        raise WorkflowError(_("Choose who approves: only members with the approver role can."))
    name, _role = _check_approver(db, by)
    done, approvers = _round(db, variant, levels)
    # Every level done while still in review (the unit's levels were shortened since): the
    # last level's approval, given again, finishes it.
    level = levels[min(done, len(levels) - 1)]
    if by in approvers:
        raise WorkflowError(
            _(
                "{name} already approved at an earlier level; {level} needs another approver."
            ).format(name=name, level=level.title)
        )
    required = _required(db, level, levels, variant.post_id)
    if required is not None and required != by:
        other = db.conn.execute("SELECT name FROM members WHERE id = ?", (required,)).fetchone()
        raise WorkflowError(
            _("{level} is for {member} to approve, not {name}.").format(
                level=level.title, member=other[0] if other else "?", name=name
            )
        )
    last = level.position == len(levels)
    return _step(
        db,
        variant_id,
        "review",
        "approved" if last else "review",
        approved if last else {},
        by=by,
        at=at,
        comment=comment,
        level=level.position,
        **overridden,
    )


def cancel_post(db: Database, post_id: int, *, by: int | None = None, comment: str = "") -> int:
    """Cancel every variant of the post that has not gone out; returns how many."""
    posts.get(db, post_id)
    changed = 0
    with db.transaction():
        for variant in posts.variants_of(db, post_id):
            if variant.status in posts.FINISHED:
                continue
            transition(db, variant.id, "cancelled", by=by, comment=comment)
            changed += 1
    return changed


def history(db: Database, variant_id: int) -> list[HistoryEntry]:
    """Every status change of the variant, oldest first, with who made it."""
    tz = timezone.institution_zone(db)
    return [
        HistoryEntry(
            timezone.stored(row[0], tz),
            row[1],
            row[2] or "",
            row[3],
            row[4],
            row[5],
            row[6],
            row[7],
            tuple(line for line in row[8].splitlines() if line),
        )
        for row in db.query(
            """SELECT h.at, h.member_id, m.name, h.from_status, h.to_status, h.level, h.comment,
                      h.override_reason, h.overridden
               FROM variant_history h LEFT JOIN members m ON m.id = h.member_id
               WHERE h.variant_id = ? ORDER BY h.at, h.id""",
            (variant_id,),
        )
    ]


# --- demo data ------------------------------------------------------------------------------

DEMO_ORDER = 50
_DEMO_CHANGES = (
    "Mohon ganti fotonya: wajah peserta terlihat jelas dan belum ada izin.",
    "Angka pada infografis belum sesuai data terbaru; cek lagi dengan Pusdiklat.",
)
_DEMO_CANCEL = "Acara ditunda oleh panitia; unggahan menunggu jadwal baru."
_DEMO_SNIPPETS = (
    ("hashtags", "Tagar BMSN", "#SobatMutu #BMSN #StandarNasional"),
    ("hashtags", "Tagar Bulan Mutu", "#BulanMutuNasional #SNI #SobatMutu"),
    (
        "text",
        "Penutup resmi",
        "Informasi lebih lanjut: www.bmsn.go.id · Layanan pengaduan 1500-123",
    ),
    ("text", "Salam Mimin", "Salam mutu,\n– Mimin BeEmEs"),
)


def populate_demo(db: Database, context) -> None:
    """The demo's approval road (two levels at the humas bureau), saved snippets, and a
    history for every variant that matches its status: who moved it and when, with a few
    sent back for changes and one post cancelled."""
    import random

    from core import pillars

    rng = random.Random(context.seed + 8)
    approvers = [
        row[0] for row in db.query("SELECT id FROM members WHERE role = 'approver' ORDER BY id")
    ]
    head, section_head = approvers[0], approvers[-1]
    set_approval(
        db,
        context.unit_ids["humas"],
        "levels",
        [("Kepala Subbagian Publikasi", section_head), ("Kepala Biro Humas", head)],
    )
    for kind, name, body in _DEMO_SNIPPETS:
        pillars.save_snippet(db, kind, name, body)

    tz = timezone.institution_zone(db)
    latest = dt.datetime.combine(context.today - dt.timedelta(days=1), dt.time(16, 0))
    rows = db.query(
        """SELECT v.id, v.status, v.planned_at, v.published_at, p.id, p.created_at, p.owner_id,
                  p.unit_id, a.responsible_id
           FROM post_variants v JOIN posts p ON p.id = v.post_id
           JOIN accounts a ON a.id = v.account_id ORDER BY v.id"""
    )
    # Sent back for changes: two variants waiting in review; cancelled: one future post.
    waiting = [
        row for row in rows if row[1] == "review" and row[2] and row[2][:10] >= str(context.today)
    ]
    sent_back = {
        row[0]: _DEMO_CHANGES[i] for i, row in enumerate(rng.sample(waiting, min(2, len(waiting))))
    }
    early = sorted(
        {
            row[4]
            for row in rows
            if row[1] in ("idea", "draft") and row[2] and row[2][:10] > str(context.today)
        }
    )
    cancelled_post = early[len(early) // 2] if early else None
    halfway = next((row[0] for row in waiting if row[0] not in sent_back), None)

    history: list[tuple] = []
    status_updates: list[tuple[str, int]] = []
    levels_cache: dict[int | None, list[Level]] = {}
    for variant_id, status, planned, published, post_id, created, owner, unit, holder in rows:
        levels = levels_cache.setdefault(unit, levels_for_unit(db, unit))
        steps: list[tuple[str | None, str, int | None, int | None, str]] = [
            (None, "idea", owner, None, "")
        ]
        order = ("draft", "review", "approved", "scheduled", "published")
        reached = order.index(status) + 1 if status in order else 0
        for target in order[:reached]:
            previous = steps[-1][1]
            if target == "approved":
                for level in levels:
                    by = level.approver_id or head
                    last = level.position == len(levels)
                    steps.append(
                        ("review", "approved" if last else "review", by, level.position, "")
                    )
                if not levels:
                    steps.append((previous, "approved", owner, None, ""))
                continue
            if target == "published" and previous == "approved":
                steps.append(("approved", "scheduled", owner, None, ""))
                previous = "scheduled"
            steps.append((previous, target, holder if target == "published" else owner, None, ""))
        new_status = status
        if variant_id in sent_back:
            steps.append(("review", "changes", section_head, None, sent_back[variant_id]))
            new_status = "changes"
        elif variant_id == halfway and len(levels) > 1:
            steps.append(("review", "review", levels[0].approver_id or head, 1, ""))
        if post_id == cancelled_post:
            steps.append((steps[-1][1], "cancelled", owner, None, _DEMO_CANCEL))
            new_status = "cancelled"
        if new_status != status:
            status_updates.append((new_status, variant_id))
        start = dt.datetime.fromisoformat(created)
        end = (
            dt.datetime.fromisoformat(published).replace(tzinfo=None)
            if published
            else min(
                latest,
                (dt.datetime.fromisoformat(planned).replace(tzinfo=None) if planned else latest),
            )
        )
        end = max(end, start + dt.timedelta(minutes=len(steps)))
        span = (end - start) / max(1, len(steps) - 1)
        for index, (old, new, by, level, comment) in enumerate(steps):
            moment = start + span * index
            if 0 < index < len(steps) - 1 and rng.random() < 0.5:
                moment -= span * rng.uniform(0, 0.4)
            if new != "published":  # the team works office hours; a post goes out when planned
                moment = _office_hours(moment)
                if published:
                    moment = min(moment, end - dt.timedelta(minutes=len(steps) - index))
            history.append(
                (
                    new_uid(),
                    variant_id,
                    timezone.stored(moment.replace(microsecond=0), tz),
                    by,
                    old,
                    new,
                    level,
                    comment,
                )
            )
    db.conn.execute("DELETE FROM variant_history")
    db.conn.executemany(
        """INSERT INTO variant_history
           (uid, variant_id, at, member_id, from_status, to_status, level, comment)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        history,
    )
    db.conn.executemany("UPDATE post_variants SET status = ? WHERE id = ?", status_updates)
    links = db.query(
        """SELECT v.id, a.platform, a.handle FROM post_variants v
           JOIN accounts a ON a.id = v.account_id WHERE v.status = 'published' ORDER BY v.id"""
    )
    db.conn.executemany(
        "UPDATE post_variants SET url = ? WHERE id = ?",
        [(_demo_link(platform, handle, rng), variant_id) for variant_id, platform, handle in links],
    )


def _office_hours(moment: dt.datetime) -> dt.datetime:
    """The same share of the day, squeezed into 08:00–17:00 (order within a day is kept)."""
    seconds = moment.hour * 3600 + moment.minute * 60 + moment.second
    squeezed = 8 * 3600 + seconds * 9 // 24
    return dt.datetime.combine(moment.date(), dt.time()) + dt.timedelta(seconds=squeezed)


def _demo_link(platform: str, handle: str, rng) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
    code = "".join(rng.choice(letters) for _ in range(11))
    number = rng.randrange(10**18, 10**19)
    return {
        "instagram": f"https://www.instagram.com/p/{code}/",
        "x": f"https://x.com/{handle}/status/{number}",
        "facebook": f"https://www.facebook.com/{handle}/posts/{number}",
        "youtube": f"https://www.youtube.com/watch?v={code}",
    }.get(platform, f"https://example.org/{handle}/{number}")


# The checklist's required items join the gate from their own module; importing it here
# makes the gate whole wherever approval is called from (a script, the CLI, the app).
from core import guidelines as _guidelines  # noqa: E402, F401
