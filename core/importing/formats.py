"""Import formats: which of a file's columns hold which of our figures.

A format is data, not code: its name, a `detect(headers)` test and, for each of our fields,
the header texts (aliases) that mean it. Platform importers add a module that builds a
`Format` and appends it to `FORMATS` (before `GENERIC`, which is the fallback).

Headers are compared normalised (`normalise`): NFKC, case-folded, surrounding spaces off,
runs of spaces, underscores and hyphens as one space ("Jumlah_Unggahan " = "jumlah unggahan").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from core import metrics
from core.i18n import N_

#: Our fields, in the order the preview shows them. `platform` and `handle` name the
#: account; `date` the day; the rest are the day's figures (core.metrics' columns).
ACCOUNT_FIELDS = ("platform", "handle")
VALUE_FIELDS = ("followers", *metrics.SNAPSHOT_COUNTS)
FIELDS = (*ACCOUNT_FIELDS, "date", *VALUE_FIELDS)
#: A per-post file's fields (formats of kind "posts"): what identifies and describes the
#: post, then its figures (core.metrics.POST_COUNTS).
POST_FIELDS = ("post_id", "url", "published", "caption", *metrics.POST_COUNTS)
#: A mapping value that means "leave this column out".
IGNORE = ""
#: Each field's name for a mapping step's choices (translate with `_` where shown).
FIELD_TITLES = {
    "platform": N_("Platform"),
    "handle": N_("Account"),
    **metrics.SNAPSHOT_TITLES,
}

_SEPARATORS = re.compile(r"[\s_\-]+")


def normalise(header: object) -> str:
    """The form headers are compared in."""
    text = unicodedata.normalize("NFKC", "" if header is None else str(header))
    return _SEPARATORS.sub(" ", text.casefold()).strip()


@dataclass(frozen=True)
class Format:
    """How one kind of file maps to our fields.

    `columns`: our field → the header texts that mean it (any case and spacing).
    `ignore`: header texts that are known and deliberately left out (the export's `unit`).
    `detect(headers)`: True when a file with these (raw) headers is of this format; by default
    when a date column and at least one figure column are among the headers.
    """

    name: str
    columns: dict[str, list[str]]
    ignore: Sequence[str] = ()
    detect_headers: Callable[[list[str]], bool] | None = field(default=None, compare=False)
    #: What the preview calls it ("Meta Business Suite: Instagram posts"; translate with `_`).
    title: str = ""
    #: The `--format` name of the platform's formats ("meta", "x", "youtube", "tiktok").
    family: str = ""
    #: The platform every row is of (None: the file or the chosen account says).
    platform: str | None = None
    #: "account": figures per account and day (snapshots); "posts": figures per post.
    kind: str = "account"
    #: Our fields the file must have; missing ones are named in the problem.
    required: Sequence[str] = ()
    #: `split(sheet, today)`: the tables in a read sheet with the file's quirks undone
    #: (description rows, stacked tables, a Total row, dates without a year); may raise
    #: `read.Unreadable`.
    split: Callable | None = field(default=None, compare=False)
    #: `moment(cell)`: a date cell as a date or (naive or aware) datetime; ValueError if none.
    moment: Callable | None = field(default=None, compare=False)
    #: Our field → the file's own fields summed into it (TikTok: likes + comments + shares).
    sums: dict[str, Sequence[str]] = field(default_factory=dict)

    def field_of(self, header: object) -> str | None:
        """Our field for a header, or None."""
        return self._aliases().get(normalise(header))

    def ignores(self, header: object) -> bool:
        return normalise(header) in {normalise(h) for h in self.ignore}

    def _aliases(self) -> dict[str, str]:
        return {
            normalise(alias): name for name, aliases in self.columns.items() for alias in aliases
        }

    def detect(self, headers: list[str]) -> bool:
        if self.detect_headers is not None:
            return self.detect_headers(headers)
        found = {self.field_of(h) for h in headers}
        return "date" in found and bool(found & set(VALUE_FIELDS))


GENERIC = Format(
    "generic",
    {
        "platform": ["platform", "platforma", "platform media sosial"],
        "handle": ["handle", "akun", "account", "username", "nama akun"],
        "date": ["date", "tanggal"],
        "followers": ["followers", "pengikut", "jumlah pengikut"],
        "reach": ["reach", "jangkauan"],
        "impressions": ["impressions", "tayangan", "impresi"],
        "engagements": ["engagements", "interaksi", "engagement"],
        "posts_published": [
            "posts_published",
            "jumlah_unggahan",
            "posts",
            "unggahan",
            "jumlah posting",
        ],
        "new_followers": ["new_followers", "new followers", "pengikut baru"],
        "video_views": ["video_views", "video views", "penayangan video"],
    },
    ignore=("unit", "unit kerja", "satuan kerja"),
)

#: Every format, tried in order by `--format auto`; GENERIC last (platform formats first).
FORMATS: list[Format] = [GENERIC]


def names() -> list[str]:
    """The names `--format` accepts besides "auto": a platform's name stands for all its
    formats (meta: posts and daily files of Facebook and Instagram)."""
    return list(dict.fromkeys(f.family or f.name for f in FORMATS))


def by_name(name: str) -> Format | None:
    return next((f for f in FORMATS if name in (f.name, f.family)), None)


def of_family(name: str) -> list[Format]:
    """The formats `--format NAME` chooses among."""
    return [f for f in FORMATS if name in (f.name, f.family)]


def detect(headers: list[str]) -> Format:
    """The first format that recognises these headers; GENERIC when none does (its unknown
    headers are then reported, or mapped by hand in the app)."""
    return next((f for f in FORMATS if f.detect(headers)), GENERIC)
