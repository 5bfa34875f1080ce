"""What a row's cells say, for the import pipeline (core.importing.pipeline) and its per-post
rows (core.importing.posts): whose account (a platform and handle as files write them, found
among the file's accounts), which count, which date.
"""

from __future__ import annotations

import contextlib
import datetime as dt

from core import accounts, parse
from core.db import Database
from core.errors import UsageError
from core.i18n import _
from core.importing import formats
from core.tabular import unneutralise
from core.validate import MAX_COUNT

#: Platform names a file may use besides ours (case-blind).
PLATFORM_ALIASES = {
    **{p: p for p in accounts.PLATFORMS},
    "twitter": "x",
    "x (twitter)": "x",
    "twitter/x": "x",
    "x/twitter": "x",
    "fb": "facebook",
    "ig": "instagram",
    "yt": "youtube",
    "tik tok": "tiktok",
    "lainnya": "other",
}

# --- accounts ---------------------------------------------------------------------------


def platform_of(text: object) -> str | None:
    if text is None:
        return None
    key = formats.normalise(unneutralise(str(text)))
    if not key:
        return None
    return PLATFORM_ALIASES.get(key) or PLATFORM_ALIASES.get(key.replace(" ", ""))


def handle_of(text: object) -> str:
    if text is None:
        return ""
    if isinstance(text, float) and text.is_integer():
        text = int(text)
    value = unneutralise(str(text).strip()).strip().lstrip("@").strip()
    return value


def parse_account_option(text: str) -> tuple[str | None, str]:
    """--account: "handle" or "platform:handle" → (platform or None, handle)."""
    text = text.strip()
    if ":" in text:
        prefix, rest = text.split(":", 1)
        platform = platform_of(prefix)
        if platform is None:
            raise UsageError(
                _("--account: {platform} is not a platform; choose one of {choices}").format(
                    platform=prefix, choices=", ".join(accounts.PLATFORMS)
                )
            )
        handle = handle_of(rest)
    else:
        platform, handle = None, handle_of(text)
    if not handle:
        raise UsageError(_("--account: give a handle, or platform:handle"))
    return platform, handle


class AccountFinder:
    """Finds accounts by (platform, handle), handles compared without case and @."""

    def __init__(self, db: Database, create: bool):
        self.db = db
        self.create = create
        self.by_key: dict[tuple[str, str], int] = {}
        self.by_handle: dict[str, list[accounts.Account]] = {}
        for account in accounts.list_all(db, include_archived=True):
            self.by_key.setdefault((account.platform, account.handle.casefold()), account.id)
            self.by_handle.setdefault(account.handle.casefold(), []).append(account)
        self.unknown: dict[str, None] = {}
        self.to_create: dict[tuple[str, str], None] = {}
        self._cache: dict[tuple[str | None, str], tuple] = {}
        self.new_spelling: dict[tuple[str, str], str] = {}

    def find(self, platform: str | None, handle: str) -> tuple[str, str, int | None, str | None]:
        """(platform, handle, account id or None to create, problem or None)."""
        key = (platform, handle.casefold())
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._find(platform, handle)
        return found

    def _find(self, platform, handle):
        folded = handle.casefold()
        if platform is None:
            candidates = self.by_handle.get(folded, [])
            if len(candidates) == 1:
                only = candidates[0]
                return only.platform, only.handle, only.id, None
            if len(candidates) > 1:
                choices = ", ".join(f"{a.platform}:{a.handle}" for a in candidates)
                return (
                    "",
                    handle,
                    None,
                    _(
                        "{handle} is an account on several platforms ({choices}); add a platform "
                        "column or give --account platform:handle"
                    ).format(handle=handle, choices=choices),
                )
            self.unknown[handle] = None
            if self.create:
                return (
                    "",
                    handle,
                    None,
                    _(
                        "there is no account {handle}, and without its platform it cannot be "
                        "created; add a platform column or give --account platform:handle"
                    ).format(handle=handle),
                )
            return "", handle, None, self.unknown_message(handle)
        account_id = self.by_key.get((platform, folded))
        if account_id is not None:
            stored = next(a.handle for a in self.by_handle[folded] if a.id == account_id)
            return platform, stored, account_id, None
        # One new account for BaruAkun and baruakun (handles are stored without case): the
        # first spelling in the file is the one created.
        handle = self.new_spelling.setdefault((platform, folded), handle)
        self.unknown[f"{platform}:{handle}"] = None
        if self.create:
            refused = accounts.field_problems(self.db, {"platform": platform, "handle": handle})
            if refused:
                return (
                    platform,
                    handle,
                    None,
                    _("the account {name} cannot be created: {reason}").format(
                        name=f"{platform}:{handle}", reason="; ".join(refused.values())
                    ),
                )
            self.to_create[(platform, handle)] = None
            return platform, handle, None, None
        return platform, handle, None, self.unknown_message(f"{platform}:{handle}")

    @staticmethod
    def unknown_message(name: str) -> str:
        return _("unknown account {name}; add it first, or import with --create-accounts").format(
            name=name
        )


# --- cells ------------------------------------------------------------------------------


def count(cell: object) -> tuple[int | None, str | None]:
    """(count or None for no value, problem or None)."""
    if type(cell) is str:
        if cell.isascii() and cell.isdigit():
            # Python refuses int() of more than 4300 digits: a count that long is too large.
            digits = cell.lstrip("0") or "0"
            value = int(digits) if len(digits) <= len(str(MAX_COUNT)) else MAX_COUNT + 1
            if value > MAX_COUNT:
                return None, _("too large to be a real count: {value}").format(value=cell)
            return value, None
        if parse.is_no_value(cell):
            return None, None
    elif type(cell) is int:
        if cell < 0:
            return None, _("a count cannot be negative: {value}").format(value=cell)
        if cell > MAX_COUNT:
            return None, _("too large to be a real count: {value}").format(value=cell)
        return cell, None
    elif cell is None:
        return None, None
    if isinstance(cell, bool | dt.date):
        return None, _("not a number: {value}").format(value=cell)
    try:
        value = parse.number(cell)
    except ValueError:
        return None, _("not a number: {value}").format(value=cell)
    if value is None:
        return None, None
    if value < 0:
        return None, _("a count cannot be negative: {value}").format(value=cell)
    if not float(value).is_integer():
        return None, _("not a whole number: {value}").format(value=cell)
    if value > MAX_COUNT:
        return None, _("too large to be a real count: {value}").format(value=cell)
    return int(value), None


def date_readings(cell: object, cache: dict) -> tuple[dict[str, dt.date], dt.date | None]:
    """(every reading of a date cell by order, the date when all readings agree), cached."""
    found = cache.get(cell)
    if found is None:
        readings = None
        if isinstance(cell, str) and len(cell) == 10 and cell[4] == "-" and cell[7] == "-":
            with contextlib.suppress(ValueError):
                readings = {"ymd": dt.date.fromisoformat(cell)}
        if readings is None:
            try:
                readings = parse.date_candidates(cell)
            except ValueError:
                readings = {}
        days = set(readings.values())
        found = cache[cell] = (readings, days.pop() if len(days) == 1 else None)
    return found


def blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())
