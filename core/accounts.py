"""The institution's official accounts, one per platform and handle."""

from __future__ import annotations

import re
import sqlite3
import urllib.parse
from dataclasses import dataclass

from core import timezone, validate
from core.db import Database, new_uid, now_iso
from core.errors import NotFound, ValidationError
from core.i18n import _

PLATFORMS = ("facebook", "instagram", "x", "youtube", "tiktok", "other")
PLATFORM_TITLES = {
    "facebook": "Facebook",
    "instagram": "Instagram",
    "x": "X",
    "youtube": "YouTube",
    "tiktok": "TikTok",
    "other": "",
}


def platform_title(platform: str) -> str:
    return PLATFORM_TITLES.get(platform) or _("Other")


@dataclass(frozen=True)
class Account:
    id: int
    uid: str
    platform: str
    handle: str
    display_name: str
    unit_id: int | None
    responsible_id: int | None
    url: str
    start_date: str | None
    archived: bool
    #: Another institution's account, followed for comparison: no unit, no checklist, no posts.
    peer: bool = False


@dataclass(frozen=True)
class AccountRow:
    """An account as the accounts table shows it: names resolved, latest followers attached."""

    account: Account
    unit_name: str
    responsible_name: str
    followers: int | None
    followers_date: str | None


def _row(row) -> Account:
    return Account(
        row["id"],
        row["uid"],
        row["platform"],
        row["handle"],
        row["display_name"],
        row["unit_id"],
        row["responsible_id"],
        row["url"],
        row["start_date"],
        bool(row["archived"]),
        bool(row["peer"]),
    )


EDITABLE = (
    "platform",
    "handle",
    "display_name",
    "unit_id",
    "responsible_id",
    "url",
    "start_date",
    "peer",
)

#: The web addresses of each platform's profiles (www. and m. are taken off first).
PLATFORM_HOSTS = {
    "facebook": ("facebook.com", "fb.com"),
    "instagram": ("instagram.com",),
    "x": ("x.com", "twitter.com"),
    "youtube": ("youtube.com", "youtu.be"),
    "tiktok": ("tiktok.com",),
}
#: First path parts that are pages of the platform, not profiles.
_NOT_PROFILES = {
    "p", "reel", "reels", "tv", "stories", "explore", "accounts", "direct", "i", "home",
    "search", "intent", "hashtag", "settings", "messages", "watch", "results", "shorts",
    "live", "playlist", "feed", "groups", "share", "sharer", "photo", "video", "status",
    "login", "t", "discover", "tag", "music", "events", "marketplace",
}  # fmt: skip
#: Later path parts that make a link a post's, not a profile's (x.com/name/status/1…).
_POST_MARKERS = {"status", "video", "posts", "reel", "p", "photos", "permalink.php"}
#: Short links that hide where they lead (a video, a shared post): they name no profile.
_SHORT_LINK_HOSTS = {"youtu.be", "vm.tiktok.com", "vt.tiktok.com", "fb.me", "t.co"}


def _host(url: str) -> str:
    host = urllib.parse.urlsplit(url).hostname or ""
    for prefix in ("www.", "m.", "mobile.", "web."):
        host = host.removeprefix(prefix)
    return host


def platform_of_url(url: str) -> str | None:
    """The platform a profile address belongs to (None for any other site)."""
    host = _host(url)
    for platform, hosts in PLATFORM_HOSTS.items():
        if any(host == h or host.endswith("." + h) for h in hosts):
            return platform
    return None


_URL_START = re.compile(
    r"^(https?://|(www\.|m\.|mobile\.|web\.)?("
    + "|".join(re.escape(h) for hosts in PLATFORM_HOSTS.values() for h in hosts)
    + r")([/?#]|$))",
    re.IGNORECASE,
)


def _looks_like_url(text: str) -> bool:
    """A web address rather than a handle (x.comunitas is a handle; x.com/comunitas is not)."""
    return bool(_URL_START.match(text))


def _profile_segment(platform: str, segments: list[str], query: str) -> str | None:
    """The part of a profile address that names the account, or None for a non-profile link."""
    if platform == "facebook" and segments:
        first = segments[0].lower()
        if first == "profile.php":
            ids = urllib.parse.parse_qs(query).get("id", [])
            return ids[0] if ids else None
        if first in ("pages", "people") and len(segments) >= 2:
            # /pages/Humas-Kota/123456 and /people/Humas-Kota/1000…: the number is the page
            return segments[2] if len(segments) >= 3 and segments[2].isdigit() else segments[1]
        if first == "pg" and len(segments) >= 2:
            return segments[1]
        if first == "p" and len(segments) >= 2:
            # /p/Humas-Kota-100064123456/: a page without a username, named by its number
            number = segments[1].rsplit("-", 1)[-1]
            return number if number.isdigit() else None
    if platform == "youtube" and segments[:1] and segments[0].lower() in ("c", "user", "channel"):
        return segments[1] if len(segments) >= 2 else None
    if not segments or segments[0].lower() in _NOT_PROFILES:
        return None
    if any(part.lower() in _POST_MARKERS for part in segments[1:]):
        return None
    return segments[0]


def handle_from_url(platform: str, text: str) -> str:
    """The handle in a pasted profile address (https://www.instagram.com/bmsn_ri/ → bmsn_ri).

    A link to another platform's profile, or to a post, a video or a short link instead of
    a profile, is refused.
    """
    url = text.strip()
    if not url.lower().startswith(("http://", "https://")):
        url = "https://" + url
    found = platform_of_url(url)
    if platform in PLATFORM_HOSTS and found != platform:
        if found is None:
            reason = _("this is not an address on {platform}").format(
                platform=platform_title(platform)
            )
        else:
            reason = _("this is the address of a profile on {other}, not on {platform}").format(
                other=platform_title(found), platform=platform_title(platform)
            )
        raise ValidationError("handle", text, reason)
    parts = urllib.parse.urlsplit(url)
    segments = [urllib.parse.unquote(p) for p in parts.path.split("/") if p]
    name = None
    if (urllib.parse.urlsplit(url).hostname or "").lower() not in _SHORT_LINK_HOSTS:
        name = _profile_segment(found or platform, segments, parts.query)
    if not name or not name.lstrip("@"):
        raise ValidationError(
            "handle",
            text,
            _("this address does not lead to a profile; paste the profile's address"),
        )
    return name.lstrip("@")


def _bare_handle(value: object, platform: object = None) -> object:
    """ "@humas_kota", " humas_kota " and a pasted profile address are all humas_kota."""
    if not isinstance(value, str):
        return value
    if _looks_like_url(value.strip()):
        return handle_from_url(platform if isinstance(platform, str) else "other", value)
    return value.strip().lstrip("@").strip()


def _url(platform: object, value: object, current: Account | None = None) -> str:
    text = validate.text("url", value, required=False, max_length=500)
    if not text:
        return text
    if current is not None and text == current.url and platform == current.platform:
        return text  # as stored (older files took any address): only a change is checked
    if not text.lower().startswith(("http://", "https://")):
        text = "https://" + text
    if not _host(text) or "." not in _host(text):
        raise ValidationError("url", value, _("not a web address (https://…)"))
    if platform in PLATFORM_HOSTS and platform_of_url(text) != platform:
        raise ValidationError(
            "url",
            value,
            _("not an address on {platform}").format(platform=platform_title(str(platform))),
        )
    return text


def _check(db: Database, fields: dict, current: Account | None) -> tuple[dict, dict[str, str]]:
    """The given fields cleaned, and every problem found (field → reason), checking each
    field against the others as they will be stored (the account's current values fill in
    the rest)."""
    merged = {**(vars(current) if current else {}), **fields}
    platform = merged.get("platform")
    cleaners = {
        "platform": lambda v: validate.choice("platform", v, PLATFORMS),
        "handle": lambda v: validate.text("handle", _bare_handle(v, platform), max_length=100),
        "display_name": lambda v: validate.text("display_name", v, required=False, max_length=200),
        "unit_id": lambda v: validate.reference(db, "unit_id", v, "units"),
        "responsible_id": lambda v: validate.reference(db, "responsible_id", v, "members"),
        "url": lambda v: _url(platform, v, current),
        "start_date": lambda v: validate.date(
            "start_date", v, required=False, latest=timezone.latest_today(db)
        ),
        "peer": lambda v: 1 if v else 0,
    }
    unknown = set(fields) - set(cleaners)
    if unknown:
        name = sorted(unknown)[0]
        raise ValidationError(name, fields[name], _("not a field of an account"))
    clean, problems = {}, {}
    # The URL follows the platform, so a changed platform checks the stored URL again.
    checked = dict(fields)
    if "platform" in fields and current is not None and "url" not in fields:
        checked["url"] = current.url
    for key, value in checked.items():
        try:
            clean[key] = cleaners[key](value)
        except ValidationError as error:
            problems[key] = error.reason
    if merged.get("peer") and merged.get("unit_id") is not None and "unit_id" not in problems:
        problems["unit_id"] = _("an account of another institution belongs to none of our units")
    if fields.get("peer") and current is not None and not current.peer:
        used = db.conn.execute(
            """SELECT EXISTS (SELECT 1 FROM post_variants WHERE account_id = :id)
                   OR EXISTS (SELECT 1 FROM account_security WHERE account_id = :id)""",
            {"id": current.id},
        ).fetchone()[0]
        if used:
            problems["peer"] = _(
                "this account has our posts or a security checklist: it is one of ours"
            )
    handle = clean.get("handle", merged.get("handle"))
    if "handle" not in problems and "platform" not in problems and handle and platform:
        row = db.conn.execute(
            "SELECT id FROM accounts WHERE platform = ? AND handle = ? AND id != ?",
            (platform, handle, current.id if current else -1),
        ).fetchone()
        if row is not None:
            problems["handle"] = _("this platform already has an account with this handle")
    return {k: v for k, v in clean.items() if k in fields}, problems


def field_problems(db: Database, fields: dict, account_id: int | None = None) -> dict[str, str]:
    """What is wrong with a form's fields, field by field, without saving anything: a form
    shows these at its fields while the user types, and keeps Save disabled until empty."""
    current = get(db, account_id) if account_id is not None else None
    return _check(db, fields, current)[1]


def _clean(db: Database, fields: dict, current: Account | None = None) -> dict:
    """Validate the given editable fields; the first failure raises, naming field and value."""
    clean, problems = _check(db, fields, current)
    if problems:
        name = next(k for k in (*EDITABLE, *problems) if k in problems)
        raise ValidationError(name, fields.get(name), problems[name])
    return clean


def _write(db: Database, handle: str, write) -> int:
    try:
        with db.transaction():
            return write()
    except sqlite3.IntegrityError as exc:
        if "UNIQUE" in str(exc):
            raise ValidationError(
                "handle", handle, _("this platform already has an account with this handle")
            ) from exc
        raise ValidationError(
            "handle", handle, _("not accepted by the database ({detail})").format(detail=exc)
        ) from exc


def create(
    db: Database,
    platform: str,
    handle: str,
    display_name: str = "",
    unit_id: int | None = None,
    responsible_id: int | None = None,
    url: str = "",
    start_date: str | None = None,
    peer: bool = False,
) -> Account:
    record = _clean(
        db,
        {
            "platform": platform,
            "handle": handle,
            "display_name": display_name,
            "unit_id": unit_id,
            "responsible_id": responsible_id,
            "url": url,
            "start_date": start_date,
            "peer": peer,
        },
    )
    record.update(uid=new_uid(), archived=0, created_at=now_iso())
    account_id = _write(db, handle, lambda: db.su["accounts"].insert(record).last_pk)
    return get(db, account_id)


def update(db: Database, account_id: int, **changes) -> Account:
    """Change some of an account's editable fields (see EDITABLE), all or nothing."""
    record = _clean(db, changes, get(db, account_id))
    if record:
        _write(db, changes.get("handle", ""), lambda: db.su["accounts"].update(account_id, record))
    return get(db, account_id)


def restore(db: Database, before: Account) -> Account:
    """Put an account's editable fields back exactly as they were read (undo). They were
    stored once, so they are taken as they are, even where today's checks are stricter
    (an older file's web address, say)."""
    get(db, before.id)
    record = {name: getattr(before, name) for name in EDITABLE}
    record["peer"] = 1 if before.peer else 0
    _write(db, before.handle, lambda: db.su["accounts"].update(before.id, record))
    return get(db, before.id)


def get(db: Database, account_id: int) -> Account:
    row = db.conn.execute("SELECT * FROM accounts WHERE id = ?", (account_id,)).fetchone()
    if row is None:
        raise NotFound(_("account"), account_id)
    return _row(row)


def list_all(db: Database, include_archived: bool = False) -> list[Account]:
    where = "" if include_archived else "WHERE archived = 0"
    found = [_row(r) for r in db.query(f"SELECT * FROM accounts {where}")]
    return sorted(found, key=_display_order)


def table_rows(db: Database, include_archived: bool = False) -> list[AccountRow]:
    """Every account with its unit, responsible member and latest follower count, in one query."""
    rows = db.query(
        """
        SELECT a.*, COALESCE(u.name, '') AS unit_name, COALESCE(m.name, '') AS responsible_name,
               s.followers AS latest_followers, s.date AS latest_date
        FROM accounts a
        LEFT JOIN units u ON u.id = a.unit_id
        LEFT JOIN members m ON m.id = a.responsible_id
        LEFT JOIN account_snapshots s ON s.id = (
            SELECT id FROM account_snapshots WHERE account_id = a.id AND followers IS NOT NULL ORDER BY date DESC LIMIT 1)
        WHERE ? OR a.archived = 0
        """,
        (1 if include_archived else 0,),
    )
    result = [
        AccountRow(
            _row(r), r["unit_name"], r["responsible_name"], r["latest_followers"], r["latest_date"]
        )
        for r in rows
    ]
    result.sort(key=lambda r: _display_order(r.account))
    return result


def _display_order(account: Account) -> tuple[int, str]:
    """Platforms in PLATFORMS order, then handles alphabetically."""
    return PLATFORMS.index(account.platform), account.handle.lower()


def set_archived(db: Database, account_id: int, archived: bool) -> Account:
    get(db, account_id)
    with db.transaction():
        db.su["accounts"].update(account_id, {"archived": 1 if archived else 0})
    return get(db, account_id)


def platform_of(db: Database, account_id: int) -> str:
    """The account's platform, without reading the whole account."""
    row = db.conn.execute("SELECT platform FROM accounts WHERE id = ?", (account_id,)).fetchone()
    if row is None:
        raise ValidationError("account_id", account_id, _("no such account"))
    return row[0]


def handle_text(account: Account) -> str:
    """How the handle is written on its platform: @name where the platform uses @."""
    if account.platform in ("instagram", "x", "tiktok"):
        return "@" + account.handle
    return account.handle


def count(db: Database, include_archived: bool = True) -> int:
    where = "" if include_archived else "WHERE archived = 0"
    return db.conn.execute(f"SELECT count(*) FROM accounts {where}").fetchone()[0]


def find(db: Database, name: str, include_archived: bool = True) -> Account:
    """The account a user names on the command line: "handle", "@handle" or
    "platform:handle" (needed when the handle is on several platforms). Raises
    ValidationError naming the choices when the name is unknown or ambiguous."""
    text = str(name).strip()
    platform, _colon, handle = text.rpartition(":") if ":" in text else ("", "", text)
    handle = handle.strip().lstrip("@").casefold()
    found = [
        account
        for account in list_all(db, include_archived=include_archived)
        if account.handle.casefold() == handle and (not platform or account.platform == platform)
    ]
    if len(found) == 1:
        return found[0]
    if not found:
        raise ValidationError("account", name, _("no account has this handle"))
    choices = ", ".join(f"{a.platform}:{a.handle}" for a in found)
    raise ValidationError(
        "account",
        name,
        _("the handle is on several platforms; write one of {choices}").format(choices=choices),
    )
